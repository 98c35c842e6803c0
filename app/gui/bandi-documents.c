/* bandi-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-documents"

#include "config.h"

#include "bandi-documents.h"

GFile *
bandi_documents_dup_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

void
bandi_documents_prepare_chooser (GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = bandi_documents_dup_folder ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (!gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("Cannot open the file chooser in %s: %s", g_file_peek_path (folder), error->message);
}
