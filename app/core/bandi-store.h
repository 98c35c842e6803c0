/* bandi-store.h — the SQLite store of calls, clusters and proposals
 *
 * One database, $XDG_DATA_HOME/bandi/bandi.db: WAL, foreign keys on,
 * schema versioned with PRAGMA user_version and migrated forward. A
 * database that is corrupt or from a newer Bandi is refused and left
 * untouched. Everything here runs on the thread that opened the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call.h"
#include "bandi-cluster.h"
#include "bandi-proposal.h"

G_BEGIN_DECLS

#define BANDI_STORE_ERROR (bandi_store_error_quark ())

typedef enum {
  BANDI_STORE_ERROR_FAILED,
  BANDI_STORE_ERROR_CORRUPT,       /* not a database, or integrity lost */
  BANDI_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Bandi */
  BANDI_STORE_ERROR_NOT_FOUND,
  BANDI_STORE_ERROR_FULL,          /* disk full */
  BANDI_STORE_ERROR_CONSTRAINT,    /* e.g. a duplicate cluster acronym */
} BandiStoreError;

GQuark bandi_store_error_quark (void);

/* What one merge changed. */
typedef struct {
  guint n_new;
  guint n_changed;
  guint n_unchanged;
  guint n_withdrawn;
  guint n_deadlines_moved;
  /* Stored calls the answer no longer lists but that were kept, because
   * the answer is incomplete or suspect (see BandiAnswerCheck). */
  guint n_held;
  /* The answer would have withdrawn most of the stored calls, or most of
   * its records could not be read: nothing was withdrawn; a second answer
   * that would withdraw the same calls will. */
  gboolean suspect;
  /* The calls stored and not withdrawn before this merge, of those the
   * answer speaks for (BandiAnswerCheck.scope) */
  guint n_stored_before;
} BandiMergeStats;

/* What the host knows of an answer's worth (see bandi-source.h,
 * bandi_source_set_incomplete()). Zero-initialise. */
typedef struct {
  gboolean incomplete;     /* known partial: withdraw nothing */
  gboolean empty_allowed;  /* listing nothing is normal for the source */
  guint    n_records;      /* records the answer held (0: not counted) */
  guint    n_unreadable;   /* of them, those that could not be read */
  /* NULL: the answer speaks for every stored call of the source; else only
   * for those whose external id starts with one of these (the others are
   * withdrawn without question) */
  const char * const *scope;
} BandiAnswerCheck;

/* Per-source state kept by the store. Times are Unix seconds, 0 = never. */
typedef struct {
  char   *source_id;
  gint64  last_attempt;
  gint64  last_success;
  char   *last_error;   /* NULL when the last attempt succeeded */
  char  **warnings;     /* of the last attempt */
  BandiMergeStats stats;
} BandiSourceStatus;

void bandi_source_status_free (BandiSourceStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiSourceStatus, bandi_source_status_free)

/* One recorded change of a deadline (history for "deadline moved"). Values
 * are bandi_deadline_to_storage() strings with " zone" appended when timed;
 * NULL when the stage appeared or disappeared. */
typedef struct {
  gint64  call_id;
  guint   stage;
  char   *old_value;
  char   *new_value;
  gint64  changed_at;
} BandiDeadlineChange;

void bandi_deadline_change_free (BandiDeadlineChange *change);

/* One recorded change of a proposal's field (see
 * bandi_proposal_field_names()): by whom (NULL when unknown), when
 * (Unix seconds), the values as text (NULL when not set). */
typedef struct {
  gint64  proposal_id;
  gint64  changed_at;
  char   *changed_by;
  char   *field;
  char   *old_value;
  char   *new_value;
} BandiProposalChange;

void bandi_proposal_change_free (BandiProposalChange *change);

/* A filter for calls. Zero-initialise, then set what you need. */
typedef struct {
  const char *source_id;       /* NULL: any */
  const char *cluster_acronym; /* NULL: any; else calls relevant to it (bandi-relevance) */
  gboolean    filter_status;
  BandiCallStatus status;
  gboolean    starred_only;
  gboolean    include_withdrawn;
  const char *search;          /* FTS5 query over identifiers, titles, keywords, description */
  gint64      deadline_after;  /* 0: no bound; Unix seconds on next deadline */
  gint64      deadline_before; /* 0: no bound */
} BandiCallQuery;

