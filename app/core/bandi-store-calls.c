/* bandi-store-calls.c — reading and searching calls; stars and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-relevance.h"
#include "bandi-store-private.h"

#define CALL_SELECT \
  "SELECT c.id, c.source, c.external_id, c.call_id, c.call_title, c.title, c.programme," \
  "  c.programme_part, c.action_type, c.deadline_model, c.status, c.opening, c.opening_zone," \
  "  c.budget, c.expected_grants, c.min_contribution, c.max_contribution, c.url, c.keywords," \
  "  c.description, c.first_seen, c.last_changed, c.withdrawn, u.starred, u.note, c.warnings"
#define CALL_FROM \
  " FROM calls c LEFT JOIN user_calls u ON u.source = c.source AND u.external_id = c.external_id"

static BandiCall *
call_from_row (sqlite3_stmt *stmt)
{
  BandiCall *call = bandi_call_new ();
  g_auto(GStrv) keywords = bandi_store_split_strv (bandi_store_column_text (stmt, 18));
  g_auto(GStrv) warnings = bandi_store_split_strv (bandi_store_column_text (stmt, 25));
  g_autoptr(BandiDeadline) opening = bandi_store_column_deadline (stmt, 11, 12, 0, NULL);
  BandiCallStatus status = BANDI_CALL_STATUS_UNKNOWN;

  bandi_call_status_from_string (bandi_store_column_text (stmt, 10), &status);

  bandi_call_set_id (call, sqlite3_column_int64 (stmt, 0));
  bandi_call_set_source_id (call, bandi_store_column_text (stmt, 1));
  bandi_call_set_external_id (call, bandi_store_column_text (stmt, 2));
  bandi_call_set_call_id (call, bandi_store_column_text (stmt, 3));
  bandi_call_set_call_title (call, bandi_store_column_text (stmt, 4));
  bandi_call_set_title (call, bandi_store_column_text (stmt, 5));
  bandi_call_set_programme (call, bandi_store_column_text (stmt, 6));
  bandi_call_set_programme_part (call, bandi_store_column_text (stmt, 7));
  bandi_call_set_action_type (call, bandi_store_column_text (stmt, 8));
  bandi_call_set_deadline_model (call, bandi_store_column_text (stmt, 9));
  bandi_call_set_status (call, status);
  bandi_call_set_opening (call, opening);
  bandi_call_set_budget (call, bandi_store_column_amount (stmt, 13));
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    bandi_call_set_expected_grants (call, sqlite3_column_int (stmt, 14));
  bandi_call_set_min_contribution (call, bandi_store_column_amount (stmt, 15));
  bandi_call_set_max_contribution (call, bandi_store_column_amount (stmt, 16));
  bandi_call_set_url (call, bandi_store_column_text (stmt, 17));
  bandi_call_set_keywords (call, (const char * const *) keywords);
  bandi_call_set_description (call, bandi_store_column_text (stmt, 19));
  bandi_call_set_first_seen (call, sqlite3_column_int64 (stmt, 20));
  bandi_call_set_last_changed (call, sqlite3_column_int64 (stmt, 21));
  bandi_call_set_withdrawn (call, sqlite3_column_int (stmt, 22) != 0);
  bandi_call_set_starred (call, sqlite3_column_int (stmt, 23) != 0);
  bandi_call_set_note (call, bandi_store_column_text (stmt, 24));
  bandi_call_set_warnings (call, (const char * const *) warnings);

  return call;
}

/* A call as read, with its next deadline as bandi_call_get_next_deadline()
 * picks it (the first not yet past, else the last), for ordering. */
typedef struct {
  BandiCall  *call;
  gint64      id;
  const char *title;        /* the call's */
  gboolean    has_deadline;
  gint64     next;
  gint64     first_ahead;   /* G_MAXINT64: none ahead */
  gint64     last;
} CallRow;

static void
call_row_clear (CallRow *row)
{
  g_clear_object (&row->call);
}

/* Steps @stmt (a CALL_SELECT ordered by id) to the end. The calls come
 * with their deadlines, read in one query over the range of their ids and
 * matched to them in step (both are in id order).
 * Returns: (element-type CallRow) */
