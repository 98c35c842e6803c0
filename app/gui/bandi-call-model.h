/* bandi-call-model.h — the items of the calls view over the calls shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call-item.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_MODEL (bandi_call_model_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallModel, bandi_call_model, BANDI, CALL_MODEL, GObject)

/* A list of BandiCallItem, one per call of @calls. */
BandiCallModel *bandi_call_model_new (GListModel *calls);

G_END_DECLS
