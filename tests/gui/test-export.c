/* test-export.c — the export dialog's scopes, written to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-export-dialog.h"
#include "bandi-ical-export.h"
#include "gui-test-util.h"

typedef struct {
  BandiStore        *store;
  GSettings         *settings;
  BandiExportDialog *dialog;
  GFile             *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.ics", NULL);

  fixture->store = source_test_open_store ();
  gui_test_fill_store (fixture->store);
  fixture->settings = g_settings_new ("io.github.bandi.Bandi");
  fixture->dialog = bandi_export_dialog_new (NULL, fixture->store, fixture->settings);
  fixture->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->file);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Writes the dialog's scope; returns the file's text. */
static char *
export (Fixture *fixture,
        guint    expected_events)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  guint n_events = 0;

  g_assert_true (bandi_export_dialog_write (fixture->dialog, fixture->file, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, expected_events);
  g_assert_true (g_file_load_contents (fixture->file, NULL, &text, NULL, NULL, &error));
  g_assert_cmpuint (count (text, "BEGIN:VEVENT") + count (text, "BEGIN:VTODO"), ==, expected_events);
  return text;
}

static GListModel *
calls_model (BandiStore  *store,
             const char **ids)
{
  GListStore *model = g_list_store_new (BANDI_TYPE_CALL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(BandiCall) call = bandi_store_find_call (store, "horizon", ids[i], NULL);

      g_assert_nonnull (call);
      g_list_store_append (model, call);
    }
  return G_LIST_MODEL (model);
}

static void
test_everything (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkCheckButton *proposals = gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "proposals_check");

  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_EVERYTHING);

  /* Three calls, three manual deadlines, BATT4EU's two milestones as tasks. */
  text = export (fixture, 8);
  g_assert_cmpuint (count (text, "BEGIN:VTODO"), ==, 2);
  g_assert_cmpuint (count (text, "DTSTART;TZID=Europe/Brussels:"), >=, 4);
  /* The default reminders (14, 7, 1 days) on each item but the milestone
   * already done. */
  g_assert_cmpuint (count (text, "BEGIN:VALARM"), ==, 7 * 3);
  g_clear_pointer (&text, g_free);

  gtk_check_button_set_active (proposals, FALSE);
  g_settings_set_value (fixture->settings, "reminder-days", g_variant_new_array (G_VARIANT_TYPE_INT32, NULL, 0));
  text = export (fixture, 3);
  g_assert_cmpuint (count (text, "BEGIN:VALARM"), ==, 0);
  g_clear_pointer (&text, g_free);

  /* Milestones as events, by setting. */
  gtk_check_button_set_active (proposals, TRUE);
  g_settings_set_boolean (fixture->settings, "milestones-as-events", TRUE);
  text = export (fixture, 8);
  g_assert_cmpuint (count (text, "BEGIN:VTODO"), ==, 0);
}

/* A closed call (its deadline ten days ago) stays out of everything's
 * export until "Include closed calls" is checked; it is off at first. */
static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BandiDeadline) past = test_deadline_in_days (1, -10);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  GtkCheckButton *closed = gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "closed_check");
  GtkCheckButton *proposals = gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "proposals_check");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (calls, test_simple_call ("lombardia", "RLO12026000001", "Bando chiuso", past));
  g_assert_true (bandi_store_merge_calls (fixture->store, "lombardia", calls,
                                          g_get_real_time () / G_USEC_PER_SEC, NULL, &error));
  g_assert_no_error (error);
  gtk_check_button_set_active (proposals, FALSE);

  g_assert_false (gtk_check_button_get_active (closed));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (closed)));
  text = export (fixture, 3);
  g_assert_null (strstr (text, "RLO12026000001"));
  g_clear_pointer (&text, g_free);

  gtk_check_button_set_active (closed, TRUE);
  text = export (fixture, 4);
  g_assert_nonnull (strstr (text, "RLO12026000001"));
}

