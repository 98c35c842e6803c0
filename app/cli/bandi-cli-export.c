/* bandi-cli-export.c — `bandi-cli export`: deadlines into an iCalendar file
 *
 * Also the scope options and the export set-up that `publish` shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cli.h"
#include "bandi-ical-scope.h"

#define SETTINGS_SCHEMA "io.github.bandi.Bandi"

void
bandi_cli_scope_clear (BandiCliScope *scope)
{
  g_clear_pointer (&scope->cluster, g_free);
  g_clear_pointer (&scope->source, g_free);
  g_clear_pointer (&scope->status, g_free);
}

/* Reminders and milestones as the user set them in Bandi. */
static void
apply_settings (BandiIcalExport *export)
{
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA);
  g_autoptr(GVariant) days = g_settings_get_value (settings, "reminder-days");
  gsize n_days = 0;
  const gint32 *values = g_variant_get_fixed_array (days, &n_days, sizeof (gint32));
  g_autofree int *reminders = g_new0 (int, MAX (n_days, 1));

  for (gsize i = 0; i < n_days; i++)
    reminders[i] = values[i];
  bandi_ical_export_set_reminder_days (export, reminders, n_days);
  bandi_ical_export_set_milestones_as_events (export,
                                              g_settings_get_boolean (settings, "milestones-as-events"));
}

BandiIcalExport *
bandi_cli_scope_export (BandiCliContext *ctx,
                        const char      *command,
                        BandiCliScope   *scope,
                        int             *status_out)
{
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GError) error = NULL;
  BandiIcalScope ical_scope = { NULL, };
  BandiStore *store;

  if (scope->status != NULL)
    {
      if (!bandi_call_status_from_string (scope->status, &ical_scope.status) ||
          ical_scope.status == BANDI_CALL_STATUS_UNKNOWN)
        {
          bandi_cli_error (_("%s: invalid --status “%s”: use open, forthcoming or closed"),
                           command, scope->status);
          *status_out = 2;
          return NULL;
        }
      ical_scope.filter_status = TRUE;
    }
  ical_scope.cluster_acronym = scope->cluster;
  ical_scope.source_id = scope->source;
  ical_scope.with_proposals = scope->with_proposals;
  ical_scope.include_closed = scope->include_closed;

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    {
      *status_out = 1;
      return NULL;
    }

  apply_settings (export);
  if (scope->cluster != NULL)
    bandi_ical_export_set_category (export, scope->cluster);

  if (!bandi_ical_scope_fill (export, store, &ical_scope, &error))
    {
      bandi_cli_error ("%s: %s", command, error->message);
      /* An unknown cluster is a wrong argument. */
      *status_out = g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND) ? 2 : 1;
      return NULL;
    }

  *status_out = 0;
  return g_steal_pointer (&export);
}

int
bandi_cli_export (BandiCliContext  *ctx,
                  int               argc,
                  char            **argv)
{
  g_auto(BandiCliScope) scope = { NULL, };
  g_autofree char *output = NULL;
  g_autoptr(BandiIcalExport) export = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the calendar to FILE (required)"), N_("FILE") },
    BANDI_CLI_SCOPE_ENTRIES (&scope),
    { NULL }
  };

  if (!bandi_cli_parse_options ("export", NULL,
                                _("Writes the stored calls’ deadlines as an iCalendar file that "
                                  "calendar programs import; exporting again updates the same "
                                  "events."),
                                entries, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("export: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (output == NULL || *output == '\0')
    {
      bandi_cli_error (_("export: --output FILE is required"));
      return 2;
    }

  export = bandi_cli_scope_export (ctx, "export", &scope, &status);
  if (export == NULL)
    return status;

  file = g_file_new_for_commandline_arg (output);
  if (!bandi_ical_export_write_file (export, file, NULL, &error))
    {
      bandi_cli_error (_("export: cannot write %s: %s"), output, error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u calendar item to %s\n",
                        "Exported %u calendar items to %s\n",
                        bandi_ical_export_get_n_items (export)),
           bandi_ical_export_get_n_items (export), output);

  return 0;
}
