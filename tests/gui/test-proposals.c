/* test-proposals.c — the proposals view and the proposal editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-call-chooser.h"
#include "bandi-date-entry.h"
#include "bandi-format.h"
#include "bandi-milestone-row.h"
#include "bandi-proposal-editor.h"
#include "bandi-proposals-view.h"
#include "gui-test-util.h"

typedef struct {
  BandiStore *store;
  GtkWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = source_test_open_store ();
  gui_test_fill_store (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
}

static BandiProposal *
stored_proposal (BandiStore *store,
                 const char *acronym)
{
  g_autoptr(GListModel) proposals = bandi_store_list_proposals (store, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);

      if (g_strcmp0 (bandi_proposal_get_acronym (proposal), acronym) == 0)
        return g_steal_pointer (&proposal);
    }
  g_assert_not_reached ();
}

static BandiProposal *
reread (BandiStore    *store,
        BandiProposal *proposal)
{
  g_autoptr(GError) error = NULL;
  BandiProposal *stored = bandi_store_get_proposal (store, bandi_proposal_get_id (proposal), &error);

  g_assert_no_error (error);
  return stored;
}

static char *
group_titles (GtkWidget *view)
{
  g_autoptr(GPtrArray) groups = gui_test_find_all (view, ADW_TYPE_PREFERENCES_GROUP);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "",
                            adw_preferences_group_get_title (g_ptr_array_index (groups, i)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_view_groups (Fixture       *fixture,
                  gconstpointer  data)
{
  BandiProposalsView *view = bandi_proposals_view_new ();
  g_autofree char *all = NULL;
  g_autofree char *afil = NULL;
  g_autofree char *expected_all = NULL;
  g_autofree char *expected_afil = NULL;

  fixture->window = gui_test_window (GTK_WIDGET (view), 900, 700);
  bandi_proposals_view_set_store (view, fixture->store);
  g_assert_cmpuint (bandi_proposals_view_get_n_proposals (view), ==, 5);
  g_assert_null (bandi_proposals_view_get_cluster (view));

  /* Status order, empty statuses left out. */
  all = group_titles (GTK_WIDGET (view));
  expected_all = g_strjoin ("|",
                            bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_IDEA),
                            bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_DRAFTING),
                            bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_SUBMITTED),
                            bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_FUNDED),
                            bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_REJECTED),
                            NULL);
  g_assert_cmpstr (all, ==, expected_all);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "IDEA1"));

  bandi_proposals_view_set_cluster (view, "AFIL");
  g_assert_cmpstr (bandi_proposals_view_get_cluster (view), ==, "AFIL");
  g_assert_cmpuint (bandi_proposals_view_get_n_proposals (view), ==, 3);
  afil = group_titles (GTK_WIDGET (view));
  expected_afil = g_strjoin ("|",
                             bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_DRAFTING),
                             bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_SUBMITTED),
                             bandi_format_proposal_status (BANDI_PROPOSAL_STATUS_FUNDED),
                             NULL);
  g_assert_cmpstr (afil, ==, expected_afil);
  g_assert_null (gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "IDEA1"));

  /* A cluster without proposals shows the empty page. */
  bandi_proposals_view_set_cluster (view, "LAC");
  g_assert_cmpuint (bandi_proposals_view_get_n_proposals (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gui_test_child (view, BANDI_TYPE_PROPOSALS_VIEW, "stack")),
                   ==, "empty");
}

static void
activated_cb (BandiProposalsView  *view,
              BandiProposal       *proposal,
              BandiProposal      **out)
{
  g_set_object (out, proposal);
}

