/* bench-export.c — 10,000 deadlines from the store to a file, against
 * python3-icalendar
 *
 * Run with `meson test --benchmark`. Bandi: store query, export (with a
 * VTIMEZONE per zone and three alarms per event) and writing the file.
 * python3-icalendar (bench-icalendar.py): the same events, given as JSON,
 * built and written to a file; the script times itself, leaving out
 * interpreter start-up and reading the JSON. Both sides count CPU time,
 * best of three for Bandi (wall-clock time is reported too). Fails when Bandi takes over
 * 150 ms or is not at least 15 times faster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include <json-glib/json-glib.h>

#include "bandi-ical-scope.h"

#define N_CALLS 5000  /* two stages each */
#define TARGET_MS 150.0
#define TARGET_RATIO 15.0

static const int reminders[] = { 14, 7, 1 };

static BandiCall *
make_call (guint i)
{
  BandiCall *call = bandi_call_new ();
  g_autofree char *id = g_strdup_printf ("HORIZON-CL%u-2025-D%u-01-%02u", 1 + i % 6, i % 7, i % 100);
  g_autofree char *external_id = g_strdup_printf ("%s-%05u", id, i);
  g_autofree char *title = g_strdup_printf ("Topic %u; grids, communities\nand storage", i);
  g_autoptr(BandiDeadline) stage1 =
    bandi_deadline_new_local (1, NULL, 2025, 1 + i % 12, 1 + i % 28, 17, 0, 0, "Europe/Brussels");
  g_autoptr(BandiDeadline) stage2 = i % 3 == 0 ?
    bandi_deadline_new_date (2, NULL, 2026, 1 + i % 12, 1 + i % 28) :
    bandi_deadline_new_local (2, NULL, 2026, 1 + i % 12, 1 + i % 28, 12, 0, 0, "Europe/Rome");

  bandi_call_set_source_id (call, "horizon");
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_call_id (call, id);
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, 1000000.0 * (1 + i % 20));
  bandi_call_set_url (call, "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/x");
  bandi_call_add_deadline (call, stage1);
  bandi_call_add_deadline (call, stage2);

  return call;
}

/* The events as plain data for the Python side. */
static char *
events_json (BandiIcalExport *export,
             GListModel      *calls)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint index = 0;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);
      GPtrArray *deadlines = bandi_call_get_deadlines (call);

      for (guint d = 0; d < deadlines->len; d++, index++)
        {
          BandiDeadline *deadline = g_ptr_array_index (deadlines, d);
          g_autofree char *summary = bandi_ical_export_dup_item_summary (export, index);
          int y, m, day, h = 0, min = 0, s = 0;

          bandi_deadline_get_date (deadline, &y, &m, &day);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uid");
          json_builder_add_string_value (builder, bandi_ical_export_get_item_uid (export, index));
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, summary);
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, bandi_call_get_title (call));
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, bandi_call_get_url (call));
          json_builder_set_member_name (builder, "categories");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, bandi_call_get_programme (call));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "zone");
          json_builder_add_string_value (builder, bandi_deadline_get_zone (deadline));
          if (bandi_deadline_has_time (deadline))
            {
              g_autoptr(GDateTime) local = NULL;
              g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (bandi_deadline_get_zone (deadline));
              g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (bandi_deadline_to_unix (deadline));

              local = g_date_time_to_timezone (utc, zone);
              h = g_date_time_get_hour (local);
              min = g_date_time_get_minute (local);
              s = g_date_time_get_second (local);
            }
          json_builder_set_member_name (builder, "start");
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, y);
          json_builder_add_int_value (builder, m);
          json_builder_add_int_value (builder, day);
          json_builder_add_int_value (builder, h);
          json_builder_add_int_value (builder, min);
          json_builder_add_int_value (builder, s);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "alarms");
          json_builder_begin_array (builder);
          for (guint r = 0; r < G_N_ELEMENTS (reminders); r++)
            json_builder_add_int_value (builder, reminders[r]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* CPU time of this process: the machine running the benchmarks may be
 * shared, which wall-clock time would measure too. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
run_python (const char *json_path,
            const char *out_path)
{
  const char *argv[] = {
    g_getenv ("BANDI_TEST_PYTHON"), g_getenv ("BANDI_TEST_BENCH_ICALENDAR"), json_path, out_path, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_nonnull (argv[1]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("bench-icalendar.py failed: %s", err);

  return g_ascii_strtod (out, NULL);
}

static void
bench_export (void)
{
  const char *dir = g_get_user_cache_dir ();
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "bandi.db", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "bandi.ics", NULL);
  g_autofree char *json_path = g_build_filename (dir, "events.json", NULL);
  g_autofree char *py_path = g_build_filename (dir, "python.ics", NULL);
  g_autofree char *json = NULL;
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(BandiIcalExport) export = NULL;
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (ics_path);
  g_autoptr(GError) error = NULL;
  BandiIcalScope scope = { NULL, };
  BandiMergeStats stats;
  double bandi_ms = G_MAXDOUBLE;
  double wall_ms = G_MAXDOUBLE;
  double python_ms;

  g_mkdir_with_parents (dir, 0700);
  store = bandi_store_open (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CALLS; i++)
    g_ptr_array_add (calls, make_call (i));
  g_assert_true (bandi_store_merge_calls (store, "horizon", calls, 1000, &stats, &error));
  g_assert_no_error (error);

  /* Best of three, the first warming the caches as an app that has run. */
  for (int run = 0; run < 3; run++)
    {
      double cpu_start;

      g_clear_object (&export);
      cpu_start = cpu_ms ();
      g_test_timer_start ();
      export = bandi_ical_export_new ();
      bandi_ical_export_set_reminder_days (export, reminders, G_N_ELEMENTS (reminders));
      g_assert_true (bandi_ical_scope_fill (export, store, &scope, &error));
      g_assert_true (bandi_ical_export_write_file (export, file, NULL, &error));
      wall_ms = MIN (wall_ms, g_test_timer_elapsed () * 1000);
      bandi_ms = MIN (bandi_ms, cpu_ms () - cpu_start);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 2 * N_CALLS);

  listed = bandi_store_list_calls (store, NULL, &error);
  g_assert_no_error (error);
  json = events_json (export, listed);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);
  python_ms = run_python (json_path, py_path);

  g_test_message ("Bandi: %u events, store to file: %.1f ms CPU, %.1f ms wall (target %.0f ms)",
                  2 * N_CALLS, bandi_ms, wall_ms, TARGET_MS);
  /* For build-aux/bench-report: CPU time, against python3-icalendar's. */
  g_test_message ("bench export-10000-deadlines %.1f ms ref %.1f", bandi_ms, python_ms);
  g_test_message ("ratio: %.1fx faster than python3-icalendar (target %.0fx)", python_ms / bandi_ms, TARGET_RATIO);

  if (bandi_ms > TARGET_MS)
    g_test_fail_printf ("the export took %.1f ms, over %.0f ms", bandi_ms, TARGET_MS);
  if (python_ms / bandi_ms < TARGET_RATIO)
    g_test_fail_printf ("only %.1f× faster than python3-icalendar", python_ms / bandi_ms);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/export/bench", bench_export);
  return g_test_run ();
}
