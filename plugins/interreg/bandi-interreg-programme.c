/* bandi-interreg-programme.c — presets and custom programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-programme.h"

#define PRESETS_RESOURCE "/io/github/bandi/Bandi/interreg/presets.json"
#define DEFAULT_ZONE "Europe/Brussels"

/* What "{date}" stands for in a rule: a day–month–year date (or month day
 * year, or numeric), then optionally a time, then optionally a zone. The
 * date parser decides whether the text is really a date. */
#define DATE_PATTERN                                                          \
  "(?i:"                                                                      \
  "(?:\\d{1,2}(?:st|nd|rd|th|er|°)?\\.?\\s+\\p{L}{3,}\\.?,?\\s+\\d{4}"          \
  "|\\p{L}{3,}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"                      \
  "|\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}"                                          \
  "|\\d{4}-\\d{2}-\\d{2})"                                                     \
  "(?:,?\\s*(?:at|ore|alle(?:\\s+ore)?|à|um|h|-)?\\s*\\d{1,2}"                  \
  "(?:[:.h]\\d{2}(?:\\s*(?:uhr|h|[ap]\\.?\\s?m\\.?))?|\\s*(?:uhr|h\\b|[ap]\\.?\\s?m\\.?))" \
  "(?:\\s*\\(?(?:cest|cet|mesz|mez|utc|gmt|(?:brussels|paris|rome|local)\\s+time"   \
  "|heure\\s+de\\s+(?:bruxelles|paris)|ora\\s+(?:di\\s+bruxelles|italiana))\\)?)?)?)"

static const char * const adapter_names[] = { "rss", "atom", "wordpress", "html", "ical", "csv", NULL };

static const InterregAdapter adapter_kinds[] = {
  INTERREG_ADAPTER_FEED,
  INTERREG_ADAPTER_FEED,
  INTERREG_ADAPTER_WORDPRESS,
  INTERREG_ADAPTER_HTML,
  INTERREG_ADAPTER_ICAL,
  INTERREG_ADAPTER_CSV,
};

static const char * const rule_names[] = {
  "item", "title", "link", "match", "exclude", "code", "opening", "closing", NULL
};

struct _InterregCatalogue {
  GPtrArray  *presets;   /* of InterregProgramme */
  JsonObject *defaults;  /* adapter name → rules object */
};

const char * const *
interreg_adapter_names (void)
{
  return adapter_names;
}

void
interreg_programme_free (InterregProgramme *programme)
{
  if (programme == NULL)
    return;

  g_free (programme->id);
  g_free (programme->name);
  g_free (programme->url);
  g_free (programme->adapter_name);
  g_free (programme->zone);
  g_free (programme->note);
  g_clear_pointer (&programme->item, g_regex_unref);
  g_clear_pointer (&programme->title, g_regex_unref);
  g_clear_pointer (&programme->link, g_regex_unref);
  g_clear_pointer (&programme->match, g_regex_unref);
  g_clear_pointer (&programme->exclude, g_regex_unref);
  g_clear_pointer (&programme->code, g_regex_unref);
  g_clear_pointer (&programme->opening, g_regex_unref);
  g_clear_pointer (&programme->closing, g_regex_unref);
  g_strfreev (programme->columns.title);
  g_strfreev (programme->columns.link);
  g_strfreev (programme->columns.code);
  g_strfreev (programme->columns.opening);
  g_strfreev (programme->columns.closing);
  g_free (programme);
}

static GRegex **
rule_slot (InterregProgramme *programme,
           const char        *name)
{
  GRegex **slots[] = {
    &programme->item, &programme->title, &programme->link, &programme->match,
    &programme->exclude, &programme->code, &programme->opening, &programme->closing,
  };

  for (guint i = 0; rule_names[i] != NULL; i++)
    if (strcmp (rule_names[i], name) == 0)
      return slots[i];

  return NULL;
}

static gboolean
set_rules (InterregProgramme  *programme,
           JsonObject         *rules,
           GError            **error)
{
  g_autoptr(GList) members = NULL;

  if (rules == NULL)
    return TRUE;

  members = json_object_get_members (rules);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (rules, name);
      GRegex **slot = rule_slot (programme, name);
      g_autoptr(GString) source = NULL;
      g_autoptr(GError) regex_error = NULL;

      /* The defaults' columns of the csv adapter are not a rule. */
      if (g_str_equal (name, "columns"))
        continue;
      if (slot == NULL)
        {
          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                       _("Programme “%s” has an unknown rule “%s”"), programme->id, name);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                       _("Programme “%s”: rule “%s” is not a string"), programme->id, name);
          return FALSE;
        }

      source = g_string_new (json_node_get_string (node));
      g_string_replace (source, "{date}", DATE_PATTERN, 0);

      g_clear_pointer (slot, g_regex_unref);
      *slot = g_regex_new (source->str, G_REGEX_DEFAULT, 0, &regex_error);
      if (*slot == NULL)
        {
          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                       _("Programme “%s”: rule “%s” is not a valid pattern: %s"),
                       programme->id, name, regex_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* "Call 4 – Thematic projects" → "call-4-thematic-projects" */
char *
interreg_slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }

  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
