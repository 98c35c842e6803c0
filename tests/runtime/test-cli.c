/* test-cli.c — bandi-cli as a user and a script run it
 *
 * Runs the built bandi-cli ($BANDI_CLI) with the test's private XDG
 * directories against the HTTP test plugin and a SoupServer on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "runtime-test-util.h"

typedef struct {
  RtServer   *server;
  char       *endpoint;   /* "test-http=URL" */
  const char *tz;         /* TZ of the child */
  const char *backend;    /* GSETTINGS_BACKEND of the child, NULL: inherited */
  char       *out;
  char       *err;
} Fixture;

/* Runs bandi-cli with @args; its output lands in f->out and f->err.
 * Returns the exit status. */
static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (g_getenv ("BANDI_CLI"), f->tz, f->backend, args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = rt_server_new ();
  f->endpoint = g_strdup_printf ("test-http=%s", f->server->url);
  f->tz = "UTC";
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->server, rt_server_free);
  g_free (f->endpoint);
  g_free (f->out);
  g_free (f->err);
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "--version"), ==, 0);
  g_assert_cmpstr (f->out, ==, "bandi-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (RUN (f, "--help"), ==, 0);
  g_assert_nonnull (strstr (f->out, "--endpoint=ID=URI"));
  g_assert_nonnull (strstr (f->out, "--database=PATH"));
  g_assert_nonnull (strstr (f->out, "\n  sources "));
  g_assert_nonnull (strstr (f->out, "\n  sync "));
  g_assert_nonnull (strstr (f->out, "\n  list "));

  g_assert_cmpint (RUN (f, "list", "--help"), ==, 0);
  g_assert_nonnull (strstr (f->out, "bandi-cli list [OPTION"));
  g_assert_nonnull (strstr (f->out, "--status=STATUS"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *nosuch = "nosuch=http://127.0.0.1:1/";
  const char * const *cases[] = {
    (const char *[]) { NULL },
    (const char *[]) { "frobnicate", NULL },
    (const char *[]) { "--frobnicate", "list", NULL },
    (const char *[]) { "--endpoint", "no-equals-sign", "sources", NULL },
    (const char *[]) { "--endpoint", nosuch, "sources", NULL },
    (const char *[]) { "sources", "extra", NULL },
    (const char *[]) { "sync", "nosuch", NULL },
    (const char *[]) { "list", "--status", "pending", NULL },
    (const char *[]) { "list", "--status", "unknown", NULL },
    (const char *[]) { "list", "--frobnicate", NULL },
    (const char *[]) { "list", "extra", NULL },
    (const char *[]) { "list", "--cluster", "NO-SUCH-CLUSTER", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strjoinv (" ", (char **) cases[i]);

      g_test_message ("bandi-cli %s", line);
      g_assert_cmpint (run_cli (f, cases[i]), ==, 2);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_true (g_str_has_prefix (f->err, "bandi-cli: "));
    }
}

/* The block of `bandi-cli sources` whose Path ends in @file. */
static char *
source_block (const char *out,
              const char *file)
{
  g_autofree char *trimmed = g_strchomp (g_strdup (out));
  g_auto(GStrv) blocks = g_strsplit (trimmed, "\n\n", -1);
  g_autofree char *path_end = g_strdup_printf ("/%s\n", file);

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      g_autofree char *block = g_strconcat (blocks[i], "\n", NULL);

      if (g_str_has_suffix (block, path_end))
        return g_steal_pointer (&block);
    }

  g_error ("No block for %s in:\n%s", file, out);
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *http = NULL;
  g_autofree char *api = NULL;
  g_autofree char *nosym = NULL;
  g_autofree char *type = NULL;
  g_autofree char *twin = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sources"), ==, 0);

  good = source_block (f->out, "test-good.so");
  expected = g_strdup_printf ("test-good — Good test source\n"
                              "  State: loaded\n"
                              "  Enabled: yes\n"
                              "  Endpoint: https://good.invalid/\n"
                              "  Path: %s/test-good.so\n", TEST_PLUGIN_DIR);
  g_assert_cmpstr (good, ==, expected);

  /* --endpoint shows in the listing */
  http = source_block (f->out, "test-http.so");
  g_assert_true (g_str_has_prefix (http, "test-http — HTTP test source\n  State: loaded\n"));
  g_assert_nonnull (strstr (http, f->server->url));

  api = source_block (f->out, "test-bad-api.so");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("test-bad-api.so\n"
                              "  State: refused\n"
                              "  Reason: Built for API %u, Bandi has API %u\n"
                              "  Path: %s/test-bad-api.so\n",
                              BANDI_SOURCE_API_VERSION + 1, BANDI_SOURCE_API_VERSION,
                              TEST_PLUGIN_DIR);
  g_assert_cmpstr (api, ==, expected);

  nosym = source_block (f->out, "test-no-symbol.so");
  g_assert_nonnull (strstr (nosym, "  State: refused\n"
                                   "  Reason: Does not export the entry point bandi_source_plugin_query()\n"));
  type = source_block (f->out, "test-wrong-type.so");
  g_assert_nonnull (strstr (type, "  State: refused\n"
                                  "  Reason: Its type TestNotASource is not a BandiSource\n"));
  twin = source_block (f->out, "test-twin.so");
  g_assert_nonnull (strstr (twin, "  State: duplicate\n"
                                  "  Reason: The source “test-good” is already provided by "));
}

static const char *
get_string_or_null (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (json_object_has_member (object, names[i]));
}

/* Checks every key and type of the --json contract; returns the calls. */
static JsonArray *
parse_list (JsonParser *parser,
            const char *text)
{
  static const char * const call_keys[] = {
    "source", "id", "call_id", "title", "programme", "status", "url", "budget_eur", "deadlines",
    "warnings", NULL
  };
  static const char * const deadline_keys[] = { "stage", "label", "at", "date", "zone", NULL };
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *calls;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  calls = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);
      JsonNode *budget;
      JsonArray *deadlines;
      BandiCallStatus status;

      assert_members (call, call_keys);
      g_assert_nonnull (get_string_or_null (call, "source"));
      g_assert_nonnull (get_string_or_null (call, "id"));
      get_string_or_null (call, "call_id");
      get_string_or_null (call, "title");
      get_string_or_null (call, "programme");
      get_string_or_null (call, "url");
      g_assert_true (bandi_call_status_from_string (get_string_or_null (call, "status"), &status));

      budget = json_object_get_member (call, "budget_eur");
      g_assert_true (JSON_NODE_HOLDS_NULL (budget) ||
                     json_node_get_value_type (budget) == G_TYPE_DOUBLE ||
                     json_node_get_value_type (budget) == G_TYPE_INT64);

      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (call, "warnings")));
      for (guint j = 0; j < json_array_get_length (json_object_get_array_member (call, "warnings")); j++)
        g_assert_cmpint (json_node_get_value_type (json_array_get_element (json_object_get_array_member (call, "warnings"), j)),
                         ==, G_TYPE_STRING);

      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (call, "deadlines")));
      deadlines = json_object_get_array_member (call, "deadlines");
      for (guint j = 0; j < json_array_get_length (deadlines); j++)
        {
          JsonObject *d = json_array_get_object_element (deadlines, j);
          JsonNode *stage = json_object_get_member (d, "stage");
          const char *at, *date, *zone;

          assert_members (d, deadline_keys);
          g_assert_cmpint (json_node_get_value_type (stage), ==, G_TYPE_INT64);
          get_string_or_null (d, "label");
          at = get_string_or_null (d, "at");
          date = get_string_or_null (d, "date");
          zone = get_string_or_null (d, "zone");

          /* Timed: "at" with its offset and the zone; date-only: "date". */
          g_assert_true ((at != NULL) == (zone != NULL));
          g_assert_true ((at != NULL) != (date != NULL));
        }
    }

  return calls;
}

