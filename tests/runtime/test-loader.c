/* test-loader.c — finding, refusing and configuring source plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "runtime-test-util.h"

/* The info of the module @file (a basename) in the loader's list. */
static BandiPluginInfo *
find_info (BandiPluginLoader *loader,
           const char        *file)
{
  GListModel *plugins = bandi_plugin_loader_load (loader);

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(BandiPluginInfo) info = g_list_model_get_item (plugins, i);
      g_autofree char *base = g_path_get_basename (bandi_plugin_info_get_path (info));

      if (g_strcmp0 (base, file) == 0)
        return info;
    }

  g_error ("No module %s found", file);
}

static guint
count_loaded (BandiPluginLoader *loader)
{
  GListModel *plugins = bandi_plugin_loader_load (loader);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(BandiPluginInfo) info = g_list_model_get_item (plugins, i);

      n += bandi_plugin_info_get_state (info) == BANDI_PLUGIN_STATE_LOADED;
    }

  return n;
}

static void
test_good (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GPtrArray) sources = NULL;
  BandiPluginInfo *info = find_info (loader, "test-good.so");
  BandiSource *source = bandi_plugin_info_get_source (info);

  g_assert_cmpint (bandi_plugin_info_get_state (info), ==, BANDI_PLUGIN_STATE_LOADED);
  g_assert_null (bandi_plugin_info_get_reason (info));
  g_assert_true (BANDI_IS_SOURCE (source));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (source), ==, "TestGoodSource");
  g_assert_cmpstr (bandi_plugin_info_get_id (info), ==, "test-good");
  g_assert_cmpstr (bandi_source_get_name (source), ==, "Good test source");
  g_assert_true (bandi_plugin_loader_find_source (loader, "test-good") == source);
  g_assert_null (bandi_plugin_loader_find_source (loader, "no-such-source"));

  /* Loading again returns the same list. */
  g_assert_true (bandi_plugin_loader_load (loader) == bandi_plugin_loader_load (loader));

  /* Only loaded sources are offered for syncing: the three good test
   * plugins, and any plugin installed on this machine. */
  sources = bandi_plugin_loader_get_sources (loader);
  g_assert_cmpuint (sources->len, ==, count_loaded (loader));
  g_assert_cmpuint (sources->len, >=, 3);
  for (guint i = 0; i < sources->len; i++)
    {
      BandiSource *s = g_ptr_array_index (sources, i);

      g_assert_true (bandi_plugin_loader_find_source (loader, bandi_source_get_id (s)) == s);
    }
  g_assert_true (g_ptr_array_find (sources, bandi_plugin_loader_find_source (loader, "test-fail"), NULL));
  g_assert_true (g_ptr_array_find (sources, bandi_plugin_loader_find_source (loader, "test-http"), NULL));
  g_assert_true (g_ptr_array_find (sources, source, NULL));
}

static void
assert_refused (BandiPluginLoader *loader,
                const char        *file,
                const char        *reason)
{
  BandiPluginInfo *info = find_info (loader, file);

  g_assert_cmpint (bandi_plugin_info_get_state (info), ==, BANDI_PLUGIN_STATE_REFUSED);
  g_assert_cmpstr (bandi_plugin_info_get_reason (info), ==, reason);
  g_assert_null (bandi_plugin_info_get_source (info));
  g_assert_null (bandi_plugin_info_get_id (info));
}

static void
test_refused (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autofree char *api = g_strdup_printf ("Built for API %u, Bandi has API %u",
                                          BANDI_SOURCE_API_VERSION + 1, BANDI_SOURCE_API_VERSION);

  assert_refused (loader, "test-bad-api.so", api);
  assert_refused (loader, "test-no-symbol.so",
                  "Does not export the entry point bandi_source_plugin_query()");
  assert_refused (loader, "test-wrong-type.so", "Its type TestNotASource is not a BandiSource");
  assert_refused (loader, "test-no-id.so",
                  "Its source has no valid id (“”): use letters, digits, “-”, “_” and “.”");

  /* None of them stopped the others. */
  g_assert_nonnull (bandi_plugin_loader_find_source (loader, "test-good"));
  g_assert_nonnull (bandi_plugin_loader_find_source (loader, "test-http"));
}

