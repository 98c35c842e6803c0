/* test-preferences.c — the preferences window: settings, sources, EU programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-preferences-window.h"
#include "gui-test-util.h"

typedef struct {
  BandiStore             *store;
  BandiPluginLoader      *loader;
  GSettings              *settings;
  BandiPreferencesWindow *window;
} Fixture;

/* g_settings_get_string () gives a copy: free it after comparing. */
#define assert_setting_str(settings, key, expected) \
  G_STMT_START { \
    g_autofree char *value_ = g_settings_get_string ((settings), (key)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

static void
open_window (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = bandi_preferences_window_new (fixture->store, fixture->loader, fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = source_test_open_store ();
  fixture->loader = bandi_plugin_loader_new ();
  bandi_plugin_loader_load (fixture->loader);
  g_assert_true (bandi_plugin_loader_bind_settings (fixture->loader));
  fixture->settings = g_settings_new ("io.github.bandi.Bandi");
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->loader);
  g_clear_object (&fixture->store);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return gui_test_child (fixture->window, BANDI_TYPE_PREFERENCES_WINDOW, name);
}

static char *
reminder_days (GSettings *settings)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "reminder-days");

  return g_variant_print (value, FALSE);
}

static void
test_general (Fixture       *fixture,
              gconstpointer  data)
{
  AdwEntryRow *reminders = child (fixture, "reminders_row");
  AdwEntryRow *url = child (fixture, "caldav_url_row");
  AdwEntryRow *password = child (fixture, "caldav_password_row");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *days = NULL;

  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);

  /* Shown as stored. */
  g_assert_true (gtk_switch_get_active (child (fixture, "startup_switch")));
  g_assert_cmpfloat (gtk_spin_button_get_value (child (fixture, "interval_spin")), ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reminders)), ==, "14, 7, 1");

  gtk_switch_set_active (child (fixture, "startup_switch"), FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "sync-on-startup"));
  gtk_spin_button_set_value (child (fixture, "interval_spin"), 12);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval-hours"), ==, 12);
  gtk_switch_set_active (child (fixture, "milestones_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "milestones-as-events"));

  gtk_editable_set_text (GTK_EDITABLE (reminders), "30,7 , 1");
  g_signal_emit_by_name (reminders, "apply");
  days = reminder_days (fixture->settings);
  g_assert_cmpstr (days, ==, "[30, 7, 1]");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reminders)), ==, "30, 7, 1");
  g_clear_pointer (&days, g_free);

  /* Bad input is refused, marked, and kept for correcting. */
  gtk_editable_set_text (GTK_EDITABLE (reminders), "7, soon");
  g_signal_emit_by_name (reminders, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reminders), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reminders)), ==, "7, soon");
  days = reminder_days (fixture->settings);
  g_assert_cmpstr (days, ==, "[30, 7, 1]");

  gtk_editable_set_text (GTK_EDITABLE (url), "file:///etc/passwd");
  g_signal_emit_by_name (url, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url), "error"));
  assert_setting_str (fixture->settings, "caldav-url", "");
  gtk_editable_set_text (GTK_EDITABLE (url), "https://cloud.example.org/dav/calendars/ctl/bandi/");
  g_signal_emit_by_name (url, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (url), "error"));
  assert_setting_str (fixture->settings, "caldav-url", "https://cloud.example.org/dav/calendars/ctl/bandi/");

  /* The password goes to the keyring for the address and user name set:
   * without a user name, it is refused and never reaches the settings. */
  gtk_editable_set_text (GTK_EDITABLE (password), "s3cret");
  g_signal_emit_by_name (password, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (password), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "s3cret");
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (fixture->settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_assert_null (strstr (printed, "s3cret"));
    }
}

