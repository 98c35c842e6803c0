/* bandi-relevance.h — how relevant a call is to a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-call.h"
#include "bandi-cluster.h"

G_BEGIN_DECLS

/* A score in [0, 100] from the cluster's keywords and technology areas
 * matched against the call's title, keywords and identifier, plus the
 * cluster's Horizon parts ("CL5") against the call's programme part. */
guint    bandi_relevance_score        (BandiCluster *cluster,
                                       BandiCall    *call);
/* The score from which a call is "Suggested for <cluster>". */
#define BANDI_RELEVANCE_SUGGESTED 40

gboolean bandi_relevance_is_suggested (BandiCluster *cluster,
                                       BandiCall    *call);

G_END_DECLS