static void
test_duplicate (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  BandiPluginInfo *twin = find_info (loader, "test-twin.so");
  BandiPluginInfo *good = find_info (loader, "test-good.so");
  g_autofree char *reason = g_strdup_printf ("The source “test-good” is already provided by %s",
                                             bandi_plugin_info_get_path (good));

  g_assert_cmpint (bandi_plugin_info_get_state (twin), ==, BANDI_PLUGIN_STATE_DUPLICATE);
  g_assert_cmpstr (bandi_plugin_info_get_reason (twin), ==, reason);
  g_assert_cmpstr (bandi_plugin_info_get_id (twin), ==, "test-good");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (bandi_plugin_info_get_source (twin)), ==, "TestTwinSource");

  /* The first one found keeps the id. */
  g_assert_true (bandi_plugin_loader_find_source (loader, "test-good") ==
                 bandi_plugin_info_get_source (good));
}

static void
test_unreadable_module (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bandi-plugins-XXXXXX", &error);
  g_autofree char *path = NULL;
  BandiPluginInfo *info;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.so", NULL);
  g_file_set_contents (path, "not an ELF file", -1, &error);
  g_assert_no_error (error);

  bandi_plugin_loader_add_directory (loader, dir);
  info = find_info (loader, "broken.so");
  g_assert_cmpint (bandi_plugin_info_get_state (info), ==, BANDI_PLUGIN_STATE_REFUSED);
  g_assert_true (g_str_has_prefix (bandi_plugin_info_get_reason (info), "Cannot be opened: "));
  g_assert_nonnull (strstr (bandi_plugin_info_get_reason (info), "broken.so"));
  g_assert_nonnull (bandi_plugin_loader_find_source (loader, "test-good"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A second copy of a module in a later directory (a build tree's plugins
 * beside an installed Bandi's) is not opened: opened, it would register
 * its types again (GLib criticals, fatal here). (Failed on the code
 * before: "cannot register existing type 'TestGoodSource'".) */
static void
test_same_module_twice (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bandi-plugins-XXXXXX", &error);
  g_autofree char *original = g_build_filename (TEST_PLUGIN_DIR, "test-good.so", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  GListModel *plugins;
  gsize length;
  guint n_copies = 0;

  g_assert_no_error (error);
  copy = g_build_filename (dir, "test-good.so", NULL);
  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  bandi_plugin_loader_add_directory (loader, dir);
  plugins = bandi_plugin_loader_load (loader);
  reason = g_strdup_printf ("The same module is already loaded from %s",
                            bandi_plugin_info_get_path (find_info (loader, "test-good.so")));
  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(BandiPluginInfo) info = g_list_model_get_item (plugins, i);

      if (g_strcmp0 (bandi_plugin_info_get_path (info), copy) != 0)
        continue;
      n_copies++;
      g_assert_cmpint (bandi_plugin_info_get_state (info), ==, BANDI_PLUGIN_STATE_DUPLICATE);
      g_assert_cmpstr (bandi_plugin_info_get_reason (info), ==, reason);
      g_assert_null (bandi_plugin_info_get_source (info));
    }
  g_assert_cmpuint (n_copies, ==, 1);
  g_assert_nonnull (bandi_plugin_loader_find_source (loader, "test-good"));

  g_unlink (copy);
  g_rmdir (dir);
}

static void
test_bind_settings (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) own = g_settings_new ("io.github.bandi.Bandi.Test");
  g_autofree char *greeting = NULL;
  g_autofree char *stored = NULL;
  BandiSource *source;

  settings = g_settings_new_with_path ("io.github.bandi.Bandi.Source",
                                       "/io/github/bandi/Bandi/sources/test-good/");
  g_settings_set_string (settings, "endpoint", "http://127.0.0.1:8080/mirror");
  g_settings_set_boolean (settings, "enabled", FALSE);

  source = bandi_plugin_loader_find_source (loader, "test-good");
  g_assert_cmpstr (bandi_source_get_endpoint (source), ==, "https://good.invalid/");
  g_assert_true (bandi_plugin_loader_bind_settings (loader));

  /* Settings → source, at once and on change */
  g_assert_cmpstr (bandi_source_get_endpoint (source), ==, "http://127.0.0.1:8080/mirror");
  g_assert_false (bandi_source_get_enabled (source));
  g_settings_set_boolean (settings, "enabled", TRUE);
  g_assert_true (bandi_source_get_enabled (source));
  g_settings_reset (settings, "endpoint");
  g_assert_cmpstr (bandi_source_get_endpoint (source), ==, "https://good.invalid/");

  /* Source → settings */
  bandi_source_set_enabled (source, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "enabled"));

  /* The plugin's own schema, key by key onto same-named properties; the
   * key without a property ("unbound") is skipped. */
  g_object_get (source, "greeting", &greeting, NULL);
  g_assert_cmpstr (greeting, ==, "hello");
  g_settings_set_string (own, "greeting", "ciao");
  g_clear_pointer (&greeting, g_free);
  g_object_get (source, "greeting", &greeting, NULL);
  g_assert_cmpstr (greeting, ==, "ciao");

  /* Other sources have their own settings. */
  g_assert_true (bandi_source_get_enabled (bandi_plugin_loader_find_source (loader, "test-http")));

  /* An override for one run (bandi-cli --endpoint) is not saved. */
  g_settings_unbind (source, "endpoint");
  bandi_source_set_endpoint (source, "http://127.0.0.1:9999/once");
  g_assert_cmpstr (bandi_source_get_endpoint (source), ==, "http://127.0.0.1:9999/once");
  stored = g_settings_get_string (settings, "endpoint");
  g_assert_cmpstr (stored, ==, "");
}

static void
test_no_schemas (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
      BandiSource *source;

      /* Nothing installed: the sources keep their defaults. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", "", TRUE);
      g_assert_false (bandi_plugin_loader_bind_settings (loader));
      source = bandi_plugin_loader_find_source (loader, "test-good");
      g_assert_nonnull (source);
      g_assert_true (bandi_source_get_enabled (source));
      g_assert_cmpstr (bandi_source_get_endpoint (source), ==, "https://good.invalid/");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* One plugin's fetch failing leaves the others' results in the store, and
 * its own earlier calls untouched. */
static void
test_failing_fetch (void)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSync) sync = bandi_sync_new (store, NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) good_calls = NULL;
  g_autoptr(GListModel) fail_calls = NULL;
  g_autoptr(BandiSourceStatus) good = NULL;
  g_autoptr(BandiSourceStatus) fail = NULL;
  g_autoptr(BandiCall) kept = NULL;
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autoptr(BandiDeadline) deadline = bandi_deadline_new_date (1, NULL, 2031, 1, 2);
  g_autoptr(GError) error = NULL;

  /* What the failing source listed on an earlier, successful day */
  bandi_call_set_source_id (call, "test-fail");
  bandi_call_set_external_id (call, "FAIL-OLD");
  bandi_call_set_title (call, "Listed before");
  bandi_call_add_deadline (call, deadline);
  g_ptr_array_add (earlier, g_object_ref (call));
  g_assert_true (bandi_store_merge_calls (store, "test-fail", earlier, 1000, NULL, &error));
  g_assert_no_error (error);

  g_ptr_array_add (sources, bandi_plugin_loader_find_source (loader, "test-fail"));
  g_ptr_array_add (sources, bandi_plugin_loader_find_source (loader, "test-good"));
  g_assert_false (source_test_run_sync (sync, sources, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "Could not sync Failing test source: The failing test source failed as it always does");
  g_clear_error (&error);

  good_calls = rt_list_calls (store, "test-good");
  g_assert_cmpuint (g_list_model_get_n_items (good_calls), ==, 2);
  good = bandi_store_get_source_status (store, "test-good");
  g_assert_null (good->last_error);
  g_assert_cmpint (good->last_success, >, 0);
  g_assert_cmpuint (good->stats.n_new, ==, 2);

  fail = bandi_store_get_source_status (store, "test-fail");
  g_assert_cmpstr (fail->last_error, ==, "The failing test source failed as it always does");
  g_assert_cmpint (fail->last_success, ==, 0);
  g_assert_cmpint (fail->last_attempt, >, 0);
  g_assert_nonnull (fail->warnings);
  g_assert_cmpstr (fail->warnings[0], ==, "About to fail");
  g_assert_null (fail->warnings[1]);

  fail_calls = rt_list_calls (store, "test-fail");
  g_assert_cmpuint (g_list_model_get_n_items (fail_calls), ==, 1);
  kept = bandi_store_find_call (store, "test-fail", "FAIL-OLD", &error);
  g_assert_no_error (error);
  g_assert_false (bandi_call_get_withdrawn (kept));
  g_assert_cmpstr (bandi_call_get_title (kept), ==, "Listed before");
}

int
main (int    argc,
      char **argv)
{
  rt_setup_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/good", test_good);
  g_test_add_func ("/loader/refused", test_refused);
  g_test_add_func ("/loader/duplicate", test_duplicate);
  g_test_add_func ("/loader/unreadable-module", test_unreadable_module);
  g_test_add_func ("/loader/same-module-twice", test_same_module_twice);
  g_test_add_func ("/loader/bind-settings", test_bind_settings);
  g_test_add_func ("/loader/no-schemas", test_no_schemas);
  g_test_add_func ("/loader/failing-fetch", test_failing_fetch);

  return g_test_run ();
}
