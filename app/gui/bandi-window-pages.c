/* bandi-window-pages.c
 *
 * The window's pages, each built the first time it is shown (a section,
 * the call details, the proposal editor), so that start-up builds none of
 * them. A page gets what the window has read from the store when it is
 * built, and again at each reload while it exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-window-private.h"

/* Gives a calls view the calls and clusters the window read. */
static void
fill_calls_view (BandiWindow    *self,
                 BandiCallsView *view)
{
  if (self->clusters != NULL)
    bandi_calls_view_set_clusters (view, self->clusters);
  if (self->calls != NULL)
    bandi_calls_view_set_calls (view, self->calls);
}

static void
fill_details (BandiWindow *self)
{
  if (self->clusters != NULL)
    bandi_call_details_set_clusters (self->details, self->clusters);
}

static void
fill_editor (BandiWindow *self)
{
  if (self->clusters != NULL)
    bandi_proposal_editor_set_clusters (self->editor, self->clusters);
  if (self->calls != NULL)
    bandi_proposal_editor_set_calls (self->editor, self->calls);
}

static void
call_activated_cb (BandiWindow *self,
                   BandiCall   *call)
{
  bandi_window_show_call (self, call);
}

static void
proposal_activated_cb (BandiWindow   *self,
                       BandiProposal *proposal)
{
  bandi_window_show_proposal (self, proposal);
}

static void
prepare_proposal_cb (BandiWindow *self,
                     BandiCall   *call)
{
  bandi_window_new_proposal (self, call);
}

static void
starred_changed_cb (BandiWindow *self)
{
  if (self->starred_view != NULL)
    bandi_calls_view_refilter (self->starred_view);
}

static BandiCallsView *
new_calls_view (BandiWindow    *self,
                BandiCallsKind  kind)
{
  BandiCallsView *view = bandi_calls_view_new (kind);

  bandi_calls_view_set_store (view, self->store);
  bandi_calls_view_set_loader (view, bandi_application_get_loader (self->application));
  bandi_calls_view_set_compact (view, adw_leaflet_get_folded (self->leaflet));
  bandi_calls_view_set_search_ids (view, self->search_ids);
  fill_calls_view (self, view);
  g_signal_connect_swapped (view, "call-activated", G_CALLBACK (call_activated_cb), self);
  return view;
}

/* Upcoming, All calls and Starred: the relevance shown is the chosen
 * cluster's. */
static GtkWidget *
build_section_calls_view (BandiWindow     *self,
                          BandiCallsKind   kind,
                          BandiCallsView **view)
{
  *view = new_calls_view (self, kind);
  g_settings_bind (self->settings, "selected-cluster", *view, "relevance-cluster", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (*view);
}

static BandiProposalsView *
new_proposals_view (BandiWindow *self)
{
  BandiProposalsView *view = bandi_proposals_view_new ();

  bandi_proposals_view_set_store (view, self->store);
  g_signal_connect_swapped (view, "proposal-activated", G_CALLBACK (proposal_activated_cb), self);
  return view;
}

static BandiDashboardView *
new_dashboard_view (BandiWindow *self)
{
  BandiDashboardView *view = bandi_dashboard_view_new ();

  bandi_dashboard_view_set_store (view, self->store);
  return view;
}

/* A cluster's calls, proposals and dashboard, under a view switcher. */
static GtkWidget *
build_cluster_page (BandiWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *bar = gtk_center_box_new ();
  AdwViewStackPage *page;

  self->cluster_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->cluster_stack), TRUE);
  self->cluster_calls_view = new_calls_view (self, BANDI_CALLS_KIND_ALL);
  self->cluster_proposals_view = new_proposals_view (self);
  self->cluster_dashboard_view = new_dashboard_view (self);

  page = adw_view_stack_add_titled (self->cluster_stack, GTK_WIDGET (self->cluster_calls_view), "calls", _("Suggested Calls"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  page = adw_view_stack_add_titled (self->cluster_stack, GTK_WIDGET (self->cluster_proposals_view), "proposals", _("Proposals"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
  page = adw_view_stack_add_titled (self->cluster_stack, GTK_WIDGET (self->cluster_dashboard_view), "dashboard", _("Dashboard"));
  adw_view_stack_page_set_icon_name (page, "bandi-dashboard-symbolic");
  g_signal_connect_swapped (self->cluster_stack, "notify::visible-child", G_CALLBACK (bandi_window_update_header), self);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->cluster_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), switcher);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cluster_stack));
  return box;
}

