/* bandi-store-manual.c — the calls the user adds by hand
 *
 * They are stored as a source's calls are, under BANDI_MANUAL_SOURCE_ID,
 * so that the lists, the calendar, relevance, proposals and the exports
 * see them as any other; bandi_store_merge_answer() refuses that source,
 * so no sync reaches them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-store-private.h"

/* Closed once its last deadline is past, forthcoming before its opening,
 * else open. */
void
bandi_store_manual_status (BandiCall *call,
                           gint64     now_unix)
{
  BandiDeadline *last = bandi_call_get_last_deadline (call);
  BandiDeadline *opening = bandi_call_get_opening (call);
  BandiCallStatus status = BANDI_CALL_STATUS_OPEN;

  if (last != NULL && bandi_deadline_is_past (last, now_unix))
    status = BANDI_CALL_STATUS_CLOSED;
  else if (opening != NULL && !bandi_deadline_is_past (opening, now_unix))
    status = BANDI_CALL_STATUS_FORTHCOMING;
  bandi_call_set_status (call, status);
}

/* Stages 1, 2, … in the order given; the status from the dates. */
static void
prepare_call (BandiCall *call,
              gint64     now)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);

  for (guint i = 0; i < deadlines->len; i++)
    bandi_deadline_set_stage (g_ptr_array_index (deadlines, i), i + 1);
  bandi_store_manual_status (call, now);
}

static gboolean
check_title (BandiCall  *call,
             GError    **error)
{
  const char *title = bandi_call_get_title (call);
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));

  if (*trimmed != '\0')
    return TRUE;

  g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                       _("A call added by hand needs a title"));
  return FALSE;
}

/* The stored call @call_id, when it was added by hand. */
static BandiCall *
get_manual (BandiStore  *self,
            gint64       call_id,
            GError     **error)
{
  g_autoptr(BandiCall) stored = bandi_store_get_call (self, call_id, error);

  if (stored == NULL)
    return NULL;

  if (g_strcmp0 (bandi_call_get_source_id (stored), BANDI_MANUAL_SOURCE_ID) != 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                   _("The call “%s” comes from the source “%s”: only its source changes it"),
                   bandi_call_get_external_id (stored), bandi_call_get_source_id (stored));
      return NULL;
    }

  return g_steal_pointer (&stored);
}

static gboolean
external_id_taken (BandiStore  *self,
                   const char  *external_id,
                   gboolean    *out_taken,
                   GError     **error)
{
  static const char sql[] = "SELECT 1 FROM calls WHERE source = ?1 AND external_id = ?2";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, BANDI_MANUAL_SOURCE_ID, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bandi_store_fail (self, rc, "Reading stored calls", error);

  *out_taken = rc == SQLITE_ROW;
  return TRUE;
}

/* Writes @call in one transaction; *@out_id gets its row id. */
static gboolean
write_call (BandiStore  *self,
            BandiCall   *call,
            gboolean     is_new,
            gint64      *out_id,
            GError     **error)
{
  gint64 now = bandi_store_now ();

  prepare_call (call, now);

  if (!bandi_store_begin (self, error))
    return FALSE;

  while (is_new)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *external_id = g_strdup_printf ("m-%.8s", uuid);
      gboolean taken = FALSE;

      if (!external_id_taken (self, external_id, &taken, error))
        goto fail;
      if (taken)
        continue;
      bandi_call_set_external_id (call, external_id);
      break;
    }

  if (!bandi_store_merge_one_call (self, BANDI_MANUAL_SOURCE_ID, call, now, out_id, error) ||
      !bandi_store_commit (self, error))
    goto fail;

  return TRUE;

fail:
  bandi_store_rollback (self);
  g_prefix_error (error, _("Could not save the call “%s”: "), bandi_call_get_title (call));
  return FALSE;
}

/**
 * bandi_store_add_manual_call:
 * @call: a call with a title; its source and external id are set here
 *
 * Stores @call as added by hand and sets its id. On error nothing changes.
 */
