/* bandi-manual-call-dialog.h — adding or editing a call by hand
 *
 * For funders no source reads: title, funder, programme, link, budget,
 * any number of deadlines (each with a time in a zone, or all day) and
 * notes. Saved in the store as a call of BANDI_MANUAL_SOURCE_ID.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_MANUAL_CALL_DIALOG (bandi_manual_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BandiManualCallDialog, bandi_manual_call_dialog, BANDI, MANUAL_CALL_DIALOG, AdwWindow)

/* @call: (nullable): the manual call to edit; NULL adds one. Emits
 * ::saved (BandiCall *) with the call as stored, then closes. */
BandiManualCallDialog *bandi_manual_call_dialog_new (GtkWindow  *parent,
                                                     BandiStore *store,
                                                     BandiCall  *call);

G_END_DECLS
