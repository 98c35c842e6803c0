/* test-store.c — opening, schema, merging, reading and searching calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

static void
test_migrate_from_empty (void)
{
  g_autofree char *path = bandi_store_default_path ();
  static const char * const tables[] = {
    "calls", "deadlines", "deadline_history", "user_calls", "clusters", "proposals",
    "milestones", "source_status", "state", "calls_fts", "watched_pages", "proposal_history",
  };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    g_autoptr(BandiStore) store = source_test_open_store ();

    g_assert_cmpint (bandi_store_get_current_schema_version (), ==, 4);
    g_assert_cmpint (bandi_store_get_schema_version (store), ==, 4);
    g_assert_cmpstr (bandi_store_get_path (store), ==, path);
  }

  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
                                              tables[i]);
      g_assert_cmpint (test_sql_int (path, sql), ==, 1);
    }
  {
    g_autofree char *mode = test_sql_text (path, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM clusters"), ==, 9);

  /* Opening again migrates nothing and seeds nothing. */
  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (bandi_store_get_schema_version (store), ==, 4);
    g_assert_true (bandi_store_check_integrity (store, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM clusters"), ==, 9);
}

static void
test_open_creates_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "a", "b", "c.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiStore) store = bandi_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Opens @path expecting @code, with a message naming the file and @needle,
 * and checks that the file kept its bytes and its modification time. */
static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *needle)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiStore) store = NULL;
  GStatBuf st;

  /* An old time: any write would change it. */
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = bandi_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BANDI_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mtime, ==, 1000000000);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autofree char *plain = g_build_filename (g_get_user_data_dir (), "plain.db", NULL);

  g_autofree char *future = g_strdup_printf ("PRAGMA user_version = %d",
                                              bandi_store_get_current_schema_version () + 1);
  g_autofree char *future_message = g_strdup_printf ("schema version %d",
                                                      bandi_store_get_current_schema_version () + 1);

  /* A Bandi database (WAL) that a future Bandi took one version further */
  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(GPtrArray) calls = fixture_calls (10, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
    g_assert_no_error (error);
  }
  test_sql_int (path, future);
  assert_refused_untouched (path, BANDI_STORE_ERROR_NEWER_SCHEMA, future_message);

  /* and one in rollback-journal mode, far in the future */
  test_sql_int (plain, "CREATE TABLE calls (id INTEGER PRIMARY KEY)");
  test_sql_int (plain, "PRAGMA user_version = 99");
  assert_refused_untouched (plain, BANDI_STORE_ERROR_NEWER_SCHEMA, "schema version 99");
}

static void
test_corrupt_refused (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autofree char *garbage = g_build_filename (g_get_user_data_dir (), "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (g_get_user_data_dir (), "foreign.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  for (guint i = 0; i < 300; i++)
    g_string_append (text, "This is not a database.\n");
  g_assert_true (g_file_set_contents (garbage, text->str, text->len, NULL));
  assert_refused_untouched (garbage, BANDI_STORE_ERROR_CORRUPT, NULL);

  /* Someone else's SQLite file */
  test_sql_int (foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY)");
  assert_refused_untouched (foreign, BANDI_STORE_ERROR_CORRUPT, NULL);

  /* A Bandi database whose first page (the schema) was overwritten */
  g_object_unref (source_test_open_store ());
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 4096);
    memset (contents + 100, 0xab, 4096 - 100);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }
  assert_refused_untouched (path, BANDI_STORE_ERROR_CORRUPT, NULL);
}

