/* bandi-sync.h — fetches sources concurrently and merges them into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-source.h"
#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_SYNC (bandi_sync_get_type ())
G_DECLARE_FINAL_TYPE (BandiSync, bandi_sync, BANDI, SYNC, GObject)

/* The default of BandiSync:timeout: far longer than a real sync of every
 * source takes (a few minutes at most), short of a sync left hanging. */
#define BANDI_SYNC_DEFAULT_TIMEOUT_S (30 * 60)

BandiSync *bandi_sync_new            (BandiStore          *store,
                                      SoupSession         *session);
guint      bandi_sync_get_timeout    (BandiSync           *self);
void       bandi_sync_set_timeout    (BandiSync           *self,
                                      guint                timeout_s);
gboolean   bandi_sync_get_running    (BandiSync           *self);
/* Overall progress in [0, 1] while running. */
double     bandi_sync_get_progress   (BandiSync           *self);

/* Fetches each of @sources (element-type BandiSource) at once over the
 * shared session, merges each result into the store as it arrives (one
 * transaction per source, written on a worker thread over a connection of
 * its own, one source at a time) and records each source's status. Emits
 * ::source-started (BandiSource) and ::source-finished (BandiSource,
 * const BandiSourceStatus *). Finishes TRUE when every source succeeded;
 * otherwise FALSE with an error naming the sources that failed — the
 * others' results are in the store either way. */
void       bandi_sync_run_async      (BandiSync           *self,
                                      GPtrArray           *sources,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean   bandi_sync_run_finish     (BandiSync           *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
