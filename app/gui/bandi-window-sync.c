/* bandi-window-sync.c
 *
 * What the window says of a sync: a short toast of what it brought ("12
 * new calls, 2 deadlines moved", "Nothing new"), a short toast for each
 * source that failed with Details (win.source-details: the full text and
 * the source's warnings, selectable, and Retry), and a banner above the
 * lists while a source's last sync failed, until it works again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-application.h"
#include "bandi-format.h"
#include "bandi-sync.h"
#include "bandi-window-private.h"

/* "12 new calls, 2 deadlines moved, 1 call withdrawn", or "Nothing new" */
static char *
describe_stats (const BandiMergeStats *stats)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (stats->n_new > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new call", "%u new calls",
                                                          stats->n_new), stats->n_new));
  if (stats->n_deadlines_moved > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline moved",
                                                          "%u deadlines moved", stats->n_deadlines_moved),
                                             stats->n_deadlines_moved));
  if (stats->n_withdrawn > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call withdrawn",
                                                          "%u calls withdrawn", stats->n_withdrawn),
                                             stats->n_withdrawn));
  if (parts->len == 0)
    return g_strdup (_("Nothing new"));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of "12 new calls, 2 deadlines moved" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
set_banner (BandiWindow *self,
            const char  *title,
            const char  *source_id)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  if (title != NULL)
    adw_banner_set_title (ADW_BANNER (self->sync_banner), title);
  adw_banner_set_revealed (ADW_BANNER (self->sync_banner), title != NULL);
#else
  GtkWidget *box = gtk_revealer_get_child (GTK_REVEALER (self->sync_banner));

  if (title != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->sync_banner), title != NULL);
#endif
  g_free (self->banner_source);
  self->banner_source = g_strdup (source_id);
}

/* The banner says which source fails, while one does: after each source's
 * sync, and when the window opens. */
void
bandi_window_update_sync_banner (BandiWindow *self)
{
  g_autoptr(GPtrArray) failing = bandi_application_get_failing_sources (self->application);
  g_autofree char *title = NULL;
  BandiSource *first;

  if (failing->len == 0)
    {
      set_banner (self, NULL, NULL);
      return;
    }
  first = g_ptr_array_index (failing, 0);
  if (failing->len == 1)
    /* Translators: a source's name */
    title = g_strdup_printf (_("%s is not syncing: its calls may be out of date"),
                             bandi_source_get_name (first));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u source is not syncing: its calls may be out of date",
                                          "%u sources are not syncing: their calls may be out of date",
                                          failing->len), failing->len);
  set_banner (self, title, bandi_source_get_id (first));
}

static void
banner_activated (BandiWindow *self)
{
  if (self->banner_source != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.source-details", "s", self->banner_source);
}

static GtkWidget *
new_banner (BandiWindow *self)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  GtkWidget *banner = adw_banner_new ("");

  adw_banner_set_button_label (ADW_BANNER (banner), _("_Details"));
  g_signal_connect_object (banner, "button-clicked", G_CALLBACK (banner_activated), self, G_CONNECT_SWAPPED);
  return banner;
#else
  /* libadwaita 1.2 has no AdwBanner: a revealer styled as one. */
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Details"));

  gtk_widget_add_css_class (box, "sync-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", G_CALLBACK (banner_activated), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  return revealer;
#endif
}

/* Above the lists, under the header bar. */
void
bandi_window_add_sync_banner (BandiWindow *self)
{
  GtkWidget *header = gtk_widget_get_first_child (self->content_box);

  self->sync_banner = new_banner (self);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), self->sync_banner, header);
}

void
bandi_window_source_finished (BandiWindow             *self,
                              BandiSource             *source,
                              const BandiSourceStatus *status)
{
  if (status == NULL)
    return;
  if (status->last_error == NULL)
    {
      self->sync_succeeded = TRUE;
      self->sync_stats.n_new += status->stats.n_new;
      self->sync_stats.n_deadlines_moved += status->stats.n_deadlines_moved;
      self->sync_stats.n_withdrawn += status->stats.n_withdrawn;
    }
  else
    {
      /* Translators: a source's name */
      g_autofree char *text = g_strdup_printf (_("Could not sync %s"), bandi_source_get_name (source));
      /* Not for ever: the banner stays while the source fails. */
      AdwToast *toast = bandi_format_plain_toast (text, 10);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.source-details");
      adw_toast_set_action_target_value (toast, g_variant_new_string (bandi_source_get_id (source)));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  bandi_window_update_sync_banner (self);
}

/* A sync starts: count afresh; it ends: say what it brought. */
void
bandi_window_sync_running (BandiWindow *self)
{
  BandiSync *sync = bandi_application_get_sync (self->application);
  g_autofree char *text = NULL;

  if (bandi_sync_get_running (sync))
    {
      memset (&self->sync_stats, 0, sizeof self->sync_stats);
      self->sync_succeeded = FALSE;
      return;
    }
  if (!self->sync_succeeded)
    return;
  text = describe_stats (&self->sync_stats);
  adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, 5));
}

/* The full text of a source's state: its last error, then its warnings */
static char *
source_report (BandiSourceStatus *status)
{
  GString *text = g_string_new (NULL);

  if (status != NULL && status->last_error != NULL)
    g_string_append (text, status->last_error);
  for (guint i = 0; status != NULL && status->warnings != NULL && status->warnings[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a warning of a source's last sync */
      g_string_append_printf (text, _("Warning: %s"), status->warnings[i]);
    }
  if (text->len == 0)
    g_string_append (text, _("The last sync went well."));
  return g_string_free (text, FALSE);
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BandiWindow      *self)
{
  const char *source_id = g_object_get_data (G_OBJECT (dialog), "source-id");

  if (g_strcmp0 (response, "retry") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self->application), "sync-source",
                                    g_variant_new_string (source_id));
}

static void
source_details_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  const char *source_id = g_variant_get_string (parameter, NULL);
  BandiPluginLoader *loader = bandi_application_get_loader (self->application);
  BandiSource *source = bandi_plugin_loader_find_source (loader, source_id);
  g_autoptr(BandiSourceStatus) status = NULL;
  g_autofree char *report = NULL;
  GtkWidget *dialog, *label;

  if (source == NULL)
    return;
  status = bandi_store_get_source_status (self->store, source_id);
  report = source_report (status);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), bandi_source_get_name (source), NULL);
  label = gtk_label_new (report);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "source-id", g_strdup (source_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bandi_window_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.source-details", "s", source_details_activated);
}