static GtkWidget *
source_row (Fixture     *fixture,
            BandiSource *source)
{
  GtkWidget *row = gui_test_find (child (fixture, "sources_group"), ADW_TYPE_EXPANDER_ROW,
                                  bandi_source_get_name (source));

  g_assert_nonnull (row);
  return row;
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  BandiSource *horizon = bandi_plugin_loader_find_source (fixture->loader, "horizon");
  g_autofree char *toggle_name = NULL;
  g_autoptr(GSettings) source_settings = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  GtkWidget *row, *toggle, *address, *state;
  const char *error_text = "HTTP 503 <b>Service</b> & co";

  g_assert_nonnull (horizon);
  source_settings = g_settings_new_with_path ("io.github.bandi.Bandi.Source",
                                              "/io/github/bandi/Bandi/sources/horizon/");

  /* Every source the loader found has a row. */
  sources = bandi_plugin_loader_get_sources (fixture->loader);
  g_assert_cmpuint (sources->len, >=, 2);
  for (guint i = 0; i < sources->len; i++)
    source_row (fixture, g_ptr_array_index (sources, i));

  row = source_row (fixture, horizon);
  toggle_name = g_strdup_printf ("Fetch calls from %s", bandi_source_get_name (horizon));
  toggle = gui_test_find (row, GTK_TYPE_SWITCH, toggle_name);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (bandi_source_get_enabled (horizon));
  g_assert_false (g_settings_get_boolean (source_settings, "enabled"));

  address = gui_test_find (row, ADW_TYPE_ENTRY_ROW, "Address");
  g_assert_nonnull (address);
  gtk_editable_set_text (GTK_EDITABLE (address), "javascript:alert(1)");
  g_signal_emit_by_name (address, "apply");
  g_assert_true (gtk_widget_has_css_class (address, "error"));
  assert_setting_str (source_settings, "endpoint", "");
  gtk_editable_set_text (GTK_EDITABLE (address), "https://mirror.example.org/search-api");
  g_signal_emit_by_name (address, "apply");
  g_assert_cmpstr (bandi_source_get_endpoint (horizon), ==, "https://mirror.example.org/search-api");
  assert_setting_str (source_settings, "endpoint", "https://mirror.example.org/search-api");

  /* The last sync's error, from a server, as plain text. */
  {
    g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, error_text);
    g_autoptr(GError) error = NULL;

    g_assert_true (bandi_store_record_source_result (fixture->store, "horizon", 1700000000, failure,
                                                     NULL, NULL, &error));
  }
  open_window (fixture);
  state = gui_test_find (source_row (fixture, horizon), ADW_TYPE_ACTION_ROW, "State");
  g_assert_nonnull (state);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (state)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (state)), error_text));
}

static void
test_programmes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) horizon = g_settings_new ("io.github.bandi.Bandi.Horizon");
  GtkWidget *group = child (fixture, "programmes_group");
  GtkWidget *digital = gui_test_find (group, ADW_TYPE_ACTION_ROW, "Digital Europe");
  GtkWidget *europe = gui_test_find (group, ADW_TYPE_ACTION_ROW, "Horizon Europe");
  g_auto(GStrv) codes = NULL;
  GtkSwitch *digital_switch, *europe_switch;

  g_assert_nonnull (digital);
  g_assert_nonnull (europe);
  digital_switch = GTK_SWITCH (gui_test_find (digital, GTK_TYPE_SWITCH, NULL));
  europe_switch = GTK_SWITCH (gui_test_find (europe, GTK_TYPE_SWITCH, NULL));
  g_assert_false (gtk_switch_get_active (digital_switch));
  g_assert_true (gtk_switch_get_active (europe_switch));

  /* A code the list does not show is kept. */
  g_settings_set_strv (horizon, "programmes", (const char *[]) { "43108390", "99999999", NULL });
  gtk_switch_set_active (digital_switch, TRUE);
  gtk_switch_set_active (europe_switch, FALSE);
  codes = g_settings_get_strv (horizon, "programmes");
  g_assert_cmpuint (g_strv_length (codes), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) codes, "43152860"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "99999999"));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/preferences/general", test_general);
  ADD ("/preferences/sources", test_sources);
  ADD ("/preferences/programmes", test_programmes);
#undef ADD

  return g_test_run ();
}
