/* test-http.c — the HTTP policy every source shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-http.h"

typedef struct {
  SoupServer  *server;
  GUri        *base;
  SoupSession *session;
  guint        hits;
  GMainLoop   *loop;
  GBytes      *body;
  GError      *error;
  GPtrArray   *paused;
} Fixture;

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  f->hits++;

  if (strcmp (path, "/ok") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"a\":1}", 7);
    }
  else if (strcmp (path, "/flaky") == 0)
    {
      /* 500, then 429 with Retry-After, then success */
      if (f->hits == 1)
        soup_server_message_set_status (msg, 500, NULL);
      else if (f->hits == 2)
        {
          soup_server_message_set_status (msg, 429, NULL);
          soup_message_headers_replace (headers, "Retry-After", "1");
        }
      else
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "third", 5);
        }
    }
  else if (strcmp (path, "/always500") == 0)
    soup_server_message_set_status (msg, 503, NULL);
  else if (strcmp (path, "/big") == 0)
    {
      char *big = g_malloc (4096);

      memset (big, 'x', 4096);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_TAKE, big, 4096);
    }
  else if (strcmp (path, "/chunked-big") == 0)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, 200, NULL);
      for (guint i = 0; i < 32; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 64);
      soup_message_body_complete (body);
    }
  else if (strcmp (path, "/stall") == 0)
    {
      /* Never answers: the client's deadline must fire. */
      soup_server_message_pause (msg);
      g_ptr_array_add (f->paused, g_object_ref (msg));
    }
  else if (strcmp (path, "/redirect-insecure") == 0)
    {
      soup_server_message_set_redirect (msg, 302, "http://example.org/data");
    }
  else if (strcmp (path, "/redirect-file") == 0)
    {
      soup_server_message_set_redirect (msg, 302, "file:///etc/passwd");
    }
  else if (strcmp (path, "/redirect-ftp") == 0)
    {
      soup_server_message_set_redirect (msg, 301, "ftp://127.0.0.1/data");
    }
  else if (strcmp (path, "/redirect-loop") == 0)
    {
      soup_server_message_set_redirect (msg, 302, "/redirect-loop");
    }
  else if (strcmp (path, "/post") == 0)
    {
      SoupMessageBody *req = soup_server_message_get_request_body (msg);

      if (f->hits == 1)
        soup_server_message_set_status (msg, 502, NULL);
      else
        {
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, req->data, req->length);
        }
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GError *error = NULL;
  GSList *uris;
  /* Generous, so that valgrind or a loaded machine never turns an answer
   * into a timeout; test_timeout shortens them for its stalled server. */
  BandiHttpLimits limits = {
    .io_timeout_s = 30,
    .total_timeout_ms = 60000,
    .max_body_size = 1024,
    .max_retries = 3,
    .backoff_ms = 10,
  };

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->session = bandi_http_session_new ();
  bandi_http_session_set_limits (f->session, &limits);
  f->loop = g_main_loop_new (NULL, FALSE);
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gint64 until;

  g_clear_pointer (&f->body, g_bytes_unref);
  g_clear_error (&f->error);

  for (guint i = 0; i < f->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (f->paused, i);

      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_unpause (msg);
    }
  g_ptr_array_unref (f->paused);

  g_main_loop_unref (f->loop);
  soup_session_abort (f->session);
  g_object_unref (f->session);
  g_uri_unref (f->base);
  soup_server_disconnect (f->server);
  g_object_unref (f->server);
  /* Let both ends see their connections close. */
  until = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  f->body = bandi_http_send_finish (SOUP_SESSION (object), result, &f->error);
  g_main_loop_quit (f->loop);
}

static SoupMessage *
fetch (Fixture    *f,
       const char *method,
       const char *path,
       const char *request_body)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (f->base, path, G_URI_FLAGS_NONE, NULL);
  SoupMessage *msg = soup_message_new_from_uri (method, uri);

  if (request_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (request_body, strlen (request_body));
      bandi_http_message_set_body (msg, "text/plain", bytes);
    }

  bandi_http_send_async (f->session, msg, NULL, sent_cb, f);
  g_main_loop_run (f->loop);

  return msg;
}

