/* bandi-zone.c
 *
 * GTimeZone parses the zoneinfo file on every g_time_zone_new_identifier();
 * a sync handles tens of thousands of deadlines in a handful of zones, so
 * keep one instance per name for the life of the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-zone"

#include "config.h"

#include "bandi-zone.h"

static GMutex zone_lock;
static GHashTable *zones;

/**
 * bandi_zone_lookup:
 * @identifier: an IANA zone name ("Europe/Brussels") or "UTC"
 *
 * Returns: (transfer none) (nullable): the zone, or %NULL if the system
 * does not know @identifier
 */
GTimeZone *
bandi_zone_lookup (const char *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL || *identifier == '\0')
    return NULL;

  g_mutex_lock (&zone_lock);

  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);

  tz = g_hash_table_lookup (zones, identifier);
  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (identifier);
      if (tz != NULL)
        g_hash_table_insert (zones, g_strdup (identifier), tz);
    }

  g_mutex_unlock (&zone_lock);

  return tz;
}

const char *
bandi_zone_local (void)
{
  static char *zone;

  if (g_once_init_enter (&zone))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      const char *id = g_time_zone_get_identifier (tz);
      char *found = NULL;

      /* GLib names the zone after TZ or /etc/localtime; a path or a POSIX
       * rule is not a name we can store with a deadline. */
      if (id != NULL && *id != ':' && *id != '/' && bandi_zone_lookup (id) != NULL)
        found = g_strdup (id);
      g_once_init_leave (&zone, found ? found : g_strdup ("Europe/Rome"));
    }

  return zone;
}
