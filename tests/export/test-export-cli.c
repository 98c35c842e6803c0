/* test-export-cli.c — bandi-cli export, digest and publish
 *
 * Runs the built bandi-cli ($BANDI_CLI) on a store this test fills, with
 * the test's private XDG directories; publish goes to a Radicale with
 * authentication (see radicale.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "bandi-ical-export.h"
#include "bandi-store.h"
#include "export-fixtures.h"
#include "radicale.h"

#define A_ID "HORIZON-CL5-2024-D2-01-03"
#define EVIL_TITLE "Grids <b>&</b> storage\nEND:VEVENT"
#define USER "officer"
#define PASSWORD "pa55-word;not,logged"

typedef struct {
  char   *db;
  char   *dir;
  char   *out;
  char   *err;
  gint64  stage1;  /* Unix time of A's first deadline */
} Fixture;

/* 17:00 Brussels @days from now. */
static BandiDeadline *
deadline_in (guint   stage,
             int     days,
             gint64 *unix_out)
{
  g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr(GDateTime) now = g_date_time_new_now (brussels);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) at = g_date_time_new (brussels, g_date_time_get_year (day),
                                             g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day), 17, 0, 0);

  if (unix_out != NULL)
    *unix_out = g_date_time_to_unix (at);
  return bandi_deadline_new_local (stage, NULL, g_date_time_get_year (at), g_date_time_get_month (at),
                                   g_date_time_get_day_of_month (at), 17, 0, 0, "Europe/Brussels");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GPtrArray) horizon = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lombardia = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) stage1 = NULL;
  g_autoptr(BandiDeadline) stage2 = NULL;
  g_autoptr(BandiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  BandiCall *a = fixture_horizon_call (A_ID, EVIL_TITLE);
  BandiCall *closed;

  f->dir = g_strdup (g_get_user_cache_dir ());
  g_mkdir_with_parents (f->dir, 0700);
  f->db = g_build_filename (g_get_user_data_dir (), "bandi.db", NULL);

  stage1 = deadline_in (1, 10, &f->stage1);
  stage2 = deadline_in (2, 120, NULL);
  bandi_call_clear_deadlines (a);
  bandi_call_add_deadline (a, stage1);
  bandi_call_add_deadline (a, stage2);
  bandi_call_set_first_seen (a, g_get_real_time () / G_USEC_PER_SEC - 3600);
  g_ptr_array_add (horizon, a);
  /* Not a topic for LE2C: in the full export only; and closed (its date
   * passed 40 days ago), so only with --include-closed. */
  closed = fixture_lombardia_call ();
  bandi_call_clear_deadlines (closed);
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GDateTime) past = g_date_time_add_days (today, -40);
    g_autoptr(BandiDeadline) date = bandi_deadline_new_date (1, NULL, g_date_time_get_year (past),
                                                             g_date_time_get_month (past),
                                                             g_date_time_get_day_of_month (past));

    bandi_call_add_deadline (closed, date);
  }
  g_ptr_array_add (lombardia, closed);

  store = bandi_store_open (f->db, &error);
  g_assert_no_error (error);
  /* LE2C's proposal on A, with two milestones. */
  proposal = fixture_proposal ();
  bandi_proposal_set_id (proposal, 0);
  bandi_store_save_proposal (store, proposal, &error);
  g_assert_no_error (error);
  bandi_store_merge_calls (store, "horizon", horizon, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  bandi_store_merge_calls (store, "lombardia", lombardia, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

static int
run_cli (Fixture            *f,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (g_getenv ("BANDI_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("BANDI_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  /* No keyring in the tests. */
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

/* The UIDs of the VEVENTs of @path, parsed with libical; @n_todos, if
 * not NULL, gets the number of VTODOs. */
static GPtrArray *
read_uids (const char *path,
           guint      *n_todos)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *calendar;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_cmpstr (icalcomponent_get_summary (event), !=, NULL);
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));
    }
  if (n_todos != NULL)
    *n_todos = (guint) icalcomponent_count_components (calendar, ICAL_VTODO_COMPONENT);
  icalcomponent_free (calendar);

  return uids;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *all = g_build_filename (f->dir, "all.ics", NULL);
  g_autofree char *le2c = g_build_filename (f->dir, "le2c.ics", NULL);
  g_autofree char *uid1 = bandi_ical_deadline_uid ("horizon", A_ID, 1);
  g_autofree char *uid2 = bandi_ical_deadline_uid ("horizon", A_ID, 2);
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (f->stage1);
  g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, brussels);
  g_autofree char *dtstart = g_date_time_format (local, "DTSTART;TZID=Europe/Brussels:%Y%m%dT170000");
  g_autofree char *text = NULL;
  guint n_todos = 0;

  /* The closed regional call only when asked for. */
  g_assert_cmpint (RUN (f, "export", "--output", all), ==, 0);
  g_assert_nonnull (strstr (f->out, "2 calendar items"));
  uids = read_uids (all, NULL);
  g_assert_cmpuint (uids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (uids, 0), ==, uid1);
  g_assert_cmpstr (g_ptr_array_index (uids, 1), ==, uid2);
  g_clear_pointer (&uids, g_ptr_array_unref);
  g_assert_cmpint (RUN (f, "export", "--output", all, "--include-closed"), ==, 0);
  g_assert_nonnull (strstr (f->out, "3 calendar items"));
  uids = read_uids (all, NULL);
  g_assert_cmpuint (uids->len, ==, 3);
  g_clear_pointer (&uids, g_ptr_array_unref);

  g_assert_cmpint (RUN (f, "export", "--output", le2c, "--cluster", "LE2C"), ==, 0);
  uids = read_uids (le2c, NULL);
  g_assert_cmpuint (uids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (uids, 0), ==, uid1);
  g_assert_cmpstr (g_ptr_array_index (uids, 1), ==, uid2);
  g_file_get_contents (le2c, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, dtstart));
  g_assert_nonnull (strstr (text, "CATEGORIES:"));

  g_assert_cmpint (RUN (f, "export", "--output", le2c, "--source", "lombardia"), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 calendar items"));
  g_assert_cmpint (RUN (f, "export", "--output", le2c, "--source", "lombardia", "--include-closed"), ==, 0);
  g_assert_nonnull (strstr (f->out, "1 calendar item"));

  /* With the proposals: their milestones as VTODOs, and the deadlines of
   * the call they target even outside the scope. */
  g_assert_cmpint (RUN (f, "export", "--output", le2c, "--source", "lombardia", "--include-closed",
                        "--with-proposals"), ==, 0);
  g_clear_pointer (&uids, g_ptr_array_unref);
  uids = read_uids (le2c, &n_todos);
  g_assert_cmpuint (uids->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (uids, uid1, g_str_equal, NULL));
  g_assert_cmpuint (n_todos, ==, 2);

  /* Usage errors. */
  g_assert_cmpint (RUN (f, "export"), ==, 2);
  g_assert_nonnull (strstr (f->err, "--output"));
  g_assert_cmpint (RUN (f, "export", "--output", all, "--cluster", "NOPE"), ==, 2);
  g_assert_cmpint (RUN (f, "export", "--output", all, "--status", "sleeping"), ==, 2);
  g_assert_nonnull (strstr (f->err, "sleeping"));
}

