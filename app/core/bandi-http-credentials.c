/* bandi-http-credentials.c — a user's password, for one origin only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-http"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-http-private.h"

#define CREDENTIALS_KEY "bandi-http-credentials"

/**
 * bandi_http_uri_dup_origin:
 *
 * Returns: (transfer full): scheme://host[:port], lower case
 */
char *
bandi_http_uri_dup_origin (GUri *uri)
{
  g_autofree char *scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri) ? g_uri_get_host (uri) : "", -1);
  int port = g_uri_get_port (uri);

  if ((port == 80 && strcmp (scheme, "http") == 0) ||
      (port == 443 && strcmp (scheme, "https") == 0))
    port = -1;

  return g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, host, port, "", NULL, NULL);
}

typedef struct {
  char *origin;
  char *user;
  char *password;
} Credentials;

static void
credentials_free (gpointer data)
{
  Credentials *credentials = data;

  memset (credentials->password, 0, strlen (credentials->password));
  g_free (credentials->password);
  g_free (credentials->user);
  g_free (credentials->origin);
  g_free (credentials);
}

static gboolean
authenticate_cb (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  Credentials *credentials = g_object_get_data (G_OBJECT (msg), CREDENTIALS_KEY);
  g_autofree char *origin = bandi_http_uri_dup_origin (soup_message_get_uri (msg));

  /* Credentials refused once will be refused again: let the 401 through. */
  if (retrying || soup_auth_is_for_proxy (auth) || strcmp (origin, credentials->origin) != 0)
    return FALSE;

  soup_auth_authenticate (auth, credentials->user, credentials->password);
  return TRUE;
}

void
bandi_http_message_set_credentials (SoupMessage *msg,
                                    const char  *user,
                                    const char  *password)
{
  Credentials *credentials;

  g_return_if_fail (SOUP_IS_MESSAGE (msg));
  g_return_if_fail (user != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (msg), CREDENTIALS_KEY) == NULL);

  credentials = g_new0 (Credentials, 1);
  credentials->origin = bandi_http_uri_dup_origin (soup_message_get_uri (msg));
  credentials->user = g_strdup (user);
  credentials->password = g_strdup (password ? password : "");
  g_object_set_data_full (G_OBJECT (msg), CREDENTIALS_KEY, credentials, credentials_free);
  g_signal_connect (msg, "authenticate", G_CALLBACK (authenticate_cb), NULL);
}

/**
 * bandi_http_check_redirect_origin:
 *
 * Returns: (transfer full) (nullable): the error of a redirect that
 *   would take @msg's credentials to another origin
 */
GError *
bandi_http_check_redirect_origin (SoupMessage *msg)
{
  Credentials *credentials = g_object_get_data (G_OBJECT (msg), CREDENTIALS_KEY);
  g_autofree char *origin = NULL;

  if (credentials == NULL)
    return NULL;
  origin = bandi_http_uri_dup_origin (soup_message_get_uri (msg));
  if (strcmp (origin, credentials->origin) == 0)
    return NULL;

  /* Translators: "http://127.0.0.1:5232 redirects to https://other.example:
   * not followed, the password is only sent to http://127.0.0.1:5232" */
  return g_error_new (BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_CROSS_ORIGIN,
                      _("%s redirects to %s: not followed, the password is only sent to %s"),
                      credentials->origin, origin, credentials->origin);
}
