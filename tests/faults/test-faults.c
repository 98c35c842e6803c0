/* test-faults.c — every source against what a broken network sends
 *
 * A loopback server that misbehaves on purpose (no answer, stalls, drips,
 * error statuses, truncated, invalid or oversize bodies, redirect loops,
 * redirects to plain http). For each source plugin and each fault: the sync
 * of that source fails with a clear error of its own, transient faults are
 * retried (429 after its Retry-After), the calls stored before are all still
 * there (not withdrawn), and the other sources' calls and status are
 * untouched.
 *
 * Timing: only the faults that need a deadline to end (a stall, a drip) get
 * a short one, and the server keeps stalling or dripping until the client
 * hangs up, so a slow machine (ASan, valgrind, a loaded CI runner) cannot
 * change which error comes out. Everything else has a generous deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "bandi-plugin-loader.h"
#include "bandi-store.h"
#include "bandi-sync.h"

typedef enum {
  FAULT_CONNECT_TIMEOUT,
  FAULT_READ_STALL,
  FAULT_SLOW_DRIP,
  FAULT_404,
  FAULT_500,
  FAULT_429,
  FAULT_TRUNCATED,
  FAULT_INVALID_JSON,
  FAULT_INVALID_XML,
  FAULT_INVALID_HTML,
  FAULT_WRONG_TYPE,
  FAULT_OVERSIZE,
  FAULT_REDIRECT_LOOP,
  FAULT_REDIRECT_INSECURE,
} Fault;

/* Every source plugin built in plugins/: one line each. */
static const char * const source_ids[] = {
  "horizon",
  "lombardia",
  "interreg",
};

/* The limits of every case but those below. */
#define IO_TIMEOUT_S 1
#define TOTAL_TIMEOUT_MS 60000
#define MAX_RETRIES 2
#define RETRY_AFTER_S 1

typedef struct {
  Fault              fault;
  /* which words the source's error must hold (any of them) */
  const char * const expect[4];
  gboolean           transient;      /* retried: more than one request */
  guint              total_timeout_ms;  /* 0: TOTAL_TIMEOUT_MS */
  guint              min_span_ms;    /* from the first request to the last */
} FaultCase;

static const FaultCase cases[] = {
  /* Connecting and reading both end by the I/O timeout, and are retried. */
  { FAULT_CONNECT_TIMEOUT,   { "did not answer", NULL } },
  { FAULT_READ_STALL,        { "did not answer", NULL }, TRUE },
  /* A byte now and then: only the deadline of the whole exchange ends it. */
  { FAULT_SLOW_DRIP,         { "did not answer in full", NULL }, FALSE, 3000 },
  { FAULT_404,               { "404", NULL } },
  { FAULT_500,               { "500", NULL }, TRUE },
  { FAULT_429,               { "429", NULL }, TRUE, 0, MAX_RETRIES * RETRY_AFTER_S * 1000 },
  { FAULT_TRUNCATED,         { "closed after", NULL }, TRUE },
  /* A parser's error quotes what it got ("HTTP 200, image/png, 15 bytes
   * starting with …"). */
  { FAULT_INVALID_JSON,      { "starting with", NULL } },
  { FAULT_INVALID_XML,       { "starting with", NULL } },
  { FAULT_INVALID_HTML,      { "starting with", NULL } },
  { FAULT_WRONG_TYPE,        { "starting with", NULL } },
  { FAULT_OVERSIZE,          { "larger than", NULL } },
  { FAULT_REDIRECT_LOOP,     { "loop", NULL } },
  { FAULT_REDIRECT_INSECURE, { "only HTTPS", NULL } },
};

typedef struct {
  GSocketService *service;
  guint16         port;
  Fault           fault;
  GMutex          lock;
  guint           requests;
  gint64          first_request;  /* monotonic µs */
  gint64          last_request;
  GSocket        *backlog;     /* a listener whose queue is full */
  guint16         backlog_port;
  GPtrArray      *backlog_clients;
} FaultServer;

static FaultServer server;

static void
write_all (GIOStream  *stream,
           const char *data,
           gsize       len)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  /* Errors are expected: the client may hang up first. */
  g_output_stream_write_all (out, data, len, NULL, NULL, NULL);
}

