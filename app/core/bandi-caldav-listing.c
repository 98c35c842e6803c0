/* bandi-caldav-listing.c
 *
 * Namespaces are read by local name only (the prefix varies from server to
 * server, and the elements that matter have names of their own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-caldav"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-caldav-listing.h"

typedef struct {
  GUri    *collection;
  char    *collection_path;
  BandiCaldavListing *listing;

  GString *text;           /* of the element being read */
  gboolean in_resourcetype;
  /* the <response> being read */
  char    *href;
  gboolean calendar;
  gboolean collection_type;
  char    *etag;           /* of the current propstat */
  char    *status;         /* of the current propstat */
  char    *good_etag;      /* from a propstat with status 200 */
} Parse;

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon ? colon + 1 : name;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Parse *parse = user_data;
  const char *name = local_name (element_name);

  g_string_truncate (parse->text, 0);

  if (strcmp (name, "response") == 0)
    {
      g_clear_pointer (&parse->href, g_free);
      g_clear_pointer (&parse->good_etag, g_free);
      parse->calendar = parse->collection_type = FALSE;
    }
  else if (strcmp (name, "propstat") == 0)
    {
      g_clear_pointer (&parse->etag, g_free);
      g_clear_pointer (&parse->status, g_free);
    }
  else if (strcmp (name, "resourcetype") == 0)
    parse->in_resourcetype = TRUE;
  else if (parse->in_resourcetype && strcmp (name, "calendar") == 0)
    parse->calendar = TRUE;
  else if (parse->in_resourcetype && strcmp (name, "collection") == 0)
    parse->collection_type = TRUE;
}

static void
finish_response (Parse *parse)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  char *slash;

  if (parse->href == NULL)
    return;

  uri = g_uri_parse_relative (parse->collection, g_strstrip (parse->href), G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return;
  path = bandi_caldav_listing_path (uri);
  if (path == NULL)
    return;

  if (strcmp (path, parse->collection_path) == 0)
    {
      parse->listing->has_collection = TRUE;
      parse->listing->is_calendar = parse->calendar;
      return;
    }

  slash = strrchr (path, '/');
  if (slash == NULL || parse->collection_type ||
      (gsize) (slash - path) != strlen (parse->collection_path) ||
      strncmp (path, parse->collection_path, (gsize) (slash - path)) != 0)
    return;

  g_hash_table_replace (parse->listing->resources, g_strdup (slash + 1),
                        g_strdup (parse->good_etag ? parse->good_etag : ""));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Parse *parse = user_data;
  const char *name = local_name (element_name);

  if (strcmp (name, "href") == 0 && !parse->in_resourcetype)
    {
      g_free (parse->href);
      parse->href = g_strdup (parse->text->str);
    }
  else if (strcmp (name, "getetag") == 0)
    {
      g_free (parse->etag);
      parse->etag = g_strstrip (g_strdup (parse->text->str));
    }
  else if (strcmp (name, "status") == 0)
    {
      g_free (parse->status);
      parse->status = g_strdup (parse->text->str);
    }
  else if (strcmp (name, "propstat") == 0)
    {
      /* "HTTP/1.1 200 OK" */
      if (parse->etag != NULL && *parse->etag != '\0' &&
          parse->status != NULL && strstr (parse->status, " 200") != NULL)
        {
          g_free (parse->good_etag);
          parse->good_etag = g_steal_pointer (&parse->etag);
        }
    }
  else if (strcmp (name, "resourcetype") == 0)
    parse->in_resourcetype = FALSE;
  else if (strcmp (name, "response") == 0)
    finish_response (parse);

  g_string_truncate (parse->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  Parse *parse = user_data;

  g_string_append_len (parse->text, text_value, (gssize) text_len);
}

char *
bandi_caldav_listing_path (GUri *uri)
{
  char *path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  gsize len;

  if (path == NULL)
    return NULL;
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  return path;
}

void
bandi_caldav_listing_free (BandiCaldavListing *listing)
{
  if (listing == NULL)
    return;
  g_hash_table_unref (listing->resources);
  g_free (listing);
}

BandiCaldavListing *
bandi_caldav_listing_parse (GUri    *collection,
                            GBytes  *body,
                            GError **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(BandiCaldavListing) listing = g_new0 (BandiCaldavListing, 1);
  g_autoptr(GError) local_error = NULL;
  Parse parse = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  gboolean ok;

  listing->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  parse.collection = collection;
  parse.collection_path = bandi_caldav_listing_path (collection);
  parse.listing = listing;
  parse.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &parse, NULL);
  ok = g_markup_parse_context_parse (context, data ? data : "", (gssize) size, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  g_free (parse.collection_path);
  g_string_free (parse.text, TRUE);
  g_free (parse.href);
  g_free (parse.etag);
  g_free (parse.status);
  g_free (parse.good_etag);

  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The calendar server’s list of events is not valid XML: %s"),
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&listing);
}
