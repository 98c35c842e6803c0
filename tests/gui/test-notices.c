/* test-notices.c — each near or moved deadline is noticed once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-format.h"
#include "bandi-notices.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

static void
test_once_each (void)
{
  g_autoptr(BandiStore) store = views_test_open_store (5);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BandiNotices) notices = bandi_notices_new (NULL, store, settings);
  g_autoptr(BandiCall) batteries = bandi_store_find_call (store, "horizon", FIXTURE_BATTERIES, NULL);
  g_autoptr(BandiCall) alpine = bandi_store_find_call (store, "interreg", FIXTURE_ALPINE, NULL);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) moved = gui_fixture_deadline (1, 5, 17, "Europe/Brussels");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_settings_set_value (settings, "reminder-days", g_variant_new_parsed ("[14, 7, 1]"));

  /* Nothing starred or targeted: nothing to notice. */
  g_assert_cmpuint (bandi_notices_check_at (notices, now), ==, 0);

  /* Starred: the stage due in 3 days is within 7; the one in 120 is not;
   * the Alpine call in 60 days is beyond every reminder. */
  bandi_store_set_starred (store, batteries, TRUE, &error);
  g_assert_no_error (error);
  bandi_store_set_starred (store, alpine, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bandi_notices_check_at (notices, now), ==, 1);
  g_assert_cmpuint (bandi_notices_check_at (notices, now), ==, 0);

  /* The deadline moves to 5 days: one notice that it moved, one for the
   * new date (still within 7 days), then nothing more. */
  bandi_call_add_deadline (batteries, moved);
  g_ptr_array_add (calls, g_object_ref (batteries));
  bandi_store_merge_calls (store, "horizon", calls, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bandi_notices_check_at (notices, now), ==, 2);
  g_assert_cmpuint (bandi_notices_check_at (notices, now), ==, 0);
}

/* A reminder says when, in words (fails on the old code: "3 days", no
 * time, and nothing for a milestone). */
static void
test_when (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BandiDeadline) tomorrow = gui_fixture_deadline (1, 1, 9, "Europe/Rome");
  g_autoptr(BandiDeadline) today = gui_fixture_deadline (1, 0, 0, NULL);
  g_autoptr(BandiDeadline) later = gui_fixture_deadline (1, 3, 17, "Europe/Brussels");
  g_autofree char *tomorrow_text = bandi_format_when (tomorrow, now);
  g_autofree char *today_text = bandi_format_when (today, now);
  g_autofree char *later_text = bandi_format_when (later, now);

  g_assert_cmpstr (tomorrow_text, ==, "tomorrow at 09:00");
  g_assert_cmpstr (today_text, ==, "today");
  g_assert_cmpstr (later_text, ==, "in 3 days");
}

/* While the application runs, the notices are checked within the hour
 * and at midnight (fails on the old code: only at start and after a
 * sync). */
static void
test_next_check (void)
{
  g_autoptr(GDateTime) morning = g_date_time_new_local (2027, 3, 10, 10, 20, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2027, 3, 27, 23, 30, 0);
  g_autoptr(GDateTime) after_morning = bandi_notices_next_check (morning);
  g_autoptr(GDateTime) after_evening = bandi_notices_next_check (evening);
  g_autofree char *morning_text = g_date_time_format (after_morning, "%F %T");
  g_autofree char *evening_text = g_date_time_format (after_evening, "%F %T");

  g_assert_cmpstr (morning_text, ==, "2027-03-10 11:20:00");
  /* The night daylight saving time starts */
  g_assert_cmpstr (evening_text, ==, "2027-03-28 00:00:00");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Rome", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/notices/once-each", test_once_each);
  g_test_add_func ("/notices/when", test_when);
  g_test_add_func ("/notices/next-check", test_next_check);
  return g_test_run ();
}
