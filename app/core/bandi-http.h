/* bandi-http.h — HTTP for sources: one policy for every plugin
 *
 * Every request a source makes goes through bandi_http_send_async(): HTTPS
 * is required for any host outside loopback (redirects included), TLS errors
 * are never ignored, the body is capped in size, the whole exchange has a
 * deadline, and HTTP 429 and 5xx are retried with backoff (Retry-After is
 * honoured). Non-2xx answers are errors that name the status and the host.
 * Credentials go only to the origin they were given for: see
 * bandi_http_message_set_credentials().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BANDI_HTTP_ERROR (bandi_http_error_quark ())

typedef enum {
  BANDI_HTTP_ERROR_INSECURE,    /* plain http to a non-loopback host */
  BANDI_HTTP_ERROR_STATUS,      /* a non-2xx answer, after retries */
  BANDI_HTTP_ERROR_TOO_LARGE,   /* the body exceeds the cap */
  BANDI_HTTP_ERROR_TIMEOUT,     /* no answer, or not all of it, in time */
  BANDI_HTTP_ERROR_NETWORK,     /* could not connect, connection dropped, TLS */
  BANDI_HTTP_ERROR_CROSS_ORIGIN, /* a redirect would take credentials to another origin */
} BandiHttpError;

GQuark       bandi_http_error_quark        (void);

/* Defaults: 20 s connect/read timeout, 120 s per exchange, 64 MiB body,
 * 3 retries starting at 1 s. Tests make them short. */
typedef struct {
  guint   io_timeout_s;
  guint   total_timeout_ms;
  gsize   max_body_size;
  guint   max_retries;
  guint   backoff_ms;
} BandiHttpLimits;

SoupSession *bandi_http_session_new        (void);
void         bandi_http_session_set_limits (SoupSession           *session,
                                            const BandiHttpLimits *limits);
void         bandi_http_session_get_limits (SoupSession           *session,
                                            BandiHttpLimits       *limits);

gboolean     bandi_http_uri_is_allowed     (GUri                  *uri,
                                            GError               **error);

/* "https://dav.example.org" or "http://127.0.0.1:5232": the origin
 * (scheme, host, port) of @uri, its port only when not the scheme's own. */
char        *bandi_http_uri_dup_origin     (GUri                  *uri);

/* Gives @msg the credentials for the origin of its address now, and for no
 * other. Its "authenticate" requests are answered only while it is
 * addressed there (never for a proxy, never twice); sent through
 * bandi_http_send_async(), a redirect to another origin ends the exchange
 * with BANDI_HTTP_ERROR_CROSS_ORIGIN before anything is sent there. Every
 * request Bandi makes with a user's password goes through this. The
 * password is copied, wiped when @msg goes, and never logged. */
void         bandi_http_message_set_credentials (SoupMessage      *msg,
                                                 const char       *user,
                                                 const char       *password);

/* Sets @msg's request body so that it can be sent again on a retry: use it
 * instead of soup_message_set_request_body_from_bytes() (whose stream is
 * spent after one try). */
void         bandi_http_message_set_body   (SoupMessage           *msg,
                                            const char            *content_type,
                                            GBytes                *body);

/* Sends @msg (keep a reference to read its status and headers after) and
 * reads the whole body. A request body must be set with
 * bandi_http_message_set_body(). */
void         bandi_http_send_async         (SoupSession           *session,
                                            SoupMessage           *msg,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
GBytes      *bandi_http_send_finish        (SoupSession           *session,
                                            GAsyncResult          *result,
                                            GError               **error);

/* "HTTP 200, text/html, starts with “<!DOCTYPE html><html…”": what a
 * parser error message should say about a body it could not read. */
char        *bandi_http_describe_body      (SoupMessage           *msg,
                                            GBytes                *body);

G_END_DECLS
