/* bandi-cluster-editor.h — edits, adds or removes one cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CLUSTER_EDITOR (bandi_cluster_editor_get_type ())
G_DECLARE_FINAL_TYPE (BandiClusterEditor, bandi_cluster_editor, BANDI, CLUSTER_EDITOR, GtkWidget)

/* @cluster NULL: a new cluster, added once it has an acronym and a name.
 * Changes are saved as they are made; "saved" follows each save,
 * "removed" the removal of the cluster, "back" asks to close the editor. */
BandiClusterEditor *bandi_cluster_editor_new         (BandiStore         *store,
                                                      BandiCluster       *cluster);
BandiCluster       *bandi_cluster_editor_get_cluster (BandiClusterEditor *self);
/* Saves pending changes now; FALSE (and the reason shown) if the store
 * refused them or the acronym or name is missing. */
gboolean            bandi_cluster_editor_flush       (BandiClusterEditor *self);

G_END_DECLS
