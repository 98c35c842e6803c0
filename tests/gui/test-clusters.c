/* test-clusters.c — listing, editing, adding and removing clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-cluster-editor.h"
#include "bandi-preferences-window.h"
#include "gui-test-util.h"

typedef struct {
  BandiStore             *store;
  BandiPluginLoader      *loader;
  GSettings              *settings;
  BandiPreferencesWindow *window;
  guint                   n_changed;
} Fixture;

static void
changed_cb (BandiPreferencesWindow *window,
            Fixture                *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = source_test_open_store ();
  gui_test_fill_store (fixture->store);
  fixture->loader = bandi_plugin_loader_new ();
  fixture->settings = g_settings_new ("io.github.bandi.Bandi");
  fixture->window = bandi_preferences_window_new (fixture->store, fixture->loader, fixture->settings);
  g_signal_connect (fixture->window, "clusters-changed", G_CALLBACK (changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->loader);
  g_clear_object (&fixture->store);
}

static GtkWidget *
clusters_group (Fixture *fixture)
{
  return gui_test_child (fixture->window, BANDI_TYPE_PREFERENCES_WINDOW, "clusters_group");
}

static guint
n_cluster_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = gui_test_find_all (clusters_group (fixture), ADW_TYPE_ACTION_ROW);

  return rows->len;
}

/* Opens the editor of @acronym (NULL: a new cluster) as the window would. */
static BandiClusterEditor *
open_editor (Fixture    *fixture,
             const char *acronym)
{
  GtkWidget *editor;

  if (acronym != NULL)
    {
      GtkWidget *row = gui_test_find (clusters_group (fixture), ADW_TYPE_ACTION_ROW, acronym);

      g_assert_nonnull (row);
      g_signal_emit_by_name (row, "activated");
    }
  else
    g_signal_emit_by_name (gui_test_find (clusters_group (fixture), GTK_TYPE_BUTTON, "Add Cluster"), "clicked");
  gui_test_wait (50);

  editor = gui_test_find (GTK_WIDGET (fixture->window), BANDI_TYPE_CLUSTER_EDITOR, NULL);
  g_assert_nonnull (editor);
  return BANDI_CLUSTER_EDITOR (editor);
}

static void
set_row (BandiClusterEditor *editor,
         const char         *name,
         const char         *text)
{
  gtk_editable_set_text (gui_test_child (editor, BANDI_TYPE_CLUSTER_EDITOR, name), text);
}

static BandiCluster *
find_cluster (Fixture    *fixture,
              const char *acronym)
{
  return bandi_store_find_cluster (fixture->store, acronym, NULL);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  const char *defaults[] = { "AFIL", "CAT.AL", "CLM", "CLSV", "TAV", "SCC", "LAC", "LE2C", "LGCA" };
  GtkWidget *row;

  g_assert_cmpuint (n_cluster_rows (fixture), ==, G_N_ELEMENTS (defaults));
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_assert_nonnull (gui_test_find (clusters_group (fixture), ADW_TYPE_ACTION_ROW, defaults[i]));

  row = gui_test_find (clusters_group (fixture), ADW_TYPE_ACTION_ROW, "LE2C");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Lombardy Energy Cleantech Cluster");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  BandiClusterEditor *editor = open_editor (fixture, "AFIL");
  g_autoptr(BandiCluster) stored = NULL;
  const char *keywords[] = { "robot", "additive manufacturing", "cobot", NULL };
  GtkWidget *row;

  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (editor, BANDI_TYPE_CLUSTER_EDITOR, "acronym_row")), ==, "AFIL");

  set_row (editor, "name_row", "Fabbrica Intelligente");
  set_row (editor, "keywords_row", "robot, , additive manufacturing ,cobot");
  /* Saved shortly after, without flushing. */
  gui_test_wait (700);
  stored = find_cluster (fixture, "AFIL");
  g_assert_cmpstr (bandi_cluster_get_name (stored), ==, "Fabbrica Intelligente");
  g_assert_cmpstrv (bandi_cluster_get_keywords (stored), keywords);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  /* The list shows the new name. */
  row = gui_test_find (clusters_group (fixture), ADW_TYPE_ACTION_ROW, "AFIL");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Fabbrica Intelligente");
}

static void
test_duplicate_acronym (Fixture       *fixture,
                        gconstpointer  data)
{
  BandiClusterEditor *editor = open_editor (fixture, "AFIL");
  GtkLabel *error_label = gui_test_child (editor, BANDI_TYPE_CLUSTER_EDITOR, "error_label");
  g_autoptr(BandiCluster) afil = NULL;

  set_row (editor, "acronym_row", "LE2C");
  g_assert_false (bandi_cluster_editor_flush (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "LE2C"));
  afil = find_cluster (fixture, "AFIL");
  g_assert_nonnull (afil);

  /* Correcting it saves. */
  set_row (editor, "acronym_row", "AFIL2");
  g_assert_true (bandi_cluster_editor_flush (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_clear_object (&afil);
  afil = find_cluster (fixture, "AFIL2");
  g_assert_nonnull (afil);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  BandiClusterEditor *editor = open_editor (fixture, NULL);
  g_autoptr(BandiCluster) added = NULL;
  g_autoptr(GListModel) clusters = NULL;

  /* Not stored until it has an acronym and a name. */
  set_row (editor, "acronym_row", "BIO");
  g_assert_false (bandi_cluster_editor_flush (editor));
  clusters = bandi_store_list_clusters (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 9);
  g_clear_object (&clusters);

  set_row (editor, "name_row", "Cluster Biotech");
  set_row (editor, "parts_row", "CL1, CL6");
  g_assert_true (bandi_cluster_editor_flush (editor));
  clusters = bandi_store_list_clusters (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 10);
  added = find_cluster (fixture, "BIO");
  g_assert_nonnull (added);
  g_assert_cmpstrv (bandi_cluster_get_horizon_parts (added), ((const char *[]) { "CL1", "CL6", NULL }));
  g_assert_cmpuint (n_cluster_rows (fixture), ==, 10);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  BandiClusterEditor *editor = open_editor (fixture, "AFIL");
  g_autoptr(BandiCluster) gone = NULL;
  g_autoptr(GListModel) proposals = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_signal_emit_by_name (gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Remove Cluster…"), "clicked");
  gui_test_wait (100);
  dialog = gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);

  /* It says which proposals it touches. */
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "3 proposals"));
  g_assert_nonnull (strstr (body, "BATT4EU"));
  g_assert_nonnull (strstr (body, "SMARTFAB"));
  g_assert_nonnull (strstr (body, "AIRQ"));
  adw_message_dialog_response (dialog, "remove");
  gui_test_wait (100);

  gone = find_cluster (fixture, "AFIL");
  g_assert_null (gone);
  g_assert_cmpuint (n_cluster_rows (fixture), ==, 8);
  g_assert_null (gui_test_find (GTK_WIDGET (fixture->window), BANDI_TYPE_CLUSTER_EDITOR, NULL));

  /* The proposals stay, without a cluster. */
  proposals = bandi_store_list_proposals (fixture->store, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);

      if (g_str_equal (bandi_proposal_get_acronym (proposal), "BATT4EU"))
        g_assert_null (bandi_proposal_get_cluster_acronym (proposal));
    }
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/clusters/list", test_list);
  ADD ("/clusters/edit", test_edit);
  ADD ("/clusters/duplicate-acronym", test_duplicate_acronym);
  ADD ("/clusters/add", test_add);
  ADD ("/clusters/remove", test_remove);
#undef ADD

  return g_test_run ();
}
