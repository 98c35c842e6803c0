/* test-ical-clients.c — real calendar programs read the export
 *
 * python3-icalendar parses the file; khal imports it into a calendar of its
 * own, lists it, then imports a later export in which a deadline moved.
 * Both must see every item at its instant, with its text inside its own
 * property. The programs come from the environment (BANDI_TEST_PYTHON,
 * BANDI_TEST_KHAL, BANDI_TEST_READ_ICS), set by meson.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bandi-ical-export.h"
#include "export-fixtures.h"

#define INJECTION_TITLE "Evil; title, with \\ backslash\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.org\nSUMMARY:pwned"
#define INJECTION_SEEN  "Evil; title, with \\ backslash END:VEVENT BEGIN:VEVENT UID:evil@example.org SUMMARY:pwned"

typedef struct {
  char     *uid;
  char     *summary;
  gboolean  timed;
  gint64    unix_time;  /* timed */
  char     *date;       /* date-only, YYYY-MM-DD */
  gboolean  todo;
} Expected;

typedef struct {
  char            *dir;
  BandiIcalExport *export;
  GPtrArray       *expected;  /* Expected*, in the export's order */
  char            *path;
} Fixture;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->uid);
  g_free (e->summary);
  g_free (e->date);
  g_free (e);
}

static void
expect_deadline (Fixture       *fixture,
                 BandiDeadline *deadline,
                 gboolean       todo)
{
  guint index = fixture->expected->len;
  Expected *e = g_new0 (Expected, 1);

  e->uid = g_strdup (bandi_ical_export_get_item_uid (fixture->export, index));
  e->summary = bandi_ical_export_dup_item_summary (fixture->export, index);
  e->timed = bandi_deadline_has_time (deadline);
  e->todo = todo;
  if (e->timed)
    e->unix_time = bandi_deadline_to_unix (deadline);
  else
    {
      int y, m, d;

      bandi_deadline_get_date (deadline, &y, &m, &d);
      e->date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  g_ptr_array_add (fixture->expected, e);
}

static void
add_call (Fixture   *fixture,
          BandiCall *call)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);

  bandi_ical_export_add_call (fixture->export, call);
  for (guint i = 0; i < deadlines->len; i++)
    expect_deadline (fixture, g_ptr_array_index (deadlines, i), FALSE);
}

static guint
sequence_is_stage (BandiCall *call,
                   guint      stage,
                   gpointer   user_data)
{
  return stage + GPOINTER_TO_UINT (user_data);
}

/* Exports the fixtures; with @moved, stage 1 of the first call is a day
 * later and its SEQUENCE one higher. */
static void
build_export (Fixture  *fixture,
              gboolean  moved)
{
  g_autoptr(BandiCall) horizon = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", INJECTION_TITLE);
  g_autoptr(BandiCall) lombardia = fixture_lombardia_call ();
  g_autoptr(BandiCall) rome = fixture_horizon_call ("HORIZON-CL4-2024-TWIN-01-02", "Città, “digital twins”");
  g_autoptr(BandiDeadline) rome_deadline = bandi_deadline_new_local (1, NULL, 2024, 10, 27, 12, 30, 0, "Europe/Rome");
  g_autoptr(BandiProposal) proposal = fixture_proposal ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *milestones;
  const int days[] = { 14, 7, 1 };

  g_clear_object (&fixture->export);
  g_clear_pointer (&fixture->expected, g_ptr_array_unref);
  fixture->export = bandi_ical_export_new ();
  fixture->expected = g_ptr_array_new_with_free_func (expected_free);
  bandi_ical_export_set_reminder_days (fixture->export, days, G_N_ELEMENTS (days));
  bandi_ical_export_set_category (fixture->export, "LE2C");
  bandi_ical_export_set_sequence_func (fixture->export, sequence_is_stage, GUINT_TO_POINTER (moved));

  if (moved)
    {
      g_autoptr(BandiDeadline) later = bandi_deadline_new_local (1, NULL, 2024, 4, 19, 17, 0, 0, "Europe/Brussels");

      bandi_call_add_deadline (horizon, later);
    }
  bandi_call_clear_deadlines (rome);
  bandi_call_add_deadline (rome, rome_deadline);

  add_call (fixture, horizon);
  add_call (fixture, lombardia);
  add_call (fixture, rome);
  bandi_ical_export_add_proposal (fixture->export, proposal);
  milestones = bandi_proposal_get_milestones (proposal);
  for (guint i = 0; i < milestones->len; i++)
    expect_deadline (fixture, bandi_milestone_get_due (g_ptr_array_index (milestones, i)), TRUE);
  g_assert_cmpuint (bandi_ical_export_get_n_items (fixture->export), ==, fixture->expected->len);

  file = g_file_new_for_path (fixture->path);
  g_assert_true (bandi_ical_export_write_file (fixture->export, file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("bandi-clients-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "deadlines.ics", NULL);
  build_export (fixture, FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->export);
  g_clear_pointer (&fixture->expected, g_ptr_array_unref);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run the test through meson", name);
  return value;
}

static Expected *
find_expected (Fixture    *fixture,
               const char *uid)
{
  for (guint i = 0; i < fixture->expected->len; i++)
    {
      Expected *e = g_ptr_array_index (fixture->expected, i);

      if (g_strcmp0 (e->uid, uid) == 0)
        return e;
    }

  return NULL;
}

static void
test_python_icalendar (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *argv[] = { env ("BANDI_TEST_PYTHON"), env ("BANDI_TEST_READ_ICS"), fixture->path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *items, *timezones;
  gboolean saw_injection = FALSE;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  items = json_object_get_array_member (root, "items");
  timezones = json_object_get_array_member (root, "timezones");

  /* Nothing more, nothing less: an injected "BEGIN:VEVENT" made no event. */
  g_assert_cmpuint (json_array_get_length (items), ==, fixture->expected->len);
  g_assert_cmpuint (json_array_get_length (timezones), ==, 2);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      Expected *e = find_expected (fixture, json_object_get_string_member (item, "uid"));
      JsonObject *start;
      const char *summary;

      g_assert_nonnull (e);
      summary = json_object_get_string_member (item, "summary");
      g_assert_cmpstr (summary, ==, e->summary);
      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, e->todo ? "VTODO" : "VEVENT");
      if (strstr (summary, INJECTION_SEEN) != NULL)
        {
          saw_injection = TRUE;
          g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "description"), INJECTION_SEEN "\n"));
        }

      start = json_object_get_object_member (item, "start");
      if (e->timed)
        {
          g_assert_cmpint (json_object_get_int_member (start, "unix"), ==, e->unix_time);
          g_assert_true (g_str_has_prefix (json_object_get_string_member (start, "tzid"), "Europe/"));
        }
      else
        g_assert_cmpstr (json_object_get_string_member (start, "date"), ==, e->date);

      /* A timed deadline is an instant: a zero DURATION, no DTEND. A date
       * fills its day: DTEND the next one. */
      if (!e->todo && e->timed)
        {
          g_assert_true (json_object_get_null_member (item, "end"));
          g_assert_cmpint (json_object_get_int_member (item, "duration"), ==, 0);
        }
      else if (!e->todo)
        {
          g_autoptr(GDate) next = g_date_new ();
          char expected_end[16];

          g_date_set_parse (next, e->date);
          g_date_add_days (next, 1);
          g_date_strftime (expected_end, sizeof expected_end, "%Y-%m-%d", next);
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "end"), "date"), ==,
                           expected_end);
          g_assert_true (json_object_get_null_member (item, "duration"));
        }

      if (!e->todo)
        {
          JsonArray *categories = json_object_get_array_member (item, "categories");

          g_assert_cmpuint (json_object_get_int_member (item, "alarms"), ==, 3);
          g_assert_cmpstr (json_array_get_string_element (categories, json_array_get_length (categories) - 1), ==, "LE2C");
          g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "url"), "https://"));
        }
    }
  g_assert_true (saw_injection);
}