#define BANDI_TYPE_STORE (bandi_store_get_type ())
G_DECLARE_FINAL_TYPE (BandiStore, bandi_store, BANDI, STORE, GObject)

/* Opening */
char          *bandi_store_default_path        (void);
BandiStore    *bandi_store_open                (const char       *path,
                                                GError          **error);
const char    *bandi_store_get_path            (BandiStore       *self);
int            bandi_store_get_schema_version  (BandiStore       *self);
int            bandi_store_get_current_schema_version (void);
gboolean       bandi_store_check_integrity     (BandiStore       *self,
                                                GError          **error);

/* Calls */
gboolean       bandi_store_merge_calls         (BandiStore       *self,
                                                const char       *source_id,
                                                GPtrArray        *calls,
                                                gint64            now_unix,
                                                BandiMergeStats  *out_stats,
                                                GError          **error);
/* The same, recording the source's answer (see bandi_source_set_answer())
 * in the same transaction; a NULL @answer forgets the previous one, as
 * bandi_store_merge_calls() does. With @check, the stored calls the answer
 * no longer lists are withdrawn only if the answer is complete and not
 * suspect (see BandiMergeStats); NULL trusts the answer whole. */
gboolean       bandi_store_merge_answer        (BandiStore       *self,
                                                const char       *source_id,
                                                GPtrArray        *calls,
                                                const char       *answer,
                                                gint64            valid_until_unix,
                                                const BandiAnswerCheck *check,
                                                gint64            now_unix,
                                                BandiMergeStats  *out_stats,
                                                GError          **error);
/* The answer the stored calls of @source_id came from, while it is valid
 * at @now_unix; else NULL. */
char          *bandi_store_dup_answer          (BandiStore       *self,
                                                const char       *source_id,
                                                gint64            now_unix);
/* The source read @answer again: its stored calls stand as they are, all
 * counted unchanged. Fails, changing nothing, if @answer is not the one
 * the store holds (or no longer valid at @now_unix). */
gboolean       bandi_store_keep_answer         (BandiStore       *self,
                                                const char       *source_id,
                                                const char       *answer,
                                                gint64            now_unix,
                                                BandiMergeStats  *out_stats,
                                                GError          **error);
GListModel    *bandi_store_list_calls          (BandiStore       *self,
                                                const BandiCallQuery *query,
                                                GError          **error);
BandiCall     *bandi_store_get_call            (BandiStore       *self,
                                                gint64            call_id,
                                                GError          **error);
BandiCall     *bandi_store_find_call           (BandiStore       *self,
                                                const char       *source_id,
                                                const char       *external_id,
                                                GError          **error);
/* Row ids of the calls matching an FTS5 query, for search-as-you-type over
 * a model already loaded. Free with g_hash_table_unref(). Keys are
 * GINT_TO_POINTER-free gint64 pointers (g_int64_hash). */
GHashTable    *bandi_store_search_call_ids     (BandiStore       *self,
                                                const char       *text,
                                                GError          **error);
GPtrArray     *bandi_store_list_deadline_changes (BandiStore     *self,
                                                  gint64          call_id,
                                                  GError        **error);
guint          bandi_store_count_deadline_changes (BandiStore    *self,
                                                   gint64         call_id,
                                                   guint          stage);

/* What the user owns: never touched by a sync */
gboolean       bandi_store_set_starred         (BandiStore       *self,
                                                BandiCall        *call,
                                                gboolean          starred,
                                                GError          **error);
gboolean       bandi_store_set_note            (BandiStore       *self,
                                                BandiCall        *call,
                                                const char       *note,
                                                GError          **error);

/* Calls added by hand, for funders no source reads. Their source is
 * BANDI_MANUAL_SOURCE_ID, which no sync may merge: they are the user's,
 * kept until the user deletes them. Adding sets the call's id, source and
 * a new external id ("m-" and 8 hex digits); the call needs a title, and
 * its deadlines are numbered 1, 2, … in their order. Updating rewrites
 * the stored call of the same id (its deadline moves are recorded as a
 * sync's are). Deleting keeps the proposals made for it: each keeps the
 * call's title and next (else last) deadline as its own. */
