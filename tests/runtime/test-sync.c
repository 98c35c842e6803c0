/* test-sync.c — syncing sources over HTTP into the store
 *
 * The HTTP test plugin reads JSON from a SoupServer on 127.0.0.1; each
 * failure (timeout, HTTP 500, oversize body, not JSON) must give that
 * source a clear error and keep the calls it listed before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "runtime-test-util.h"

typedef struct {
  RtServer          *server;
  BandiPluginLoader *loader;
  BandiStore        *store;
  SoupSession       *session;
  BandiSync         *sync;
  BandiSource       *http;     /* the HTTP test source */
  BandiSource       *good;     /* the test source that needs no network */
  GPtrArray         *started;  /* ids, in order */
  GPtrArray         *finished; /* ids, in order */
  double             last_progress;
  guint              n_progress;
  char              *last_error;  /* of the last status reported */
  BandiMergeStats    last_stats;
} Fixture;

static void
source_started_cb (BandiSync   *sync,
                   BandiSource *source,
                   Fixture     *f)
{
  g_ptr_array_add (f->started, g_strdup (bandi_source_get_id (source)));
}

static void
source_finished_cb (BandiSync               *sync,
                    BandiSource             *source,
                    const BandiSourceStatus *status,
                    Fixture                 *f)
{
  g_assert_cmpstr (status->source_id, ==, bandi_source_get_id (source));
  g_ptr_array_add (f->finished, g_strdup (bandi_source_get_id (source)));
  g_free (f->last_error);
  f->last_error = g_strdup (status->last_error);
  f->last_stats = status->stats;
}

static void
progress_cb (BandiSync  *sync,
             GParamSpec *pspec,
             Fixture    *f)
{
  double progress = bandi_sync_get_progress (sync);

  /* Progress only goes forward within a run. */
  if (progress > 0.0)
    g_assert_cmpfloat (progress, >=, f->last_progress);
  f->last_progress = progress;
  f->n_progress++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  /* Generous, so that valgrind or a loaded machine never turns an answer
   * into a timeout; test_timeout shortens them for its stalled server. */
  const BandiHttpLimits limits = {
    .io_timeout_s = 30,
    .total_timeout_ms = 60000,
    .max_body_size = 1024 * 1024,
    .max_retries = 1,
    .backoff_ms = 10,
  };

  f->server = rt_server_new ();
  f->loader = bandi_plugin_loader_new ();
  f->store = source_test_open_store ();
  f->session = bandi_http_session_new ();
  bandi_http_session_set_limits (f->session, &limits);
  f->sync = bandi_sync_new (f->store, f->session);
  f->started = g_ptr_array_new_with_free_func (g_free);
  f->finished = g_ptr_array_new_with_free_func (g_free);

  f->http = bandi_plugin_loader_find_source (f->loader, "test-http");
  f->good = bandi_plugin_loader_find_source (f->loader, "test-good");
  g_assert_nonnull (f->http);
  g_assert_nonnull (f->good);
  bandi_source_set_endpoint (f->http, f->server->url);

  g_signal_connect (f->sync, "source-started", G_CALLBACK (source_started_cb), f);
  g_signal_connect (f->sync, "source-finished", G_CALLBACK (source_finished_cb), f);
  g_signal_connect (f->sync, "notify::progress", G_CALLBACK (progress_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->sync);
  soup_session_abort (f->session);
  g_clear_object (&f->session);
  g_clear_pointer (&f->server, rt_server_free);
  g_clear_object (&f->store);
  g_clear_object (&f->loader);
  g_ptr_array_unref (f->started);
  g_ptr_array_unref (f->finished);
  g_free (f->last_error);
}

/* Syncs @first (and @second if not NULL). */
static gboolean
sync_sources (Fixture      *f,
              BandiSource  *first,
              BandiSource  *second,
              GError      **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  g_ptr_array_set_size (f->started, 0);
  g_ptr_array_set_size (f->finished, 0);
  f->last_progress = 0.0;

  g_ptr_array_add (sources, first);
  if (second != NULL)
    g_ptr_array_add (sources, second);

  return source_test_run_sync (f->sync, sources, NULL, error);
}

/* A first sync of calls-1.json: four calls. */
static void
prime (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = NULL;

  f->server->mode = RT_SERVE_FIXTURE;
  f->server->fixture = "calls-1.json";
  g_assert_true (sync_sources (f, f->http, NULL, &error));
  g_assert_no_error (error);

  calls = rt_list_calls (f->store, "test-http");
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 4);
}

