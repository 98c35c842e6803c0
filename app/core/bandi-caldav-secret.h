/* bandi-caldav-secret.h — the CalDAV password in the keyring (libsecret)
 *
 * One password per calendar URL and user name, in the Secret Service
 * (GNOME Keyring, KWallet; the secret portal under Flatpak).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      bandi_caldav_password_lookup_async  (const char           *url,
                                               const char           *user,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* The password, or NULL when the keyring has none (@error unset) or could
 * not be asked (@error set). Free with bandi_caldav_password_free(). */
char     *bandi_caldav_password_lookup_finish (GAsyncResult         *result,
                                               GError              **error);

void      bandi_caldav_password_store_async   (const char           *url,
                                               const char           *user,
                                               const char           *password,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  bandi_caldav_password_store_finish  (GAsyncResult         *result,
                                               GError              **error);

/* Wipes and frees a password. */
void      bandi_caldav_password_free          (char                 *password);

G_END_DECLS
