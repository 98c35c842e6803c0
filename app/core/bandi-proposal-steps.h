/* bandi-proposal-steps.h — what comes next for a proposal
 *
 * A proposal is prepared (idea, drafting), then submitted (submitted,
 * under evaluation), then has its outcome (funded, rejected, withdrawn).
 * Its milestones are steps: those due until the call's deadline belong to
 * the preparation, later ones (evaluation results, kick-off) to what
 * follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-proposal.h"

G_BEGIN_DECLS

/* TRUE for idea and drafting. */
gboolean        bandi_proposal_is_in_preparation      (BandiProposalStatus status);
/* The open milestone with the earliest due date (overdue ones included),
 * or NULL. (transfer none) */
BandiMilestone *bandi_proposal_get_next_milestone     (BandiProposal      *self);
/* Marks done the open milestones of the preparation: those due by @target
 * (the call's deadline; NULL when unknown) or by @now_unix, whichever is
 * later. Milestones without a due date are left as they are. Returns how
 * many were marked. */
guint           bandi_proposal_close_preparation      (BandiProposal      *self,
                                                       BandiDeadline      *target,
                                                       gint64              now_unix);

G_END_DECLS
