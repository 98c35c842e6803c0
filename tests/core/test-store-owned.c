/* test-store-owned.c — what the user owns: stars, notes, clusters,
 * proposals; and the store's state and source status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

static void
test_merge_keeps_user_data (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (6, 0);
  g_autoptr(GPtrArray) changed = fixture_calls (5, 1);  /* all titles differ, call 5 gone */
  g_autoptr(BandiProposal) proposal = fixture_proposal ("Batteries for the Alps");
  g_autoptr(BandiCall) starred = NULL;
  g_autoptr(BandiCall) noted = NULL;
  g_autoptr(BandiCall) gone = NULL;
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats;

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  g_assert_no_error (error);

  starred = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00001", &error);
  noted = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00002", &error);
  gone = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00005", &error);
  g_assert_no_error (error);
  g_assert_true (bandi_store_set_starred (store, starred, TRUE, &error));
  g_assert_true (bandi_store_set_note (store, noted, "Ask LE2C members", &error));
  g_assert_true (bandi_store_set_starred (store, gone, TRUE, &error));
  g_assert_true (bandi_store_set_note (store, gone, "Was interesting", &error));
  g_assert_no_error (error);
  g_assert_true (bandi_call_get_starred (starred));
  g_assert_cmpstr (bandi_call_get_note (noted), ==, "Ask LE2C members");

  bandi_proposal_set_cluster_acronym (proposal, "LE2C");
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, changed, 2000, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_changed, ==, 5);
  g_assert_cmpuint (stats.n_withdrawn, ==, 1);

  g_clear_object (&starred);
  g_clear_object (&noted);
  g_clear_object (&gone);
  starred = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00001", &error);
  noted = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00002", &error);
  gone = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00005", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (bandi_call_get_title (starred), "(v1)"));
  g_assert_true (bandi_call_get_starred (starred));
  g_assert_null (bandi_call_get_note (starred));
  g_assert_false (bandi_call_get_starred (noted));
  g_assert_cmpstr (bandi_call_get_note (noted), ==, "Ask LE2C members");
  g_assert_true (bandi_call_get_withdrawn (gone));
  g_assert_true (bandi_call_get_starred (gone));
  g_assert_cmpstr (bandi_call_get_note (gone), ==, "Was interesting");

  proposals = bandi_store_list_proposals (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 1);
  {
    g_autoptr(BandiProposal) p = g_list_model_get_item (proposals, 0);

    g_assert_cmpstr (bandi_proposal_get_title (p), ==, "Batteries for the Alps");
    g_assert_cmpstr (bandi_proposal_get_cluster_acronym (p), ==, "LE2C");
    g_assert_cmpstr (bandi_proposal_get_call_external_id (p), ==, "HORIZON-CL5-2024-D3-01-00003");
    g_assert_cmpuint (bandi_proposal_get_milestones (p)->len, ==, 2);
  }

  clusters = bandi_store_list_clusters (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 9);
}

