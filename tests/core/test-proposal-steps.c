/* test-proposal-steps.c — a proposal's next step, and the preparation's
 * milestones closed when it leaves preparation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-proposal-steps.h"

#define NOW 1900000000   /* 2030-03-17 */
#define DAY (24 * 3600)

static void
add_milestone (BandiProposal *proposal,
               const char    *title,
               gboolean       has_due,
               gint64         due_unix,
               gboolean       done)
{
  g_autoptr(BandiMilestone) milestone = bandi_milestone_new ();

  bandi_milestone_set_title (milestone, title);
  bandi_milestone_set_done (milestone, done);
  if (has_due)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (due_unix);
      g_autoptr(BandiDeadline) due = bandi_deadline_new_timed (1, NULL, when, "Europe/Rome");

      bandi_milestone_set_due (milestone, due);
    }
  bandi_proposal_add_milestone (proposal, milestone);
}

/* Sent the draft (overdue), internal review (before the call's deadline
 * in 5 days), evaluation results (after it), kick-off (no date), and an
 * old one done. */
static BandiProposal *
proposal_with_milestones (void)
{
  BandiProposal *proposal = bandi_proposal_new ();

  add_milestone (proposal, "Evaluation results", TRUE, NOW + 150 * DAY, FALSE);
  add_milestone (proposal, "Internal review", TRUE, NOW + 4 * DAY, FALSE);
  add_milestone (proposal, "Send draft to partners", TRUE, NOW - 10 * DAY, FALSE);
  add_milestone (proposal, "Kick-off", FALSE, 0, FALSE);
  add_milestone (proposal, "Consortium found", TRUE, NOW - 40 * DAY, TRUE);
  return proposal;
}

static const char *
open_titles (BandiProposal *proposal,
             GString       *out)
{
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);

  g_string_truncate (out, 0);
  for (guint i = 0; i < milestones->len; i++)
    if (!bandi_milestone_get_done (milestones->pdata[i]))
      g_string_append_printf (out, "%s%s", out->len ? "|" : "",
                              bandi_milestone_get_title (milestones->pdata[i]));
  return out->str;
}

static void
test_next_milestone (void)
{
  g_autoptr(BandiProposal) proposal = proposal_with_milestones ();
  g_autoptr(BandiProposal) empty = bandi_proposal_new ();

  g_assert_cmpstr (bandi_milestone_get_title (bandi_proposal_get_next_milestone (proposal)), ==,
                   "Send draft to partners");
  g_assert_null (bandi_proposal_get_next_milestone (empty));
}

static void
test_close_preparation (void)
{
  g_autoptr(BandiProposal) proposal = proposal_with_milestones ();
  g_autoptr(BandiProposal) no_call = proposal_with_milestones ();
  g_autoptr(GDateTime) deadline_at = g_date_time_new_from_unix_utc (NOW + 5 * DAY);
  g_autoptr(BandiDeadline) deadline = bandi_deadline_new_timed (1, NULL, deadline_at, "Europe/Brussels");
  g_autoptr(GString) open = g_string_new (NULL);

  /* Until the call's deadline: the draft and the review. */
  g_assert_cmpuint (bandi_proposal_close_preparation (proposal, deadline, NOW), ==, 2);
  g_assert_cmpstr (open_titles (proposal, open), ==, "Evaluation results|Kick-off");
  g_assert_cmpstr (bandi_milestone_get_title (bandi_proposal_get_next_milestone (proposal)), ==,
                   "Evaluation results");
  g_assert_cmpuint (bandi_proposal_close_preparation (proposal, deadline, NOW), ==, 0);

  /* No call deadline known: what is due by now. */
  g_assert_cmpuint (bandi_proposal_close_preparation (no_call, NULL, NOW), ==, 1);
  g_assert_cmpstr (open_titles (no_call, open), ==, "Evaluation results|Internal review|Kick-off");
}

static void
test_in_preparation (void)
{
  const struct {
    BandiProposalStatus status;
    gboolean            preparing;
  } cases[] = {
    { BANDI_PROPOSAL_STATUS_IDEA, TRUE },
    { BANDI_PROPOSAL_STATUS_DRAFTING, TRUE },
    { BANDI_PROPOSAL_STATUS_SUBMITTED, FALSE },
    { BANDI_PROPOSAL_STATUS_UNDER_EVALUATION, FALSE },
    { BANDI_PROPOSAL_STATUS_FUNDED, FALSE },
    { BANDI_PROPOSAL_STATUS_REJECTED, FALSE },
    { BANDI_PROPOSAL_STATUS_WITHDRAWN, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bandi_proposal_is_in_preparation (cases[i].status), ==, cases[i].preparing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal-steps/next-milestone", test_next_milestone);
  g_test_add_func ("/proposal-steps/close-preparation", test_close_preparation);
  g_test_add_func ("/proposal-steps/in-preparation", test_in_preparation);

  return g_test_run ();
}
