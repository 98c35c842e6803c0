/* bandi-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bandi-http-private.h"
#include "bandi-text.h"

#define LIMITS_KEY "bandi-http-limits"
#define BODY_KEY "bandi-http-body"
#define BODY_TYPE_KEY "bandi-http-body-type"
#define READ_CHUNK 65536
#define MAX_RETRY_AFTER_S 60

G_DEFINE_QUARK (bandi-http-error-quark, bandi_http_error)

static const BandiHttpLimits default_limits = {
  .io_timeout_s = 20,
  .total_timeout_ms = 120000,
  .max_body_size = 64 * 1024 * 1024,
  .max_retries = 3,
  .backoff_ms = 1000,
};

/**
 * bandi_http_session_new:
 *
 * Returns: (transfer full): a session with Bandi's user agent, timeouts
 * and default limits. TLS certificate errors are never accepted.
 */
SoupSession *
bandi_http_session_new (void)
{
  SoupSession *session;

  session = soup_session_new_with_options ("user-agent", "Bandi/" PACKAGE_VERSION " (io.github.bandi.Bandi) ",
                                           "timeout", default_limits.io_timeout_s,
                                           "idle-timeout", 60,
                                           "max-conns-per-host", 4,
                                           NULL);
  bandi_http_session_set_limits (session, &default_limits);

  return session;
}

void
bandi_http_session_set_limits (SoupSession           *session,
                               const BandiHttpLimits *limits)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (limits != NULL);

  g_object_set_data_full (G_OBJECT (session), LIMITS_KEY,
                          g_memdup2 (limits, sizeof *limits), g_free);
  /* Each request's own timer ends a silent connection after io_timeout_s
   * (see io_timer_start()); libsoup's, twice as long, is only a backstop:
   * when it ends a connection attempt, GLib 2.74's GSocketClient leaks the
   * attempt. */
  soup_session_set_timeout (session, 2 * limits->io_timeout_s);
}

void
bandi_http_session_get_limits (SoupSession     *session,
                               BandiHttpLimits *limits)
{
  const BandiHttpLimits *set;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (limits != NULL);

  set = g_object_get_data (G_OBJECT (session), LIMITS_KEY);
  *limits = set ? *set : default_limits;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * bandi_http_uri_is_allowed:
 *
 * HTTPS anywhere; plain HTTP only to loopback (tests, local mirrors).
 */
gboolean
bandi_http_uri_is_allowed (GUri    *uri,
                           GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0 && host != NULL && *host != '\0')
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host))
    return TRUE;

  g_set_error (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE,
               _("Refusing to connect to “%s”: only HTTPS addresses are allowed"),
               host ? host : scheme);
  return FALSE;
}

typedef struct {
  SoupSession  *session;
  SoupMessage  *msg;
  GCancellable *cancellable;     /* ours, cancelled by the caller's or by a limit */
  GCancellable *attempt_cancellable;  /* this attempt's, cancelled with ours or by its I/O timer */
  GSource      *io_timer;
  GMainContext *context;         /* the task's, for the I/O timer */
  gboolean      attempt_timed_out;
  gulong        caller_cancel_id;
  GCancellable *caller_cancellable;
  GByteArray   *body;
  GInputStream *stream;
  GSource      *deadline;
  GSource      *retry_source;
  BandiHttpLimits limits;
  guint         attempt;
  gint64        started;         /* monotonic, µs */
  gboolean      timed_out;
  GError       *redirect_error;
  gulong        restarted_id;
  gulong        network_event_id;
  gulong        starting_id;
  gulong        wrote_body_id;
} SendData;

static void
io_timer_stop (SendData *data)
{
  if (data->io_timer != NULL)
    {
      g_source_destroy (data->io_timer);
      g_clear_pointer (&data->io_timer, g_source_unref);
    }
}

/* Ends the whole exchange: no more attempts. */
static void
cancel_exchange (SendData *data)
{
  g_cancellable_cancel (data->cancellable);
  if (data->attempt_cancellable != NULL)
    g_cancellable_cancel (data->attempt_cancellable);
}