static BandiCall *
find_call (Fixture    *f,
           const char *external_id)
{
  g_autoptr(GError) error = NULL;
  BandiCall *call = bandi_store_find_call (f->store, "test-http", external_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (call);
  return call;
}

/* After a failed sync, the calls of the first one are all still there. */
static void
assert_earlier_calls_kept (Fixture *f)
{
  g_autoptr(GListModel) calls = rt_list_calls (f->store, "test-http");
  g_autoptr(BandiCall) first = NULL;
  g_autoptr(BandiSourceStatus) status = bandi_store_get_source_status (f->store, "test-http");
  BandiDeadline *deadline;
  g_autofree char *at = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 4);
  first = find_call (f, "TEST-2031-01");
  g_assert_false (bandi_call_get_withdrawn (first));
  deadline = g_ptr_array_index (bandi_call_get_deadlines (first), 0);
  at = bandi_deadline_format_rfc3339 (deadline);
  g_assert_cmpstr (at, ==, "2031-04-17T17:00:00+02:00");

  /* The earlier success is remembered, with its counts. */
  g_assert_cmpint (status->last_success, >, 0);
  g_assert_cmpuint (status->stats.n_new, ==, 4);
}

static BandiSourceStatus *
http_status (Fixture *f)
{
  BandiSourceStatus *status = bandi_store_get_source_status (f->store, "test-http");

  g_assert_nonnull (status);
  return status;
}

static void
test_ok_then_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;
  g_autoptr(BandiCall) first = NULL;
  g_autoptr(BandiCall) withdrawn = NULL;
  BandiDeadline *d;
  g_autofree char *at = NULL;
  g_autofree char *date = NULL;
  const char *order[] = { "TEST-2031-03", "TEST-2031-01", "TEST-2031-02", "TEST-2031-04" };

  prime (f);

  /* Every source fetched over the one shared session */
  g_assert_true (bandi_source_get_session (f->http) == f->session);
  g_assert_cmpuint (f->started->len, ==, 1);
  g_assert_cmpuint (f->finished->len, ==, 1);
  g_assert_cmpfloat (bandi_sync_get_progress (f->sync), ==, 1.0);
  g_assert_cmpuint (f->n_progress, >=, 2);
  g_assert_false (bandi_sync_get_running (f->sync));

  status = http_status (f);
  g_assert_null (status->last_error);
  g_assert_cmpuint (status->stats.n_new, ==, 4);
  g_assert_cmpuint (status->stats.n_changed, ==, 0);
  g_assert_cmpuint (status->stats.n_withdrawn, ==, 0);
  g_assert_cmpstr (status->warnings ? status->warnings[0] : NULL, ==, NULL);

  /* Next deadline first, calls without one last */
  calls = rt_list_calls (f->store, "test-http");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);

      g_assert_cmpstr (bandi_call_get_external_id (call), ==, order[i]);
    }

  first = find_call (f, "TEST-2031-01");
  g_assert_cmpstr (bandi_call_get_title (first), ==, "Clean hydrogen valleys");
  g_assert_cmpfloat (bandi_call_get_budget (first), ==, 12000000.0);
  g_assert_cmpuint (bandi_call_get_deadlines (first)->len, ==, 2);
  d = g_ptr_array_index (bandi_call_get_deadlines (first), 0);
  at = bandi_deadline_format_rfc3339 (d);
  g_assert_cmpstr (at, ==, "2031-04-17T17:00:00+02:00");
  g_assert_cmpstr (bandi_deadline_get_zone (d), ==, "Europe/Brussels");
  d = g_ptr_array_index (bandi_call_get_deadlines (first), 1);
  g_assert_false (bandi_deadline_has_time (d));
  date = bandi_deadline_format_date (d);
  g_assert_cmpstr (date, ==, "2031-09-17");
  g_clear_object (&first);

  /* The source moves a deadline, drops a call and sends one it cannot read. */
  f->server->fixture = "calls-2.json";
  g_assert_true (sync_sources (f, f->http, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&status, bandi_source_status_free);
  status = http_status (f);
  g_assert_null (status->last_error);
  g_assert_cmpuint (status->stats.n_new, ==, 0);
  g_assert_cmpuint (status->stats.n_changed, ==, 1);
  g_assert_cmpuint (status->stats.n_unchanged, ==, 2);
  g_assert_cmpuint (status->stats.n_withdrawn, ==, 1);
  g_assert_cmpuint (status->stats.n_deadlines_moved, ==, 1);
  g_assert_nonnull (status->warnings);
  g_assert_cmpstr (status->warnings[0], ==, "Skipped a call: a call has no id");
  g_assert_null (status->warnings[1]);

  first = find_call (f, "TEST-2031-01");
  g_clear_pointer (&at, g_free);
  at = bandi_deadline_format_rfc3339 (g_ptr_array_index (bandi_call_get_deadlines (first), 0));
  g_assert_cmpstr (at, ==, "2031-04-24T17:00:00+02:00");
  g_assert_cmpuint (bandi_store_count_deadline_changes (f->store, bandi_call_get_id (first), 1), ==, 1);

  withdrawn = find_call (f, "TEST-2031-03");
  g_assert_true (bandi_call_get_withdrawn (withdrawn));
}

