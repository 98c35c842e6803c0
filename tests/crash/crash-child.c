/* crash-child.c — the process test-crash-kills kills
 *
 * crash-child PATH sync SEED: merges N_CALLS calls again and again, each
 *   time a new variant (every title changes), as a sync does; says
 *   "merged VARIANT" after each merge is committed.
 * crash-child PATH edit SEED: edits what the user owns, at random: creates
 *   proposals ("crash-SEED-K r0", one milestone), edits them (title
 *   "KEY rN", N % 3 + 1 milestones, saved together), deletes some, and
 *   rewrites the notes of calls ("rN"); says "proposal KEY N",
 *   "deleted KEY" or "note EXTERNAL-ID N" after each change is committed.
 *
 * Both say "ready" once the store is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash-common.h"

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void
run_sync (BandiStore *store,
          guint       seed)
{
  for (guint k = 1;; k++)
    {
      guint variant = seed * 1000 + k;
      g_autoptr(GPtrArray) calls = fixture_calls (CRASH_N_CALLS, variant);
      g_autoptr(GError) error = NULL;
      BandiMergeStats stats;

      if (!bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000 + variant, &stats, &error) ||
          !bandi_store_record_source_result (store, FIXTURE_SOURCE, 1000 + variant, NULL, NULL, &stats, &error))
        g_error ("%s", error->message);
      say ("merged %u", variant);
    }
}

static void
set_milestones (BandiProposal *proposal,
                guint          rev)
{
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);

  while (milestones->len > 0)
    bandi_proposal_remove_milestone (proposal, g_ptr_array_index (milestones, 0));

  for (guint i = 0; i < crash_n_milestones (rev); i++)
    {
      g_autoptr(BandiMilestone) milestone = bandi_milestone_new ();
      g_autoptr(BandiDeadline) due = bandi_deadline_new_local (1, NULL, 2030, 1 + i, 15, 17, 0, 0,
                                                               "Europe/Brussels");
      g_autofree char *title = g_strdup_printf ("Milestone %u of revision %u", i + 1, rev);

      bandi_milestone_set_title (milestone, title);
      bandi_milestone_set_due (milestone, due);
      bandi_proposal_add_milestone (proposal, milestone);
    }
}

static void
run_edit (BandiStore *store,
          guint       seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint created = 0;

  stored = bandi_store_list_proposals (store, NULL, &error);
  if (stored == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (proposals, g_list_model_get_item (stored, i));

  for (;;)
    {
      guint op = g_rand_int_range (rand, 0, 10);

      if (op < 4 || proposals->len == 0)
        {
          g_autofree char *key = g_strdup_printf ("crash-%u-%u", seed, created++);
          g_autofree char *title = crash_proposal_title (key, 0);
          BandiProposal *proposal = fixture_proposal (title);

          set_milestones (proposal, 0);
          if (!bandi_store_save_proposal (store, proposal, &error))
            g_error ("%s", error->message);
          g_ptr_array_add (proposals, proposal);
          say ("proposal %s 0", key);
        }
      else if (op < 8)
        {
          BandiProposal *proposal = g_ptr_array_index (proposals, g_rand_int_range (rand, 0, proposals->len));
          g_autofree char *key = NULL;
          g_autofree char *title = NULL;
          guint rev;

          g_assert_true (crash_parse_proposal_title (bandi_proposal_get_title (proposal), &key, &rev));
          title = crash_proposal_title (key, rev + 1);
          bandi_proposal_set_title (proposal, title);
          set_milestones (proposal, rev + 1);
          if (!bandi_store_save_proposal (store, proposal, &error))
            g_error ("%s", error->message);
          say ("proposal %s %u", key, rev + 1);
        }
      else if (op < 9)
        {
          guint index = g_rand_int_range (rand, 0, proposals->len);
          BandiProposal *proposal = g_ptr_array_index (proposals, index);
          g_autofree char *key = NULL;
          guint rev;

          g_assert_true (crash_parse_proposal_title (bandi_proposal_get_title (proposal), &key, &rev));
          if (!bandi_store_delete_proposal (store, proposal, &error))
            g_error ("%s", error->message);
          g_ptr_array_remove_index_fast (proposals, index);
          say ("deleted %s", key);
        }
      else
        {
          g_autofree char *external_id = fixture_external_id (g_rand_int_range (rand, 0, CRASH_N_NOTED));
          g_autoptr(BandiCall) call = bandi_store_find_call (store, FIXTURE_SOURCE, external_id, &error);
          g_autofree char *note = NULL;
          guint rev;

          if (call == NULL)
            g_error ("%s", error ? error->message : "no such call");
          rev = crash_parse_note (bandi_call_get_note (call)) + 1;
          note = g_strdup_printf ("r%u", rev);
          if (!bandi_store_set_note (store, call, note, &error))
            g_error ("%s", error->message);
          say ("note %s %u", external_id, rev);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint seed;

  if (argc != 4 || (strcmp (argv[2], "sync") != 0 && strcmp (argv[2], "edit") != 0))
    {
      fprintf (stderr, "Usage: %s PATH sync|edit SEED\n", argv[0]);
      return EXIT_FAILURE;
    }
  seed = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  store = bandi_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  say ("ready");

  if (strcmp (argv[2], "sync") == 0)
    run_sync (store, seed);
  else
    run_edit (store, seed);

  return EXIT_SUCCESS;
}
