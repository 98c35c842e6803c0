/* bandi-interreg-source.h — calls of the Interreg programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

#define BANDI_TYPE_INTERREG_SOURCE (bandi_interreg_source_get_type ())
G_DECLARE_FINAL_TYPE (BandiInterregSource, bandi_interreg_source, BANDI, INTERREG_SOURCE, BandiSource)

G_END_DECLS
