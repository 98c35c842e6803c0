/* bandi-cli-interreg.c — `bandi-cli interreg`: the Interreg programmes
 * followed, and custom ones
 *
 *   bandi-cli interreg list [--json]
 *   bandi-cli interreg add --name NAME --url URL --adapter ADAPTER [--id ID]
 *   bandi-cli interreg enable|disable ID
 *
 * The CLI does not know the plugin's insides. It reads what the interreg
 * source, loaded by the core loader, offers as properties: "catalogue"
 * (every programme as JSON: id, name, url, adapter, zone, custom,
 * followed), "adapters" (the adapter names) and "custom-problems" (why
 * custom programmes cannot be used). It writes the source's settings (the
 * schema the source names): "programmes" (the ids followed) and
 * "custom-programmes" (a JSON array of {id, name, url, adapter}), which
 * the loader binds to the source's same-named properties, so the source
 * judges each change at once. --json prints the catalogue as the source
 * gives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bandi-cli.h"

#define SOURCE_ID "interreg"

typedef struct {
  BandiSource *source;
  GSettings   *settings;
  JsonNode    *catalogue;   /* array of objects */
} Interreg;

static void
interreg_clear (Interreg *interreg)
{
  g_clear_object (&interreg->settings);
  g_clear_pointer (&interreg->catalogue, json_node_unref);
}

static gboolean
reload_catalogue (Interreg *interreg)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&interreg->catalogue, json_node_unref);
  g_object_get (interreg->source, "catalogue", &json, NULL);
  interreg->catalogue = json ? json_from_string (json, &error) : NULL;
  if (interreg->catalogue == NULL || !JSON_NODE_HOLDS_ARRAY (interreg->catalogue))
    {
      bandi_cli_error (_("interreg: the source gives no list of programmes%s%s"),
                       error ? ": " : "", error ? error->message : "");
      return FALSE;
    }

  return TRUE;
}

/* The interreg source and its settings; prints why not and returns FALSE. */
static gboolean
interreg_init (Interreg        *interreg,
               BandiCliContext *ctx)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *schema_id;

  interreg->source = bandi_plugin_loader_find_source (ctx->loader, SOURCE_ID);
  if (interreg->source == NULL)
    {
      bandi_cli_error (_("interreg: the Interreg source is not loaded (see “bandi-cli sources”)"));
      return FALSE;
    }

  schema_id = bandi_source_get_settings_schema (interreg->source);
  if (schemas != NULL && schema_id != NULL)
    schema = g_settings_schema_source_lookup (schemas, schema_id, TRUE);
  if (schema == NULL)
    {
      bandi_cli_error (_("interreg: the settings schema %s is not installed"),
                       schema_id ? schema_id : "");
      return FALSE;
    }
  interreg->settings = g_settings_new_full (schema, NULL, NULL);

  return reload_catalogue (interreg);
}

static JsonObject *
find_programme (Interreg   *interreg,
                const char *id)
{
  JsonArray *array = json_node_get_array (interreg->catalogue);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *programme = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (programme, "id", NULL), id) == 0)
        return programme;
    }

  return NULL;
}

static int
run_list (Interreg  *interreg,
          gboolean   json)
{
  JsonArray *array = json_node_get_array (interreg->catalogue);
  g_auto(GStrv) problems = NULL;

  g_object_get (interreg->source, "custom-problems", &problems, NULL);
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    bandi_cli_error (_("interreg: warning: %s"), problems[i]);

  if (json)
    {
      g_autofree char *text = json_to_string (interreg->catalogue, TRUE);

      g_print ("%s\n", text);
      return 0;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *programme = json_array_get_object_element (array, i);
      gboolean followed = json_object_get_boolean_member_with_default (programme, "followed", FALSE);
      gboolean custom = json_object_get_boolean_member_with_default (programme, "custom", FALSE);

      g_print ("[%s] %s — %s (%s, %s)%s\n", followed ? "x" : " ",
               json_object_get_string_member_with_default (programme, "id", ""),
               json_object_get_string_member_with_default (programme, "name", ""),
               json_object_get_string_member_with_default (programme, "adapter", ""),
               json_object_get_string_member_with_default (programme, "zone", ""),
               custom ? _(" — custom") : "");
      g_print ("    %s\n", json_object_get_string_member_with_default (programme, "url", ""));
      if (json_object_has_member (programme, "note") && !json_object_get_null_member (programme, "note"))
        g_print ("    %s\n", json_object_get_string_member (programme, "note"));
    }

  return 0;
}

