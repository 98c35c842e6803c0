/* test-interreg-cli.c — the interreg plugin end to end through bandi-cli
 *
 * Runs the built bandi-cli with the test's private XDG directories and
 * settings saved to a key file, the plugin loaded by the core loader, and
 * the programme sites stood in for by a SoupServer on 127.0.0.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "interreg-test-server.h"

typedef struct {
  ItServer *server;
  char     *endpoint;   /* "interreg=URL" */
  char     *out;
  char     *err;
} Fixture;

/* Runs bandi-cli with @args, deadlines shown in New York's zone; its
 * output lands in f->out and f->err. Returns the exit status. */
static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (BANDI_CLI_PATH, "America/New_York", "keyfile", args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = it_server_new ();
  f->endpoint = g_strdup_printf ("interreg=%s", f->server->base);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->server, it_server_free);
  g_free (f->endpoint);
  g_free (f->out);
  g_free (f->err);
}

/* The calls `list --json --source interreg` prints, by id. */
static GHashTable *
listed_calls (Fixture   *f,
              JsonNode **root)
{
  g_autoptr(GError) error = NULL;
  GHashTable *calls = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  g_assert_cmpint (RUN (f, "list", "--json", "--source", "interreg"), ==, 0);
  *root = json_from_string (f->out, &error);
  g_assert_no_error (error);
  array = json_node_get_array (*root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *call = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (call, "source"), ==, "interreg");
      g_hash_table_insert (calls, (gpointer) json_object_get_string_member (call, "id"), call);
    }

  return calls;
}

static void
assert_listed_deadline (GHashTable *calls,
                        const char *id,
                        guint       index,
                        const char *at,
                        const char *zone)
{
  JsonObject *call = g_hash_table_lookup (calls, id);
  JsonArray *deadlines;
  JsonObject *deadline;

  if (call == NULL)
    g_error ("%s is not listed", id);
  deadlines = json_object_get_array_member (call, "deadlines");
  g_assert_cmpuint (index, <, json_array_get_length (deadlines));
  deadline = json_array_get_object_element (deadlines, index);
  g_assert_cmpint (json_object_get_int_member (deadline, "stage"), ==, index + 1);
  g_assert_cmpstr (json_object_get_string_member (deadline, "at"), ==, at);
  g_assert_cmpstr (json_object_get_string_member (deadline, "zone"), ==, zone);
}

#define ALPINE_4TH "alpine-space:alpine-space.eu/for-applicants/how-to-apply#4th-call-for-classic-projects"
#define ALPINE_3RD "alpine-space:alpine-space.eu/for-applicants/how-to-apply#3rd-call-for-classic-projects-closed"
#define SMALL_PROJECTS "italia-svizzera:interreg-italiasvizzera.eu/wps/portal/site/" \
                       "interreg-italia-svizzera/avvisi/aperti/avviso-piccoli-progetti"

/* `sync interreg` stores the four followed presets' calls; `list --json` gives
 * their deadlines at the right instant; a second sync changes nothing. */
static void
test_sync_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GHashTable) calls = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *call;

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg: new 9, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpstr (f->err, ==, "");

  calls = listed_calls (f, &root);
  g_assert_cmpuint (g_hash_table_size (calls), ==, 9);

  /* Italia–Svizzera: Rome's clock */
  call = g_hash_table_lookup (calls, SMALL_PROJECTS);
  g_assert_nonnull (call);
  g_assert_cmpstr (json_object_get_string_member (call, "programme"), ==, "Interreg VI-A Italia-Svizzera");
  assert_listed_deadline (calls, SMALL_PROJECTS, 0, "2027-04-16T12:00:00+02:00", "Europe/Rome");
  /* CET/CEST: Brussels' clock, in winter and in summer */
  assert_listed_deadline (calls, ALPINE_4TH, 0, "2027-03-04T13:00:00+01:00", "Europe/Brussels");
  assert_listed_deadline (calls, ALPINE_4TH, 1, "2027-06-24T13:00:00+02:00", "Europe/Brussels");
  assert_listed_deadline (calls, "central-europe:interreg-central.eu/calls-for-proposals/fourth-call",
                          0, "2027-05-26T14:00:00+02:00", "Europe/Brussels");
  assert_listed_deadline (calls, "euro-med:call-4", 0, "2027-03-31T13:00:00+02:00", "Europe/Brussels");
  call = g_hash_table_lookup (calls, "euro-med:call-4");
  g_assert_cmpstr (json_object_get_string_member (call, "call_id"), ==, "Call 4");
  g_assert_cmpstr (json_object_get_string_member (call, "programme"), ==, "Interreg Euro-MED");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call, "warnings")), ==, 0);
  /* Interreg Europe is off by default */
  g_assert_cmpuint (it_server_hits (f->server, PATH_INTERREG_EUROPE), ==, 0);

  /* Stable ids: the same pages update, never duplicate. */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg: new 0, changed 0, withdrawn 0, deadlines moved 0\n");
}