static void
assert_body (Fixture    *f,
             const char *expected)
{
  gsize len;
  const char *data;

  g_assert_no_error (f->error);
  g_assert_nonnull (f->body);
  data = g_bytes_get_data (f->body, &len);
  g_assert_cmpmem (data, len, expected, strlen (expected));
}

static void
test_ok (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg = fetch (f, "GET", "/ok", NULL);

  assert_body (f, "{\"a\":1}");
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, "application/json");
}

static void
test_retry (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg = NULL;
  gint64 start = g_get_monotonic_time ();

  msg = fetch (f, "GET", "/flaky", NULL);
  assert_body (f, "third");
  g_assert_cmpuint (f->hits, ==, 3);
  /* Retry-After: 1 was honoured rather than the 10 ms backoff */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * G_TIME_SPAN_MILLISECOND);
}

static void
test_retry_post_body (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg G_GNUC_UNUSED = fetch (f, "POST", "/post", "payload-42");

  /* The body is sent again on the retry after the 502. */
  assert_body (f, "payload-42");
  g_assert_cmpuint (f->hits, ==, 2);
}

static void
test_status_error (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg = fetch (f, "GET", "/always500", NULL);

  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS);
  g_assert_nonnull (strstr (f->error->message, "503"));
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
  /* one try and three retries */
  g_assert_cmpuint (f->hits, ==, 4);

  g_clear_error (&f->error);
  f->hits = 0;
  g_clear_object (&msg);
  msg = fetch (f, "GET", "/missing", NULL);
  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS);
  g_assert_nonnull (strstr (f->error->message, "404"));
  /* a 404 is not retried */
  g_assert_cmpuint (f->hits, ==, 1);
}

static void
test_too_large (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg G_GNUC_UNUSED = fetch (f, "GET", "/big", NULL);
  g_autoptr(SoupMessage) msg2 = NULL;

  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TOO_LARGE);
  g_assert_null (f->body);

  /* Without Content-Length the cap holds while reading. */
  g_clear_error (&f->error);
  msg2 = fetch (f, "GET", "/chunked-big", NULL);
  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TOO_LARGE);
}

static void
test_timeout (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg = NULL;
  BandiHttpLimits limits;

  /* The server never answers: however slow the machine, only the
   * deadline ends the request. */
  bandi_http_session_get_limits (f->session, &limits);
  limits.total_timeout_ms = 1500;
  bandi_http_session_set_limits (f->session, &limits);

  msg = fetch (f, "GET", "/stall", NULL);

  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
}

static void
test_insecure (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) direct = soup_message_new ("GET", "http://example.org/data");

  /* A redirect to plain http on a non-loopback host is refused before any
   * connection to it. */
  msg = fetch (f, "GET", "/redirect-insecure", NULL);
  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE);
  g_assert_nonnull (strstr (f->error->message, "example.org"));

  g_clear_error (&f->error);
  bandi_http_send_async (f->session, direct, NULL, sent_cb, f);
  g_main_loop_run (f->loop);
  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE);
}

static void
test_redirect_loop (Fixture *f, gconstpointer d)
{
  g_autoptr(SoupMessage) msg G_GNUC_UNUSED = fetch (f, "GET", "/redirect-loop", NULL);

  g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_NETWORK);
  g_assert_nonnull (strstr (f->error->message, "loop"));
}

/* A redirect to an address that is not HTTP fails at once, naming it, and
 * is not tried again as if the server were briefly down */