static GArray *
read_calls (BandiStore    *self,
            sqlite3_stmt  *stmt,
            gint64         now,
            GError       **error)
{
  static const char deadlines_sql[] =
    "SELECT call, stage, label, value, zone, at FROM deadlines WHERE call BETWEEN ?1 AND ?2"
    " ORDER BY call";
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (CallRow));
  g_autoptr(BandiCachedStmt) dstmt = NULL;
  guint next_row = 0;
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) call_row_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CallRow row = { call_from_row (stmt), 0, NULL, FALSE, 0, G_MAXINT64, G_MININT64 };

      row.id = bandi_call_get_id (row.call);
      row.title = bandi_call_get_title (row.call);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading calls", error);
      return NULL;
    }

  if (rows->len == 0)
    return g_steal_pointer (&rows);

  dstmt = bandi_store_stmt (self, deadlines_sql, error);
  if (dstmt == NULL)
    return NULL;

  sqlite3_bind_int64 (dstmt, 1, g_array_index (rows, CallRow, 0).id);
  sqlite3_bind_int64 (dstmt, 2, g_array_index (rows, CallRow, rows->len - 1).id);
  while ((rc = sqlite3_step (dstmt)) == SQLITE_ROW)
    {
      gint64 call_id = sqlite3_column_int64 (dstmt, 0);
      gint64 at = sqlite3_column_int64 (dstmt, 5);
      g_autoptr(BandiDeadline) deadline = NULL;
      CallRow *row;

      while (next_row < rows->len && g_array_index (rows, CallRow, next_row).id < call_id)
        next_row++;
      if (next_row == rows->len)
        break;
      row = &g_array_index (rows, CallRow, next_row);
      if (row->id != call_id)
        continue;   /* a call the query left out */

      deadline = bandi_store_column_deadline (dstmt, 3, 4, sqlite3_column_int (dstmt, 1),
                                              bandi_store_column_text (dstmt, 2));
      if (deadline == NULL)
        continue;

      bandi_call_add_deadline (row->call, deadline);
      row->has_deadline = TRUE;
      row->last = MAX (row->last, at);
      if (at >= now)
        row->first_ahead = MIN (row->first_ahead, at);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading deadlines", error);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      CallRow *row = &g_array_index (rows, CallRow, i);

      row->next = row->first_ahead != G_MAXINT64 ? row->first_ahead : row->last;
      /* No source says when a call added by hand closes: its dates do. */
      if (g_strcmp0 (bandi_call_get_source_id (row->call), BANDI_MANUAL_SOURCE_ID) == 0)
        bandi_store_manual_status (row->call, now);
    }

  return g_steal_pointer (&rows);
}

/* By next deadline, calls without one last; then by title, then id. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CallRow *ra = a;
  const CallRow *rb = b;
  int cmp;

  if (ra->has_deadline != rb->has_deadline)
    return ra->has_deadline ? -1 : 1;
  if (ra->has_deadline && ra->next != rb->next)
    return ra->next < rb->next ? -1 : 1;

  cmp = g_ascii_strcasecmp (ra->title ? ra->title : "", rb->title ? rb->title : "");
  if (cmp != 0)
    return cmp;

  return (ra->id > rb->id) - (ra->id < rb->id);
}

/* The text a user typed, as an FTS5 query that cannot fail to parse: each
 * whitespace-separated word becomes a quoted phrase of its letters and
 * digits whose last token is a prefix ("HORIZON-CL5" → "HORIZON CL5"*),
 * and the phrases must all match. Operators, quotes and stars lose their
 * meaning. Returns: (nullable): %NULL when nothing searchable is left. */
static char *
fts_query_for (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      gboolean in_token = FALSE;

      if (!g_utf8_validate (words[i], -1, NULL))
        continue;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            {
              if (!in_token && phrase->len > 0)
                g_string_append_c (phrase, ' ');
              g_string_append_unichar (phrase, c);
              in_token = TRUE;
            }
          else
            {
              in_token = FALSE;
            }
        }

      if (phrase->len == 0)
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", phrase->str);
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
row_wanted (const BandiCallQuery *query,
            BandiCluster         *cluster,
            const CallRow        *row)
{
  if ((query->deadline_after != 0 || query->deadline_before != 0) && !row->has_deadline)
    return FALSE;
  if (query->deadline_after != 0 && row->next < query->deadline_after)
    return FALSE;
  if (query->deadline_before != 0 && row->next >= query->deadline_before)
    return FALSE;
  if (cluster != NULL && !bandi_relevance_is_suggested (cluster, row->call))
    return FALSE;
  if (query->filter_status && bandi_call_get_status (row->call) != query->status)
    return FALSE;
  return TRUE;
}