static void
assert_stats (const BandiMergeStats *stats,
              guint                  n_new,
              guint                  n_changed,
              guint                  n_unchanged,
              guint                  n_withdrawn,
              guint                  n_moved)
{
  g_assert_cmpuint (stats->n_new, ==, n_new);
  g_assert_cmpuint (stats->n_changed, ==, n_changed);
  g_assert_cmpuint (stats->n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (stats->n_withdrawn, ==, n_withdrawn);
  g_assert_cmpuint (stats->n_deadlines_moved, ==, n_moved);
}

static void
test_merge_twice_changes_nothing (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) first = fixture_calls (50, 0);
  g_autoptr(GPtrArray) again = fixture_calls (50, 0);  /* other objects, same data */
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats;

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, first, 1000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 50, 0, 0, 0, 0);

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, again, 2000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 50, 0, 0);

  model = bandi_store_list_calls (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (model, i);

      g_assert_cmpint (bandi_call_get_first_seen (call), ==, 1000);
      g_assert_cmpint (bandi_call_get_last_changed (call), ==, 1000);
      g_assert_cmpuint (bandi_store_count_deadline_changes (store, bandi_call_get_id (call), 1), ==, 0);
    }
}

/* A source's answer is kept with the calls it gave, until it expires or
 * calls are merged without it; keeping it counts the calls and writes none. */
