/* export-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-http.h"
#include "export-fixtures.h"

gint64
fixture_utc (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
add_deadline (BandiCall     *call,
              BandiDeadline *deadline)
{
  g_assert_nonnull (deadline);
  bandi_call_add_deadline (call, deadline);
  g_object_unref (deadline);
}

static void
set_due (BandiMilestone *milestone,
         BandiDeadline  *due)
{
  g_assert_nonnull (due);
  bandi_milestone_set_due (milestone, due);
  g_object_unref (due);
}

BandiCall *
fixture_horizon_call (const char *identifier,
                      const char *title)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, "horizon");
  bandi_call_set_external_id (call, identifier);
  bandi_call_set_call_id (call, "HORIZON-CL5-2024-D2-01");
  bandi_call_set_call_title (call, "Sustainable, secure and competitive energy supply");
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_programme_part (call, "CL5");
  bandi_call_set_action_type (call, "HORIZON-RIA");
  bandi_call_set_deadline_model (call, "two-stage");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, 12000000);
  bandi_call_set_expected_grants (call, 3);
  bandi_call_set_url (call, "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/HORIZON-CL5-2024-D2-01-03");
  bandi_call_set_first_seen (call, fixture_utc (2023, 12, 1, 9, 0));
  bandi_call_set_last_changed (call, fixture_utc (2024, 1, 10, 8, 30));
  add_deadline (call, bandi_deadline_new_local (1, NULL, 2024, 4, 18, 17, 0, 0, "Europe/Brussels"));
  add_deadline (call, bandi_deadline_new_local (2, NULL, 2025, 1, 16, 17, 0, 0, "Europe/Brussels"));

  return call;
}

BandiCall *
fixture_lombardia_call (void)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, "lombardia");
  bandi_call_set_external_id (call, "RLO12026055023");
  bandi_call_set_title (call, "Collabora&Innova");
  bandi_call_set_programme (call, "Regione Lombardia");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, 100000000);
  bandi_call_set_url (call, "https://www.bandi.regione.lombardia.it/servizi/servizio/bandi/dettaglio/ricerca-innovazione/collabora-innova");
  bandi_call_set_first_seen (call, fixture_utc (2026, 5, 2, 7, 0));
  add_deadline (call, bandi_deadline_new_date (1, NULL, 2026, 9, 7));

  return call;
}

BandiProposal *
fixture_proposal (void)
{
  BandiProposal *proposal = bandi_proposal_new ();
  BandiMilestone *draft = bandi_milestone_new ();
  BandiMilestone *kickoff = bandi_milestone_new ();

  bandi_proposal_set_id (proposal, 4);
  bandi_proposal_set_cluster_acronym (proposal, "LE2C");
  bandi_proposal_set_acronym (proposal, "GRIDFLEX");
  bandi_proposal_set_title (proposal, "Flexible grids for energy communities");
  bandi_proposal_set_programme (proposal, "Horizon Europe");
  bandi_proposal_set_call_source (proposal, "horizon");
  bandi_proposal_set_call_external_id (proposal, "HORIZON-CL5-2024-D2-01-03");
  bandi_proposal_set_status (proposal, BANDI_PROPOSAL_STATUS_DRAFTING);
  bandi_proposal_set_role (proposal, BANDI_PROPOSAL_ROLE_COORDINATOR);
  bandi_proposal_set_created (proposal, fixture_utc (2024, 1, 15, 10, 0));
  bandi_proposal_set_updated (proposal, fixture_utc (2024, 2, 1, 10, 0));

  bandi_milestone_set_id (draft, 11);
  bandi_milestone_set_title (draft, "Full draft to partners");
  set_due (draft, bandi_deadline_new_local (1, NULL, 2024, 3, 28, 12, 0, 0, "Europe/Rome"));
  bandi_proposal_add_milestone (proposal, draft);

  bandi_milestone_set_id (kickoff, 12);
  bandi_milestone_set_title (kickoff, "Consortium kick-off");
  set_due (kickoff, bandi_deadline_new_date (1, NULL, 2024, 2, 12));
  bandi_milestone_set_done (kickoff, TRUE);
  bandi_proposal_add_milestone (proposal, kickoff);

  g_object_unref (draft);
  g_object_unref (kickoff);

  return proposal;
}

static void
publish_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

BandiCaldavReport *
fixture_publish (BandiCaldavPublisher  *publisher,
                 BandiIcalExport       *export,
                 gboolean               dry_run,
                 GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  BandiHttpLimits limits;

  bandi_http_session_get_limits (bandi_caldav_publisher_get_session (publisher), &limits);
  limits.max_retries = 0;
  bandi_http_session_set_limits (bandi_caldav_publisher_get_session (publisher), &limits);

  bandi_caldav_publisher_publish_async (publisher, export, dry_run, NULL, publish_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return bandi_caldav_publisher_publish_finish (publisher, result, error);
}
