/* bandi-store-merge.c — merging one source's calls into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-store-private.h"

/* ?1–?21 and ?23 are shared by the insert and the update of a call. */
static void
bind_call (sqlite3_stmt *stmt,
           const char   *source_id,
           BandiCall    *call,
           const char   *fingerprint,
           gint64        now)
{
  BandiCallStatus status = bandi_call_get_status (call);
  g_autofree char *keywords = bandi_store_join_strv (bandi_call_get_keywords (call));
  g_autofree char *warnings = bandi_store_join_strv (bandi_call_get_warnings (call));
  int grants = bandi_call_get_expected_grants (call);

  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bandi_call_get_external_id (call), -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 3, bandi_call_get_call_id (call));
  bandi_store_bind_text (stmt, 4, bandi_call_get_call_title (call));
  bandi_store_bind_text (stmt, 5, bandi_call_get_title (call));
  bandi_store_bind_text (stmt, 6, bandi_call_get_programme (call));
  bandi_store_bind_text (stmt, 7, bandi_call_get_programme_part (call));
  bandi_store_bind_text (stmt, 8, bandi_call_get_action_type (call));
  bandi_store_bind_text (stmt, 9, bandi_call_get_deadline_model (call));
  sqlite3_bind_text (stmt, 10, bandi_call_status_to_string (status), -1, SQLITE_STATIC);
  bandi_store_bind_deadline (stmt, 11, 12, bandi_call_get_opening (call));
  bandi_store_bind_amount (stmt, 13, bandi_call_get_budget (call));
  if (grants >= 0)
    sqlite3_bind_int (stmt, 14, grants);
  else
    sqlite3_bind_null (stmt, 14);
  bandi_store_bind_amount (stmt, 15, bandi_call_get_min_contribution (call));
  bandi_store_bind_amount (stmt, 16, bandi_call_get_max_contribution (call));
  bandi_store_bind_text (stmt, 17, bandi_call_get_url (call));
  bandi_store_bind_text (stmt, 18, keywords);
  bandi_store_bind_text (stmt, 19, bandi_call_get_description (call));
  sqlite3_bind_text (stmt, 20, fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 21, now);
  bandi_store_bind_text (stmt, 23, warnings);
}

