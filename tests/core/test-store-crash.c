/* test-store-crash.c — a process killed in the middle of a large merge
 * leaves a database that opens, is intact, and holds everything committed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "store-test-util.h"

#define N_CALLS       20000
#define N_PROPOSALS   5
#define N_KILLS       4
#define MAX_ATTEMPTS  12

typedef struct {
  gboolean killed_mid_merge;
  gint64   merge_usec;   /* from "merging" to exit, when not killed */
} ChildRun;

/* Runs the child for @run; when @kill_after_usec >= 0, SIGKILLs it that
 * long after it starts merging. */
static ChildRun
run_child (const char *path,
           guint       run,
           gint64      kill_after_usec)
{
  g_autofree char *child = g_test_build_filename (G_TEST_BUILT, "store-crash-child", NULL);
  g_autofree char *run_arg = g_strdup_printf ("%u", run);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gboolean merged = FALSE;
  ChildRun result = { FALSE, 0 };
  gint64 started;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              child, path, run_arg, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  for (;;)
    {
      g_free (line);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);  /* the child died before merging */
      if (g_str_equal (line, "merging"))
        break;
      g_assert_cmpstr (line, ==, "committed");
    }

  started = g_get_monotonic_time ();
  if (kill_after_usec >= 0)
    {
      g_usleep (kill_after_usec);
      g_subprocess_send_signal (process, SIGKILL);
    }

  while (TRUE)
    {
      g_free (line);
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      if (line == NULL)
        break;
      merged |= g_str_equal (line, "merged");
    }

  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      result.killed_mid_merge = !merged;
    }
  else
    {
      g_assert_true (g_subprocess_get_successful (process));
      g_assert_true (merged);
      result.merge_usec = g_get_monotonic_time () - started;
    }

  return result;
}

/* Opens the database the child left and checks it. */
static void
check_database (const char *path,
                GPtrArray  *committed_titles,
                guint       run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiStore) store = bandi_store_open (path, &error);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM calls WHERE title LIKE '%%(v%u)'",
                                                run);
  gint64 n_calls, n_this_run;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (bandi_store_check_integrity (store, &error));
  g_assert_no_error (error);

  proposals = bandi_store_list_proposals (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, committed_titles->len);
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);

      g_assert_cmpuint (bandi_proposal_get_milestones (proposal)->len, ==, 2);
      g_hash_table_add (titles, (gpointer) bandi_proposal_get_title (proposal));
    }
  for (guint i = 0; i < committed_titles->len; i++)
    g_assert_true (g_hash_table_contains (titles, g_ptr_array_index (committed_titles, i)));

  /* The merge is one transaction: all of its calls or none. */
  n_calls = test_sql_int (path, "SELECT count(*) FROM calls");
  n_this_run = test_sql_int (path, count_sql);
  g_assert_cmpint (n_calls, ==, N_CALLS);
  g_assert_true (n_this_run == 0 || n_this_run == N_CALLS);
  g_test_message ("run %u: %u proposals, this run's calls %s", run, committed_titles->len,
                  n_this_run ? "all committed" : "all rolled back");
}

static void
add_titles (GPtrArray *titles,
            guint      run)
{
  for (guint i = 0; i < N_PROPOSALS; i++)
    g_ptr_array_add (titles, g_strdup_printf ("crash-run%u-%u", run, i));
}

static void
test_killed_mid_merge (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  ChildRun first;
  gint64 window;
  guint kills = 0;
  guint run = 0;

  /* A first run to completion: 20,000 new calls; its time bounds the
   * random moments of the kills (the later merges rewrite every call). */
  first = run_child (path, run, -1);
  add_titles (titles, run);
  check_database (path, titles, run);
  /* Under sanitizers a merge takes ten times as long; any moment in its
   * first two seconds is as much the middle of it. */
  window = MIN (first.merge_usec, 2 * G_USEC_PER_SEC);
  g_test_message ("a merge of %d calls took %" G_GINT64_FORMAT " ms", N_CALLS, first.merge_usec / 1000);

  while (kills < N_KILLS)
    {
      gint64 delay = g_test_rand_int_range (0, (gint32) MAX (window, 2));
      ChildRun killed;

      run++;
      g_assert_cmpuint (run, <=, MAX_ATTEMPTS);

      killed = run_child (path, run, delay);
      add_titles (titles, run);
      check_database (path, titles, run);

      if (killed.killed_mid_merge)
        kills++;
      else
        window /= 2;  /* it finished first: aim earlier */
      g_test_message ("run %u: killed after %" G_GINT64_FORMAT " ms, %s", run, delay / 1000,
                      killed.killed_mid_merge ? "mid-merge" : "after the merge");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/killed-mid-merge", test_killed_mid_merge);

  return g_test_run ();
}