static JsonObject *
find_object (JsonArray  *calls,
             const char *id)
{
  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);

      if (g_strcmp0 (json_object_get_string_member (call, "id"), id) == 0)
        return call;
    }

  g_error ("No call %s in the list", id);
}

static void
test_sync_and_list_json (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) closed_parser = json_parser_new ();
  const char *order[] = { "TEST-2031-03", "TEST-2031-01", "TEST-2031-02", "TEST-2031-04" };
  JsonArray *calls, *deadlines;
  JsonObject *call, *d;

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_cmpstr (f->out, ==, "test-http: new 4, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (RUN (f, "list", "--json", "--source", "test-http"), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  calls = parse_list (parser, f->out);
  g_assert_cmpuint (json_array_get_length (calls), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      call = json_array_get_object_element (calls, i);
      g_assert_cmpstr (json_object_get_string_member (call, "id"), ==, order[i]);
      g_assert_cmpstr (json_object_get_string_member (call, "source"), ==, "test-http");
    }

  /* A timed deadline (17:00 Brussels, summer time) and a date-only one */
  call = find_object (calls, "TEST-2031-01");
  g_assert_cmpstr (get_string_or_null (call, "call_id"), ==, "TEST-2031");
  g_assert_cmpstr (get_string_or_null (call, "title"), ==, "Clean hydrogen valleys");
  g_assert_cmpstr (get_string_or_null (call, "programme"), ==, "Test Programme");
  g_assert_cmpstr (get_string_or_null (call, "status"), ==, "open");
  g_assert_cmpstr (get_string_or_null (call, "url"), ==, "https://calls.example.org/TEST-2031-01");
  g_assert_cmpfloat (json_object_get_double_member (call, "budget_eur"), ==, 12000000.0);
  deadlines = json_object_get_array_member (call, "deadlines");
  g_assert_cmpuint (json_array_get_length (deadlines), ==, 2);
  d = json_array_get_object_element (deadlines, 0);
  g_assert_cmpint (json_object_get_int_member (d, "stage"), ==, 1);
  g_assert_cmpstr (get_string_or_null (d, "label"), ==, "First stage");
  g_assert_cmpstr (get_string_or_null (d, "at"), ==, "2031-04-17T17:00:00+02:00");
  g_assert_cmpstr (get_string_or_null (d, "date"), ==, NULL);
  g_assert_cmpstr (get_string_or_null (d, "zone"), ==, "Europe/Brussels");
  d = json_array_get_object_element (deadlines, 1);
  g_assert_cmpint (json_object_get_int_member (d, "stage"), ==, 2);
  g_assert_cmpstr (get_string_or_null (d, "label"), ==, "Second stage");
  g_assert_cmpstr (get_string_or_null (d, "at"), ==, NULL);
  g_assert_cmpstr (get_string_or_null (d, "date"), ==, "2031-09-17");
  g_assert_cmpstr (get_string_or_null (d, "zone"), ==, NULL);

  /* Winter time in Rome; a fractional budget */
  call = find_object (calls, "TEST-2031-03");
  g_assert_cmpstr (get_string_or_null (call, "call_id"), ==, NULL);
  g_assert_cmpstr (get_string_or_null (call, "url"), ==, NULL);
  g_assert_cmpfloat (json_object_get_double_member (call, "budget_eur"), ==, 250000.5);
  d = json_array_get_object_element (json_object_get_array_member (call, "deadlines"), 0);
  g_assert_cmpstr (get_string_or_null (d, "label"), ==, NULL);
  g_assert_cmpstr (get_string_or_null (d, "at"), ==, "2031-01-15T12:00:00+01:00");
  g_assert_cmpstr (get_string_or_null (d, "zone"), ==, "Europe/Rome");

  /* UTF-8 as is whatever the locale; no budget is null */
  call = find_object (calls, "TEST-2031-02");
  g_assert_cmpstr (get_string_or_null (call, "title"), ==, "Città intelligenti: “smart” communities");
  g_assert_cmpstr (get_string_or_null (call, "status"), ==, "forthcoming");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (call, "budget_eur")));

  call = find_object (calls, "TEST-2031-04");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call, "deadlines")), ==, 0);

  /* Filters */
  g_assert_cmpint (RUN (f, "list", "--json", "--status", "closed"), ==, 0);
  calls = parse_list (closed_parser, f->out);
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "id"),
                   ==, "TEST-2031-03");

  g_assert_cmpint (RUN (f, "list", "--json", "--source", "test-good"), ==, 0);
  g_assert_cmpstr (f->out, ==, "[]\n");

  /* A second sync that changes nothing says so. */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_cmpstr (f->out, ==, "test-http: new 0, changed 0, withdrawn 0, deadlines moved 0\n");
}

