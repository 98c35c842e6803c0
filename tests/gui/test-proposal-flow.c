/* test-proposal-flow.c — proposals in the window as an officer meets them:
 * prepared from a call and left, opened to be typed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-application.h"
#include "bandi-call-details.h"
#include "bandi-proposal-editor.h"
#include "bandi-window.h"
#include "gui-fixtures.h"
#include "gui-test-util.h"
#include "views-test-util.h"

static GtkApplication *app;

static BandiStore *
store (void)
{
  return bandi_application_get_store (BANDI_APPLICATION (app));
}

static BandiWindow *
window (void)
{
  return BANDI_WINDOW (gtk_application_get_active_window (app));
}

static guint
count_proposals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) proposals = bandi_store_list_proposals (store (), NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (proposals);
}

/* Prepare a Proposal from a call's page, as the button does. */
static BandiProposalEditor *
prepare_proposal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCall) call = bandi_store_find_call (store (), "horizon", FIXTURE_BATTERIES, &error);
  g_autoptr(GPtrArray) details = NULL;
  g_autoptr(GPtrArray) editors = NULL;
  GtkWidget *button;

  g_assert_no_error (error);
  bandi_window_show_call_id (window (), bandi_call_get_id (call));
  views_test_flush ();
  details = gui_test_find_all (GTK_WIDGET (window ()), BANDI_TYPE_CALL_DETAILS);
  button = gui_test_find (details->pdata[0], GTK_TYPE_BUTTON, "_Prepare a Proposal");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  views_test_flush ();

  editors = gui_test_find_all (GTK_WIDGET (window ()), BANDI_TYPE_PROPOSAL_EDITOR);
  g_assert_true (gtk_widget_get_mapped (editors->pdata[0]));
  return editors->pdata[0];
}

/* Prepare a Proposal, then Back: nothing is left behind. Typing in it
 * is what creates it. */
static void
test_prepare_then_back (void)
{
  guint before = count_proposals ();
  BandiProposalEditor *editor;

  editor = prepare_proposal ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.go-back", NULL));
  views_test_flush ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpuint (count_proposals (), ==, before);

  editor = prepare_proposal ();
  gtk_editable_set_text (gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "acronym_row"), "CARIPLO1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.go-back", NULL));
  views_test_flush ();
  g_assert_cmpuint (count_proposals (), ==, before + 1);
}

/* Opening a proposal selects no field: the first key typed would replace
 * what it holds. */
static void
test_open_selects_nothing (void)
{
  g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *focus;
  GtkWidget *row;
  int start = 0, end = 0;

  bandi_proposal_set_acronym (proposal, "SELECTME");
  bandi_proposal_set_title (proposal, "Nothing selected");
  bandi_proposal_set_requested_budget (proposal, 250000);
  g_assert_true (bandi_store_save_proposal (store (), proposal, &error));
  g_assert_no_error (error);

  /* Its row in the list, focused and activated as a click does. */
  bandi_window_show_section (window (), "proposals");
  views_test_flush ();
  gui_test_wait (100);
  row = gui_test_find (GTK_WIDGET (window ()), ADW_TYPE_ACTION_ROW, "SELECTME");
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_signal_emit_by_name (row, "activate");
  views_test_flush ();
  gui_test_wait (100);

  /* In the acronym, ready to type after it. */
  focus = gtk_window_get_focus (GTK_WINDOW (window ()));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "SELECTME");
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
}

int
main (int    argc,
      char **argv)
{
  int status;

  views_test_init (&argc, &argv, "Europe/Rome");
  app = views_test_start_app (0);

  g_test_add_func ("/proposal-flow/prepare-then-back", test_prepare_then_back);
  g_test_add_func ("/proposal-flow/open-selects-nothing", test_open_selects_nothing);

  status = views_test_run ();
  gtk_window_destroy (GTK_WINDOW (window ()));
  views_test_flush ();
  g_clear_object (&app);
  return status;
}