static gboolean
save (Interreg *interreg)
{
  g_settings_sync ();

  return reload_catalogue (interreg);
}

static int
run_follow (Interreg   *interreg,
            const char *id,
            gboolean    follow)
{
  g_auto(GStrv) followed = g_settings_get_strv (interreg->settings, "programmes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  gboolean present = g_strv_contains ((const char * const *) followed, id);

  if (find_programme (interreg, id) == NULL && (follow || !present))
    {
      bandi_cli_error (_("interreg: there is no programme “%s” (see “bandi-cli interreg list”)"), id);
      return 1;
    }

  if (present == follow)
    return 0;

  for (guint i = 0; followed[i] != NULL; i++)
    if (strcmp (followed[i], id) != 0)
      g_strv_builder_add (builder, followed[i]);
  if (follow)
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);

  if (!g_settings_set_strv (interreg->settings, "programmes", (const char * const *) updated))
    {
      bandi_cli_error (_("interreg: the settings cannot be written"));
      return 1;
    }

  return save (interreg) ? 0 : 1;
}

/* The custom programme named @name at @url, as the source lists it. */
static const char *
find_custom_id (Interreg   *interreg,
                const char *name,
                const char *url)
{
  JsonArray *array = json_node_get_array (interreg->catalogue);
  const char *id = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *programme = json_array_get_object_element (array, i);

      if (json_object_get_boolean_member_with_default (programme, "custom", FALSE) &&
          g_strcmp0 (json_object_get_string_member_with_default (programme, "name", NULL), name) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (programme, "url", NULL), url) == 0)
        id = json_object_get_string_member_with_default (programme, "id", NULL);
    }

  return id;
}

static void
write_programmes (Interreg           *interreg,
                  const char         *custom,
                  const char * const *followed)
{
  g_settings_delay (interreg->settings);
  g_settings_set_string (interreg->settings, "custom-programmes", custom);
  g_settings_set_strv (interreg->settings, "programmes", followed);
  g_settings_apply (interreg->settings);
}

/* Adds the custom programme, then asks the source whether it can use it:
 * the source has the last word on what a programme needs (an address on
 * the web, an id of its own). What it refuses is put back as it was. */
static int
run_add (Interreg   *interreg,
         const char *name,
         const char *url,
         const char *adapter,
         const char *id)
{
  g_auto(GStrv) adapters = NULL;
  g_auto(GStrv) problems_before = NULL;
  g_auto(GStrv) problems_after = NULL;
  g_autofree char *custom = g_settings_get_string (interreg->settings, "custom-programmes");
  g_autofree char *updated = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) followed = g_settings_get_strv (interreg->settings, "programmes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) now_followed = NULL;
  JsonObject *programme;
  gboolean refused = FALSE;

  g_object_get (interreg->source, "adapters", &adapters, NULL);
  if (adapters == NULL || !g_strv_contains ((const char * const *) adapters, adapter))
    {
      g_autofree char *known = adapters ? g_strjoinv (", ", adapters) : g_strdup ("");

      bandi_cli_error (_("interreg add: unknown adapter “%s” (known: %s)"), adapter, known);
      return 2;
    }

  /* The setting as saved; one that cannot be read is not overwritten. */
  root = json_from_string (*custom != '\0' ? custom : "[]", &error);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      bandi_cli_error (_("interreg add: the saved custom programmes are not a JSON array, left as they are: %s"),
                       error ? error->message : custom);
      return 1;
    }

  programme = json_object_new ();
  if (id != NULL)
    json_object_set_string_member (programme, "id", id);
  json_object_set_string_member (programme, "name", name);
  json_object_set_string_member (programme, "url", url);
  json_object_set_string_member (programme, "adapter", adapter);
  json_array_add_object_element (json_node_get_array (root), programme);
  updated = json_to_string (root, FALSE);

  g_object_get (interreg->source, "custom-problems", &problems_before, NULL);
  g_settings_set_string (interreg->settings, "custom-programmes", updated);
  if (!save (interreg))
    return 1;
  g_object_get (interreg->source, "custom-problems", &problems_after, NULL);

  for (guint i = 0; problems_after[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *) problems_before, problems_after[i]))
        continue;
      bandi_cli_error (_("interreg add: %s"), problems_after[i]);
      refused = TRUE;
    }

  new_id = g_strdup (find_custom_id (interreg, name, url));
  if (!refused && new_id == NULL)
    bandi_cli_error (_("interreg add: the Interreg source does not list the programme “%s”"), name);
  if (refused || new_id == NULL)
    {
      write_programmes (interreg, custom, (const char * const *) followed);
      save (interreg);
      return 1;
    }

  for (guint i = 0; followed[i] != NULL; i++)
    if (strcmp (followed[i], new_id) != 0)
      g_strv_builder_add (builder, followed[i]);
  g_strv_builder_add (builder, new_id);
  now_followed = g_strv_builder_end (builder);

  /* The id is saved, so that renaming the programme later keeps it. */
  json_object_set_string_member (programme, "id", new_id);
  g_free (updated);
  updated = json_to_string (root, FALSE);
  write_programmes (interreg, updated, (const char * const *) now_followed);
  if (!save (interreg))
    return 1;

  g_print ("%s\n", new_id);
  return 0;
}

