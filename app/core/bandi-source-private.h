/* bandi-source-private.h — the host's side of BandiSource
 *
 * What the sync tells a source before a fetch and reads from it after;
 * not part of the plugin API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

/* Before a fetch: the answer the store holds calls for (NULL if none). */
void        bandi_source_set_previous_answer      (BandiSource *self,
                                                   const char  *answer);
/* After a fetch: what the source said of its answer. */
const char *bandi_source_get_answer               (BandiSource *self,
                                                   gint64      *out_valid_until_unix);
gboolean    bandi_source_get_keeps_previous_calls (BandiSource *self);

/* After a fetch: what the answer is worth (see bandi_source_set_incomplete()). */
gboolean    bandi_source_get_incomplete           (BandiSource *self);
void        bandi_source_get_record_counts        (BandiSource *self,
                                                   guint       *out_n_records,
                                                   guint       *out_n_unreadable);
gboolean    bandi_source_get_empty_allowed        (BandiSource *self);
const char * const *bandi_source_get_answer_scope (BandiSource *self);

G_END_DECLS
