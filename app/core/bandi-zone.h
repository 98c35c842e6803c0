/* bandi-zone.h — cached IANA time zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GTimeZone  *bandi_zone_lookup (const char *identifier);
/* The zone of the user as an IANA name, falling back to Europe/Rome: the
 * zone of a time typed without one. */
const char *bandi_zone_local  (void);

G_END_DECLS
