/* bandi-interreg-wordpress.c — the "wordpress" adapter: the JSON list that
 * wp-json/wp/v2/posts (or pages, or a custom post type) answers, each post
 * one candidate call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bandi-interreg-entry.h"

/* A member that is a string; NULL when missing or anything else. */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* post.title.rendered and the like; NULL when missing or not a string. */
static const char *
rendered (JsonObject *post,
          const char *member)
{
  JsonNode *node = json_object_get_member (post, member);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return string_member (json_node_get_object (node), "rendered");
  return string_member (post, member);
}

GPtrArray *
interreg_wordpress_read (InterregProgramme *programme,
                         GBytes            *body,
                         GPtrArray         *warnings,
                         GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_entry_free);
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  JsonNode *root;
  JsonArray *posts;

  root = bandi_json_load_answer (parser, data, (gssize) len, error);
  if (root == NULL)
    return NULL;

  /* WordPress reports errors as {"code": "…", "message": "…"}. */
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "code"))
    {
      JsonObject *object = json_node_get_object (root);
      /* Either may be missing, or not a string */
      const char *message = string_member (object, "message");
      const char *code = string_member (object, "code");

      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("WordPress answered with an error: %s (%s)"),
                   message ? message : "", code ? code : "");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("the WordPress answer is not a list of posts"));
      return NULL;
    }

  posts = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);
      g_autoptr(InterregEntry) entry = NULL;
      g_autofree char *title = NULL;
      const char *content;
      const char *link;
      JsonObject *post;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_ptr_array_add (warnings, g_strdup_printf (_("post %u is not a JSON object"), i + 1));
          continue;
        }
      post = json_node_get_object (node);

      title = bandi_text_html_to_plain (rendered (post, "title"));
      link = rendered (post, "link");
      if (title == NULL || *title == '\0' || link == NULL)
        {
          g_ptr_array_add (warnings, g_strdup_printf (_("post %u has no title or no link"), i + 1));
          continue;
        }

      content = rendered (post, "content");
      if (content == NULL || *content == '\0')
        content = rendered (post, "excerpt");

      entry = interreg_entry_new ();
      entry->title = bandi_text_squeeze (title);
      entry->link = g_strdup (link);
      entry->description = bandi_text_html_to_plain (content);
      entry->haystack = g_strdup (entry->description);
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}
