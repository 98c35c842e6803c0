/* test-crash-kills.c — 100 SIGKILLs at random moments of syncs and edits
 *
 * Each round starts two processes on the same database, as the app and
 * bandi-cli would be: one syncing (merging 2,000 calls again and again),
 * one editing proposals, their milestones and the notes of calls. Both
 * are killed with SIGKILL at a random moment. Then the database must open,
 * pass PRAGMA integrity_check, and hold every change the editor reported
 * committed; the one change in flight may be there or not, but whole; the
 * calls are all from one merge, none lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "crash-common.h"
#include "store-test-util.h"

#define N_KILLS     100
#define MAX_WAIT_MS 250
#define WAIT_LIMIT_MS 4000

typedef struct {
  GHashTable *proposals;   /* key → revision (GUINT_TO_POINTER (rev + 1)) */
  GHashTable *notes;       /* external id → revision */
  guint       variant;     /* of the calls in the database */
  guint       n_changes;   /* reported by the editor, over all rounds */
  guint       n_merges;
  guint       n_in_flight; /* changes found committed but not reported */
} Expected;

typedef struct {
  GSubprocess      *process;
  GDataInputStream *out;
} Child;

static void
child_start (Child      *child,
             const char *path,
             const char *mode,
             guint       seed)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  child->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     program, path, mode, seed_arg, NULL);
  g_assert_no_error (error);
  child->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));

  line = g_data_input_stream_read_line (child->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
}

/* Kills the child (if it is still running: a crash of its own fails the
 * test) and applies what it reported to @expected. */
static void
child_kill (Child    *child,
            Expected *expected)
{
  g_autoptr(GError) error = NULL;
  char *line;

  g_subprocess_send_signal (child->process, SIGKILL);
  g_assert_true (g_subprocess_wait (child->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child->process));
  g_assert_cmpint (g_subprocess_get_term_sig (child->process), ==, SIGKILL);

  while ((line = g_data_input_stream_read_line (child->out, NULL, NULL, &error)) != NULL)
    {
      g_auto(GStrv) words = g_strsplit (line, " ", -1);
      guint n = g_strv_length (words);

      if (n == 2 && g_str_equal (words[0], "merged"))
        {
          expected->variant = (guint) g_ascii_strtoull (words[1], NULL, 10);
          expected->n_merges++;
        }
      else if (n == 3 && g_str_equal (words[0], "proposal"))
        g_hash_table_insert (expected->proposals, g_strdup (words[1]),
                             GUINT_TO_POINTER (g_ascii_strtoull (words[2], NULL, 10) + 1));
      else if (n == 2 && g_str_equal (words[0], "deleted"))
        g_assert_true (g_hash_table_remove (expected->proposals, words[1]));
      else if (n == 3 && g_str_equal (words[0], "note"))
        g_hash_table_insert (expected->notes, g_strdup (words[1]),
                             GUINT_TO_POINTER (g_ascii_strtoull (words[2], NULL, 10)));
      else
        g_error ("Unexpected line from crash-child: “%s”", line);

      if (!g_str_equal (words[0], "merged"))
        expected->n_changes++;
      g_free (line);
    }
  g_assert_no_error (error);

  g_clear_object (&child->out);
  g_clear_object (&child->process);
}

/* Checks the database against @expected, allowing the one change in
 * flight, and adopts it. */
