/* test-store-answers.c — which answers may withdraw stored calls
 *
 * bandi_store_merge_answer() with a BandiAnswerCheck, as the sync calls
 * it: an incomplete answer withdraws nothing; a suspect one (empty, most
 * calls gone, most records unreadable) withdraws nothing the first time,
 * and only the same answer again withdraws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

static gint64 now = 1000;

/* Merges the first @n fixture calls with @check; returns the stats. */
static BandiMergeStats
merge_first (BandiStore             *store,
             guint                   n,
             const BandiAnswerCheck *check)
{
  g_autoptr(GPtrArray) calls = fixture_calls (n, 0);
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats = { 0, };
  gint64 at = now++;

  g_assert_true (bandi_store_merge_answer (store, FIXTURE_SOURCE, calls, "an answer", at + 3600,
                                           check, at, &stats, &error));
  g_assert_no_error (error);
  return stats;
}

static guint
n_listed (BandiStore *store)
{
  return source_test_count_listed (store, FIXTURE_SOURCE);
}

static void
test_complete (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 10, &check);
  /* Less than half gone: withdrawn at once. */
  stats = merge_first (store, 6, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (stats.n_withdrawn, ==, 4);
  g_assert_cmpuint (stats.n_held, ==, 0);
  g_assert_cmpuint (n_listed (store), ==, 6);
}

static void
test_incomplete (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 10, &check);
  check.incomplete = TRUE;
  for (guint i = 0; i < 2; i++)
    {
      stats = merge_first (store, 2, &check);
      g_assert_false (stats.suspect);
      g_assert_cmpuint (stats.n_withdrawn, ==, 0);
      g_assert_cmpuint (stats.n_held, ==, 8);
      g_assert_cmpuint (n_listed (store), ==, 10);
      /* Not an answer to keep next time without reading it */
      g_assert_null (bandi_store_dup_answer (store, FIXTURE_SOURCE, now));
    }
}

static void
test_most_gone (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 10, &check);

  stats = merge_first (store, 4, &check);
  g_assert_true (stats.suspect);
  g_assert_cmpuint (stats.n_stored_before, ==, 10);
  g_assert_cmpuint (stats.n_held, ==, 6);
  g_assert_cmpuint (stats.n_withdrawn, ==, 0);
  g_assert_cmpuint (n_listed (store), ==, 10);

  /* A different answer is suspect in its own right */
  stats = merge_first (store, 3, &check);
  g_assert_true (stats.suspect);
  g_assert_cmpuint (n_listed (store), ==, 10);

  /* The same again: it stands */
  stats = merge_first (store, 3, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (stats.n_withdrawn, ==, 7);
  g_assert_cmpuint (n_listed (store), ==, 3);

  /* Back: the calls return, and nothing is held any more */
  stats = merge_first (store, 10, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (n_listed (store), ==, 10);
}

static void
test_empty (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 1, &check);
  stats = merge_first (store, 0, &check);
  g_assert_true (stats.suspect);
  g_assert_cmpuint (n_listed (store), ==, 1);

  /* A source for which listing nothing is normal */
  check.empty_allowed = TRUE;
  merge_first (store, 0, NULL);
  merge_first (store, 2, &check);
  stats = merge_first (store, 0, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (stats.n_withdrawn, ==, 2);
  g_assert_cmpuint (n_listed (store), ==, 0);
}

static void
test_unreadable (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 10, &check);

  /* One call of ten gone, but 11 of 20 records unreadable */
  check.n_records = 20;
  check.n_unreadable = 11;
  stats = merge_first (store, 9, &check);
  g_assert_true (stats.suspect);
  g_assert_cmpuint (n_listed (store), ==, 10);

  /* Half unreadable is not most */
  check.n_unreadable = 10;
  stats = merge_first (store, 9, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (n_listed (store), ==, 9);
}

/* The calls outside the answer's scope (a programme no longer followed)
 * go without making the answer suspect; inside it, the checks hold. */
static void
test_scope (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  const char * const first_ten[] = { "HORIZON-CL5-2024-D3-01-0000", NULL };
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  merge_first (store, 20, &check);

  /* 00000–00009 are in scope; 00010–00019 are not, and go at once */
  check.scope = first_ten;
  stats = merge_first (store, 8, &check);
  g_assert_false (stats.suspect);
  g_assert_cmpuint (stats.n_stored_before, ==, 10);
  g_assert_cmpuint (stats.n_withdrawn, ==, 12);
  g_assert_cmpuint (n_listed (store), ==, 8);

  /* Most of the scope gone: suspect, the calls in scope kept */
  stats = merge_first (store, 2, &check);
  g_assert_true (stats.suspect);
  g_assert_cmpuint (stats.n_held, ==, 6);
  g_assert_cmpuint (n_listed (store), ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/answers/complete", test_complete);
  g_test_add_func ("/store/answers/incomplete", test_incomplete);
  g_test_add_func ("/store/answers/most-gone", test_most_gone);
  g_test_add_func ("/store/answers/empty", test_empty);
  g_test_add_func ("/store/answers/unreadable", test_unreadable);
  g_test_add_func ("/store/answers/scope", test_scope);

  return g_test_run ();
}
