/* bandi-publish.h — publishing deadlines to the CalDAV calendar set up in
 * Preferences, and telling the user how it went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-caldav-publisher.h"

G_BEGIN_DECLS

/* TRUE when Preferences name a calendar to publish to. */
gboolean           bandi_publish_is_set_up       (GSettings          *settings);

/* Publishes @export to the calendar of @settings ("caldav-url",
 * "caldav-user"), with the password the keyring holds for them. Fails
 * with G_IO_ERROR_NOT_INITIALIZED when no calendar is set up, with
 * G_IO_ERROR_CANCELLED when cancelled, else as bandi-caldav-publisher.h says. */
void               bandi_publish_async           (BandiStore         *store,
                                                  GSettings          *settings,
                                                  BandiIcalExport    *export,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
BandiCaldavReport *bandi_publish_finish          (GAsyncResult       *result,
                                                  GError            **error);

/* "Published to the calendar: 3 new, 1 updated, 2 removed", with the
 * number of events that failed. Plain text. */
char              *bandi_publish_describe        (BandiCaldavReport  *report);

/* A dialog listing each event that failed and why. */
AdwMessageDialog  *bandi_publish_failures_dialog (GtkWindow          *parent,
                                                  BandiCaldavReport  *report);

G_END_DECLS
