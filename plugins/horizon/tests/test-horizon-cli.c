/* test-horizon-cli.c — the horizon plugin end to end: `bandi-cli sync
 * horizon` against the stand-in for the search API, then `bandi-cli list`
 *
 * Runs the built bandi-cli with the test's private XDG directories, so that
 * the plugin is loaded by the host, the calls go through the store, and the
 * deadlines come out as a user or a script sees them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "horizon-test-server.h"

#define TOPIC_PAGE \
  "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"

typedef struct {
  HtServer   *server;
  char       *endpoint;   /* "horizon=URL" */
  char       *out;
  char       *err;
} Fixture;

/* Runs bandi-cli with @args in time zone @tz; its output lands in f->out
 * and f->err. Returns the exit status. */
static int
run_cli (Fixture            *f,
         const char         *tz,
         const char * const *args)
{
  return cli_test_run (BANDI_CLI_PATH, tz, NULL, args, &f->out, &f->err);
}

#define RUN(f, tz, ...) run_cli ((f), (tz), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = ht_server_new ();
  f->endpoint = g_strdup_printf ("horizon=%s", f->server->endpoint);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->server, ht_server_free);
  g_free (f->endpoint);
  g_free (f->out);
  g_free (f->err);
}

static JsonObject *
find_call (JsonArray  *calls,
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

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

/* The deadlines of @id, as "stage|label|at|zone" lines. */
static char *
deadlines_of (JsonArray  *calls,
              const char *id)
{
  JsonArray *deadlines = json_object_get_array_member (find_call (calls, id), "deadlines");
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (deadlines); i++)
    {
      JsonObject *d = json_array_get_object_element (deadlines, i);

      g_assert_null (string_or_null (d, "date"));
      g_string_append_printf (lines, "%" G_GINT64_FORMAT "|%s|%s|%s\n",
                              json_object_get_int_member (d, "stage"),
                              string_or_null (d, "label"),
                              string_or_null (d, "at"),
                              string_or_null (d, "zone"));
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

#define assert_deadlines(calls, id, expected) \
  G_STMT_START { \
    g_autofree char *got__ = deadlines_of ((calls), (id)); \
    g_assert_cmpstr (got__, ==, (expected)); \
  } G_STMT_END

static void
test_sync_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *calls;
  JsonObject *call;

  f->server->mode = HT_SERVE_CASES;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 0);
  g_assert_cmpstr (f->out, ==, "horizon: new 11, changed 0, withdrawn 0, deadlines moved 0\n");
  /* The record without an identifier, and nothing else */
  g_test_message ("%s", f->err);
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: horizon: warning: Page 1: "));
  g_assert_nonnull (strstr (f->err, "45311999TOPICSen"));
  g_assert_true (strchr (f->err, '\n') == f->err + strlen (f->err) - 1);
  g_assert_cmpuint (f->server->hits, ==, 1);

  g_assert_cmpint (RUN (f, "UTC", "list", "--json", "--source", "horizon"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  calls = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (calls), ==, 11);

  /* The domain's example: 19:00+0200 from the API is 17:00 in Brussels */
  assert_deadlines (calls, "HORIZON-CL5-2024-D2-01-03",
                    "1|Deadline|2024-04-18T17:00:00+02:00|Europe/Brussels\n");
  call = find_call (calls, "HORIZON-CL5-2024-D2-01-03");
  g_assert_cmpstr (string_or_null (call, "source"), ==, "horizon");
  g_assert_cmpstr (string_or_null (call, "call_id"), ==, "HORIZON-CL5-2024-D2-01");
  g_assert_cmpstr (string_or_null (call, "programme"), ==, "Horizon Europe");
  /* marked open by the Portal, but its deadline has passed */
  g_assert_cmpstr (string_or_null (call, "status"), ==, "closed");
  g_assert_cmpstr (string_or_null (call, "url"), ==, TOPIC_PAGE "HORIZON-CL5-2024-D2-01-03");
  g_assert_cmpfloat (json_object_get_double_member (call, "budget_eur"), ==, 30000000);

  /* Winter time: 18:00+0100 is 17:00 in Brussels */
  assert_deadlines (calls, "HORIZON-CL5-2025-D3-01-05",
                    "1|Deadline|2025-01-22T17:00:00+01:00|Europe/Brussels\n");

  assert_deadlines (calls, "HORIZON-CL6-2027-FARM2FORK-01-03-two-stage",
                    "1|Stage 1|2027-02-17T17:00:00+01:00|Europe/Brussels\n"
                    "2|Stage 2|2027-09-02T17:00:00+02:00|Europe/Brussels\n");
  g_assert_cmpfloat (json_object_get_double_member (find_call (calls, "HORIZON-CL6-2027-FARM2FORK-01-03-two-stage"),
                                                    "budget_eur"), ==, 18000000);

  assert_deadlines (calls, "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11",
                    "1|Cut-off 1|2027-03-04T17:00:00+01:00|Europe/Brussels\n"
                    "2|Cut-off 2|2027-10-07T17:00:00+02:00|Europe/Brussels\n"
                    "3|Cut-off 3|2028-03-02T17:00:00+01:00|Europe/Brussels\n");

  /* One call for the topic listed under two data sources: the SEDIA copy */
  assert_deadlines (calls, "HORIZON-CL4-2027-TWIN-TRANSITION-01-07",
                    "1|Deadline|2027-02-18T17:00:00+01:00|Europe/Brussels\n");

  assert_deadlines (calls, "HORIZON-MISS-2027-CIT-01-01", "");
  call = find_call (calls, "EU4H-2027-PJ-03");
  g_assert_cmpstr (string_or_null (call, "programme"), ==, "EU4Health");
  call = find_call (calls, "LIFE-2027-SAP-NAT-NATURE");
  g_assert_cmpstr (string_or_null (call, "programme"), ==, "LIFE");

  /* The instants as a user in another zone sees them */
  g_assert_cmpint (RUN (f, "UTC", "list", "--status", "closed"), ==, 0);
  g_test_message ("%s", f->out);
  g_assert_nonnull (strstr (f->out, "Thu 04/18/24 15:00 UTC  [closed]  horizon HORIZON-CL5-2024-D2-01-03  "));
  g_assert_nonnull (strstr (f->out, "Wed 01/22/25 16:00 UTC  [closed]  horizon HORIZON-CL5-2025-D3-01-05  "));
  g_assert_cmpint (RUN (f, "America/New_York", "list", "--status", "closed"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Thu 04/18/24 11:00 EDT  [closed]  horizon HORIZON-CL5-2024-D2-01-03  "));
  g_assert_nonnull (strstr (f->out, "Wed 01/22/25 11:00 EST  [closed]  horizon HORIZON-CL5-2025-D3-01-05  "));

  /* A second sync with nothing changed changes nothing */
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 0);
  g_assert_cmpstr (f->out, ==, "horizon: new 0, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpuint (f->server->hits, ==, 2);
}

/* Three pages of varied topics: each stored once with its deadline; then
 * an HTML page instead of JSON fails the sync and loses nothing */
static void
test_pages_and_html (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *calls;

  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = 250;
  f->server->varied = TRUE;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 0);
  g_assert_cmpstr (f->out, ==, "horizon: new 250, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpuint (f->server->pages->len, ==, 3);

  g_assert_cmpint (RUN (f, "UTC", "list", "--json"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  calls = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (calls), ==, 250);
  for (gint64 i = 0; i < 250; i++)
    {
      g_autofree char *id = ht_topic_identifier (i);
      g_autofree char *at = ht_topic_deadline (i);
      g_autofree char *expected = g_strdup_printf ("1|Deadline|%s|Europe/Brussels\n", at);

      assert_deadlines (calls, id, expected);
    }

  /* The error names what came */
  f->server->mode = HT_SERVE_HTML;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 1);
  g_test_message ("%s", f->err);
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: horizon: "));
  g_assert_nonnull (strstr (f->err, "text/html"));
  g_assert_cmpint (RUN (f, "UTC", "list", "--json"), ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 250);
}

/* After a good sync, a page nested 200,000 levels deep (what overflowed
 * json-glib's stack and killed bandi-cli) fails the sync with a clear
 * error and loses nothing */
static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"totalResults\":1,\"results\":");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  f->server->mode = HT_SERVE_CASES;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 0);

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  f->server->body = g_string_free_to_bytes (g_steal_pointer (&deep));
  f->server->mode = HT_SERVE_BODY;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 1);
  g_test_message ("%s", f->err);
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: horizon: The Funding & Tenders Portal did not send "
                                   "search results for page 1: the answer is JSON nested 200001 levels "
                                   "deep; refused — HTTP 200, application/json"));
  g_assert_cmpstr (f->out, ==, "");

  g_assert_cmpint (RUN (f, "UTC", "list", "--json", "--source", "horizon"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 11);
}

