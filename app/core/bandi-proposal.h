/* bandi-proposal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bandi-deadline.h"
#include "bandi-enums.h"
#include "bandi-milestone.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PROPOSAL (bandi_proposal_get_type ())
G_DECLARE_FINAL_TYPE (BandiProposal, bandi_proposal, BANDI, PROPOSAL, GObject)

/* A proposal a cluster prepares. It targets a stored call (call-source and
 * call-external-id) or, for calls no source knows, a manual call name and
 * deadline. Money is in euro, -1 when not given. */

BandiProposal       *bandi_proposal_new                  (void);

gint64               bandi_proposal_get_id               (BandiProposal       *self);
void                 bandi_proposal_set_id               (BandiProposal       *self,
                                                          gint64               id);
gint64               bandi_proposal_get_cluster_id       (BandiProposal       *self);
void                 bandi_proposal_set_cluster_id       (BandiProposal       *self,
                                                          gint64               cluster_id);
const char          *bandi_proposal_get_cluster_acronym  (BandiProposal       *self);
void                 bandi_proposal_set_cluster_acronym  (BandiProposal       *self,
                                                          const char          *cluster_acronym);
const char          *bandi_proposal_get_call_source      (BandiProposal       *self);
void                 bandi_proposal_set_call_source      (BandiProposal       *self,
                                                          const char          *call_source);
const char          *bandi_proposal_get_call_external_id (BandiProposal       *self);
void                 bandi_proposal_set_call_external_id (BandiProposal       *self,
                                                          const char          *call_external_id);
const char          *bandi_proposal_get_manual_call      (BandiProposal       *self);
void                 bandi_proposal_set_manual_call      (BandiProposal       *self,
                                                          const char          *manual_call);
BandiDeadline       *bandi_proposal_get_manual_deadline  (BandiProposal       *self);
void                 bandi_proposal_set_manual_deadline  (BandiProposal       *self,
                                                          BandiDeadline       *manual_deadline);
const char          *bandi_proposal_get_programme        (BandiProposal       *self);
void                 bandi_proposal_set_programme        (BandiProposal       *self,
                                                          const char          *programme);
const char          *bandi_proposal_get_acronym          (BandiProposal       *self);
void                 bandi_proposal_set_acronym          (BandiProposal       *self,
                                                          const char          *acronym);
const char          *bandi_proposal_get_title            (BandiProposal       *self);
void                 bandi_proposal_set_title            (BandiProposal       *self,
                                                          const char          *title);
BandiProposalRole    bandi_proposal_get_role             (BandiProposal       *self);
void                 bandi_proposal_set_role             (BandiProposal       *self,
                                                          BandiProposalRole    role);
const char          *bandi_proposal_get_partners         (BandiProposal       *self);
void                 bandi_proposal_set_partners         (BandiProposal       *self,
                                                          const char          *partners);
double               bandi_proposal_get_requested_budget (BandiProposal       *self);
void                 bandi_proposal_set_requested_budget (BandiProposal       *self,
                                                          double               requested_budget);
double               bandi_proposal_get_eu_contribution  (BandiProposal       *self);
void                 bandi_proposal_set_eu_contribution  (BandiProposal       *self,
                                                          double               eu_contribution);
BandiProposalStatus  bandi_proposal_get_status           (BandiProposal       *self);
void                 bandi_proposal_set_status           (BandiProposal       *self,
                                                          BandiProposalStatus  status);
const char          *bandi_proposal_get_owner            (BandiProposal       *self);
void                 bandi_proposal_set_owner            (BandiProposal       *self,
                                                          const char          *owner);
const char          *bandi_proposal_get_notes            (BandiProposal       *self);
void                 bandi_proposal_set_notes            (BandiProposal       *self,
                                                          const char          *notes);
gint64               bandi_proposal_get_created          (BandiProposal       *self);
void                 bandi_proposal_set_created          (BandiProposal       *self,
                                                          gint64               created);
gint64               bandi_proposal_get_updated          (BandiProposal       *self);
void                 bandi_proposal_set_updated          (BandiProposal       *self,
                                                          gint64               updated);
gint64               bandi_proposal_get_status_changed   (BandiProposal       *self);
void                 bandi_proposal_set_status_changed   (BandiProposal       *self,
                                                          gint64               status_changed);
const char          *bandi_proposal_get_uid             (BandiProposal       *self);
void                 bandi_proposal_set_uid             (BandiProposal       *self,
                                                          const char          *uid);
const char          *bandi_proposal_get_updated_by      (BandiProposal       *self);
void                 bandi_proposal_set_updated_by      (BandiProposal       *self,
                                                          const char          *updated_by);

GPtrArray           *bandi_proposal_get_milestones       (BandiProposal       *self);
void                 bandi_proposal_add_milestone        (BandiProposal       *self,
                                                          BandiMilestone      *milestone);
gboolean             bandi_proposal_remove_milestone     (BandiProposal       *self,
                                                          BandiMilestone      *milestone);


G_END_DECLS
