/* bandi-zone.h — cached IANA time zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GTimeZone *bandi_zone_lookup (const char *identifier);

G_END_DECLS
