/* test-documents.c — the file choosers open in the user's Documents
 *
 * bandi_documents_prepare_chooser() gives GTK the folder tested here; the
 * chooser itself is left to GTK. GLib reads the user's folders once, from
 * $XDG_CONFIG_HOME/user-dirs.dirs, and a test with isolated dirs has none:
 * this one makes its own home before GLib looks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bandi-documents.h"

static char *home;

static char *
folder_path (void)
{
  g_autoptr(GFile) folder = bandi_documents_dup_folder ();

  return g_file_get_path (folder);
}

/* XDG_DOCUMENTS_DIR (Italian desktops name it "Documenti"); the home
 * folder when it is missing. */
static void
test_documents_folder (void)
{
  g_autofree char *documents = g_build_filename (home, "Documenti", NULL);
  g_autofree char *in_documents = NULL;
  g_autofree char *in_home = NULL;

  in_documents = folder_path ();
  g_assert_cmpstr (in_documents, ==, documents);

  g_assert_cmpint (g_rmdir (documents), ==, 0);
  in_home = folder_path ();
  g_assert_cmpstr (in_home, ==, home);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *dirs = NULL;
  int status;

  home = g_dir_make_tmp ("bandi-documents-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (home, ".config", NULL);
  documents = g_build_filename (home, "Documenti", NULL);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_file_set_contents (dirs, "XDG_DOCUMENTS_DIR=\"$HOME/Documenti\"\n", -1, &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/documents/folder", test_documents_folder);
  status = g_test_run ();

  g_remove (dirs);
  g_rmdir (config);
  g_rmdir (documents);
  g_rmdir (home);
  g_free (home);
  return status;
}
