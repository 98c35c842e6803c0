/* bandi-cli-watch.c — `bandi-cli watch add|list|remove`: web pages watched
 * for changes
 *
 *   bandi-cli watch add --name NAME --url URL
 *   bandi-cli watch list [--json]
 *   bandi-cli watch remove NAME
 *
 * Each `bandi-cli sync` then reads the watched pages and prints
 * "changed: NAME — URL" for each whose readable text changed. --json
 * prints one array, a stable contract:
 *
 *   [ { "name": "…", "url": "…",
 *       "last_checked": "2026-12-06T10:00:00Z" | null,
 *       "last_changed": "…" | null,
 *       "status": "new" | "recorded" | "unchanged" | "changed" | "failed",
 *       "error": "…" | null, "added": [ "a line that came with the change" ] } ]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bandi-cli.h"
#include "bandi-http.h"

/* An instant as RFC 3339 UTC, or NULL for 0 (never). */
static char *
format_instant (gint64 unix_time)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_time == 0)
    return NULL;

  when = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

static void
print_json (GPtrArray *pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < pages->len; i++)
    {
      BandiWatchedPage *page = g_ptr_array_index (pages, i);
      g_autofree char *checked = format_instant (page->last_checked);
      g_autofree char *changed = format_instant (page->last_changed);

      json_builder_begin_object (builder);
      bandi_cli_json_add_string (builder, "name", page->name);
      bandi_cli_json_add_string (builder, "url", page->url);
      bandi_cli_json_add_string (builder, "last_checked", checked);
      bandi_cli_json_add_string (builder, "last_changed", changed);
      bandi_cli_json_add_string (builder, "status", page->status);
      bandi_cli_json_add_string (builder, "error", page->error);
      json_builder_set_member_name (builder, "added");
      json_builder_begin_array (builder);
      for (guint j = 0; page->added != NULL && page->added[j] != NULL; j++)
        json_builder_add_string_value (builder, page->added[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  /* UTF-8 as is, whatever the locale: g_print() would convert it. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static void
print_human (GPtrArray *pages)
{
  if (pages->len == 0)
    {
      g_print ("%s\n", _("No watched pages."));
      return;
    }

  for (guint i = 0; i < pages->len; i++)
    {
      BandiWatchedPage *page = g_ptr_array_index (pages, i);
      g_autofree char *checked = format_instant (page->last_checked);

      /* TRANSLATORS: a watched page: name, address, status, when last read */
      g_print (_("%s — %s  [%s, checked %s]\n"), page->name, page->url, page->status,
               checked ? checked : _("never"));
      if (page->error != NULL)
        g_print ("    %s\n", page->error);
      for (guint j = 0; page->added != NULL && page->added[j] != NULL; j++)
        g_print ("    + %s\n", page->added[j]);
    }
}

int
bandi_cli_watch (BandiCliContext  *ctx,
                 int               argc,
                 char            **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const char *action;
  BandiStore *store;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("add: the page’s name"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("add: the page’s address"), N_("URL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list: print the pages as JSON"), NULL },
    { NULL }
  };

  if (!bandi_cli_parse_options ("watch", _("add | list | remove NAME"),
                                _("Adds, lists or removes the web pages that each sync reads "
                                  "for changes."),
                                entries, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      bandi_cli_error (_("watch: no action given (add, list or remove)"));
      return 2;
    }
  action = argv[1];

  if (strcmp (action, "add") != 0 && strcmp (action, "list") != 0 && strcmp (action, "remove") != 0)
    {
      bandi_cli_error (_("watch: unknown action “%s” (add, list or remove)"), action);
      return 2;
    }
  if (argc != (strcmp (action, "remove") == 0 ? 3 : 2))
    {
      bandi_cli_error (strcmp (action, "remove") == 0 ? _("watch remove: give one page name")
                                                       : _("watch: unexpected argument"));
      return 2;
    }
  if (strcmp (action, "add") == 0 && (name == NULL || url == NULL))
    {
      bandi_cli_error (_("watch add: --name and --url are needed"));
      return 2;
    }
  if (strcmp (action, "add") != 0 && (name != NULL || url != NULL))
    {
      bandi_cli_error (_("watch %s: --name and --url go with add only"), action);
      return 2;
    }
  if (strcmp (action, "list") != 0 && json)
    {
      bandi_cli_error (_("watch %s: --json goes with list only"), action);
      return 2;
    }
  if (name != NULL && *g_strstrip (name) == '\0')
    {
      bandi_cli_error (_("watch add: the name is empty"));
      return 2;
    }
  if (url != NULL)
    {
      /* What the sync will refuse to read is refused now. */
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL)
        {
          bandi_cli_error (_("watch add: “%s” is not a web address"), url);
          return 2;
        }
      if (!bandi_http_uri_is_allowed (uri, &error))
        {
          bandi_cli_error ("watch add: %s", error->message);
          return 2;
        }
    }

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  if (strcmp (action, "add") == 0)
    {
      if (!bandi_store_add_watched_page (store, name, url, g_get_real_time () / G_USEC_PER_SEC, &error))
        {
          bandi_cli_error ("watch add: %s", error->message);
          return 1;
        }
      return 0;
    }

  if (strcmp (action, "remove") == 0)
    {
      if (!bandi_store_remove_watched_page (store, argv[2], &error))
        {
          bandi_cli_error ("watch remove: %s", error->message);
          return 1;
        }
      return 0;
    }

  {
    g_autoptr(GPtrArray) pages = bandi_store_list_watched_pages (store, &error);

    if (pages == NULL)
      {
        bandi_cli_error ("watch list: %s", error->message);
        return 1;
      }
    if (json)
      print_json (pages);
    else
      print_human (pages);
  }

  return 0;
}
