/* source-test-util.h — what the tests of the source plugins, of the sync
 * and of the store all do the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bandi-source.h"
#include "bandi-store.h"
#include "bandi-sync.h"

G_BEGIN_DECLS

/* Loads the plugin module at @path as the host does (lazily, locally,
 * then resident) and returns the source type its query function gives,
 * after checking the API version and that the type is a BandiSource. */
GType        source_test_load_module (const char      *path);

/* Fetches from @source, iterating the default main context until it is
 * done. Returns the calls, or NULL with @error set: exactly one of the
 * two (asserted). */
GPtrArray   *source_test_fetch       (BandiSource     *source,
                                      GCancellable    *cancellable,
                                      GError         **error);

/* Aborts @session and drops it, frees @server with @server_free, then
 * iterates the default main context for 50 ms so that both ends see their
 * connections close. For a fixture's teardown. */
void         source_test_close       (SoupSession     *session,
                                      gpointer         server,
                                      GDestroyNotify   server_free);

/* Runs @sync over @sources (element-type BandiSource) to completion,
 * iterating the default main context; the test fails if the sync is still
 * running after 30 s. */
gboolean     source_test_run_sync    (BandiSync       *sync,
                                      GPtrArray       *sources,
                                      GCancellable    *cancellable,
                                      GError         **error);

/* Syncs @source alone into @store over @session, as the application does,
 * asserting that the sync succeeds or fails as @succeeds says (and ends
 * within 300 s). Returns the source's status as stored. */
BandiSourceStatus *source_test_sync_source (BandiStore   *store,
                                            SoupSession  *session,
                                            BandiSource  *source,
                                            gboolean      succeeds);

/* The calls of @source_id in @store that are not withdrawn */
guint        source_test_count_listed (BandiStore     *store,
                                       const char     *source_id);

/* An asynchronous call's result: pass source_test_wait_done_cb() and a
 * SourceTestWait as its callback and data, then wait until .done. */
typedef struct {
  gboolean      done;
  GAsyncResult *result;   /* (owned) */
} SourceTestWait;

void         source_test_wait_done_cb (GObject        *object,
                                       GAsyncResult   *result,
                                       gpointer        wait);

/* Iterates the default main context until *@done or @timeout_ms elapses. */
void         source_test_wait_until  (const gboolean  *done,
                                      guint            timeout_ms);

/* The bytes of the file @name of @dir (a test's fixtures), NUL-terminated;
 * @length, if not NULL, gets their number. The test fails if it cannot be
 * read. */
char        *source_test_read_file   (const char      *dir,
                                      const char      *name,
                                      gsize           *length);

/* Short limits for a test's session: 5 s per step, 20 s per exchange,
 * 10 ms between retries, the body cap and the retries given. */
void         source_test_set_limits  (SoupSession     *session,
                                      gsize            max_body_size,
                                      guint            max_retries);

/* The store at bandi_store_default_path(): in the test's own XDG data
 * dir when g_test_init() was given G_TEST_OPTION_ISOLATE_DIRS. */
BandiStore  *source_test_open_store  (void);

G_END_DECLS