/* --cluster keeps a subset of the calls (those suggested for it). */
static void
test_list_cluster (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonParser) all_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *all, *some;

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_cmpint (RUN (f, "list", "--json"), ==, 0);
  all = parse_list (all_parser, f->out);
  g_assert_cmpint (RUN (f, "list", "--json", "--cluster", "LE2C"), ==, 0);
  some = parse_list (parser, f->out);

  g_assert_cmpuint (json_array_get_length (some), <=, json_array_get_length (all));
  for (guint i = 0; i < json_array_get_length (some); i++)
    find_object (all, json_object_get_string_member (json_array_get_object_element (some, i), "id"));
}

/* The human list: one line per deadline, soonest first, timed deadlines in
 * the user's zone and named, date-only ones never shifted. */
static void
test_list_human (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);

  /* 17:00 in Brussels in April is 15:00 UTC; noon in Rome in January 11:00. */
  f->tz = "UTC";
  g_assert_cmpint (RUN (f, "list"), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Wed 01/15/31 11:00 UTC  [closed]  test-http TEST-2031-03  Regional research partnerships\n"
                   "Thu 04/17/31 15:00 UTC  [open]  test-http TEST-2031-01  Clean hydrogen valleys (First stage)\n"
                   "Tue 05/06/31  [forthcoming]  test-http TEST-2031-02  Città intelligenti: “smart” communities (Closing date)\n"
                   "Wed 09/17/31  [open]  test-http TEST-2031-01  Clean hydrogen valleys (Second stage)\n"
                   "no deadline  [open]  test-http TEST-2031-04  Open until the funds run out\n");

  /* In Tokyo the Brussels deadline falls on the next day; a date stays. */
  f->tz = "Asia/Tokyo";
  g_assert_cmpint (RUN (f, "list", "--status", "open"), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Fri 04/18/31 00:00 JST  [open]  test-http TEST-2031-01  Clean hydrogen valleys (First stage)\n"
                   "Wed 09/17/31  [open]  test-http TEST-2031-01  Clean hydrogen valleys (Second stage)\n"
                   "no deadline  [open]  test-http TEST-2031-04  Open until the funds run out\n");
}

