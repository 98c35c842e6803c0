/* test-publish.c — publishing to a CalDAV calendar from the window, against
 * a real server (Debian's radicale) on 127.0.0.1
 *
 * As a user would: the main menu's Publish to Calendar, the dialog's
 * Publish answer, then the toast with the outcome; again with nothing
 * changed; with an event the server refuses (the Details dialog); with
 * Cancel; with no calendar set up and with a server that does not answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-application.h"
#include "bandi-ical-scope.h"
#include "bandi-publish.h"
#include "bandi-window.h"
#include "gui-fixtures.h"
#include "radicale.h"
#include "views-test-util.h"

static BandiApplication *app;
static BandiWindow *window;
static GSettings *settings;
static Radicale *radicale;

/* A label on screen whose text starts with @prefix and holds @part (when
 * not NULL). */
static gboolean
find_mapped_text (GtkWidget  *widget,
                  const char *prefix,
                  const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix) &&
      (part == NULL || strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_mapped_text (child, prefix, part))
      return TRUE;
  return FALSE;
}

static gboolean
find_mapped_label (GtkWidget  *widget,
                   const char *prefix)
{
  return find_mapped_text (widget, prefix, NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a label starting with @prefix and holding
 * @part (unless NULL) shows in @root. */
static void
wait_for_text_with (GtkWidget  *root,
                    const char *prefix,
                    const char *part)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!find_mapped_text (root, prefix, part) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  if (timed_out)
    g_test_message ("no label starting with “%s” holding “%s”", prefix, part ? part : "");
  g_assert_true (find_mapped_text (root, prefix, part));
}

static void
wait_for_text (GtkWidget  *root,
               const char *prefix)
{
  wait_for_text_with (root, prefix, NULL);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The number of items publishing every call, with proposals, gives. */
static guint
expected_items (void)
{
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GError) error = NULL;
  BandiIcalScope scope = { .with_proposals = TRUE };

  g_assert_true (bandi_ical_scope_fill (export, bandi_application_get_store (app), &scope, &error));
  g_assert_no_error (error);
  /* The batteries topic's two stages, the food topic, the regional and the
   * Alpine call: not the closed topic. */
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 5);
  return bandi_ical_export_get_n_items (export);
}

/* Main menu → Publish to Calendar → Publish. */
static void
publish_from_menu (void)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish to Calendar");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "publish"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "publish");
  adw_message_dialog_response (dialog, "publish");
}

static void
set_up (void)
{
  g_autoptr(BandiStore) store = views_test_open_store (0);
  g_autoptr(GError) error = NULL;
  const char *dir = g_get_user_cache_dir ();

  g_mkdir_with_parents (dir, 0700);
  radicale = radicale_start (dir, NULL, NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "sync-on-startup", FALSE);
  g_settings_set_uint (settings, "sync-interval-hours", 0);
  g_clear_object (&store);

  app = bandi_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = BANDI_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  bandi_window_show_section (window, "upcoming");
  wait_for_text (GTK_WIDGET (window), FIXTURE_BATTERIES_TITLE);
}