/* A time stated but not readable: `sync` warns, `list` shows it under the
 * call, `list --json` has it in the call's "warnings". */
static void
test_time_warning (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) calls = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *call;
  JsonArray *warnings;
  const char *expected = "a time was stated but could not be read: “Step 2 closed on 27 June 2024 "
                         "and step 1 on 14 March 2024, both at 13:00 CET";

  it_server_route (f->server, PATH_ALPINE_SPACE, "alpine-space-unknown-date.html");
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_nonnull (strstr (f->err, "interreg: warning: Interreg Alpine Space: “3rd call for classic projects (closed)”: "));
  g_assert_nonnull (strstr (f->err, expected));

  calls = listed_calls (f, &root);
  call = g_hash_table_lookup (calls, ALPINE_3RD);
  g_assert_nonnull (call);
  warnings = json_object_get_array_member (call, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (warnings, 0), expected));
  /* the date is kept, all-day */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (call, "deadlines"), 0),
                                                  "date"), ==, "2024-06-27");

  g_assert_cmpint (RUN (f, "list", "--source", "interreg"), ==, 0);
  g_assert_nonnull (strstr (f->out, "3rd call for classic projects (closed) (Step 2)\n    warning: a time was stated but could not be read: “Step 2 closed"));
}

static gboolean
programme_is (JsonArray  *catalogue,
              const char *id,
              const char *member,
              gboolean    value)
{
  for (guint i = 0; i < json_array_get_length (catalogue); i++)
    {
      JsonObject *programme = json_array_get_object_element (catalogue, i);

      if (g_strcmp0 (json_object_get_string_member (programme, "id"), id) == 0)
        return json_object_get_boolean_member (programme, member) == value;
    }

  g_error ("No programme %s", id);
}

