/* bandi-lombardia-cache.h — what each call's page said, for the next sync
 *
 * A call's page is read again when the call is new, when its dataset row
 * changed, or when the page was last read too long ago: a proroga may show
 * on the page while the row stays the same. The plugin has no access to
 * the store, so it keeps, per call, the fingerprint of the row, when the
 * page was read and what it said, in a small JSON file in the user's cache
 * directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-lombardia-page.h"

G_BEGIN_DECLS

typedef struct _BandiLombardiaCache BandiLombardiaCache;

typedef enum {
  BANDI_LOMBARDIA_CACHE_MISS,   /* no entry, or one for another row */
  BANDI_LOMBARDIA_CACHE_STALE,  /* the same row, but the page was read too long ago */
  BANDI_LOMBARDIA_CACHE_FRESH,  /* the same row, the page read recently */
} BandiLombardiaCacheHit;

/* $XDG_CACHE_HOME/bandi/lombardia-pages.json */
char                  *bandi_lombardia_cache_default_path (void);

/* Reads @path; a missing, unreadable or foreign file gives an empty cache
 * (the pages are then read again, nothing else is lost). */
BandiLombardiaCache   *bandi_lombardia_cache_load   (const char               *path);
void                   bandi_lombardia_cache_free   (BandiLombardiaCache      *cache);

/* What the page of @codice said when its row had @fingerprint, in @page
 * unless MISS. The entry is STALE when the page was read @max_age_s
 * seconds or more before @now_unix (or after it: the clock moved back). */
BandiLombardiaCacheHit bandi_lombardia_cache_lookup (BandiLombardiaCache      *cache,
                                                     const char               *codice,
                                                     const char               *fingerprint,
                                                     gint64                    now_unix,
                                                     guint                     max_age_s,
                                                     BandiLombardiaPage       *page);
/* Records a page read at @read_unix. */
void                   bandi_lombardia_cache_store  (BandiLombardiaCache      *cache,
                                                     const char               *codice,
                                                     const char               *fingerprint,
                                                     gint64                    read_unix,
                                                     const BandiLombardiaPage *page);
/* Keeps the entry loaded for @codice as it is, with its reading time (a
 * call still listed whose page was not read this time, or whose new
 * reading failed). */
void                   bandi_lombardia_cache_keep   (BandiLombardiaCache      *cache,
                                                     const char               *codice);
/* Writes the entries stored or kept since loading; the others, calls the
 * dataset no longer lists, are dropped. */
gboolean               bandi_lombardia_cache_save   (BandiLombardiaCache      *cache,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiLombardiaCache, bandi_lombardia_cache_free)

G_END_DECLS
