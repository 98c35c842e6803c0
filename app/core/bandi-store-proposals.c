/* bandi-store-proposals.c — the proposals clusters prepare, with milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-store-private.h"

#define PROPOSAL_SELECT \
  "SELECT p.id, p.cluster, k.acronym, p.call_source, p.call_external_id, p.manual_call," \
  "  p.manual_deadline, p.manual_deadline_zone, p.manual_deadline_label, p.programme," \
  "  p.acronym, p.title, p.role, p.partners, p.requested_budget, p.eu_contribution," \
  "  p.status, p.owner, p.notes, p.created, p.updated, p.status_changed, p.uid, p.updated_by" \
  " FROM proposals p LEFT JOIN clusters k ON k.id = p.cluster"

static BandiProposal *
proposal_from_row (sqlite3_stmt *stmt)
{
  BandiProposal *proposal = bandi_proposal_new ();
  g_autoptr(BandiDeadline) deadline =
    bandi_store_column_deadline (stmt, 6, 7, 1, bandi_store_column_text (stmt, 8));
  BandiProposalRole role = BANDI_PROPOSAL_ROLE_COORDINATOR;
  BandiProposalStatus status = BANDI_PROPOSAL_STATUS_IDEA;

  bandi_proposal_role_from_string (bandi_store_column_text (stmt, 12), &role);
  bandi_proposal_status_from_string (bandi_store_column_text (stmt, 16), &status);

  bandi_proposal_set_id (proposal, sqlite3_column_int64 (stmt, 0));
  bandi_proposal_set_cluster_id (proposal, sqlite3_column_int64 (stmt, 1));
  bandi_proposal_set_cluster_acronym (proposal, bandi_store_column_text (stmt, 2));
  bandi_proposal_set_call_source (proposal, bandi_store_column_text (stmt, 3));
  bandi_proposal_set_call_external_id (proposal, bandi_store_column_text (stmt, 4));
  bandi_proposal_set_manual_call (proposal, bandi_store_column_text (stmt, 5));
  bandi_proposal_set_manual_deadline (proposal, deadline);
  bandi_proposal_set_programme (proposal, bandi_store_column_text (stmt, 9));
  bandi_proposal_set_acronym (proposal, bandi_store_column_text (stmt, 10));
  bandi_proposal_set_title (proposal, bandi_store_column_text (stmt, 11));
  bandi_proposal_set_role (proposal, role);
  bandi_proposal_set_partners (proposal, bandi_store_column_text (stmt, 13));
  bandi_proposal_set_requested_budget (proposal, bandi_store_column_amount (stmt, 14));
  bandi_proposal_set_eu_contribution (proposal, bandi_store_column_amount (stmt, 15));
  bandi_proposal_set_status (proposal, status);
  bandi_proposal_set_owner (proposal, bandi_store_column_text (stmt, 17));
  bandi_proposal_set_notes (proposal, bandi_store_column_text (stmt, 18));
  bandi_proposal_set_created (proposal, sqlite3_column_int64 (stmt, 19));
  bandi_proposal_set_updated (proposal, sqlite3_column_int64 (stmt, 20));
  bandi_proposal_set_status_changed (proposal, sqlite3_column_int64 (stmt, 21));
  bandi_proposal_set_uid (proposal, bandi_store_column_text (stmt, 22));
  bandi_proposal_set_updated_by (proposal, bandi_store_column_text (stmt, 23));

  return proposal;
}

/* Adds their milestones, in order, to @proposals (keyed by id). */
static gboolean
load_milestones (BandiStore  *self,
                 GHashTable  *proposals,
                 gint64       only_proposal,
                 GError     **error)
{
  static const char all_sql[] =
    "SELECT id, proposal, title, due, due_zone, done FROM milestones ORDER BY proposal, position, id";
  static const char one_sql[] =
    "SELECT id, proposal, title, due, due_zone, done FROM milestones WHERE proposal = ?1"
    " ORDER BY position, id";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, only_proposal > 0 ? one_sql : all_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (only_proposal > 0)
    sqlite3_bind_int64 (stmt, 1, only_proposal);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 proposal_id = sqlite3_column_int64 (stmt, 1);
      BandiProposal *proposal = g_hash_table_lookup (proposals, &proposal_id);
      g_autoptr(BandiMilestone) milestone = NULL;
      g_autoptr(BandiDeadline) due = NULL;

      if (proposal == NULL)
        continue;

      milestone = bandi_milestone_new ();
      due = bandi_store_column_deadline (stmt, 3, 4, 1, NULL);
      bandi_milestone_set_id (milestone, sqlite3_column_int64 (stmt, 0));
      bandi_milestone_set_proposal_id (milestone, proposal_id);
      bandi_milestone_set_title (milestone, bandi_store_column_text (stmt, 2));
      bandi_milestone_set_due (milestone, due);
      bandi_milestone_set_done (milestone, sqlite3_column_int (stmt, 5) != 0);
      bandi_proposal_add_milestone (proposal, milestone);
    }
  if (rc != SQLITE_DONE)
    return bandi_store_fail (self, rc, "Reading milestones", error);

  return TRUE;
}

