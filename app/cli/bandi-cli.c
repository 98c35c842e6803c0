/* bandi-cli.c — entry point and dispatch of bandi-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bandi-cli.h"

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (BandiCliContext *ctx, int argc, char **argv);
} BandiCliCommand;

static const BandiCliCommand commands[] = {
#define BANDI_CLI_COMMAND(name, summary) { #name, summary, bandi_cli_##name },
#include "bandi-cli-commands.h"
#undef BANDI_CLI_COMMAND
};

void
bandi_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("bandi-cli: %s\n", message);
}

BandiStore *
bandi_cli_context_get_store (BandiCliContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  ctx->store = bandi_store_open (ctx->db_path, &error);
  if (ctx->store == NULL)
    bandi_cli_error (_("cannot open the database %s: %s"), ctx->db_path, error->message);

  return ctx->store;
}

gboolean
bandi_cli_parse_options (const char          *command,
                         const char          *parameters,
                         const char          *summary,
                         const GOptionEntry  *entries,
                         int                 *argc,
                         char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *usage_name = g_strdup_printf ("bandi-cli %s", command);
  gboolean ok;

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* GOption names the program in its --help from the program name. */
  g_set_prgname (usage_name);
  ok = g_option_context_parse (context, argc, argv, &error);
  g_set_prgname ("bandi-cli");

  if (!ok)
    {
      bandi_cli_error ("%s: %s", command, error->message);
      g_printerr (_("Try “bandi-cli %s --help” for more information.\n"), command);
    }

  return ok;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append (text, "\n");
  g_string_append (text, _("Run “bandi-cli COMMAND --help” for a command’s options.\n"
                           "Exit status: 0 on success, 1 if the command failed (e.g. a source "
                           "could not be synced), 2 on a usage error."));

  return g_string_free (text, FALSE);
}

static int
usage_error (const char *message)
{
  bandi_cli_error ("%s", message);
  g_printerr (_("Try “bandi-cli --help” for more information.\n"));
  return 2;
}

/* --endpoint ID=URI, repeated: validated and collected into @endpoints. */
static gboolean
parse_endpoints (char       **specs,
                 GHashTable  *endpoints)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *eq = strchr (specs[i], '=');

      if (eq == NULL || eq == specs[i] || eq[1] == '\0')
        {
          g_autofree char *message =
            g_strdup_printf (_("invalid --endpoint “%s”: expected ID=URI"), specs[i]);

          usage_error (message);
          return FALSE;
        }

      g_hash_table_replace (endpoints, g_strndup (specs[i], eq - specs[i]), g_strdup (eq + 1));
    }

  return TRUE;
}

/* Points the sources at the --endpoint URIs for this run only: the
 * setting is unbound first so that nothing is saved. */
static gboolean
apply_endpoints (BandiCliContext *ctx)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->endpoints);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BandiSource *source = bandi_plugin_loader_find_source (ctx->loader, key);

      if (source == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("--endpoint: there is no source “%s” (see “bandi-cli sources”)"),
                             (const char *) key);

          usage_error (message);
          return FALSE;
        }

      g_settings_unbind (source, "endpoint");
      bandi_source_set_endpoint (source, value);
    }

  return TRUE;
}

static void
context_clear (BandiCliContext *ctx)
{
  g_clear_object (&ctx->store);
  g_clear_object (&ctx->loader);
  g_clear_pointer (&ctx->endpoints, g_hash_table_unref);
  g_clear_pointer (&ctx->db_path, g_free);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) endpoint_specs = NULL;
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const BandiCliCommand *command = NULL;
  BandiCliContext ctx = { NULL, };
  int status;
  const GOptionEntry entries[] = {
    { "endpoint", 0, 0, G_OPTION_ARG_STRING_ARRAY, &endpoint_specs,
      N_("Read source ID from URI for this run (repeatable)"), N_("ID=URI") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use the database at PATH"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("bandi-cli");

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Follow the deadlines of funding calls."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command are the command's own. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (version)
    {
      g_print ("bandi-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (argc < 2)
    return usage_error (_("no command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        command = &commands[i];
    }

  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);

      return usage_error (message);
    }

  ctx.endpoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!parse_endpoints (endpoint_specs, ctx.endpoints))
    {
      context_clear (&ctx);
      return 2;
    }

  ctx.db_path = database ? g_steal_pointer (&database) : bandi_store_default_path ();
  ctx.loader = bandi_plugin_loader_new ();
  bandi_plugin_loader_load (ctx.loader);
  bandi_plugin_loader_bind_settings (ctx.loader);

  if (apply_endpoints (&ctx))
    status = command->run (&ctx, argc - 1, argv + 1);
  else
    status = 2;

  context_clear (&ctx);

  return status;
}

void
bandi_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}
