/* bandi-calendar-view-private.h — shared by the calendar and its filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-calendar-view.h"

G_BEGIN_DECLS

#define N_WEEKS 6

typedef struct {
  BandiCall     *call;      /* borrowed from the calls model */
  BandiDeadline *deadline;  /* borrowed from the call */
  gint64         at;        /* sort key */
} Entry;

struct _BandiCalendarView
{
  GtkWidget    parent_instance;

  BandiContext *context;
  GListModel  *calls;        /* the context's calls, as indexed */
  GPtrArray   *source_ids;   /* the source filter's entries after "any" */
  struct {
    const char   *source;    /* NULL: any */
    BandiCluster *cluster;   /* NULL: any; else its suggested calls */
    gboolean      starred;
  } filter;
  GHashTable  *days;       /* yyyymmdd → GArray of Entry */
  gboolean     index_dirty;
  int          year;
  int          month;
  gboolean     compact;     /* dots in the days, the chosen day listed */
  guint        chosen;      /* the chosen day, yyyymmdd */
  GtkWidget   *cells[N_WEEKS * 7];

  /* template children */
  GtkLabel    *month_label;
  GtkGrid     *grid;
  GtkListBox  *agenda_list;
  GtkStack    *agenda_stack;
  GtkWidget   *day_scroller;
  GtkListBox  *day_list;
  GtkDropDown *source_dropdown;
  GtkDropDown *cluster_dropdown;
  GtkCheckButton *starred_button;
  GtkMenuButton *filters_button;
};

/* bandi-calendar-filters.c: by source, cluster (its suggested calls)
 * and star */
/* The sources and clusters to choose from, after a reload */
void     bandi_calendar_view_refill_filters (BandiCalendarView *self);
/* Reads the filter widgets (after a change, or a refill). */
void     bandi_calendar_view_read_filters   (BandiCalendarView *self);
/* Whether the filters let @call's deadlines show */
gboolean bandi_calendar_view_shows          (BandiCalendarView *self,
                                             BandiCall         *call);
void     bandi_calendar_view_free_filters   (BandiCalendarView *self);
/* A filter widget changed (bandi-calendar-view.c) */
void     bandi_calendar_view_filter_changed (BandiCalendarView *self);

G_END_DECLS