static char *
write_khal_config (Fixture *fixture)
{
  g_autofree char *calendar = g_build_filename (fixture->dir, "khal-calendar", NULL);
  g_autofree char *database = g_build_filename (fixture->dir, "khal.db", NULL);
  char *config = g_build_filename (fixture->dir, "khal.conf", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir (calendar, 0700), ==, 0);
  text = g_strdup_printf ("[calendars]\n[[bandi]]\npath = %s\ntype = calendar\n\n"
                          "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
                          "timeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n"
                          "longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                          "longdatetimeformat = %%Y-%%m-%%d %%H:%%M\n\n"
                          "[sqlite]\npath = %s\n", calendar, database);
  g_assert_true (g_file_set_contents (config, text, -1, NULL));

  return config;
}

/* Imports the export into khal and checks what `khal list` shows: every
 * event once, at its instant (in UTC), ending there, with its title. */
static void
khal_import_and_check (Fixture    *fixture,
                       const char *config)
{
  const char *import[] = { env ("BANDI_TEST_KHAL"), "-c", config, "import", "--batch", fixture->path, NULL };
  const char *list[] = { env ("BANDI_TEST_KHAL"), "-c", config, "list", "--day-format", "",
                         "--format", "{uid}\t{start}\t{end}\t{title}", "2020-01-01", "2030-12-31", NULL };
  g_autofree char *import_out G_GNUC_UNUSED = run (import);   /* run() checks it succeeded */
  g_autofree char *out = run (list);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_events = 0, n_seen = 0;

  for (guint i = 0; i < fixture->expected->len; i++)
    n_events += !((Expected *) g_ptr_array_index (fixture->expected, i))->todo;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *start = NULL;
      Expected *e;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      e = find_expected (fixture, fields[0]);
      g_assert_nonnull (e);
      g_assert_false (e->todo);
      if (e->timed)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (e->unix_time);

          start = g_date_time_format (utc, "%Y-%m-%d %H:%M");
        }
      else
        start = g_strdup (e->date);
      g_assert_cmpstr (fields[1], ==, start);
      /* khal reads a deadline as an instant, not as a one-hour meeting (as
       * it does when DTEND equals DTSTART, or is missing); an all-day
       * deadline ends on its own day. */
      g_assert_cmpstr (fields[2], ==, start);
      g_assert_cmpstr (fields[3], ==, e->summary);
      n_seen++;
    }
  g_assert_cmpuint (n_seen, ==, n_events);
}

static void
test_khal (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *config = write_khal_config (fixture);

  khal_import_and_check (fixture, config);

  /* The deadline moves: importing the new export updates the event. */
  build_export (fixture, TRUE);
  khal_import_and_check (fixture, config);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ical-clients/python-icalendar", Fixture, NULL,
              fixture_set_up, test_python_icalendar, fixture_tear_down);
  g_test_add ("/ical-clients/khal", Fixture, NULL,
              fixture_set_up, test_khal, fixture_tear_down);

  return g_test_run ();
}
