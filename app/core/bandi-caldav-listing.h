/* bandi-caldav-listing.h — what a PROPFIND says a collection holds
 * (private to bandi-caldav-publisher.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  gboolean    has_collection;  /* the answer describes the collection itself */
  gboolean    is_calendar;     /* …with resource type calendar */
  GHashTable *resources;       /* member name (unescaped) → ETag, "" if none */
} BandiCaldavListing;

/* The body of a WebDAV multistatus answer to a Depth: 1 PROPFIND of
 * @collection (resourcetype and getetag). Members are the direct children
 * of the collection; any other href is ignored. */
BandiCaldavListing *bandi_caldav_listing_parse (GUri        *collection,
                                                GBytes      *body,
                                                GError     **error);
void                bandi_caldav_listing_free  (BandiCaldavListing *listing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiCaldavListing, bandi_caldav_listing_free)

/* The path of @uri, unescaped, without a trailing slash. */
char               *bandi_caldav_listing_path  (GUri        *uri);

G_END_DECLS
