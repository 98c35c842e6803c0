/* bandi-documents.h — where files chosen by the user start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The user's Documents folder (XDG_DOCUMENTS_DIR), else their home: not
 * the process's working directory, which is / for an app started from
 * the desktop. */
GFile *bandi_documents_dup_folder       (void);
/* Opens @chooser in bandi_documents_dup_folder(). */
void   bandi_documents_prepare_chooser  (GtkFileChooser *chooser);

G_END_DECLS
