/* bandi-digest.h — the members' digest of a cluster, for its newsletter
 *
 * The calls of a cluster (as bandi_ical_scope_list_calls() gives them) whose deadline
 * falls in the coming weeks, then the calls first seen in the last week,
 * then, if asked, the cluster's proposals in preparation; as an HTML
 * document or as Markdown. Deadlines are shown in Europe/Rome time with the
 * zone named. Text from sources is escaped for the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bandi-call.h"
#include "bandi-cluster.h"
#include "bandi-proposal.h"

G_BEGIN_DECLS

typedef enum {
  BANDI_DIGEST_FORMAT_HTML,
  BANDI_DIGEST_FORMAT_MARKDOWN,
} BandiDigestFormat;

/* A call is "new" when first seen this many days before now. */
#define BANDI_DIGEST_NEW_DAYS 7
#define BANDI_DIGEST_DEFAULT_WEEKS 4

#define BANDI_TYPE_DIGEST (bandi_digest_get_type ())
G_DECLARE_FINAL_TYPE (BandiDigest, bandi_digest, BANDI, DIGEST, GObject)

BandiDigest *bandi_digest_new          (BandiCluster      *cluster,
                                        gint64             now_unix,
                                        guint              weeks);
/* Offers a call of the cluster: kept if a deadline of it falls in the
 * coming weeks, or if it is new and not past. Returns whether it was kept. */
gboolean     bandi_digest_add_call     (BandiDigest       *self,
                                        BandiCall         *call);
/* Offers a proposal: kept while in preparation (idea, drafting). @call is
 * the call it targets, when the store knows it. */
gboolean     bandi_digest_add_proposal (BandiDigest       *self,
                                        BandiProposal     *proposal,
                                        BandiCall         *call);
guint        bandi_digest_get_n_calls  (BandiDigest       *self);
char        *bandi_digest_render       (BandiDigest       *self,
                                        BandiDigestFormat  format);

G_END_DECLS
