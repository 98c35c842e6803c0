/* bandi-proposals-view.h — proposals grouped by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PROPOSALS_VIEW (bandi_proposals_view_get_type ())
G_DECLARE_FINAL_TYPE (BandiProposalsView, bandi_proposals_view, BANDI, PROPOSALS_VIEW, GtkWidget)

BandiProposalsView *bandi_proposals_view_new         (void);
void                bandi_proposals_view_set_store   (BandiProposalsView *self,
                                                      BandiStore         *store);
/* NULL: every cluster */
void                bandi_proposals_view_set_cluster (BandiProposalsView *self,
                                                      const char         *acronym);
const char         *bandi_proposals_view_get_cluster (BandiProposalsView *self);
void                bandi_proposals_view_reload      (BandiProposalsView *self);
guint               bandi_proposals_view_get_n_proposals (BandiProposalsView *self);

G_END_DECLS