static gboolean
insert_call (BandiStore  *self,
             const char  *source_id,
             BandiCall   *call,
             const char  *fingerprint,
             gint64       now,
             gint64      *out_id,
             GError     **error)
{
  static const char sql[] =
    "INSERT INTO calls (source, external_id, call_id, call_title, title, programme,"
    "  programme_part, action_type, deadline_model, status, opening, opening_zone,"
    "  budget, expected_grants, min_contribution, max_contribution, url, keywords,"
    "  description, fingerprint, first_seen, last_changed, withdrawn, warnings)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    "  ?17, ?18, ?19, ?20, ?21, ?21, 0, ?23)";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_call (stmt, source_id, call, fingerprint, now);
  if (!bandi_store_step_done (self, stmt, "Adding a call", error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
update_call (BandiStore  *self,
             gint64       id,
             const char  *source_id,
             BandiCall   *call,
             const char  *fingerprint,
             gint64       now,
             GError     **error)
{
  static const char sql[] =
    "UPDATE calls SET external_id = ?2, call_id = ?3, call_title = ?4, title = ?5,"
    "  programme = ?6, programme_part = ?7, action_type = ?8, deadline_model = ?9,"
    "  status = ?10, opening = ?11, opening_zone = ?12, budget = ?13, expected_grants = ?14,"
    "  min_contribution = ?15, max_contribution = ?16, url = ?17, keywords = ?18,"
    "  description = ?19, fingerprint = ?20, last_changed = ?21, withdrawn = 0,"
    "  warnings = ?23"
    " WHERE id = ?22 AND source = ?1";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_call (stmt, source_id, call, fingerprint, now);
  sqlite3_bind_int64 (stmt, 22, id);
  return bandi_store_step_done (self, stmt, "Updating a call", error);
}

static gboolean
set_withdrawn (BandiStore  *self,
               gint64       id,
               gboolean     withdrawn,
               gint64       now,
               GError     **error)
{
  static const char sql[] = "UPDATE calls SET withdrawn = ?2, last_changed = ?3 WHERE id = ?1";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, withdrawn ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, now);
  return bandi_store_step_done (self, stmt, "Marking a call withdrawn", error);
}

/* A deadline as the history records it: the stored value, then the zone. */
static char *
history_value (const char *value,
               const char *zone)
{
  if (zone == NULL || *zone == '\0')
    return g_strdup (value);
  return g_strconcat (value, " ", zone, NULL);
}

static gboolean
insert_deadlines (BandiStore  *self,
                  gint64       call_id,
                  BandiCall   *call,
                  GError     **error)
{
  static const char sql[] =
    "INSERT INTO deadlines (call, stage, label, value, zone, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  GPtrArray *deadlines = bandi_call_get_deadlines (call);

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (deadlines, i);
      g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, call_id);
      sqlite3_bind_int64 (stmt, 2, bandi_deadline_get_stage (d));
      bandi_store_bind_text (stmt, 3, bandi_deadline_get_label (d));
      bandi_store_bind_deadline (stmt, 4, 5, d);
      sqlite3_bind_int64 (stmt, 6, bandi_deadline_to_unix (d));
      if (!bandi_store_step_done (self, stmt, "Saving a deadline", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_history (BandiStore  *self,
                gint64       call_id,
                guint        stage,
                const char  *old_value,
                const char  *new_value,
                gint64       now,
                GError     **error)
{
  static const char sql[] =
    "INSERT INTO deadline_history (call, stage, old_value, new_value, changed_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_int64 (stmt, 2, stage);
  bandi_store_bind_text (stmt, 3, old_value);
  bandi_store_bind_text (stmt, 4, new_value);
  sqlite3_bind_int64 (stmt, 5, now);
  return bandi_store_step_done (self, stmt, "Recording a deadline change", error);
}

typedef struct {
  guint  stage;
  char  *value;   /* history_value() */
} OldDeadline;

static void
old_deadline_clear (OldDeadline *old)
{
  g_free (old->value);
}

/* Replaces the deadlines of a changed call, recording in the history each
 * stage whose date, time or zone changed, appeared or disappeared. */
static gboolean
replace_deadlines (BandiStore  *self,
                   gint64       call_id,
                   BandiCall   *call,
                   gint64       now,
                   guint       *n_moved,
                   GError     **error)
{
  static const char select_sql[] = "SELECT stage, value, zone FROM deadlines WHERE call = ?1";
  static const char delete_sql[] = "DELETE FROM deadlines WHERE call = ?1";
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (OldDeadline));
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  int rc;

  g_array_set_clear_func (old, (GDestroyNotify) old_deadline_clear);

  {
    g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, select_sql, error);

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int64 (stmt, 1, call_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        OldDeadline o = {
          .stage = sqlite3_column_int (stmt, 0),
          .value = history_value (bandi_store_column_text (stmt, 1),
                                  bandi_store_column_text (stmt, 2)),
        };
        g_array_append_val (old, o);
      }
    if (rc != SQLITE_DONE)
      return bandi_store_fail (self, rc, "Reading deadlines", error);
  }

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (deadlines, i);
      guint stage = bandi_deadline_get_stage (d);
      g_autofree char *value = bandi_deadline_to_storage (d);
      g_autofree char *new_value = history_value (value, bandi_deadline_get_zone (d));
      const char *old_value = NULL;

      for (guint j = 0; j < old->len; j++)
        {
          OldDeadline *o = &g_array_index (old, OldDeadline, j);

          if (o->stage == stage)
            {
              old_value = o->value;
              o->stage = G_MAXUINT;  /* matched */
              break;
            }
        }

      if (g_strcmp0 (old_value, new_value) != 0)
        {
          if (!record_history (self, call_id, stage, old_value, new_value, now, error))
            return FALSE;
          (*n_moved)++;
        }
    }

  for (guint j = 0; j < old->len; j++)
    {
      OldDeadline *o = &g_array_index (old, OldDeadline, j);

      if (o->stage == G_MAXUINT)
        continue;
      if (!record_history (self, call_id, o->stage, o->value, NULL, now, error))
        return FALSE;
      (*n_moved)++;
    }

  {
    g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, delete_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, call_id);
    if (!bandi_store_step_done (self, stmt, "Replacing deadlines", error))
      return FALSE;
  }

  return insert_deadlines (self, call_id, call, error);
}