static GPtrArray *
read_proposals (BandiStore    *self,
                sqlite3_stmt  *stmt,
                gint64         only_proposal,
                GError       **error)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BandiProposal *proposal = proposal_from_row (stmt);
      gint64 *id = g_new (gint64, 1);

      *id = bandi_proposal_get_id (proposal);
      g_hash_table_insert (by_id, id, proposal);
      g_ptr_array_add (proposals, proposal);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading proposals", error);
      return NULL;
    }

  if (proposals->len > 0 && !load_milestones (self, by_id, only_proposal, error))
    return NULL;

  return g_steal_pointer (&proposals);
}

/**
 * bandi_store_list_proposals:
 * @cluster_acronym: (nullable): only this cluster's; %NULL for all
 *
 * Returns: (transfer full): a #GListModel of #BandiProposal, with their
 * cluster acronym and milestones, most recently updated first
 */
GListModel *
bandi_store_list_proposals (BandiStore  *self,
                            const char  *cluster_acronym,
                            GError     **error)
{
  static const char all_sql[] = PROPOSAL_SELECT " ORDER BY p.updated DESC, p.id DESC";
  static const char cluster_sql[] =
    PROPOSAL_SELECT " WHERE k.acronym = ?1 COLLATE NOCASE ORDER BY p.updated DESC, p.id DESC";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  GListStore *store;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, cluster_acronym != NULL ? cluster_sql : all_sql, error);
  if (stmt == NULL)
    return NULL;

  if (cluster_acronym != NULL)
    sqlite3_bind_text (stmt, 1, cluster_acronym, -1, SQLITE_STATIC);

  proposals = read_proposals (self, stmt, 0, error);
  if (proposals == NULL)
    return NULL;

  store = g_list_store_new (BANDI_TYPE_PROPOSAL);
  g_list_store_splice (store, 0, 0, proposals->pdata, proposals->len);
  return G_LIST_MODEL (store);
}

BandiProposal *
bandi_store_get_proposal (BandiStore  *self,
                          gint64       proposal_id,
                          GError     **error)
{
  static const char sql[] = PROPOSAL_SELECT " WHERE p.id = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) proposals = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, proposal_id);
  proposals = read_proposals (self, stmt, proposal_id, error);
  if (proposals == NULL)
    return NULL;

  if (proposals->len == 0)
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                           _("No such proposal in the database"));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (proposals, 0));
}

/* The cluster row of @proposal: its cluster id, else its acronym; 0 for
 * none. */