static void
test_star_and_note (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GPtrArray) calls = fixture_calls (1, 0);
  g_autoptr(BandiCall) call = NULL;
  g_autoptr(BandiCall) unsaved = bandi_call_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bandi_store_merge_calls (store, FIXTURE_SOURCE, calls, 1000, NULL, &error));
  call = bandi_store_find_call (store, FIXTURE_SOURCE, "HORIZON-CL5-2024-D3-01-00000", &error);
  g_assert_no_error (error);

  g_assert_true (bandi_store_set_starred (store, call, TRUE, &error));
  g_assert_true (bandi_store_set_note (store, call, "Nota", &error));
  g_assert_true (bandi_store_set_starred (store, call, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM user_calls"), ==, 1);

  /* An empty note is no note; a row holding nothing goes. */
  g_assert_true (bandi_store_set_note (store, call, "", &error));
  g_assert_no_error (error);
  g_assert_null (bandi_call_get_note (call));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM user_calls"), ==, 0);

  g_assert_false (bandi_store_set_starred (store, unsaved, TRUE, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
}

static void
test_clusters_seeded (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(BandiCluster) le2c = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    "AFIL", "CAT.AL", "CLM", "CLSV", "LAC", "LE2C", "LGCA", "SCC", "TAV",
  };
  static const struct {
    const char *acronym;
    const char *parts;
  } parts[] = {
    { "AFIL", "CL4" }, { "CAT.AL", "CL6" }, { "CLM", "CL5" }, { "CLSV", "CL1" },
    { "LAC", "CL3 CL4" }, { "LE2C", "CL5" }, { "LGCA", "CL6" }, { "SCC", "CL2 CL3 CL4" },
    { "TAV", "CL1" },
  };

  clusters = bandi_store_list_clusters (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);
      g_autofree char *joined = NULL;

      g_assert_cmpstr (bandi_cluster_get_acronym (cluster), ==, expected[i]);
      g_assert_cmpstr (parts[i].acronym, ==, expected[i]);
      g_assert_nonnull (bandi_cluster_get_name (cluster));
      g_assert_nonnull (bandi_cluster_get_ecosystem (cluster));
      g_assert_true (g_str_has_prefix (bandi_cluster_get_website (cluster), "https://"));
      g_assert_cmpint (bandi_cluster_get_members (cluster), >, 0);
      g_assert_nonnull (bandi_cluster_get_areas (cluster));
      g_assert_cmpuint (g_strv_length ((char **) bandi_cluster_get_keywords (cluster)), >=, 10);
      joined = g_strjoinv (" ", (char **) bandi_cluster_get_horizon_parts (cluster));
      g_assert_cmpstr (joined, ==, parts[i].parts);
    }

  /* Acronyms are found case-blind. */
  le2c = bandi_store_find_cluster (store, "le2c", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_cluster_get_name (le2c), ==, "Lombardy Energy Cleantech Cluster");
  g_assert_cmpint (bandi_cluster_get_members (le2c), ==, 144);
  g_assert_cmpstrv (bandi_cluster_get_areas (le2c),
                    ((const char * const[]) { "Water Energy Nexus", "Smart Energy Systems",
                                              "Green Building", "Sustainable Manufacturing",
                                              "Clean Air", "Circular Economy", NULL }));
}

static void
test_clusters_edit (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(BandiCluster) mine = bandi_cluster_new ();
    g_autoptr(BandiCluster) twin = bandi_cluster_new ();
    g_autoptr(BandiCluster) nameless = bandi_cluster_new ();
    g_autoptr(BandiCluster) found = NULL;
    g_autoptr(GListModel) clusters = NULL;

    bandi_cluster_set_acronym (mine, "  ROBO ");
    bandi_cluster_set_name (mine, "Robotics network");
    bandi_cluster_set_keywords (mine, (const char *[]) { "robot", "cobot", NULL });
    g_assert_true (bandi_store_save_cluster (store, mine, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bandi_cluster_get_id (mine), >, 0);
    g_assert_cmpstr (bandi_cluster_get_acronym (mine), ==, "ROBO");

    bandi_cluster_set_members (mine, 12);
    g_assert_true (bandi_store_save_cluster (store, mine, &error));
    found = bandi_store_find_cluster (store, "robo", &error);
    g_assert_no_error (error);
    g_assert_cmpint (bandi_cluster_get_members (found), ==, 12);
    g_assert_cmpstrv (bandi_cluster_get_keywords (found), bandi_cluster_get_keywords (mine));

    bandi_cluster_set_acronym (twin, "le2c");
    g_assert_false (bandi_store_save_cluster (store, twin, &error));
    g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);

    g_assert_false (bandi_store_save_cluster (store, nameless, &error));
    g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);

    /* Delete every cluster. */
    clusters = bandi_store_list_clusters (store, &error);
    g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 10);
    for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
      {
        g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);

        g_assert_true (bandi_store_delete_cluster (store, cluster, &error));
        g_assert_no_error (error);
        g_assert_cmpint (bandi_cluster_get_id (cluster), ==, 0);
      }

    g_assert_false (bandi_store_delete_cluster (store, mine, &error));
    g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The next start does not bring the nine back. */
  {
    g_autoptr(BandiStore) store = source_test_open_store ();
    g_autoptr(GListModel) clusters = bandi_store_list_clusters (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 0);
  }
}