static void
test_view_rows (Fixture       *fixture,
                gconstpointer  data)
{
  BandiProposalsView *view = bandi_proposals_view_new ();
  g_autoptr(BandiProposal) activated = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *row;

  fixture->window = gui_test_window (GTK_WIDGET (view), 900, 700);
  bandi_proposals_view_set_store (view, fixture->store);
  g_signal_connect (view, "proposal-activated", G_CALLBACK (activated_cb), &activated);

  /* Text is shown as typed, never as markup. */
  row = gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, GUI_TEST_MARKUP_ACRONYM);
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  /* The next step: in preparation, the milestone due before the call's
   * deadline (in 3 days, the call in 5); submitted, the outcome awaited,
   * not the call's countdown; funded, the outcome. */
  row = gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "BATT4EU");
  g_assert_nonnull (gui_test_find (row, GTK_TYPE_LABEL, "3 days"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\nNext: Internal submission, "));
  row = gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "SMARTFAB");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "\nWaiting for the outcome of the evaluation"));
  labels = gui_test_find_all (row, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Closed"));
  row = gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "AIRQ");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\nFunded since "));

  row = gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "SMARTFAB");
  g_signal_emit_by_name (row, "activated");
  g_assert_nonnull (activated);
  g_assert_cmpstr (bandi_proposal_get_acronym (activated), ==, "SMARTFAB");
}

static BandiProposalEditor *
editor_for (Fixture    *fixture,
            const char *acronym)
{
  BandiProposalEditor *editor = bandi_proposal_editor_new ();
  g_autoptr(BandiProposal) proposal = stored_proposal (fixture->store, acronym);
  g_autoptr(GListModel) clusters = bandi_store_list_clusters (fixture->store, NULL);
  BandiCallQuery query = { 0 };
  g_autoptr(GListModel) calls = bandi_store_list_calls (fixture->store, &query, NULL);

  fixture->window = gui_test_window (GTK_WIDGET (editor), 900, 800);
  bandi_proposal_editor_set_store (editor, fixture->store);
  bandi_proposal_editor_set_clusters (editor, clusters);
  bandi_proposal_editor_set_calls (editor, calls);
  bandi_proposal_editor_set_proposal (editor, proposal);
  return editor;
}

static void
set_row_text (BandiProposalEditor *editor,
              const char          *row,
              const char          *text)
{
  gtk_editable_set_text (gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, row), text);
}

static void
test_editor_saves_as_made (Fixture       *fixture,
                           gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "BATT4EU");
  BandiProposal *proposal = bandi_proposal_editor_get_proposal (editor);
  g_autoptr(BandiProposal) stored = NULL;
  AdwComboRow *status_row = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "status_row");
  AdwComboRow *cluster_row = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "cluster_row");
  g_autoptr(BandiCluster) cluster = NULL;

  g_object_ref (proposal);
  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "acronym_row")),
                   ==, "BATT4EU");
  cluster = g_list_model_get_item (adw_combo_row_get_model (cluster_row), adw_combo_row_get_selected (cluster_row));
  g_assert_cmpstr (bandi_cluster_get_acronym (cluster), ==, "AFIL");

  /* Saved shortly after typing, without flushing. */
  set_row_text (editor, "acronym_row", "BATT5EU");
  adw_combo_row_set_selected (status_row, 2);
  gui_test_wait (700);
  stored = reread (fixture->store, proposal);
  g_assert_cmpstr (bandi_proposal_get_acronym (stored), ==, "BATT5EU");
  g_assert_cmpint (bandi_proposal_get_status (stored), ==, BANDI_PROPOSAL_STATUS_SUBMITTED);
  /* The change is the user's, in the proposal and its history */
  g_assert_cmpstr (bandi_proposal_get_updated_by (stored), ==, g_get_user_name ());
  {
    g_autoptr(GPtrArray) history = bandi_store_list_proposal_history (fixture->store,
                                                                      bandi_proposal_get_id (stored), NULL);
    BandiProposalChange *change;

    g_assert_cmpuint (history->len, >, 0);
    change = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpstr (change->field, ==, "status");
    g_assert_cmpstr (change->changed_by, ==, g_get_user_name ());
  }
  g_clear_object (&stored);

  /* Closing at once loses nothing. */
  set_row_text (editor, "title_row", "Solid-state battery materials");
  set_row_text (editor, "owner_row", "Giulia");
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  stored = reread (fixture->store, proposal);
  g_assert_cmpstr (bandi_proposal_get_title (stored), ==, "Solid-state battery materials");
  g_assert_cmpstr (bandi_proposal_get_owner (stored), ==, "Giulia");
  g_object_unref (proposal);
}

