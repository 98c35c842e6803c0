/* test-manual-call.c — adding, editing and deleting a call by hand, and
 * typing dates as people do, in Rome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "bandi-application.h"
#include "bandi-call-details.h"
#include "bandi-date-entry.h"
#include "bandi-manual-call-dialog.h"
#include "bandi-window.h"
#include "gui-fixtures.h"
#include "gui-test-util.h"
#include "views-test-util.h"

#define USER_ZONE "Europe/Rome"

static void
type_in (gpointer    editable,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  views_test_flush ();
}

/* The date entries of the dialog's deadlines, in order. */
static GPtrArray *
date_entries (BandiManualCallDialog *dialog)
{
  GtkWidget *list = gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "deadlines_list");
  GPtrArray *entries = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (entries, g_object_get_data (G_OBJECT (row), "date-entry"));
  return entries;
}

static void
saved_cb (BandiManualCallDialog *dialog,
          BandiCall             *call,
          BandiCall            **out)
{
  g_set_object (out, call);
}

/* A date typed in the wrong order is refused in words; typed right, with
 * a time, it is 17:00 in the user's zone, named "local time". */
static void
test_date_entry (void)
{
  BandiDateEntry *entry = bandi_date_entry_new ();
  GtkWindow *window = views_test_show (GTK_WIDGET (entry));
  GtkEntry *date = gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "date_entry");
  GtkEntry *time = gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "time_entry");
  GtkLabel *zone = gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "zone_label");
  GtkLabel *error = gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "error_label");
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(BandiDeadline) brussels = NULL;
  int year, month, day;

  /* The C locale's order is the US one. */
  g_assert_cmpstr (gtk_entry_get_placeholder_text (date), ==, "mm/dd/yyyy");
  g_assert_true (bandi_date_entry_is_empty (entry));
  g_assert_null (bandi_date_entry_get_error (entry));

  type_in (date, "20/01/2027");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_nonnull (strstr (gtk_label_get_text (error), "there is no month 20"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_null (bandi_date_entry_dup_deadline (entry, 1));

  type_in (date, "01/20/2027");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_cmpstr (gtk_label_get_text (zone), ==, "all day");

  type_in (time, "25:00");
  g_assert_nonnull (strstr (gtk_label_get_text (error), "hours go from 0 to 23"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (time), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  type_in (time, "17:00");
  g_assert_cmpstr (gtk_label_get_text (zone), ==, "local time");
  deadline = bandi_date_entry_dup_deadline (entry, 3);
  g_assert_nonnull (deadline);
  g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, 3);
  g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, USER_ZONE);
  bandi_deadline_get_date (deadline, &year, &month, &day);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (day, ==, 20);

  type_in (time, "13:00 Europe/Brussels");
  g_assert_cmpstr (gtk_label_get_text (zone), ==, "Brussels time");

  /* A deadline shown in its own zone reads back the same. */
  brussels = bandi_date_entry_dup_deadline (entry, 1);
  bandi_date_entry_set_deadline (entry, NULL);
  g_assert_true (bandi_date_entry_is_empty (entry));
  bandi_date_entry_set_deadline (entry, brussels);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "13:00 Europe/Brussels");
  g_clear_object (&deadline);
  deadline = bandi_date_entry_dup_deadline (entry, 1);
  g_assert_true (bandi_deadline_equal (deadline, brussels));

  gtk_window_destroy (window);
  views_test_flush ();
}

/* In Italian the date is typed day first: 20/01/2027 is 20 January. */
static void
test_date_entry_italian (void)
{
  BandiDateEntry *entry = NULL;
  GtkWindow *window;
  g_autoptr(BandiDeadline) deadline = NULL;
  int year, month, day;

  if (setlocale (LC_TIME, "it_IT.UTF-8") == NULL)
    {
      g_test_skip ("it_IT.UTF-8 is not installed");
      return;
    }

  entry = bandi_date_entry_new ();
  window = views_test_show (GTK_WIDGET (entry));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "date_entry")),
                   ==, "dd/mm/yyyy");
  type_in (gui_test_child (entry, BANDI_TYPE_DATE_ENTRY, "date_entry"), "20/01/2027");
  deadline = bandi_date_entry_dup_deadline (entry, 1);
  g_assert_nonnull (deadline);
  bandi_deadline_get_date (deadline, &year, &month, &day);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (day, ==, 20);

  gtk_window_destroy (window);
  views_test_flush ();
  setlocale (LC_TIME, "C");
}

