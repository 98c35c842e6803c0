/* bandi-page-watch.h — checks the watched pages for changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PAGE_WATCH (bandi_page_watch_get_type ())
G_DECLARE_FINAL_TYPE (BandiPageWatch, bandi_page_watch, BANDI, PAGE_WATCH, GObject)

/* @session: (nullable): the session of the sync, so that pages are read
 * with the same limits, retries and errors as the sources; %NULL for a new
 * one from bandi_http_session_new() */
BandiPageWatch *bandi_page_watch_new          (BandiStore           *store,
                                               SoupSession          *session);

/* Watches the pages that @sources (of BandiSource) could not read as they
 * expected (bandi_source_dup_pages_to_watch()), unless their address is
 * watched already or their name taken. Returns: (element-type
 * BandiWatchedPage): those added, or %NULL when the store fails. */
GPtrArray      *bandi_page_watch_adopt        (BandiPageWatch       *self,
                                               GPtrArray            *sources,
                                               GError              **error);

/* Reads every watched page, one after the other, and compares its readable
 * text (bandi_page_text_readable()) with the one last seen: the first visit
 * only records it. What each check found is saved in the store. */
void            bandi_page_watch_check_async  (BandiPageWatch       *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* Returns: (element-type BandiWatchedPage): every page as checked (see its
 * status: "changed" with the lines added, "failed" with why), or %NULL
 * when the store cannot be read or written */
GPtrArray      *bandi_page_watch_check_finish (BandiPageWatch       *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
