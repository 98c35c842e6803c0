/* bandi-context.h — the one live model every view of a window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-plugin-loader.h"
#include "bandi-store.h"
#include "bandi-sync.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CONTEXT (bandi_context_get_type ())
G_DECLARE_FINAL_TYPE (BandiContext, bandi_context, BANDI, CONTEXT, GObject)

/* @sync: (nullable): the context reads the store again after each sync. */
BandiContext      *bandi_context_new              (BandiStore        *store,
                                                   BandiPluginLoader *loader,
                                                   GSettings         *settings,
                                                   BandiSync         *sync);
BandiStore        *bandi_context_get_store        (BandiContext      *self);
BandiPluginLoader *bandi_context_get_loader       (BandiContext      *self);
GSettings         *bandi_context_get_settings     (BandiContext      *self);

/* Every stored call, ordered by next deadline (bandi_calls_sort_by_deadline);
 * a new list after each ::calls-changed, the same call objects between. */
GListModel        *bandi_context_get_calls        (BandiContext      *self);
GListModel        *bandi_context_get_clusters     (BandiContext      *self);
/* Every proposal, with its milestones. */
GListModel        *bandi_context_get_proposals    (BandiContext      *self);
/* The call with @id among the calls, or NULL. */
BandiCall         *bandi_context_find_call        (BandiContext      *self,
                                                   gint64             id);
/* The clock every view reads: its "now" property changes each minute and
 * at each reload. */
GDateTime         *bandi_context_get_now          (BandiContext      *self);
gint64             bandi_context_get_now_unix     (BandiContext      *self);
/* TRUE once the calls have been read. */
gboolean           bandi_context_get_loaded       (BandiContext      *self);

/* Read the store again, then emit ::calls-changed, ::clusters-changed
 * and ::proposals-changed (each only for what was read). */
gboolean           bandi_context_reload           (BandiContext      *self,
                                                   GError           **error);
gboolean           bandi_context_reload_clusters  (BandiContext      *self,
                                                   GError           **error);
gboolean           bandi_context_reload_proposals (BandiContext      *self,
                                                   GError           **error);
/* Stars @call (and the context's own object for it), then emits
 * ::call-changed. */
gboolean           bandi_context_set_starred      (BandiContext      *self,
                                                   BandiCall         *call,
                                                   gboolean           starred,
                                                   GError           **error);

/* A new list of @calls ordered by next deadline at @now_unix: calls with a
 * deadline ahead first (soonest first), then closed calls (latest deadline
 * first), then calls without a deadline. */
GListModel     *bandi_calls_sort_by_deadline    (GListModel     *calls,
                                                 gint64          now_unix);

/* The distinct non-empty values @get gives for @calls, sorted; the calls
 * own the strings. */
GPtrArray      *bandi_calls_distinct_values     (GListModel     *calls,
                                                 const char   *(*get) (BandiCall *));

G_END_DECLS