static void
assert_same_deadline (BandiDeadline *a,
                      BandiDeadline *b)
{
  g_autofree char *va = bandi_deadline_to_storage (a);
  g_autofree char *vb = bandi_deadline_to_storage (b);

  g_assert_cmpstr (va, ==, vb);
  g_assert_cmpstr (bandi_deadline_get_zone (a), ==, bandi_deadline_get_zone (b));
  g_assert_cmpint (bandi_deadline_has_time (a), ==, bandi_deadline_has_time (b));
}

static void
test_proposals (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiProposal) in = fixture_proposal ("Storage for the Alps");
  g_autoptr(BandiProposal) manual = bandi_proposal_new ();
  g_autoptr(BandiProposal) out = NULL;
  g_autoptr(BandiDeadline) manual_deadline = bandi_deadline_new_local (1, "Submission", 2025, 2, 27,
                                                                       13, 0, 0, "Europe/Rome");
  g_autoptr(GError) error = NULL;
  gint64 created;

  bandi_proposal_set_cluster_acronym (in, "clm");
  g_assert_true (bandi_store_save_proposal (store, in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bandi_proposal_get_id (in), >, 0);
  g_assert_cmpstr (bandi_proposal_get_cluster_acronym (in), ==, "CLM");
  created = bandi_proposal_get_created (in);
  g_assert_cmpint (created, >, 0);
  g_assert_cmpint (bandi_proposal_get_updated (in), ==, created);
  g_assert_cmpint (bandi_proposal_get_status_changed (in), ==, created);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (bandi_milestone_get_id (g_ptr_array_index (bandi_proposal_get_milestones (in), i)), >, 0);

  out = bandi_store_get_proposal (store, bandi_proposal_get_id (in), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bandi_proposal_get_cluster_id (out), ==, bandi_proposal_get_cluster_id (in));
  g_assert_cmpstr (bandi_proposal_get_cluster_acronym (out), ==, "CLM");
  g_assert_cmpstr (bandi_proposal_get_acronym (out), ==, "BATT4EU");
  g_assert_cmpstr (bandi_proposal_get_call_source (out), ==, FIXTURE_SOURCE);
  g_assert_cmpint (bandi_proposal_get_role (out), ==, BANDI_PROPOSAL_ROLE_PARTNER);
  g_assert_cmpstr (bandi_proposal_get_partners (out), ==, "Politecnico di Milano\nA2A");
  g_assert_cmpfloat (bandi_proposal_get_requested_budget (out), ==, 450000);
  g_assert_cmpfloat (bandi_proposal_get_eu_contribution (out), ==, 400000);
  g_assert_cmpint (bandi_proposal_get_status (out), ==, BANDI_PROPOSAL_STATUS_DRAFTING);
  g_assert_cmpstr (bandi_proposal_get_owner (out), ==, "Giulia");
  g_assert_cmpstr (bandi_proposal_get_notes (out), ==, "Contattare i partner entro venerdì");
  g_assert_cmpint (bandi_proposal_get_created (out), ==, created);
  g_assert_cmpuint (bandi_proposal_get_milestones (out)->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      BandiMilestone *a = g_ptr_array_index (bandi_proposal_get_milestones (in), i);
      BandiMilestone *b = g_ptr_array_index (bandi_proposal_get_milestones (out), i);

      g_assert_cmpstr (bandi_milestone_get_title (a), ==, bandi_milestone_get_title (b));
      g_assert_cmpint (bandi_milestone_get_done (a), ==, bandi_milestone_get_done (b));
      g_assert_cmpint (bandi_milestone_get_proposal_id (b), ==, bandi_proposal_get_id (in));
      assert_same_deadline (bandi_milestone_get_due (a), bandi_milestone_get_due (b));
    }

  /* Same status: status-changed keeps the stored time. */
  test_sql_int (path, "UPDATE proposals SET status_changed = 1, created = 2");
  g_assert_true (bandi_proposal_remove_milestone (out, g_ptr_array_index (bandi_proposal_get_milestones (out), 0)));
  bandi_proposal_set_title (out, "Storage for the Alps, v2");
  g_assert_true (bandi_store_save_proposal (store, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bandi_proposal_get_status_changed (out), ==, 1);
  g_clear_object (&out);
  out = bandi_store_get_proposal (store, bandi_proposal_get_id (in), &error);
  g_assert_cmpstr (bandi_proposal_get_title (out), ==, "Storage for the Alps, v2");
  g_assert_cmpint (bandi_proposal_get_status_changed (out), ==, 1);
  g_assert_cmpint (bandi_proposal_get_created (out), ==, 2);
  g_assert_cmpuint (bandi_proposal_get_milestones (out)->len, ==, 1);
  g_assert_cmpstr (bandi_milestone_get_title (g_ptr_array_index (bandi_proposal_get_milestones (out), 0)),
                   ==, "Internal submission");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM milestones"), ==, 1);

  /* New status: now. */
  bandi_proposal_set_status (out, BANDI_PROPOSAL_STATUS_SUBMITTED);
  g_assert_true (bandi_store_save_proposal (store, out, &error));
  g_assert_cmpint (bandi_proposal_get_status_changed (out), >=, created);

  /* A proposal for a call no source knows, with no cluster */
  bandi_proposal_set_manual_call (manual, "Interreg Alpine Space, 4th call");
  bandi_proposal_set_manual_deadline (manual, manual_deadline);
  bandi_proposal_set_acronym (manual, "ALPS");
  g_assert_true (bandi_store_save_proposal (store, manual, &error));
  g_assert_no_error (error);
  g_clear_object (&out);
  out = bandi_store_get_proposal (store, bandi_proposal_get_id (manual), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bandi_proposal_get_cluster_id (out), ==, 0);
  g_assert_null (bandi_proposal_get_cluster_acronym (out));
  g_assert_cmpstr (bandi_proposal_get_manual_call (out), ==, "Interreg Alpine Space, 4th call");
  g_assert_true (bandi_deadline_equal (bandi_proposal_get_manual_deadline (out), manual_deadline));
  g_assert_cmpfloat (bandi_proposal_get_requested_budget (out), ==, -1);

  {
    g_autoptr(GListModel) all = bandi_store_list_proposals (store, NULL, &error);
    g_autoptr(GListModel) clm = bandi_store_list_proposals (store, "CLM", &error);
    g_autoptr(GListModel) tav = bandi_store_list_proposals (store, "TAV", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (clm), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (tav), ==, 0);
  }

  /* An unknown cluster is refused and nothing is saved. */
  {
    g_autoptr(BandiProposal) orphan = fixture_proposal ("Nowhere");

    bandi_proposal_set_cluster_acronym (orphan, "NOPE");
    g_assert_false (bandi_store_save_proposal (store, orphan, &error));
    g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (bandi_proposal_get_id (orphan), ==, 0);
    g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM proposals"), ==, 2);
  }

  /* Deleting removes its milestones. */
  g_assert_true (bandi_store_delete_proposal (store, in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bandi_proposal_get_id (in), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM milestones"), ==, 0);
  g_assert_null (bandi_store_get_proposal (store, bandi_proposal_get_id (out) + 100, &error));
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
}

static void
test_cluster_delete_keeps_proposals (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiProposal) proposal = fixture_proposal ("Hydrogen buses");
  g_autoptr(BandiCluster) clm = NULL;
  g_autoptr(BandiProposal) out = NULL;
  g_autoptr(GListModel) by_cluster = NULL;
  g_autoptr(GError) error = NULL;

  clm = bandi_store_find_cluster (store, "CLM", &error);
  g_assert_no_error (error);
  bandi_proposal_set_cluster_id (proposal, bandi_cluster_get_id (clm));
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_proposal_get_cluster_acronym (proposal), ==, "CLM");

  g_assert_true (bandi_store_delete_cluster (store, clm, &error));
  g_assert_no_error (error);

  out = bandi_store_get_proposal (store, bandi_proposal_get_id (proposal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bandi_proposal_get_title (out), ==, "Hydrogen buses");
  g_assert_cmpint (bandi_proposal_get_cluster_id (out), ==, 0);
  g_assert_null (bandi_proposal_get_cluster_acronym (out));
  g_assert_cmpuint (bandi_proposal_get_milestones (out)->len, ==, 2);

  by_cluster = bandi_store_list_proposals (store, "CLM", &error);
  g_assert_cmpuint (g_list_model_get_n_items (by_cluster), ==, 0);
}

static void
test_state (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (bandi_store_get_state (store, "notices/shown"));
  g_assert_true (bandi_store_set_state (store, "notices/shown", "42", &error));
  g_assert_true (bandi_store_set_state (store, "caldav/etag", "\"abc\"", &error));
  g_assert_true (bandi_store_set_state (store, "notices/shown", "43", &error));
  g_assert_no_error (error);
  value = bandi_store_get_state (store, "notices/shown");
  g_assert_cmpstr (value, ==, "43");

  g_assert_true (bandi_store_set_state (store, "notices/shown", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (bandi_store_get_state (store, "notices/shown"));
  g_free (value);
  value = bandi_store_get_state (store, "caldav/etag");
  g_assert_cmpstr (value, ==, "\"abc\"");
}

static void
test_source_status (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Timed out");
  BandiMergeStats stats = { 3, 2, 10, 1, 4 };
  const char *warnings[] = { "Topic X has no deadline", "Topic Y has a bad date", NULL };
  BandiSourceStatus *status;

  status = bandi_store_get_source_status (store, "horizon");
  g_assert_nonnull (status);
  g_assert_cmpstr (status->source_id, ==, "horizon");
  g_assert_cmpint (status->last_attempt, ==, 0);
  g_assert_cmpint (status->last_success, ==, 0);
  g_assert_null (status->last_error);
  bandi_source_status_free (status);

  g_assert_true (bandi_store_record_source_result (store, "horizon", 1000, NULL, warnings, &stats, &error));
  g_assert_no_error (error);
  status = bandi_store_get_source_status (store, "horizon");
  g_assert_cmpint (status->last_attempt, ==, 1000);
  g_assert_cmpint (status->last_success, ==, 1000);
  g_assert_null (status->last_error);
  g_assert_cmpstrv (status->warnings, warnings);
  g_assert_cmpuint (status->stats.n_new, ==, 3);
  g_assert_cmpuint (status->stats.n_changed, ==, 2);
  g_assert_cmpuint (status->stats.n_unchanged, ==, 10);
  g_assert_cmpuint (status->stats.n_withdrawn, ==, 1);
  g_assert_cmpuint (status->stats.n_deadlines_moved, ==, 4);
  bandi_source_status_free (status);

  /* A failure keeps the last success and, without stats, the counts. */
  g_assert_true (bandi_store_record_source_result (store, "horizon", 2000, failure, NULL, NULL, &error));
  g_assert_no_error (error);
  status = bandi_store_get_source_status (store, "horizon");
  g_assert_cmpint (status->last_attempt, ==, 2000);
  g_assert_cmpint (status->last_success, ==, 1000);
  g_assert_cmpstr (status->last_error, ==, "Timed out");
  g_assert_null (status->warnings);
  g_assert_cmpuint (status->stats.n_new, ==, 3);
  bandi_source_status_free (status);

  /* A first attempt that fails */
  g_assert_true (bandi_store_record_source_result (store, "interreg", 3000, failure, NULL, NULL, &error));
  status = bandi_store_get_source_status (store, "interreg");
  g_assert_cmpint (status->last_attempt, ==, 3000);
  g_assert_cmpint (status->last_success, ==, 0);
  g_assert_cmpstr (status->last_error, ==, "Timed out");
  bandi_source_status_free (status);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/owned/merge-keeps-user-data", test_merge_keeps_user_data);
  g_test_add_func ("/store/owned/star-and-note", test_star_and_note);
  g_test_add_func ("/store/owned/clusters-seeded", test_clusters_seeded);
  g_test_add_func ("/store/owned/clusters-edit", test_clusters_edit);
  g_test_add_func ("/store/owned/proposals", test_proposals);
  g_test_add_func ("/store/owned/cluster-delete-keeps-proposals", test_cluster_delete_keeps_proposals);
  g_test_add_func ("/store/state", test_state);
  g_test_add_func ("/store/source-status", test_source_status);

  return g_test_run ();
}
