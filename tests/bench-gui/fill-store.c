/* fill-store.c — fills the store at $XDG_DATA_HOME/bandi/bandi.db
 *
 *   fill-store N_CALLS N_PROPOSALS
 *
 * writes N_CALLS calls through the core API, as a sync would (nine in ten
 * from "horizon", the rest split between "interreg" and "lombardia"),
 * with varied titles, keywords and deadlines from 60 days ago to two years
 * ahead, and N_PROPOSALS proposals spread over the stored clusters, each on
 * a stored call with two milestones. Call number i of a source has the
 * identifier "<PREFIX>-<area>-<i, five digits>", e.g.
 * HORIZON-CL5-2027-ENERGY-00042. The same input gives the same store
 * (deadlines move with today's date).
 *
 * The end-to-end test and the GUI benchmarks use it to prepare their store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fill-store"

#include "config.h"

#include <stdlib.h>

#include "bandi-store.h"

static const char *const areas[] = {
  "ENERGY", "MOBILITY", "HEALTH", "FOOD", "SPACE", "DIGITAL", "CLIMATE", "CULTURE",
};
static const char *const topics[] = {
  "hydrogen", "batteries", "rehabilitation", "biorefineries", "satellites", "robotics",
  "air quality", "smart grids", "food waste", "digital twins", "circular plastics",
  "precision farming", "clean steel", "urban mobility", "cultural heritage", "cybersecurity",
};
static const char *const aims[] = {
  "Next-generation", "Scalable", "Low-carbon", "Open", "Resilient", "Affordable", "Regional",
};
static const char *const users[] = {
  "small and medium-sized enterprises", "hospitals", "municipalities", "farmers",
  "manufacturers", "energy communities", "research infrastructures",
};

typedef struct {
  const char *source;
  const char *head;       /* the identifier's head: HEAD, part number, TAIL */
  const char *tail;
  const char *programme;
} Source;

static const Source sources[] = {
  { "horizon", "HORIZON-CL", "-2027", "Horizon Europe" },
  { "interreg", "INTERREG-AS-", "", "Interreg Alpine Space" },
  { "lombardia", "RL-FESR-", "", "Regione Lombardia" },
};

static BandiCall *
make_call (const Source *source,
           guint         i,
           GDateTime    *today)
{
  BandiCall *call = bandi_call_new ();
  guint part = 1 + i % 6;
  const char *area = areas[(i / 3) % G_N_ELEMENTS (areas)];
  const char *topic = topics[(i * 7) % G_N_ELEMENTS (topics)];
  const char *other = topics[(i * 5 + 3) % G_N_ELEMENTS (topics)];
  g_autofree char *prefix = g_strdup_printf ("%s%u%s", source->head, part, source->tail);
  g_autofree char *external_id = g_strdup_printf ("%s-%s-%05u", prefix, area, i);
  g_autofree char *call_id = g_strdup_printf ("%s-%s", prefix, area);
  g_autofree char *title = g_strdup_printf ("%s %s for %s", aims[i % G_N_ELEMENTS (aims)], topic,
                                            users[(i / 2) % G_N_ELEMENTS (users)]);
  g_autofree char *description = g_strdup_printf ("Projects will pilot %s together with %s in at "
                                                  "least three regions and report on their impact.",
                                                  topic, other);
  g_autofree char *url = g_strdup_printf ("https://example.org/topic/%s", external_id);
  g_autofree char *part_name = g_strdup_printf ("CL%u", part);
  const char *keywords[] = { topic, other, area, NULL };
  int days = (int) ((i * 37) % 790) - 60;
  g_autoptr(GDateTime) due = g_date_time_add_days (today, days);
  g_autoptr(BandiDeadline) deadline = NULL;

  deadline = bandi_deadline_new_local (1, NULL, g_date_time_get_year (due), g_date_time_get_month (due),
                                       g_date_time_get_day_of_month (due), 17, 0, 0, "Europe/Brussels");
  bandi_call_set_source_id (call, source->source);
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_call_id (call, call_id);
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, source->programme);
  bandi_call_set_programme_part (call, part_name);
  bandi_call_set_action_type (call, i % 2 ? "HORIZON-RIA" : "HORIZON-IA");
  bandi_call_set_status (call, days < 0 ? BANDI_CALL_STATUS_CLOSED
                               : days > 120 ? BANDI_CALL_STATUS_FORTHCOMING : BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, 1000000.0 * (2 + i % 20));
  bandi_call_set_expected_grants (call, 1 + i % 4);
  bandi_call_set_url (call, url);
  bandi_call_set_keywords (call, keywords);
  bandi_call_set_description (call, description);
  bandi_call_add_deadline (call, deadline);
  return call;
}

