/* test-notices.c — each near or moved deadline is noticed once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Rome", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/notices/once-each", test_once_each);
  return g_test_run ();
}
