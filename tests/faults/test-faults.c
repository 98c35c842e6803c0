/* test-faults.c — every source against what a broken network sends
 *
 * A loopback server that misbehaves on purpose (no answer, stalls, drips,
 * error statuses, truncated, invalid or oversize bodies, redirect loops,
 * redirects to plain http). For each source plugin and each fault: the sync
 * of that source fails with a clear error of its own, transient faults are
 * retried, the calls stored before are all still there (not withdrawn), and
 * the other sources' calls are untouched.
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
  FAULT_INVALID_BODY,
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

typedef struct {
  Fault              fault;
  /* which words the source's error must hold (any of them) */
  const char * const expect[4];
  gboolean           transient;  /* retried: more than one request */
} FaultCase;

static const FaultCase cases[] = {
  { FAULT_CONNECT_TIMEOUT,   { "did not answer", NULL } },
  { FAULT_READ_STALL,        { "did not answer", NULL }, TRUE },
  { FAULT_SLOW_DRIP,         { "did not answer", NULL } },
  { FAULT_404,               { "404", NULL } },
  { FAULT_500,               { "500", NULL }, TRUE },
  { FAULT_429,               { "429", NULL }, TRUE },
  { FAULT_TRUNCATED,         { "closed after", NULL }, TRUE },
  { FAULT_INVALID_BODY,      { "starting with", "invalid", "Invalid", NULL } },
  { FAULT_WRONG_TYPE,        { "starting with", "invalid", "Invalid", NULL } },
  { FAULT_OVERSIZE,          { "larger than", NULL } },
  { FAULT_REDIRECT_LOOP,     { "loop", NULL } },
  { FAULT_REDIRECT_INSECURE, { "only HTTPS", NULL } },
};

typedef struct {
  GSocketService *service;
  guint16         port;
  Fault           fault;
  guint           requests;
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

/* FALSE once the client has hung up. */
static gboolean
drip_byte (GIOStream *stream)
{
  return g_output_stream_write (g_io_stream_get_output_stream (stream), "[", 1, NULL, NULL) == 1;
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
  g_autofree char *location = NULL;

  read_request (stream);
  g_atomic_int_inc (&server.requests);

  switch (server.fault)
    {
    case FAULT_READ_STALL:
    case FAULT_CONNECT_TIMEOUT:
      /* Keep the connection and never answer, until the client gives up. */
      g_socket_condition_timed_wait (g_socket_connection_get_socket (connection),
                                     G_IO_IN | G_IO_HUP | G_IO_ERR,
                                     4 * G_USEC_PER_SEC, NULL, NULL);
      break;
    case FAULT_SLOW_DRIP:
      {
        const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";

        /* One byte every 200 ms of a body that would take hours. */
        write_all (stream, head, strlen (head));
        for (guint i = 0; i < 20; i++)
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
      respond (stream, 429, "Too Many Requests", "Retry-After: 1\r\n", "text/plain", "slow down", -1);
      break;
    case FAULT_TRUNCATED:
      /* Promises 5000 bytes, sends 40, hangs up. */
      respond (stream, 200, "OK", NULL, "application/json", "{\"totalResults\": 3, \"results\": [ {\"ref", 5000);
      break;
    case FAULT_INVALID_BODY:
      respond (stream, 200, "OK", NULL, "application/json",
               "{\"results\": [ {\"metadata\": <<<not json>>> ]", -1);
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
      location = g_strdup_printf ("Location: http://127.0.0.1:%u/loop\r\n", server.port);
      respond (stream, 302, "Found", location, "text/plain", "", -1);
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

static gboolean
message_has_any (const char         *message,
                 const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (message, words[i]) != NULL)
      return TRUE;
  return FALSE;
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
  BandiSource *source;
  BandiHttpLimits limits = {
    .io_timeout_s = 1,
    .total_timeout_ms = 1500,
    .max_body_size = 1024 * 1024,
    .max_retries = 2,
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

      g_ptr_array_add (calls, seed_call (source_ids[i]));
      bandi_store_merge_calls (store, source_ids[i], calls, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
      g_assert_no_error (error);
    }

  bandi_http_session_set_limits (session, &limits);
  sync = bandi_sync_new (store, session);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      g_autoptr(BandiSourceStatus) status = NULL;
      g_autofree char *endpoint = NULL;
      SyncWait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
      guint16 port;

      server.fault = cases[i].fault;
      g_atomic_int_set (&server.requests, 0);
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

      if (cases[i].transient)
        g_assert_cmpuint (g_atomic_int_get (&server.requests), >, 1);

      assert_seed_intact (store);
      g_clear_error (&wait.error);
    }
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