/* A title of 10 MB is stored and listed cut to what a title may hold */
static void
test_huge_title (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) page = g_string_new ("{\"totalResults\":1,\"results\":[{\"reference\":\"1TOPICSen\","
                                          "\"metadata\":{\"identifier\":[\"HORIZON-CL5-2027-D2-01-01\"],"
                                          "\"status\":[\"31094502\"],\"title\":[\"");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *title;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (page, "Città è ");
  g_string_append (page, "\"]}}]}");
  f->server->body = g_string_free_to_bytes (g_steal_pointer (&page));
  f->server->mode = HT_SERVE_BODY;
  g_assert_cmpint (RUN (f, "UTC", "--endpoint", f->endpoint, "sync", "horizon"), ==, 0);
  g_assert_cmpstr (f->out, ==, "horizon: new 1, changed 0, withdrawn 0, deadlines moved 0\n");

  g_assert_cmpint (RUN (f, "UTC", "list", "--json", "--source", "horizon"), ==, 0);
  g_assert_cmpuint (strlen (f->out), <, 10000);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  title = json_object_get_string_member (find_call (json_node_get_array (json_parser_get_root (parser)),
                                                    "HORIZON-CL5-2027-D2-01-01"), "title");
  g_assert_true (g_str_has_prefix (title, "Città è Città è "));
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_cmpuint (strlen (title), <=, 2048);
  g_assert_cmpuint (strlen (title), >, 2040);
  g_assert_true (g_utf8_validate (title, -1, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/horizon/cli/sync-and-list", test_sync_and_list);
  ADD ("/horizon/cli/pages", test_pages_and_html);
  ADD ("/horizon/cli/deep-json", test_deep_json);
  ADD ("/horizon/cli/huge-title", test_huge_title);
#undef ADD

  return g_test_run ();
}
