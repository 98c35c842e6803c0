/* test-relevance.c — scoring calls against clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-relevance.h"
#include "store-test-util.h"

static BandiCluster *
make_cluster (const char * const *keywords,
              const char * const *areas,
              const char * const *parts)
{
  BandiCluster *cluster = bandi_cluster_new ();

  bandi_cluster_set_acronym (cluster, "TEST");
  bandi_cluster_set_keywords (cluster, keywords);
  bandi_cluster_set_areas (cluster, areas);
  bandi_cluster_set_horizon_parts (cluster, parts);
  return cluster;
}

static BandiCall *
make_call (const char         *external_id,
           const char         *title,
           const char * const *keywords,
           const char         *part)
{
  BandiCall *call = test_simple_call ("test", external_id, title, NULL);

  bandi_call_set_keywords (call, keywords);
  bandi_call_set_programme_part (call, part);
  return call;
}

static void
test_horizon_part (void)
{
  g_autoptr(BandiCluster) energy = make_cluster (NULL, NULL, (const char *[]) { "CL5", NULL });
  g_autoptr(BandiCluster) food = make_cluster (NULL, NULL, (const char *[]) { "CL6", NULL });
  g_autoptr(BandiCall) call = make_call ("HORIZON-CL5-2024-D3-01-03", "Unrelated words", NULL, "CL5");
  g_autoptr(BandiCall) lower = make_call ("HORIZON-CL5-2024-D3-01-04", "Unrelated words", NULL, "cl5");
  g_autoptr(BandiCall) none = make_call ("RLO1", "Unrelated words", NULL, NULL);

  g_assert_cmpuint (bandi_relevance_score (energy, call), ==, 50);
  g_assert_true (bandi_relevance_is_suggested (energy, call));
  g_assert_cmpuint (bandi_relevance_score (energy, lower), ==, 50);
  g_assert_cmpuint (bandi_relevance_score (food, call), ==, 0);
  g_assert_false (bandi_relevance_is_suggested (food, call));
  g_assert_cmpuint (bandi_relevance_score (energy, none), ==, 0);
}

static void
test_terms (void)
{
  g_autoptr(BandiCluster) cluster =
    make_cluster ((const char *[]) { "mobilità", "idrogeno", "IoT", "smart grid", NULL },
                  (const char *[]) { "Salute e Benessere", NULL }, NULL);
  static const struct {
    const char *title;
    const char *keywords[3];
    guint score;
  } cases[] = {
    /* one word in the title: 30, not suggested */
    { "Bando per la MOBILITA sostenibile", { NULL }, 30 },
    /* accents and case do not count, either way */
    { "Mobilità elettrica", { NULL }, 30 },
    /* a word prefix: "idrogeno" starts "idrogenodotti"; not inside a word */
    { "Idrogenodotti lombardi", { NULL }, 30 },
    { "Produzione di bioidrogeno", { NULL }, 0 },
    /* two words: suggested */
    { "Mobilità a idrogeno", { NULL }, 60 },
    /* short terms only as whole words */
    { "IoT for SMEs", { NULL }, 30 },
    { "Iota for SMEs", { NULL }, 0 },
    /* a phrase (stop words aside) is worth more, and needs its words in a row */
    { "Smart grids for cities", { NULL }, 40 },
    { "Grid of smart meters", { NULL }, 0 },
    { "Tecnologie per la salute e il benessere", { NULL }, 40 },
    /* keywords count less than the title; a phrase does not span two keywords */
    { "Call", { "Hydrogen valleys", "Idrogeno verde" }, 20 },
    { "Call", { "smart", "grid" }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BandiCall) call = make_call ("X-1", cases[i].title, cases[i].keywords[0] ? cases[i].keywords : NULL, NULL);
      guint score = bandi_relevance_score (cluster, call);

      if (score != cases[i].score)
        g_error ("“%s”: score %u, expected %u", cases[i].title, score, cases[i].score);
      g_assert_cmpint (bandi_relevance_is_suggested (cluster, call), ==,
                       cases[i].score >= BANDI_RELEVANCE_SUGGESTED);
    }

  /* the identifier counts like a keyword */
  {
    g_autoptr(BandiCluster) food = make_cluster ((const char *[]) { "farm2fork", NULL }, NULL, NULL);
    g_autoptr(BandiCall) call = make_call ("HORIZON-CL6-2022-FARM2FORK-01-03", "Call", NULL, NULL);

    g_assert_cmpuint (bandi_relevance_score (food, call), ==, 20);
  }
}