/* Add Call: Save waits for a title and deadlines that read, says why,
 * then stores the call; editing it changes the same call. */
static void
test_dialog_add_and_edit (void)
{
  g_autoptr(BandiStore) store = views_test_open_store (0);
  BandiManualCallDialog *dialog = bandi_manual_call_dialog_new (NULL, store, NULL);
  GtkWidget *save = gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "save_button");
  GtkLabel *problem = gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "problem_label");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(BandiCall) saved = NULL;
  g_autoptr(BandiCall) edited = NULL;
  BandiDeadline *first;
  GPtrArray *deadlines;
  gint64 id;

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  views_test_flush ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Call");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_text (problem), ==, "Give the call a title.");

  type_in (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "title_row"), "Bando Ricerca Sociale");
  type_in (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "funder_row"), "Fondazione Cariplo");
  type_in (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "budget_row"), "3.000.000,50");
  entries = date_entries (dialog);
  g_assert_cmpuint (entries->len, ==, 1);
  type_in (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "date_entry"), "02/30/2027");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (gtk_label_get_text (problem), ==, "Deadline 1: “02/30/2027” is not a date: that month has 28 days");

  type_in (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "date_entry"), "03/15/2027");
  type_in (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "time_entry"), "17:00");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_signal_emit_by_name (save, "clicked");
  views_test_flush ();

  g_assert_nonnull (saved);
  g_assert_cmpstr (bandi_call_get_source_id (saved), ==, BANDI_MANUAL_SOURCE_ID);
  g_assert_cmpstr (bandi_call_get_title (saved), ==, "Bando Ricerca Sociale");
  g_assert_cmpstr (bandi_call_get_programme_part (saved), ==, "Fondazione Cariplo");
  g_assert_cmpfloat (bandi_call_get_budget (saved), ==, 3000000.5);
  deadlines = bandi_call_get_deadlines (saved);
  g_assert_cmpuint (deadlines->len, ==, 1);
  first = deadlines->pdata[0];
  g_assert_cmpstr (bandi_deadline_get_zone (first), ==, USER_ZONE);
  g_assert_cmpint (bandi_deadline_to_unix (first), ==, 1805126400);  /* 2027-03-15T16:00Z */
  id = bandi_call_get_id (saved);

  /* Editing: the dialog shows the call, and saves over it. */
  dialog = bandi_manual_call_dialog_new (NULL, store, saved);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &edited);
  gtk_window_present (GTK_WINDOW (dialog));
  views_test_flush ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Call");
  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "budget_row")),
                   ==, "3000000.50");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = date_entries (dialog);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "date_entry")),
                   ==, "03/15/2027");
  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "time_entry")),
                   ==, "17:00");
  type_in (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "title_row"), "Bando Ricerca Sociale 2027");
  g_signal_emit_by_name (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "save_button"), "clicked");
  views_test_flush ();

  g_assert_nonnull (edited);
  g_assert_cmpint (bandi_call_get_id (edited), ==, id);
  g_assert_cmpstr (bandi_call_get_title (edited), ==, "Bando Ricerca Sociale 2027");
  g_assert_cmpuint (bandi_call_get_deadlines (edited)->len, ==, 1);
  g_assert_true (bandi_deadline_equal (bandi_call_get_deadlines (edited)->pdata[0], first));
}

