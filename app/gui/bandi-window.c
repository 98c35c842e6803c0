/* bandi-window.c
 *
 * The sidebar (sections, then one row per cluster) and the content: a stack
 * of views, with call details and the proposal editor pushed on top of the
 * section they were opened from. The stack starts with a spinner only:
 * each page is built the first time it is shown (bandi-window-pages.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-format.h"
#include "bandi-window-private.h"

G_DEFINE_FINAL_TYPE (BandiWindow, bandi_window, ADW_TYPE_APPLICATION_WINDOW)

BandiCallsView *
bandi_window_current_calls_view (BandiWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (BANDI_IS_CALLS_VIEW (child))
    return BANDI_CALLS_VIEW (child);
  if (self->cluster_stack != NULL && child == gtk_widget_get_parent (GTK_WIDGET (self->cluster_stack)) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->cluster_stack), "calls") == 0)
    return self->cluster_calls_view;
  return NULL;
}

void
bandi_window_update_header (BandiWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  const char *title = _("Bandi");
  g_autofree char *subtitle = NULL;

  if (bandi_window_section_title (page) != NULL)
    title = bandi_window_section_title (page);

  if (g_strcmp0 (page, "call") == 0 && bandi_call_details_get_call (self->details) != NULL)
    {
      /* The call's name, its identifier below. */
      BandiCall *call = bandi_call_details_get_call (self->details);

      title = bandi_call_get_title (call) ? bandi_call_get_title (call) : bandi_format_call_code (call);
      subtitle = g_strdup (bandi_call_get_title (call) ? bandi_format_call_code (call) : NULL);
    }
  else if (g_strcmp0 (page, "proposal") == 0)
    title = _("Proposal");
  else if (g_strcmp0 (page, "cluster") == 0 && self->section != NULL)
    title = self->section + strlen ("cluster:");

  if (g_strcmp0 (page, "upcoming") == 0 || g_strcmp0 (page, "all") == 0 ||
      g_strcmp0 (page, "starred") == 0)
    {
      guint n = bandi_calls_view_get_n_shown (BANDI_CALLS_VIEW (gtk_stack_get_visible_child (self->stack)));
      g_autofree char *count = bandi_format_count (n);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s call", "%s calls", n), count);
    }

  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
  gtk_widget_set_visible (self->back_button,
                          !g_queue_is_empty (&self->history) || adw_leaflet_get_folded (self->leaflet));
}

static void
stack_page_changed_cb (BandiWindow *self)
{
  bandi_window_update_header (self);
}

static void
leaflet_folded_cb (BandiWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  BandiCallsView *views[4];
  guint n = bandi_window_get_calls_views (self, views);

  for (guint i = 0; i < n; i++)
    bandi_calls_view_set_compact (views[i], folded);
  if (self->calendar_view != NULL)
    bandi_calendar_view_set_compact (self->calendar_view, folded);
  /* Narrow, the title needs the room: Sync is in the main menu. */
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), !folded);
  bandi_window_update_header (self);
}

static void
leave_pushed_pages (BandiWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->details != NULL)
    bandi_call_details_flush (self->details);
  if (self->editor == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "proposal") != 0)
    return;
  bandi_proposal_editor_flush (self->editor);
  /* What was edited shows in every page that lists proposals. */
  if (!bandi_context_reload_proposals (self->context, &error))
    g_warning ("Cannot read the proposals: %s", error->message);
}

static void
push_page (BandiWindow *self,
           const char  *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  leave_pushed_pages (self);
  if (g_strcmp0 (current, name) != 0)
    g_queue_push_tail (&self->history, g_strdup (current));
  gtk_stack_set_visible_child (self->stack, bandi_window_ensure_page (self, name));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  bandi_window_update_header (self);
}

void
bandi_window_go_back (BandiWindow *self)
{
  g_autofree char *previous = g_queue_pop_tail (&self->history);

  leave_pushed_pages (self);
  if (previous != NULL)
    gtk_stack_set_visible_child_name (self->stack, previous);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  bandi_window_update_header (self);
}

static void search_changed_cb (BandiWindow *self);

