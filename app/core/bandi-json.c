/* bandi-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bandi-source.h"

/* Where the scan is: what json-glib's scanner skips (strings, with '\'
 * escapes in "…" only, and C comments) holds no nesting. */
typedef enum {
  SCAN_VALUE,
  SCAN_DOUBLE_QUOTED,
  SCAN_SINGLE_QUOTED,
  SCAN_COMMENT,
} Scan;

guint
bandi_json_get_depth (const char *data,
                      gssize      len)
{
  Scan scan = SCAN_VALUE;
  guint depth = 0;
  guint deepest = 0;
  gsize n;

  if (data == NULL)
    return 0;
  n = len < 0 ? strlen (data) : (gsize) len;

  for (gsize i = 0; i < n; i++)
    {
      char c = data[i];

      switch (scan)
        {
        case SCAN_VALUE:
          if (c == '[' || c == '{')
            {
              depth++;
              deepest = MAX (deepest, depth);
            }
          else if ((c == ']' || c == '}') && depth > 0)
            depth--;
          else if (c == '"')
            scan = SCAN_DOUBLE_QUOTED;
          else if (c == '\'')
            scan = SCAN_SINGLE_QUOTED;
          else if (c == '/' && i + 1 < n && data[i + 1] == '*')
            {
              scan = SCAN_COMMENT;
              i++;
            }
          break;

        case SCAN_DOUBLE_QUOTED:
          if (c == '\\')
            i++;
          else if (c == '"')
            scan = SCAN_VALUE;
          break;

        case SCAN_SINGLE_QUOTED:
          if (c == '\'')
            scan = SCAN_VALUE;
          break;

        case SCAN_COMMENT:
          if (c == '*' && i + 1 < n && data[i + 1] == '/')
            {
              scan = SCAN_VALUE;
              i++;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return deepest;
}

JsonNode *
bandi_json_load_answer (JsonParser  *parser,
                        const char  *data,
                        gssize       len,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  guint depth;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    len = 0;
  else if (len < 0)
    len = strlen (data);

  depth = bandi_json_get_depth (data, len);
  if (depth > BANDI_JSON_MAX_DEPTH)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("the answer is JSON nested %u levels deep; refused"), depth);
      return NULL;
    }

  if (len > 0 && !json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* json-glib's message quotes the input: it may hold invalid UTF-8. */
      g_autofree char *why = bandi_text_preview (local_error->message, strlen (local_error->message), 200);

      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("the answer is not JSON (%s)"), why);
      return NULL;
    }

  root = len > 0 ? json_parser_get_root (parser) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("the answer is empty"));
      return NULL;
    }

  return root;
}
