/* bandi-notices.h — desktop notifications for near and moved deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_NOTICES (bandi_notices_get_type ())
G_DECLARE_FINAL_TYPE (BandiNotices, bandi_notices, BANDI, NOTICES, GObject)

BandiNotices *bandi_notices_new   (GApplication *application,
                                   BandiStore   *store,
                                   GSettings    *settings);
/* Sends a notification for each deadline of a starred or targeted call and
 * each open milestone within one of the reminder days, and for each such
 * deadline that moved in the last weeks; each only once, as remembered in
 * the store's state. @application may be NULL (nothing is shown, the
 * notices are still counted and remembered). Returns how many were due. */
guint         bandi_notices_check    (BandiNotices *self);
guint         bandi_notices_check_at (BandiNotices *self,
                                      GDateTime    *now);
/* When to check again, while the application runs, after @now: within the
 * hour, and at the next local midnight (when "tomorrow" becomes "today"). */
GDateTime    *bandi_notices_next_check (GDateTime   *now);

G_END_DECLS
