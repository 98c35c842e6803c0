/* test-model.c — BandiDeadline and BandiCall's fingerprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-call.h"
#include "store-fixtures.h"

static void
test_deadline_storage_round_trip (void)
{
  g_autoptr(BandiDeadline) timed = bandi_deadline_new_local (2, "Stage 2", 2024, 4, 18, 17, 0, 0,
                                                             "Europe/Brussels");
  g_autoptr(BandiDeadline) date = bandi_deadline_new_date (1, "Cut-off", 2026, 9, 7);
  g_autoptr(BandiDeadline) timed_back = NULL;
  g_autoptr(BandiDeadline) date_back = NULL;
  g_autofree char *timed_value = bandi_deadline_to_storage (timed);
  g_autofree char *date_value = bandi_deadline_to_storage (date);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (timed_value, ==, "2024-04-18T17:00:00");
  g_assert_cmpstr (date_value, ==, "2026-09-07");

  timed_back = bandi_deadline_new_from_storage (2, "Stage 2", timed_value, "Europe/Brussels", &error);
  g_assert_no_error (error);
  g_assert_true (bandi_deadline_equal (timed, timed_back));
  g_assert_true (bandi_deadline_has_time (timed_back));
  g_assert_cmpstr (bandi_deadline_get_zone (timed_back), ==, "Europe/Brussels");

  date_back = bandi_deadline_new_from_storage (1, "Cut-off", date_value, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bandi_deadline_equal (date, date_back));
  g_assert_false (bandi_deadline_has_time (date_back));
  g_assert_null (bandi_deadline_get_zone (date_back));
}

static void
test_deadline_rfc3339 (void)
{
  g_autoptr(BandiDeadline) summer = bandi_deadline_new_local (1, NULL, 2024, 4, 18, 17, 0, 0,
                                                              "Europe/Brussels");
  g_autoptr(BandiDeadline) winter = bandi_deadline_new_local (1, NULL, 2024, 1, 10, 17, 0, 0,
                                                              "Europe/Brussels");
  g_autoptr(BandiDeadline) rome = bandi_deadline_new_local (1, NULL, 2026, 9, 7, 12, 0, 0,
                                                            "Europe/Rome");
  g_autoptr(BandiDeadline) date = bandi_deadline_new_date (1, NULL, 2024, 4, 18);
  g_autofree char *s = bandi_deadline_format_rfc3339 (summer);
  g_autofree char *w = bandi_deadline_format_rfc3339 (winter);
  g_autofree char *r = bandi_deadline_format_rfc3339 (rome);

  g_assert_cmpstr (s, ==, "2024-04-18T17:00:00+02:00");
  g_assert_cmpstr (w, ==, "2024-01-10T17:00:00+01:00");
  g_assert_cmpstr (r, ==, "2026-09-07T12:00:00+02:00");
  g_assert_null (bandi_deadline_format_rfc3339 (date));

  /* The instants: 15:00 and 16:00 UTC */
  g_assert_cmpint (bandi_deadline_to_unix (summer), ==, 1713452400);
  g_assert_cmpint (bandi_deadline_to_unix (winter), ==, 1704902400);
  /* A date-only deadline lasts until the end of that day in Rome. */
  g_assert_cmpint (bandi_deadline_to_unix (date), ==, 1713477599);
}