gboolean
bandi_store_add_manual_call (BandiStore  *self,
                             BandiCall   *call,
                             GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (!check_title (call, error))
    return FALSE;

  bandi_call_set_source_id (call, BANDI_MANUAL_SOURCE_ID);
  if (!write_call (self, call, TRUE, &id, error))
    {
      bandi_call_set_external_id (call, NULL);
      return FALSE;
    }

  bandi_call_set_id (call, id);
  return TRUE;
}

/**
 * bandi_store_update_manual_call:
 * @call: the call as it should be now; its id says which one
 *
 * Fails, changing nothing, when the call was not added by hand.
 */
gboolean
bandi_store_update_manual_call (BandiStore  *self,
                                BandiCall   *call,
                                GError     **error)
{
  g_autoptr(BandiCall) stored = NULL;
  gint64 id = 0;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (!check_title (call, error))
    return FALSE;
  stored = get_manual (self, bandi_call_get_id (call), error);
  if (stored == NULL)
    return FALSE;

  bandi_call_set_source_id (call, BANDI_MANUAL_SOURCE_ID);
  bandi_call_set_external_id (call, bandi_call_get_external_id (stored));
  return write_call (self, call, FALSE, &id, error);
}

/* The proposals made for the call keep its title and a deadline as their
 * own, as for a call no source knows. */
static gboolean
detach_proposals (BandiStore  *self,
                  BandiCall   *call,
                  GError     **error)
{
  static const char sql[] =
    "UPDATE proposals SET manual_call = coalesce (manual_call, ?3),"
    "  manual_deadline = coalesce (manual_deadline, ?4),"
    "  manual_deadline_zone = CASE WHEN manual_deadline IS NULL THEN ?5 ELSE manual_deadline_zone END,"
    "  call_source = NULL, call_external_id = NULL"
    " WHERE call_source = ?1 AND call_external_id = ?2";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);
  g_autoptr(BandiDeadline) deadline = NULL;
  BandiDeadline *next = bandi_call_get_next_deadline (call, bandi_store_now ());

  if (stmt == NULL)
    return FALSE;

  /* A proposal has one deadline of its own: stage 1, no label. */
  if (next != NULL)
    {
      g_autofree char *value = bandi_deadline_to_storage (next);

      deadline = bandi_deadline_new_from_storage (1, NULL, value, bandi_deadline_get_zone (next), NULL);
    }

  sqlite3_bind_text (stmt, 1, BANDI_MANUAL_SOURCE_ID, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 3, bandi_call_get_title (call));
  bandi_store_bind_deadline (stmt, 4, 5, deadline);
  return bandi_store_step_done (self, stmt, "Keeping the proposals of a call", error);
}

static gboolean
delete_rows (BandiStore  *self,
             BandiCall   *call,
             GError     **error)
{
  static const char user_sql[] = "DELETE FROM user_calls WHERE source = ?1 AND external_id = ?2";
  static const char call_sql[] = "DELETE FROM calls WHERE source = ?1 AND external_id = ?2";
  const char *sqls[] = { user_sql, call_sql };

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sqls[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, BANDI_MANUAL_SOURCE_ID, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
      if (!bandi_store_step_done (self, stmt, "Deleting a call", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bandi_store_delete_manual_call:
 *
 * Deletes a call added by hand, with its star, note and deadline history.
 * Fails, changing nothing, when the call was not added by hand.
 */
gboolean
bandi_store_delete_manual_call (BandiStore  *self,
                                gint64       call_id,
                                GError     **error)
{
  g_autoptr(BandiCall) stored = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);

  stored = get_manual (self, call_id, error);
  if (stored == NULL)
    return FALSE;

  if (!bandi_store_begin (self, error))
    return FALSE;
  if (!detach_proposals (self, stored, error) ||
      !delete_rows (self, stored, error) ||
      !bandi_store_commit (self, error))
    {
      bandi_store_rollback (self);
      g_prefix_error (error, _("Could not delete the call “%s”: "), bandi_call_get_title (stored));
      return FALSE;
    }

  return TRUE;
}
