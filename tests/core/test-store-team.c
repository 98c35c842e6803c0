/* test-store-team.c — what a team sharing proposals needs of the store:
 * a global uid per proposal, who changed it last, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

static void
test_uid_stable (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiProposal) proposal = fixture_proposal ("Batteries for the Alps");
  g_autoptr(BandiProposal) shared = fixture_proposal ("Shared from a colleague");
  g_autoptr(BandiProposal) other = fixture_proposal ("Another");
  g_autoptr(BandiProposal) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (bandi_proposal_get_uid (proposal)));
  uid = g_strdup (bandi_proposal_get_uid (proposal));

  /* Saving again keeps it; reading gives it back */
  bandi_proposal_set_title (proposal, "Batteries for the Alps II");
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  again = bandi_store_get_proposal (store, bandi_proposal_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_proposal_get_uid (again), ==, uid);

  /* A proposal that comes with its uid (from a team's calendar) keeps it */
  bandi_proposal_set_uid (shared, "6a2f41a3-c54c-4e1a-9f5b-2d7c0b1e8a90");
  g_assert_true (bandi_store_save_proposal (store, shared, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = bandi_store_get_proposal (store, bandi_proposal_get_id (shared), &error);
  g_assert_cmpstr (bandi_proposal_get_uid (again), ==, "6a2f41a3-c54c-4e1a-9f5b-2d7c0b1e8a90");

  /* Two proposals never share one */
  g_assert_true (bandi_store_save_proposal (store, other, &error));
  g_assert_cmpstr (bandi_proposal_get_uid (other), !=, uid);
  bandi_proposal_set_id (other, 0);
  bandi_proposal_set_uid (other, uid);
  g_assert_false (bandi_store_save_proposal (store, other, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (bandi_proposal_get_id (other), ==, 0);
}

static void
test_history (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiProposal) proposal = fixture_proposal ("Batteries for the Alps");
  g_autoptr(BandiProposal) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  BandiProposalChange *change;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  bandi_proposal_set_updated_by (proposal, "giulia");
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);

  /* A new proposal has no history yet */
  history = bandi_store_list_proposal_history (store, bandi_proposal_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Maria changes the status and the budget: two rows, hers */
  bandi_proposal_set_updated_by (proposal, "maria");
  bandi_proposal_set_status (proposal, BANDI_PROPOSAL_STATUS_SUBMITTED);
  bandi_proposal_set_requested_budget (proposal, -1);
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);

  history = bandi_store_list_proposal_history (store, bandi_proposal_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->field, ==, "requested-budget");
  g_assert_cmpstr (change->old_value, ==, "450000");
  g_assert_null (change->new_value);
  g_assert_cmpstr (change->changed_by, ==, "maria");
  change = g_ptr_array_index (history, 1);
  g_assert_cmpstr (change->field, ==, "status");
  g_assert_cmpstr (change->old_value, ==, "drafting");
  g_assert_cmpstr (change->new_value, ==, "submitted");
  g_assert_cmpstr (change->changed_by, ==, "maria");
  g_assert_cmpint (change->changed_at, >=, before);

  stored = bandi_store_get_proposal (store, bandi_proposal_get_id (proposal), &error);
  g_assert_cmpstr (bandi_proposal_get_updated_by (stored), ==, "maria");
  g_assert_cmpint (bandi_proposal_get_updated (stored), >=, before);

  /* Saving with nothing changed adds nothing */
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_clear_pointer (&history, g_ptr_array_unref);
  history = bandi_store_list_proposal_history (store, bandi_proposal_get_id (proposal), &error);
  g_assert_cmpuint (history->len, ==, 2);

  /* Deleting the proposal deletes its history */
  {
    gint64 id = bandi_proposal_get_id (proposal);
    g_autofree char *path = bandi_store_default_path ();

    g_assert_true (bandi_store_delete_proposal (store, proposal, &error));
    g_clear_pointer (&history, g_ptr_array_unref);
    history = bandi_store_list_proposal_history (store, id, &error);
    g_assert_cmpuint (history->len, ==, 0);
    g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM proposal_history"), ==, 0);
  }
}

/* A database from before the team's columns (version 3) gets a uid for
 * each proposal it holds */
static void
test_migration_gives_uids (void)
{
  g_autofree char *path = bandi_store_default_path ();
  static const char * const downgrade[] = {
    "DROP INDEX proposals_uid", "ALTER TABLE proposals DROP COLUMN uid",
    "ALTER TABLE proposals DROP COLUMN updated_by", "DROP TABLE proposal_history",
    "PRAGMA user_version = 3",
  };

  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(BandiProposal) one = fixture_proposal ("One");
    g_autoptr(BandiProposal) two = fixture_proposal ("Two");

    g_assert_true (bandi_store_save_proposal (store, one, NULL));
    g_assert_true (bandi_store_save_proposal (store, two, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (downgrade); i++)
    test_sql_int (path, downgrade[i]);

  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(GListModel) proposals = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (bandi_store_get_schema_version (store), ==, bandi_store_get_current_schema_version ());
    proposals = bandi_store_list_proposals (store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
        const char *uid = bandi_proposal_get_uid (proposal);

        g_assert_true (g_uuid_string_is_valid (uid));
        g_assert_cmpint (uid[14], ==, '4');
        g_assert_nonnull (strchr ("89ab", uid[19]));
        g_assert_null (bandi_proposal_get_updated_by (proposal));
      }
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(DISTINCT uid) FROM proposals"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/team/uid-stable", test_uid_stable);
  g_test_add_func ("/store/team/history", test_history);
  g_test_add_func ("/store/team/migration-gives-uids", test_migration_gives_uids);

  return g_test_run ();
}