typedef struct {
  gint64    id;
  char     *fingerprint;
  gboolean  withdrawn;
  gboolean  seen;
} KnownCall;

static void
known_call_free (KnownCall *known)
{
  g_free (known->fingerprint);
  g_free (known);
}

/* external id → KnownCall, for every stored call of @source_id */
static GHashTable *
load_known (BandiStore  *self,
            const char  *source_id,
            GError     **error)
{
  static const char sql[] =
    "SELECT id, external_id, fingerprint, withdrawn FROM calls WHERE source = ?1";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);
  g_autoptr(GHashTable) known = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) known_call_free);
  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KnownCall *k = g_new0 (KnownCall, 1);

      k->id = sqlite3_column_int64 (stmt, 0);
      k->fingerprint = g_strdup (bandi_store_column_text (stmt, 2));
      k->withdrawn = sqlite3_column_int (stmt, 3) != 0;
      g_hash_table_insert (known, g_strdup (bandi_store_column_text (stmt, 1)), k);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading stored calls", error);
      return NULL;
    }

  return g_steal_pointer (&known);
}

/* The calls of @known not withdrawn */
static guint
count_stored (GHashTable *known)
{
  GHashTableIter iter;
  KnownCall *k;
  guint n = 0;

  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &k))
    n += k->withdrawn ? 0 : 1;

  return n;
}

/* One merge in progress. Rows are written as they come, except rewrites
 * of stored calls, which wait until the search index has forgotten their
 * old text (bandi-store.c says why the index is kept in batches). */
typedef struct {
  BandiStore      *store;
  const char      *source_id;
  gint64           now;
  GHashTable      *known;       /* external id → KnownCall */
  gint64           max_id;      /* calls above it are new in this merge */
  GPtrArray       *rewrites;    /* of Rewrite, in order */
  GString         *reindex;     /* JSON array of the stored ids rewritten */
  BandiMergeStats  stats;
} Merge;

typedef struct {
  gint64      id;
  BandiCall  *call;             /* the caller's */
  char       *fingerprint;
} Rewrite;

static void
rewrite_free (Rewrite *rewrite)
{
  g_free (rewrite->fingerprint);
  g_free (rewrite);
}

static gboolean
read_max_id (BandiStore  *self,
             gint64      *out_max,
             GError     **error)
{
  static const char sql[] = "SELECT coalesce (max (id), 0) FROM calls";
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bandi_store_fail (self, rc, "Reading stored calls", error);

  *out_max = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
merge_one (Merge      *m,
           BandiCall  *call,
           GError    **error)
{
  const char *external_id = bandi_call_get_external_id (call);
  g_autofree char *fingerprint = NULL;
  KnownCall *k;

  if (external_id == NULL || *external_id == '\0')
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                   _("A call from “%s” has no identifier (title “%s”)"),
                   m->source_id, bandi_call_get_title (call) ? bandi_call_get_title (call) : "");
      return FALSE;
    }

  fingerprint = bandi_call_dup_fingerprint (call);
  k = g_hash_table_lookup (m->known, external_id);

  if (k == NULL)
    {
      k = g_new0 (KnownCall, 1);
      if (!insert_call (m->store, m->source_id, call, fingerprint, m->now, &k->id, error) ||
          !insert_deadlines (m->store, k->id, call, error))
        {
          g_free (k);
          return FALSE;
        }
      k->fingerprint = g_steal_pointer (&fingerprint);
      k->seen = TRUE;
      g_hash_table_insert (m->known, g_strdup (external_id), k);
      m->stats.n_new++;
    }
  else if (g_strcmp0 (k->fingerprint, fingerprint) == 0)
    {
      if (k->withdrawn)
        {
          if (!set_withdrawn (m->store, k->id, FALSE, m->now, error))
            return FALSE;
          k->withdrawn = FALSE;
          m->stats.n_changed++;
        }
      else if (!k->seen)
        {
          m->stats.n_unchanged++;
        }
      k->seen = TRUE;
    }
  else
    {
      Rewrite *rewrite = g_new0 (Rewrite, 1);

      rewrite->id = k->id;
      rewrite->call = call;
      rewrite->fingerprint = g_strdup (fingerprint);
      g_ptr_array_add (m->rewrites, rewrite);

      /* A row added by this merge is not indexed yet. */
      if (k->id <= m->max_id)
        g_string_append_printf (m->reindex, "%s%" G_GINT64_FORMAT,
                                m->reindex->len > 1 ? "," : "", k->id);

      g_free (k->fingerprint);
      k->fingerprint = g_steal_pointer (&fingerprint);
      k->withdrawn = FALSE;
      k->seen = TRUE;
      m->stats.n_changed++;
    }

  return TRUE;
}

