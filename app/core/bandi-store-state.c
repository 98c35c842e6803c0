/* bandi-store-state.c — per-source status and small key-value state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include "bandi-store-private.h"

char *
bandi_store_get_state (BandiStore *self,
                       const char *key)
{
  static const char sql[] = "SELECT value FROM state WHERE key = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = bandi_store_stmt (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup (bandi_store_column_text (stmt, 0));
}

gboolean
bandi_store_set_state (BandiStore  *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  static const char set_sql[] =
    "INSERT INTO state (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  static const char delete_sql[] = "DELETE FROM state WHERE key = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = bandi_store_stmt (self, value != NULL ? set_sql : delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return bandi_store_step_done (self, stmt, "Saving state", error);
}

void
bandi_source_status_free (BandiSourceStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->source_id);
  g_free (status->last_error);
  g_strfreev (status->warnings);
  g_free (status);
}

void
bandi_deadline_change_free (BandiDeadlineChange *change)
{
  if (change == NULL)
    return;

  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char *
success_warnings_key (const char *source_id)
{
  return g_strconcat ("success-warnings/", source_id, NULL);
}

/**
 * bandi_store_dup_success_warnings:
 *
 * Returns: (transfer full): the warnings of the last attempt of
 *   @source_id that succeeded (empty if none)
 */
GStrv
bandi_store_dup_success_warnings (BandiStore *self,
                                  const char *source_id)
{
  g_autofree char *key = NULL;
  g_autofree char *joined = NULL;
  GStrv warnings;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  key = success_warnings_key (source_id);
  joined = bandi_store_get_state (self, key);
  warnings = bandi_store_split_strv (joined);

  return warnings != NULL ? warnings : g_new0 (char *, 1);
}

/**
 * bandi_store_record_source_result:
 * @error: (nullable): why the attempt failed, %NULL if it succeeded
 * @stats: (nullable): what the merge changed; %NULL keeps the counts of
 *   the previous attempt
 *
 * Records one sync attempt of @source_id at @when.
 */
gboolean
bandi_store_record_source_result (BandiStore            *self,
                                  const char            *source_id,
                                  gint64                 when,
                                  const GError          *error,
                                  const char * const    *warnings,
                                  const BandiMergeStats *stats,
                                  GError               **out_error)
{
  static const char sql[] =
    "INSERT INTO source_status (source, last_attempt, last_success, last_error, warnings,"
    "  n_new, n_changed, n_unchanged, n_withdrawn, n_deadlines_moved)"
    " VALUES (?1, ?2, CASE WHEN ?3 IS NULL THEN ?2 ELSE 0 END, ?3, ?4,"
    "  coalesce (?5, 0), coalesce (?6, 0), coalesce (?7, 0), coalesce (?8, 0), coalesce (?9, 0))"
    " ON CONFLICT (source) DO UPDATE SET"
    "  last_attempt = excluded.last_attempt,"
    "  last_success = CASE WHEN ?3 IS NULL THEN ?2 ELSE last_success END,"
    "  last_error = ?3, warnings = ?4,"
    "  n_new = coalesce (?5, n_new), n_changed = coalesce (?6, n_changed),"
    "  n_unchanged = coalesce (?7, n_unchanged), n_withdrawn = coalesce (?8, n_withdrawn),"
    "  n_deadlines_moved = coalesce (?9, n_deadlines_moved)";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);

  joined = bandi_store_join_strv (warnings);

  /* The warnings of the answer the calls come from, for a later sync
   * that reads the same answer again (those of a failed attempt are not). */
  key = success_warnings_key (source_id);
  if (error == NULL && !bandi_store_set_state (self, key, joined ? joined : "", out_error))
    return FALSE;

  stmt = bandi_store_stmt (self, sql, out_error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, when);
  if (error != NULL)
    sqlite3_bind_text (stmt, 3, error->message, -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 4, joined);
  if (stats != NULL)
    {
      sqlite3_bind_int64 (stmt, 5, stats->n_new);
      sqlite3_bind_int64 (stmt, 6, stats->n_changed);
      sqlite3_bind_int64 (stmt, 7, stats->n_unchanged);
      sqlite3_bind_int64 (stmt, 8, stats->n_withdrawn);
      sqlite3_bind_int64 (stmt, 9, stats->n_deadlines_moved);
    }

  return bandi_store_step_done (self, stmt, "Saving the source status", out_error);
}

/**
 * bandi_store_get_source_status:
 *
 * Returns: (transfer full): the status of @source_id; all zero (never
 * attempted) for a source the store has not seen. %NULL only if the
 * database cannot be read (a warning says why).
 */
BandiSourceStatus *
bandi_store_get_source_status (BandiStore *self,
                               const char *source_id)
{
  static const char sql[] =
    "SELECT last_attempt, last_success, last_error, warnings, n_new, n_changed,"
    "  n_unchanged, n_withdrawn, n_deadlines_moved"
    " FROM source_status WHERE source = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  BandiSourceStatus *status;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  stmt = bandi_store_stmt (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading the source status", &error);
      g_warning ("%s", error->message);
      return NULL;
    }

  status = g_new0 (BandiSourceStatus, 1);
  status->source_id = g_strdup (source_id);
  if (rc == SQLITE_ROW)
    {
      status->last_attempt = sqlite3_column_int64 (stmt, 0);
      status->last_success = sqlite3_column_int64 (stmt, 1);
      status->last_error = g_strdup (bandi_store_column_text (stmt, 2));
      status->warnings = bandi_store_split_strv (bandi_store_column_text (stmt, 3));
      status->stats.n_new = sqlite3_column_int (stmt, 4);
      status->stats.n_changed = sqlite3_column_int (stmt, 5);
      status->stats.n_unchanged = sqlite3_column_int (stmt, 6);
      status->stats.n_withdrawn = sqlite3_column_int (stmt, 7);
      status->stats.n_deadlines_moved = sqlite3_column_int (stmt, 8);
    }

  return status;
}
