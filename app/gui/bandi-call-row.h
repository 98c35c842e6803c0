/* bandi-call-row.h — one row of the calls view, showing a call that changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_ROW (bandi_call_row_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallRow, bandi_call_row, BANDI, CALL_ROW, GObject)

BandiCallRow *bandi_call_row_new          (guint         position,
                                           BandiCall    *call);
guint         bandi_call_row_get_position (BandiCallRow *self);
BandiCall    *bandi_call_row_get_call     (BandiCallRow *self);
/* Notifies ::call when @call is another call. */
void          bandi_call_row_set_call     (BandiCallRow *self,
                                           BandiCall    *call);

G_END_DECLS