/**
 * bandi_store_list_calls:
 * @query: (nullable): filters; %NULL lists every call not withdrawn
 *
 * Calls by next deadline (see bandi_call_get_next_deadline()), those
 * without any deadline ("open until funds run out") last, then by title.
 * The deadline bounds apply to the next deadline: after ≤ next < before.
 * A search with nothing searchable in it (only punctuation) does not
 * filter. A cluster filter keeps the calls suggested for that cluster.
 *
 * Returns: (transfer full): a #GListModel of #BandiCall
 */
GListModel *
bandi_store_list_calls (BandiStore            *self,
                        const BandiCallQuery  *query,
                        GError               **error)
{
  static const BandiCallQuery all = { NULL, };
  g_autoptr(GString) sql = g_string_new (CALL_SELECT CALL_FROM " WHERE 1");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(BandiCluster) cluster = NULL;
  g_autofree char *match = NULL;
  GListStore *store;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;

  if (query->cluster_acronym != NULL)
    {
      cluster = bandi_store_find_cluster (self, query->cluster_acronym, error);
      if (cluster == NULL)
        return NULL;
    }

  match = fts_query_for (query->search);

  if (query->source_id != NULL)
    g_string_append (sql, " AND c.source = :source");
  if (!query->include_withdrawn)
    g_string_append (sql, " AND c.withdrawn = 0");
  /* The status of a call added by hand is read from its dates (row_wanted). */
  if (query->filter_status)
    g_string_append (sql, " AND (c.status = :status OR c.source = '" BANDI_MANUAL_SOURCE_ID "')");
  if (query->starred_only)
    g_string_append (sql, " AND u.starred = 1");
  if (match != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH :match)");
  g_string_append (sql, " ORDER BY c.id");

  stmt = bandi_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (query->source_id != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":source"),
                       query->source_id, -1, SQLITE_STATIC);
  if (query->filter_status)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":status"),
                       bandi_call_status_to_string (query->status), -1, SQLITE_STATIC);
  if (match != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), match, -1, SQLITE_STATIC);

  rows = read_calls (self, stmt, bandi_store_now (), error);
  if (rows == NULL)
    return NULL;

  g_array_sort (rows, compare_rows);

  calls = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      CallRow *row = &g_array_index (rows, CallRow, i);

      if (row_wanted (query, cluster, row))
        g_ptr_array_add (calls, g_object_ref (row->call));
    }

  store = g_list_store_new (BANDI_TYPE_CALL);
  g_list_store_splice (store, 0, 0, calls->pdata, calls->len);
  return G_LIST_MODEL (store);
}

static BandiCall *
single_call (BandiStore    *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) rows = read_calls (self, stmt, bandi_store_now (), error);

  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                           _("No such call in the database"));
      return NULL;
    }

  return g_object_ref (g_array_index (rows, CallRow, 0).call);
}

/* Returns: (transfer full): the stored call with row id @call_id, withdrawn
 * or not; %BANDI_STORE_ERROR_NOT_FOUND if there is none */
BandiCall *
bandi_store_get_call (BandiStore  *self,
                      gint64       call_id,
                      GError     **error)
{
  static const char sql[] = CALL_SELECT CALL_FROM " WHERE c.id = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, call_id);
  return single_call (self, stmt, error);
}

