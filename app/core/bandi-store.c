/* bandi-store.c — opening the database, its schema, state and source status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "bandi-store-private.h"

G_DEFINE_QUARK (bandi-store-error-quark, bandi_store_error)

G_DEFINE_FINAL_TYPE (BandiStore, bandi_store, G_TYPE_OBJECT)

/* Version 1 of the schema. Calls belong to their source and are rewritten
 * by syncs; everything the user owns (user_calls, clusters, proposals,
 * milestones) is keyed so that no sync can reach it: stars and notes by
 * the call's natural key, proposals by the call's natural key too. */
static const char schema_v1[] =
  "CREATE TABLE calls ("
  "  id               INTEGER PRIMARY KEY,"
  "  source           TEXT NOT NULL,"
  "  external_id      TEXT NOT NULL,"
  "  call_id          TEXT,"
  "  call_title       TEXT,"
  "  title            TEXT,"
  "  programme        TEXT,"
  "  programme_part   TEXT,"
  "  action_type      TEXT,"
  "  deadline_model   TEXT,"
  "  status           TEXT NOT NULL DEFAULT 'unknown',"
  "  opening          TEXT,"
  "  opening_zone     TEXT,"
  "  budget           REAL,"
  "  expected_grants  INTEGER,"
  "  min_contribution REAL,"
  "  max_contribution REAL,"
  "  url              TEXT,"
  "  keywords         TEXT,"
  "  description      TEXT,"
  "  fingerprint      TEXT NOT NULL,"
  "  first_seen       INTEGER NOT NULL,"
  "  last_changed     INTEGER NOT NULL,"
  "  withdrawn        INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (source, external_id)"
  ");"
  /* value: wall clock (or date) as bandi_deadline_to_storage(); zone NULL
   * for date-only; at: the instant, for ordering and filtering only. */
  "CREATE TABLE deadlines ("
  "  call  INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  stage INTEGER NOT NULL,"
  "  label TEXT,"
  "  value TEXT NOT NULL,"
  "  zone  TEXT,"
  "  at    INTEGER NOT NULL,"
  "  PRIMARY KEY (call, stage)"
  ") WITHOUT ROWID;"
  "CREATE TABLE deadline_history ("
  "  id         INTEGER PRIMARY KEY,"
  "  call       INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  stage      INTEGER NOT NULL,"
  "  old_value  TEXT,"
  "  new_value  TEXT,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX deadline_history_call ON deadline_history (call, stage);"
  "CREATE TABLE user_calls ("
  "  source      TEXT NOT NULL,"
  "  external_id TEXT NOT NULL,"
  "  starred     INTEGER NOT NULL DEFAULT 0,"
  "  note        TEXT,"
  "  PRIMARY KEY (source, external_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE clusters ("
  "  id            INTEGER PRIMARY KEY,"
  "  acronym       TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  name          TEXT,"
  "  ecosystem     TEXT,"
  "  areas         TEXT,"
  "  keywords      TEXT,"
  "  website       TEXT,"
  "  members       INTEGER NOT NULL DEFAULT 0,"
  "  horizon_parts TEXT"
  ");"
  "CREATE TABLE proposals ("
  "  id                    INTEGER PRIMARY KEY,"
  "  cluster               INTEGER REFERENCES clusters (id) ON DELETE SET NULL,"
  "  call_source           TEXT,"
  "  call_external_id      TEXT,"
  "  manual_call           TEXT,"
  "  manual_deadline       TEXT,"
  "  manual_deadline_zone  TEXT,"
  "  manual_deadline_label TEXT,"
  "  programme             TEXT,"
  "  acronym               TEXT,"
  "  title                 TEXT,"
  "  role                  TEXT NOT NULL DEFAULT 'coordinator',"
  "  partners              TEXT,"
  "  requested_budget      REAL,"
  "  eu_contribution       REAL,"
  "  status                TEXT NOT NULL DEFAULT 'idea',"
  "  owner                 TEXT,"
  "  notes                 TEXT,"
  "  created               INTEGER NOT NULL,"
  "  updated               INTEGER NOT NULL,"
  "  status_changed        INTEGER NOT NULL"
  ");"
  "CREATE INDEX proposals_cluster ON proposals (cluster);"
  "CREATE TABLE milestones ("
  "  id       INTEGER PRIMARY KEY,"
  "  proposal INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,"
  "  title    TEXT,"
  "  due      TEXT,"
  "  due_zone TEXT,"
  "  done     INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX milestones_proposal ON milestones (proposal, position);"
  "CREATE TABLE source_status ("
  "  source            TEXT PRIMARY KEY,"
  "  last_attempt      INTEGER NOT NULL DEFAULT 0,"
  "  last_success      INTEGER NOT NULL DEFAULT 0,"
  "  last_error        TEXT,"
  "  warnings          TEXT,"
  "  n_new             INTEGER NOT NULL DEFAULT 0,"
  "  n_changed         INTEGER NOT NULL DEFAULT 0,"
  "  n_unchanged       INTEGER NOT NULL DEFAULT 0,"
  "  n_withdrawn       INTEGER NOT NULL DEFAULT 0,"
  "  n_deadlines_moved INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"
  "CREATE TABLE state ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  /* The search index. bandi_store_merge_calls() keeps it in step with
   * calls in two statements per merge, not with per-row triggers: FTS5
   * flushes its pending terms at the end of every statement that writes
   * it, which made a merge of 20,000 calls three times slower. A call is
   * never deleted by Bandi; should one be, the trigger keeps the index. */
  "CREATE VIRTUAL TABLE calls_fts USING fts5 ("
  "  external_id, call_id, title, keywords, description,"
  "  content = 'calls', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN"
  "  INSERT INTO calls_fts (calls_fts, rowid, external_id, call_id, title, keywords, description)"
  "  VALUES ('delete', old.id, old.external_id, old.call_id, old.title, old.keywords, old.description);"
  "END;";