static void
test_sync_failures (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *database = g_build_filename (g_get_user_data_dir (), "elsewhere.db", NULL);

  /* (Not an HTTP error: bandi-cli would retry it for seconds.) */
  f->server->mode = RT_SERVE_HTML;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: test-http: Not a list of test calls (HTTP 200, text/html"));
  /* one line */
  g_assert_true (strchr (f->err, '\n') == f->err + strlen (f->err) - 1);

  /* One failure among successes: the others are stored, exit 1. */
  f->server->mode = RT_SERVE_FIXTURE;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "--database", database,
                        "sync", "test-good", "test-fail", "test-http"), ==, 1);
  g_assert_nonnull (strstr (f->out, "test-good: new 2, changed 0, withdrawn 0, deadlines moved 0\n"));
  g_assert_nonnull (strstr (f->out, "test-http: new 4, changed 0, withdrawn 0, deadlines moved 0\n"));
  g_assert_null (strstr (f->out, "test-fail"));
  g_assert_nonnull (strstr (f->err, "bandi-cli: test-fail: warning: About to fail\n"));
  g_assert_nonnull (strstr (f->err, "bandi-cli: test-fail: The failing test source failed as it always does\n"));

  /* --database was used, not the default store */
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (RUN (f, "--database", database, "list", "--json", "--source", "test-good"), ==, 0);
  g_assert_cmpstr (f->out, !=, "[]\n");
  g_assert_cmpint (RUN (f, "list", "--json", "--source", "test-good"), ==, 0);
  g_assert_cmpstr (f->out, ==, "[]\n");
}

static char *
keyfile_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
}

/* With settings saved to disk: --endpoint is used for the run and never
 * saved; a saved endpoint and "enabled" are honoured. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *keyfile = keyfile_path ();
  g_autofree char *dir = g_path_get_dirname (keyfile);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  f->backend = "keyfile";

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "test-http: new 4,"));
  if (g_file_get_contents (keyfile, &saved, NULL, NULL))
    g_assert_null (strstr (saved, f->server->url));

  /* Saved settings: the endpoint of test-http; test-fail and test-good off */
  g_clear_pointer (&saved, g_free);
  saved = g_strdup_printf ("[io/github/bandi/Bandi/sources/test-http]\n"
                           "endpoint='%s'\n"
                           "[io/github/bandi/Bandi/sources/test-fail]\n"
                           "enabled=false\n"
                           "[io/github/bandi/Bandi/sources/test-good]\n"
                           "enabled=false\n", f->server->url);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (keyfile, saved, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (RUN (f, "sources"), ==, 0);
  g_assert_nonnull (strstr (f->out, f->server->url));

  f->server->fixture = "calls-2.json";
  g_assert_cmpint (RUN (f, "sync", "test-http"), ==, 0);
  g_assert_cmpstr (f->out, ==, "test-http: new 0, changed 1, withdrawn 1, deadlines moved 1\n");
  g_assert_cmpstr (f->err, ==, "bandi-cli: test-http: warning: Skipped a call: a call has no id\n");

  /* `sync` alone syncs the enabled sources only. Plugins installed on this
   * machine would be enabled too, and would reach the internet. */
  if (g_file_test (BANDI_PLUGINDIR, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("Plugins are installed in " BANDI_PLUGINDIR);
      return;
    }
  g_assert_cmpint (RUN (f, "sync"), ==, 0);
  g_assert_cmpstr (f->out, ==, "test-http: new 0, changed 0, withdrawn 0, deadlines moved 0\n");
}

int
main (int    argc,
      char **argv)
{
  rt_setup_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/version-and-help", test_version);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/sources", test_sources);
  ADD ("/cli/sync-and-list-json", test_sync_and_list_json);
  ADD ("/cli/list-cluster", test_list_cluster);
  ADD ("/cli/list-human", test_list_human);
  ADD ("/cli/sync-failures", test_sync_failures);
  ADD ("/cli/settings", test_settings);
#undef ADD

  return g_test_run ();
}