static void
check_database (const char *path,
                Expected   *expected,
                guint       next_variant,
                guint       round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiStore) store = bandi_store_open (path, &error);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint in_flight = 0;
  g_autofree char *title = NULL;
  guint variant;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (bandi_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* Proposals: each whole (its milestones match its revision) */
  proposals = bandi_store_list_proposals (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      char *proposal_key = NULL;
      guint rev;

      g_assert_true (crash_parse_proposal_title (bandi_proposal_get_title (proposal), &proposal_key, &rev));
      g_assert_cmpuint (bandi_proposal_get_milestones (proposal)->len, ==, crash_n_milestones (rev));
      g_assert_false (g_hash_table_contains (found, proposal_key));
      g_hash_table_insert (found, proposal_key, GUINT_TO_POINTER (rev + 1));
    }

  g_hash_table_iter_init (&iter, expected->proposals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint want = GPOINTER_TO_UINT (value);
      guint have = GPOINTER_TO_UINT (g_hash_table_lookup (found, key));

      if (have == want)
        continue;
      /* Edited or deleted in flight; anything else is a lost change. */
      if (have != want + 1 && have != 0)
        g_error ("round %u: proposal %s at revision %u, %u committed", round, (char *) key, have - 1, want - 1);
      in_flight++;
    }
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected->proposals, key))
      {
        /* Created in flight */
        g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 1);
        in_flight++;
      }

  /* Notes */
  for (guint i = 0; i < CRASH_N_NOTED; i++)
    {
      g_autofree char *external_id = fixture_external_id (i);
      g_autoptr(BandiCall) call = bandi_store_find_call (store, FIXTURE_SOURCE, external_id, &error);
      guint want = GPOINTER_TO_UINT (g_hash_table_lookup (expected->notes, external_id));
      guint have;

      g_assert_no_error (error);
      g_assert_nonnull (call);
      have = crash_parse_note (bandi_call_get_note (call));
      if (have == want)
        continue;
      if (have != want + 1)
        g_error ("round %u: note of %s at revision %u, %u committed", round, external_id, have, want);
      g_hash_table_insert (expected->notes, g_strdup (external_id), GUINT_TO_POINTER (have));
      in_flight++;
    }

  g_assert_cmpuint (in_flight, <=, 1);
  expected->n_in_flight += in_flight;
  g_hash_table_remove_all (expected->proposals);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (expected->proposals, g_strdup (key), value);

  /* Calls: all there, all from the same merge: the last one reported or
   * the one in flight */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM calls"), ==, CRASH_N_CALLS);
  g_assert_cmpint (test_sql_int (path, "SELECT count(DISTINCT substr(title, instr(title, '(v'))) FROM calls"), ==, 1);
  title = test_sql_text (path, "SELECT title FROM calls LIMIT 1");
  g_assert_nonnull (strstr (title, "(v"));
  variant = (guint) g_ascii_strtoull (strstr (title, "(v") + 2, NULL, 10);
  if (variant != expected->variant && variant != next_variant)
    g_error ("round %u: calls of merge %u, %u reported last", round, variant, expected->variant);
  expected->variant = variant;
}

static void
test_kills (void)
{
  g_autofree char *path = bandi_store_default_path ();
  Expected expected = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    0, 0, 0, 0,
  };

  /* The calls the notes go on */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BandiStore) store = bandi_store_open (path, &error);
    g_autoptr(GPtrArray) calls = fixture_calls (CRASH_N_CALLS, 0);

    g_assert_no_error (error);
    g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
    g_assert_no_error (error);
  }

  for (guint round = 1, max_wait_ms = MAX_WAIT_MS, changes_before = 0; round <= N_KILLS; round++)
    {
      Child sync = { NULL, NULL }, edit = { NULL, NULL };
      guint wait_ms = g_test_rand_int_range (0, max_wait_ms);
      guint merges_before = expected.n_merges;

      child_start (&sync, path, "sync", round);
      child_start (&edit, path, "edit", round);
      g_usleep (wait_ms * 1000);
      child_kill (&sync, &expected);
      child_kill (&edit, &expected);

      /* crash-child merges variants round × 1000 + 1, + 2, … */
      check_database (path, &expected,
                      expected.n_merges > merges_before ? expected.variant + 1 : round * 1000 + 1,
                      round);

      /* On a loaded machine (or under a sanitizer) the children may get
       * little done in a short wait: every ten rounds, widen the window the
       * kill moments are drawn from while edits (fewer than one a round)
       * or merges (none yet) are not being cut in the middle. */
      if (round % 10 == 0)
        {
          if (expected.n_changes - changes_before < 10 || expected.n_merges == 0)
            max_wait_ms = MIN (max_wait_ms * 2, WAIT_LIMIT_MS);
          changes_before = expected.n_changes;
        }
    }

  g_test_message ("%u kills: %u changes and %u merges reported committed, all found; "
                  "%u changes in flight found whole", N_KILLS, expected.n_changes,
                  expected.n_merges, expected.n_in_flight);
  /* The kills must have landed in the middle of things, not before them. */
  g_assert_cmpuint (expected.n_changes, >, N_KILLS);
  g_assert_cmpuint (expected.n_merges, >, 0);

  g_hash_table_unref (expected.proposals);
  g_hash_table_unref (expected.notes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/kills", test_kills);

  return g_test_run ();
}