url_is_web (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

/* A column's names: a string, or an array of strings. */
static gboolean
column_names (JsonObject  *columns,
              const char  *name,
              GStrv       *out,
              const char  *id,
              GError     **error)
{
  JsonNode *node = json_object_get_member (columns, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            goto invalid;
          g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  else
    goto invalid;

  *out = g_strv_builder_end (builder);
  return TRUE;

invalid:
  g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
               _("Programme “%s”: column “%s” is not a name or an array of names"), id, name);
  return FALSE;
}

/* The columns of a csv programme: its own, else the defaults'. */
static gboolean
set_columns (InterregProgramme  *programme,
             JsonObject         *object,
             JsonObject         *defaults,
             GError            **error)
{
  JsonNode *node = json_object_get_member (object, "columns");
  JsonObject *columns = NULL;
  struct { const char *name; GStrv *slot; } slots[] = {
    { "title", &programme->columns.title }, { "link", &programme->columns.link },
    { "code", &programme->columns.code }, { "opening", &programme->columns.opening },
    { "closing", &programme->columns.closing },
  };

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    columns = json_node_get_object (node);
  else if (node == NULL && defaults != NULL && json_object_has_member (defaults, "csv"))
    {
      JsonObject *csv = json_object_get_object_member (defaults, "csv");

      if (json_object_has_member (csv, "columns"))
        columns = json_object_get_object_member (csv, "columns");
    }

  if (columns == NULL)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s” reads a CSV file but names no columns"), programme->id);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (!column_names (columns, slots[i].name, slots[i].slot, programme->id, error))
      return FALSE;

  if (programme->columns.title == NULL)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s” reads a CSV file but names no title column"), programme->id);
      return FALSE;
    }

  return TRUE;
}

/* A programme from its JSON object; @defaults (nullable) are the rules of
 * the adapter, applied before the programme's own. */
static InterregProgramme *
programme_new_from_json (JsonObject  *object,
                         JsonObject  *defaults,
                         gboolean     custom,
                         GError     **error)
{
  g_autoptr(InterregProgramme) programme = g_new0 (InterregProgramme, 1);
  const char *name = member_string (object, "name");
  const char *id = member_string (object, "id");
  g_autofree char *name_id = NULL;
  const char *url = member_string (object, "url");
  const char *adapter = member_string (object, "adapter");
  const char *zone = member_string (object, "zone");
  JsonNode *rules = json_object_get_member (object, "rules");
  guint i;

  /* A custom programme may leave its id to its name. */
  if (id == NULL && custom && name != NULL)
    id = name_id = interreg_slugify (name);

  if (!id_is_valid (id))
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("A programme has no valid id (lower-case letters, digits and dashes): “%s”"),
                   id ? id : "");
      return NULL;
    }
  programme->id = g_strdup (id);
  programme->custom = custom;
  programme->followed_by_default = !custom && json_object_get_boolean_member_with_default (object, "followed", TRUE);
  programme->note = g_strdup (member_string (object, "note"));

  programme->name = name ? g_strstrip (g_strdup (name)) : NULL;
  if (programme->name == NULL || *programme->name == '\0')
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s” has no name"), id);
      return NULL;
    }

  if (!url_is_web (url))
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s” has no web address (http or https): “%s”"),
                   id, url ? url : "");
      return NULL;
    }
  programme->url = g_strdup (url);

  for (i = 0; adapter_names[i] != NULL; i++)
    if (g_strcmp0 (adapter, adapter_names[i]) == 0)
      break;
  if (adapter_names[i] == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) adapter_names);

      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s” has an unknown adapter “%s” (known: %s)"),
                   id, adapter ? adapter : "", known);
      return NULL;
    }
  programme->adapter_name = g_strdup (adapter);
  programme->adapter = adapter_kinds[i];

  programme->zone = g_strdup (zone ? zone : DEFAULT_ZONE);
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (programme->zone);

    if (tz == NULL)
      {
        g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                     _("Programme “%s” has an unknown time zone “%s”"), id, programme->zone);
        return NULL;
      }
  }

  if (defaults != NULL && json_object_has_member (defaults, adapter) &&
      !set_rules (programme, json_object_get_object_member (defaults, adapter), error))
    return NULL;

  if (rules != NULL && !JSON_NODE_HOLDS_OBJECT (rules))
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("Programme “%s”: “rules” is not an object"), id);
      return NULL;
    }
  if (rules != NULL && !set_rules (programme, json_node_get_object (rules), error))
    return NULL;

  if (programme->adapter == INTERREG_ADAPTER_CSV && !set_columns (programme, object, defaults, error))
    return NULL;

  return g_steal_pointer (&programme);
}