/* Version 2: what a source could not read well in a call ("a time was
 * stated but could not be read"), one per line; the sources' answers are
 * forgotten so that the next sync reads every call again. */
static const char schema_v2[] =
  "ALTER TABLE calls ADD COLUMN warnings TEXT;"
  "DELETE FROM state WHERE key LIKE 'answer/%';";

/* Version 3: web pages the user watches for changes, with the readable
 * text last seen and the lines that came with the last change. */
static const char schema_v3[] =
  "CREATE TABLE watched_pages ("
  "  name          TEXT PRIMARY KEY,"
  "  url           TEXT NOT NULL,"
  "  added_at      INTEGER NOT NULL,"
  "  last_checked  INTEGER NOT NULL DEFAULT 0,"
  "  last_changed  INTEGER NOT NULL DEFAULT 0,"
  "  status        TEXT NOT NULL DEFAULT 'new',"
  "  error         TEXT,"
  "  text          TEXT,"
  "  added         TEXT"
  ");";

/* Version 4, for a team sharing its proposals: each proposal gets a
 * global identity (a random UUID, version 4, given here to those already
 * stored), who changed it last, and the history of its changes. */
#define SQL_UUID4 \
  "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'" \
  " || substr(lower(hex(randomblob(2))), 2) || '-'" \
  " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)" \
  " || '-' || lower(hex(randomblob(6)))"

static const char schema_v4[] =
  "ALTER TABLE proposals ADD COLUMN uid TEXT;"
  "ALTER TABLE proposals ADD COLUMN updated_by TEXT;"
  "UPDATE proposals SET uid = " SQL_UUID4 ";"
  "CREATE UNIQUE INDEX proposals_uid ON proposals (uid);"
  "CREATE TABLE proposal_history ("
  "  id         INTEGER PRIMARY KEY,"
  "  proposal   INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,"
  "  changed_at INTEGER NOT NULL,"
  "  changed_by TEXT,"
  "  field      TEXT NOT NULL,"
  "  old_value  TEXT,"
  "  new_value  TEXT"
  ");"
  "CREATE INDEX proposal_history_proposal ON proposal_history (proposal, id);";

typedef gboolean (*MigrationHook) (BandiStore *self,
                                   GError    **error);

/* Step i takes the schema from version i to i + 1, in one transaction,
 * then runs its hook in the same transaction. A new version is one more
 * entry. One that changes what a stored call holds must also forget the
 * sources' answers ("DELETE FROM state WHERE key LIKE 'answer/%'"), so
 * that the next sync reads every call again. */
static const struct {
  const char    *sql;
  MigrationHook  after;
} migrations[] = {
  { schema_v1, bandi_store_seed_clusters },
  { schema_v2, NULL },
  { schema_v3, NULL },
  { schema_v4, NULL },
};

