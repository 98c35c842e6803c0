/* store-crash-child.c — the process test-store-crash kills
 *
 * store-crash-child PATH RUN: saves five proposals (each committed), says
 * "committed", then merges 20,000 calls (variant RUN) in one transaction,
 * saying "merging" before and "merged" after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "store-fixtures.h"

#define N_CALLS     20000
#define N_PROPOSALS 5

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  guint run;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s PATH RUN\n", argv[0]);
      return EXIT_FAILURE;
    }
  run = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  store = bandi_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  calls = fixture_calls (N_CALLS, run);

  for (guint i = 0; i < N_PROPOSALS; i++)
    {
      g_autofree char *title = g_strdup_printf ("crash-run%u-%u", run, i);
      g_autoptr(BandiProposal) proposal = fixture_proposal (title);

      if (!bandi_store_save_proposal (store, proposal, &error))
        g_error ("%s", error->message);
    }

  printf ("committed\nmerging\n");
  fflush (stdout);

  if (!bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000 + run, NULL, &error))
    g_error ("%s", error->message);

  printf ("merged\n");
  fflush (stdout);
  return EXIT_SUCCESS;
}