static void
send_data_free (SendData *data)
{
  io_timer_stop (data);
  g_clear_object (&data->attempt_cancellable);
  if (data->deadline != NULL)
    {
      g_source_destroy (data->deadline);
      g_source_unref (data->deadline);
    }
  if (data->retry_source != NULL)
    {
      g_source_destroy (data->retry_source);
      g_source_unref (data->retry_source);
    }
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancel_id);
  g_clear_object (&data->caller_cancellable);
  if (data->restarted_id != 0)
    g_signal_handler_disconnect (data->msg, data->restarted_id);
  if (data->network_event_id != 0)
    g_signal_handler_disconnect (data->msg, data->network_event_id);
  if (data->starting_id != 0)
    g_signal_handler_disconnect (data->msg, data->starting_id);
  if (data->wrote_body_id != 0)
    g_signal_handler_disconnect (data->msg, data->wrote_body_id);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_error (&data->redirect_error);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->msg);
  g_clear_object (&data->session);
  g_free (data);
}

static gboolean
io_timer_cb (gpointer user_data)
{
  SendData *data = user_data;

  data->attempt_timed_out = TRUE;
  g_clear_pointer (&data->io_timer, g_source_unref);
  g_cancellable_cancel (data->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Each step of an attempt — each step of connecting, the answer once the
 * request is sent, each read of the body — must end within io_timeout_s;
 * a silent server fails this attempt only. Waiting for a free connection
 * is not counted (the deadline of the whole exchange is). */
static void
io_timer_start (SendData *data)
{
  io_timer_stop (data);
  if (data->limits.io_timeout_s == 0)
    return;

  data->io_timer = g_timeout_source_new (data->limits.io_timeout_s * 1000);
  g_source_set_callback (data->io_timer, io_timer_cb, data, NULL);
  g_source_attach (data->io_timer, data->context);
}

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  SendData           *data)
{
  io_timer_start (data);
}

/* The request is about to be sent, or was sent in full. */
static void
request_progress_cb (SoupMessage *msg,
                     SendData    *data)
{
  io_timer_start (data);
}

static const char *
msg_host (SoupMessage *msg)
{
  const char *host = g_uri_get_host (soup_message_get_uri (msg));
  return host ? host : "?";
}

static void start_attempt (GTask *task);

static void
fail (GTask  *task,
      GError *error)
{
  SendData *data = g_task_get_task_data (task);

  /* Our own cancellable fired for a reason of our own: say that reason. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_clear_error (&error);
      if (data->redirect_error != NULL)
        error = g_error_copy (data->redirect_error);
      else if (data->timed_out)
        error = g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TIMEOUT,
                             _("%s did not answer in full within %u seconds"),
                             msg_host (data->msg), data->limits.total_timeout_ms / 1000);
      else
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);

  g_clear_pointer (&data->retry_source, g_source_unref);
  start_attempt (task);

  return G_SOURCE_REMOVE;
}

/* Retry-After: seconds or an HTTP date; 0 when absent or unreadable. */
static guint
retry_after_ms (SoupMessage *msg)
{
  const char *value;
  g_autoptr(GDateTime) date = NULL;
  char *end = NULL;
  guint64 seconds;

  value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  if (value == NULL)
    return 0;

  seconds = g_ascii_strtoull (value, &end, 10);
  if (end != value && *end == '\0')
    return (guint) MIN (seconds, MAX_RETRY_AFTER_S) * 1000;

  date = soup_date_time_new_from_http_string (value);
  if (date != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan wait = g_date_time_difference (date, now);

      if (wait > 0)
        return (guint) MIN (wait / G_TIME_SPAN_MILLISECOND, MAX_RETRY_AFTER_S * 1000);
    }

  return 0;
}

/* Schedules another attempt if any is left; returns FALSE if not. */
static gboolean
maybe_retry (GTask *task,
             guint  wait_ms)
{
  SendData *data = g_task_get_task_data (task);

  if (data->attempt >= data->limits.max_retries ||
      g_cancellable_is_cancelled (data->cancellable))
    return FALSE;

  if (wait_ms == 0)
    wait_ms = data->limits.backoff_ms << MIN (data->attempt, 10);

  /* A retry that could only start after the deadline would hide the
   * answer we have behind a timeout: report that answer instead. */
  if (data->limits.total_timeout_ms > 0 &&
      (g_get_monotonic_time () - data->started) / 1000 + wait_ms >= data->limits.total_timeout_ms)
    return FALSE;

  g_debug ("Retrying %s in %u ms (attempt %u)", msg_host (data->msg), wait_ms, data->attempt + 2);

  data->attempt++;
  g_clear_object (&data->stream);
  g_byte_array_set_size (data->body, 0);

  data->retry_source = g_timeout_source_new (wait_ms);
  g_source_set_callback (data->retry_source, retry_cb, task, NULL);
  g_source_attach (data->retry_source, g_task_get_context (task));

  return TRUE;
}

static gboolean
error_is_transient (const GError *error)
{
  return error->domain != G_TLS_ERROR &&
         !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
         !g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) &&
         !g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS) &&
         /* A Location that is not HTTP (file://, ftp://…) or not an address */
         !g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_BAD_URI);
}

