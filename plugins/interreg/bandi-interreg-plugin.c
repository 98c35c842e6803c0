/* bandi-interreg-plugin.c — the module's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include "bandi-interreg-source.h"

BANDI_DEFINE_SOURCE_PLUGIN (bandi_interreg_source_get_type)
