/* bandi-sync-button.c
 *
 * The header's sync button: a spinner that stops the sync while it runs,
 * a progress bar along its foot, and a popover with each source's state
 * (last success, last error, what changed, warnings; a row opens the
 * source's details). The sources button shows when a source fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-format.h"
#include "bandi-sync-button.h"

#define PROGRESS_INTERVAL_MS 100

struct _BandiSyncButton
{
  GtkWidget         parent_instance;

  BandiApplication *application;  /* weak: the application outlives windows */
  BandiSync        *sync;
  guint             progress_timer;

  GtkStack         *stack;
  GtkSpinner       *spinner;
  GtkProgressBar   *progress;
  GtkMenuButton    *sources_button;
  GtkListBox       *sources_list;
};

G_DEFINE_FINAL_TYPE (BandiSyncButton, bandi_sync_button, GTK_TYPE_WIDGET)

static gboolean
progress_tick_cb (gpointer user_data)
{
  BandiSyncButton *self = user_data;

  if (bandi_sync_get_running (self->sync))
    {
      gtk_progress_bar_set_fraction (self->progress, bandi_sync_get_progress (self->sync));
      return G_SOURCE_CONTINUE;
    }

  self->progress_timer = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "idle");
  return G_SOURCE_REMOVE;
}

static void
sync_running_cb (BandiSyncButton *self)
{
  if (!bandi_sync_get_running (self->sync) || self->progress_timer != 0)
    return;
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "running");
  self->progress_timer = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick_cb, self);
}

/* The sources button: a warning while sources fail, and how many */
static void
update_sources_button (BandiSyncButton *self)
{
  g_autoptr(GPtrArray) failing = bandi_application_get_failing_sources (self->application);
  g_autofree char *tooltip = NULL;

  if (failing->len == 0)
    {
      gtk_menu_button_set_icon_name (self->sources_button, "network-server-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sources_button), _("Sources"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->sources_button), "warning");
      return;
    }
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sources: %u not syncing",
                                          "Sources: %u not syncing", failing->len), failing->len);
  gtk_menu_button_set_icon_name (self->sources_button, "network-error-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sources_button), tooltip);
  gtk_widget_add_css_class (GTK_WIDGET (self->sources_button), "warning");
}

static char *
describe_warnings (BandiSourceStatus *status,
                   char              *text)
{
  guint n = status->warnings != NULL ? g_strv_length (status->warnings) : 0;
  char *with;

  if (n == 0)
    return text;
  /* Translators: a source's state, then its count of warnings */
  with = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u warning", "%s; %u warnings", n), text, n);
  g_free (text);
  return with;
}

static char *
describe_status (BandiSourceStatus *status)
{
  g_autofree char *when = NULL;

  if (status == NULL || status->last_attempt == 0)
    return g_strdup (_("Never synced"));
  if (status->last_error != NULL)
    {
      when = bandi_format_unix_time (status->last_attempt);
      /* Translators: when, then the error */
      return describe_warnings (status, g_strdup_printf (_("Failed %s: %s"), when, status->last_error));
    }
  when = bandi_format_unix_time (status->last_success);
  /* Translators: when, then counts of new, changed and withdrawn calls */
  return describe_warnings (status, g_strdup_printf (_("Synced %s: %u new, %u changed, %u withdrawn"), when,
                                                     status->stats.n_new, status->stats.n_changed,
                                                     status->stats.n_withdrawn));
}

static void
sources_popover_show_cb (BandiSyncButton *self)
{
  BandiPluginLoader *loader;
  BandiStore *store;
  g_autoptr(GPtrArray) sources = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);
  if (self->application == NULL)
    return;

  loader = bandi_application_get_loader (self->application);
  store = bandi_application_get_store (self->application);
  sources = bandi_plugin_loader_get_sources (loader);
  if (sources->len == 0)
    gtk_list_box_append (self->sources_list,
                         bandi_format_plain_row (_("No source plugins found"), NULL));

  for (guint i = 0; i < sources->len; i++)
    {
      BandiSource *source = g_ptr_array_index (sources, i);
      gboolean enabled = bandi_source_get_enabled (source);
      g_autoptr(BandiSourceStatus) status = NULL;
      g_autofree char *text = NULL;
      GtkWidget *row;

      if (store != NULL)
        status = bandi_store_get_source_status (store, bandi_source_get_id (source));
      text = enabled ? describe_status (status) : g_strdup (_("Disabled"));
      row = bandi_format_plain_row (bandi_source_get_name (source), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      if (enabled && status != NULL && status->last_error != NULL)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      /* Its details: the full error, the warnings, Retry */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.source-details");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (bandi_source_get_id (source)));
      gtk_list_box_append (self->sources_list, row);
    }
}

void
bandi_sync_button_set_application (BandiSyncButton  *self,
                                   BandiApplication *application)
{
  g_return_if_fail (BANDI_IS_SYNC_BUTTON (self));
  g_return_if_fail (self->application == NULL);

  self->application = application;
  self->sync = bandi_application_get_sync (application);
  if (self->sync == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  g_object_ref (self->sync);
  g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (sync_running_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "source-finished", G_CALLBACK (update_sources_button),
                           self, G_CONNECT_SWAPPED);
  sync_running_cb (self);
  update_sources_button (self);
}

static void
bandi_sync_button_dispose (GObject *object)
{
  BandiSyncButton *self = BANDI_SYNC_BUTTON (object);

  g_clear_handle_id (&self->progress_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_SYNC_BUTTON);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->sync);
  self->application = NULL;

  G_OBJECT_CLASS (bandi_sync_button_parent_class)->dispose (object);
}

static void
bandi_sync_button_class_init (BandiSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_sync_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiSyncButton, stack);
  gtk_widget_class_bind_template_child (widget_class, BandiSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, BandiSyncButton, progress);
  gtk_widget_class_bind_template_child (widget_class, BandiSyncButton, sources_button);
  gtk_widget_class_bind_template_child (widget_class, BandiSyncButton, sources_list);
  gtk_widget_class_bind_template_callback (widget_class, sources_popover_show_cb);
}

static void
bandi_sync_button_init (BandiSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
