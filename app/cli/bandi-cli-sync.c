/* bandi-cli-sync.c — `bandi-cli sync [ID…]`: fetch sources into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cli.h"
#include "bandi-page-watch.h"
#include "bandi-sync.h"

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
} SyncRun;

static void
source_finished_cb (BandiSync               *sync,
                    BandiSource             *source,
                    const BandiSourceStatus *status,
                    gpointer                 user_data)
{
  const char *id = bandi_source_get_id (source);

  for (guint i = 0; status->warnings != NULL && status->warnings[i] != NULL; i++)
    bandi_cli_error (_("%s: warning: %s"), id, status->warnings[i]);

  if (status->last_error != NULL)
    {
      bandi_cli_error ("%s: %s", id, status->last_error);
      return;
    }

  /* TRANSLATORS: the result of one source's sync, e.g.
   * "horizon: new 12, changed 3, withdrawn 1, deadlines moved 2" */
  g_print (_("%s: new %u, changed %u, withdrawn %u, deadlines moved %u\n"),
           id, status->stats.n_new, status->stats.n_changed,
           status->stats.n_withdrawn, status->stats.n_deadlines_moved);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  SyncRun *run = user_data;

  /* Each failure was already reported by source_finished_cb(). */
  run->ok = bandi_sync_run_finish (BANDI_SYNC (object), result, NULL);
  g_main_loop_quit (run->loop);
}

static void
watch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SyncRun *run = user_data;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  pages = bandi_page_watch_check_finish (BANDI_PAGE_WATCH (object), result, &error);
  if (pages == NULL)
    {
      bandi_cli_error ("watch: %s", error->message);
      run->ok = FALSE;
    }

  for (guint i = 0; pages != NULL && i < pages->len; i++)
    {
      BandiWatchedPage *page = g_ptr_array_index (pages, i);

      if (g_strcmp0 (page->status, "changed") == 0)
        /* TRANSLATORS: a watched page whose text changed: its name and address */
        g_print (_("changed: %s — %s\n"), page->name, page->url);
      else if (g_strcmp0 (page->status, "failed") == 0)
        bandi_cli_error (_("watch: warning: %s: %s"), page->name, page->error);
    }

  g_main_loop_quit (run->loop);
}

/* The sources named on the command line, or every enabled one. */
static GPtrArray *
pick_sources (BandiCliContext  *ctx,
              int               argc,
              char            **argv)
{
  GPtrArray *sources;

  if (argc <= 1)
    {
      g_autoptr(GPtrArray) all = bandi_plugin_loader_get_sources (ctx->loader);

      sources = g_ptr_array_new ();
      for (guint i = 0; i < all->len; i++)
        {
          if (bandi_source_get_enabled (g_ptr_array_index (all, i)))
            g_ptr_array_add (sources, g_ptr_array_index (all, i));
        }
      return sources;
    }

  sources = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    {
      BandiSource *source = bandi_plugin_loader_find_source (ctx->loader, argv[i]);

      if (source == NULL)
        {
          bandi_cli_error (_("sync: there is no source “%s” (see “bandi-cli sources”)"), argv[i]);
          g_ptr_array_unref (sources);
          return NULL;
        }

      if (!g_ptr_array_find (sources, source, NULL))
        g_ptr_array_add (sources, source);
    }

  return sources;
}

int
bandi_cli_sync (BandiCliContext  *ctx,
                int               argc,
                char            **argv)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(BandiSync) sync = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  BandiStore *store;
  SyncRun run = { NULL, FALSE };

  if (!bandi_cli_parse_options ("sync", _("[ID…]"),
                                _("Fetches the sources named, or every enabled source, and stores "
                                  "what they list; then reads the watched pages and prints "
                                  "“changed: NAME — URL” for each that changed. Exits with 1 if "
                                  "any source failed."),
                                NULL, &argc, &argv))
    return 2;

  sources = pick_sources (ctx, argc, argv);
  if (sources == NULL)
    return 2;

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.ok = TRUE;
  sync = bandi_sync_new (store, NULL);
  if (sources->len == 0)
    g_print ("%s\n", _("No source is enabled: nothing to sync."));
  else
    {
      g_signal_connect (sync, "source-finished", G_CALLBACK (source_finished_cb), NULL);
      bandi_sync_run_async (sync, sources, NULL, run_cb, &run);
      g_main_loop_run (loop);
    }

  /* Then the watched pages, with the sources' HTTP session: a page that
   * cannot be read is a warning, its status says why. */
  {
    g_autoptr(SoupSession) session = NULL;
    g_autoptr(BandiPageWatch) watch = NULL;
    g_autoptr(GPtrArray) adopted = NULL;
    g_autoptr(GError) error = NULL;

    g_object_get (sync, "session", &session, NULL);
    watch = bandi_page_watch_new (store, session);

    /* The pages the sources could not read as they expected are watched
     * instead, so that a change there is still seen. */
    adopted = bandi_page_watch_adopt (watch, sources, &error);
    if (adopted == NULL)
      bandi_cli_error ("watch: %s", error->message);
    for (guint i = 0; adopted != NULL && i < adopted->len; i++)
      {
        BandiWatchedPage *page = g_ptr_array_index (adopted, i);

        /* TRANSLATORS: the name and address of a page a source could not
         * read, now watched for changes instead */
        bandi_cli_error (_("watch: the page of “%s” has changed and is now watched: %s"),
                         page->name, page->url);
      }

    bandi_page_watch_check_async (watch, NULL, watch_cb, &run);
    g_main_loop_run (loop);
  }

  return run.ok ? 0 : 1;
}
