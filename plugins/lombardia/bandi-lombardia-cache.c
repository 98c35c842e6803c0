/* bandi-lombardia-cache.c — what each call's page said, for the next sync
 *
 * The file:
 *   { "version": 1,
 *     "pages": { "RLO12026055023": { "row": "<sha256 of the row>",
 *                                    "read": 1795000000,
 *                                    "status": "open",
 *                                    "date": "2026-09-07", "time": "12:00" } } }
 * "read" is when the page was read (Unix time); an entry without it, from
 * an older version of the plugin, is stale. "date" and "time" are absent
 * when the page gave none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-lombardia"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <json-glib/json-glib.h>

#include "bandi-lombardia-cache.h"

#define CACHE_VERSION 1

typedef struct {
  char               *fingerprint;
  gint64              read_unix;
  BandiLombardiaPage  page;
} Entry;

struct _BandiLombardiaCache
{
  char       *path;
  GHashTable *loaded;  /* codice → Entry */
  GHashTable *kept;    /* codice → Entry */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->fingerprint);
  g_free (entry);
}

static Entry *
entry_new (const char               *fingerprint,
           gint64                    read_unix,
           const BandiLombardiaPage *page)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->fingerprint = g_strdup (fingerprint);
  entry->read_unix = read_unix;
  entry->page = *page;

  return entry;
}

char *
bandi_lombardia_cache_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "bandi", "lombardia-pages.json", NULL);
}

static gboolean
entry_from_json (JsonObject         *object,
                 BandiLombardiaPage *page)
{
  const char *status = json_object_get_string_member_with_default (object, "status", "");
  const char *date = json_object_get_string_member_with_default (object, "date", NULL);
  const char *time = json_object_get_string_member_with_default (object, "time", NULL);
  int y, m, d, h, mi;

  *page = (BandiLombardiaPage) { .status = BANDI_CALL_STATUS_UNKNOWN };

  if (!bandi_call_status_from_string (status, &page->status))
    return FALSE;

  if (date != NULL)
    {
      if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
        return FALSE;
      page->has_date = TRUE;
      page->year = y;
      page->month = m;
      page->day = d;
    }

  if (time != NULL)
    {
      if (!page->has_date || sscanf (time, "%2d:%2d", &h, &mi) != 2 ||
          h < 0 || h > 23 || mi < 0 || mi > 59)
        return FALSE;
      page->has_time = TRUE;
      page->hour = h;
      page->minute = mi;
    }

  return TRUE;
}

static void
load_file (BandiLombardiaCache *cache)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *pages;
  JsonNode *node;
  g_autoptr(GList) codici = NULL;

  if (!json_parser_load_from_mapped_file (parser, cache->path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring the page cache %s: %s", cache->path, error->message);
      return;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  root = json_node_get_object (node);
  if (json_object_get_int_member_with_default (root, "version", 0) != CACHE_VERSION)
    return;
  node = json_object_get_member (root, "pages");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  pages = json_node_get_object (node);

  codici = json_object_get_members (pages);
  for (const GList *l = codici; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (pages, l->data);
      JsonObject *object;
      const char *fingerprint;
      gint64 read_unix;
      BandiLombardiaPage page;

      if (!JSON_NODE_HOLDS_OBJECT (value))
        continue;
      object = json_node_get_object (value);
      fingerprint = json_object_get_string_member_with_default (object, "row", NULL);
      read_unix = json_object_get_int_member_with_default (object, "read", 0);
      if (fingerprint == NULL || !entry_from_json (object, &page))
        continue;

      g_hash_table_insert (cache->loaded, g_strdup (l->data),
                           entry_new (fingerprint, read_unix, &page));
    }
}

BandiLombardiaCache *
bandi_lombardia_cache_load (const char *path)
{
  BandiLombardiaCache *cache;

  g_return_val_if_fail (path != NULL, NULL);

  cache = g_new0 (BandiLombardiaCache, 1);
  cache->path = g_strdup (path);
  cache->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
  cache->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) entry_free);
  load_file (cache);

  return cache;
}

void
bandi_lombardia_cache_free (BandiLombardiaCache *cache)
{
  if (cache == NULL)
    return;

  g_free (cache->path);
  g_hash_table_unref (cache->loaded);
  g_hash_table_unref (cache->kept);
  g_free (cache);
}

BandiLombardiaCacheHit
bandi_lombardia_cache_lookup (BandiLombardiaCache *cache,
                              const char          *codice,
                              const char          *fingerprint,
                              gint64               now_unix,
                              guint                max_age_s,
                              BandiLombardiaPage  *page)
{
  Entry *entry = g_hash_table_lookup (cache->loaded, codice);

  if (entry == NULL || g_strcmp0 (entry->fingerprint, fingerprint) != 0)
    return BANDI_LOMBARDIA_CACHE_MISS;

  *page = entry->page;
  if (entry->read_unix > now_unix || now_unix - entry->read_unix >= (gint64) max_age_s)
    return BANDI_LOMBARDIA_CACHE_STALE;

  return BANDI_LOMBARDIA_CACHE_FRESH;
}

void
bandi_lombardia_cache_store (BandiLombardiaCache      *cache,
                             const char               *codice,
                             const char               *fingerprint,
                             gint64                    read_unix,
                             const BandiLombardiaPage *page)
{
  g_hash_table_insert (cache->kept, g_strdup (codice), entry_new (fingerprint, read_unix, page));
}

void
bandi_lombardia_cache_keep (BandiLombardiaCache *cache,
                            const char          *codice)
{
  Entry *entry = g_hash_table_lookup (cache->loaded, codice);

  if (entry != NULL && !g_hash_table_contains (cache->kept, codice))
    g_hash_table_insert (cache->kept, g_strdup (codice),
                         entry_new (entry->fingerprint, entry->read_unix, &entry->page));
}

gboolean
bandi_lombardia_cache_save (BandiLombardiaCache  *cache,
                            GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) codici = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_object (builder);

  /* Sorted, so that an unchanged cache is written byte for byte the same. */
  codici = g_list_sort (g_hash_table_get_keys (cache->kept), (GCompareFunc) g_strcmp0);
  for (const GList *l = codici; l != NULL; l = l->next)
    {
      Entry *entry = g_hash_table_lookup (cache->kept, l->data);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_string_value (builder, entry->fingerprint);
      json_builder_set_member_name (builder, "read");
      json_builder_add_int_value (builder, entry->read_unix);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, bandi_call_status_to_string (entry->page.status));
      if (entry->page.has_date)
        {
          g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", entry->page.year,
                                                   entry->page.month, entry->page.day);

          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, date);
        }
      if (entry->page.has_time)
        {
          g_autofree char *time = g_strdup_printf ("%02d:%02d", entry->page.hour,
                                                   entry->page.minute);

          json_builder_set_member_name (builder, "time");
          json_builder_add_string_value (builder, time);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  dir = g_path_get_dirname (cache->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents (cache->path, data, length, error);
}
