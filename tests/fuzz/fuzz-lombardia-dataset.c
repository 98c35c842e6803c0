/* fuzz-lombardia-dataset.c — a page of the Regione Lombardia open-data
 * dataset (Socrata SODA JSON) and the calls made of its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-lombardia-dataset.h"
#include "fuzz-check.h"
#include "fuzz.h"

#define PORTAL "https://www.bandi.regione.lombardia.it/servizi/servizio/bandi/dettaglio"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  fuzz_init ();

  rows = bandi_lombardia_parse_rows ((const char *) data, size, &n_records, skipped, &error);
  if (rows == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, <=, n_records);

  for (guint i = 0; i < rows->len; i++)
    {
      BandiLombardiaRow *row = g_ptr_array_index (rows, i);
      g_autofree char *page_url = bandi_lombardia_page_url (PORTAL, row->codice);
      g_autofree char *fingerprint = bandi_lombardia_row_fingerprint (row, page_url);
      GDate date;

      g_assert_nonnull (fingerprint);
      if (bandi_lombardia_row_get_opening (row, &date))
        g_assert_true (g_date_valid (&date));
      if (bandi_lombardia_row_get_closing (row, &date))
        g_assert_true (g_date_valid (&date));
      bandi_lombardia_row_is_research (row);
      g_ptr_array_add (calls, bandi_lombardia_row_to_call (row, page_url));
    }
  for (guint i = 0; i < skipped->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (skipped, i), -1, NULL));

  fuzz_check_calls (calls, "lombardia");

  return 0;
}
