/* bandi-window-private.h — shared by the window and its sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-caldav-publisher.h"
#include "bandi-calendar-view.h"
#include "bandi-call-details.h"
#include "bandi-calls-view.h"
#include "bandi-context.h"
#include "bandi-dashboard-view.h"
#include "bandi-proposal-editor.h"
#include "bandi-proposals-view.h"
#include "bandi-sync-button.h"
#include "bandi-window.h"

G_BEGIN_DECLS

struct _BandiWindow
{
  AdwApplicationWindow  parent_instance;

  BandiApplication     *application;
  BandiContext         *context;      /* what every page shows */
  BandiStore           *store;        /* the context's */
  GSettings            *settings;     /* the context's */
  GQueue                history;      /* page names pushed over a section */
  char                 *section;      /* "upcoming", "cluster:AFIL", … */
  char                 *search_text;  /* the search applied */
  gboolean              searching;    /* showing "all" for a search */
  GHashTable           *search_ids;   /* the ids it matches, NULL for all */
  GCancellable         *publishing;   /* while publishing to the calendar */
  AdwToast             *publish_toast;
  BandiCaldavReport    *publish_report;  /* the last one that had failures */
  BandiMergeStats       sync_stats;     /* what the running sync brought */
  gboolean              sync_succeeded; /* a source of it succeeded */
  GtkWidget            *sync_banner;    /* AdwBanner, or a revealer on 1.2 */
  char                 *banner_source;  /* the failing source it names */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  GtkWidget            *back_button;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  BandiSyncButton      *sync_button;
  GtkStack             *stack;

  /* views, each NULL until its page is first shown */
  BandiCallsView       *upcoming_view;
  BandiCallsView       *all_view;
  BandiCallsView       *starred_view;
  BandiCalendarView    *calendar_view;
  BandiProposalsView   *proposals_view;
  BandiDashboardView   *dashboard_view;
  AdwViewStack         *cluster_stack;
  BandiCallsView       *cluster_calls_view;
  BandiProposalsView   *cluster_proposals_view;
  BandiDashboardView   *cluster_dashboard_view;
  BandiCallDetails     *details;
  BandiProposalEditor  *editor;
};

/* bandi-window.c */
BandiCallsView *bandi_window_current_calls_view (BandiWindow      *self);
void        bandi_window_update_header        (BandiWindow        *self);
void        bandi_window_go_back              (BandiWindow        *self);
void        bandi_window_show_call            (BandiWindow        *self,
                                               BandiCall          *call);
void        bandi_window_show_proposal        (BandiWindow        *self,
                                               BandiProposal      *proposal);
/* A new proposal for the cluster shown or chosen, on @call if not NULL. */
void        bandi_window_new_proposal         (BandiWindow        *self,
                                               BandiCall          *call);

/* bandi-window-export.c */
void        bandi_window_add_export_actions   (GtkWidgetClass     *widget_class);
void        bandi_window_stop_publishing      (BandiWindow        *self);

/* bandi-window-keys.c */
void        bandi_window_add_key_controllers  (BandiWindow        *self);
/* bandi-window-manual.c */
void        bandi_window_add_manual_actions   (GtkWidgetClass     *widget_class);

/* bandi-window-sync.c */
void        bandi_window_add_sync_actions     (GtkWidgetClass     *widget_class);
void        bandi_window_add_sync_banner      (BandiWindow        *self);
void        bandi_window_update_sync_banner   (BandiWindow        *self);
void        bandi_window_source_finished      (BandiWindow        *self,
                                               BandiSource        *source,
                                               const BandiSourceStatus *status);
void        bandi_window_sync_running         (BandiWindow        *self);

/* bandi-window-sections.c */
const char *bandi_window_section_title        (const char         *section);
void        bandi_window_add_section_bindings (GtkWidgetClass     *widget_class);
void        bandi_window_rebuild_sidebar      (BandiWindow        *self);
void        bandi_window_select_section_row   (BandiWindow        *self,
                                               const char         *section);
void        bandi_window_sidebar_header_func  (GtkListBoxRow      *row,
                                               GtkListBoxRow      *before,
                                               gpointer            user_data);

/* bandi-window-pages.c */
GtkWidget  *bandi_window_ensure_page          (BandiWindow        *self,
                                               const char         *name);
guint       bandi_window_get_calls_views      (BandiWindow        *self,
                                               BandiCallsView    **views);

G_END_DECLS
