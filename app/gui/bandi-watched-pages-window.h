/* bandi-watched-pages-window.h — the web pages watched for changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_WATCHED_PAGES_WINDOW (bandi_watched_pages_window_get_type ())
G_DECLARE_FINAL_TYPE (BandiWatchedPagesWindow, bandi_watched_pages_window,
                      BANDI, WATCHED_PAGES_WINDOW, AdwPreferencesWindow)

BandiWatchedPagesWindow *bandi_watched_pages_window_new (BandiStore *store);

/* After a sync, with its session: watches the pages @sources could not
 * read as they expected, checks the watched pages, and sends a
 * notification for each that changed, whose action opens this window. */
void bandi_watched_pages_check (GApplication *application,
                                BandiStore   *store,
                                SoupSession  *session,
                                GPtrArray    *sources);

G_END_DECLS