static void
test_editor_bad_input (Fixture       *fixture,
                       gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "SMARTFAB");
  BandiProposal *proposal = bandi_proposal_editor_get_proposal (editor);
  GtkWidget *requested_row = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "requested_row");
  gpointer deadline_entry = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "manual_deadline_entry");
  GtkWidget *deadline_date = gui_test_child (deadline_entry, BANDI_TYPE_DATE_ENTRY, "date_entry");
  GtkWidget *deadline_time = gui_test_child (deadline_entry, BANDI_TYPE_DATE_ENTRY, "time_entry");
  GtkLabel *deadline_zone = gui_test_child (deadline_entry, BANDI_TYPE_DATE_ENTRY, "zone_label");
  GtkLabel *deadline_error = gui_test_child (deadline_entry, BANDI_TYPE_DATE_ENTRY, "error_label");
  g_autoptr(BandiProposal) stored = NULL;
  g_autofree char *deadline = NULL;

  /* In the locale's order (C: the US one), in the deadline's own zone,
   * named in words. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline_date)), ==, "04/22/2025");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline_time)), ==, "17:00");
  g_assert_cmpstr (gtk_label_get_text (deadline_zone), ==, "Brussels time");

  set_row_text (editor, "requested_row", "a lot");
  gtk_editable_set_text (GTK_EDITABLE (deadline_date), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (requested_row, "error"));
  g_assert_true (gtk_widget_has_css_class (deadline_date, "error"));
  /* The refusal is said in words, not only in red. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (deadline_error)));
  g_assert_cmpstr (gtk_label_get_text (deadline_error), ==, "“2026-02-30” is not a date: that month has 28 days");
  g_assert_true (bandi_proposal_editor_flush (editor));
  stored = reread (fixture->store, proposal);
  g_assert_cmpfloat (bandi_proposal_get_requested_budget (stored), ==, 1000000);
  g_assert_true (bandi_deadline_has_time (bandi_proposal_get_manual_deadline (stored)));
  g_clear_object (&stored);

  set_row_text (editor, "requested_row", "1.500.000,50");
  set_row_text (editor, "contribution_row", "");
  gtk_editable_set_text (GTK_EDITABLE (deadline_date), "03/15/2027");
  gtk_editable_set_text (GTK_EDITABLE (deadline_time), "12:30");
  g_assert_false (gtk_widget_has_css_class (requested_row, "error"));
  g_assert_false (gtk_widget_has_css_class (deadline_date, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (deadline_error)));
  g_assert_true (bandi_proposal_editor_flush (editor));
  stored = reread (fixture->store, proposal);
  g_assert_cmpfloat (bandi_proposal_get_requested_budget (stored), ==, 1500000.5);
  g_assert_cmpfloat (bandi_proposal_get_eu_contribution (stored), ==, -1);
  /* Typed in the deadline's own zone, which the row names. */
  g_assert_cmpstr (gtk_label_get_text (deadline_zone), ==, "Brussels time");
  g_assert_cmpstr (bandi_deadline_get_zone (bandi_proposal_get_manual_deadline (stored)), ==, "Europe/Brussels");
  deadline = bandi_deadline_format_rfc3339 (bandi_proposal_get_manual_deadline (stored));
  g_assert_cmpstr (deadline, ==, "2027-03-15T12:30:00+01:00");
}

