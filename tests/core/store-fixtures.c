/* store-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-fixtures.h"

char *
fixture_external_id (guint i)
{
  return g_strdup_printf ("HORIZON-CL5-2024-D3-01-%05u", i);
}

BandiCall *
fixture_call (guint i,
              guint variant)
{
  BandiCall *call = bandi_call_new ();
  g_autofree char *external_id = fixture_external_id (i);
  g_autofree char *title = g_strdup_printf ("Next-generation batteries for storage, topic %u (v%u)",
                                            i, variant);
  g_autofree char *url = g_strdup_printf ("https://ec.europa.eu/topic-details/%s", external_id);
  const char *keywords[] = { "Batteries", "Energy storage", NULL };
  g_autoptr(BandiDeadline) opening = bandi_deadline_new_date (0, NULL, 2024, 1, 10);
  g_autoptr(BandiDeadline) first = bandi_deadline_new_local (1, "Stage 1", 2024, 4, 18, 17, 0, 0,
                                                             "Europe/Brussels");
  g_autoptr(BandiDeadline) second = bandi_deadline_new_local (2, "Stage 2", 2024, 9, 17, 17, 0, 0,
                                                              "Europe/Brussels");

  bandi_call_set_source_id (call, FIXTURE_SOURCE);
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_call_id (call, "HORIZON-CL5-2024-D3-01");
  bandi_call_set_call_title (call, "Sustainable, secure and competitive energy supply");
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_programme_part (call, "CL5");
  bandi_call_set_action_type (call, "HORIZON-RIA");
  bandi_call_set_deadline_model (call, "two-stage");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_opening (call, opening);
  bandi_call_set_budget (call, 12000000);
  bandi_call_set_expected_grants (call, 3);
  bandi_call_set_min_contribution (call, 3000000);
  bandi_call_set_max_contribution (call, 4000000);
  bandi_call_set_url (call, url);
  bandi_call_set_keywords (call, keywords);
  bandi_call_set_description (call,
                              "Projects are expected to contribute to battery cells with higher "
                              "energy density and a lower carbon footprint across the value chain.");
  bandi_call_add_deadline (call, first);
  bandi_call_add_deadline (call, second);

  return call;
}

GPtrArray *
fixture_calls (guint n,
               guint variant)
{
  GPtrArray *calls = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (calls, fixture_call (i, variant));

  return calls;
}

BandiProposal *
fixture_proposal (const char *title)
{
  BandiProposal *proposal = bandi_proposal_new ();
  g_autoptr(BandiMilestone) draft = bandi_milestone_new ();
  g_autoptr(BandiMilestone) submit = bandi_milestone_new ();
  g_autoptr(BandiDeadline) draft_due = bandi_deadline_new_date (1, NULL, 2024, 3, 1);
  g_autoptr(BandiDeadline) submit_due = bandi_deadline_new_local (1, NULL, 2024, 4, 18, 12, 0, 0,
                                                                  "Europe/Rome");

  bandi_proposal_set_title (proposal, title);
  bandi_proposal_set_acronym (proposal, "BATT4EU");
  bandi_proposal_set_call_source (proposal, FIXTURE_SOURCE);
  bandi_proposal_set_call_external_id (proposal, "HORIZON-CL5-2024-D3-01-00003");
  bandi_proposal_set_role (proposal, BANDI_PROPOSAL_ROLE_PARTNER);
  bandi_proposal_set_partners (proposal, "Politecnico di Milano\nA2A");
  bandi_proposal_set_requested_budget (proposal, 450000);
  bandi_proposal_set_eu_contribution (proposal, 400000);
  bandi_proposal_set_status (proposal, BANDI_PROPOSAL_STATUS_DRAFTING);
  bandi_proposal_set_owner (proposal, "Giulia");
  bandi_proposal_set_notes (proposal, "Contattare i partner entro venerdì");

  bandi_milestone_set_title (draft, "First draft to partners");
  bandi_milestone_set_due (draft, draft_due);
  bandi_milestone_set_done (draft, TRUE);
  bandi_milestone_set_title (submit, "Internal submission");
  bandi_milestone_set_due (submit, submit_due);
  bandi_proposal_add_milestone (proposal, draft);
  bandi_proposal_add_milestone (proposal, submit);

  return proposal;
}
