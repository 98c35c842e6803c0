/* gui-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-zone.h"
#include "gui-fixtures.h"

BandiDeadline *
gui_fixture_deadline (guint       stage,
                      int         days,
                      int         hour,
                      const char *zone)
{
  GTimeZone *tz = bandi_zone_lookup (zone ? zone : "Europe/Rome");  /* cached: not ours */
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  int y, m, d;

  g_date_time_get_ymd (day, &y, &m, &d);
  if (zone == NULL)
    return bandi_deadline_new_date (stage, NULL, y, m, d);
  return bandi_deadline_new_local (stage, NULL, y, m, d, hour, 0, 0, zone);
}

static void
add_deadline (BandiCall     *call,
              BandiDeadline *deadline)
{
  bandi_call_add_deadline (call, deadline);
  g_object_unref (deadline);
}

static BandiCall *
make_call (const char    *external_id,
           const char    *title,
           const char    *programme,
           const char    *part,
           BandiCallStatus status,
           const char    *url,
           const char * const *keywords)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_external_id (call, external_id);
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, programme);
  bandi_call_set_programme_part (call, part);
  bandi_call_set_status (call, status);
  bandi_call_set_url (call, url);
  bandi_call_set_keywords (call, keywords);
  bandi_call_set_budget (call, -1);
  bandi_call_set_expected_grants (call, -1);
  bandi_call_set_min_contribution (call, -1);
  bandi_call_set_max_contribution (call, -1);
  return call;
}

static GPtrArray *
horizon_calls (guint n_bulk)
{
  static const char * const battery_keywords[] = { "batteries", "energy storage", "<script>", NULL };
  static const char * const food_keywords[] = { "food systems", "agri-food", NULL };
  static const char * const digital_keywords[] = { "artificial intelligence", "robotics", NULL };
  static const char * const parts[] = { "CL1", "CL2", "CL3", "CL4", "CL5", "CL6" };
  static const char * const programmes[] = { "Horizon Europe", "Digital Europe", "LIFE", "Single Market Programme" };
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_object_unref);
  BandiCall *call;

  call = make_call (FIXTURE_BATTERIES, FIXTURE_BATTERIES_TITLE, "Horizon Europe", "CL5",
                    BANDI_CALL_STATUS_OPEN,
                    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/" FIXTURE_BATTERIES,
                    battery_keywords);
  bandi_call_set_call_id (call, "HORIZON-CL5-2027-D2-01");
  bandi_call_set_call_title (call, "Sustainable, secure and competitive energy supply");
  bandi_call_set_action_type (call, "HORIZON-RIA HORIZON Research and Innovation Actions");
  bandi_call_set_deadline_model (call, "two-stage");
  bandi_call_set_budget (call, 12000000);
  bandi_call_set_expected_grants (call, 3);
  bandi_call_set_min_contribution (call, 3500000);
  bandi_call_set_max_contribution (call, 4000000);
  bandi_call_set_description (call, "Expected outcome: <i>safer</i> cells & 50% less cobalt.\nScope: pilot lines.");
  add_deadline (call, gui_fixture_deadline (1, 3, 17, "Europe/Brussels"));
  add_deadline (call, gui_fixture_deadline (2, 120, 17, "Europe/Brussels"));
  g_ptr_array_add (calls, call);

  call = make_call (FIXTURE_FOOD, "Food systems for healthy diets", "Horizon Europe", "CL6",
                    BANDI_CALL_STATUS_OPEN, "https://ec.europa.eu/food", food_keywords);
  g_ptr_array_add (calls, call);

  call = make_call (FIXTURE_CLOSED, "Trustworthy artificial intelligence", "Horizon Europe", "CL4",
                    BANDI_CALL_STATUS_CLOSED, "https://ec.europa.eu/ai", digital_keywords);
  g_ptr_array_add (calls, call);

  for (guint i = 0; i < n_bulk; i++)
    {
      g_autofree char *id = g_strdup_printf ("HORIZON-BULK-%05u", i);
      g_autofree char *title = g_strdup_printf ("Generated topic %u on %s", i,
                                                i % 3 == 0 ? "clean energy" : i % 3 == 1 ? "health data" : "mobility");

      call = make_call (id, title, programmes[i % G_N_ELEMENTS (programmes)], parts[i % G_N_ELEMENTS (parts)],
                        BANDI_CALL_STATUS_OPEN, "https://ec.europa.eu/bulk", NULL);
      g_ptr_array_add (calls, call);
    }
  return calls;
}

