/* bandi-sync-button.h — sync, its progress, and each source's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-application.h"

G_BEGIN_DECLS

#define BANDI_TYPE_SYNC_BUTTON (bandi_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (BandiSyncButton, bandi_sync_button, BANDI, SYNC_BUTTON, GtkWidget)

/* Follows @application's sync (the context reads the store after it). */
void bandi_sync_button_set_application (BandiSyncButton  *self,
                                        BandiApplication *application);

G_END_DECLS
