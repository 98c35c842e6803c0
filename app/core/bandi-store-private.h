/* bandi-store-private.h — what the parts of the store share
 *
 * The store is split by subject: bandi-store.c (opening, schema, state,
 * source status), bandi-store-calls.c, bandi-store-clusters.c and
 * bandi-store-proposals.c. Not installed, not for other core files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bandi-store.h"

G_BEGIN_DECLS

struct _BandiStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  int         schema_version;
  /* static SQL text (by address) → prepared sqlite3_stmt */
  GHashTable *statements;
};

/* A statement from the cache: reset (not finalized) when it goes out of
 * scope, so that no read stays open between calls. */
typedef sqlite3_stmt BandiCachedStmt;

static inline void
bandi_cached_stmt_reset (BandiCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiCachedStmt, bandi_cached_stmt_reset)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* @sql must be a string with static storage: its address is the key. */
BandiCachedStmt *bandi_store_stmt           (BandiStore    *self,
                                             const char    *sql,
                                             GError       **error);
sqlite3_stmt    *bandi_store_prepare        (BandiStore    *self,
                                             const char    *sql,
                                             GError       **error);
/* Sets @error from SQLite's last error on the connection (or @rc) and
 * returns FALSE. @what says what was being done. */
gboolean         bandi_store_fail           (BandiStore    *self,
                                             int            rc,
                                             const char    *what,
                                             GError       **error);
/* Steps a statement that returns no rows. */
gboolean         bandi_store_step_done      (BandiStore    *self,
                                             sqlite3_stmt  *stmt,
                                             const char    *what,
                                             GError       **error);

gboolean         bandi_store_begin          (BandiStore    *self,
                                             GError       **error);
gboolean         bandi_store_commit         (BandiStore    *self,
                                             GError       **error);
void             bandi_store_rollback       (BandiStore    *self);

gint64           bandi_store_now            (void);

/* Column helpers: NULL and "" are stored as NULL, negative amounts
 * ("not given") as NULL, and read back as -1. */
void             bandi_store_bind_text      (sqlite3_stmt  *stmt,
                                             int            index,
                                             const char    *text);
void             bandi_store_bind_amount    (sqlite3_stmt  *stmt,
                                             int            index,
                                             double         amount);
const char      *bandi_store_column_text    (sqlite3_stmt  *stmt,
                                             int            column);
double           bandi_store_column_amount  (sqlite3_stmt  *stmt,
                                             int            column);
/* String lists are stored newline-joined. */
char            *bandi_store_join_strv      (const char * const *strv);
char           **bandi_store_split_strv     (const char    *text);

/* A deadline in two columns: bandi_deadline_to_storage() and the zone
 * (NULL when date-only). */
void             bandi_store_bind_deadline  (sqlite3_stmt  *stmt,
                                             int            value_index,
                                             int            zone_index,
                                             BandiDeadline *deadline);
BandiDeadline   *bandi_store_column_deadline (sqlite3_stmt *stmt,
                                              int           value_column,
                                              int           zone_column,
                                              guint         stage,
                                              const char   *label);

/* bandi-store-merge.c: one call written as a merge would, in the
 * caller's transaction, the source's other calls left as they are. */
gboolean         bandi_store_merge_one_call (BandiStore    *self,
                                             const char    *source_id,
                                             BandiCall     *call,
                                             gint64         now_unix,
                                             gint64        *out_id,
                                             GError       **error);

/* bandi-store-manual.c: the status of a call added by hand, from its
 * dates at @now_unix (no source says it). */
void             bandi_store_manual_status  (BandiCall     *call,
                                             gint64         now_unix);

/* A proposal's history (bandi-store-history.c) */
gboolean         bandi_store_add_history    (BandiStore    *self,
                                             gint64         proposal_id,
                                             gint64         changed_at,
                                             const char    *changed_by,
                                             const char    *field,
                                             const char    *old_value,
                                             const char    *new_value,
                                             GError       **error);
gboolean         bandi_store_record_changes (BandiStore    *self,
                                             BandiProposal *before,
                                             BandiProposal *after,
                                             gint64         now,
                                             GError       **error);

/* Parts of the schema's first version that live with their subject. */
gboolean         bandi_store_seed_clusters  (BandiStore    *self,
                                             GError       **error);

G_END_DECLS