static void
test_cluster (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BandiCall) starred = bandi_store_find_call (fixture->store, "horizon", "HORIZON-CL5-2027-D3-01-03", NULL);
  BandiCallQuery query = { .cluster_acronym = "AFIL" };
  g_autoptr(GListModel) suggested = bandi_store_list_calls (fixture->store, &query, NULL);
  g_autoptr(GHashTable) calls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;

  g_assert_true (bandi_store_set_starred (fixture->store, starred, TRUE, NULL));

  /* The calls suggested for AFIL, the starred one, BATT4EU's call. */
  for (guint i = 0; i < g_list_model_get_n_items (suggested); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (suggested, i);

      g_hash_table_add (calls, (gpointer) g_intern_string (bandi_call_get_external_id (call)));
    }
  g_hash_table_add (calls, (gpointer) "HORIZON-CL5-2027-D3-01-03");
  g_hash_table_add (calls, (gpointer) "HORIZON-CL5-2027-D3-01-01");

  bandi_export_dialog_set_cluster (fixture->dialog, "AFIL");
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_CLUSTER);
  /* Plus SMARTFAB's and AIRQ's deadlines and BATT4EU's two milestones. */
  text = export (fixture, g_hash_table_size (calls) + 4);
  g_assert_nonnull (strstr (text, "HORIZON-CL5-2027-D3-01-03"));
  g_assert_nonnull (strstr (text, "AFIL"));
  /* LE2C's proposal is not AFIL's. */
  g_assert_null (strstr (text, "BOLD"));
}

static void
test_calls (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) shown = calls_model (fixture->store, (const char *[]) {
    "HORIZON-CL5-2027-D3-01-01", "HORIZON-CL5-2027-D3-01-02", NULL });
  g_autoptr(GListModel) selected = calls_model (fixture->store, (const char *[]) {
    "HORIZON-CL5-2027-D3-01-02", NULL });
  g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (BANDI_TYPE_CALL));
  g_autofree char *text = NULL;

  bandi_export_dialog_set_shown_calls (fixture->dialog, shown);
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_SHOWN);
  text = export (fixture, 2);
  g_clear_pointer (&text, g_free);

  bandi_export_dialog_set_selected_calls (fixture->dialog, selected);
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_SELECTED);
  text = export (fixture, 1);
  g_assert_nonnull (strstr (text, "HORIZON-CL5-2027-D3-01-02"));
  g_assert_nonnull (strstr (text, GUI_TEST_MARKUP_TITLE));
  g_clear_pointer (&text, g_free);

  /* No selection any more: that choice goes away. */
  bandi_export_dialog_set_selected_calls (fixture->dialog, none);
  g_assert_false (gtk_widget_get_visible (gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "selected_check")));
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_EVERYTHING);
}

static void
publish_cb (BandiExportDialog  *dialog,
            BandiIcalExport    *export,
            BandiIcalExport   **out)
{
  g_set_object (out, export);
}

/* Publishing only offers scopes that stay the same from one publication
 * to the next, and only once a calendar is set up. */
static void
test_publish (Fixture       *fixture,
              gconstpointer  data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (fixture->dialog);
  g_autoptr(GListModel) selected = calls_model (fixture->store, (const char *[]) {
    "HORIZON-CL5-2027-D3-01-02", NULL });
  g_autoptr(BandiIcalExport) published = NULL;
  guint n_events = 0;

  /* Not set up: greyed out, and the dialog says why. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  g_assert_true (gtk_widget_get_visible (gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "publish_note")));
  g_settings_set_string (fixture->settings, "caldav-url", "https://cloud.example.org/dav/calendars/ctl/bandi/");
  bandi_export_dialog_set_selected_calls (fixture->dialog, selected);
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_SELECTED);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  g_assert_true (gtk_widget_get_visible (gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "publish_note")));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "export");

  bandi_export_dialog_set_publishing (fixture->dialog, TRUE);
  g_assert_cmpint (bandi_export_dialog_get_scope (fixture->dialog), ==, BANDI_EXPORT_SCOPE_EVERYTHING);
  g_assert_false (gtk_widget_get_visible (gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "selected_check")));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "publish"));
  g_assert_false (gtk_widget_get_visible (gui_test_child (fixture->dialog, BANDI_TYPE_EXPORT_DIALOG, "publish_note")));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "publish");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish to Calendar");

  bandi_export_dialog_set_cluster (fixture->dialog, "AFIL");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "publish"));

  /* The answer hands over what the file would hold. */
  g_signal_connect (fixture->dialog, "publish", G_CALLBACK (publish_cb), &published);
  g_object_ref (fixture->dialog);
  adw_message_dialog_response (dialog, "publish");
  g_assert_nonnull (published);
  g_assert_true (bandi_export_dialog_write (fixture->dialog, fixture->file, &n_events, NULL));
  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpuint (bandi_ical_export_get_n_items (published), ==, n_events);
  g_object_unref (fixture->dialog);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-dir/bandi.ics");
  g_autoptr(GError) error = NULL;

  g_assert_false (bandi_export_dialog_write (fixture->dialog, file, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/everything", test_everything);
  ADD ("/export/closed", test_closed);
  ADD ("/export/cluster", test_cluster);
  ADD ("/export/calls", test_calls);
  ADD ("/export/publish", test_publish);
  ADD ("/export/unwritable", test_unwritable);
#undef ADD

  return g_test_run ();
}