#define BANDI_MANUAL_SOURCE_ID "manual"

gboolean       bandi_store_add_manual_call     (BandiStore       *self,
                                                BandiCall        *call,
                                                GError          **error);
gboolean       bandi_store_update_manual_call  (BandiStore       *self,
                                                BandiCall        *call,
                                                GError          **error);
gboolean       bandi_store_delete_manual_call  (BandiStore       *self,
                                                gint64            call_id,
                                                GError          **error);

/* Clusters (seeded with the nine CTL on first open) */
GListModel    *bandi_store_list_clusters       (BandiStore       *self,
                                                GError          **error);
BandiCluster  *bandi_store_find_cluster        (BandiStore       *self,
                                                const char       *acronym,
                                                GError          **error);
gboolean       bandi_store_save_cluster        (BandiStore       *self,
                                                BandiCluster     *cluster,
                                                GError          **error);
gboolean       bandi_store_delete_cluster      (BandiStore       *self,
                                                BandiCluster     *cluster,
                                                GError          **error);

/* Proposals, with their milestones */
GListModel    *bandi_store_list_proposals      (BandiStore       *self,
                                                const char       *cluster_acronym,
                                                GError          **error);
BandiProposal *bandi_store_get_proposal        (BandiStore       *self,
                                                gint64            proposal_id,
                                                GError          **error);
gboolean       bandi_store_save_proposal       (BandiStore       *self,
                                                BandiProposal    *proposal,
                                                GError          **error);
gboolean       bandi_store_delete_proposal     (BandiStore       *self,
                                                BandiProposal    *proposal,
                                                GError          **error);
GPtrArray     *bandi_store_list_proposal_history (BandiStore     *self,
                                                  gint64          proposal_id,
                                                  GError        **error);

/* Source status */
gboolean       bandi_store_record_source_result (BandiStore       *self,
                                                 const char       *source_id,
                                                 gint64            when,
                                                 const GError     *error,
                                                 const char * const *warnings,
                                                 const BandiMergeStats *stats,
                                                 GError          **out_error);
BandiSourceStatus *bandi_store_get_source_status (BandiStore      *self,
                                                  const char      *source_id);
GStrv          bandi_store_dup_success_warnings (BandiStore      *self,
                                                 const char      *source_id);

/* Key-value state for features that need a little memory (notices shown,
 * CalDAV ETags): namespaced keys, NULL value deletes. */
char          *bandi_store_get_state           (BandiStore       *self,
                                                const char       *key);
gboolean       bandi_store_set_state           (BandiStore       *self,
                                                const char       *key,
                                                const char       *value,
                                                GError          **error);

/* A web page the user watches: its readable text is compared at each
 * check with the one last seen. @status is "new" (never read), "recorded"
 * (read once), "unchanged", "changed" or "failed" (then @error says why);
 * @added are the lines of text that came with the last change. */
typedef struct {
  char    *name;
  char    *url;
  gint64   added_at;
  gint64   last_checked;  /* 0: never */
  gint64   last_changed;  /* 0: never */
  char    *status;
  char    *error;
  char    *text;          /* NULL before the first visit */
  char   **added;
} BandiWatchedPage;

void bandi_watched_page_free (BandiWatchedPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiWatchedPage, bandi_watched_page_free)

/* Fails with BANDI_STORE_ERROR_CONSTRAINT when @name is taken. */
gboolean   bandi_store_add_watched_page    (BandiStore              *self,
                                            const char              *name,
                                            const char              *url,
                                            gint64                   now,
                                            GError                 **error);
/* Fails with BANDI_STORE_ERROR_NOT_FOUND when no page has @name. */
gboolean   bandi_store_remove_watched_page (BandiStore              *self,
                                            const char              *name,
                                            GError                 **error);
/* (element-type BandiWatchedPage): by name */
GPtrArray *bandi_store_list_watched_pages  (BandiStore              *self,
                                            GError                 **error);
/* Saves what a check found (all but name, url and added_at). */
gboolean   bandi_store_update_watched_page (BandiStore              *self,
                                            const BandiWatchedPage  *page,
                                            GError                 **error);

G_END_DECLS
