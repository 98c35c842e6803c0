/* bandi-window-export.c
 *
 * The window's way out for deadlines: the export dialog and the file it
 * writes, and publishing to the CalDAV calendar of Preferences — a toast
 * while it runs (with Cancel), then one with the outcome, whose failures
 * open in a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-export-dialog.h"
#include "bandi-format.h"
#include "bandi-publish.h"
#include "bandi-window-private.h"

/* Shows a toast of @text; with @button, that runs @action. The toasts of
 * a publication show at once, over other toasts, and the next
 * publication's replaces them. */
static void
add_toast (BandiWindow *self,
           const char  *text,
           guint        timeout,
           const char  *button,
           const char  *action,
           gboolean     of_publication)
{
  AdwToast *toast = bandi_format_plain_toast (text, timeout);

  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
    }
  if (of_publication)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      self->publish_toast = g_object_ref (toast);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Exporting */

static void
export_finished_cb (BandiWindow  *self,
                    GFile        *file,
                    guint         n_events,
                    const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup_printf (_("Cannot export the deadlines: %s"), error->message);
  else if (file != NULL)
    {
      name = g_file_get_basename (file);
      /* Translators: a number of calendar events, then a file name */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u event to %s",
                                           "Exported %u events to %s", n_events), n_events, name);
    }
  if (text != NULL)
    add_toast (self, text, 5, NULL, NULL, FALSE);
}

/* Publishing */

void
bandi_window_stop_publishing (BandiWindow *self)
{
  if (self->publishing != NULL)
    g_cancellable_cancel (self->publishing);
  g_clear_object (&self->publishing);
  if (self->publish_toast != NULL)
    adw_toast_dismiss (self->publish_toast);
  g_clear_object (&self->publish_toast);
  g_clear_pointer (&self->publish_report, bandi_caldav_report_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", TRUE);
}

static void
publish_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BandiWindow) self = user_data;
  g_autoptr(BandiCaldavReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  report = bandi_publish_finish (result, &error);
  /* Cancelled by the user, or by the window going away: already cleared. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bandi_window_stop_publishing (self);

  if (report == NULL)
    {
      text = g_strdup_printf (_("Cannot publish to the calendar: %s"), error->message);
      if (g_error_matches (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_UNREACHABLE) ||
          g_error_matches (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_FAILED))
        add_toast (self, text, 0, NULL, NULL, TRUE);
      else
        add_toast (self, text, 0, _("_Preferences"), "app.preferences", TRUE);
      return;
    }

  text = bandi_publish_describe (report);
  if (report->failures->len == 0)
    {
      add_toast (self, text, 5, NULL, NULL, TRUE);
      return;
    }
  self->publish_report = g_steal_pointer (&report);
  add_toast (self, text, 0, _("_Details"), "win.publish-failures", TRUE);
}

static void
publish_cb (BandiWindow     *self,
            BandiIcalExport *export)
{
  guint n = bandi_ical_export_get_n_items (export);
  g_autofree char *text = NULL;

  /* One publication at a time. */
  if (self->publishing != NULL || self->store == NULL)
    return;

  bandi_window_stop_publishing (self);
  self->publishing = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", FALSE);

  /* Short: the toast also holds Cancel. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Publishing %u event…", "Publishing %u events…", n), n);
  add_toast (self, text, 0, _("_Cancel"), "win.cancel-publishing", TRUE);

  bandi_publish_async (self->store, self->settings, export, self->publishing,
                       publish_done_cb, g_object_ref (self));
}

static void
cancel_publishing_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);

  if (self->publishing == NULL)
    return;
  bandi_window_stop_publishing (self);
  add_toast (self, _("Publication cancelled"), 5, NULL, NULL, TRUE);
}

static void
publish_failures_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);

  if (self->publish_report != NULL)
    gtk_window_present (GTK_WINDOW (bandi_publish_failures_dialog (GTK_WINDOW (self), self->publish_report)));
}

static BandiExportDialog *
new_export_dialog (BandiWindow *self)
{
  BandiExportDialog *dialog = bandi_export_dialog_new (GTK_WINDOW (self), self->store, self->settings);

  if (self->section != NULL && g_str_has_prefix (self->section, "cluster:"))
    bandi_export_dialog_set_cluster (dialog, self->section + strlen ("cluster:"));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (export_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "publish", G_CALLBACK (publish_cb), self, G_CONNECT_SWAPPED);
  return dialog;
}

/* Publishing asks for the scope: a cluster, or everything. */
static void
publish_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  BandiExportDialog *dialog;

  if (self->store == NULL || self->publishing != NULL)
    return;
  if (!bandi_publish_is_set_up (self->settings))
    {
      add_toast (self, _("Set up a calendar in Preferences first"), 5,
                 _("_Preferences"), "app.preferences", FALSE);
      return;
    }
  dialog = new_export_dialog (self);
  bandi_export_dialog_set_publishing (dialog, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The export proposes, in turn, the call open, the cluster shown, the
 * calls listed. */
static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  BandiCallsView *view = bandi_window_current_calls_view (self);
  BandiCall *call = self->details ? bandi_call_details_get_call (self->details) : NULL;
  BandiExportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = new_export_dialog (self);
  if (view != NULL)
    bandi_export_dialog_set_shown_calls (dialog, bandi_calls_view_get_shown (view));
  if (call != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "call") == 0)
    {
      g_autoptr(GListStore) selected = g_list_store_new (BANDI_TYPE_CALL);

      g_list_store_append (selected, call);
      bandi_export_dialog_set_selected_calls (dialog, G_LIST_MODEL (selected));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bandi_window_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-publishing", NULL, cancel_publishing_activated);
  gtk_widget_class_install_action (widget_class, "win.publish-failures", NULL, publish_failures_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.publish", NULL);
}