/* Runs @sql with ?1 the highest id before the merge and ?2 the JSON array
 * of the stored ids rewritten. */
static gboolean
run_index_statement (Merge       *m,
                     const char  *sql,
                     GError     **error)
{
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (m->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, m->max_id);
  sqlite3_bind_text (stmt, 2, m->reindex->str, m->reindex->len, SQLITE_STATIC);
  return bandi_store_step_done (m->store, stmt, "Updating the search index", error);
}

static gboolean
apply_rewrites (Merge   *m,
                GError **error)
{
  static const char forget_sql[] =
    "INSERT INTO calls_fts (calls_fts, rowid, external_id, call_id, title, keywords, description)"
    " SELECT 'delete', id, external_id, call_id, title, keywords, description FROM calls"
    " WHERE id IN (SELECT value FROM json_each (?2))";
  static const char index_sql[] =
    "INSERT INTO calls_fts (rowid, external_id, call_id, title, keywords, description)"
    " SELECT id, external_id, call_id, title, keywords, description FROM calls"
    " WHERE id > ?1 OR id IN (SELECT value FROM json_each (?2))";

  g_string_append_c (m->reindex, ']');

  if (m->reindex->len > 2 && !run_index_statement (m, forget_sql, error))
    return FALSE;

  for (guint i = 0; i < m->rewrites->len; i++)
    {
      Rewrite *r = g_ptr_array_index (m->rewrites, i);

      if (!update_call (m->store, r->id, m->source_id, r->call, r->fingerprint, m->now, error) ||
          !replace_deadlines (m->store, r->id, r->call, m->now, &m->stats.n_deadlines_moved, error))
        return FALSE;
    }

  if ((m->stats.n_new > 0 || m->rewrites->len > 0) && !run_index_statement (m, index_sql, error))
    return FALSE;

  return TRUE;
}

/* The state key of the withdrawal a suspect answer of a source asked
 * for; its value is a checksum of the ids of the calls it would withdraw. */