/* `interreg disable|add` change the saved settings, and sync follows them. */
static void
test_programmes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ics = g_strdup_printf ("%s/custom/calls.ics", f->server->base);
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GHashTable) calls = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  it_server_route (f->server, "/custom/calls.ics", "custom-calendar.ics");

  g_assert_cmpint (RUN (f, "interreg", "list"), ==, 0);
  g_assert_nonnull (strstr (f->out, "[x] italia-svizzera — Interreg VI-A Italia-Svizzera (html, Europe/Rome)\n"));

  g_assert_cmpint (RUN (f, "interreg", "disable", "italia-svizzera"), ==, 0);
  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "Interreg NEXT MED", "--url", ics,
                        "--adapter", "ical"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg-next-med\n");

  g_assert_cmpint (RUN (f, "interreg", "list", "--json"), ==, 0);
  catalogue = json_from_string (f->out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (catalogue)), ==, 10);
  g_assert_true (programme_is (json_node_get_array (catalogue), "italia-svizzera", "followed", FALSE));
  g_assert_true (programme_is (json_node_get_array (catalogue), "alpine-space", "followed", TRUE));
  g_assert_true (programme_is (json_node_get_array (catalogue), "interreg-next-med", "followed", TRUE));
  g_assert_true (programme_is (json_node_get_array (catalogue), "interreg-next-med", "custom", TRUE));

  g_file_get_contents (keyfile, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "[io/github/bandi/Bandi/interreg]"));
  g_assert_nonnull (strstr (saved, "\"id\":\"interreg-next-med\""));

  /* The custom programme is fetched at its own address. */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg: new 7, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_cmpuint (it_server_hits (f->server, PATH_ITALIA_SVIZZERA), ==, 0);
  g_assert_cmpuint (it_server_hits (f->server, "/custom/calls.ics"), ==, 1);

  calls = listed_calls (f, &root);
  g_assert_false (g_hash_table_contains (calls, SMALL_PROJECTS));
  assert_listed_deadline (calls, "interreg-next-med:call-2-deadline@interregnextmed.eu", 0,
                          "2027-04-15T14:00:00+02:00", "Europe/Rome");

  /* enable and disable are idempotent; ids are checked */
  g_assert_cmpint (RUN (f, "interreg", "disable", "italia-svizzera"), ==, 0);
  g_assert_cmpint (RUN (f, "interreg", "enable", "italia-svizzera"), ==, 0);
  g_assert_cmpint (RUN (f, "interreg", "enable", "italia-svizzera"), ==, 0);
  g_assert_cmpint (RUN (f, "interreg", "list"), ==, 0);
  g_assert_nonnull (strstr (f->out, "[x] italia-svizzera "));
  g_assert_cmpint (RUN (f, "interreg", "enable", "nosuch"), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: interreg: there is no programme “nosuch” "
                               "(see “bandi-cli interreg list”)\n");

  /* What the source refuses (an id taken, not an id, not a web address)
   * is reported in its words and changes nothing. */
  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "Interreg NEXT MED", "--url", ics,
                        "--adapter", "ical"), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: interreg add: Custom programme “interreg-next-med” is given twice\n");
  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "Alpine space", "--url", ics,
                        "--adapter", "ical", "--id", "alpine-space"), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: interreg add: Custom programme “alpine-space” has the id of a preset\n");
  g_assert_cmpint (RUN (f, "interreg", "add", "--id", "Not_An_Id", "--name", "X", "--url", ics,
                        "--adapter", "ical"), ==, 1);
  g_assert_nonnull (strstr (f->err, "no valid id (lower-case letters, digits and dashes): “Not_An_Id”"));
  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "X", "--url", "ftp://example.org/",
                        "--adapter", "rss"), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: interreg add: Programme “x” has no web address (http or https): "
                               "“ftp://example.org/”\n");
  g_assert_cmpint (RUN (f, "interreg", "list", "--json"), ==, 0);
  g_clear_pointer (&catalogue, json_node_unref);
  catalogue = json_from_string (f->out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (catalogue)), ==, 10);
}

/* A saved setting that cannot be read is reported and left as it is. */
static void
test_bad_setting (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *dir = g_path_get_dirname (keyfile);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *broken = "[io/github/bandi/Bandi/interreg]\n"
                       "programmes=['euro-med', 'mine']\n"
                       "custom-programmes='[{\"id\": \"mine\",'\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (keyfile, broken, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "Other", "--url", "https://example.org/feed/",
                        "--adapter", "rss"), ==, 1);
  g_assert_nonnull (strstr (f->err, "the saved custom programmes are not a JSON array, left as they are"));
  g_assert_cmpint (RUN (f, "interreg", "list"), ==, 0);
  g_assert_nonnull (strstr (f->err, "bandi-cli: interreg: warning: The custom Interreg programmes are not valid JSON"));
  g_file_get_contents (keyfile, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, broken);

  /* Sync still reads the presets followed, and says what is wrong. */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg: new 2, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_nonnull (strstr (f->err, "The custom Interreg programmes are not valid JSON"));
  g_assert_nonnull (strstr (f->err, "The followed programme “mine” is neither a preset nor a custom programme"));
}

/* After a good sync, a WordPress answer nested 200,000 levels deep (what
 * overflowed json-glib's stack and killed bandi-cli) fails the sync with a
 * clear error and loses nothing. */