static void
test_answer (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (50, 0);
  g_autoptr(GPtrArray) fewer = fixture_calls (40, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *expired = NULL;
  BandiMergeStats stats;

  g_assert_null (bandi_store_dup_answer (store, FIXTURE_SOURCE, 1000));
  g_assert_true (bandi_store_merge_answer (store, FIXTURE_SOURCE, calls, "pages a b", 5000, NULL, 1000,
                                           &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 50, 0, 0, 0, 0);

  answer = bandi_store_dup_answer (store, FIXTURE_SOURCE, 4999);
  g_assert_cmpstr (answer, ==, "pages a b");
  expired = bandi_store_dup_answer (store, FIXTURE_SOURCE, 5000);
  g_assert_null (expired);
  g_assert_null (bandi_store_dup_answer (store, "other-source", 2000));

  /* Kept: every call counted unchanged, none touched */
  g_assert_true (bandi_store_keep_answer (store, FIXTURE_SOURCE, "pages a b", 2000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 50, 0, 0);
  g_assert_cmpint (test_sql_int (bandi_store_get_path (store),
                                 "SELECT count(*) FROM calls WHERE last_changed = 1000"), ==, 50);

  /* Another answer, or an expired one, is refused */
  g_assert_false (bandi_store_keep_answer (store, FIXTURE_SOURCE, "pages a c", 2000, &stats, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (bandi_store_keep_answer (store, FIXTURE_SOURCE, "pages a b", 6000, &stats, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* Withdrawn calls are not counted; a merge without an answer forgets it */
  g_assert_true (bandi_store_merge_answer (store, FIXTURE_SOURCE, fewer, "pages a", 5000, NULL, 3000,
                                           &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 40, 10, 0);
  g_assert_true (bandi_store_keep_answer (store, FIXTURE_SOURCE, "pages a", 3000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 40, 0, 0);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, fewer, 3000, &stats, &error));
  g_assert_no_error (error);
  g_assert_null (bandi_store_dup_answer (store, FIXTURE_SOURCE, 3000));
}

static void
test_merge_stores_every_field (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (5, 0);
  BandiCall *in = g_ptr_array_index (calls, 3);
  g_autoptr(BandiCall) out = NULL;
  g_autofree char *in_fp = NULL;
  g_autofree char *out_fp = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  out = bandi_store_find_call (store, FIXTURE_SOURCE, bandi_call_get_external_id (in), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bandi_call_get_id (out), >, 0);

  /* What the source reported comes back identical. */
  in_fp = bandi_call_dup_fingerprint (in);
  out_fp = bandi_call_dup_fingerprint (out);
  g_assert_cmpstr (in_fp, ==, out_fp);
  g_assert_cmpfloat (bandi_call_get_budget (out), ==, 12000000);
  g_assert_cmpint (bandi_call_get_expected_grants (out), ==, 3);
  g_assert_cmpstrv (bandi_call_get_keywords (out), bandi_call_get_keywords (in));

  {
    g_autoptr(BandiCall) by_id = bandi_store_get_call (store, bandi_call_get_id (out), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bandi_call_get_external_id (by_id), ==, bandi_call_get_external_id (in));
  }

  g_assert_null (bandi_store_get_call (store, 999999, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bandi_store_find_call (store, FIXTURE_SOURCE, "nope", &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
}

static void
test_call_warnings_round_trip (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) date = bandi_deadline_new_date (1, "Closing", 2024, 12, 10);
  g_autoptr(BandiCall) out = NULL;
  g_autoptr(GError) error = NULL;
  BandiCall *call = test_simple_call (FIXTURE_SOURCE, "W-1", "Warned", date);
  const char * const warnings[] = {
    "a time was stated but could not be read: “10 December 2024, both at 13:00 CET”",
    "second",
    NULL
  };

  bandi_call_set_warnings (call, warnings);
  g_ptr_array_add (calls, call);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  out = bandi_store_find_call (store, FIXTURE_SOURCE, "W-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (bandi_call_get_warnings (out), warnings);
  g_clear_object (&out);

  /* Read well the next time: the warnings go. */
  bandi_call_set_warnings (call, NULL);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 2000, NULL, &error));
  g_assert_no_error (error);
  out = bandi_store_find_call (store, FIXTURE_SOURCE, "W-1", &error);
  g_assert_no_error (error);
  g_assert_null (bandi_call_get_warnings (out));
}

/* A version 1 database gains the calls’ warnings and the watched pages,
 * keeps its calls, and forgets the sources' answers so that the next sync
 * reads them again. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "V1-1", "Old call", NULL));
    g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
    g_assert_no_error (error);
  }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "DROP INDEX proposals_uid;"
                                   "ALTER TABLE proposals DROP COLUMN uid;"
                                   "ALTER TABLE proposals DROP COLUMN updated_by;"
                                   "DROP TABLE proposal_history;"
                                   "DROP TABLE watched_pages;"
                                   "ALTER TABLE calls DROP COLUMN warnings;"
                                   "INSERT OR REPLACE INTO state VALUES ('answer/" FIXTURE_SOURCE "', 'x');"
                                   "PRAGMA user_version = 1;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(BandiCall) call = bandi_store_find_call (store, FIXTURE_SOURCE, "V1-1", &error);

    g_assert_no_error (error);
    g_assert_cmpint (bandi_store_get_schema_version (store), ==, bandi_store_get_current_schema_version ());
    g_assert_cmpstr (bandi_call_get_title (call), ==, "Old call");
    g_assert_null (bandi_call_get_warnings (call));
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM state WHERE key LIKE 'answer/%'"), ==, 0);
}

static void
test_timed_and_date_deadlines_round_trip (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) timed = bandi_deadline_new_local (1, "Stage 1", 2024, 4, 18, 17, 0, 0,
                                                             "Europe/Brussels");
  g_autoptr(BandiDeadline) date = bandi_deadline_new_date (2, "Stage 2", 2024, 9, 17);
  g_autoptr(BandiCall) out = NULL;
  g_autoptr(GError) error = NULL;
  BandiCall *call = test_simple_call (FIXTURE_SOURCE, "T-1", "Round trip", timed);
  BandiDeadline *d;
  g_autofree char *rfc = NULL;
  g_autofree char *value = NULL;

  bandi_call_add_deadline (call, date);
  g_ptr_array_add (calls, call);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  out = bandi_store_find_call (store, FIXTURE_SOURCE, "T-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bandi_call_get_deadlines (out)->len, ==, 2);

  d = g_ptr_array_index (bandi_call_get_deadlines (out), 0);
  g_assert_true (bandi_deadline_equal (d, timed));
  g_assert_true (bandi_deadline_has_time (d));
  g_assert_cmpstr (bandi_deadline_get_zone (d), ==, "Europe/Brussels");
  value = bandi_deadline_to_storage (d);
  g_assert_cmpstr (value, ==, "2024-04-18T17:00:00");
  rfc = bandi_deadline_format_rfc3339 (d);
  g_assert_cmpstr (rfc, ==, "2024-04-18T17:00:00+02:00");

  d = g_ptr_array_index (bandi_call_get_deadlines (out), 1);
  g_assert_true (bandi_deadline_equal (d, date));
  g_assert_false (bandi_deadline_has_time (d));
  g_assert_null (bandi_deadline_get_zone (d));
  g_assert_null (bandi_deadline_format_rfc3339 (d));
}

static void
test_moved_deadline_in_history (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (3, 0);
  g_autoptr(BandiDeadline) later = bandi_deadline_new_local (1, "Stage 1", 2024, 4, 25, 17, 0, 0,
                                                             "Europe/Brussels");
  g_autoptr(BandiDeadline) relabelled = bandi_deadline_new_local (1, "First stage", 2024, 4, 25, 17, 0, 0,
                                                                  "Europe/Brussels");
  g_autoptr(BandiCall) stored = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  BandiCall *moved = g_ptr_array_index (calls, 1);
  BandiDeadlineChange *change;
  BandiMergeStats stats;
  gint64 id;

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  /* Stage 1 moves a week later. */
  bandi_call_add_deadline (moved, later);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 2000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 1, 2, 0, 1);

  stored = bandi_store_find_call (store, FIXTURE_SOURCE, bandi_call_get_external_id (moved), &error);
  g_assert_no_error (error);
  id = bandi_call_get_id (stored);
  g_assert_cmpint (bandi_call_get_last_changed (stored), ==, 2000);
  g_assert_cmpint (bandi_call_get_first_seen (stored), ==, 1000);
  g_assert_true (bandi_deadline_equal (g_ptr_array_index (bandi_call_get_deadlines (stored), 0), later));

  changes = bandi_store_list_deadline_changes (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->call_id, ==, id);
  g_assert_cmpuint (change->stage, ==, 1);
  g_assert_cmpstr (change->old_value, ==, "2024-04-18T17:00:00 Europe/Brussels");
  g_assert_cmpstr (change->new_value, ==, "2024-04-25T17:00:00 Europe/Brussels");
  g_assert_cmpint (change->changed_at, ==, 2000);
  g_assert_cmpuint (bandi_store_count_deadline_changes (store, id, 1), ==, 1);
  g_assert_cmpuint (bandi_store_count_deadline_changes (store, id, 2), ==, 0);

  /* A new label is a change of the call, not a moved deadline. */
  bandi_call_add_deadline (moved, relabelled);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 3000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 1, 2, 0, 0);

  /* Stage 2 disappears, a stage 3 date appears. */
  {
    g_autoptr(BandiDeadline) first = g_object_ref (g_ptr_array_index (bandi_call_get_deadlines (moved), 0));
    g_autoptr(BandiDeadline) third = bandi_deadline_new_date (3, NULL, 2025, 1, 15);

    bandi_call_clear_deadlines (moved);
    bandi_call_add_deadline (moved, first);
    bandi_call_add_deadline (moved, third);
  }
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 4000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 1, 2, 0, 2);

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = bandi_store_list_deadline_changes (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  for (guint i = 1; i < 3; i++)
    {
      change = g_ptr_array_index (changes, i);
      g_assert_cmpint (change->changed_at, ==, 4000);
      if (change->stage == 2)
        {
          g_assert_cmpstr (change->old_value, ==, "2024-09-17T17:00:00 Europe/Brussels");
          g_assert_null (change->new_value);
        }
      else
        {
          g_assert_cmpuint (change->stage, ==, 3);
          g_assert_null (change->old_value);
          g_assert_cmpstr (change->new_value, ==, "2025-01-15");
        }
    }
}

static void
test_withdrawn_stays_and_returns (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) all = fixture_calls (3, 0);
  g_autoptr(GPtrArray) fewer = fixture_calls (2, 0);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_object_unref);
  BandiCallQuery with_withdrawn = { .include_withdrawn = TRUE };
  const char *gone = bandi_call_get_external_id (g_ptr_array_index (all, 2));
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats;

  g_ptr_array_add (other, test_simple_call ("lombardia", "RLO1", "Bando", NULL));
  g_assert_true (bandi_store_merge_calls (store, "lombardia", other, 500, NULL, &error));
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, all, 1000, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, fewer, 2000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 2, 1, 0);

  {
    g_autoptr(BandiCall) call = bandi_store_find_call (store, FIXTURE_SOURCE, gone, &error);
    g_autoptr(BandiCall) untouched = bandi_store_find_call (store, "lombardia", "RLO1", &error);
    g_autoptr(GListModel) visible = bandi_store_list_calls (store, NULL, &error);
    g_autoptr(GListModel) everything = bandi_store_list_calls (store, &with_withdrawn, &error);

    g_assert_no_error (error);
    g_assert_true (bandi_call_get_withdrawn (call));
    g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 2);
    g_assert_false (bandi_call_get_withdrawn (untouched));
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (everything), ==, 4);
  }

  /* Still missing: not withdrawn a second time. */
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, fewer, 3000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 2, 0, 0);

  /* Listed again: back. */
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, all, 4000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 1, 2, 0, 0);
  {
    g_autoptr(BandiCall) call = bandi_store_find_call (store, FIXTURE_SOURCE, gone, &error);

    g_assert_no_error (error);
    g_assert_false (bandi_call_get_withdrawn (call));
    g_assert_cmpint (bandi_call_get_first_seen (call), ==, 1000);
  }

  /* An empty result withdraws every call of that source only. */
  g_ptr_array_set_size (fewer, 0);
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, fewer, 5000, &stats, &error));
  g_assert_no_error (error);
  assert_stats (&stats, 0, 0, 0, 3, 0);
}