static char *
held_key (const char *source_id)
{
  return g_strconcat ("held/", source_id, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Whether the answer speaks for the stored call @external_id */
static gboolean
in_scope (const BandiAnswerCheck *check,
          const char             *external_id)
{
  if (check == NULL || check->scope == NULL)
    return TRUE;

  for (guint i = 0; check->scope[i] != NULL; i++)
    if (g_str_has_prefix (external_id, check->scope[i]))
      return TRUE;

  return FALSE;
}

/* The calls stored before that @m's answer no longer lists, sorted: those
 * it speaks for in @missing, the others in @outside */
static void
list_missing (Merge                  *m,
              const BandiAnswerCheck *check,
              GArray                 *missing,
              GArray                 *outside)
{
  GHashTableIter iter;
  const char *external_id;
  KnownCall *k;

  g_hash_table_iter_init (&iter, m->known);
  while (g_hash_table_iter_next (&iter, (gpointer *) &external_id, (gpointer *) &k))
    {
      if (!k->seen && !k->withdrawn)
        g_array_append_val (in_scope (check, external_id) ? missing : outside, k->id);
    }
  g_array_sort (missing, compare_ids);
}

static gboolean
withdraw_ids (Merge   *m,
              GArray  *ids,
              GError **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (!set_withdrawn (m->store, g_array_index (ids, gint64, i), TRUE, m->now, error))
        return FALSE;
      m->stats.n_withdrawn++;
    }

  return TRUE;
}

/* Whether an answer that lists @n_listed calls and would withdraw
 * @n_missing of the @n_stored stored before is too odd to act on at once:
 * an empty answer (unless normal for the source), one that drops more than
 * half of the stored calls, or one whose records could mostly not be read. */
static gboolean
answer_is_suspect (const BandiAnswerCheck *check,
                   guint                   n_listed,
                   guint                   n_missing,
                   guint                   n_stored)
{
  if (n_missing == 0)
    return FALSE;
  if (n_listed == 0)
    return !check->empty_allowed;
  if (check->n_unreadable * 2 > check->n_records)
    return TRUE;
  return n_missing * 2 > n_stored;
}

/* Withdraws the stored calls the answer no longer lists, if it is to be
 * trusted (see bandi_store_merge_answer()). */
static gboolean
withdraw_missing (Merge                  *m,
                  guint                   n_listed,
                  const BandiAnswerCheck *check,
                  GError                **error)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) outside = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *key = held_key (m->source_id);
  g_autofree char *held = NULL;
  g_autofree char *checksum = NULL;

  list_missing (m, check, missing, outside);
  if (!withdraw_ids (m, outside, error))
    return FALSE;
  m->stats.n_stored_before -= outside->len;

  if (check != NULL && check->incomplete)
    {
      m->stats.n_held = missing->len;
      return TRUE;
    }

  if (check != NULL &&
      answer_is_suspect (check, n_listed, missing->len, m->stats.n_stored_before))
    {
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) missing->data,
                                              missing->len * sizeof (gint64));
      held = bandi_store_get_state (m->store, key);
      if (g_strcmp0 (held, checksum) != 0)
        {
          /* The first time: keep them, and remember what was asked. */
          m->stats.suspect = TRUE;
          m->stats.n_held = missing->len;
          return bandi_store_set_state (m->store, key, checksum, error);
        }
      /* The same answer twice in a row: it stands. */
    }

  return withdraw_ids (m, missing, error) &&
         bandi_store_set_state (m->store, key, NULL, error);
}

/* The state key of a source's answer; its value is "VALID_UNTIL ANSWER". */
static char *
answer_key (const char *source_id)
{
  return g_strconcat ("answer/", source_id, NULL);
}

static gboolean
save_answer (BandiStore  *self,
             const char  *source_id,
             const char  *answer,
             gint64       valid_until_unix,
             GError     **error)
{
  g_autofree char *key = answer_key (source_id);
  g_autofree char *value = NULL;

  if (answer != NULL)
    value = g_strdup_printf ("%" G_GINT64_FORMAT " %s", valid_until_unix, answer);

  return bandi_store_set_state (self, key, value, error);
}

char *
bandi_store_dup_answer (BandiStore *self,
                        const char *source_id,
                        gint64      now_unix)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  const char *answer;
  gint64 valid_until;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  key = answer_key (source_id);
  value = bandi_store_get_state (self, key);
  if (value == NULL)
    return NULL;

  valid_until = g_ascii_strtoll (value, (char **) &answer, 10);
  if (*answer != ' ' || now_unix >= valid_until)
    return NULL;

  return g_strdup (answer + 1);
}

/**
 * bandi_store_merge_calls:
 * @calls: (element-type BandiCall): everything @source_id lists now
 * @out_stats: (out) (optional): what changed
 *
 * Merges one source's result in one transaction: new calls are added,
 * changed ones rewritten (each moved deadline recorded in the history),
 * unchanged ones not touched, and stored calls @calls no longer holds are
 * marked withdrawn. Stars, notes, clusters and proposals are never
 * touched. On error nothing changes.
 */
gboolean
bandi_store_merge_calls (BandiStore       *self,
                         const char       *source_id,
                         GPtrArray        *calls,
                         gint64            now_unix,
                         BandiMergeStats  *out_stats,
                         GError          **error)
{
  return bandi_store_merge_answer (self, source_id, calls, NULL, 0, NULL, now_unix, out_stats, error);
}

