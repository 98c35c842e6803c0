/* fuzz-horizon-page.c — a page of the Funding & Tenders Portal's search API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-horizon-parser.h"
#include "fuzz-check.h"
#include "fuzz.h"

/* 2026-11-23 12:00 UTC: some deadlines of the seeds have passed, some not */
#define NOW_UNIX G_GINT64_CONSTANT (1795435200)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", NOW_UNIX);
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  guint n_results = 0;

  fuzz_init ();

  if (bandi_horizon_collector_add_page (collector, body, &total, &n_results, warnings, &error))
    g_assert_no_error (error);
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));

  calls = bandi_horizon_collector_steal_calls (collector);
  fuzz_check_calls (calls, "horizon");

  return 0;
}