static void
respond (GIOStream  *stream,
         guint       status,
         const char *reason,
         const char *extra_headers,
         const char *type,
         const char *body,
         gssize      declared_length)
{
  gsize len = body ? strlen (body) : 0;
  g_autofree char *head =
    g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                     "Content-Type: %s\r\n"
                     "Content-Length: %" G_GSSIZE_FORMAT "\r\n"
                     "Connection: close\r\n"
                     "%s\r\n",
                     status, reason, type,
                     declared_length >= 0 ? declared_length : (gssize) len,
                     extra_headers ? extra_headers : "");

  write_all (stream, head, strlen (head));
  if (len > 0)
    write_all (stream, body, len);
}

/* How long the server keeps a stalled or dripping connection at most: far
 * longer than any client deadline of the cases. */
#define SERVER_PATIENCE_S 120

/* FALSE once the client has hung up. */
static gboolean
drip_byte (GIOStream *stream)
{
  return g_output_stream_write (g_io_stream_get_output_stream (stream), "[", 1, NULL, NULL) == 1;
}

static void
count_request (void)
{
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&server.lock);
  if (server.requests++ == 0)
    server.first_request = now;
  server.last_request = now;
  g_mutex_unlock (&server.lock);
}

/* Reads the request, body included (and throws it away): enough to
 * answer, and nothing left unread that would make closing reset the
 * connection. */
static void
read_request (GIOStream *stream)
{
  GInputStream *in = g_io_stream_get_input_stream (stream);
  char buf[4096];
  g_autoptr(GString) request = g_string_new (NULL);
  const char *end;
  const char *length;
  gsize wanted;

  while ((end = strstr (request->str, "\r\n\r\n")) == NULL && request->len < 65536)
    {
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL);

      if (n <= 0)
        return;
      g_string_append_len (request, buf, n);
    }
  if (end == NULL)
    return;

  length = strstr (request->str, "Content-Length: ");
  if (length == NULL || length > end)
    return;

  wanted = (end + 4 - request->str) + g_ascii_strtoull (length + strlen ("Content-Length: "), NULL, 10);
  while (request->len < wanted)
    {
      gssize n = g_input_stream_read (in, buf, MIN (sizeof buf, wanted - request->len), NULL, NULL);

      if (n <= 0)
        return;
      g_string_append_len (request, buf, n);
    }
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        gpointer                user_data)
{
  GIOStream *stream = G_IO_STREAM (connection);
  g_autofree char *header = NULL;

  read_request (stream);
  count_request ();

  switch (server.fault)
    {
    case FAULT_READ_STALL:
    case FAULT_CONNECT_TIMEOUT:
      /* Keep the connection and never answer, until the client gives up. */
      g_socket_condition_timed_wait (g_socket_connection_get_socket (connection),
                                     G_IO_IN | G_IO_HUP | G_IO_ERR,
                                     SERVER_PATIENCE_S * G_USEC_PER_SEC, NULL, NULL);
      break;
    case FAULT_SLOW_DRIP:
      {
        const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";

        /* One byte every 200 ms of a body that would take hours, until the
         * client hangs up. */
        write_all (stream, head, strlen (head));
        for (guint i = 0; i < SERVER_PATIENCE_S * 5; i++)
          {
            if (!drip_byte (stream))
              break;
            g_usleep (200 * 1000);
          }
      }
      break;
    case FAULT_404:
      respond (stream, 404, "Not Found", NULL, "text/html", "<html><body>Not found</body></html>", -1);
      break;
    case FAULT_500:
      respond (stream, 500, "Internal Server Error", NULL, "text/plain", "oops", -1);
      break;
    case FAULT_429:
      header = g_strdup_printf ("Retry-After: %u\r\n", RETRY_AFTER_S);
      respond (stream, 429, "Too Many Requests", header, "text/plain", "slow down", -1);
      break;
    case FAULT_TRUNCATED:
      /* Promises 5000 bytes, sends 40, hangs up. */
      respond (stream, 200, "OK", NULL, "application/json", "{\"totalResults\": 3, \"results\": [ {\"ref", 5000);
      break;
    case FAULT_INVALID_JSON:
      respond (stream, 200, "OK", NULL, "application/json",
               "{\"results\": [ {\"metadata\": <<<not json>>> ]", -1);
      break;
    case FAULT_INVALID_XML:
      respond (stream, 200, "OK", NULL, "application/xml",
               "<?xml version=\"1.0\"?><rss><channel><item><title>Call 4</item></channel></rss>", -1);
      break;
    case FAULT_INVALID_HTML:
      respond (stream, 200, "OK", NULL, "text/html",
               "<!DOCTYPE html><html><body><div class=\"avviso\"><h3><a href=\"", -1);
      break;
    case FAULT_WRONG_TYPE:
      respond (stream, 200, "OK", NULL, "image/png", "\x89PNG\r\n\x1a\n binary", -1);
      break;
    case FAULT_OVERSIZE:
      {
        const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
        g_autofree char *chunk = g_strnfill (65536, ' ');

        /* No Content-Length: the cap must hold while reading. */
        write_all (stream, head, strlen (head));
        write_all (stream, "[", 1);
        for (guint i = 0; i < 64; i++)
          write_all (stream, chunk, 65536);
      }
      break;
    case FAULT_REDIRECT_LOOP:
      header = g_strdup_printf ("Location: http://127.0.0.1:%u/loop\r\n", server.port);
      respond (stream, 302, "Found", header, "text/plain", "", -1);
      break;
    case FAULT_REDIRECT_INSECURE:
      respond (stream, 301, "Moved Permanently", "Location: http://example.org/feed\r\n", "text/plain", "", -1);
      break;
    }

  g_io_stream_close (stream, NULL, NULL);
  return TRUE;
}