int
bandi_cli_interreg (BandiCliContext  *ctx,
                    int               argc,
                    char            **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *adapter = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  Interreg interreg = { NULL, };
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("list: print the programmes as JSON"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("add: the programme’s name"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("add: where the programme publishes its calls"), N_("URL") },
    { "adapter", 0, 0, G_OPTION_ARG_STRING, &adapter,
      N_("add: how to read it: rss, atom, wordpress, html, ical or csv"), N_("ADAPTER") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id,
      N_("add: the programme’s id (default: from its name)"), N_("ID") },
    { NULL }
  };

  if (!bandi_cli_parse_options ("interreg", _("list | add | enable ID | disable ID"),
                                _("Lists the Interreg programmes, follows or leaves one, or adds a custom one."),
                                entries, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      bandi_cli_error (_("interreg: no action given (list, add, enable or disable)"));
      return 2;
    }
  action = argv[1];

  if (strcmp (action, "list") == 0 || strcmp (action, "add") == 0)
    {
      if (argc > 2)
        {
          bandi_cli_error (_("interreg %s: unexpected argument “%s”"), action, argv[2]);
          return 2;
        }
    }
  else if (strcmp (action, "enable") == 0 || strcmp (action, "disable") == 0)
    {
      if (argc != 3)
        {
          bandi_cli_error (_("interreg %s: give one programme id"), action);
          return 2;
        }
    }
  else
    {
      bandi_cli_error (_("interreg: unknown action “%s” (list, add, enable or disable)"), action);
      return 2;
    }

  if (strcmp (action, "add") == 0 && (name == NULL || url == NULL || adapter == NULL))
    {
      bandi_cli_error (_("interreg add: --name, --url and --adapter are needed"));
      return 2;
    }
  if (strcmp (action, "add") != 0 && (name != NULL || url != NULL || adapter != NULL || id != NULL))
    {
      bandi_cli_error (_("interreg %s: --name, --url, --adapter and --id go with add only"), action);
      return 2;
    }
  if (strcmp (action, "list") != 0 && json)
    {
      bandi_cli_error (_("interreg %s: --json goes with list only"), action);
      return 2;
    }

  if (!interreg_init (&interreg, ctx))
    {
      interreg_clear (&interreg);
      return 1;
    }

  if (strcmp (action, "list") == 0)
    status = run_list (&interreg, json);
  else if (strcmp (action, "add") == 0)
    status = run_add (&interreg, name, url, adapter, id);
  else
    status = run_follow (&interreg, argv[2], strcmp (action, "enable") == 0);

  interreg_clear (&interreg);
  return status;
}