static void
test_editor_milestones (Fixture       *fixture,
                        gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "BATT4EU");
  BandiProposal *proposal = bandi_proposal_editor_get_proposal (editor);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BandiProposal) stored = NULL;
  BandiMilestoneRow *row;
  BandiMilestone *milestone;
  GtkWidget *add;

  rows = gui_test_find_all (GTK_WIDGET (editor), BANDI_TYPE_MILESTONE_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  /* Due in 3 days, not done; done. */
  g_assert_nonnull (gui_test_find (g_ptr_array_index (rows, 0), GTK_TYPE_LABEL, "3 days"));
  g_assert_nonnull (gui_test_find (g_ptr_array_index (rows, 1), GTK_TYPE_LABEL, "Done"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  add = gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "Add Milestone");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  rows = gui_test_find_all (GTK_WIDGET (editor), BANDI_TYPE_MILESTONE_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 2);
  gtk_editable_set_text (gui_test_child (row, BANDI_TYPE_MILESTONE_ROW, "title_entry"), "Budget to partners");
  {
    gpointer due = gui_test_child (row, BANDI_TYPE_MILESTONE_ROW, "due_entry");

    gtk_editable_set_text (gui_test_child (due, BANDI_TYPE_DATE_ENTRY, "date_entry"), "06/01/2030");
    gtk_editable_set_text (gui_test_child (due, BANDI_TYPE_DATE_ENTRY, "time_entry"), "09:00");
  }
  g_assert_true (bandi_proposal_editor_flush (editor));

  stored = reread (fixture->store, proposal);
  g_assert_cmpuint (bandi_proposal_get_milestones (stored)->len, ==, 3);
  milestone = g_ptr_array_index (bandi_proposal_get_milestones (stored), 2);
  g_assert_cmpstr (bandi_milestone_get_title (milestone), ==, "Budget to partners");
  /* A new milestone is typed in the user's zone (TZ is Europe/Rome here). */
  g_assert_true (bandi_deadline_has_time (bandi_milestone_get_due (milestone)));
  g_assert_cmpstr (bandi_deadline_get_zone (bandi_milestone_get_due (milestone)), ==, "Europe/Rome");
  g_clear_object (&stored);

  /* Removing the first one. */
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "remove");
  g_assert_true (bandi_proposal_editor_flush (editor));
  stored = reread (fixture->store, proposal);
  g_assert_cmpuint (bandi_proposal_get_milestones (stored)->len, ==, 2);
  milestone = g_ptr_array_index (bandi_proposal_get_milestones (stored), 0);
  g_assert_cmpstr (bandi_milestone_get_title (milestone), ==, "Kick-off");
}

static void
test_editor_choose_call (Fixture       *fixture,
                         gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "SMARTFAB");
  BandiProposal *proposal = bandi_proposal_editor_get_proposal (editor);
  gpointer chooser = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "call_chooser");
  GtkWidget *entry = gui_test_child (chooser, BANDI_TYPE_CALL_CHOOSER, "search_entry");
  AdwActionRow *call_row = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "call_row");
  g_autoptr(BandiProposal) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "HORIZON-CL5-2027-D3-01-02");
  gui_test_wait (400);  /* the search entry's own delay */

  /* Wide enough for identifiers and titles, with each call's deadline. */
  {
    g_autoptr(BandiCall) target = bandi_store_find_call (fixture->store, "horizon", "HORIZON-CL5-2027-D3-01-02", NULL);
    BandiDeadline *next = bandi_call_get_next_deadline (target, g_get_real_time () / G_USEC_PER_SEC);
    g_autofree char *when = bandi_format_deadline (next);
    GtkWidget *scrolled = gtk_widget_get_parent (gui_test_child (chooser, BANDI_TYPE_CALL_CHOOSER, "list_view"));

    g_assert_cmpint (gtk_scrolled_window_get_min_content_width (GTK_SCROLLED_WINDOW (scrolled)), >=, 600);
    gtk_popover_popup (GTK_POPOVER (chooser));
    gui_test_wait (100);
    g_assert_nonnull (gui_test_find (GTK_WIDGET (chooser), GTK_TYPE_LABEL, when));
  }
  g_signal_emit_by_name (entry, "activate");

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (call_row)), ==, "HORIZON-CL5-2027-D3-01-02");
  /* The call's title, with markup in it, stays plain text. */
  g_assert_cmpstr (adw_action_row_get_subtitle (call_row), ==, GUI_TEST_MARKUP_TITLE);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (call_row)));
  g_assert_true (bandi_date_entry_is_empty (gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR,
                                                          "manual_deadline_entry")));

  g_assert_true (bandi_proposal_editor_flush (editor));
  stored = reread (fixture->store, proposal);
  g_assert_cmpstr (bandi_proposal_get_call_source (stored), ==, "horizon");
  g_assert_cmpstr (bandi_proposal_get_call_external_id (stored), ==, "HORIZON-CL5-2027-D3-01-02");
  g_assert_null (bandi_proposal_get_manual_deadline (stored));
}

static void
count_cb (GObject *object,
          guint   *count)
{
  (*count)++;
}

