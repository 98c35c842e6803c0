/* test-dashboard.c — the dashboard's figures, on screen and as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-dashboard-view.h"
#include "cli-test-util.h"
#include "gui-test-util.h"

#define HEADER "cluster,programme,year,proposals,idea,drafting,submitted,under-evaluation,funded," \
               "rejected,withdrawn,submitted_total,success_rate,requested_budget," \
               "eu_contribution_requested,eu_contribution_won\r\n"

typedef struct {
  BandiStore         *store;
  BandiDashboardView *view;
  GtkWindow          *window;
  int                 batt_year;     /* of the call BATT4EU targets */
  int                 created_year;  /* of IDEA1, which has no deadline */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BandiCall) call = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  fixture->store = source_test_open_store ();
  gui_test_fill_store (fixture->store);
  call = bandi_store_find_call (fixture->store, "horizon", "HORIZON-CL5-2027-D3-01-01", NULL);
  bandi_deadline_get_date (bandi_call_get_last_deadline (call), &fixture->batt_year, NULL, NULL);
  fixture->created_year = g_date_time_get_year (now);

  fixture->view = bandi_dashboard_view_new ();
  fixture->window = gui_test_window (GTK_WIDGET (fixture->view), 1000, 900);
  bandi_dashboard_view_set_store (fixture->view, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
}

static void
test_csv_all (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = bandi_dashboard_view_to_csv (fixture->view);
  g_autofree char *expected = NULL;

  /* By programme, then year; IDEA1 has neither programme nor deadline. */
  g_assert_cmpint (fixture->batt_year, >, 2025);
  expected = g_strdup_printf (HEADER
                              ",,%d,1,1,0,0,0,0,0,0,0,,0.00,0.00,0.00\r\n"
                              ",Horizon Europe,2025,1,0,0,1,0,0,0,0,1,,1000000.00,800000.00,0.00\r\n"
                              ",Horizon Europe,%d,1,0,1,0,0,0,0,0,0,,0.00,0.00,0.00\r\n"
                              ",Interreg Europe,2024,1,0,0,0,0,0,1,0,1,0.0000,300000.00,240000.00,0.00\r\n"
                              ",LIFE,2025,1,0,0,0,0,1,0,0,1,1.0000,600000.00,360000.00,360000.00\r\n"
                              ",,,5,1,1,1,0,1,1,0,3,0.5000,1900000.00,1400000.00,360000.00\r\n",
                              fixture->created_year, fixture->batt_year);
  g_assert_cmpstr (csv, ==, expected);
}

static void
test_csv_cluster (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;

  bandi_dashboard_view_set_cluster (fixture->view, "AFIL");
  csv = bandi_dashboard_view_to_csv (fixture->view);
  expected = g_strdup_printf (HEADER
                              "AFIL,Horizon Europe,2025,1,0,0,1,0,0,0,0,1,,1000000.00,800000.00,0.00\r\n"
                              "AFIL,Horizon Europe,%d,1,0,1,0,0,0,0,0,0,,0.00,0.00,0.00\r\n"
                              "AFIL,LIFE,2025,1,0,0,0,0,1,0,0,1,1.0000,600000.00,360000.00,360000.00\r\n"
                              "AFIL,,,3,0,1,1,0,1,0,0,2,1.0000,1600000.00,1160000.00,360000.00\r\n",
                              fixture->batt_year);
  g_assert_cmpstr (csv, ==, expected);

  /* A cluster without proposals: only the totals, all zero. */
  g_clear_pointer (&csv, g_free);
  bandi_dashboard_view_set_cluster (fixture->view, "LAC");
  csv = bandi_dashboard_view_to_csv (fixture->view);
  g_assert_cmpstr (csv, ==, HEADER "LAC,,,0,0,0,0,0,0,0,0,0,,0.00,0.00,0.00\r\n");
}

/* The dashboard and `bandi-cli figures --csv` show the same numbers, for
 * a cluster (AFIL, whose figures test_csv_cluster checks by hand) and for
 * each cluster in turn. */
