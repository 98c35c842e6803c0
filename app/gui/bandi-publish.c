/* bandi-publish.c
 *
 * The calendar's address and user name come from Preferences, as for
 * `bandi-cli publish`; the password from the keyring entry Preferences
 * stores (bandi-caldav-secret.h). Without an entry, publishing goes on
 * without a password, for servers that ask none; a keyring that cannot be
 * read is named in the error if the server then refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-caldav-secret.h"
#include "bandi-format.h"
#include "bandi-publish.h"

#define MAX_UNSCROLLED_FAILURES 3

typedef struct {
  BandiStore           *store;
  BandiIcalExport      *export;
  BandiCaldavPublisher *publisher;
  char                 *url;
  char                 *user;
  char                 *keyring_error;
} Publish;

static void
publish_free (Publish *publish)
{
  g_clear_object (&publish->store);
  g_clear_object (&publish->export);
  g_clear_object (&publish->publisher);
  g_clear_pointer (&publish->url, g_free);
  g_clear_pointer (&publish->user, g_free);
  g_clear_pointer (&publish->keyring_error, g_free);
  g_free (publish);
}

gboolean
bandi_publish_is_set_up (GSettings *settings)
{
  g_autofree char *url = g_settings_get_string (settings, "caldav-url");

  return *g_strstrip (url) != '\0';
}

static void
publish_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  BandiCaldavReport *report;

  report = bandi_caldav_publisher_publish_finish (BANDI_CALDAV_PUBLISHER (object), result, &error);
  if (report != NULL)
    {
      g_task_return_pointer (task, report, (GDestroyNotify) bandi_caldav_report_free);
      return;
    }

  if (publish->keyring_error != NULL &&
      g_error_matches (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_AUTH))
    /* Translators: why the server refused, then why the keyring could
     * not give the password */
    g_prefix_error (&error, _("The keyring could not give the password (%s). "), publish->keyring_error);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
start_publishing (GTask *task,
                  char  *password)
{
  Publish *publish = g_task_get_task_data (task);

  publish->publisher = bandi_caldav_publisher_new (publish->store, publish->url,
                                                   *publish->user ? publish->user : NULL, password);
  bandi_caldav_publisher_publish_async (publish->publisher, publish->export, FALSE,
                                        g_task_get_cancellable (task), publish_cb, task);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *password = bandi_caldav_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (error != NULL)
    {
      g_debug ("No password from the keyring: %s", error->message);
      publish->keyring_error = g_strdup (error->message);
    }

  start_publishing (task, password);
  if (password != NULL)
    bandi_caldav_password_free (password);
}

void
bandi_publish_async (BandiStore          *store,
                     GSettings           *settings,
                     BandiIcalExport     *export,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  Publish *publish;

  g_return_if_fail (BANDI_IS_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (export));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_publish_async);

  if (!bandi_publish_is_set_up (settings))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("No calendar is set up: give its address in Preferences"));
      g_object_unref (task);
      return;
    }

  publish = g_new0 (Publish, 1);
  publish->store = g_object_ref (store);
  publish->export = g_object_ref (export);
  publish->url = g_strstrip (g_settings_get_string (settings, "caldav-url"));
  publish->user = g_strstrip (g_settings_get_string (settings, "caldav-user"));
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);

  if (*publish->user == '\0')
    start_publishing (task, NULL);
  else
    bandi_caldav_password_lookup_async (publish->url, publish->user, cancellable, lookup_cb, task);
}

BandiCaldavReport *
bandi_publish_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bandi_publish_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
bandi_publish_describe (BandiCaldavReport *report)
{
  guint n_failed;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  n_failed = report->failures->len;
  if (report->n_created + report->n_updated + report->n_deleted == 0 && n_failed == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The calendar is up to date: %u event, unchanged",
                                         "The calendar is up to date: %u events, unchanged",
                                         report->n_unchanged),
                            report->n_unchanged);

  /* Translators: numbers of calendar events created, updated and removed */
  counts = g_strdup_printf (_("Published to the calendar: %u new, %u updated, %u removed"),
                            report->n_created, report->n_updated, report->n_deleted);
  if (n_failed == 0)
    return g_steal_pointer (&counts);
  /* Translators: the counts above, then how many events the server refused */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u event failed", "%s; %u events failed", n_failed),
                          counts, n_failed);
}

AdwMessageDialog *
bandi_publish_failures_dialog (GtkWindow         *parent,
                               BandiCaldavReport *report)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled;
  guint n_failed;

  g_return_val_if_fail (report != NULL, NULL);

  n_failed = report->failures->len;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Events Not Published"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The calendar refused %u event. Bandi tries it again at the next publication.",
                                               "The calendar refused %u events. Bandi tries them again at the next publication.",
                                               n_failed),
                                  n_failed);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  for (guint i = 0; i < n_failed; i++)
    {
      BandiCaldavFailure *failure = g_ptr_array_index (report->failures, i);
      /* A removal has no title: the resource names it. */
      GtkWidget *row = bandi_format_plain_row (failure->summary ? failure->summary : failure->resource,
                                               failure->message);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Events not published"), -1);
  /* A few fit the dialog; more scroll (a scrolled window would not give
   * its rows of wrapped text their height). */
  if (n_failed <= MAX_UNSCROLLED_FAILURES)
    {
      adw_message_dialog_set_extra_child (dialog, list);
      return dialog;
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  return dialog;
}