static void
test_deadline_invalid (void)
{
  static const char * const bad_values[] = {
    "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "garbage", "",
    "2024-04-18T24:00:00", "2024-04-18T17:60:00", "2024-04-18T17:00:00Z",
    "2024-04-18 17:00", "2024-04-18x",
  };

  g_assert_null (bandi_deadline_new_date (1, NULL, 2024, 2, 30));
  g_assert_null (bandi_deadline_new_date (1, NULL, 2024, 13, 1));
  g_assert_null (bandi_deadline_new_date (1, NULL, 0, 1, 1));
  g_assert_null (bandi_deadline_new_local (1, NULL, 2024, 4, 18, 24, 0, 0, "Europe/Brussels"));
  g_assert_null (bandi_deadline_new_local (1, NULL, 2024, 4, 18, 17, 0, 0, "Mars/Olympus_Mons"));
  g_assert_null (bandi_deadline_new_local (1, NULL, 2024, 4, 18, 17, 0, 0, ""));

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiDeadline) d = bandi_deadline_new_from_storage (1, NULL, bad_values[i],
                                                                    "Europe/Brussels", &error);

      g_assert_null (d);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* A time needs a zone, and the zone must exist. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bandi_deadline_new_from_storage (1, NULL, "2024-04-18T17:00:00", NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
    g_assert_null (bandi_deadline_new_from_storage (1, NULL, "2024-04-18T17:00:00", "Nowhere/Land", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

static char *
fingerprint_of (BandiCall *call)
{
  return bandi_call_dup_fingerprint (call);
}

static void
test_fingerprint (void)
{
  g_autoptr(BandiCall) a = fixture_call (7, 0);
  g_autoptr(BandiCall) b = fixture_call (7, 0);
  g_autofree char *fa = fingerprint_of (a);
  g_autofree char *fb = NULL;

  /* Same data, other objects: same fingerprint; and it is stable. */
  fb = fingerprint_of (b);
  g_assert_cmpstr (fa, ==, fb);
  g_free (fb);
  fb = fingerprint_of (a);
  g_assert_cmpstr (fa, ==, fb);

  /* The store's bookkeeping and the user's star and note do not count. */
  bandi_call_set_id (b, 42);
  bandi_call_set_first_seen (b, 1000);
  bandi_call_set_last_changed (b, 2000);
  bandi_call_set_withdrawn (b, TRUE);
  bandi_call_set_starred (b, TRUE);
  bandi_call_set_note (b, "mine");
  g_free (fb);
  fb = fingerprint_of (b);
  g_assert_cmpstr (fa, ==, fb);

  /* Deadlines added in another order are the same deadlines. */
  {
    g_autoptr(BandiCall) c = fixture_call (7, 0);
    g_autoptr(BandiDeadline) d1 = g_object_ref (g_ptr_array_index (bandi_call_get_deadlines (c), 0));
    g_autoptr(BandiDeadline) d2 = g_object_ref (g_ptr_array_index (bandi_call_get_deadlines (c), 1));
    g_autofree char *fc = NULL;

    bandi_call_clear_deadlines (c);
    bandi_call_add_deadline (c, d2);
    bandi_call_add_deadline (c, d1);
    fc = fingerprint_of (c);
    g_assert_cmpstr (fa, ==, fc);
  }
}

typedef void (*Mutate) (BandiCall *call);

static void mutate_time (BandiCall *call)
{
  g_autoptr(BandiDeadline) d = bandi_deadline_new_local (1, "Stage 1", 2024, 4, 18, 19, 0, 0, "Europe/Brussels");
  bandi_call_add_deadline (call, d);
}

static void mutate_zone (BandiCall *call)
{
  g_autoptr(BandiDeadline) d = bandi_deadline_new_local (1, "Stage 1", 2024, 4, 18, 17, 0, 0, "Europe/Rome");
  bandi_call_add_deadline (call, d);
}

static void mutate_to_date (BandiCall *call)
{
  g_autoptr(BandiDeadline) d = bandi_deadline_new_date (1, "Stage 1", 2024, 4, 18);
  bandi_call_add_deadline (call, d);
}

static void mutate_label (BandiCall *call)
{
  g_autoptr(BandiDeadline) d = bandi_deadline_new_local (1, "First stage", 2024, 4, 18, 17, 0, 0, "Europe/Brussels");
  bandi_call_add_deadline (call, d);
}

static void mutate_title (BandiCall *call) { bandi_call_set_title (call, "Another title"); }
static void mutate_status (BandiCall *call) { bandi_call_set_status (call, BANDI_CALL_STATUS_CLOSED); }
static void mutate_budget (BandiCall *call) { bandi_call_set_budget (call, 12000001); }
static void mutate_no_budget (BandiCall *call) { bandi_call_set_budget (call, -1); }
static void mutate_keywords (BandiCall *call) { bandi_call_set_keywords (call, (const char *[]) { "Batteries", NULL }); }
static void mutate_description (BandiCall *call) { bandi_call_set_description (call, NULL); }
static void mutate_opening (BandiCall *call) { bandi_call_set_opening (call, NULL); }
static void mutate_drop_deadline (BandiCall *call) { g_ptr_array_remove_index (bandi_call_get_deadlines (call), 1); }

static void
test_fingerprint_sees_changes (void)
{
  static const Mutate mutations[] = {
    mutate_time, mutate_zone, mutate_to_date, mutate_label, mutate_title, mutate_status,
    mutate_budget, mutate_no_budget, mutate_keywords, mutate_description, mutate_opening,
    mutate_drop_deadline,
  };
  g_autoptr(BandiCall) original = fixture_call (7, 0);
  g_autofree char *before = fingerprint_of (original);

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(BandiCall) call = fixture_call (7, 0);
      g_autofree char *after = NULL;

      mutations[i] (call);
      after = fingerprint_of (call);
      g_assert_cmpstr (before, !=, after);
    }
}

/* What a source sets is capped where no user needs more */
static void
test_text_limits (void)
{
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *long_url = g_strconcat ("https://example.org/", huge + 10 * 1024 * 1024 - 9000, NULL);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  const char * const *kept;
  guint n = 0;

  bandi_call_set_title (call, huge);
  g_assert_cmpuint (strlen (bandi_call_get_title (call)), ==, 2048);
  g_assert_true (g_str_has_suffix (bandi_call_get_title (call), "xxx…"));
  bandi_call_set_external_id (call, huge);
  g_assert_cmpuint (strlen (bandi_call_get_external_id (call)), ==, 1024);
  bandi_call_set_programme (call, huge);
  g_assert_cmpuint (strlen (bandi_call_get_programme (call)), ==, 2048);
  bandi_call_set_description (call, huge);
  g_assert_cmpuint (strlen (bandi_call_get_description (call)), ==, 256 * 1024);

  /* An address cut short would lead elsewhere: none rather */
  bandi_call_set_url (call, "https://example.org/call");
  bandi_call_set_url (call, long_url);
  g_assert_null (bandi_call_get_url (call));

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (keywords, huge);
  g_ptr_array_add (keywords, NULL);
  bandi_call_set_keywords (call, (const char * const *) keywords->pdata);
  kept = bandi_call_get_keywords (call);
  for (; kept[n] != NULL; n++)
    g_assert_cmpuint (strlen (kept[n]), ==, 256);
  g_assert_cmpuint (n, ==, 256);

  /* What fits is kept as it is */
  bandi_call_set_title (call, "Città");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Città");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/deadline/storage-round-trip", test_deadline_storage_round_trip);
  g_test_add_func ("/model/deadline/rfc3339", test_deadline_rfc3339);
  g_test_add_func ("/model/deadline/invalid", test_deadline_invalid);
  g_test_add_func ("/model/call/fingerprint", test_fingerprint);
  g_test_add_func ("/model/call/fingerprint-sees-changes", test_fingerprint_sees_changes);
  g_test_add_func ("/model/call/text-limits", test_text_limits);

  return g_test_run ();
}