gboolean
bandi_store_merge_answer (BandiStore       *self,
                          const char       *source_id,
                          GPtrArray        *calls,
                          const char       *answer,
                          gint64            valid_until_unix,
                          const BandiAnswerCheck *check,
                          gint64            now_unix,
                          BandiMergeStats  *out_stats,
                          GError          **error)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) rewrites = NULL;
  g_autoptr(GString) reindex = NULL;
  Merge m = { self, source_id, now_unix, NULL, 0, NULL, NULL, { 0, } };

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL && *source_id != '\0', FALSE);
  g_return_val_if_fail (calls != NULL, FALSE);

  if (strcmp (source_id, BANDI_MANUAL_SOURCE_ID) == 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                   _("Could not save the calls of “%s”: those are the calls added by hand, which no sync may change"),
                   source_id);
      return FALSE;
    }

  if (!bandi_store_begin (self, error))
    return FALSE;

  known = load_known (self, source_id, error);
  if (known == NULL || !read_max_id (self, &m.max_id, error))
    goto fail;

  m.stats.n_stored_before = count_stored (known);
  rewrites = g_ptr_array_new_with_free_func ((GDestroyNotify) rewrite_free);
  reindex = g_string_new ("[");
  m.known = known;
  m.rewrites = rewrites;
  m.reindex = reindex;

  for (guint i = 0; i < calls->len; i++)
    {
      if (!merge_one (&m, g_ptr_array_index (calls, i), error))
        goto fail;
    }

  /* An answer not acted on whole is not one to recognise next time: the
   * next sync reads it again, and may confirm what it asked. */
  if (!apply_rewrites (&m, error) ||
      !withdraw_missing (&m, calls->len, check, error) ||
      !save_answer (self, source_id, m.stats.n_held > 0 ? NULL : answer, valid_until_unix, error) ||
      !bandi_store_commit (self, error))
    goto fail;

  if (out_stats != NULL)
    *out_stats = m.stats;
  return TRUE;

fail:
  bandi_store_rollback (self);
  g_prefix_error (error, _("Could not save the calls of “%s”: "), source_id);
  return FALSE;
}

gboolean
bandi_store_keep_answer (BandiStore       *self,
                         const char       *source_id,
                         const char       *answer,
                         gint64            now_unix,
                         BandiMergeStats  *out_stats,
                         GError          **error)
{
  static const char sql[] = "SELECT count(*) FROM calls WHERE source = ?1 AND NOT withdrawn";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autofree char *stored = NULL;
  BandiMergeStats stats = { 0, };
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  stored = bandi_store_dup_answer (self, source_id, now_unix);
  if (g_strcmp0 (stored, answer) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not keep the calls of “%s”: they changed since the last sync"),
                   source_id);
      return FALSE;
    }

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bandi_store_fail (self, rc, "Counting the calls of a source", error);
  stats.n_unchanged = sqlite3_column_int (stmt, 0);

  if (out_stats != NULL)
    *out_stats = stats;
  return TRUE;
}

/* One call written as a merge writes it (row, deadlines and their history,
 * search index), without withdrawing the source's others: for the calls
 * added by hand (bandi-store-manual.c). Inside the caller's transaction.
 * *@out_id gets the call's row id. */
gboolean
bandi_store_merge_one_call (BandiStore  *self,
                            const char  *source_id,
                            BandiCall   *call,
                            gint64       now_unix,
                            gint64      *out_id,
                            GError     **error)
{
  g_autoptr(GHashTable) known = load_known (self, source_id, error);
  g_autoptr(GPtrArray) rewrites = g_ptr_array_new_with_free_func ((GDestroyNotify) rewrite_free);
  g_autoptr(GString) reindex = g_string_new ("[");
  Merge m = { self, source_id, now_unix, known, 0, rewrites, reindex, { 0, } };
  KnownCall *k;

  if (known == NULL || !read_max_id (self, &m.max_id, error) ||
      !merge_one (&m, call, error) || !apply_rewrites (&m, error))
    return FALSE;

  k = g_hash_table_lookup (known, bandi_call_get_external_id (call));
  *out_id = k->id;
  return TRUE;
}
