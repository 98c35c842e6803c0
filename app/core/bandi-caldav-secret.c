/* bandi-caldav-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-caldav"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "bandi-caldav-secret.h"

static const SecretSchema *
caldav_schema (void)
{
  static const SecretSchema schema = {
    "io.github.bandi.Bandi.CalDAV", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

void
bandi_caldav_password_lookup_async (const char          *url,
                                    const char          *user,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  secret_password_lookup (caldav_schema (), cancellable, callback, user_data,
                          "url", url, "user", user, NULL);
}

char *
bandi_caldav_password_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

void
bandi_caldav_password_store_async (const char          *url,
                                   const char          *user,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  /* TRANSLATORS: the name of the password in the keyring; %s is the user */
  label = g_strdup_printf (_("Bandi calendar password for %s"), user);
  secret_password_store (caldav_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

gboolean
bandi_caldav_password_store_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
bandi_caldav_password_free (char *password)
{
  secret_password_free (password);
}