static void
test_failed_merge_changes_nothing (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (10, 0);
  g_autoptr(GPtrArray) broken = fixture_calls (9, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCall) call = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char dump[] =
    "SELECT group_concat (external_id || title || withdrawn || last_changed, '|') FROM calls";

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);
  before = test_sql_text (path, dump);

  /* Nine changed calls, then one without an identifier. */
  g_ptr_array_add (broken, test_simple_call (FIXTURE_SOURCE, NULL, "No identifier", NULL));
  g_assert_false (bandi_store_merge_calls (store, FIXTURE_SOURCE, broken, 2000, NULL, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, FIXTURE_SOURCE));

  after = test_sql_text (path, dump);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM deadline_history"), ==, 0);

  /* and the store still works */
  g_clear_error (&error);
  call = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00000", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (bandi_call_get_title (call), "(v0)"));
}

static void
test_order_and_filters (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lombardia = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) past = bandi_deadline_new_date (1, NULL, 2020, 1, 1);
  g_autoptr(BandiDeadline) soon = test_deadline_in_days (1, 10);
  g_autoptr(BandiDeadline) e1 = bandi_deadline_new_date (1, NULL, 2020, 2, 1);
  g_autoptr(BandiDeadline) e2 = test_deadline_in_days (2, 20);
  g_autoptr(BandiDeadline) far = test_deadline_in_days (1, 100);
  g_autoptr(GError) error = NULL;
  BandiCall *e;

  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "A", "Far away", far));
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "B", "Soon", soon));
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "C", "Zeta, open until funds run out", NULL));
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "D", "Closed long ago", past));
  e = test_simple_call (FIXTURE_SOURCE, "E", "Second stage ahead", e1);
  bandi_call_add_deadline (e, e2);
  bandi_call_set_status (e, BANDI_CALL_STATUS_FORTHCOMING);
  g_ptr_array_add (calls, e);
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "F", "alpha, open until funds run out", NULL));
  bandi_call_set_programme_part (g_ptr_array_index (calls, 0), "CL5");
  g_ptr_array_add (lombardia, test_simple_call ("lombardia", "L", "Later", far));

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_true (bandi_store_merge_calls (store, "lombardia", lombardia, 1000, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GListModel) model = bandi_store_list_calls (store, NULL, &error);
    g_autofree char *ids = test_call_ids (model);

    g_assert_no_error (error);
    /* D's next deadline is its last, long past; E's is its second stage;
     * A and L tie and go by title; no deadline last, by title. */
    g_assert_cmpstr (ids, ==, "D B E A L F C");
  }

  {
    BandiCallQuery q = { .source_id = "lombardia" };
    g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);
    g_autofree char *ids = test_call_ids (model);

    g_assert_cmpstr (ids, ==, "L");
  }
  {
    BandiCallQuery q = { .filter_status = TRUE, .status = BANDI_CALL_STATUS_FORTHCOMING };
    g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);
    g_autofree char *ids = test_call_ids (model);

    g_assert_cmpstr (ids, ==, "E");
  }
  {
    BandiCallQuery q = {
      .deadline_after = g_get_real_time () / G_USEC_PER_SEC,
      .deadline_before = g_get_real_time () / G_USEC_PER_SEC + 30 * 86400,
    };
    g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);
    g_autofree char *ids = test_call_ids (model);

    g_assert_cmpstr (ids, ==, "B E");
  }
  {
    BandiCallQuery q = { .source_id = FIXTURE_SOURCE, .cluster_acronym = "le2c" };
    g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);
    g_autofree char *ids = test_call_ids (model);

    g_assert_no_error (error);
    g_assert_cmpstr (ids, ==, "A");
  }
  {
    BandiCallQuery q = { .cluster_acronym = "NOPE" };
    g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);

    g_assert_null (model);
    g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    BandiCallQuery q = { .starred_only = TRUE };
    g_autoptr(BandiCall) b = bandi_store_find_call (store, FIXTURE_SOURCE, "B", &error);
    g_autoptr(GListModel) model = NULL;
    g_autofree char *ids = NULL;

    g_assert_true (bandi_store_set_starred (store, b, TRUE, &error));
    g_assert_no_error (error);
    model = bandi_store_list_calls (store, &q, &error);
    ids = test_call_ids (model);
    g_assert_cmpstr (ids, ==, "B");
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Search: the ids of the matching calls, sorted, joined with spaces; and
 * list_calls() with the same text must agree. */