static GError *
network_error (SendData     *data,
               const GError *error)
{
  if (error->domain == G_TLS_ERROR)
    return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_NETWORK,
                        _("Secure connection to %s failed: %s"),
                        msg_host (data->msg), error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TIMEOUT,
                        _("%s did not answer within %u seconds"),
                        msg_host (data->msg), data->limits.io_timeout_s);

  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS))
    return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_NETWORK,
                        _("%s redirects in a loop"), msg_host (data->msg));

  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_BAD_URI))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (data->msg),
                                                           "Location");
      g_autofree char *target = bandi_text_preview (location, location ? strlen (location) : 0, 200);

      return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_INSECURE,
                          _("%s redirects to “%s”: only HTTPS addresses are allowed"),
                          msg_host (data->msg), target);
    }

  return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_NETWORK,
                      _("Could not read from %s: %s"),
                      msg_host (data->msg), error->message);
}

static void
handle_failure (GTask  *task,
                GError *error)
{
  SendData *data = g_task_get_task_data (task);

  io_timer_stop (data);
  if (data->attempt_timed_out && !g_cancellable_is_cancelled (data->cancellable))
    {
      g_clear_error (&error);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
    }

  if (!g_cancellable_is_cancelled (data->cancellable) &&
      error_is_transient (error) &&
      maybe_retry (task, 0))
    {
      g_error_free (error);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (task, error);
  else
    {
      fail (task, network_error (data, error));
      g_error_free (error);
    }
}

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_next (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  io_timer_start (data);
  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->attempt_cancellable, read_cb, task);
}

/* libsoup 3.2 ends a body at the connection's end without an error, even
 * when fewer bytes came than Content-Length announced. The length counts
 * encoded bytes, so only an unencoded body can be checked. */
static gboolean
body_is_short (SendData *data)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0))
    return FALSE;

  return (goffset) data->body->len < soup_message_headers_get_content_length (headers);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  io_timer_stop (data);
  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      handle_failure (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0 && body_is_short (data))
    {
      goffset length = soup_message_headers_get_content_length (soup_message_get_response_headers (data->msg));

      /* Translators: "the connection closed after 40 of 5000 bytes" */
      handle_failure (task, g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                         _("the connection closed after %lu of %lu bytes"),
                                         (gulong) data->body->len, (gulong) length));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      GBytes *body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));

      g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  if (data->body->len + g_bytes_get_size (chunk) > data->limits.max_body_size)
    {
      cancel_exchange (data);
      g_task_return_new_error (task, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TOO_LARGE,
                               _("The answer from %s is larger than %lu MB"),
                               msg_host (data->msg), (gulong) (data->limits.max_body_size / (1024 * 1024)));
      g_object_unref (task);
      return;
    }

  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next (task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;
  goffset length;

  io_timer_stop (data);
  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      handle_failure (task, error);
      return;
    }

  status = soup_message_get_status (data->msg);

  if ((status == 429 /* Too Many Requests */ || status >= 500) &&
      maybe_retry (task, retry_after_ms (data->msg)))
    return;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS,
                               _("%s answered HTTP %u %s"),
                               msg_host (data->msg), status,
                               soup_message_get_reason_phrase (data->msg) ?
                               soup_message_get_reason_phrase (data->msg) : "");
      g_object_unref (task);
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (data->msg));
  if (length > 0 && (guint64) length > data->limits.max_body_size)
    {
      g_task_return_new_error (task, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TOO_LARGE,
                               _("The answer from %s is larger than %lu MB"),
                               msg_host (data->msg), (gulong) (data->limits.max_body_size / (1024 * 1024)));
      g_object_unref (task);
      return;
    }

  read_next (task);
}

void
bandi_http_message_set_body (SoupMessage *msg,
                             const char  *content_type,
                             GBytes      *body)
{
  g_return_if_fail (SOUP_IS_MESSAGE (msg));
  g_return_if_fail (body != NULL);

  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, g_bytes_ref (body),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (msg), BODY_TYPE_KEY, g_strdup (content_type), g_free);
  soup_message_set_request_body_from_bytes (msg, content_type, body);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     SendData     *data)
{
  cancel_exchange (data);
}

