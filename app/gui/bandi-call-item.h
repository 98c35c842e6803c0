/* bandi-call-item.h — the item behind one row of the calls view, showing a
 * call that changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_ITEM (bandi_call_item_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallItem, bandi_call_item, BANDI, CALL_ITEM, GObject)

BandiCallItem *bandi_call_item_new          (guint          position,
                                            BandiCall     *call);
guint          bandi_call_item_get_position (BandiCallItem *self);
BandiCall     *bandi_call_item_get_call     (BandiCallItem *self);
/* Notifies ::call when @call is another call. */
void           bandi_call_item_set_call     (BandiCallItem *self,
                                            BandiCall     *call);

G_END_DECLS