void
bandi_window_show_section (BandiWindow *self,
                           const char  *section)
{
  gboolean is_cluster;
  GtkWidget *page;

  g_return_if_fail (BANDI_IS_WINDOW (self));

  /* Without a store there is only the page that says why. */
  if (self->store == NULL)
    return;

  is_cluster = g_str_has_prefix (section, "cluster:");
  page = bandi_window_ensure_page (self, is_cluster ? "cluster" : section);
  if (page == NULL)
    return;

  leave_pushed_pages (self);
  g_queue_clear_full (&self->history, g_free);
  /* A search, as every filter, belongs to the section it was made in. */
  if (g_strcmp0 (self->section, section) != 0 && !self->searching &&
      *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
    }
  g_free (self->section);
  self->section = g_strdup (section);

  if (is_cluster)
    {
      const char *acronym = section + strlen ("cluster:");

      bandi_calls_view_set_fixed_cluster (self->cluster_calls_view, acronym);
      bandi_proposals_view_set_cluster (self->cluster_proposals_view, acronym);
      bandi_dashboard_view_set_cluster (self->cluster_dashboard_view, acronym);
    }
  /* Before showing them: a view not on screen reloads when mapped. */
  else if (BANDI_IS_PROPOSALS_VIEW (page))
    bandi_proposals_view_reload (BANDI_PROPOSALS_VIEW (page));
  else if (BANDI_IS_DASHBOARD_VIEW (page))
    bandi_dashboard_view_reload (BANDI_DASHBOARD_VIEW (page));
  gtk_stack_set_visible_child (self->stack, page);

  bandi_window_select_section_row (self, section);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  bandi_window_update_header (self);
}

static void
sidebar_row_activated_cb (BandiWindow   *self,
                          GtkListBoxRow *row)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");

  if (section != NULL)
    bandi_window_show_section (self, section);
}

static void
add_plain_toast (BandiWindow *self,
                 const char  *text,
                 guint        timeout)
{
  adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, timeout));
}

static void
show_error (BandiWindow  *self,
            const char   *what,
            const GError *error)
{
  /* Translators: what failed, then why */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), what, error->message);

  add_plain_toast (self, text, 0);
}

/* The context read the store again: the sidebar lists its clusters. */
static void
clusters_changed_cb (BandiWindow *self)
{
  bandi_window_rebuild_sidebar (self);
  if (self->section != NULL)
    bandi_window_select_section_row (self, self->section);
}

static void
calls_changed_cb (BandiWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    bandi_window_show_section (self, "upcoming");
  bandi_window_update_header (self);
}

/* win.star-call (id, starred): every star of the window goes through it. */
static void
star_call_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  BandiCall *call;
  gint64 id;
  gboolean starred;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(xb)", &id, &starred);
  call = self->context != NULL ? bandi_context_find_call (self->context, id) : NULL;
  if (call == NULL)
    return;
  if (!bandi_context_set_starred (self->context, call, starred, &error))
    show_error (self, starred ? _("Cannot star the call") : _("Cannot unstar the call"), error);
}

void
bandi_window_show_call (BandiWindow *self,
                        BandiCall   *call)
{
  bandi_window_ensure_page (self, "call");
  bandi_call_details_set_call (self->details, call);
  push_page (self, "call");
}

void
bandi_window_show_call_id (BandiWindow *self,
                           gint64       call_id)
{
  g_autoptr(BandiCall) stored = NULL;
  BandiCall *call;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BANDI_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  /* The context's own object, which every page shows. */
  call = bandi_context_find_call (self->context, call_id);
  if (call != NULL)
    {
      bandi_window_show_call (self, call);
      return;
    }
  stored = bandi_store_get_call (self->store, call_id, &error);
  if (stored == NULL)
    show_error (self, _("Cannot open the call"), error);
  else
    bandi_window_show_call (self, stored);
}

void
bandi_window_show_proposal (BandiWindow   *self,
                            BandiProposal *proposal)
{
  bandi_window_ensure_page (self, "proposal");
  bandi_proposal_editor_flush (self->editor);
  bandi_proposal_editor_set_proposal (self->editor, proposal);
  push_page (self, "proposal");
}

