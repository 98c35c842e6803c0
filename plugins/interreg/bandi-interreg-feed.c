/* bandi-interreg-feed.c — the "rss" and "atom" adapters: RSS 2.0, RSS 1.0 and
 * Atom news feeds, each item or entry one candidate call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-entry.h"

typedef enum {
  FIELD_NONE,
  FIELD_TITLE,
  FIELD_LINK,
  FIELD_SUMMARY,   /* RSS description, Atom summary */
  FIELD_CONTENT,   /* content:encoded, Atom content */
  FIELD_CATEGORY,
  FIELD_ID,        /* RSS guid, Atom id */
} Field;

typedef struct {
  gboolean   root_seen;
  gboolean   atom;
  guint      depth;
  guint      item_depth;   /* depth of the open item/entry, 0 if none */
  Field      field;
  guint      field_depth;
  GString   *text;
  GString   *title, *link, *summary, *content, *id;
  GPtrArray *categories;
  GPtrArray *entries;
} FeedParse;

static void
reset_item (FeedParse *parse)
{
  g_string_truncate (parse->title, 0);
  g_string_truncate (parse->link, 0);
  g_string_truncate (parse->summary, 0);
  g_string_truncate (parse->content, 0);
  g_string_truncate (parse->id, 0);
  g_ptr_array_set_size (parse->categories, 0);
}

static Field
field_of (const char *name)
{
  static const struct { const char *name; Field field; } fields[] = {
    { "title", FIELD_TITLE }, { "link", FIELD_LINK }, { "description", FIELD_SUMMARY },
    { "summary", FIELD_SUMMARY }, { "content:encoded", FIELD_CONTENT },
    { "content", FIELD_CONTENT }, { "category", FIELD_CATEGORY }, { "dc:subject", FIELD_CATEGORY },
    { "guid", FIELD_ID }, { "id", FIELD_ID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, name) == 0)
      return fields[i].field;

  return FIELD_NONE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  FeedParse *parse = user_data;

  parse->depth++;

  if (!parse->root_seen)
    {
      parse->root_seen = TRUE;
      parse->atom = strcmp (name, "feed") == 0;
      if (!parse->atom && strcmp (name, "rss") != 0 && strcmp (name, "rdf:RDF") != 0)
        g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                     _("not an RSS or Atom feed (it starts with <%s>)"), name);
      return;
    }

  if (parse->item_depth == 0)
    {
      if (strcmp (name, parse->atom ? "entry" : "item") == 0)
        {
          parse->item_depth = parse->depth;
          reset_item (parse);
        }
      return;
    }

  if (parse->field != FIELD_NONE || parse->depth != parse->item_depth + 1)
    return;

  parse->field = field_of (name);
  parse->field_depth = parse->depth;
  g_string_truncate (parse->text, 0);

  /* Atom: <link rel="alternate" href="…"/>, <category term="…"/> */
  if (parse->atom && parse->field == FIELD_LINK)
    {
      const char *rel = NULL, *href = NULL;

      /* Not g_markup_collect_attributes(): links also carry type, title,
       * hreflang, which it would refuse. */
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "rel") == 0)
            rel = attribute_values[i];
          else if (strcmp (attribute_names[i], "href") == 0)
            href = attribute_values[i];
        }
      if (href != NULL && (rel == NULL || strcmp (rel, "alternate") == 0) && parse->link->len == 0)
        g_string_assign (parse->link, href);
    }
  else if (parse->atom && parse->field == FIELD_CATEGORY)
    {
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (strcmp (attribute_names[i], "term") == 0)
          g_ptr_array_add (parse->categories, g_strdup (attribute_values[i]));
    }
}

