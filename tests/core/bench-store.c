/* bench-store.c — the store's speed targets on 20,000 calls
 *
 * Run with `meson test --benchmark`. Each step reports its time and fails
 * above its target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-relevance.h"
#include "store-test-util.h"

#define N_CALLS 20000

static void
report (const char *what,
        double      seconds,
        double      target)
{
  g_test_message ("%s: %.0f ms (target %.0f ms)", what, seconds * 1000, target * 1000);
  if (seconds >= target)
    g_test_fail_printf ("%s took %.0f ms, over the target of %.0f ms", what, seconds * 1000, target * 1000);
}

static void
bench_store (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (N_CALLS, 0);
  g_autoptr(GPtrArray) again = fixture_calls (N_CALLS, 0);
  g_autoptr(GPtrArray) changed = fixture_calls (N_CALLS, 1);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats;
  guint suggested = 0;

  g_test_timer_start ();
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, &stats, &error));
  report ("merge 20,000 new calls", g_test_timer_elapsed (), 1.0);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_new, ==, N_CALLS);

  g_test_timer_start ();
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, again, 2000, &stats, &error));
  report ("merge 20,000 unchanged calls", g_test_timer_elapsed (), 0.3);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_unchanged, ==, N_CALLS);

  g_test_timer_start ();
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, changed, 3000, &stats, &error));
  report ("merge 20,000 changed calls", g_test_timer_elapsed (), 1.5);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_changed, ==, N_CALLS);

  /* The first list in a process pays for fresh memory: on a VM, page
   * faults for some 80,000 new GObjects. The next ones reuse it. */
  g_test_timer_start ();
  listed = bandi_store_list_calls (store, NULL, &error);
  report ("list 20,000 calls, first time", g_test_timer_elapsed (), 0.3);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, N_CALLS);
  g_clear_object (&listed);

  g_test_timer_start ();
  listed = bandi_store_list_calls (store, NULL, &error);
  report ("list 20,000 calls again", g_test_timer_elapsed (), 0.15);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, N_CALLS);

  g_test_timer_start ();
  found = bandi_store_search_call_ids (store, "batter", &error);
  report ("search 20,000 calls", g_test_timer_elapsed (), 0.05);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (found), ==, N_CALLS);

  clusters = bandi_store_list_clusters (store, &error);
  g_assert_no_error (error);
  g_test_timer_start ();
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (listed, i);

      for (guint j = 0; j < g_list_model_get_n_items (clusters); j++)
        {
          g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, j);

          suggested += bandi_relevance_is_suggested (cluster, call);
        }
    }
  report ("relevance of 20,000 calls to 9 clusters", g_test_timer_elapsed (), 0.5);
  /* CL5 batteries: CLM and LE2C */
  g_assert_cmpuint (suggested, ==, 2 * N_CALLS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/bench", bench_store);

  return g_test_run ();
}
