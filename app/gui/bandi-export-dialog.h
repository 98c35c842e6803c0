/* bandi-export-dialog.h — deadlines to an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

typedef enum {
  BANDI_EXPORT_SCOPE_SELECTED,   /* the calls given as selected */
  BANDI_EXPORT_SCOPE_SHOWN,      /* the calls the current filter shows */
  BANDI_EXPORT_SCOPE_CLUSTER,    /* a cluster's suggested and starred calls */
  BANDI_EXPORT_SCOPE_EVERYTHING,
} BandiExportScope;

#define BANDI_TYPE_EXPORT_DIALOG (bandi_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BandiExportDialog, bandi_export_dialog, BANDI, EXPORT_DIALOG, AdwMessageDialog)

/* Asks for a scope, then for a file (GtkFileChooserNative), then writes
 * the file and emits "finished" (GFile, number of events, GError or NULL);
 * or, when a calendar is set up, publishes (see set_publishing). */
BandiExportDialog *bandi_export_dialog_new                (GtkWindow         *parent,
                                                           BandiStore        *store,
                                                           GSettings         *settings);
/* NULL or empty: that scope cannot be chosen. */
void               bandi_export_dialog_set_selected_calls (BandiExportDialog *self,
                                                           GListModel        *calls);
void               bandi_export_dialog_set_shown_calls    (BandiExportDialog *self,
                                                           GListModel        *calls);
/* The cluster proposed for the cluster scope. */
void               bandi_export_dialog_set_cluster        (BandiExportDialog *self,
                                                           const char        *acronym);
void               bandi_export_dialog_set_scope          (BandiExportDialog *self,
                                                           BandiExportScope   scope);
/* Proposes publishing to the calendar instead of exporting to a file
 * ("publish" is then the default answer, and only a cluster or every call
 * can be chosen). The "publish" answer emits "publish" (BandiIcalExport). */
void               bandi_export_dialog_set_publishing     (BandiExportDialog *self,
                                                           gboolean           publishing);
BandiExportScope   bandi_export_dialog_get_scope          (BandiExportDialog *self);
/* Writes the chosen scope to @file, replacing it whole or not at all. */
gboolean           bandi_export_dialog_write              (BandiExportDialog *self,
                                                           GFile             *file,
                                                           guint             *out_n_events,
                                                           GError           **error);

G_END_DECLS
