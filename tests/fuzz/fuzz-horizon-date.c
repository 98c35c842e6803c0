/* fuzz-horizon-date.c — the search API's dates ("2024-04-18T19:00:00.000+0200")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-horizon-parser.h"
#include "fuzz-check.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr(BandiDeadline) deadline = NULL;

  fuzz_init ();

  deadline = bandi_horizon_deadline_new (1, "Deadline", text);
  if (deadline == NULL)
    return 0;

  fuzz_check_deadline (deadline);
  /* Every timed deadline of the Portal is Brussels wall-clock time. */
  if (bandi_deadline_has_time (deadline))
    g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, BANDI_HORIZON_ZONE);

  return 0;
}
