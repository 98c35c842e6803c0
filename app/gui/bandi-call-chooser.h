/* bandi-call-chooser.h — a popover to find a stored call by search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_CHOOSER (bandi_call_chooser_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallChooser, bandi_call_chooser, BANDI, CALL_CHOOSER, GtkPopover)

/* Searches @calls through the store's full-text index; "call-chosen"
 * (BandiCall) when one is picked, or the first match on Enter. */
GtkWidget *bandi_call_chooser_new       (void);
void       bandi_call_chooser_set_store (BandiCallChooser *self,
                                         BandiStore       *store);
void       bandi_call_chooser_set_calls (BandiCallChooser *self,
                                         GListModel       *calls);

G_END_DECLS
