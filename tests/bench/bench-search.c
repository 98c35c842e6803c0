/* bench-search.c — search over 20,000 calls
 *
 * The store's full-text search (FTS5), against the reference of the same
 * search as a LIKE scan of the same table. Reports, in the form
 * build-aux/bench-report reads, the median of 15 runs of each query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "bench-data.h"

#define N_CALLS 20000
#define N_RUNS  15

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);
  return values[N_RUNS / 2];
}

/* The reference: every call whose title, keywords or description holds
 * @word, by scanning them. */
static gint64
like_scan (sqlite3    *db,
           const char *word)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", word);
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM calls WHERE title LIKE ?1 OR keywords LIKE ?1"
                                       " OR description LIKE ?1 OR external_id LIKE ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
bench_search (void)
{
  static const char * const queries[] = { "hydrogen", "robotics", "cybersecurity", "HORIZON-CL6" };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "bench-search.db", NULL);
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GPtrArray) calls = bench_calls (N_CALLS);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  double total = 0, total_ref = 0;

  store = bandi_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bandi_store_merge_calls (store, BENCH_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double times[N_RUNS], ref_times[N_RUNS];
      gint64 n_ref = 0;
      guint n_found = 0;

      for (guint r = 0; r < N_RUNS; r++)
        {
          g_autoptr(GHashTable) found = NULL;

          g_test_timer_start ();
          found = bandi_store_search_call_ids (store, queries[q], &error);
          times[r] = g_test_timer_elapsed () * 1000;
          g_assert_no_error (error);
          n_found = g_hash_table_size (found);

          g_test_timer_start ();
          n_ref = like_scan (db, queries[q]);
          ref_times[r] = g_test_timer_elapsed () * 1000;
        }

      /* Both find the same calls: a word of a theme is in 2 calls of 16
       * (title and keywords), an identifier part in its pillar's. */
      g_assert_cmpint (n_found, ==, n_ref);
      g_assert_cmpuint (n_found, >, 0);
      g_assert_cmpuint (n_found, <, N_CALLS / 2);

      g_test_message ("bench search-20000-%s %.3f ms ref %.3f", queries[q], median (times), median (ref_times));
      total += median (times);
      total_ref += median (ref_times);
    }

  g_test_message ("bench search-20000-calls %.3f ms ref %.3f", total / G_N_ELEMENTS (queries),
                  total_ref / G_N_ELEMENTS (queries));
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bench/search", bench_search);

  return g_test_run ();
}
