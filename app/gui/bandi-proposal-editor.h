/* bandi-proposal-editor.h — edits one proposal, saving as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PROPOSAL_EDITOR (bandi_proposal_editor_get_type ())
G_DECLARE_FINAL_TYPE (BandiProposalEditor, bandi_proposal_editor, BANDI, PROPOSAL_EDITOR, GtkWidget)

BandiProposalEditor *bandi_proposal_editor_new          (void);
void                 bandi_proposal_editor_set_store    (BandiProposalEditor *self,
                                                         BandiStore          *store);
void                 bandi_proposal_editor_set_clusters (BandiProposalEditor *self,
                                                         GListModel          *clusters);
/* Stored calls, for choosing the target call. */
void                 bandi_proposal_editor_set_calls    (BandiProposalEditor *self,
                                                         GListModel          *calls);
void                 bandi_proposal_editor_set_proposal (BandiProposalEditor *self,
                                                         BandiProposal       *proposal);
BandiProposal       *bandi_proposal_editor_get_proposal (BandiProposalEditor *self);
/* Saves pending changes now; FALSE (and a toast) if the store refused. */
gboolean             bandi_proposal_editor_flush        (BandiProposalEditor *self);

G_END_DECLS