static gboolean
resolve_cluster (BandiStore     *self,
                 BandiProposal  *proposal,
                 gint64         *out_id,
                 char          **out_acronym,
                 GError        **error)
{
  static const char by_id_sql[] = "SELECT id, acronym FROM clusters WHERE id = ?1";
  static const char by_acronym_sql[] = "SELECT id, acronym FROM clusters WHERE acronym = ?1";
  gint64 cluster_id = bandi_proposal_get_cluster_id (proposal);
  const char *acronym = bandi_proposal_get_cluster_acronym (proposal);
  g_autoptr(BandiCachedStmt) stmt = NULL;
  int rc;

  *out_id = 0;
  *out_acronym = NULL;

  if (cluster_id <= 0 && (acronym == NULL || *acronym == '\0'))
    return TRUE;

  stmt = bandi_store_stmt (self, cluster_id > 0 ? by_id_sql : by_acronym_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (cluster_id > 0)
    sqlite3_bind_int64 (stmt, 1, cluster_id);
  else
    sqlite3_bind_text (stmt, 1, acronym, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                   _("There is no cluster “%s”"), acronym ? acronym : "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return bandi_store_fail (self, rc, "Reading a cluster", error);

  *out_id = sqlite3_column_int64 (stmt, 0);
  *out_acronym = g_strdup (bandi_store_column_text (stmt, 1));
  return TRUE;
}

static gboolean
write_milestones (BandiStore     *self,
                  BandiProposal  *proposal,
                  GError        **error)
{
  static const char delete_sql[] = "DELETE FROM milestones WHERE proposal = ?1";
  static const char insert_sql[] =
    "INSERT INTO milestones (proposal, title, due, due_zone, done, position)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);
  gint64 proposal_id = bandi_proposal_get_id (proposal);

  {
    g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, delete_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, proposal_id);
    if (!bandi_store_step_done (self, stmt, "Replacing milestones", error))
      return FALSE;
  }

  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *milestone = g_ptr_array_index (milestones, i);
      g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, insert_sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, proposal_id);
      bandi_store_bind_text (stmt, 2, bandi_milestone_get_title (milestone));
      bandi_store_bind_deadline (stmt, 3, 4, bandi_milestone_get_due (milestone));
      sqlite3_bind_int (stmt, 5, bandi_milestone_get_done (milestone) ? 1 : 0);
      sqlite3_bind_int (stmt, 6, i);
      if (!bandi_store_step_done (self, stmt, "Saving a milestone", error))
        return FALSE;

      bandi_milestone_set_id (milestone, sqlite3_last_insert_rowid (self->db));
      bandi_milestone_set_proposal_id (milestone, proposal_id);
    }

  return TRUE;
}