static char *
search (BandiStore *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = bandi_store_search_call_ids (store, text, &error);
  BandiCallQuery q = { .search = text };
  g_autoptr(GListModel) model = bandi_store_list_calls (store, &q, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ids), ==, g_list_model_get_n_items (model));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (model, i);
      gint64 id = bandi_call_get_id (call);

      g_assert_true (g_hash_table_contains (ids, &id));
      g_ptr_array_add (names, g_strdup (bandi_call_get_external_id (call)));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_search (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lombardia = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  BandiCall *call;
  static const char * const hostile[] = {
    "\"", "\"\"", "*", "AND", "OR", "NOT", "NEAR(", "title:", "'", "(", ")", "-", "^", "+",
    "\"HORIZON", "HORIZON AND", "OR HORIZON", "NOT HORIZON", "title:HORIZON", "HORIZON*",
    "a\"b", "{x}", "; DROP TABLE calls; --", "\xff\xfe",
  };

  call = test_simple_call (FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-03", "Batteries for storage", NULL);
  bandi_call_set_call_id (call, "HORIZON-CL5-2024-D3-01");
  g_ptr_array_add (calls, call);
  call = test_simple_call (FIXTURE_SOURCE, "HORIZON-CL6-2022-FARM2FORK-01-03", "Food systems", NULL);
  bandi_call_set_keywords (call, (const char *[]) { "agroecology", NULL });
  g_ptr_array_add (calls, call);
  call = test_simple_call ("lombardia", "RLO12026055023",
                           "Collabora&Innova: ricerca e innovazione nelle città lombarde", NULL);
  bandi_call_set_description (call, "Contributi a fondo perduto per progetti di ricerca industriale "
                                    "e sviluppo sperimentale delle imprese.");
  g_ptr_array_add (lombardia, call);

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_true (bandi_store_merge_calls (store, "lombardia", lombardia, 1000, NULL, &error));
  g_assert_no_error (error);

#define ASSERT_SEARCH(text, expected) \
  G_STMT_START { g_autofree char *got = search (store, text); g_assert_cmpstr (got, ==, expected); } G_STMT_END

  /* identifiers, whole or by prefix, in any case */
  ASSERT_SEARCH ("HORIZON-CL5", "HORIZON-CL5-2024-D3-01-03");
  ASSERT_SEARCH ("horizon-cl", "HORIZON-CL5-2024-D3-01-03 HORIZON-CL6-2022-FARM2FORK-01-03");
  ASSERT_SEARCH ("FARM2", "HORIZON-CL6-2022-FARM2FORK-01-03");
  ASSERT_SEARCH ("RLO1202", "RLO12026055023");
  ASSERT_SEARCH ("HORIZON-CL5-2024-D3-01", "HORIZON-CL5-2024-D3-01-03");
  /* Italian words, accents or not, in the title or the description */
  ASSERT_SEARCH ("innovazione", "RLO12026055023");
  ASSERT_SEARCH ("citta", "RLO12026055023");
  ASSERT_SEARCH ("Città", "RLO12026055023");
  ASSERT_SEARCH ("sperimentale", "RLO12026055023");
  ASSERT_SEARCH ("ricerca sviluppo", "RLO12026055023");
  /* keywords; every word must match */
  ASSERT_SEARCH ("agroeco", "HORIZON-CL6-2022-FARM2FORK-01-03");
  ASSERT_SEARCH ("food batteries", "");
  /* operators and quotes lose their meaning */
  ASSERT_SEARCH ("\"HORIZON", "HORIZON-CL5-2024-D3-01-03 HORIZON-CL6-2022-FARM2FORK-01-03");
  ASSERT_SEARCH ("NOT HORIZON", "");
  ASSERT_SEARCH ("title:Food", "");
  ASSERT_SEARCH ("food*", "HORIZON-CL6-2022-FARM2FORK-01-03");
  /* nothing searchable: no filter */
  ASSERT_SEARCH ("*", "HORIZON-CL5-2024-D3-01-03 HORIZON-CL6-2022-FARM2FORK-01-03 RLO12026055023");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_free (search (store, hostile[i]));

#undef ASSERT_SEARCH
}

/* The search index follows rewritten calls, including one listed twice in
 * a merge, and stays consistent with them. */
static void
test_search_follows_changes (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "A", "Batteries for trucks", NULL));
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "B", "Quantum sensors", NULL));
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  /* A is rewritten; C is new and comes twice, differently. */
  bandi_call_set_title (g_ptr_array_index (calls, 0), "Hydrogen for trucks");
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "C", "Photonics chips", NULL));
  g_ptr_array_add (calls, test_simple_call (FIXTURE_SOURCE, "C", "Photonics wafers", NULL));
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 2000, NULL, &error));
  g_assert_no_error (error);

