/* bandi-window-pages.c
 *
 * The window's pages, each built the first time it is shown (a section,
 * the call details, the proposal editor), so that start-up builds none of
 * them. Each page is given the window's context and follows its changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-window-private.h"

/* The proposal editor is given the context's calls and clusters, again
 * whenever they change. */
static void
fill_editor (BandiWindow *self)
{
  bandi_proposal_editor_set_clusters (self->editor, bandi_context_get_clusters (self->context));
  bandi_proposal_editor_set_calls (self->editor, bandi_context_get_calls (self->context));
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

static BandiCallsView *
new_calls_view (BandiWindow    *self,
                BandiCallsKind  kind)
{
  BandiCallsView *view = bandi_calls_view_new (self->context, kind);

  bandi_calls_view_set_compact (view, adw_leaflet_get_folded (self->leaflet));
  bandi_calls_view_set_search_ids (view, self->search_ids);
  g_signal_connect_swapped (view, "call-activated", G_CALLBACK (call_activated_cb), self);
  /* The header counts what the filters let through. */
  g_signal_connect_swapped (view, "notify::n-shown", G_CALLBACK (bandi_window_update_header), self);
  return view;
}

/* Upcoming, All calls and Starred */
static GtkWidget *
build_section_calls_view (BandiWindow     *self,
                          BandiCallsKind   kind,
                          BandiCallsView **view)
{
  g_autofree char *cluster = g_settings_get_string (self->settings, "selected-cluster");

  /* Each list has its own filters, the cluster too: it starts from the
   * last one chosen, which new proposals default to. */
  *view = new_calls_view (self, kind);
  bandi_calls_view_set_relevance_cluster (*view, cluster);
  g_settings_bind (self->settings, "selected-cluster", *view, "relevance-cluster", G_SETTINGS_BIND_SET);
  return GTK_WIDGET (*view);
}

static BandiProposalsView *
new_proposals_view (BandiWindow *self)
{
  BandiProposalsView *view = bandi_proposals_view_new ();

  bandi_proposals_view_set_store (view, self->store);
  g_signal_connect_swapped (view, "proposal-activated", G_CALLBACK (proposal_activated_cb), self);
  g_signal_connect_object (self->context, "proposals-changed", G_CALLBACK (bandi_proposals_view_reload),
                           view, G_CONNECT_SWAPPED);
  return view;
}

static BandiDashboardView *
new_dashboard_view (BandiWindow *self)
{
  BandiDashboardView *view = bandi_dashboard_view_new ();

  bandi_dashboard_view_set_store (view, self->store);
  g_signal_connect_object (self->context, "proposals-changed", G_CALLBACK (bandi_dashboard_view_reload),
                           view, G_CONNECT_SWAPPED);
  return view;
}

/* A cluster's calls, proposals and dashboard, under a view switcher. */
static GtkWidget *
build_cluster_page (BandiWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *narrow_switcher = adw_view_switcher_new ();
  GtkWidget *squeezer = adw_squeezer_new ();
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

  /* Icons above the names when the names side by side do not fit. */
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->cluster_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (narrow_switcher), self->cluster_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (narrow_switcher), ADW_VIEW_SWITCHER_POLICY_NARROW);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), switcher);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow_switcher);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), squeezer);
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
      self->calendar_view = bandi_calendar_view_new (self->context);
      bandi_calendar_view_set_compact (self->calendar_view, adw_leaflet_get_folded (self->leaflet));
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
      self->details = bandi_call_details_new (self->context);
      g_signal_connect_swapped (self->details, "prepare-proposal", G_CALLBACK (prepare_proposal_cb), self);
      return GTK_WIDGET (self->details);
    }
  if (g_str_equal (name, "proposal"))
    {
      self->editor = bandi_proposal_editor_new ();
      bandi_proposal_editor_set_store (self->editor, self->store);
      fill_editor (self);
      g_signal_connect_object (self->context, "calls-changed", G_CALLBACK (fill_editor), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->context, "clusters-changed", G_CALLBACK (fill_editor), self, G_CONNECT_SWAPPED);
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
