/* test-store-manual.c — calls added by hand: stored, edited, deleted, and
 * never touched by a sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

/* "Bando Ricerca" with a 17:00 Rome deadline and a date-only one, years
 * ahead, given as stages 1 and 2 (a call holds one deadline per stage). */
static BandiCall *
manual_call (void)
{
  BandiCall *call = bandi_call_new ();
  g_autoptr(BandiDeadline) timed = bandi_deadline_new_local (1, "Full proposal", 2031, 3, 15, 17, 0, 0,
                                                            "Europe/Rome");
  g_autoptr(BandiDeadline) day = bandi_deadline_new_date (2, NULL, 2031, 1, 20);

  bandi_call_set_title (call, "Bando Ricerca Sociale 2031");
  bandi_call_set_programme_part (call, "Fondazione Cariplo");
  bandi_call_set_url (call, "https://www.fondazionecariplo.it/bandi/ricerca");
  bandi_call_set_budget (call, 3000000);
  bandi_call_set_description (call, "Robotics for elderly care");
  bandi_call_add_deadline (call, timed);
  bandi_call_add_deadline (call, day);
  return call;
}

static void
test_add_and_read (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = manual_call ();
  g_autoptr(BandiCall) stored = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  BandiCallQuery query = { .source_id = BANDI_MANUAL_SOURCE_ID, .search = "elderly" };
  BandiDeadline *first, *second;

  g_assert_true (bandi_store_add_manual_call (store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bandi_call_get_id (call), >, 0);
  g_assert_cmpstr (bandi_call_get_source_id (call), ==, "manual");
  g_assert_true (g_str_has_prefix (bandi_call_get_external_id (call), "m-"));
  g_assert_cmpuint (strlen (bandi_call_get_external_id (call)), ==, 10);

  stored = bandi_store_get_call (store, bandi_call_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_call_get_title (stored), ==, "Bando Ricerca Sociale 2031");
  g_assert_cmpstr (bandi_call_get_programme_part (stored), ==, "Fondazione Cariplo");
  g_assert_cmpfloat (bandi_call_get_budget (stored), ==, 3000000);
  g_assert_cmpint (bandi_call_get_status (stored), ==, BANDI_CALL_STATUS_OPEN);
  g_assert_cmpuint (bandi_call_get_deadlines (stored)->len, ==, 2);

  /* Each keeps its stage, its time and zone, or its day. */
  first = bandi_call_get_deadlines (stored)->pdata[0];
  second = bandi_call_get_deadlines (stored)->pdata[1];
  g_assert_cmpuint (bandi_deadline_get_stage (first), ==, 1);
  g_assert_true (bandi_deadline_has_time (first));
  g_assert_cmpstr (bandi_deadline_get_zone (first), ==, "Europe/Rome");
  g_assert_cmpstr (bandi_deadline_get_label (first), ==, "Full proposal");
  g_assert_cmpint (bandi_deadline_to_unix (first), ==, 1931356800);  /* 2031-03-15T16:00Z */
  g_assert_cmpuint (bandi_deadline_get_stage (second), ==, 2);
  g_assert_false (bandi_deadline_has_time (second));

  /* It is searchable as any call. */
  found = bandi_store_list_calls (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
}

static void
test_refuses_without_title (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = manual_call ();
  g_autoptr(GError) error = NULL;

  bandi_call_set_title (call, "   ");
  g_assert_false (bandi_store_add_manual_call (store, call, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED);
  g_assert_cmpint (bandi_call_get_id (call), ==, 0);
  g_assert_cmpint (test_sql_int (bandi_store_get_path (store), "SELECT count(*) FROM calls"), ==, 0);
}

/* A sync of another source, withdrawing all of its calls, leaves the
 * manual ones as they are; a merge under "manual" is refused. */
static void
test_sync_never_touches (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = manual_call ();
  g_autoptr(BandiCall) after = NULL;
  g_autoptr(GPtrArray) calls = fixture_calls (3, 0);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) intruder = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *path = bandi_store_get_path (store);
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  BandiMergeStats stats;
  const char *rows_sql =
    "SELECT group_concat (external_id || title || status || withdrawn || last_changed, '|') FROM calls"
    " WHERE source = 'manual'";

  g_assert_true (bandi_store_add_manual_call (store, call, &error));
  g_assert_no_error (error);
  before = test_sql_text (path, rows_sql);

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, none, 2000, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_withdrawn, ==, 3);

  g_ptr_array_add (intruder, test_simple_call ("manual", bandi_call_get_external_id (call),
                                               "Overwritten", NULL));
  g_assert_false (bandi_store_merge_calls (store, "manual", intruder, 3000, NULL, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (bandi_store_merge_calls (store, "manual", none, 3000, NULL, &error));
  g_clear_error (&error);

  now = test_sql_text (path, rows_sql);
  g_assert_cmpstr (now, ==, before);
  after = bandi_store_get_call (store, bandi_call_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_false (bandi_call_get_withdrawn (after));
  g_assert_cmpstr (bandi_call_get_title (after), ==, "Bando Ricerca Sociale 2031");
}

static void
test_update (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = manual_call ();
  g_autoptr(BandiCall) edited = NULL;
  g_autoptr(BandiCall) stored = NULL;
  g_autoptr(BandiDeadline) moved = bandi_deadline_new_local (0, NULL, 2031, 3, 22, 12, 0, 0, "Europe/Brussels");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = fixture_calls (1, 0);
  g_autoptr(BandiCall) synced = NULL;
  g_autofree char *external_id = NULL;

  g_assert_true (bandi_store_add_manual_call (store, call, &error));
  g_assert_true (bandi_store_set_starred (store, call, TRUE, &error));
  g_assert_no_error (error);
  external_id = g_strdup (bandi_call_get_external_id (call));

  edited = bandi_call_new ();
  bandi_call_set_id (edited, bandi_call_get_id (call));
  bandi_call_set_title (edited, "Bando Ricerca Sociale 2031 (riaperto)");
  bandi_call_add_deadline (edited, moved);
  g_assert_true (bandi_store_update_manual_call (store, edited, &error));
  g_assert_no_error (error);

  stored = bandi_store_get_call (store, bandi_call_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_call_get_external_id (stored), ==, external_id);
  g_assert_cmpstr (bandi_call_get_title (stored), ==, "Bando Ricerca Sociale 2031 (riaperto)");
  g_assert_null (bandi_call_get_programme_part (stored));
  g_assert_true (bandi_call_get_starred (stored));
  g_assert_cmpuint (bandi_call_get_deadlines (stored)->len, ==, 1);
  g_assert_cmpstr (bandi_deadline_get_zone (bandi_call_get_deadlines (stored)->pdata[0]), ==, "Europe/Brussels");
  /* Stage 1 moved, stage 2 went: both recorded, as a sync's moves are. */
  g_assert_cmpuint (bandi_store_count_deadline_changes (store, bandi_call_get_id (call), 1), ==, 1);
  g_assert_cmpuint (bandi_store_count_deadline_changes (store, bandi_call_get_id (call), 2), ==, 1);

  /* A call of a source is not the user's to edit. */
  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  synced = bandi_store_find_call (store, FIXTURE_SOURCE, bandi_call_get_external_id (calls->pdata[0]), &error);
  g_assert_no_error (error);
  bandi_call_set_title (synced, "Mine now");
  g_assert_false (bandi_store_update_manual_call (store, synced, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (bandi_store_delete_manual_call (store, bandi_call_get_id (synced), &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&synced);
  synced = bandi_store_find_call (store, FIXTURE_SOURCE, bandi_call_get_external_id (calls->pdata[0]), &error);
  g_assert_cmpstr (bandi_call_get_title (synced), !=, "Mine now");
}

/* Deleting keeps the proposal made for the call, with its title and next
 * deadline; the call, its star and its history go. */
static void
test_delete_keeps_proposals (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = manual_call ();
  g_autoptr(BandiCall) gone = NULL;
  g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
  g_autoptr(BandiProposal) kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = bandi_store_get_path (store);
  BandiDeadline *deadline;
  int year, month, day;

  g_assert_true (bandi_store_add_manual_call (store, call, &error));
  g_assert_true (bandi_store_set_note (store, call, "Ask CLSV", &error));
  g_assert_no_error (error);
  bandi_proposal_set_title (proposal, "Cura robotica");
  bandi_proposal_set_call_source (proposal, "manual");
  bandi_proposal_set_call_external_id (proposal, bandi_call_get_external_id (call));
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);

  g_assert_true (bandi_store_delete_manual_call (store, bandi_call_get_id (call), &error));
  g_assert_no_error (error);

  gone = bandi_store_get_call (store, bandi_call_get_id (call), &error);
  g_assert_null (gone);
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM user_calls"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM deadlines"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM calls_fts WHERE calls_fts MATCH 'elderly'"), ==, 0);

  kept = bandi_store_get_proposal (store, bandi_proposal_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_null (bandi_proposal_get_call_source (kept));
  g_assert_cmpstr (bandi_proposal_get_manual_call (kept), ==, "Bando Ricerca Sociale 2031");
  deadline = bandi_proposal_get_manual_deadline (kept);
  g_assert_nonnull (deadline);
  bandi_deadline_get_date (deadline, &year, &month, &day);
  g_assert_cmpint (year, ==, 2031);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (day, ==, 20);
  g_assert_false (bandi_deadline_has_time (deadline));

  g_assert_false (bandi_store_delete_manual_call (store, bandi_call_get_id (call), &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
}

/* No source says a call added by hand has closed: its status follows its
 * dates when read, whatever was stored when it was saved. */
static void
test_status_from_dates (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autoptr(BandiCall) stored = NULL;
  g_autoptr(BandiDeadline) past = bandi_deadline_new_date (1, NULL, 2020, 5, 4);
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) closed = NULL;
  g_autoptr(GError) error = NULL;
  BandiCallQuery open_query = { .filter_status = TRUE, .status = BANDI_CALL_STATUS_OPEN };
  BandiCallQuery closed_query = { .filter_status = TRUE, .status = BANDI_CALL_STATUS_CLOSED };

  bandi_call_set_title (call, "Bando 2020");
  bandi_call_add_deadline (call, past);
  g_assert_true (bandi_store_add_manual_call (store, call, &error));
  g_assert_no_error (error);
  /* As stored by a save made while it was still open. */
  test_sql_int (bandi_store_get_path (store), "UPDATE calls SET status = 'open'");

  stored = bandi_store_get_call (store, bandi_call_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bandi_call_get_status (stored), ==, BANDI_CALL_STATUS_CLOSED);
  open = bandi_store_list_calls (store, &open_query, &error);
  closed = bandi_store_list_calls (store, &closed_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (closed), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/manual/add", test_add_and_read);
  g_test_add_func ("/store/manual/needs-title", test_refuses_without_title);
  g_test_add_func ("/store/manual/sync-never-touches", test_sync_never_touches);
  g_test_add_func ("/store/manual/update", test_update);
  g_test_add_func ("/store/manual/delete-keeps-proposals", test_delete_keeps_proposals);
  g_test_add_func ("/store/manual/status-from-dates", test_status_from_dates);

  return g_test_run ();
}