/* The HTTP source stalls while the other finishes: the other's calls are
 * stored (before the stalled one gives up), the stalled one times out. */
static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) good_calls = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;
  BandiHttpLimits limits;

  prime (f);
  f->server->mode = RT_SERVE_STALL;
  /* The server never answers: however slow the machine, only the
   * deadline ends the request. */
  bandi_http_session_get_limits (f->session, &limits);
  limits.io_timeout_s = 1;
  limits.total_timeout_ms = 1500;
  bandi_http_session_set_limits (f->session, &limits);

  g_assert_false (sync_sources (f, f->http, f->good, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not sync HTTP test source: "));

  g_assert_cmpuint (f->finished->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->finished, 0), ==, "test-good");
  g_assert_cmpstr (g_ptr_array_index (f->finished, 1), ==, "test-http");
  good_calls = rt_list_calls (f->store, "test-good");
  g_assert_cmpuint (g_list_model_get_n_items (good_calls), ==, 2);

  status = http_status (f);
  g_assert_nonnull (status->last_error);
  g_assert_true (g_str_has_prefix (status->last_error, "127.0.0.1 did not answer"));
  assert_earlier_calls_kept (f);
}

static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  prime (f);
  f->server->mode = RT_SERVE_ERROR;
  f->server->hits = 0;

  g_assert_false (sync_sources (f, f->http, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  status = http_status (f);
  g_assert_cmpstr (status->last_error, ==, "127.0.0.1 answered HTTP 500 Internal Server Error");
  /* One retry, as the limits say */
  g_assert_cmpuint (f->server->hits, ==, 2);
  assert_earlier_calls_kept (f);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  prime (f);
  f->server->mode = RT_SERVE_HUGE;

  g_assert_false (sync_sources (f, f->http, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  status = http_status (f);
  g_assert_cmpstr (status->last_error, ==, "The answer from 127.0.0.1 is larger than 1 MB");
  assert_earlier_calls_kept (f);
}

static void
test_not_json (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  prime (f);
  f->server->mode = RT_SERVE_HTML;

  g_assert_false (sync_sources (f, f->http, NULL, &error));
  status = http_status (f);
  g_assert_nonnull (status->last_error);
  g_assert_true (g_str_has_prefix (status->last_error, "Not a list of test calls (HTTP 200, text/html"));
  assert_earlier_calls_kept (f);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A cancelled sync records nothing against the source. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  prime (f);
  f->server->mode = RT_SERVE_STALL;
  g_ptr_array_set_size (f->finished, 0);

  g_ptr_array_add (sources, f->http);
  g_timeout_add (100, cancel_cb, cancellable);
  g_assert_false (source_test_run_sync (f->sync, sources, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->finished->len, ==, 0);

  status = http_status (f);
  g_assert_null (status->last_error);
  assert_earlier_calls_kept (f);
}

static void
first_run_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bandi_sync_run_finish (BANDI_SYNC (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_already_running (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean first_done = FALSE;
  SourceTestWait second = { FALSE, NULL };

  g_ptr_array_add (sources, f->good);
  bandi_sync_run_async (f->sync, sources, NULL, first_run_cb, &first_done);
  g_assert_true (bandi_sync_get_running (f->sync));

  /* The second run is refused at once; the first goes on. */
  bandi_sync_run_async (f->sync, sources, NULL, source_test_wait_done_cb, &second);
  source_test_wait_until (&second.done, 10000);
  g_assert_true (second.done);
  g_assert_false (bandi_sync_run_finish (f->sync, second.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_object_unref (second.result);

  source_test_wait_until (&first_done, 10000);
  g_assert_true (first_done);
  g_assert_false (bandi_sync_get_running (f->sync));
}

/* Another connection holds the database's write lock. */
typedef struct {
  Fixture *f;
  sqlite3 *db;
  gboolean released;
} WriteLock;

static gboolean
release_write_lock_cb (gpointer user_data)
{
  WriteLock *lock = user_data;

  /* test-good answered long ago; its calls wait for the lock. */
  g_assert_true (bandi_sync_get_running (lock->f->sync));
  g_assert_cmpuint (lock->f->finished->len, ==, 0);
  g_assert_cmpint (sqlite3_exec (lock->db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  lock->released = TRUE;

  return G_SOURCE_REMOVE;
}

/* A source's calls are written on a worker thread: while the store cannot
 * be written, the thread that runs the sync (the application's main loop)
 * goes on, and the calls are written once it can. Written on that thread,
 * the merge would hold it until SQLite gave up ("database is locked"). */
static void
test_merge_waits_off_thread (Fixture       *f,
                             gconstpointer  data)
{
  WriteLock lock = { f, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = NULL;

  g_assert_cmpint (sqlite3_open (bandi_store_get_path (f->store), &lock.db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (lock.db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_timeout_add (300, release_write_lock_cb, &lock);

  g_assert_true (sync_sources (f, f->good, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lock.released);
  g_assert_cmpuint (f->finished->len, ==, 1);

  calls = rt_list_calls (f->store, "test-good");
  g_assert_cmpuint (g_list_model_get_n_items (calls), >, 0);
  sqlite3_close (lock.db);
}

/* A store that cannot be written for the whole sync: what is reported is
 * this attempt and why it failed, not the previous run's figures. (Failed
 * on the code before: the status reported was the last success's, with
 * no error; the real error only reached a GLib warning.) */
static void
test_store_locked (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  prime (f);
  g_assert_null (f->last_error);
  g_assert_cmpuint (f->last_stats.n_new, ==, 4);

  g_assert_cmpint (sqlite3_open (bandi_store_get_path (f->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  f->server->fixture = "calls-2.json";
  g_assert_false (sync_sources (f, f->http, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (f->finished->len, ==, 1);
  g_assert_nonnull (f->last_error);
  g_assert_nonnull (strstr (f->last_error, "locked"));
  g_assert_cmpuint (f->last_stats.n_new, ==, 0);

  sqlite3_close (db);
}

static void
test_nothing_to_sync (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (source_test_run_sync (f->sync, sources, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bandi_sync_get_progress (f->sync), ==, 1.0);
  g_assert_cmpuint (f->started->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  rt_setup_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync/http/ok-then-changes", test_ok_then_changes);
  ADD ("/sync/http/timeout", test_timeout);
  ADD ("/sync/http/server-error", test_server_error);
  ADD ("/sync/http/too-large", test_too_large);
  ADD ("/sync/http/not-json", test_not_json);
  ADD ("/sync/cancel", test_cancel);
  ADD ("/sync/already-running", test_already_running);
  ADD ("/sync/merge-waits-off-thread", test_merge_waits_off_thread);
  ADD ("/sync/nothing-to-sync", test_nothing_to_sync);
  ADD ("/sync/store-locked", test_store_locked);
#undef ADD

  return g_test_run ();
}
