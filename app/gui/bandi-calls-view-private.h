/* bandi-calls-view-private.h — shared by the calls view and its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-calls-view.h"
#include "bandi-context.h"

G_BEGIN_DECLS

enum { WINDOW_ANY, WINDOW_7, WINDOW_30, WINDOW_90, WINDOW_CLOSED };
enum { STATUS_ANY, STATUS_OPEN, STATUS_FORTHCOMING, STATUS_CLOSED, STATUS_UNKNOWN };
enum { COL_DAYS, COL_DEADLINE, COL_PROGRAMME, COL_ID, COL_TITLE, COL_STATUS, COL_RELEVANCE, COL_STAR, N_COLUMNS };

struct _BandiCallsView
{
  GtkWidget           parent_instance;

  BandiCallsKind      kind;
  BandiContext       *context;
  GListModel         *calls;          /* the context's calls, as last applied */
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;         /* the filtered calls, by the column clicked */
  GtkCustomFilter    *filter;
  GtkSelectionModel  *selection;
  GHashTable         *next_deadline;  /* call id → gint64 unix, absent: none */
  GHashTable         *relevance;      /* call id → score + 1 for relevance_cluster */
  GHashTable         *search_ids;     /* NULL: no search */
  BandiCluster       *cluster;        /* the relevance cluster, if any */
  char               *relevance_cluster;
  char               *fixed_cluster;
  gint64              now;            /* the context's clock, as last applied */
  GDateTime          *now_dt;
  gboolean            updating_dropdowns;
  gboolean            calls_stale;    /* calls to apply when next mapped */
  gboolean            filter_stale;   /* filters to apply when next mapped */
  guint               refilter_idle;
  guint               fit_title_idle;
  struct {
    const char       *source;     /* NULL: any */
    const char       *programme;  /* NULL: any */
    guint             status;
    guint             window;
    gboolean          suggested_only;
  } state;

  /* template children */
  GtkMenuButton      *filters_button;
  GtkWidget          *clear_button;
  GtkDropDown        *source_dropdown;
  GtkDropDown        *programme_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *window_dropdown;
  GtkDropDown        *cluster_dropdown;
  GtkToggleButton    *suggested_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *sync_button;

  GtkColumnViewColumn *columns[N_COLUMNS];
};

/* The next deadline of @call (as unix time) at the view's clock; FALSE
 * for a call without deadline. */
gboolean bandi_calls_view_next_deadline (BandiCallsView *self,
                                         BandiCall      *call,
                                         gint64         *out);
/* The relevance of @call for the cluster shown, computed once. */
guint bandi_calls_view_relevance_of  (BandiCallsView *self,
                                      BandiCall      *call);
/* The star of the row that holds @widget, or NULL (bandi-calls-columns.c). */
GtkToggleButton *bandi_calls_view_row_star (GtkWidget *widget);
/* Gives the title column the room the others leave (when idle). */
void  bandi_calls_view_fit_title     (BandiCallsView *self);
/* Adds the columns (bandi-calls-columns.c). */
void  bandi_calls_view_build_columns (BandiCallsView *self);

/* The filters (bandi-calls-filters.c) */
gboolean    bandi_calls_view_filter_func             (gpointer        item,
                                                      gpointer        user_data);
void        bandi_calls_view_init_filters            (BandiCallsView *self);
/* The entry chosen in a list whose first entry means "any": NULL for it */
const char *bandi_calls_view_selected_string         (GtkDropDown    *dropdown);
/* Reads the filter widgets once, not for each of 20,000 calls. */
void        bandi_calls_view_read_filter_state       (BandiCallsView *self);
/* The source and programme lists, from the calls */
void        bandi_calls_view_refill_dropdowns        (BandiCallsView *self);
void        bandi_calls_view_refill_cluster_dropdown (BandiCallsView *self);
void        bandi_calls_view_select_cluster          (BandiCallsView *self);
/* Applies the filters again (when next shown, if hidden). */
void        bandi_calls_view_refilter_now            (BandiCallsView *self);
/* Sets every filter back to "any". */
void        bandi_calls_view_clear_filters           (BandiCallsView *self);

G_END_DECLS