static void
test_digest (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "digest", "--cluster", "LE2C"), ==, 0);
  g_assert_nonnull (strstr (f->out, A_ID));
  g_assert_null (strstr (f->out, "Collabora"));
  g_assert_null (strstr (f->out, "\nEND:VEVENT"));

  g_assert_cmpint (RUN (f, "digest", "--cluster", "LE2C", "--format", "html"), ==, 0);
  g_assert_nonnull (strstr (f->out, A_ID));
  g_assert_nonnull (strstr (f->out, "&lt;b&gt;&amp;&lt;/b&gt;"));
  g_assert_null (strstr (f->out, "<b>&</b>"));

  g_assert_cmpint (RUN (f, "digest"), ==, 2);
  g_assert_cmpint (RUN (f, "digest", "--cluster", "LE2C", "--weeks", "0"), ==, 2);
  g_assert_cmpint (RUN (f, "digest", "--cluster", "LE2C", "--format", "pdf"), ==, 2);
  g_assert_cmpint (RUN (f, "digest", "--cluster", "NOPE"), ==, 2);
}

static void
assert_no_password (Fixture *f)
{
  g_assert_null (strstr (f->out, PASSWORD));
  g_assert_null (strstr (f->err, PASSWORD));
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  Radicale *radicale = radicale_start (f->dir, USER, PASSWORD);
  g_autofree char *url = radicale_make_calendar (radicale, "team/deadlines/", USER, PASSWORD);
  g_autofree char *password_file = g_build_filename (f->dir, "password", NULL);
  g_autofree char *wrong_file = g_build_filename (f->dir, "wrong", NULL);
  g_autofree char *unreachable = g_strdup_printf ("http://127.0.0.1:%u/team/deadlines/", radicale_free_port ());
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (password_file, PASSWORD "\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (wrong_file, "guess\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (RUN (f, "publish", "--url", url, "--user", USER, "--password-file", wrong_file), ==, 1);
  g_assert_nonnull (strstr (f->err, "401"));
  assert_no_password (f);

  g_assert_cmpint (RUN (f, "publish", "--dry-run", "--url", url, "--user", USER,
                        "--password-file", password_file), ==, 0);
  g_assert_nonnull (strstr (f->out, "2 new, 0 updated, 0 deleted, 0 unchanged"));
  read = radicale_read_back (url, USER, PASSWORD);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (read, "items")), ==, 0);
  g_clear_pointer (&read, json_object_unref);

  g_assert_cmpint (RUN (f, "publish", "--include-closed", "--url", url, "--user", USER,
                        "--password-file", password_file), ==, 0);
  g_assert_nonnull (strstr (f->out, "3 new, 0 updated, 0 deleted, 0 unchanged"));
  assert_no_password (f);
  read = radicale_read_back (url, USER, PASSWORD);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (read, "items")), ==, 3);
  g_clear_pointer (&read, json_object_unref);

  /* Out of the default scope because it closed: its event stays. */
  g_assert_cmpint (RUN (f, "publish", "--url", url, "--user", USER, "--password-file", password_file), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 new, 0 updated, 0 deleted, 3 unchanged"));
  read = radicale_read_back (url, USER, PASSWORD);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (read, "items")), ==, 3);

  /* Narrowed to the cluster: the regional call goes; the others gain the
   * cluster's category. */
  g_assert_cmpint (RUN (f, "publish", "--cluster", "LE2C", "--url", url, "--user", USER,
                        "--password-file", password_file), ==, 0);
  g_assert_nonnull (strstr (f->out, "0 new, 2 updated, 1 deleted, 0 unchanged"));

  g_assert_cmpint (RUN (f, "publish", "--url", unreachable, "--password-file", password_file), ==, 1);
  g_assert_nonnull (strstr (f->err, "reach"));

  g_assert_cmpint (RUN (f, "publish"), ==, 2);
  g_assert_nonnull (strstr (f->err, "--url"));

  radicale_stop (radicale);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/export-cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/export-cli/digest", Fixture, NULL, fixture_set_up, test_digest, fixture_tear_down);
  g_test_add ("/export-cli/publish", Fixture, NULL, fixture_set_up, test_publish, fixture_tear_down);

  return g_test_run ();
}
