/* fuzz-interreg-adapter.c — one Interreg adapter (FUZZ_ADAPTER: "rss",
 * "atom", "wordpress", "html", "ical" or "csv") and the rules that make
 * calls of what it read
 *
 * The input is the body a programme's site sent, read as each of the
 * presets that use the adapter and as a custom programme with the
 * adapter's default rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-check.h"
#include "fuzz.h"
#include "bandi-interreg-entry.h"

/* 2026-11-23 12:00 UTC */
#define NOW_UNIX G_GINT64_CONSTANT (1795435200)

static GPtrArray *
programmes_of_adapter (void)
{
  static GPtrArray *programmes;
  static InterregCatalogue *catalogue;
  static GPtrArray *custom;

  if (programmes == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *json =
        g_strdup_printf ("[{\"id\": \"fuzz\", \"name\": \"Fuzz programme\", "
                         "\"url\": \"https://calls.example.eu/open-calls/\", \"adapter\": \"%s\"}]",
                         FUZZ_ADAPTER);
      GPtrArray *presets;

      catalogue = interreg_catalogue_new (&error);
      g_assert_no_error (error);
      custom = interreg_catalogue_parse_custom (catalogue, json, problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (custom->len, ==, 1);

      programmes = g_ptr_array_new ();
      presets = interreg_catalogue_get_presets (catalogue);
      for (guint i = 0; i < presets->len; i++)
        {
          InterregProgramme *programme = g_ptr_array_index (presets, i);

          if (g_strcmp0 (programme->adapter_name, FUZZ_ADAPTER) == 0)
            g_ptr_array_add (programmes, programme);
        }
      g_ptr_array_add (programmes, g_ptr_array_index (custom, 0));
    }

  return programmes;
}

static void
read_as (InterregProgramme *programme,
         GBytes            *body)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  entries = interreg_entries_read (programme, body, warnings, &error);
  if (entries == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  calls = interreg_entries_to_calls (programme, entries, NOW_UNIX, warnings, &error);
  if (calls == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  fuzz_check_calls (calls, "interreg");
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  GPtrArray *programmes;

  fuzz_init ();

  programmes = programmes_of_adapter ();
  for (guint i = 0; i < programmes->len; i++)
    read_as (g_ptr_array_index (programmes, i), body);

  return 0;
}
