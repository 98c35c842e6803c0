/* bandi-lombardia-cache.h — what each call's page said, for the next sync
 *
 * A call's page is read again only when the call is new or its dataset row
 * changed. The plugin has no access to the store, so it keeps, per call,
 * the fingerprint of the row and what the page said, in a small JSON file
 * in the user's cache directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-lombardia-page.h"

G_BEGIN_DECLS

typedef struct _BandiLombardiaCache BandiLombardiaCache;

/* $XDG_CACHE_HOME/bandi/lombardia-pages.json */
char                *bandi_lombardia_cache_default_path (void);

/* Reads @path; a missing, unreadable or foreign file gives an empty cache
 * (the pages are then read again, nothing else is lost). */
BandiLombardiaCache *bandi_lombardia_cache_load   (const char               *path);
void                 bandi_lombardia_cache_free   (BandiLombardiaCache      *cache);

/* What the page of @codice said when its row had @fingerprint. */
gboolean             bandi_lombardia_cache_lookup (BandiLombardiaCache      *cache,
                                                   const char               *codice,
                                                   const char               *fingerprint,
                                                   BandiLombardiaPage       *page);
/* Records a page just read. */
void                 bandi_lombardia_cache_store  (BandiLombardiaCache      *cache,
                                                   const char               *codice,
                                                   const char               *fingerprint,
                                                   const BandiLombardiaPage *page);
/* Keeps the entry loaded for @codice (a call still listed whose page was
 * not read this time). */
void                 bandi_lombardia_cache_keep   (BandiLombardiaCache      *cache,
                                                   const char               *codice);
/* Writes the entries stored or kept since loading; the others, calls the
 * dataset no longer lists, are dropped. */
gboolean             bandi_lombardia_cache_save   (BandiLombardiaCache      *cache,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiLombardiaCache, bandi_lombardia_cache_free)

G_END_DECLS