static void
test_redirect_scheme (Fixture *f, gconstpointer d)
{
  const struct { const char *path, *target; } cases[] = {
    { "/redirect-file", "file:///etc/passwd" },
    { "/redirect-ftp", "ftp://127.0.0.1/data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessage) msg = NULL;

      f->hits = 0;
      g_clear_error (&f->error);
      msg = fetch (f, "GET", cases[i].path, NULL);
      g_test_message ("%u requests: %s", f->hits, f->error ? f->error->message : "(no error)");
      g_assert_error (f->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE);
      g_assert_nonnull (strstr (f->error->message, cases[i].target));
      g_assert_cmpuint (f->hits, ==, 1);
    }
}

static void
test_cancel (Fixture *f, gconstpointer d)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GUri) uri = g_uri_parse_relative (f->base, "/stall", G_URI_FLAGS_NONE, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri ("GET", uri);

  bandi_http_send_async (f->session, msg, cancellable, sent_cb, f);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  g_main_loop_run (f->loop);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_uri_policy (void)
{
  const struct { const char *uri; gboolean allowed; } cases[] = {
    { "https://api.tech.ec.europa.eu/search-api/prod/rest/search", TRUE },
    { "http://127.0.0.1:8080/x", TRUE },
    { "http://127.10.0.3/x", TRUE },
    { "http://localhost/x", TRUE },
    { "http://[::1]:99/x", TRUE },
    { "http://www.dati.lombardia.it/resource/bukx-h2uy.json", FALSE },
    { "http://10.0.0.1/x", FALSE },
    { "ftp://example.org/x", FALSE },
    { "file:///etc/passwd", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (cases[i].uri, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (uri);
      g_assert_cmpint (bandi_http_uri_is_allowed (uri, &error), ==, cases[i].allowed);
      if (!cases[i].allowed)
        g_assert_error (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE);
    }
}

static void
test_describe_body (void)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", "https://example.org/");
  g_autoptr(GBytes) body = g_bytes_new_static ("<!DOCTYPE html>\n<html><body>Maintenance</body></html>", 52);
  g_autofree char *text = NULL;

  soup_message_headers_set_content_type (soup_message_get_response_headers (msg), "text/html", NULL);
  text = bandi_http_describe_body (msg, body);
  g_assert_nonnull (strstr (text, "text/html"));
  g_assert_nonnull (strstr (text, "<!DOCTYPE html> <html>"));
  g_assert_nonnull (strstr (text, "52"));
}

/* The origin credentials are kept to: scheme, host and port, the
 * scheme's own port left out, case folded. */
static void
test_origin (void)
{
  const struct {
    const char *uri;
    const char *origin;
  } cases[] = {
    { "https://Dav.Example.org/cal/team/", "https://dav.example.org" },
    { "https://dav.example.org:443/cal/", "https://dav.example.org" },
    { "https://dav.example.org:8443/cal/", "https://dav.example.org:8443" },
    { "HTTP://127.0.0.1:80/cal/", "http://127.0.0.1" },
    { "http://127.0.0.1:5232/cal/", "http://127.0.0.1:5232" },
    { "http://localhost:5232/cal/", "http://localhost:5232" },
    { "http://[::1]:5232/cal/", "http://[::1]:5232" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (cases[i].uri, G_URI_FLAGS_NONE, NULL);
      g_autofree char *origin = bandi_http_uri_dup_origin (uri);

      g_assert_cmpstr (origin, ==, cases[i].origin);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/http/ok", test_ok);
  ADD ("/http/retry", test_retry);
  ADD ("/http/retry-post-body", test_retry_post_body);
  ADD ("/http/status-error", test_status_error);
  ADD ("/http/too-large", test_too_large);
  ADD ("/http/timeout", test_timeout);
  ADD ("/http/insecure", test_insecure);
  ADD ("/http/redirect-loop", test_redirect_loop);
  ADD ("/http/redirect-scheme", test_redirect_scheme);
  ADD ("/http/cancel", test_cancel);
#undef ADD
  g_test_add_func ("/http/uri-policy", test_uri_policy);
  g_test_add_func ("/http/describe-body", test_describe_body);
  g_test_add_func ("/http/origin", test_origin);

  return g_test_run ();
}
