/* test-lombardia-cli.c — the lombardia plugin end to end through bandi-cli
 *
 * Runs the built bandi-cli with the test's private XDG directories and a
 * keyfile settings backend: `sync lombardia` against the local stand-in for
 * dati.lombardia.it and Bandi Online, then `list --json`, as a script would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "lombardia-test-server.h"

typedef struct {
  LtServer *server;
  char     *endpoint;   /* "lombardia=URL" */
  char     *out;
  char     *err;
} Fixture;

/* Runs bandi-cli with @args; its output lands in f->out and f->err.
 * Returns the exit status. */
static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (BANDI_CLI, "America/Los_Angeles", "keyfile", args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *dir = g_path_get_dirname (keyfile);
  g_autofree char *settings = NULL;
  g_autoptr(GError) error = NULL;

  f->server = lt_server_new ();
  f->endpoint = g_strdup_printf ("lombardia=%s", f->server->endpoint);

  /* The call pages are on the local server too. */
  settings = g_strdup_printf ("[io/github/bandi/Bandi/lombardia]\n"
                              "portal-base='%s'\n", f->server->base);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (keyfile, settings, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->server, lt_server_free);
  g_free (f->endpoint);
  g_free (f->out);
  g_free (f->err);
}

/* `list --json` as id → call object. */
static JsonObject *
list_calls (Fixture    *f,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonObject *by_id = json_object_new ();
  JsonArray *array;

  g_assert_cmpint (RUN (f, "list", "--json", "--source", "lombardia"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *call = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (call, "source"), ==, "lombardia");
      json_object_set_object_member (by_id, json_object_get_string_member (call, "id"),
                                     json_object_ref (call));
    }

  return by_id;
}

/* The one deadline of @id in the list: "at" and zone, or "date". */
static void
assert_listed (JsonObject *calls,
               const char *id,
               const char *status,
               const char *at,
               const char *date)
{
  JsonObject *call = json_object_get_object_member (calls, id);
  JsonArray *deadlines;
  JsonObject *deadline;

  g_test_message ("%s", id);
  g_assert_nonnull (call);
  g_assert_cmpstr (json_object_get_string_member (call, "status"), ==, status);
  deadlines = json_object_get_array_member (call, "deadlines");
  if (at == NULL && date == NULL)
    {
      g_assert_cmpuint (json_array_get_length (deadlines), ==, 0);
      return;
    }

  g_assert_cmpuint (json_array_get_length (deadlines), ==, 1);
  deadline = json_array_get_object_element (deadlines, 0);
  if (at != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (deadline, "at"), ==, at);
      g_assert_cmpstr (json_object_get_string_member (deadline, "zone"), ==, "Europe/Rome");
      g_assert_true (json_object_get_null_member (deadline, "date"));
    }
  else
    {
      g_assert_cmpstr (json_object_get_string_member (deadline, "date"), ==, date);
      g_assert_true (json_object_get_null_member (deadline, "at"));
    }
}

static void
assert_listed_all (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) calls = list_calls (f, parser);
  g_autofree char *url = g_strconcat (f->server->base, LT_PAGE_PATH, "RLO12031000001", NULL);

  g_assert_cmpuint (json_object_get_size (calls), ==, 6);
  assert_listed (calls, "RLO12031000001", "open", "2036-09-08T12:00:00+02:00", NULL);
  assert_listed (calls, "RLO12031000002", "open", NULL, NULL);
  assert_listed (calls, "RLO12031000003", "open", "2036-02-17T16:00:00+01:00", NULL);
  assert_listed (calls, "RLO12031000005", "open", "2036-06-30T17:00:00+02:00", NULL);
  assert_listed (calls, "RLO12031000006", "open", NULL, "2036-05-20");
  assert_listed (calls, "RLO12031000007", "forthcoming", "2036-04-30T12:00:00+02:00", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (calls, "RLO12031000001"), "url"),
                   ==, url);
  g_assert_false (json_object_has_member (calls, "RLO12031000008"));
}

static void
test_sync_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "lombardia"), ==, 0);
  g_assert_cmpstr (f->out, ==, "lombardia: new 6, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_nonnull (strstr (f->err, "bandi-cli: lombardia: warning: A call without codice_bando"));
  g_assert_nonnull (strstr (f->err, "bandi-cli: lombardia: warning: The page of call RLO12031000006"));
  g_assert_cmpuint (f->server->bad_queries->len, ==, 0);
  g_assert_cmpuint (f->server->offsets->len, ==, 2);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 6);
  assert_listed_all (f);

  /* Again: no change, and only the page that failed is read again. */
  lt_server_reset_counts (f->server);
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "lombardia"), ==, 0);
  g_assert_cmpstr (f->out, ==, "lombardia: new 0, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000006"), ==, 1);
  assert_listed_all (f);

  /* A broken answer fails the sync and loses nothing. */
  f->server->mode = LT_DATASET_MALFORMED;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "lombardia"), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, "bandi-cli: lombardia: "));
  g_assert_nonnull (strstr (f->err, "the answer is not JSON"));
  assert_listed_all (f);
}

/* After a good sync, a dataset page nested 200,000 levels deep (what
 * overflowed json-glib's stack and killed bandi-cli) fails the sync with a
 * clear error and loses nothing. */
static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  GString *deep = g_string_new (NULL);

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "lombardia"), ==, 0);
  assert_listed_all (f);

  for (guint i = 0; i < 200000; i++)
    g_string_append (deep, "{\"a\":");
  g_string_append (deep, "1");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '}');
  f->server->dataset_body = g_string_free (deep, FALSE);
  f->server->mode = LT_DATASET_BODY;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "lombardia"), ==, 1);
  g_test_message ("%s", f->err);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: lombardia: Regione Lombardia’s open-data portal did not "
                                   "send calls for page 1 of the register: the answer is JSON nested "
                                   "200000 levels deep; refused — HTTP 200"));
  assert_listed_all (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/lombardia/cli/sync-and-list", Fixture, NULL,
              fixture_setup, test_sync_and_list, fixture_teardown);
  g_test_add ("/lombardia/cli/deep-json", Fixture, NULL,
              fixture_setup, test_deep_json, fixture_teardown);

  return g_test_run ();
}