static void
test_capped_and_deterministic (void)
{
  g_autoptr(BandiCluster) cluster =
    make_cluster ((const char *[]) { "battery", "storage", "energy", "cells", "hydrogen", NULL },
                  NULL, (const char *[]) { "CL5", NULL });
  g_autoptr(BandiCall) call = make_call ("HORIZON-CL5-2024-D2-01-01",
                                         "Battery cells and hydrogen storage for energy", NULL, "CL5");
  guint first = bandi_relevance_score (cluster, call);

  g_assert_cmpuint (first, ==, 100);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, first);
}

static void
test_follows_edits (void)
{
  g_autoptr(BandiCluster) cluster = make_cluster ((const char *[]) { "aerospazio", NULL }, NULL, NULL);
  g_autoptr(BandiCall) call = make_call ("X-2", "Bando aerospazio e satelliti", NULL, NULL);

  g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, 30);

  bandi_cluster_set_keywords (cluster, (const char *[]) { "aerospazio", "satellit", NULL });
  g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, 60);

  bandi_call_set_title (call, "Bando agricoltura");
  g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, 0);

  bandi_call_set_keywords (call, (const char *[]) { "Satellite data", NULL });
  g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, 20);

  bandi_cluster_set_horizon_parts (cluster, (const char *[]) { "CL4", NULL });
  bandi_call_set_programme_part (call, "CL4");
  g_assert_cmpuint (bandi_relevance_score (cluster, call), ==, 70);
}

/* The nine default clusters on calls an officer would recognise */
static void
test_default_clusters (void)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *external_id;
    const char *title;
    const char *part;
    const char *suggested;   /* acronyms, space-separated, alphabetical */
  } cases[] = {
    { "HORIZON-CL5-2024-D2-01-01", "Next-generation batteries for stationary energy storage", "CL5", "CLM LE2C" },
    { "HORIZON-CL6-2024-FARM2FORK-01-1", "Reducing food waste along the value chain", "CL6", "CAT.AL LGCA" },
    { "HORIZON-CL1-2024-STAYHLTH-01-03", "Digital health tools for active and healthy ageing", "CL1", "CLSV TAV" },
    { "HORIZON-CL4-2024-SPACE-01-11", "Earth observation satellite data services", "CL4", "AFIL LAC SCC" },
    { "RLO12024000001", "Bando per la filiera dell'idrogeno e la mobilità elettrica", NULL, "CLM" },
    { "RLO12024000002", "Contributi per la chimica verde e le bioplastiche", NULL, "LGCA" },
    { "RLO12024000003", "Avviso per le sagre di paese", NULL, "" },
  };

  g_autoptr(GListModel) clusters = bandi_store_list_clusters (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BandiCall) call = make_call (cases[i].external_id, cases[i].title, NULL, cases[i].part);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint j = 0; j < g_list_model_get_n_items (clusters); j++)
        {
          g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, j);

          if (!bandi_relevance_is_suggested (cluster, call))
            continue;
          if (got->len > 0)
            g_string_append_c (got, ' ');
          g_string_append (got, bandi_cluster_get_acronym (cluster));
        }

      if (g_strcmp0 (got->str, cases[i].suggested) != 0)
        g_error ("“%s”: suggested for “%s”, expected “%s”", cases[i].title, got->str, cases[i].suggested);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/relevance/horizon-part", test_horizon_part);
  g_test_add_func ("/relevance/terms", test_terms);
  g_test_add_func ("/relevance/capped-and-deterministic", test_capped_and_deterministic);
  g_test_add_func ("/relevance/follows-edits", test_follows_edits);
  g_test_add_func ("/relevance/default-clusters", test_default_clusters);

  return g_test_run ();
}
