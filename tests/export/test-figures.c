/* test-figures.c — `bandi-cli figures`, checked by hand
 *
 * A store with proposals of three clusters, three programmes and three
 * years; the figures expected are worked out here from the list below,
 * not by the code under test.
 *
 *   LE2C  Horizon Europe  2024  funded            requested 800,000  EU 500,000
 *   LE2C  Horizon Europe  2024  rejected          requested 400,000  EU 300,000
 *   LE2C  Horizon Europe  2025  submitted                            EU 200,000
 *   LE2C  LIFE            2025  drafting                             EU 100,000 (not submitted)
 *   LE2C  LIFE            2025  funded                               EU 250,000
 *   AFIL  Interreg Alpine Space 2024  under evaluation               EU 150,000
 *   AFIL  Horizon Europe  2026  idea
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-store.h"
#include "cli-test-util.h"

#define HEADER "cluster,programme,year,proposals,idea,drafting,submitted,under-evaluation,funded," \
               "rejected,withdrawn,submitted_total,success_rate,requested_budget," \
               "eu_contribution_requested,eu_contribution_won\r\n"
#define LE2C_HE_2024 "LE2C,Horizon Europe,2024,2,0,0,0,0,1,1,0,2,0.5000,1200000.00,800000.00,500000.00\r\n"
#define LE2C_HE_2025 "LE2C,Horizon Europe,2025,1,0,0,1,0,0,0,0,1,,0.00,200000.00,0.00\r\n"
#define LE2C_LIFE_2025 "LE2C,LIFE,2025,2,0,1,0,0,1,0,0,1,1.0000,0.00,250000.00,250000.00\r\n"
#define LE2C_TOTAL "LE2C,,,5,0,1,1,0,2,1,0,4,0.6667,1200000.00,1250000.00,750000.00\r\n"
#define AFIL_HE_2026 "AFIL,Horizon Europe,2026,1,1,0,0,0,0,0,0,0,,0.00,0.00,0.00\r\n"
#define AFIL_AS_2024 "AFIL,Interreg Alpine Space,2024,1,0,0,0,1,0,0,0,1,,0.00,150000.00,0.00\r\n"
#define AFIL_TOTAL "AFIL,,,2,1,0,0,1,0,0,0,1,,0.00,150000.00,0.00\r\n"

typedef struct {
  char *db;
  char *out;
  char *err;
} Fixture;

static void
add (BandiStore          *store,
     const char          *cluster,
     const char          *programme,
     int                  year,
     BandiProposalStatus  status,
     double               requested,
     double               contribution)
{
  g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
  g_autoptr(BandiDeadline) deadline = bandi_deadline_new_local (1, NULL, year, 4, 18, 17, 0, 0, "Europe/Brussels");
  g_autoptr(GError) error = NULL;

  bandi_proposal_set_cluster_acronym (proposal, cluster);
  bandi_proposal_set_acronym (proposal, "P");
  bandi_proposal_set_manual_call (proposal, "A call no source knows");
  bandi_proposal_set_manual_deadline (proposal, deadline);
  bandi_proposal_set_programme (proposal, programme);
  bandi_proposal_set_status (proposal, status);
  bandi_proposal_set_requested_budget (proposal, requested);
  bandi_proposal_set_eu_contribution (proposal, contribution);
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->db = g_build_filename (g_get_user_data_dir (), "bandi.db", NULL);
  store = bandi_store_open (f->db, &error);
  g_assert_no_error (error);

  add (store, "LE2C", "Horizon Europe", 2024, BANDI_PROPOSAL_STATUS_FUNDED, 800000, 500000);
  add (store, "LE2C", "Horizon Europe", 2024, BANDI_PROPOSAL_STATUS_REJECTED, 400000, 300000);
  add (store, "LE2C", "Horizon Europe", 2025, BANDI_PROPOSAL_STATUS_SUBMITTED, -1, 200000);
  add (store, "LE2C", "LIFE", 2025, BANDI_PROPOSAL_STATUS_DRAFTING, -1, 100000);
  add (store, "LE2C", "LIFE", 2025, BANDI_PROPOSAL_STATUS_FUNDED, -1, 250000);
  add (store, "AFIL", "Interreg Alpine Space", 2024, BANDI_PROPOSAL_STATUS_UNDER_EVALUATION, -1, 150000);
  add (store, "AFIL", "Horizon Europe", 2026, BANDI_PROPOSAL_STATUS_IDEA, -1, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static int
run (Fixture            *f,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) "figures");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return cli_test_run (g_getenv ("BANDI_CLI"), "UTC", "memory", (const char * const *) argv->pdata,
                       &f->out, &f->err);
}

#define RUN(f, ...) run ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "--csv", "--cluster", "LE2C"), ==, 0);
  g_assert_cmpstr (f->out, ==, HEADER LE2C_HE_2024 LE2C_HE_2025 LE2C_LIFE_2025 LE2C_TOTAL);

  g_assert_cmpint (RUN (f, "--csv", "--cluster", "AFIL"), ==, 0);
  g_assert_cmpstr (f->out, ==, HEADER AFIL_HE_2026 AFIL_AS_2024 AFIL_TOTAL);

  /* Every cluster: each one's lines, and all-zero totals for those
   * without proposals. */
  g_assert_cmpint (RUN (f, "--csv"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, HEADER));
  g_assert_nonnull (strstr (f->out, LE2C_HE_2024 LE2C_HE_2025 LE2C_LIFE_2025 LE2C_TOTAL));
  g_assert_nonnull (strstr (f->out, AFIL_HE_2026 AFIL_AS_2024 AFIL_TOTAL));
  g_assert_nonnull (strstr (f->out, "\r\nCLM,,,0,0,0,0,0,0,0,0,0,,0.00,0.00,0.00\r\n"));
}

