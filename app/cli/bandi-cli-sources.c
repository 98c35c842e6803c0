/* bandi-cli-sources.c — `bandi-cli sources`: every plugin found and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cli.h"

static const char *
state_label (BandiPluginState state)
{
  switch (state)
    {
    case BANDI_PLUGIN_STATE_LOADED:
      return C_("plugin state", "loaded");
    case BANDI_PLUGIN_STATE_REFUSED:
      return C_("plugin state", "refused");
    case BANDI_PLUGIN_STATE_DUPLICATE:
      return C_("plugin state", "duplicate");
    default:
      g_return_val_if_reached (NULL);
    }
}

int
bandi_cli_sources (BandiCliContext  *ctx,
                   int               argc,
                   char            **argv)
{
  GListModel *plugins;
  guint n;

  if (!bandi_cli_parse_options ("sources", NULL,
                                _("Lists every source plugin found: loaded, refused (and why) or a duplicate of another."),
                                NULL, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("sources: unexpected argument “%s”"), argv[1]);
      return 2;
    }

  plugins = bandi_plugin_loader_load (ctx->loader);
  n = g_list_model_get_n_items (plugins);

  if (n == 0)
    g_print ("%s\n", _("No source plugins found."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiPluginInfo) info = g_list_model_get_item (plugins, i);
      BandiSource *source = bandi_plugin_info_get_source (info);
      const char *reason = bandi_plugin_info_get_reason (info);

      if (i > 0)
        g_print ("\n");

      if (source != NULL)
        {
          g_print ("%s — %s\n", bandi_source_get_id (source), bandi_source_get_name (source));
        }
      else
        {
          g_autofree char *file = g_path_get_basename (bandi_plugin_info_get_path (info));

          g_print ("%s\n", file);
        }

      g_print ("  %s: %s\n", _("State"), state_label (bandi_plugin_info_get_state (info)));
      if (reason != NULL)
        g_print ("  %s: %s\n", _("Reason"), reason);
      if (bandi_plugin_info_get_state (info) == BANDI_PLUGIN_STATE_LOADED)
        {
          const char *endpoint = bandi_source_get_endpoint (source);

          g_print ("  %s: %s\n", _("Enabled"),
                   bandi_source_get_enabled (source) ? _("yes") : _("no"));
          g_print ("  %s: %s\n", _("Endpoint"), endpoint ? endpoint : _("none"));
        }
      g_print ("  %s: %s\n", _("Path"), bandi_plugin_info_get_path (info));
    }

  return 0;
}