static void
bandi_store_finalize (GObject *object)
{
  BandiStore *self = BANDI_STORE (object);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (bandi_store_parent_class)->finalize (object);
}

static void
bandi_store_class_init (BandiStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bandi_store_init (BandiStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return BANDI_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return BANDI_STORE_ERROR_FULL;
    case SQLITE_CONSTRAINT:
      return BANDI_STORE_ERROR_CONSTRAINT;
    default:
      return BANDI_STORE_ERROR_FAILED;
    }
}

static gboolean
fail_on (sqlite3     *db,
         const char  *path,
         int          rc,
         const char  *what,
         GError     **error)
{
  int code = error_code_for (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (code == BANDI_STORE_ERROR_CORRUPT)
    g_set_error (error, BANDI_STORE_ERROR, code,
                 _("The database “%s” is damaged or is not a Bandi database (%s); it has been left untouched"),
                 path, detail);
  else if (code == BANDI_STORE_ERROR_FULL)
    g_set_error (error, BANDI_STORE_ERROR, code,
                 _("The disk holding “%s” is full: %s"), path, what);
  else
    g_set_error (error, BANDI_STORE_ERROR, code, "%s: %s", what, detail);

  return FALSE;
}

gboolean
bandi_store_fail (BandiStore  *self,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  return fail_on (self->db, self->path, rc, what, error);
}

BandiCachedStmt *
bandi_store_stmt (BandiStore  *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bandi_store_fail (self, rc, "Preparing a statement", error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

sqlite3_stmt *
bandi_store_prepare (BandiStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      bandi_store_fail (self, rc, "Preparing a statement", error);
      return NULL;
    }

  return stmt;
}

gboolean
bandi_store_step_done (BandiStore    *self,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return bandi_store_fail (self, rc, what, error);

  return TRUE;
}

static gboolean
run_cached (BandiStore  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(BandiCachedStmt) stmt = bandi_store_stmt (self, sql, error);

  return stmt != NULL && bandi_store_step_done (self, stmt, sql, error);
}

gboolean
bandi_store_begin (BandiStore  *self,
                   GError     **error)
{
  static const char sql[] = "BEGIN IMMEDIATE";

  return run_cached (self, sql, error);
}

gboolean
bandi_store_commit (BandiStore  *self,
                    GError     **error)
{
  static const char sql[] = "COMMIT";

  return run_cached (self, sql, error);
}

void
bandi_store_rollback (BandiStore *self)
{
  static const char sql[] = "ROLLBACK";

  /* A failed statement may already have ended the transaction. */
  if (!sqlite3_get_autocommit (self->db))
    run_cached (self, sql, NULL);
}

gint64
bandi_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
bandi_store_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
bandi_store_bind_amount (sqlite3_stmt *stmt,
                         int           index,
                         double        amount)
{
  if (amount < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, amount);
}

const char *
bandi_store_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

double
bandi_store_column_amount (sqlite3_stmt *stmt,
                           int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return sqlite3_column_double (stmt, column);
}

char *
bandi_store_join_strv (const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **) strv);
}

char **
bandi_store_split_strv (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_strsplit (text, "\n", -1);
}

void
bandi_store_bind_deadline (sqlite3_stmt  *stmt,
                           int            value_index,
                           int            zone_index,
                           BandiDeadline *deadline)
{
  if (deadline == NULL)
    {
      sqlite3_bind_null (stmt, value_index);
      sqlite3_bind_null (stmt, zone_index);
      return;
    }

  sqlite3_bind_text (stmt, value_index, bandi_deadline_to_storage (deadline), -1, g_free);
  bandi_store_bind_text (stmt, zone_index, bandi_deadline_get_zone (deadline));
}

/* Returns: (nullable): the deadline, or %NULL when the value is NULL or
 * no longer valid (a zone the system lost): a warning says which. */
BandiDeadline *
bandi_store_column_deadline (sqlite3_stmt *stmt,
                             int           value_column,
                             int           zone_column,
                             guint         stage,
                             const char   *label)
{
  const char *value = bandi_store_column_text (stmt, value_column);
  g_autoptr(GError) error = NULL;
  BandiDeadline *deadline;

  if (value == NULL)
    return NULL;

  deadline = bandi_deadline_new_from_storage (stage, label, value,
                                              bandi_store_column_text (stmt, zone_column),
                                              &error);
  if (deadline == NULL)
    g_warning ("Stored deadline not readable: %s", error->message);

  return deadline;
}

