/* source-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "source-test-util.h"

GType
source_test_load_module (const char *path)
{
  GModule *module;
  BandiSourcePluginQuery query = NULL;
  guint api_version = 0;
  GType type;

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    g_error ("%s", g_module_error ());
  g_assert_true (g_module_symbol (module, BANDI_SOURCE_PLUGIN_SYMBOL, (gpointer *) &query));
  g_module_make_resident (module);
  type = query (&api_version);
  g_assert_cmpuint (api_version, ==, BANDI_SOURCE_API_VERSION);
  g_assert_true (g_type_is_a (type, BANDI_TYPE_SOURCE));

  return type;
}

/* What an async call gave, for the waits below. */
void
source_test_wait_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SourceTestWait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

GPtrArray *
source_test_fetch (BandiSource   *source,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SourceTestWait wait = { FALSE, NULL };
  GPtrArray *calls;
  GError *local_error = NULL;

  bandi_source_fetch_async (source, cancellable, source_test_wait_done_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  calls = bandi_source_fetch_finish (source, wait.result, &local_error);
  g_object_unref (wait.result);
  g_assert_true ((calls == NULL) != (local_error == NULL));

  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return calls;
}

void
source_test_close (SoupSession    *session,
                   gpointer        server,
                   GDestroyNotify  server_free)
{
  gint64 until;

  soup_session_abort (session);
  g_object_unref (session);
  server_free (server);
  /* Let both ends see their connections close. */
  until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
run_sync_within (BandiSync     *sync,
                 GPtrArray     *sources,
                 GCancellable  *cancellable,
                 guint          timeout_ms,
                 GError       **error)
{
  SourceTestWait wait = { FALSE, NULL };
  gboolean ok;

  bandi_sync_run_async (sync, sources, cancellable, source_test_wait_done_cb, &wait);
  source_test_wait_until (&wait.done, timeout_ms);
  g_assert_true (wait.done);
  g_assert_true (!bandi_sync_get_running (sync));
  ok = bandi_sync_run_finish (sync, wait.result, error);
  g_object_unref (wait.result);

  return ok;
}

gboolean
source_test_run_sync (BandiSync     *sync,
                      GPtrArray     *sources,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return run_sync_within (sync, sources, cancellable, 30000, error);
}

BandiSourceStatus *
source_test_sync_source (BandiStore  *store,
                         SoupSession *session,
                         BandiSource *source,
                         gboolean     succeeds)
{
  g_autoptr(BandiSync) sync = bandi_sync_new (store, session);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Only a guard against a sync that never ends: a source that reads many
   * pages (as the tests of its bounds do) takes a while under valgrind. */
  g_ptr_array_add (sources, source);
  ok = run_sync_within (sync, sources, NULL, 300000, &error);
  if (succeeds)
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
  g_assert_true (ok == succeeds);

  return bandi_store_get_source_status (store, bandi_source_get_id (source));
}

guint
source_test_count_listed (BandiStore *store,
                          const char *source_id)
{
  BandiCallQuery query = { .source_id = source_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calls = bandi_store_list_calls (store, &query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (calls);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
source_test_wait_until (const gboolean *done,
                        guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

BandiStore *
source_test_open_store (void)
{
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(GError) error = NULL;
  BandiStore *store = bandi_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

char *
source_test_read_file (const char *dir,
                       const char *name,
                       gsize      *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

void
source_test_set_limits (SoupSession *session,
                        gsize        max_body_size,
                        guint        max_retries)
{
  const BandiHttpLimits limits = {
    .io_timeout_s = 5,
    .total_timeout_ms = 20000,
    .max_body_size = max_body_size,
    .max_retries = max_retries,
    .backoff_ms = 10,
  };

  bandi_http_session_set_limits (session, &limits);
}