static void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server.service = g_threaded_socket_service_new (64);
  g_signal_connect (server.service, "run", G_CALLBACK (run_cb), NULL);
  server.port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server.service), NULL, &error);
  g_assert_no_error (error);
  g_socket_service_start (server.service);

  /* A listener with a backlog of 0 whose queue we fill ourselves: the
   * next connection attempt gets no SYN-ACK and waits. */
  server.backlog = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (server.backlog, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (server.backlog, 0);
  g_socket_listen (server.backlog, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (server.backlog, &error);
  g_assert_no_error (error);
  server.backlog_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  server.backlog_clients = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 4; i++)
    {
      GSocket *client = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

      g_socket_set_blocking (client, FALSE);
      g_socket_connect (client, bound, NULL, NULL);
      g_ptr_array_add (server.backlog_clients, client);
    }
}

static void
server_stop (void)
{
  g_socket_service_stop (server.service);
  g_socket_listener_close (G_SOCKET_LISTENER (server.service));
  g_clear_object (&server.service);
  g_clear_pointer (&server.backlog_clients, g_ptr_array_unref);
  g_socket_close (server.backlog, NULL);
  g_clear_object (&server.backlog);
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} SyncWait;

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->ok = bandi_sync_run_finish (BANDI_SYNC (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static BandiCall *
seed_call (const char *source_id)
{
  BandiCall *call = bandi_call_new ();
  g_autoptr(BandiDeadline) deadline =
    bandi_deadline_new_local (1, "Deadline", 2030, 3, 12, 17, 0, 0, "Europe/Brussels");
  g_autofree char *external_id = g_strdup_printf ("%s-SEED-1", source_id);

  bandi_call_set_source_id (call, source_id);
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_title (call, "A call stored before the fault");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_add_deadline (call, deadline);

  return call;
}

static void
assert_seed_intact (BandiStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    {
      g_autofree char *external_id = g_strdup_printf ("%s-SEED-1", source_ids[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiCall) call = bandi_store_find_call (store, source_ids[i], external_id, &error);
      g_autoptr(BandiDeadline) expected =
        bandi_deadline_new_local (1, "Deadline", 2030, 3, 12, 17, 0, 0, "Europe/Brussels");
      GPtrArray *deadlines;

      g_assert_no_error (error);
      g_assert_nonnull (call);
      g_assert_false (bandi_call_get_withdrawn (call));
      deadlines = bandi_call_get_deadlines (call);
      g_assert_cmpuint (deadlines->len, ==, 1);
      g_assert_true (bandi_deadline_equal (g_ptr_array_index (deadlines, 0), expected));
    }
}

/* The status of the sources not synced is what it was after seeding. */
static void
assert_others_untouched (BandiStore               *store,
                         const char               *synced_id,
                         BandiSourceStatus * const *before)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    {
      g_autoptr(BandiSourceStatus) status = NULL;

      if (g_str_equal (source_ids[i], synced_id))
        continue;

      status = bandi_store_get_source_status (store, source_ids[i]);
      g_assert_nonnull (status);
      g_assert_null (status->last_error);
      g_assert_cmpint (status->last_attempt, ==, before[i]->last_attempt);
      g_assert_cmpint (status->last_success, ==, before[i]->last_success);
    }
}

/* Whether each failure in @message (a source that fetches from several
 * sites, as Interreg does, lists one per site, joined with "; ") holds one
 * of @words. */
static gboolean
message_has_any (const char         *message,
                 const char * const *words)
{
  g_auto(GStrv) parts = g_strsplit (message, "; ", -1);

  for (guint p = 0; parts[p] != NULL; p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; words[i] != NULL && !found; i++)
        found = strstr (parts[p], words[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
test_faults (gconstpointer data)
{
  const char *source_id = data;
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "faults.db", NULL);
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(SoupSession) session = bandi_http_session_new ();
  g_autoptr(BandiSync) sync = NULL;
  BandiSourceStatus *before[G_N_ELEMENTS (source_ids)];
  BandiSource *source;
  BandiHttpLimits limits = {
    .io_timeout_s = IO_TIMEOUT_S,
    .max_body_size = 1024 * 1024,
    .max_retries = MAX_RETRIES,
    .backoff_ms = 20,
  };

  g_list_model_get_n_items (bandi_plugin_loader_load (loader));
  source = bandi_plugin_loader_find_source (loader, source_id);
  g_assert_nonnull (source);

  store = bandi_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    {
      g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      BandiMergeStats stats = { 0 };

      g_ptr_array_add (calls, seed_call (source_ids[i]));
      /* A successful sync of each source, earlier. */
      bandi_store_merge_calls (store, source_ids[i], calls, now, &stats, &error);
      g_assert_no_error (error);
      bandi_store_record_source_result (store, source_ids[i], now, NULL, NULL, &stats, &error);
      g_assert_no_error (error);
      before[i] = bandi_store_get_source_status (store, source_ids[i]);
      g_assert_nonnull (before[i]);
    }

  sync = bandi_sync_new (store, session);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      g_autoptr(BandiSourceStatus) status = NULL;
      g_autofree char *endpoint = NULL;
      SyncWait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
      guint16 port;

      server.fault = cases[i].fault;
      g_mutex_lock (&server.lock);
      server.requests = 0;
      g_mutex_unlock (&server.lock);
      limits.total_timeout_ms = cases[i].total_timeout_ms ? cases[i].total_timeout_ms : TOTAL_TIMEOUT_MS;
      bandi_http_session_set_limits (session, &limits);
      port = cases[i].fault == FAULT_CONNECT_TIMEOUT ? server.backlog_port : server.port;
      endpoint = g_strdup_printf ("http://127.0.0.1:%u/fault/%u", port, i);
      bandi_source_set_endpoint (source, endpoint);

      g_ptr_array_add (sources, source);
      bandi_sync_run_async (sync, sources, NULL, sync_done_cb, &wait);
      g_main_loop_run (wait.loop);
      g_main_loop_unref (wait.loop);

      g_test_message ("%s, fault %u: %s", source_id, cases[i].fault,
                      wait.error ? wait.error->message : "(no error)");

      g_assert_false (wait.ok);
      g_assert_nonnull (wait.error);
      /* The sync's error names the source that failed. */
      g_assert_nonnull (strstr (wait.error->message, bandi_source_get_name (source)) ?
                        wait.error->message : strstr (wait.error->message, source_id));

      status = bandi_store_get_source_status (store, source_id);
      g_assert_nonnull (status);
      g_assert_nonnull (status->last_error);
      if (!message_has_any (status->last_error, cases[i].expect))
        g_error ("%s, fault %u: unexpected error “%s”", source_id, cases[i].fault, status->last_error);

      g_mutex_lock (&server.lock);
      if (cases[i].transient)
        g_assert_cmpuint (server.requests, >, 1);
      /* Retry-After was waited for, not the 20 ms backoff. */
      if (cases[i].min_span_ms > 0)
        g_assert_cmpint (server.last_request - server.first_request, >=,
                         cases[i].min_span_ms * G_TIME_SPAN_MILLISECOND);
      g_mutex_unlock (&server.lock);

      assert_seed_intact (store);
      assert_others_untouched (store, source_id, before);
      g_clear_error (&wait.error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    bandi_source_status_free (before[i]);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  server_start ();

  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/faults/%s", source_ids[i]);
      g_test_add_data_func (test_path, source_ids[i], test_faults);
    }

  ret = g_test_run ();
  server_stop ();

  return ret;
}