BandiCall *
bandi_store_find_call (BandiStore  *self,
                       const char  *source_id,
                       const char  *external_id,
                       GError     **error)
{
  /* at most one row: the order by id read_calls() needs is given */
  static const char sql[] = CALL_SELECT CALL_FROM " WHERE c.source = ?1 AND c.external_id = ?2";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (external_id != NULL, NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  return single_call (self, stmt, error);
}

/**
 * bandi_store_search_call_ids:
 * @text: what the user typed; sanitised as for bandi_store_list_calls()
 *
 * Returns: (transfer full): the set of matching call row ids (withdrawn
 * calls included; every call when @text has nothing searchable in it)
 */
GHashTable *
bandi_store_search_call_ids (BandiStore  *self,
                             const char  *text,
                             GError     **error)
{
  static const char match_sql[] = "SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?1";
  static const char all_sql[] = "SELECT id FROM calls";
  g_autofree char *match = fts_query_for (text);
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GHashTable) ids = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, match != NULL ? match_sql : all_sql, error);
  if (stmt == NULL)
    return NULL;

  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Searching calls", error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Returns: (transfer full) (element-type BandiDeadlineChange): the changes
 * of @call_id's deadlines, oldest first */
GPtrArray *
bandi_store_list_deadline_changes (BandiStore  *self,
                                   gint64       call_id,
                                   GError     **error)
{
  static const char sql[] =
    "SELECT stage, old_value, new_value, changed_at FROM deadline_history"
    " WHERE call = ?1 ORDER BY changed_at, id";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_deadline_change_free);
  sqlite3_bind_int64 (stmt, 1, call_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BandiDeadlineChange *change = g_new0 (BandiDeadlineChange, 1);

      change->call_id = call_id;
      change->stage = sqlite3_column_int (stmt, 0);
      change->old_value = g_strdup (bandi_store_column_text (stmt, 1));
      change->new_value = g_strdup (bandi_store_column_text (stmt, 2));
      change->changed_at = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading deadline history", error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

guint
bandi_store_count_deadline_changes (BandiStore *self,
                                    gint64      call_id,
                                    guint       stage)
{
  static const char sql[] =
    "SELECT count(*) FROM deadline_history WHERE call = ?1 AND stage = ?2";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), 0);

  stmt = bandi_store_stmt (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_int64 (stmt, 2, stage);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

static gboolean
check_user_call (BandiCall  *call,
                 GError    **error)
{
  if (bandi_call_get_source_id (call) == NULL || bandi_call_get_external_id (call) == NULL)
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                           _("This call has no source or identifier to keep a star or note by"));
      return FALSE;
    }
  return TRUE;
}

/* A row that holds neither a star nor a note goes. */
static gboolean
tidy_user_call (BandiStore  *self,
                BandiCall   *call,
                GError     **error)
{
  static const char sql[] =
    "DELETE FROM user_calls WHERE source = ?1 AND external_id = ?2"
    " AND starred = 0 AND note IS NULL";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, bandi_call_get_source_id (call), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
  return bandi_store_step_done (self, stmt, "Saving a star or note", error);
}

/* Stars and notes are kept by the call's source and identifier, so they
 * outlive anything a sync does to the call. Updates @call too. */
gboolean
bandi_store_set_starred (BandiStore  *self,
                         BandiCall   *call,
                         gboolean     starred,
                         GError     **error)
{
  static const char sql[] =
    "INSERT INTO user_calls (source, external_id, starred) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (source, external_id) DO UPDATE SET starred = excluded.starred";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (!check_user_call (call, error))
    return FALSE;

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, bandi_call_get_source_id (call), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, starred ? 1 : 0);
  if (!bandi_store_step_done (self, stmt, "Saving a star", error) ||
      !tidy_user_call (self, call, error))
    return FALSE;

  bandi_call_set_starred (call, starred);
  return TRUE;
}

/* @note: (nullable): %NULL or "" removes the note */
gboolean
bandi_store_set_note (BandiStore  *self,
                      BandiCall   *call,
                      const char  *note,
                      GError     **error)
{
  static const char sql[] =
    "INSERT INTO user_calls (source, external_id, note) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (source, external_id) DO UPDATE SET note = excluded.note";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (!check_user_call (call, error))
    return FALSE;

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (note != NULL && *note == '\0')
    note = NULL;

  sqlite3_bind_text (stmt, 1, bandi_call_get_source_id (call), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 3, note);
  if (!bandi_store_step_done (self, stmt, "Saving a note", error) ||
      !tidy_user_call (self, call, error))
    return FALSE;

  bandi_call_set_note (call, note);
  return TRUE;
}