static void
test_same_as_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *acronyms[] = { "AFIL", "LE2C", "LAC" };

  for (guint i = 0; i < G_N_ELEMENTS (acronyms); i++)
    {
      const char *args[] = {
        "--database", bandi_store_get_path (fixture->store), "figures", "--csv", "--cluster", acronyms[i], NULL,
      };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *csv = NULL;

      g_assert_cmpint (cli_test_run (g_getenv ("BANDI_CLI"), "UTC", "memory", args, &out, &err), ==, 0);
      bandi_dashboard_view_set_cluster (fixture->view, acronyms[i]);
      csv = bandi_dashboard_view_to_csv (fixture->view);
      g_assert_cmpstr (out, ==, csv);
    }
}

static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *programmes[] = { "Interreg \"Italia, Svizzera\"", "=HYPERLINK(\"http://x\")" };
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    {
      g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
      g_autoptr(BandiDeadline) deadline = bandi_deadline_new_date (1, NULL, 2023, 1, 1);
      g_autoptr(GError) error = NULL;

      bandi_proposal_set_acronym (proposal, "Q");
      bandi_proposal_set_cluster_acronym (proposal, "CLM");
      bandi_proposal_set_programme (proposal, programmes[i]);
      bandi_proposal_set_manual_deadline (proposal, deadline);
      bandi_proposal_set_status (proposal, BANDI_PROPOSAL_STATUS_WITHDRAWN);
      g_assert_true (bandi_store_save_proposal (fixture->store, proposal, &error));
    }

  bandi_dashboard_view_set_cluster (fixture->view, "CLM");
  csv = bandi_dashboard_view_to_csv (fixture->view);
  /* RFC 4180 quoting; a formula is defused by a leading apostrophe. */
  g_assert_cmpstr (csv, ==, HEADER
                   "CLM,\"'=HYPERLINK(\"\"http://x\"\")\",2023,1,0,0,0,0,0,0,1,0,,0.00,0.00,0.00\r\n"
                   "CLM,\"Interreg \"\"Italia, Svizzera\"\"\",2023,1,0,0,0,0,0,0,1,0,,0.00,0.00,0.00\r\n"
                   "CLM,,,2,0,0,0,0,0,0,2,0,,0.00,0.00,0.00\r\n");
}

static void
test_shown (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *programmes = gui_test_child (view, BANDI_TYPE_DASHBOARD_VIEW, "programme_group");
  GtkWidget *milestones = gui_test_child (view, BANDI_TYPE_DASHBOARD_VIEW, "milestones_group");
  GtkWidget *figures = gui_test_child (view, BANDI_TYPE_DASHBOARD_VIEW, "figures_box");
  g_autofree char *batt_title = g_strdup_printf ("Horizon Europe, %d", fixture->batt_year);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *row;

  /* Five proposals, three submitted, one funded, 50 %. */
  g_assert_nonnull (gui_test_find (figures, GTK_TYPE_LABEL, "5"));
  g_assert_nonnull (gui_test_find (figures, GTK_TYPE_LABEL, "3"));
  g_assert_nonnull (gui_test_find (figures, GTK_TYPE_LABEL, "50%"));

  /* Only lines with something submitted. */
  row = gui_test_find (programmes, ADW_TYPE_ACTION_ROW, "LIFE, 2025");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "1 submitted, 1 funded · success rate 100% · won € 360000");
  g_assert_nonnull (gui_test_find (programmes, ADW_TYPE_ACTION_ROW, "Horizon Europe, 2025"));
  g_assert_null (gui_test_find (programmes, ADW_TYPE_ACTION_ROW, batt_title));

  /* The milestone ahead, not the one done. */
  row = gui_test_find (milestones, ADW_TYPE_ACTION_ROW, "Internal submission");
  g_assert_nonnull (row);
  g_assert_nonnull (gui_test_find (row, GTK_TYPE_LABEL, "3 days"));
  g_assert_null (gui_test_find (milestones, ADW_TYPE_ACTION_ROW, "Kick-off"));

  /* Reloading shows the same, not twice as much. */
  bandi_dashboard_view_reload (fixture->view);
  rows = gui_test_find_all (milestones, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dashboard/csv/all", test_csv_all);
  ADD ("/dashboard/csv/cluster", test_csv_cluster);
  ADD ("/dashboard/csv/quoting", test_csv_quoting);
  ADD ("/dashboard/csv/same-as-cli", test_same_as_cli);
  ADD ("/dashboard/shown", test_shown);
#undef ADD

  return g_test_run ();
}