void
bandi_window_show_proposal_id (BandiWindow *self,
                               gint64       proposal_id)
{
  g_autoptr(BandiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BANDI_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  proposal = bandi_store_get_proposal (self->store, proposal_id, &error);
  if (proposal == NULL)
    show_error (self, _("Cannot open the proposal"), error);
  else
    bandi_window_show_proposal (self, proposal);
}

/* The cluster a new proposal belongs to: the one shown, else the one whose
 * relevance is shown, else the first. */
static BandiCluster *
default_cluster (BandiWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "selected-cluster");
  const char *acronym = chosen;
  GListModel *clusters = bandi_context_get_clusters (self->context);
  BandiCluster *first = NULL;

  if (self->section != NULL && g_str_has_prefix (self->section, "cluster:"))
    acronym = self->section + strlen ("cluster:");

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      BandiCluster *cluster = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (bandi_cluster_get_acronym (cluster), acronym) == 0)
        {
          g_clear_object (&first);
          return cluster;
        }
      if (first == NULL)
        first = g_steal_pointer (&cluster);
      g_clear_object (&cluster);
    }
  return first;
}

void
bandi_window_new_proposal (BandiWindow *self,
                           BandiCall   *call)
{
  g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
  g_autoptr(BandiCluster) cluster = default_cluster (self);

  if (self->store == NULL)
    return;
  if (cluster == NULL)
    {
      add_plain_toast (self, _("Add a cluster in Preferences first"), 5);
      return;
    }

  bandi_proposal_set_cluster_id (proposal, bandi_cluster_get_id (cluster));
  bandi_proposal_set_cluster_acronym (proposal, bandi_cluster_get_acronym (cluster));
  bandi_proposal_set_status (proposal, BANDI_PROPOSAL_STATUS_IDEA);
  bandi_proposal_set_role (proposal, BANDI_PROPOSAL_ROLE_PARTNER);
  bandi_proposal_set_requested_budget (proposal, -1);
  bandi_proposal_set_eu_contribution (proposal, -1);
  if (call != NULL)
    {
      bandi_proposal_set_call_source (proposal, bandi_call_get_source_id (call));
      bandi_proposal_set_call_external_id (proposal, bandi_call_get_external_id (call));
      bandi_proposal_set_programme (proposal, bandi_call_get_programme (call));
      bandi_proposal_set_title (proposal, bandi_call_get_title (call));
    }
  bandi_proposal_set_updated_by (proposal, g_get_user_name ());

  /* Stored once the user types in it (bandi-proposal-editor.c): a
   * proposal opened and left untouched leaves nothing behind. */
  bandi_window_show_proposal (self, proposal);
}