static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  const char *presets[] = { "italia-svizzera", "alpine-space", "central-europe", "euro-med" };
  g_autofree char *wp = g_strdup_printf ("%s/custom/wp-json/wp/v2/pages", f->server->base);
  g_autofree char *deep = g_build_filename (g_get_user_cache_dir (), "deep.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    g_assert_cmpint (RUN (f, "interreg", "disable", presets[i]), ==, 0);
  g_assert_cmpint (RUN (f, "interreg", "add", "--name", "Interreg WP", "--url", wp,
                        "--adapter", "wordpress"), ==, 0);
  it_server_route (f->server, "/custom/wp-json/wp/v2/pages", "euro-med-pages.json");
  g_assert_cmpint (RUN (f, "sync", "interreg"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "interreg: new "));

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '}');
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (deep, text->str, text->len, &error);
  g_assert_no_error (error);
  it_server_route (f->server, "/custom/wp-json/wp/v2/pages", deep);

  g_assert_cmpint (RUN (f, "sync", "interreg"), ==, 1);
  g_test_message ("%s", f->err);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_nonnull (strstr (f->err, "Interreg WP: the answer is JSON nested 200000 levels deep; refused"));
  g_assert_cmpint (RUN (f, "list", "--json", "--source", "interreg"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"source\" : \"interreg\""));
}

/* A changed page is reported as such, naming the programme: an error
 * when it is the only programme, a warning among others. */
static void
test_changed_page (Fixture       *f,
                   gconstpointer  data)
{
  const char *others[] = { "italia-svizzera", "alpine-space" };

  it_server_route (f->server, PATH_CENTRAL_EUROPE, "central-europe-changed.html");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_cmpint (RUN (f, "interreg", "disable", others[i]), ==, 0);

  /* central-europe and euro-med */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_cmpstr (f->out, ==, "interreg: new 2, changed 0, withdrawn 0, deadlines moved 0\n");
  g_assert_nonnull (strstr (f->err, "interreg: warning: Interreg CENTRAL EUROPE: the page has changed: "
                                    "no call found with the preset’s rules in https://www.interreg-central.eu/"
                                    "calls-for-proposals/"));
  /* the page is watched instead, and this sync records it */
  g_assert_nonnull (strstr (f->err, "watch: the page of “Interreg CENTRAL EUROPE” has changed and is now watched: "));
  g_assert_nonnull (strstr (f->err, PATH_CENTRAL_EUROPE));
  g_assert_cmpint (RUN (f, "watch", "list", "--json"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"name\" : \"Interreg CENTRAL EUROPE\""));
  g_assert_nonnull (strstr (f->out, "\"status\" : \"recorded\""));

  g_assert_cmpint (RUN (f, "interreg", "disable", "euro-med"), ==, 0);
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 1);
  g_assert_nonnull (strstr (f->err, "Interreg CENTRAL EUROPE: the page has changed: no call found with the preset’s rules"));
  /* watched once, not twice; unchanged, not reported */
  g_assert_null (strstr (f->err, "is now watched"));
  g_assert_null (strstr (f->out, "changed:"));
  /* nothing stored was lost */
  g_assert_cmpint (RUN (f, "list", "--json", "--source", "interreg"), ==, 0);
  g_assert_nonnull (strstr (f->out, "euro-med:call-4"));

  /* when the page changes, the user learns it */
  it_server_route (f->server, PATH_CENTRAL_EUROPE, "central-europe-no-deadline.html");
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "interreg"), ==, 0);
  g_assert_nonnull (strstr (f->out, "changed: Interreg CENTRAL EUROPE — http://127.0.0.1:"));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char * const *cases[] = {
    (const char *[]) { "interreg", NULL },
    (const char *[]) { "interreg", "frobnicate", NULL },
    (const char *[]) { "interreg", "list", "extra", NULL },
    (const char *[]) { "interreg", "enable", NULL },
    (const char *[]) { "interreg", "add", "--name", "X", NULL },
    (const char *[]) { "interreg", "add", "--name", "X", "--url", "https://example.org/", "--adapter", "pdf", NULL },
    (const char *[]) { "interreg", "enable", "euro-med", "--json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (run_cli (f, cases[i]), ==, 2);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_true (g_str_has_prefix (f->err, "bandi-cli: interreg"));
    }

  g_assert_cmpint (RUN (f, "--help"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  interreg "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/interreg/cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("sync-list", test_sync_list);
  ADD ("time-warning", test_time_warning);
  ADD ("programmes", test_programmes);
  ADD ("bad-setting", test_bad_setting);
  ADD ("changed-page", test_changed_page);
  ADD ("deep-json", test_deep_json);
  ADD ("usage", test_usage);
#undef ADD

  return g_test_run ();
}