static GtkWidget *
build_page (BandiWindow *self,
            const char  *name)
{
  if (g_str_equal (name, "upcoming"))
    return build_section_calls_view (self, BANDI_CALLS_KIND_UPCOMING, &self->upcoming_view);
  if (g_str_equal (name, "all"))
    return build_section_calls_view (self, BANDI_CALLS_KIND_ALL, &self->all_view);
  if (g_str_equal (name, "starred"))
    return build_section_calls_view (self, BANDI_CALLS_KIND_STARRED, &self->starred_view);
  if (g_str_equal (name, "calendar"))
    {
      self->calendar_view = bandi_calendar_view_new ();
      if (self->calls != NULL)
        bandi_calendar_view_set_calls (self->calendar_view, self->calls);
      g_signal_connect_swapped (self->calendar_view, "call-activated", G_CALLBACK (call_activated_cb), self);
      return GTK_WIDGET (self->calendar_view);
    }
  if (g_str_equal (name, "proposals"))
    return GTK_WIDGET (self->proposals_view = new_proposals_view (self));
  if (g_str_equal (name, "dashboard"))
    return GTK_WIDGET (self->dashboard_view = new_dashboard_view (self));
  if (g_str_equal (name, "cluster"))
    return build_cluster_page (self);
  if (g_str_equal (name, "call"))
    {
      self->details = bandi_call_details_new ();
      bandi_call_details_set_store (self->details, self->store);
      bandi_call_details_set_loader (self->details, bandi_application_get_loader (self->application));
      fill_details (self);
      g_signal_connect_swapped (self->details, "prepare-proposal", G_CALLBACK (prepare_proposal_cb), self);
      g_signal_connect_swapped (self->details, "starred-changed", G_CALLBACK (starred_changed_cb), self);
      return GTK_WIDGET (self->details);
    }
  if (g_str_equal (name, "proposal"))
    {
      self->editor = bandi_proposal_editor_new ();
      bandi_proposal_editor_set_store (self->editor, self->store);
      fill_editor (self);
      g_signal_connect_swapped (self->editor, "show-call", G_CALLBACK (call_activated_cb), self);
      g_signal_connect_swapped (self->editor, "deleted", G_CALLBACK (bandi_window_go_back), self);
      return GTK_WIDGET (self->editor);
    }
  g_return_val_if_reached (NULL);
}

/* The page @name of the window's stack, built if it was never shown;
 * NULL for a name that is no page. */
GtkWidget *
bandi_window_ensure_page (BandiWindow *self,
                          const char  *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page == NULL && (page = build_page (self, name)) != NULL)
    gtk_stack_add_named (self->stack, page, name);
  return page;
}

/* The calls views built so far, in @views (room for four); returns how
 * many. */
guint
bandi_window_get_calls_views (BandiWindow     *self,
                              BandiCallsView **views)
{
  BandiCallsView *all[] = {
    self->upcoming_view, self->all_view, self->starred_view, self->cluster_calls_view,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != NULL)
      views[n++] = all[i];
  return n;
}

/* The proposals and dashboards built so far read the store again (when
 * next shown, for those not on screen). */
void
bandi_window_reload_proposals (BandiWindow *self)
{
  if (self->proposals_view != NULL)
    bandi_proposals_view_reload (self->proposals_view);
  if (self->dashboard_view != NULL)
    bandi_dashboard_view_reload (self->dashboard_view);
  if (self->cluster_proposals_view != NULL)
    {
      bandi_proposals_view_reload (self->cluster_proposals_view);
      bandi_dashboard_view_reload (self->cluster_dashboard_view);
    }
}

/* After the window read the store again: the pages built so far show it.
 * The others read it when they are built. */
void
bandi_window_refill_pages (BandiWindow *self)
{
  BandiCallsView *views[4];
  guint n = bandi_window_get_calls_views (self, views);

  for (guint i = 0; i < n; i++)
    fill_calls_view (self, views[i]);
  if (self->calendar_view != NULL)
    bandi_calendar_view_set_calls (self->calendar_view, self->calls);
  if (self->details != NULL)
    fill_details (self);
  if (self->editor != NULL)
    fill_editor (self);
  bandi_window_reload_proposals (self);
}
