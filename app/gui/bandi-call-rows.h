/* bandi-call-rows.h — the rows of the calls view over the calls shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call-row.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_ROWS (bandi_call_rows_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallRows, bandi_call_rows, BANDI, CALL_ROWS, GObject)

/* A list of BandiCallRow, one per call of @calls. */
BandiCallRows *bandi_call_rows_new (GListModel *calls);

G_END_DECLS