static void
test_editor_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "AIRQ");
  g_autoptr(BandiProposal) proposal = g_object_ref (bandi_proposal_editor_get_proposal (editor));
  gint64 id = bandi_proposal_get_id (proposal);
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiProposal) gone = NULL;
  AdwMessageDialog *dialog;
  guint deleted = 0;

  g_signal_connect (editor, "deleted", G_CALLBACK (count_cb), &deleted);
  g_signal_emit_by_name (gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete Proposal…"), "clicked");
  gui_test_wait (100);
  dialog = gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");

  g_assert_cmpuint (deleted, ==, 1);
  g_assert_null (bandi_proposal_editor_get_proposal (editor));
  gone = bandi_store_get_proposal (fixture->store, id, &error);
  g_assert_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

/* An error whose text holds markup characters (here SQLite's, as a
 * trigger words it) shows as it is in the toast, and Pango is never given
 * it as markup (its warning is fatal in tests, as g_test_init() makes it). */
static void
test_editor_error_as_text (Fixture       *fixture,
                           gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "BATT4EU");
  g_autoptr(GPtrArray) labels = NULL;
  gboolean shown = FALSE;
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  g_log_set_always_fatal (fatal);
  g_assert_true (fatal & G_LOG_LEVEL_WARNING);
  test_sql_int (bandi_store_get_path (fixture->store),
                "CREATE TRIGGER refuse BEFORE UPDATE ON proposals "
                "BEGIN SELECT RAISE(ABORT, 'disk <b>& full'); END");

  set_row_text (editor, "owner_row", "Giulia");
  g_assert_false (bandi_proposal_editor_flush (editor));
  gui_test_wait (100);

  labels = gui_test_find_all (GTK_WIDGET (editor), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (g_str_has_prefix (text, "Cannot save the proposal: "))
        {
          g_assert_nonnull (strstr (text, "disk <b>& full"));
          shown = TRUE;
        }
    }
  g_assert_true (shown);
}

/* Submitted, a proposal's preparation milestones are done: no reminder of
 * "Internal submission" (due in 3 days, before the call's deadline in 5)
 * comes after it; the done "Kick-off" stays done. */
static void
test_editor_submit_closes_preparation (Fixture       *fixture,
                                       gconstpointer  data)
{
  BandiProposalEditor *editor = editor_for (fixture, "BATT4EU");
  BandiProposal *proposal = bandi_proposal_editor_get_proposal (editor);
  AdwComboRow *status_row = gui_test_child (editor, BANDI_TYPE_PROPOSAL_EDITOR, "status_row");
  g_autoptr(BandiProposal) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *milestones;

  g_assert_cmpint (bandi_proposal_get_status (proposal), ==, BANDI_PROPOSAL_STATUS_DRAFTING);
  adw_combo_row_set_selected (status_row, 2);   /* Submitted */
  g_assert_cmpint (bandi_proposal_get_status (proposal), ==, BANDI_PROPOSAL_STATUS_SUBMITTED);

  /* The rows say so at once. */
  rows = gui_test_find_all (GTK_WIDGET (editor), BANDI_TYPE_MILESTONE_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (gtk_check_button_get_active (gui_test_child (rows->pdata[i], BANDI_TYPE_MILESTONE_ROW,
                                                                "done_check")));

  g_assert_true (bandi_proposal_editor_flush (editor));
  stored = reread (fixture->store, proposal);
  milestones = bandi_proposal_get_milestones (stored);
  g_assert_cmpuint (milestones->len, ==, 2);
  for (guint i = 0; i < milestones->len; i++)
    g_assert_true (bandi_milestone_get_done (milestones->pdata[i]));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/proposals/view/groups", test_view_groups);
  ADD ("/proposals/view/rows", test_view_rows);
  ADD ("/proposals/editor/saves-as-made", test_editor_saves_as_made);
  ADD ("/proposals/editor/bad-input", test_editor_bad_input);
  ADD ("/proposals/editor/milestones", test_editor_milestones);
  ADD ("/proposals/editor/choose-call", test_editor_choose_call);
  ADD ("/proposals/editor/delete", test_editor_delete);
  ADD ("/proposals/editor/error-as-text", test_editor_error_as_text);
  ADD ("/proposals/editor/submit-closes-preparation", test_editor_submit_closes_preparation);
#undef ADD

  return g_test_run ();
}