static gboolean
read_user_version (sqlite3     *db,
                   const char  *path,
                   int         *out_version,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail_on (db, path, rc, "Reading the schema version", error);

  *out_version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
refuse_newer (const char  *path,
              int          version,
              GError     **error)
{
  if (version <= (int) G_N_ELEMENTS (migrations))
    return TRUE;

  g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NEWER_SCHEMA,
               _("The database “%s” was written by a newer version of Bandi "
                 "(schema version %d; this version knows up to %d). "
                 "It has been left untouched: update Bandi to open it."),
               path, version, (int) G_N_ELEMENTS (migrations));
  return FALSE;
}

/* Looks at an existing file through a read-only connection, which never
 * writes to the database file (not even a checkpoint on close): refuses a
 * file that is not a database, whose schema cannot be read, or that a
 * newer Bandi wrote, before anything opens it for writing. */
static gboolean
probe_existing (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = 0;
  int n_objects = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      fail_on (db, path, rc, "Opening the database", error);
      goto out;
    }

  if (!read_user_version (db, path, &version, error) ||
      !refuse_newer (path, version, error))
    goto out;

  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fail_on (db, path, rc, "Reading the schema", error);
      goto out;
    }
  n_objects = sqlite3_column_int (stmt, 0);

  /* Version 0 is a new, empty database; with tables it is someone else's. */
  if (version == 0 && n_objects > 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CORRUPT,
                   _("The file “%s” is an SQLite database but not a Bandi one; it has been left untouched"),
                   path);
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static gboolean
exec (BandiStore  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bandi_store_fail (self, rc, sql, error);
  return TRUE;
}

static gboolean
migrate (BandiStore  *self,
         GError     **error)
{
  for (int v = self->schema_version; v < (int) G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!bandi_store_begin (self, error))
        return FALSE;

      if (!exec (self, migrations[v].sql, error) ||
          (migrations[v].after != NULL && !migrations[v].after (self, error)) ||
          !exec (self, set_version, error) ||
          !bandi_store_commit (self, error))
        {
          bandi_store_rollback (self);
          g_prefix_error (error, _("Could not update the database “%s” to version %d: "),
                          self->path, v + 1);
          return FALSE;
        }

      self->schema_version = v + 1;
      g_debug ("Database %s now at schema version %d", self->path, self->schema_version);
    }

  return TRUE;
}

char *
bandi_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "bandi", "bandi.db", NULL);
}

/**
 * bandi_store_open:
 * @path: the database file; its folder is created if needed
 *
 * Opens (creating or migrating forward) the database. A file that is not
 * a database, is damaged, or was written by a newer Bandi is refused with
 * %BANDI_STORE_ERROR_CORRUPT or %BANDI_STORE_ERROR_NEWER_SCHEMA and left
 * exactly as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
BandiStore *
bandi_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(BandiStore) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !probe_existing (path, error))
    return NULL;

  self = g_object_new (BANDI_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      fail_on (self->db, path, rc, _("Could not open the database"), error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  /* Read again on this connection, still before any write. */
  if (!read_user_version (self->db, path, &self->schema_version, error) ||
      !refuse_newer (path, self->schema_version, error))
    return NULL;

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      /* A merge of a large source leaves tens of MB of WAL behind. */
      !exec (self, "PRAGMA journal_size_limit = 8388608", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
bandi_store_get_path (BandiStore *self)
{
  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  return self->path;
}

int
bandi_store_get_schema_version (BandiStore *self)
{
  g_return_val_if_fail (BANDI_IS_STORE (self), 0);
  return self->schema_version;
}

int
bandi_store_get_current_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Runs PRAGMA integrity_check and checks the search index;
 * %BANDI_STORE_ERROR_CORRUPT with SQLite's complaint when either fails. */
gboolean
bandi_store_check_integrity (BandiStore  *self,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);

  stmt = bandi_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bandi_store_fail (self, rc, "Checking the database", error);

  result = bandi_store_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: %s"), self->path, result);
      return FALSE;
    }

  /* The search index against the calls it indexes */
  rc = sqlite3_exec (self->db, "INSERT INTO calls_fts (calls_fts) VALUES ('integrity-check')",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CORRUPT,
                   _("The search index of “%s” is damaged: %s"), self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}
