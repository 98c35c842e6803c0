/* test-cli-calls.c — `bandi-cli calls`: calls added by hand, as a user
 * and a script use them
 *
 * Runs the built bandi-cli ($BANDI_CLI) with the test's private XDG
 * directories, in Europe/Rome; the syncs read the HTTP test plugin from a
 * SoupServer on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "runtime-test-util.h"

typedef struct {
  RtServer *server;
  char     *endpoint;   /* "test-http=URL" */
  char     *out;
  char     *err;
} Fixture;

static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (g_getenv ("BANDI_CLI"), "Europe/Rome", "memory", args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = rt_server_new ();
  f->endpoint = g_strdup_printf ("test-http=%s", f->server->url);
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

/* Adds the Cariplo call; returns its id. */
static char *
add_cariplo (Fixture *f)
{
  g_assert_cmpint (RUN (f, "calls", "add", "--title", "Bando Ricerca Sociale",
                        "--url", "https://www.fondazionecariplo.it/bandi/ricerca",
                        "--deadline", "2027-03-15 17:00",
                        "--deadline", "2027-04-20",
                        "--deadline", "2027-05-10 13:00 Europe/Brussels",
                        "--funder", "Fondazione Cariplo", "--programme", "Ricerca",
                        "--budget", "3000000", "--note", "robotics for elderly care"), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_true (g_regex_match_simple ("^m-[0-9a-f]{8}\n$", f->out, 0, 0));
  return g_strchomp (g_strdup (f->out));
}

/* The manual calls of `list --json`, as a parsed array. */
static JsonArray *
list_manual (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (RUN (f, "list", "--source", "manual", "--json"), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_cariplo (f);
  g_autoptr(JsonArray) calls = list_manual (f);
  JsonObject *call;
  JsonArray *deadlines;
  JsonObject *d;

  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  call = json_array_get_object_element (calls, 0);
  g_assert_cmpstr (json_object_get_string_member (call, "source"), ==, "manual");
  g_assert_cmpstr (json_object_get_string_member (call, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (call, "title"), ==, "Bando Ricerca Sociale");
  g_assert_cmpstr (json_object_get_string_member (call, "programme"), ==, "Ricerca");
  g_assert_cmpstr (json_object_get_string_member (call, "url"), ==,
                   "https://www.fondazionecariplo.it/bandi/ricerca");
  g_assert_cmpfloat (json_object_get_double_member (call, "budget_eur"), ==, 3000000);
  /* The keys every call has, no fewer and no more (the data-quality
   * "warnings" among them, empty here). */
  g_assert_cmpuint (json_object_get_size (call), ==, 10);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call, "warnings")), ==, 0);

  deadlines = json_object_get_array_member (call, "deadlines");
  g_assert_cmpuint (json_array_get_length (deadlines), ==, 3);
  d = json_array_get_object_element (deadlines, 0);
  g_assert_cmpint (json_object_get_int_member (d, "stage"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (d, "at"), ==, "2027-03-15T17:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (d, "zone"), ==, "Europe/Rome");
  d = json_array_get_object_element (deadlines, 1);
  g_assert_true (json_object_get_null_member (d, "at"));
  g_assert_cmpstr (json_object_get_string_member (d, "date"), ==, "2027-04-20");
  g_assert_true (json_object_get_null_member (d, "zone"));
  d = json_array_get_object_element (deadlines, 2);
  g_assert_cmpstr (json_object_get_string_member (d, "at"), ==, "2027-05-10T13:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (d, "zone"), ==, "Europe/Brussels");

  /* The note is the call's text: searched and used for relevance. */
  g_assert_cmpint (RUN (f, "list", "--json"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"source\" : \"manual\""));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  const struct {
    const char *args[7];   /* NULL-terminated */
    const char *said;
  } cases[] = {
    { { "calls", "add", "--title", "X", "--deadline", "2027-02-30" }, "that month has 28 days" },
    { { "calls", "add", "--title", "X", "--deadline", "2027-03-15 25:00" }, "hours go from 0 to 23" },
    { { "calls", "add", "--title", "X", "--deadline", "2027-03-15 17:00 Rome" }, "“Rome” is not a time zone" },
    { { "calls", "add", "--title", "X", "--deadline", "next friday" }, "not a date" },
    { { "calls", "add", "--title", "X", "--budget", "lots" }, "--budget “lots” is not an amount" },
    { { "calls", "add", "--url", "https://example.org/", NULL }, "--title is needed" },
    { { "calls", NULL }, "no action given" },
    { { "calls", "frobnicate", NULL }, "unknown action" },
    { { "calls", "edit", NULL }, "give the id" },
    { { "calls", "edit", "m-00000000", NULL }, "nothing to change" },
    { { "calls", "delete", "m-00000000", "--title", "X" }, "takes no options" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonArray) none = NULL;

      g_test_message ("case %u: %s", i, cases[i].said);
      g_assert_cmpint (run_cli (f, cases[i].args), ==, 2);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_true (g_str_has_prefix (f->err, "bandi-cli: "));
      g_assert_nonnull (strstr (f->err, cases[i].said));
      none = list_manual (f);
      g_assert_cmpuint (json_array_get_length (none), ==, 0);
    }
}

static void
test_edit_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = add_cariplo (f);
  g_autoptr(JsonArray) calls = NULL;
  g_autoptr(JsonArray) none = NULL;
  JsonObject *call;
  JsonArray *deadlines;

  /* A bad deadline in an edit loses nothing. */
  g_assert_cmpint (RUN (f, "calls", "edit", id, "--title", "Changed", "--deadline", "31/04/2027"), ==, 2);
  g_assert_nonnull (strstr (f->err, "not a date"));

  g_assert_cmpint (RUN (f, "calls", "edit", id, "--title", "Bando Ricerca Sociale (riaperto)",
                        "--funder", "", "--deadline", "2027-06-01 12:00"), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==, "");
  calls = list_manual (f);
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  call = json_array_get_object_element (calls, 0);
  g_assert_cmpstr (json_object_get_string_member (call, "title"), ==, "Bando Ricerca Sociale (riaperto)");
  g_assert_cmpstr (json_object_get_string_member (call, "url"), ==,
                   "https://www.fondazionecariplo.it/bandi/ricerca");
  deadlines = json_object_get_array_member (call, "deadlines");
  g_assert_cmpuint (json_array_get_length (deadlines), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (deadlines, 0), "at"),
                   ==, "2027-06-01T12:00:00+02:00");

  g_assert_cmpint (RUN (f, "calls", "edit", "m-00000000", "--title", "Nobody"), ==, 1);
  g_assert_nonnull (strstr (f->err, "no call added by hand has the id “m-00000000”"));

  g_assert_cmpint (RUN (f, "calls", "delete", id), ==, 0);
  none = list_manual (f);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
  g_assert_cmpint (RUN (f, "calls", "delete", id), ==, 1);
}

/* A sync that withdraws its source's calls leaves the manual ones, and a
 * call of a source is not editable as a manual one. */
static void
test_sync_leaves_them (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_cariplo (f);
  g_autoptr(JsonArray) calls = NULL;

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  f->server->fixture = "calls-2.json";
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_nonnull (strstr (f->out, "withdrawn 1"));

  calls = list_manual (f);
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "title"),
                   ==, "Bando Ricerca Sociale");

  g_assert_cmpint (RUN (f, "list", "--source", "test-http", "--json"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"source\" : \"test-http\""));
}

/* The export carries the manual call with its zone's VTIMEZONE and the
 * date-only deadline as an all-day event. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = add_cariplo (f);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "manual.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_cmpint (RUN (f, "export", "--source", "manual", "-o", path), ==, 0);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Rome:20270315T170000"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Brussels:20270510T130000"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20270420"));
  g_assert_nonnull (strstr (text, "Bando Ricerca Sociale"));
}

int
main (int    argc,
      char **argv)
{
  rt_setup_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/calls/add-and-list", test_add_and_list);
  ADD ("/cli/calls/refusals", test_refusals);
  ADD ("/cli/calls/edit-and-delete", test_edit_and_delete);
  ADD ("/cli/calls/sync-leaves-them", test_sync_leaves_them);
  ADD ("/cli/calls/export", test_export);
#undef ADD

  return g_test_run ();
}