static gboolean
write_proposal (BandiStore     *self,
                BandiProposal  *proposal,
                gint64          now,
                GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO proposals (cluster, call_source, call_external_id, manual_call,"
    "  manual_deadline, manual_deadline_zone, manual_deadline_label, programme, acronym,"
    "  title, role, partners, requested_budget, eu_contribution, status, owner, notes,"
    "  updated, status_changed, updated_by, uid, created)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
    "  ?18, ?19, ?20, ?21, ?18)";
  static const char update_sql[] =
    "UPDATE proposals SET cluster = ?1, call_source = ?2, call_external_id = ?3,"
    "  manual_call = ?4, manual_deadline = ?5, manual_deadline_zone = ?6,"
    "  manual_deadline_label = ?7, programme = ?8, acronym = ?9, title = ?10, role = ?11,"
    "  partners = ?12, requested_budget = ?13, eu_contribution = ?14, status = ?15,"
    "  owner = ?16, notes = ?17, updated = ?18, status_changed = ?19, updated_by = ?20"
    " WHERE id = ?21";
  gint64 id = bandi_proposal_get_id (proposal);
  const char *status = bandi_proposal_status_to_string (bandi_proposal_get_status (proposal));
  BandiDeadline *deadline = bandi_proposal_get_manual_deadline (proposal);
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(BandiProposal) before = NULL;
  g_autofree char *cluster_acronym = NULL;
  g_autofree char *new_uid = NULL;
  gint64 cluster_id = 0;
  gint64 status_changed = now;

  if (!resolve_cluster (self, proposal, &cluster_id, &cluster_acronym, error))
    return FALSE;

  if (id > 0)
    {
      before = bandi_store_get_proposal (self, id, error);
      if (before == NULL)
        return FALSE;
      if (bandi_proposal_get_status (before) == bandi_proposal_get_status (proposal))
        status_changed = bandi_proposal_get_status_changed (before);
      if (!bandi_store_record_changes (self, before, proposal, now, error))
        return FALSE;
    }
  else if (bandi_proposal_get_uid (proposal) == NULL)
    new_uid = g_uuid_string_random ();

  stmt = bandi_store_stmt (self, id > 0 ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (cluster_id > 0)
    sqlite3_bind_int64 (stmt, 1, cluster_id);
  bandi_store_bind_text (stmt, 2, bandi_proposal_get_call_source (proposal));
  bandi_store_bind_text (stmt, 3, bandi_proposal_get_call_external_id (proposal));
  bandi_store_bind_text (stmt, 4, bandi_proposal_get_manual_call (proposal));
  bandi_store_bind_deadline (stmt, 5, 6, deadline);
  bandi_store_bind_text (stmt, 7, deadline ? bandi_deadline_get_label (deadline) : NULL);
  bandi_store_bind_text (stmt, 8, bandi_proposal_get_programme (proposal));
  bandi_store_bind_text (stmt, 9, bandi_proposal_get_acronym (proposal));
  bandi_store_bind_text (stmt, 10, bandi_proposal_get_title (proposal));
  sqlite3_bind_text (stmt, 11, bandi_proposal_role_to_string (bandi_proposal_get_role (proposal)),
                     -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 12, bandi_proposal_get_partners (proposal));
  bandi_store_bind_amount (stmt, 13, bandi_proposal_get_requested_budget (proposal));
  bandi_store_bind_amount (stmt, 14, bandi_proposal_get_eu_contribution (proposal));
  sqlite3_bind_text (stmt, 15, status, -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 16, bandi_proposal_get_owner (proposal));
  bandi_store_bind_text (stmt, 17, bandi_proposal_get_notes (proposal));
  sqlite3_bind_int64 (stmt, 18, now);
  sqlite3_bind_int64 (stmt, 19, status_changed);
  bandi_store_bind_text (stmt, 20, bandi_proposal_get_updated_by (proposal));
  if (id > 0)
    sqlite3_bind_int64 (stmt, 21, id);
  else
    bandi_store_bind_text (stmt, 21, new_uid ? new_uid : bandi_proposal_get_uid (proposal));

  if (!bandi_store_step_done (self, stmt, "Saving a proposal", error))
    return FALSE;

  if (id <= 0)
    {
      bandi_proposal_set_id (proposal, sqlite3_last_insert_rowid (self->db));
      bandi_proposal_set_created (proposal, now);
      if (new_uid != NULL)
        bandi_proposal_set_uid (proposal, new_uid);
    }

  if (!write_milestones (self, proposal, error))
    return FALSE;

  bandi_proposal_set_cluster_id (proposal, cluster_id);
  bandi_proposal_set_cluster_acronym (proposal, cluster_acronym);
  bandi_proposal_set_updated (proposal, now);
  bandi_proposal_set_status_changed (proposal, status_changed);
  return TRUE;
}

/**
 * bandi_store_save_proposal:
 *
 * Adds @proposal (id 0) or updates it, with its whole set of milestones,
 * in one transaction. Its cluster is its cluster id, else its cluster
 * acronym. Sets the ids, the uid of a new proposal that has none (a
 * random UUID; one it has, from a team's calendar, is kept), the updated
 * time, and the status-changed time when the status is new or differs
 * from the stored one. Each field that differs from the stored one is
 * recorded in the proposal's history, by the proposal's updated-by.
 */
gboolean
bandi_store_save_proposal (BandiStore     *self,
                           BandiProposal  *proposal,
                           GError        **error)
{
  gint64 old_id;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_PROPOSAL (proposal), FALSE);

  old_id = bandi_proposal_get_id (proposal);
  if (!bandi_store_begin (self, error))
    return FALSE;

  if (!write_proposal (self, proposal, bandi_store_now (), error) ||
      !bandi_store_commit (self, error))
    {
      bandi_store_rollback (self);
      bandi_proposal_set_id (proposal, old_id);
      return FALSE;
    }

  return TRUE;
}

/* Removes @proposal and its milestones; its id goes back to 0. */
gboolean
bandi_store_delete_proposal (BandiStore     *self,
                             BandiProposal  *proposal,
                             GError        **error)
{
  static const char sql[] = "DELETE FROM proposals WHERE id = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_PROPOSAL (proposal), FALSE);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bandi_proposal_get_id (proposal));
  if (!bandi_store_step_done (self, stmt, "Deleting a proposal", error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                           _("The proposal is no longer in the database"));
      return FALSE;
    }

  bandi_proposal_set_id (proposal, 0);
  return TRUE;
}