GRegex *
interreg_date_regex (void)
{
  static GRegex *regex;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      regex = g_regex_new (DATE_PATTERN, G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  return regex;
}

char *
interreg_rule_extract (GRegex     *rule,
                       const char *haystack)
{
  g_autoptr(GMatchInfo) match = NULL;
  char *value;

  if (rule == NULL || haystack == NULL || !g_regex_match (rule, haystack, 0, &match))
    return NULL;

  value = g_match_info_fetch_named (match, "v");
  if (value == NULL)
    value = g_match_info_fetch (match, g_regex_get_capture_count (rule) > 0 ? 1 : 0);

  return value;
}

char *
interreg_programme_dup_fetch_url (InterregProgramme  *programme,
                                  const char         *endpoint,
                                  GError            **error)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) url = NULL;
  g_autoptr(GUri) joined = NULL;
  g_autofree char *path = NULL;
  const char *prefix;

  if (endpoint == NULL || *endpoint == '\0')
    return g_strdup (programme->url);

  base = g_uri_parse (endpoint, G_URI_FLAGS_NONE, error);
  if (base == NULL)
    return NULL;
  url = g_uri_parse (programme->url, G_URI_FLAGS_ENCODED, error);
  if (url == NULL)
    return NULL;

  prefix = g_uri_get_path (base);
  if (g_str_has_suffix (prefix, "/"))
    path = g_strconcat (prefix, g_uri_get_path (url) + (*g_uri_get_path (url) == '/'), NULL);
  else
    path = g_strconcat (prefix, g_uri_get_path (url), NULL);

  joined = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (base), NULL,
                        g_uri_get_host (base), g_uri_get_port (base), path,
                        g_uri_get_query (url), NULL);

  return g_uri_to_string (joined);
}

static JsonObject *
parse_object (GBytes  *bytes,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                           "The presets are not a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

InterregCatalogue *
interreg_catalogue_new (GError **error)
{
  g_autoptr(InterregCatalogue) catalogue = g_new0 (InterregCatalogue, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *programmes;

  bytes = g_resources_lookup_data (PRESETS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  root = parse_object (bytes, error);
  if (root == NULL)
    return NULL;

  catalogue->presets = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_programme_free);
  catalogue->defaults = json_object_ref (json_object_get_object_member (root, "defaults"));
  programmes = json_object_get_array_member (root, "programmes");

  for (guint i = 0; i < json_array_get_length (programmes); i++)
    {
      InterregProgramme *programme;

      programme = programme_new_from_json (json_array_get_object_element (programmes, i),
                                           NULL, FALSE, error);
      if (programme == NULL)
        return NULL;
      g_ptr_array_add (catalogue->presets, programme);
    }

  return g_steal_pointer (&catalogue);
}

void
interreg_catalogue_free (InterregCatalogue *catalogue)
{
  if (catalogue == NULL)
    return;

  g_clear_pointer (&catalogue->presets, g_ptr_array_unref);
  g_clear_pointer (&catalogue->defaults, json_object_unref);
  g_free (catalogue);
}

GPtrArray *
interreg_catalogue_get_presets (InterregCatalogue *catalogue)
{
  return catalogue->presets;
}

static InterregProgramme *
find_programme (GPtrArray  *programmes,
                const char *id)
{
  for (guint i = 0; i < programmes->len; i++)
    {
      InterregProgramme *programme = g_ptr_array_index (programmes, i);

      if (g_strcmp0 (programme->id, id) == 0)
        return programme;
    }

  return NULL;
}

InterregProgramme *
interreg_catalogue_find_preset (InterregCatalogue *catalogue,
                                const char        *id)
{
  return find_programme (catalogue->presets, id);
}

GPtrArray *
interreg_catalogue_parse_custom (InterregCatalogue *catalogue,
                                 const char        *json,
                                 GPtrArray         *problems,
                                 GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonArray *array;

  programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_programme_free);
  if (json == NULL || *json == '\0')
    return g_steal_pointer (&programmes);

  if (!json_parser_load_from_data (parser, json, -1, &parse_error))
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("The custom Interreg programmes are not valid JSON: %s"),
                   parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                           _("The custom Interreg programmes are not a JSON array"));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(InterregProgramme) programme = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Custom programme %u is not a JSON object"), i + 1));
          continue;
        }

      programme = programme_new_from_json (json_node_get_object (node), catalogue->defaults,
                                           TRUE, &local_error);
      if (programme == NULL)
        {
          g_ptr_array_add (problems, g_strdup (local_error->message));
          continue;
        }

      if (interreg_catalogue_find_preset (catalogue, programme->id) != NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Custom programme “%s” has the id of a preset"),
                                                      programme->id));
          continue;
        }

      if (find_programme (programmes, programme->id) != NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Custom programme “%s” is given twice"),
                                                      programme->id));
          continue;
        }

      g_ptr_array_add (programmes, g_steal_pointer (&programme));
    }

  return g_steal_pointer (&programmes);
}
