/* bandi-fill-store.c — fills a store with the widget tests' calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "gui-fixtures.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4)
    {
      g_printerr ("Usage: %s PATH N_CALLS N_PROPOSALS\n", argv[0]);
      return 2;
    }
  store = bandi_store_open (argv[1], &error);
  if (store == NULL ||
      !gui_fixture_fill (store, (guint) atoi (argv[2]), &error) ||
      !gui_fixture_add_proposals (store, (guint) atoi (argv[3]), &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  return 0;
}
