/* bench-search.c — search as you type in the real main window
 *
 * Runs BandiApplication on the store at $XDG_DATA_HOME (filled by
 * fill-store), waits for the calls to show, then types each query of
 * argv[1…] into the window's search entry one character at a time, and
 * clears it, as a user would. For each keystroke it prints
 *
 *   keystroke TEXT FILTER_US FRAME_US SHOWN
 *
 * FILTER_US: from the text change to the end of the window's search-changed
 * handling (the search entry's delay set to 0: the delay is the user's
 * typing, not the app's work); FRAME_US: to the end of the next frame
 * drawn; SHOWN: the calls listed then. bench-gui.py turns these into
 * figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include "bandi-application.h"
#include "bandi-calls-view.h"

#define LOAD_TIMEOUT_US (60 * G_USEC_PER_SEC)

typedef struct {
  GtkWindow      *window;
  GtkEditable    *entry;
  BandiCallsView *view;
  char          **queries;
  gboolean        searched;
  gboolean        painted;
  gint64          searched_at;
  gint64          painted_at;
} Bench;

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
search_changed_cb (Bench *bench)
{
  bench->searched = TRUE;
  bench->searched_at = g_get_monotonic_time ();
}

static void
after_paint_cb (Bench *bench)
{
  if (bench->searched && !bench->painted)
    {
      bench->painted = TRUE;
      bench->painted_at = g_get_monotonic_time ();
    }
}

static void
wait_until (gboolean *flag,
            gint64    deadline,
            const char *what)
{
  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
keystroke (Bench      *bench,
           const char *text)
{
  gint64 start;

  bench->searched = bench->painted = FALSE;
  start = g_get_monotonic_time ();
  gtk_editable_set_text (bench->entry, text);
  wait_until (&bench->searched, start + LOAD_TIMEOUT_US, "the search");
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  wait_until (&bench->painted, start + LOAD_TIMEOUT_US, "a frame");
  g_print ("keystroke %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u\n",
           *text ? text : "(cleared)", bench->searched_at - start, bench->painted_at - start,
           g_list_model_get_n_items (bandi_calls_view_get_shown (bench->view)));
}

static gboolean
run_bench_cb (gpointer user_data)
{
  Bench *bench = user_data;

  /* The calls show after the first frame. */
  if (g_list_model_get_n_items (bandi_calls_view_get_shown (bench->view)) == 0)
    return G_SOURCE_CONTINUE;

  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.search", NULL);
  for (guint q = 0; bench->queries[q] != NULL; q++)
    {
      const char *query = bench->queries[q];

      for (const char *p = g_utf8_next_char (query); ; p = g_utf8_next_char (p))
        {
          g_autofree char *prefix = g_strndup (query, p - query);

          keystroke (bench, prefix);
          if (*p == '\0')
            break;
        }
      keystroke (bench, "");
    }
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
realize_cb (GtkWidget *window,
            Bench     *bench)
{
  g_signal_connect_swapped (gtk_widget_get_frame_clock (window), "after-paint",
                            G_CALLBACK (after_paint_cb), bench);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  GtkWidget *entry = find_first (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  if (bench->window != NULL)
    return;
  g_assert (entry != NULL);
  bench->window = window;
  bench->entry = GTK_EDITABLE (entry);
  bench->view = BANDI_CALLS_VIEW (find_first (GTK_WIDGET (window), BANDI_TYPE_CALLS_VIEW));
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (search_changed_cb), bench);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
  g_timeout_add (20, run_bench_cb, bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BandiApplication) app = NULL;
  char *app_argv[] = { argv[0], (char *) "--no-sync", NULL };
  Bench bench = { 0 };

  if (argc < 2)
    {
      g_printerr ("Usage: %s QUERY…\n", argv[0]);
      return 2;
    }
  bench.queries = argv + 1;

  app = bandi_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  return g_application_run (G_APPLICATION (app), 2, app_argv);
}