static BandiProposal *
make_proposal (guint         i,
               BandiCluster *cluster,
               BandiCall    *call,
               GDateTime    *today)
{
  BandiProposal *proposal = bandi_proposal_new ();
  g_autofree char *acronym = g_strdup_printf ("PROP%03u", i);

  bandi_proposal_set_cluster_id (proposal, bandi_cluster_get_id (cluster));
  bandi_proposal_set_cluster_acronym (proposal, bandi_cluster_get_acronym (cluster));
  bandi_proposal_set_acronym (proposal, acronym);
  bandi_proposal_set_title (proposal, bandi_call_get_title (call));
  bandi_proposal_set_call_source (proposal, bandi_call_get_source_id (call));
  bandi_proposal_set_call_external_id (proposal, bandi_call_get_external_id (call));
  bandi_proposal_set_programme (proposal, bandi_call_get_programme (call));
  bandi_proposal_set_status (proposal, (BandiProposalStatus) (i % (BANDI_PROPOSAL_STATUS_LAST + 1)));
  bandi_proposal_set_role (proposal, i % 3 ? BANDI_PROPOSAL_ROLE_PARTNER : BANDI_PROPOSAL_ROLE_COORDINATOR);
  bandi_proposal_set_requested_budget (proposal, 100000.0 * (1 + i % 30));
  bandi_proposal_set_eu_contribution (proposal, 80000.0 * (1 + i % 30));
  bandi_proposal_set_owner (proposal, "Officer");

  for (guint m = 0; m < 2; m++)
    {
      g_autoptr(BandiMilestone) milestone = bandi_milestone_new ();
      g_autoptr(GDateTime) due = g_date_time_add_days (today, (int) (i % 90) + 14 * (int) m);
      g_autoptr(BandiDeadline) deadline = bandi_deadline_new_date (1, NULL, g_date_time_get_year (due),
                                                                   g_date_time_get_month (due),
                                                                   g_date_time_get_day_of_month (due));

      bandi_milestone_set_title (milestone, m == 0 ? "Partners confirmed" : "Internal review");
      bandi_milestone_set_due (milestone, deadline);
      bandi_milestone_set_done (milestone, m == 0 && i % 2 == 0);
      bandi_proposal_add_milestone (proposal, milestone);
    }
  return proposal;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) proposal_calls = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_calls, n_proposals, n_clusters, first = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (argc != 3)
    {
      g_printerr ("Usage: %s N_CALLS N_PROPOSALS\n", argv[0]);
      return 2;
    }
  n_calls = (guint) strtoul (argv[1], NULL, 10);
  n_proposals = (guint) strtoul (argv[2], NULL, 10);

  store = bandi_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      guint count = s == 0 ? n_calls - 2 * (n_calls / 20) : n_calls / 20;
      g_autoptr(GPtrArray) calls = g_ptr_array_new_full (count, g_object_unref);
      BandiMergeStats stats;

      for (guint i = 0; i < count; i++)
        g_ptr_array_add (calls, make_call (&sources[s], i, today));
      if (!bandi_store_merge_calls (store, sources[s].source, calls, now, &stats, &error))
        g_error ("Cannot store the calls of %s: %s", sources[s].source, error->message);
      for (guint i = 0; i < calls->len && proposal_calls->len < n_proposals; i += 1 + count / (n_proposals + 1))
        g_ptr_array_add (proposal_calls, g_object_ref (g_ptr_array_index (calls, i)));
    }

  clusters = bandi_store_list_clusters (store, &error);
  if (clusters == NULL)
    g_error ("Cannot list the clusters: %s", error->message);
  n_clusters = g_list_model_get_n_items (clusters);
  if (n_proposals > 0 && (n_clusters == 0 || proposal_calls->len == 0))
    g_error ("Proposals need a cluster and a call");

  for (guint i = 0; i < n_proposals; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i % n_clusters);
      g_autoptr(BandiProposal) proposal = make_proposal (i, cluster,
                                                         g_ptr_array_index (proposal_calls, first),
                                                         today);

      first = (first + 1) % proposal_calls->len;
      if (!bandi_store_save_proposal (store, proposal, &error))
        g_error ("Cannot store proposal %u: %s", i, error->message);
    }
  return 0;
}