static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  /* 2025 only: the submitted Horizon Europe proposal, the two LIFE ones. */
  g_assert_cmpint (RUN (f, "--csv", "--cluster", "LE2C", "--from", "2025", "--to", "2025"), ==, 0);
  g_assert_cmpstr (f->out, ==, HEADER LE2C_HE_2025 LE2C_LIFE_2025
                   "LE2C,,,3,0,1,1,0,1,0,0,2,1.0000,0.00,450000.00,250000.00\r\n");

  g_assert_cmpint (RUN (f, "--csv", "--cluster", "AFIL", "--to", "2024"), ==, 0);
  g_assert_cmpstr (f->out, ==, HEADER AFIL_AS_2024 "AFIL,,,1,0,0,0,1,0,0,0,1,,0.00,150000.00,0.00\r\n");
}

/* A table row's cells, joined by "|": columns are two spaces or more
 * apart. */
static char *
cells (const char *line)
{
  g_autoptr(GRegex) gap = g_regex_new ("  +", 0, 0, NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (line));

  g_assert_false (g_str_has_suffix (line, " "));
  return g_regex_replace_literal (gap, trimmed, -1, 0, "|", 0, NULL);
}

#define ASSERT_CELLS(line, expected) \
  G_STMT_START { g_autofree char *c_ = cells (line); g_assert_cmpstr (c_, ==, (expected)); } G_STMT_END

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;

  /* In C.UTF-8: no digit grouping. */
  g_assert_cmpint (RUN (f, "--cluster", "LE2C"), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[0], "LE2C — "));
  g_assert_cmpstr (lines[1], ==, "  Proposals: 5 (idea 0, drafting 1, submitted 1, under-evaluation 0, "
                                 "funded 2, rejected 1, withdrawn 0)");
  ASSERT_CELLS (lines[2], "Programme|Year|Submitted|Funded|Success rate|EU contribution requested / won");
  ASSERT_CELLS (lines[3], "Horizon Europe|2024|2|1|50%|€ 800000 / € 500000");
  ASSERT_CELLS (lines[4], "Horizon Europe|2025|1|0|—|€ 200000 / € 0");
  ASSERT_CELLS (lines[5], "LIFE|2025|1|1|100%|€ 250000 / € 250000");
  ASSERT_CELLS (lines[6], "Total|4|2|67%|€ 1250000 / € 750000");
  g_assert_cmpstr (lines[7], ==, "");

  /* Every cluster, one after the other. */
  g_assert_cmpint (run (f, (const char *[]) { NULL }), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "AFIL — "));
  g_assert_nonnull (strstr (f->out, "\nCLM — "));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (RUN (f, "--cluster", "NOPE"), ==, 2);
  g_assert_nonnull (strstr (f->err, "NOPE"));
  g_assert_cmpint (RUN (f, "--from", "2026", "--to", "2025"), ==, 2);
  g_assert_cmpint (RUN (f, "--from", "26"), ==, 2);
  g_assert_cmpint (RUN (f, "--to", "twenty"), ==, 2);
  g_assert_cmpint (RUN (f, "extra"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/figures/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/figures/years", Fixture, NULL, fixture_set_up, test_years, fixture_tear_down);
  g_test_add ("/figures/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/figures/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);

  return g_test_run ();
}
