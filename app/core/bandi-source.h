/* bandi-source.h — the public API of Bandi's source plugins
 *
 * A source plugin is a shared module in $libdir/bandi/sources-1/ that
 * exports one function, bandi_source_plugin_query(), returning the GType of
 * a BandiSource subclass and the API version it was built against. Use
 * BANDI_DEFINE_SOURCE_PLUGIN() to write it. This header (and the headers it
 * includes) is all of Bandi that a plugin may use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gmodule.h>
#include <libsoup/soup.h>

#include "bandi-call.h"
#include "bandi-deadline.h"
#include "bandi-enums.h"
#include "bandi-http.h"
#include "bandi-json.h"
#include "bandi-text.h"

G_BEGIN_DECLS

#define BANDI_SOURCE_API_VERSION 1
#define BANDI_SOURCE_PLUGIN_SYMBOL "bandi_source_plugin_query"

typedef GType (*BandiSourcePluginQuery) (guint *api_version);

#define BANDI_DEFINE_SOURCE_PLUGIN(type_func)                             \
  G_MODULE_EXPORT GType bandi_source_plugin_query (guint *api_version);   \
  G_MODULE_EXPORT GType                                                   \
  bandi_source_plugin_query (guint *api_version)                          \
  {                                                                       \
    *api_version = BANDI_SOURCE_API_VERSION;                              \
    return type_func ();                                                  \
  }

#define BANDI_SOURCE_ERROR (bandi_source_error_quark ())

typedef enum {
  BANDI_SOURCE_ERROR_FAILED,
  BANDI_SOURCE_ERROR_INVALID_RESPONSE, /* not the format the source expects */
  BANDI_SOURCE_ERROR_NOT_FOUND,        /* the expected content is not there (page structure changed) */
  BANDI_SOURCE_ERROR_CONFIG,           /* a setting is wrong */
} BandiSourceError;

GQuark bandi_source_error_quark (void);

#define BANDI_TYPE_SOURCE (bandi_source_get_type ())
G_DECLARE_DERIVABLE_TYPE (BandiSource, bandi_source, BANDI, SOURCE, GObject)

struct _BandiSourceClass
{
  GObjectClass parent_class;

