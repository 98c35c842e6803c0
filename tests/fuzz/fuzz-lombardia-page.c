/* fuzz-lombardia-page.c — a call's page on Bandi Online, and the closing
 * date and time it gives a call of the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-lombardia-page.h"
#include "fuzz-check.h"
#include "fuzz.h"

/* 2026-11-23 12:00 UTC */
#define NOW_UNIX G_GINT64_CONSTANT (1795435200)

static const char row_json[] =
  "[{\"codice_bando\": \"RLO12031000001\", \"titolo_bando\": \"Collabora&Innova\","
  " \"direzione_generale\": \"UNIVERSITA', RICERCA E INNOVAZIONE\", \"ente\": \"Regione Lombardia\","
  " \"apertura_adesione\": \"2026-06-03T00:00:00.000\", \"chiusura_adesione\": \"2026-09-08T00:00:00.000\","
  " \"tipo_strumento\": \"Bando\", \"presentato\": \"143\"}]";

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BandiLombardiaPage page = { 0 };
  guint n_records;

  fuzz_init ();

  if (!bandi_lombardia_parse_page ((const char *) data, size, &page, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  if (page.has_date)
    g_assert_true (g_date_valid_dmy (page.day, page.month, page.year));
  if (page.has_time)
    g_assert_true (page.hour >= 0 && page.hour <= 24 && page.minute >= 0 && page.minute < 60);

  rows = bandi_lombardia_parse_rows (row_json, strlen (row_json), &n_records, skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_ptr_array_add (calls, bandi_lombardia_row_to_call (g_ptr_array_index (rows, 0), "https://www.bandi.regione.lombardia.it/x"));
  bandi_lombardia_apply_dates (g_ptr_array_index (calls, 0), g_ptr_array_index (rows, 0), &page, NOW_UNIX);
  fuzz_check_calls (calls, "lombardia");

  return 0;
}
