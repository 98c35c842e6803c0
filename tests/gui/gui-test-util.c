/* gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"

void
gui_test_init (int    *argc,
               char ***argv)
{
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto(GStrv) data_dirs = g_strsplit (system_dirs && *system_dirs ? system_dirs : "/usr/local/share:/usr/share",
                                        ":", -1);
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* The isolated XDG dirs hide shared-mime-info, without which the SVG
   * icons of libadwaita are not recognised: keep the system's. */
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (data_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The C locale and a fixed zone: dates and amounts are compared as text. */
  g_setenv ("TZ", "Europe/Rome", TRUE);
  gtk_disable_setlocale ();
  adw_init ();
  /* Pages and subpages switch at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

GtkWindow *
gui_test_window (GtkWidget *child,
                 int        width,
                 int        height)
{
  GtkWidget *window = adw_window_new ();

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait (100);
  return GTK_WINDOW (window);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
gui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static const char *
widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  return gtk_widget_get_tooltip_text (widget);
}

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *text,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (text == NULL || g_strcmp0 (widget_text (widget), text) == 0))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, text, found);
}

GtkWidget *
gui_test_find (GtkWidget  *root,
               GType       type,
               const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, text, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GPtrArray *
gui_test_find_all (GtkWidget *root,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, NULL, found);
  return found;
}

gpointer
gui_test_child (gpointer    widget,
                GType       widget_type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), widget_type, name);

  g_assert_nonnull (child);
  return child;
}

AdwMessageDialog *
gui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static BandiProposal *
add_proposal (BandiStore          *store,
              const char          *acronym,
              const char          *cluster,
              BandiProposalStatus  status,
              const char          *programme,
              BandiDeadline       *manual_deadline,
              double               requested,
              double               contribution)
{
  BandiProposal *proposal = bandi_proposal_new ();
  g_autoptr(GError) error = NULL;

  bandi_proposal_set_acronym (proposal, acronym);
  bandi_proposal_set_title (proposal, acronym);
  bandi_proposal_set_cluster_acronym (proposal, cluster);
  bandi_proposal_set_status (proposal, status);
  bandi_proposal_set_programme (proposal, programme);
  if (manual_deadline != NULL)
    {
      bandi_proposal_set_manual_call (proposal, acronym);
      bandi_proposal_set_manual_deadline (proposal, manual_deadline);
    }
  bandi_proposal_set_requested_budget (proposal, requested);
  bandi_proposal_set_eu_contribution (proposal, contribution);
  g_assert_true (bandi_store_save_proposal (store, proposal, &error));
  g_assert_no_error (error);
  return proposal;
}

void
gui_test_fill_store (BandiStore *store)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  const int days[] = { 5, 20, 60 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiProposal) batt = NULL;
  g_autoptr(BandiMilestone) submission = bandi_milestone_new ();
  g_autoptr(BandiMilestone) kickoff = bandi_milestone_new ();
  g_autoptr(BandiDeadline) submission_due = test_deadline_in_days (1, 3);
  g_autoptr(BandiDeadline) kickoff_due = bandi_deadline_new_date (1, NULL, 2025, 1, 15);
  g_autoptr(BandiDeadline) smartfab_due = bandi_deadline_new_local (1, NULL, 2025, 4, 22, 17, 0, 0, "Europe/Brussels");
  g_autoptr(BandiDeadline) airq_due = bandi_deadline_new_date (1, NULL, 2025, 9, 10);
  g_autoptr(BandiDeadline) bold_due = bandi_deadline_new_date (1, NULL, 2024, 5, 31);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(BandiDeadline) deadline = test_deadline_in_days (1, days[i]);
      g_autofree char *id = g_strdup_printf ("HORIZON-CL5-2027-D3-01-%02u", i + 1);
      g_autofree char *title = g_strdup_printf ("Battery call %u", i + 1);
      BandiCall *call = test_simple_call ("horizon", id, i == 1 ? GUI_TEST_MARKUP_TITLE : title, deadline);

      bandi_call_set_programme (call, "Horizon Europe");
      bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
      g_ptr_array_add (calls, call);
    }
  g_assert_true (bandi_store_merge_calls (store, "horizon", calls, g_get_real_time () / G_USEC_PER_SEC,
                                          NULL, &error));
  g_assert_no_error (error);

  batt = bandi_proposal_new ();
  bandi_proposal_set_acronym (batt, "BATT4EU");
  bandi_proposal_set_title (batt, "Battery materials");
  bandi_proposal_set_cluster_acronym (batt, "AFIL");
  bandi_proposal_set_status (batt, BANDI_PROPOSAL_STATUS_DRAFTING);
  bandi_proposal_set_programme (batt, "Horizon Europe");
  bandi_proposal_set_call_source (batt, "horizon");
  bandi_proposal_set_call_external_id (batt, "HORIZON-CL5-2027-D3-01-01");
  bandi_proposal_set_requested_budget (batt, 450000);
  bandi_proposal_set_eu_contribution (batt, 400000);
  bandi_milestone_set_title (submission, "Internal submission");
  bandi_milestone_set_due (submission, submission_due);
  bandi_milestone_set_title (kickoff, "Kick-off");
  bandi_milestone_set_due (kickoff, kickoff_due);
  bandi_milestone_set_done (kickoff, TRUE);
  bandi_proposal_add_milestone (batt, submission);
  bandi_proposal_add_milestone (batt, kickoff);
  g_assert_true (bandi_store_save_proposal (store, batt, &error));
  g_assert_no_error (error);

  g_object_unref (add_proposal (store, "SMARTFAB", "AFIL", BANDI_PROPOSAL_STATUS_SUBMITTED,
                                "Horizon Europe", smartfab_due, 1000000, 800000));
  g_object_unref (add_proposal (store, "AIRQ", "AFIL", BANDI_PROPOSAL_STATUS_FUNDED,
                                "LIFE", airq_due, 600000, 360000));
  g_object_unref (add_proposal (store, GUI_TEST_MARKUP_ACRONYM, "LE2C", BANDI_PROPOSAL_STATUS_REJECTED,
                                "Interreg Europe", bold_due, 300000, 240000));
  g_object_unref (add_proposal (store, "IDEA1", "LE2C", BANDI_PROPOSAL_STATUS_IDEA,
                                NULL, NULL, -1, -1));
}