#define ASSERT_SEARCH(text, expected) \
  G_STMT_START { g_autofree char *got = search (store, text); g_assert_cmpstr (got, ==, expected); } G_STMT_END

  ASSERT_SEARCH ("batteries", "");
  ASSERT_SEARCH ("hydrogen", "A");
  ASSERT_SEARCH ("trucks", "A");
  ASSERT_SEARCH ("quantum", "B");
  ASSERT_SEARCH ("chips", "");
  ASSERT_SEARCH ("wafers", "C");

#undef ASSERT_SEARCH

  g_assert_true (bandi_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/open-creates-folder", test_open_creates_folder);
  g_test_add_func ("/store/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store/corrupt-refused", test_corrupt_refused);
  g_test_add_func ("/store/merge/twice-changes-nothing", test_merge_twice_changes_nothing);
  g_test_add_func ("/store/merge/answer", test_answer);
  g_test_add_func ("/store/merge/stores-every-field", test_merge_stores_every_field);
  g_test_add_func ("/store/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/merge/warnings-round-trip", test_call_warnings_round_trip);
  g_test_add_func ("/store/merge/deadlines-round-trip", test_timed_and_date_deadlines_round_trip);
  g_test_add_func ("/store/merge/moved-deadline-history", test_moved_deadline_in_history);
  g_test_add_func ("/store/merge/withdrawn", test_withdrawn_stays_and_returns);
  g_test_add_func ("/store/merge/failure-rolls-back", test_failed_merge_changes_nothing);
  g_test_add_func ("/store/list/order-and-filters", test_order_and_filters);
  g_test_add_func ("/store/search", test_search);
  g_test_add_func ("/store/search/follows-changes", test_search_follows_changes);

  return g_test_run ();
}