/* The details page offers Edit and Delete for a call added by hand only. */
static void
test_details_buttons (void)
{
  g_autoptr(BandiStore) store = views_test_open_store (0);
  g_autoptr(BandiContext) context = views_test_context (store);
  g_autoptr(BandiCall) manual = bandi_call_new ();
  g_autoptr(BandiCall) horizon = NULL;
  g_autoptr(GError) error = NULL;
  BandiCallDetails *details = bandi_call_details_new (context);
  GtkWindow *window = views_test_show (GTK_WIDGET (details));
  GtkWidget *edit = gui_test_child (details, BANDI_TYPE_CALL_DETAILS, "edit_button");
  GtkWidget *delete = gui_test_child (details, BANDI_TYPE_CALL_DETAILS, "delete_button");

  bandi_call_set_title (manual, "Bando MIMIT");
  bandi_call_set_programme_part (manual, "MIMIT");
  g_assert_true (bandi_store_add_manual_call (store, manual, &error));
  g_assert_no_error (error);
  horizon = bandi_store_find_call (store, "horizon", FIXTURE_BATTERIES, &error);
  g_assert_no_error (error);

  bandi_call_details_set_call (details, manual);
  views_test_flush ();
  g_assert_true (gtk_widget_get_mapped (edit));
  g_assert_true (gtk_widget_get_mapped (delete));
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (details), "Funder"));
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (details), "Added by hand"));

  bandi_call_details_set_call (details, horizon);
  views_test_flush ();
  g_assert_false (gtk_widget_get_mapped (edit));
  g_assert_false (gtk_widget_get_mapped (delete));

  gtk_window_destroy (window);
  views_test_flush ();
}

/* The open window of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* In the window: Add Call… opens the dialog, the call saved is shown,
 * and Delete Call… takes it away once confirmed. */
static void
test_window_flow (void)
{
  g_autoptr(GtkApplication) app = views_test_start_app (0);
  g_autoptr(GListModel) manual = NULL;
  g_autoptr(GError) error = NULL;
  BandiCallQuery query = { .source_id = BANDI_MANUAL_SOURCE_ID };
  BandiManualCallDialog *dialog;
  AdwMessageDialog *confirm;
  g_autoptr(GPtrArray) entries = NULL;
  BandiWindow *window = BANDI_WINDOW (gtk_application_get_active_window (app));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-call", NULL));
  views_test_flush ();
  dialog = BANDI_MANUAL_CALL_DIALOG (find_toplevel (BANDI_TYPE_MANUAL_CALL_DIALOG));
  g_assert_nonnull (dialog);
  type_in (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "title_row"), "Bando Camera di Commercio");
  entries = date_entries (dialog);
  type_in (gui_test_child (entries->pdata[0], BANDI_TYPE_DATE_ENTRY, "date_entry"), "2027-06-30");
  g_signal_emit_by_name (gui_test_child (dialog, BANDI_TYPE_MANUAL_CALL_DIALOG, "save_button"), "clicked");
  views_test_flush ();

  g_assert_null (find_toplevel (BANDI_TYPE_MANUAL_CALL_DIALOG));
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (window), "Bando Camera di Commercio"));
  manual = bandi_store_list_calls (bandi_application_get_store (BANDI_APPLICATION (app)), &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (manual), ==, 1);
  g_clear_object (&manual);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-call", NULL));
  views_test_flush ();
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Delete “Bando Camera di Commercio”?");
  adw_message_dialog_response (confirm, "delete");
  views_test_flush ();

  manual = bandi_store_list_calls (bandi_application_get_store (BANDI_APPLICATION (app)), &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (manual), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  views_test_flush ();
}

int
main (int    argc,
      char **argv)
{
  views_test_init (&argc, &argv, USER_ZONE);

  g_test_add_func ("/manual-call/date-entry", test_date_entry);
  g_test_add_func ("/manual-call/date-entry-italian", test_date_entry_italian);
  g_test_add_func ("/manual-call/dialog-add-and-edit", test_dialog_add_and_edit);
  g_test_add_func ("/manual-call/details-buttons", test_details_buttons);
  g_test_add_func ("/manual-call/window-flow", test_window_flow);

  return views_test_run ();
}
