/* views-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bandi-application.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

static const char * const xdg_vars[] = {
  "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
};
static char *test_dir;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

int
views_test_run (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (test_dir);
  int status = g_test_run ();

  remove_tree (dir);
  g_clear_pointer (&test_dir, g_free);
  return status;
}

void
views_test_init (int         *argc,
               char      ***argv,
               const char  *zone)
{
  g_setenv ("TZ", zone, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* Xvfb has only software GL, whose shader compiling costs seconds. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Private XDG dirs, but the system's data dirs stay visible: GTK needs
   * the MIME database there to load its SVG icons. */
  test_dir = g_dir_make_tmp ("bandi-gui-test-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_dir, xdg_vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_vars[i], dir, TRUE);
    }
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      exit (0);
    }
  adw_init ();
  /* No transitions: a page is shown at once, and alone. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
views_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
views_test_wait (const gboolean *done)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

BandiStore *
views_test_open_store (guint n_bulk)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *path = bandi_store_default_path ();
  g_autoptr(GError) error = NULL;
  BandiStore *store;

  /* A new database for each test. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  store = bandi_store_open (path, &error);

  g_assert_no_error (error);
  gui_fixture_fill (store, n_bulk, &error);
  g_assert_no_error (error);
  return store;
}

BandiContext *
views_test_context (BandiStore *store)
{
  g_autoptr(BandiPluginLoader) loader = bandi_plugin_loader_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  BandiContext *context;

  bandi_plugin_loader_load (loader);
  context = bandi_context_new (store, loader, settings, NULL);
  bandi_context_reload (context, &error);
  g_assert_no_error (error);
  return context;
}

GtkLabel *
views_test_find_label (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = views_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
views_test_find_named (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (g_strcmp0 (tooltip, name) == 0)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), name) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = views_test_find_named (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
views_test_find (GtkWidget  *root,
                 gboolean  (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = views_test_find (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
views_test_show (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  views_test_flush ();
  return window;
}

GtkApplication *
views_test_start_app (guint n_bulk)
{
  g_autoptr(BandiStore) store = views_test_open_store (n_bulk);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  BandiApplication *app;

  /* Never reach the network, nor send desktop notices: the test's session
   * bus has no notification server. */
  g_settings_set_boolean (settings, "sync-on-startup", FALSE);
  g_settings_set_uint (settings, "sync-interval-hours", 0);
  g_settings_set_value (settings, "reminder-days",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, NULL, 0, sizeof (gint32)));
  g_clear_object (&store);

  app = bandi_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));
  views_test_flush ();
  return GTK_APPLICATION (app);
}
