/* bench-rss.c — peak memory with 20,000 calls shown
 *
 * A first process stores 20,000 calls (so that the merge's own memory
 * does not count); this one opens the store, lists them all as the window
 * does and reads each one's title and next deadline. Reports its peak
 * resident set, against the reference of the same process with the store
 * open and nothing listed.
 *
 * bench-rss --populate PATH: the first process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bench-data.h"

#define N_CALLS 20000

static void
bench_rss (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "bench-rss.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocess) populate = NULL;
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  gsize before, peak;
  guint n_with_deadline = 0;

  g_assert_nonnull (self);
  populate = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--populate", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (populate, NULL, &error));
  g_assert_no_error (error);

  store = bandi_store_open (path, &error);
  g_assert_no_error (error);
  before = bench_rss_kib (TRUE);

  calls = bandi_store_list_calls (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, N_CALLS);
  for (guint i = 0; i < N_CALLS; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);

      g_assert_nonnull (bandi_call_get_title (call));
      n_with_deadline += bandi_call_get_next_deadline (call, 0) != NULL;
    }
  g_assert_cmpuint (n_with_deadline, ==, N_CALLS);

  peak = bench_rss_kib (TRUE);
  g_test_message ("bench peak-rss-20000-calls %.1f MiB ref %.1f", peak / 1024.0, before / 1024.0);
  g_test_message ("bench rss-per-call %.0f bytes", (peak - before) * 1024.0 / N_CALLS);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--populate") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiStore) store = bandi_store_open (argv[2], &error);
      g_autoptr(GPtrArray) calls = bench_calls (N_CALLS);

      if (store == NULL || !bandi_store_merge_calls (store, BENCH_SOURCE, calls, 1000, NULL, &error))
        g_error ("%s", error->message);
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bench/rss", bench_rss);

  return g_test_run ();
}