static char *
plain (GString *html)
{
  g_autofree char *text = bandi_text_html_to_plain (html->str);

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
finish_item (FeedParse *parse)
{
  g_autoptr(InterregEntry) entry = interreg_entry_new ();
  g_autofree char *title = plain (parse->title);
  GString *body = parse->content->len > 0 ? parse->content : parse->summary;

  entry->title = bandi_text_squeeze (title);
  entry->link = parse->link->len > 0 ? g_strstrip (g_strdup (parse->link->str)) : NULL;
  /* A permalink guid stands in for a missing link. */
  if (entry->link == NULL && g_str_has_prefix (parse->id->str, "http"))
    entry->link = g_strstrip (g_strdup (parse->id->str));
  entry->description = plain (body);
  entry->haystack = g_strdup (entry->description);
  entry->haystack_html = FALSE;

  g_ptr_array_add (parse->categories, NULL);
  entry->categories = g_strdupv ((char **) parse->categories->pdata);
  g_ptr_array_set_size (parse->categories, parse->categories->len - 1);

  g_ptr_array_add (parse->entries, g_steal_pointer (&entry));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  FeedParse *parse = user_data;

  if (parse->field != FIELD_NONE && parse->depth == parse->field_depth)
    {
      GString *target = NULL;

      switch (parse->field)
        {
        case FIELD_TITLE: target = parse->title; break;
        case FIELD_SUMMARY: target = parse->summary; break;
        case FIELD_CONTENT: target = parse->content; break;
        case FIELD_ID: target = parse->id; break;
        case FIELD_LINK: target = parse->atom ? NULL : parse->link; break;
        case FIELD_CATEGORY:
          if (!parse->atom && parse->text->len > 0)
            g_ptr_array_add (parse->categories, g_strstrip (g_strdup (parse->text->str)));
          break;
        case FIELD_NONE:
        default:
          break;
        }

      if (target != NULL && target->len == 0)
        g_string_assign (target, parse->text->str);
      parse->field = FIELD_NONE;
    }
  else if (parse->item_depth != 0 && parse->depth == parse->item_depth)
    {
      finish_item (parse);
      parse->item_depth = 0;
    }

  parse->depth--;
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  FeedParse *parse = user_data;

  if (parse->field != FIELD_NONE)
    g_string_append_len (parse->text, text_value, text_len);
}

GPtrArray *
interreg_feed_read (InterregProgramme *programme,
                    GBytes            *body,
                    GPtrArray         *warnings,
                    GError           **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_entry_free);
  FeedParse parse = { 0 };
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  gboolean ok;

  /* GMarkup reads UTF-8 only, and on some invalid bytes sets its error
   * twice (a GLib warning): refuse them first. */
  if (len > 0 && !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("the feed is not UTF-8 text"));
      return NULL;
    }

  parse.text = g_string_new (NULL);
  parse.title = g_string_new (NULL);
  parse.link = g_string_new (NULL);
  parse.summary = g_string_new (NULL);
  parse.content = g_string_new (NULL);
  parse.id = g_string_new (NULL);
  parse.categories = g_ptr_array_new_with_free_func (g_free);
  parse.entries = entries;

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT | G_MARKUP_PREFIX_ERROR_POSITION,
                                        &parse, NULL);
  ok = len > 0 && g_markup_parse_context_parse (context, data, len, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  g_string_free (parse.text, TRUE);
  g_string_free (parse.title, TRUE);
  g_string_free (parse.link, TRUE);
  g_string_free (parse.summary, TRUE);
  g_string_free (parse.content, TRUE);
  g_string_free (parse.id, TRUE);
  g_ptr_array_unref (parse.categories);

  if (!ok)
    {
      if (local_error != NULL && local_error->domain == BANDI_SOURCE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          /* GMarkup quotes the bytes it could not read, valid UTF-8 or not. */
          g_autofree char *reason =
            local_error ? bandi_text_preview (local_error->message, strlen (local_error->message), 200) : NULL;

          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                       _("the feed is not valid XML: %s"),
                       reason ? reason : _("it is empty"));
        }
      return NULL;
    }

  return g_steal_pointer (&entries);
}