  /* Fetch every call the source lists now. Runs on the thread-default main
   * context of the caller; must honour @cancellable and report progress with
   * bandi_source_report_progress(). Finishes with a GPtrArray of BandiCall
   * (each with source-id and external-id set) or an error. */
  void       (*fetch_async)  (BandiSource         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  GPtrArray *(*fetch_finish) (BandiSource         *self,
                              GAsyncResult        *result,
                              GError             **error);

  /*< private >*/
  gpointer padding[8];
};

/* For subclasses, in their instance init. */
void          bandi_source_set_info             (BandiSource  *self,
                                                 const char   *id,
                                                 const char   *name,
                                                 const char   *description,
                                                 const char   *icon_name,
                                                 const char   *default_endpoint);
/* Optional: a GSettings schema whose keys the host binds to the
 * same-named properties of the source (e.g. "programmes"). */
void          bandi_source_set_settings_schema  (BandiSource  *self,
                                                 const char   *schema_id);

const char   *bandi_source_get_id               (BandiSource  *self);
const char   *bandi_source_get_name             (BandiSource  *self);
const char   *bandi_source_get_description      (BandiSource  *self);
const char   *bandi_source_get_icon_name        (BandiSource  *self);
const char   *bandi_source_get_default_endpoint (BandiSource  *self);
const char   *bandi_source_get_settings_schema  (BandiSource  *self);

/* The endpoint in use: the user's setting, else the default. Setting NULL
 * or "" returns to the default. */
const char   *bandi_source_get_endpoint         (BandiSource  *self);
void          bandi_source_set_endpoint         (BandiSource  *self,
                                                 const char   *endpoint);
gboolean      bandi_source_get_enabled          (BandiSource  *self);
void          bandi_source_set_enabled          (BandiSource  *self,
                                                 gboolean      enabled);

/* The HTTP session to use. The host sets one shared session; a source left
 * alone gets its own from bandi_http_session_new(). */
SoupSession  *bandi_source_get_session          (BandiSource  *self);
void          bandi_source_set_session          (BandiSource  *self,
                                                 SoupSession  *session);

/* Progress of the fetch in flight: @fraction in [0, 1] or -1 if unknown.
 * Emits BandiSource::progress. */
void          bandi_source_report_progress      (BandiSource  *self,
                                                 double        fraction,
                                                 const char   *message);
/* A problem that did not stop the fetch (a record skipped, a page that
 * could not be read). Warnings are reset at the start of each fetch. */
void          bandi_source_add_warning          (BandiSource  *self,
                                                 const char   *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
GStrv         bandi_source_dup_warnings         (BandiSource  *self);

/* Bounds of one fetch, so that no answer can keep a sync going forever.
 * A source states, in its instance init, the most pages it asks for and
 * the most calls it returns in one fetch: limits that no real answer
 * approaches (say why where you set them). Call
 * bandi_source_count_page() before asking for each page: past the bound
 * it fails with a clear error, which the fetch returns. A fetch that gives
 * more calls than its bound fails in bandi_source_fetch_finish(). 0 leaves
 * a bound at its default (BANDI_SOURCE_DEFAULT_MAX_PAGES, _MAX_CALLS). */
#define BANDI_SOURCE_DEFAULT_MAX_PAGES 1000
#define BANDI_SOURCE_DEFAULT_MAX_CALLS 50000

void          bandi_source_set_limits           (BandiSource  *self,
                                                 guint         max_pages,
                                                 guint         max_calls);
gboolean      bandi_source_count_page           (BandiSource  *self,
                                                 GError      **error);
/* Whether @n_calls is within the bound, for a source that learns early how
 * many calls it will return (before reading a page for each, say). */
gboolean      bandi_source_check_n_calls        (BandiSource  *self,
                                                 guint         n_calls,
                                                 GError      **error);

/* What an answer is worth. The host withdraws the stored calls an answer
 * no longer lists only when the answer is complete and plausible:
 *
 * - bandi_source_set_incomplete(): the answer is known to be partial
 *   (fewer results than it announces, a page repeated or missing): its
 *   calls are stored, none is withdrawn, and the reason is a warning;
 * - bandi_source_count_records(): the records an answer held and how many
 *   of them could not be read; when those are most of the answer, it is
 *   suspect;
 * - an answer that would withdraw most of the stored calls (an empty one,
 *   or more than half of them) is suspect too, unless the source declared
 *   with bandi_source_set_empty_allowed() that listing nothing is normal
 *   for it and the answer is empty.
 *
 * A suspect answer withdraws nothing and the sync reports it; only a second
 * answer that would withdraw the same calls withdraws them. All are reset
 * at the start of each fetch, but for the "empty allowed" declaration. */
void          bandi_source_set_incomplete       (BandiSource  *self,
                                                 const char   *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
void          bandi_source_count_records        (BandiSource  *self,
                                                 guint         n_records,
                                                 guint         n_unreadable);
void          bandi_source_set_empty_allowed    (BandiSource  *self,
                                                 gboolean      allowed);
/* The stored calls an answer speaks for: those whose external id starts
 * with one of @prefixes (NULL, the default: all of them). A stored call
 * outside it is withdrawn without question — the calls of a programme the
 * user stopped following, say — and the checks above weigh only the calls
 * inside it. Reset at the start of each fetch. */
void          bandi_source_set_answer_scope     (BandiSource        *self,
                                                 const char * const *prefixes);
/* A page the source could not read as it expected (its structure changed):
 * the host watches it for changes instead, so that the user still learns
 * when something changes there. Reset at the start of each fetch. */
void          bandi_source_add_page_to_watch    (BandiSource  *self,
                                                 const char   *name,
                                                 const char   *url);
/* The pages of the last fetch: name, address, name, address, … */
GStrv         bandi_source_dup_pages_to_watch   (BandiSource  *self);

/* Recognising an answer read before. A source may describe what it read
 * (e.g. checksums of the pages, with its parser's version) in an "answer"
 * string, with the time until which that same answer stands for the same
 * calls (a status that follows from the dates changes when a date passes).
 * The host stores it with the calls, in the same transaction. At the next
 * fetch, bandi_source_get_previous_answer() gives it back while it is valid
 * and the store still holds those calls unchanged (else NULL). A source
 * that finds it read that same answer again calls
 * bandi_source_keep_previous_calls() and finishes with an empty array: the
 * host keeps the stored calls, and the warnings of that answer, as they
 * are. Both are reset at the start of each fetch. */
const char   *bandi_source_get_previous_answer  (BandiSource  *self);
void          bandi_source_set_answer           (BandiSource  *self,
                                                 const char   *answer,
                                                 gint64        valid_until_unix);
void          bandi_source_keep_previous_calls  (BandiSource  *self);

void          bandi_source_fetch_async          (BandiSource         *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray    *bandi_source_fetch_finish         (BandiSource         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
