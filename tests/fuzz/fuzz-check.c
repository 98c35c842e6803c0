/* fuzz-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-fuzz"

#include "config.h"

#include "fuzz-check.h"

static void
check_text (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

void
fuzz_check_deadline (BandiDeadline *deadline)
{
  g_autofree char *stored = bandi_deadline_to_storage (deadline);
  g_autofree char *rfc3339 = bandi_deadline_format_rfc3339 (deadline);
  g_autofree char *date = bandi_deadline_format_date (deadline);
  g_autoptr(BandiDeadline) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (stored);
  g_assert_nonnull (date);
  /* Timed deadlines carry their zone; date-only ones have no instant. */
  g_assert_true (bandi_deadline_has_time (deadline) == (rfc3339 != NULL));
  if (bandi_deadline_has_time (deadline))
    g_assert_nonnull (bandi_deadline_get_zone (deadline));
  check_text (bandi_deadline_get_label (deadline));

  back = bandi_deadline_new_from_storage (bandi_deadline_get_stage (deadline),
                                          bandi_deadline_get_label (deadline),
                                          stored,
                                          bandi_deadline_get_zone (deadline),
                                          &error);
  g_assert_no_error (error);
  g_assert_true (bandi_deadline_equal (deadline, back));
  g_assert_cmpint (bandi_deadline_to_unix (deadline), ==, bandi_deadline_to_unix (back));
}

void
fuzz_check_calls (GPtrArray  *calls,
                  const char *source_id)
{
  g_assert_nonnull (calls);
  g_debug ("%u calls", calls->len);

  for (guint i = 0; i < calls->len; i++)
    {
      BandiCall *call = g_ptr_array_index (calls, i);
      const char * const *keywords = bandi_call_get_keywords (call);
      GPtrArray *deadlines = bandi_call_get_deadlines (call);
      BandiDeadline *opening = bandi_call_get_opening (call);

      g_assert_cmpstr (bandi_call_get_source_id (call), ==, source_id);
      g_assert_nonnull (bandi_call_get_external_id (call));
      g_assert_cmpstr (bandi_call_get_external_id (call), !=, "");
      check_text (bandi_call_get_external_id (call));
      check_text (bandi_call_get_title (call));
      check_text (bandi_call_get_call_title (call));
      check_text (bandi_call_get_programme (call));
      check_text (bandi_call_get_description (call));
      check_text (bandi_call_get_url (call));
      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        check_text (keywords[k]);

      if (opening != NULL)
        fuzz_check_deadline (opening);
      for (guint d = 0; deadlines != NULL && d < deadlines->len; d++)
        fuzz_check_deadline (g_ptr_array_index (deadlines, d));
    }
}