static void
new_proposal_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  bandi_window_new_proposal (BANDI_WINDOW (widget), NULL);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bandi_window_go_back (BANDI_WINDOW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GtkApplication would build gtk/help-overlay.ui for each window before
 * its first frame: the shortcuts window is built when first asked for. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/bandi/Bandi/bandi-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  /* The window's own action, which showing it installed. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
}

/* A menu button given its menu builds the popover at once: the main menu
 * is given when it is first opened, not before the first frame. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  BandiWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
show_section_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  bandi_window_show_section (BANDI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_changed_cb (BandiWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BandiCallsView *views[4];
  guint n_views;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* GtkSearchEntry repeats the last search on activation. */
  if (g_strcmp0 (stripped, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);

  /* Typing elsewhere than in a list searches all calls. */
  if (bandi_window_current_calls_view (self) == NULL && *self->search_text != '\0')
    {
      self->searching = TRUE;
      bandi_window_show_section (self, "all");
      self->searching = FALSE;
    }

  if (*self->search_text != '\0' && self->store != NULL)
    {
      ids = bandi_store_search_call_ids (self->store, self->search_text, &error);
      if (ids == NULL)
        show_error (self, _("Cannot search the calls"), error);
    }
  /* Calls views built later start from it. */
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  self->search_ids = ids ? g_hash_table_ref (ids) : NULL;
  n_views = bandi_window_get_calls_views (self, views);
  for (guint i = 0; i < n_views; i++)
    bandi_calls_view_set_search_ids (views[i], ids);
  bandi_window_update_header (self);
}

static void
search_activate_cb (BandiWindow *self)
{
  BandiCallsView *view;

  /* Enter may come before the delayed ::search-changed. */
  search_changed_cb (self);
  view = bandi_window_current_calls_view (self);

  if (view != NULL)
    bandi_calls_view_activate_first (view);
}

static gboolean
bandi_window_close_request (GtkWindow *window)
{
  BandiWindow *self = BANDI_WINDOW (window);
  int width, height;

  leave_pushed_pages (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (bandi_window_parent_class)->close_request (window);
}

static gboolean
initial_load_cb (gpointer user_data)
{
  BandiWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (bandi_context_get_loaded (self->context))
    {
      clusters_changed_cb (self);
      calls_changed_cb (self);
    }
  else if (!bandi_context_reload (self->context, &error))
    show_error (self, _("Cannot read the calls"), error);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                BandiWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  /* Above the frame clock's priority: an animation would starve an idle. */
  g_idle_add_full (G_PRIORITY_DEFAULT, initial_load_cb, g_object_ref (self), g_object_unref);
}

static void
window_mapped_cb (BandiWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, window_mapped_cb, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, 0);
}

static void
bandi_window_constructed (GObject *object)
{
  BandiWindow *self = BANDI_WINDOW (object);
  BandiSync *sync;
  const GError *store_error;

  G_OBJECT_CLASS (bandi_window_parent_class)->constructed (object);

  self->store = bandi_application_get_store (self->application);
  if (self->store != NULL)
    {
      g_object_ref (self->store);
      self->context = g_object_ref (bandi_application_get_context (self->application));
    }
  self->settings = g_object_ref (bandi_application_get_settings (self->application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  store_error = bandi_application_get_store_error (self->application);
  if (self->store == NULL)
    {
      GtkWidget *page = adw_status_page_new ();
      /* A status page's description is markup; a path is not. */
      g_autofree char *reason = g_markup_escape_text (store_error ? store_error->message : "", -1);

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Database Cannot Be Opened"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), reason);
      gtk_stack_add_named (self->stack, page, "error");
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
      return;
    }

  g_signal_connect_object (self->context, "clusters-changed", G_CALLBACK (clusters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "calls-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  sync = bandi_application_get_sync (self->application);
  bandi_sync_button_set_application (self->sync_button, self->application);
  /* The context reads the store again when a sync ends. */
  g_signal_connect_object (sync, "source-finished", G_CALLBACK (bandi_window_source_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::running", G_CALLBACK (bandi_window_sync_running), self, G_CONNECT_SWAPPED);
  bandi_window_add_sync_banner (self);
  bandi_window_update_sync_banner (self);

  /* Show the window first, then read the store. */
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
}

static void
bandi_window_dispose (GObject *object)
{
  BandiWindow *self = BANDI_WINDOW (object);

  bandi_window_stop_publishing (self);
  g_queue_clear_full (&self->history, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->banner_source, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_window_parent_class)->dispose (object);
}

enum {
  PROP_0,
  PROP_APPLICATION_OBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BandiWindow *self = BANDI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_OBJECT:
      self->application = g_value_get_object (value);
      gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (self->application));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_window_class_init (BandiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bandi_window_constructed;
  object_class->dispose = bandi_window_dispose;
  object_class->set_property = bandi_window_set_property;
  window_class->close_request = bandi_window_close_request;

  properties[PROP_APPLICATION_OBJECT] =
    g_param_spec_object ("bandi-application", NULL, NULL,
                         BANDI_TYPE_APPLICATION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BANDI_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, BandiWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.new-proposal", NULL, new_proposal_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_activated);
  gtk_widget_class_install_action (widget_class, "win.star-call", "(xb)", star_call_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  bandi_window_add_section_bindings (widget_class);
  bandi_window_add_export_actions (widget_class);
  bandi_window_add_manual_actions (widget_class);
  bandi_window_add_sync_actions (widget_class);
}

static void
bandi_window_init (BandiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->history);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  gtk_list_box_set_header_func (self->sidebar, bandi_window_sidebar_header_func, NULL, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  bandi_window_add_key_controllers (self);
  bandi_window_rebuild_sidebar (self);
}

BandiWindow *
bandi_window_new (BandiApplication *application)
{
  return g_object_new (BANDI_TYPE_WINDOW,
                       "bandi-application", application,
                       NULL);
}