gboolean
gui_fixture_fill (BandiStore  *store,
                  guint        n_bulk,
                  GError     **error)
{
  g_autoptr(GPtrArray) horizon = horizon_calls (n_bulk);
  g_autoptr(GPtrArray) lombardia = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) interreg = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  BandiCall *call;

  for (guint i = 0; i < horizon->len; i++)
    {
      BandiCall *c = g_ptr_array_index (horizon, i);
      const char *id = bandi_call_get_external_id (c);

      bandi_call_set_source_id (c, "horizon");
      if (g_str_equal (id, FIXTURE_BATTERIES))
        continue;
      if (g_str_equal (id, FIXTURE_FOOD))
        add_deadline (c, gui_fixture_deadline (1, 20, 17, "Europe/Brussels"));
      else if (g_str_equal (id, FIXTURE_CLOSED))
        add_deadline (c, gui_fixture_deadline (1, -10, 17, "Europe/Brussels"));
      else
        add_deadline (c, gui_fixture_deadline (1, 1 + (int) (i % 365), 17, "Europe/Brussels"));
    }

  call = make_call (FIXTURE_LOMBARDIA, "Collabora&Innova: progetti di ricerca", "Regione Lombardia", NULL,
                    BANDI_CALL_STATUS_OPEN, "javascript:alert(1)", NULL);
  bandi_call_set_source_id (call, "lombardia");
  add_deadline (call, gui_fixture_deadline (1, 45, 12, "Europe/Rome"));
  g_ptr_array_add (lombardia, call);

  call = make_call (FIXTURE_ALPINE, "Alpine Space fifth call", "Interreg Alpine Space", NULL,
                    BANDI_CALL_STATUS_FORTHCOMING, "https://www.alpine-space.eu/", NULL);
  bandi_call_set_source_id (call, "interreg");
  add_deadline (call, gui_fixture_deadline (1, 60, 0, NULL));
  g_ptr_array_add (interreg, call);

  return bandi_store_merge_calls (store, "horizon", horizon, now, NULL, error) &&
         bandi_store_merge_calls (store, "lombardia", lombardia, now, NULL, error) &&
         bandi_store_merge_calls (store, "interreg", interreg, now, NULL, error);
}

BandiCall *
gui_fixture_find (GListModel *model,
                  const char *external_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (model, i);

      if (g_strcmp0 (bandi_call_get_external_id (call), external_id) == 0)
        return g_steal_pointer (&call);
    }
  return NULL;
}

gboolean
gui_fixture_add_proposals (BandiStore  *store,
                           guint        n,
                           GError     **error)
{
  g_autoptr(GListModel) clusters = bandi_store_list_clusters (store, error);
  guint n_clusters;

  if (clusters == NULL)
    return FALSE;
  n_clusters = g_list_model_get_n_items (clusters);
  for (guint i = 0; i < n && n_clusters > 0; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i % n_clusters);
      g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
      g_autofree char *acronym = g_strdup_printf ("PROP%u", i);

      bandi_proposal_set_cluster_id (proposal, bandi_cluster_get_id (cluster));
      bandi_proposal_set_cluster_acronym (proposal, bandi_cluster_get_acronym (cluster));
      bandi_proposal_set_acronym (proposal, acronym);
      bandi_proposal_set_title (proposal, "A proposal");
      bandi_proposal_set_status (proposal, (BandiProposalStatus) (i % (BANDI_PROPOSAL_STATUS_LAST + 1)));
      bandi_proposal_set_requested_budget (proposal, 1000000);
      bandi_proposal_set_eu_contribution (proposal, -1);
      if (!bandi_store_save_proposal (store, proposal, error))
        return FALSE;
    }
  return TRUE;
}