static void
start_attempt (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  GBytes *body = g_object_get_data (G_OBJECT (data->msg), BODY_KEY);

  /* A request body stream is spent by each try: give it a fresh one. */
  if (body != NULL && data->attempt > 0)
    soup_message_set_request_body_from_bytes (data->msg,
                                              g_object_get_data (G_OBJECT (data->msg), BODY_TYPE_KEY),
                                              body);

  g_clear_object (&data->attempt_cancellable);
  data->attempt_cancellable = g_cancellable_new ();
  data->attempt_timed_out = FALSE;
  /* Cancelled while waiting to retry. */
  if (g_cancellable_is_cancelled (data->cancellable))
    g_cancellable_cancel (data->attempt_cancellable);

  soup_session_send_async (data->session, data->msg, G_PRIORITY_DEFAULT,
                           data->attempt_cancellable, send_cb, task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  SendData *data = user_data;

  data->timed_out = TRUE;
  cancel_exchange (data);

  g_clear_pointer (&data->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
restarted_cb (SoupMessage *msg,
              SendData    *data)
{
  GBytes *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  GError *error = NULL;

  /* Back in the queue: its time there is not counted. */
  io_timer_stop (data);

  /* Sent again (after a 401 or a redirect keeping the method): the body
   * stream was spent by the first send. */
  if (body != NULL && soup_message_get_method (msg) != SOUP_METHOD_GET &&
      soup_message_get_method (msg) != SOUP_METHOD_HEAD)
    soup_message_set_request_body_from_bytes (msg, g_object_get_data (G_OBJECT (msg), BODY_TYPE_KEY),
                                              body);

  /* A redirect: the new address must pass the same policy, and stay at
   * the origin of the credentials, if any. Refused here, the exchange ends
   * before anything is sent to the new address. */
  if (!bandi_http_uri_is_allowed (soup_message_get_uri (msg), &error) ||
      (error = bandi_http_check_redirect_origin (msg)) != NULL)
    {
      g_clear_error (&data->redirect_error);
      data->redirect_error = error;
      cancel_exchange (data);
    }
}

void
bandi_http_send_async (SoupSession         *session,
                       SoupMessage         *msg,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  SendData *data;
  GError *error = NULL;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (msg));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_http_send_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!bandi_http_uri_is_allowed (soup_message_get_uri (msg), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (SendData, 1);
  data->session = g_object_ref (session);
  data->msg = g_object_ref (msg);
  data->cancellable = g_cancellable_new ();
  data->body = g_byte_array_new ();
  data->started = g_get_monotonic_time ();
  data->context = g_task_get_context (task);
  bandi_http_session_get_limits (session, &data->limits);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                      data, NULL);
    }

  data->restarted_id = g_signal_connect (msg, "restarted", G_CALLBACK (restarted_cb), data);
  data->network_event_id = g_signal_connect (msg, "network-event", G_CALLBACK (network_event_cb), data);
  data->starting_id = g_signal_connect (msg, "starting", G_CALLBACK (request_progress_cb), data);
  data->wrote_body_id = g_signal_connect (msg, "wrote-body", G_CALLBACK (request_progress_cb), data);

  if (data->limits.total_timeout_ms > 0)
    {
      data->deadline = g_timeout_source_new (data->limits.total_timeout_ms);
      g_source_set_callback (data->deadline, deadline_cb, data, NULL);
      g_source_attach (data->deadline, g_task_get_context (task));
    }

  start_attempt (task);
}

/**
 * bandi_http_send_finish:
 *
 * Returns: (transfer full): the whole body of a 2xx answer
 */
GBytes *
bandi_http_send_finish (SoupSession   *session,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
bandi_http_describe_body (SoupMessage *msg,
                          GBytes      *body)
{
  const char *type = NULL;
  g_autofree char *preview = NULL;
  gsize len = 0;
  const char *bytes = NULL;

  if (msg != NULL)
    type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (body != NULL)
    bytes = g_bytes_get_data (body, &len);

  if (len == 0)
    /* Translators: "HTTP 200, application/json, empty body" */
    return g_strdup_printf (_("HTTP %u, %s, empty body"),
                            msg ? soup_message_get_status (msg) : 0,
                            type ? type : _("no content type"));

  preview = bandi_text_preview (bytes, len, 60);
  /* Translators: "HTTP 200, text/html, 5120 bytes starting with “<!DOCTYPE html>…”" */
  return g_strdup_printf (_("HTTP %u, %s, %lu bytes starting with “%s”"),
                          msg ? soup_message_get_status (msg) : 0,
                          type ? type : _("no content type"),
                          (gulong) len, preview);
}
