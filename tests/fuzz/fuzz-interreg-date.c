/* fuzz-interreg-date.c — deadlines as Interreg programmes write them, in
 * four languages
 *
 * Read with each of two default zones, for the times that name none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-check.h"
#include "fuzz.h"
#include "bandi-interreg-date.h"

static void
parse_in (const char *text,
          const char *default_zone)
{
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;

  deadline = interreg_date_parse (text, default_zone, 1, "Closing", &error);
  if (deadline == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  fuzz_check_deadline (deadline);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);

  fuzz_init ();

  parse_in (text, "Europe/Brussels");
  parse_in (text, "Europe/Rome");

  return 0;
}