static void
test_not_set_up (void)
{
  g_settings_set_string (settings, "caldav-url", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  g_assert_null (find_dialog ());
  wait_for_text (GTK_WIDGET (window), "Set up a calendar in Preferences first");
}

static void
test_publish_twice (void)
{
  g_autofree char *url = radicale_make_calendar (radicale, "one/deadlines/", NULL, NULL);
  g_autofree char *created = NULL;
  g_autofree char *unchanged = NULL;
  guint n = expected_items ();

  g_settings_set_string (settings, "caldav-url", url);
  g_settings_set_string (settings, "caldav-user", "");

  publish_from_menu ();
  created = g_strdup_printf ("Published to the calendar: %u new, 0 updated, 0 removed", n);
  wait_for_text (GTK_WIDGET (window), created);

  publish_from_menu ();
  unchanged = g_strdup_printf ("The calendar is up to date: %u events, unchanged", n);
  wait_for_text (GTK_WIDGET (window), unchanged);
}

static void
test_failure_details (void)
{
  g_autofree char *url = radicale_make_calendar (radicale, "two/deadlines/", NULL, NULL);
  g_autofree char *uid = bandi_ical_deadline_uid ("horizon", FIXTURE_BATTERIES, 1);
  g_autofree char *squatter_url = g_strconcat (url, "squatter.ics", NULL);
  g_autofree char *squatter = g_strdup_printf (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\n"
    "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20240101T000000Z\r\n"
    "DTSTART:20240301T090000Z\r\nSUMMARY:Squatter\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", uid);
  g_autofree char *report = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;

  /* Radicale refuses a second resource with the same UID (409). */
  g_assert_cmpuint (radicale_request ("PUT", squatter_url, NULL, NULL, "text/calendar", squatter), ==, 201);
  g_settings_set_string (settings, "caldav-url", url);

  publish_from_menu ();
  report = g_strdup_printf ("Published to the calendar: %u new, 0 updated, 0 removed; 1 event failed",
                            expected_items () - 1);
  wait_for_text (GTK_WIDGET (window), report);

  /* The toast's Details button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-failures", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Events Not Published");
  wait_for_text (GTK_WIDGET (dialog), "Deadline: " FIXTURE_BATTERIES);
  row = views_test_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "409"));
  adw_message_dialog_response (dialog, "close");
}

static void
test_cancel (void)
{
  g_autofree char *url = radicale_make_calendar (radicale, "three/deadlines/", NULL, NULL);
  AdwMessageDialog *dialog;

  g_settings_set_string (settings, "caldav-url", url);
  publish_from_menu ();
  /* While it runs, it cannot be started again: no new dialog. */
  dialog = find_dialog ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-publishing", NULL));
  wait_for_text (GTK_WIDGET (window), "Publication cancelled");
  views_test_flush ();
  g_assert_false (find_mapped_label (GTK_WIDGET (window), "Published to the calendar"));
}

static void
test_unreachable (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/bandi/deadlines/", radicale_free_port ());

  g_settings_set_string (settings, "caldav-url", url);
  publish_from_menu ();
  wait_for_text_with (GTK_WIDGET (window), "Cannot publish to the calendar: ",
                      "Could not reach the calendar server");
}

/* A server that wants a password the keyring does not hold (the tests
 * have no keyring, or an empty one): the error says the server refused,
 * and offers Preferences. */
static void
test_refused (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "with-password", NULL);
  Radicale *guarded;
  g_autofree char *url = NULL;
  GtkWidget *button;

  g_mkdir_with_parents (dir, 0700);
  guarded = radicale_start (dir, "officer", "right password");
  url = radicale_make_calendar (guarded, "ctl/deadlines/", "officer", "right password");
  g_settings_set_string (settings, "caldav-url", url);
  g_settings_set_string (settings, "caldav-user", "officer");

  publish_from_menu ();
  wait_for_text_with (GTK_WIDGET (window), "Cannot publish to the calendar: ",
                      "refused the user name or password (HTTP 401)");
  g_assert_false (find_mapped_text (GTK_WIDGET (window), "", "right password"));
  button = views_test_find_named (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Preferences");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  g_settings_set_string (settings, "caldav-user", "");
  radicale_stop (guarded);
}

static void
tear_down (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  views_test_flush ();
  g_clear_object (&app);
  g_clear_object (&settings);
  radicale_stop (radicale);
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, "Europe/Rome");

  g_test_add_func ("/publish/set-up", set_up);
  g_test_add_func ("/publish/not-set-up", test_not_set_up);
  g_test_add_func ("/publish/twice", test_publish_twice);
  g_test_add_func ("/publish/failure-details", test_failure_details);
  g_test_add_func ("/publish/cancel", test_cancel);
  g_test_add_func ("/publish/unreachable", test_unreachable);
  g_test_add_func ("/publish/refused", test_refused);
  g_test_add_func ("/publish/tear-down", tear_down);

  return views_test_run ();
}
