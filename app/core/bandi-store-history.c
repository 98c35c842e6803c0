/* bandi-store-history.c — who changed what in each proposal, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include "bandi-proposal-fields.h"
#include "bandi-store-private.h"

void
bandi_proposal_change_free (BandiProposalChange *change)
{
  if (change == NULL)
    return;

  g_free (change->changed_by);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

gboolean
bandi_store_add_history (BandiStore  *self,
                         gint64       proposal_id,
                         gint64       changed_at,
                         const char  *changed_by,
                         const char  *field,
                         const char  *old_value,
                         const char  *new_value,
                         GError     **error)
{
  static const char sql[] =
    "INSERT INTO proposal_history (proposal, changed_at, changed_by, field, old_value, new_value)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, proposal_id);
  sqlite3_bind_int64 (stmt, 2, changed_at);
  bandi_store_bind_text (stmt, 3, changed_by);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 5, old_value);
  bandi_store_bind_text (stmt, 6, new_value);
  return bandi_store_step_done (self, stmt, "Recording a proposal's change", error);
}

/* One history row for each field that differs between @before (as
 * stored) and @after (about to be stored), by @after's updated-by. */
gboolean
bandi_store_record_changes (BandiStore     *self,
                            BandiProposal  *before,
                            BandiProposal  *after,
                            gint64          now,
                            GError        **error)
{
  const char * const *names = bandi_proposal_field_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *old_value = bandi_proposal_dup_field (before, names[i]);
      g_autofree char *new_value = bandi_proposal_dup_field (after, names[i]);

      if (g_strcmp0 (old_value, new_value) != 0 &&
          !bandi_store_add_history (self, bandi_proposal_get_id (before), now,
                                    bandi_proposal_get_updated_by (after), names[i],
                                    old_value, new_value, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bandi_store_list_proposal_history:
 *
 * Returns: (transfer full) (element-type BandiProposalChange): the changes
 * of proposal @proposal_id, oldest first
 */
GPtrArray *
bandi_store_list_proposal_history (BandiStore  *self,
                                   gint64       proposal_id,
                                   GError     **error)
{
  static const char sql[] =
    "SELECT changed_at, changed_by, field, old_value, new_value FROM proposal_history"
    " WHERE proposal = ?1 ORDER BY id";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_proposal_change_free);
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BandiProposalChange *change = g_new0 (BandiProposalChange, 1);

      change->proposal_id = proposal_id;
      change->changed_at = sqlite3_column_int64 (stmt, 0);
      change->changed_by = g_strdup (bandi_store_column_text (stmt, 1));
      change->field = g_strdup (bandi_store_column_text (stmt, 2));
      change->old_value = g_strdup (bandi_store_column_text (stmt, 3));
      change->new_value = g_strdup (bandi_store_column_text (stmt, 4));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading a proposal's history", error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}
