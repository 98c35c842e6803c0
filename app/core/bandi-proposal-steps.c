/* bandi-proposal-steps.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposal"

#include "config.h"

#include "bandi-proposal-steps.h"

gboolean
bandi_proposal_is_in_preparation (BandiProposalStatus status)
{
  return status == BANDI_PROPOSAL_STATUS_IDEA || status == BANDI_PROPOSAL_STATUS_DRAFTING;
}

BandiMilestone *
bandi_proposal_get_next_milestone (BandiProposal *self)
{
  GPtrArray *milestones;
  BandiMilestone *next = NULL;

  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);

  milestones = bandi_proposal_get_milestones (self);
  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *m = g_ptr_array_index (milestones, i);
      BandiDeadline *due = bandi_milestone_get_due (m);

      if (bandi_milestone_get_done (m) || due == NULL)
        continue;
      if (next == NULL ||
          bandi_deadline_sort_key (due) < bandi_deadline_sort_key (bandi_milestone_get_due (next)))
        next = m;
    }

  return next;
}

guint
bandi_proposal_close_preparation (BandiProposal *self,
                                  BandiDeadline *target,
                                  gint64         now_unix)
{
  GPtrArray *milestones;
  gint64 until = now_unix;
  guint n = 0;

  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);

  if (target != NULL)
    until = MAX (until, bandi_deadline_to_unix (target));

  milestones = bandi_proposal_get_milestones (self);
  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *m = g_ptr_array_index (milestones, i);
      BandiDeadline *due = bandi_milestone_get_due (m);

      if (bandi_milestone_get_done (m) || due == NULL || bandi_deadline_to_unix (due) > until)
        continue;
      bandi_milestone_set_done (m, TRUE);
      n++;
    }

  return n;
}
