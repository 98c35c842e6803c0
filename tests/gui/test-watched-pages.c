/* test-watched-pages.c — the watched pages window: what each sync found,
 * adding (with the CLI's checks) and removing pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-watched-pages-window.h"
#include "gui-test-util.h"

typedef struct {
  BandiStore              *store;
  BandiWatchedPagesWindow *window;
} Fixture;

static guint
n_pages (Fixture *fixture)
{
  g_autoptr(GPtrArray) pages = bandi_store_list_watched_pages (fixture->store, NULL);

  return pages->len;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  BandiWatchedPage changed = { "Fondazione", "https://www.example.org/bandi", 0, 1796558400, 1796558400,
                               "changed", NULL, "Bandi aperti",
                               (char *[]) { "Bando Innovazione 2027", "Scadenza: 10 aprile 2027.", NULL } };
  BandiWatchedPage failed = { "Regione <b>", "https://www.example.org/regione", 0, 1796558400, 0,
                              "failed", "HTTP 500 (Internal Server Error)", NULL, NULL };
  g_autoptr(GError) error = NULL;

  fixture->store = source_test_open_store ();
  g_assert_true (bandi_store_add_watched_page (fixture->store, changed.name, changed.url, 1, &error));
  g_assert_true (bandi_store_update_watched_page (fixture->store, &changed, &error));
  g_assert_true (bandi_store_add_watched_page (fixture->store, failed.name, failed.url, 1, &error));
  g_assert_true (bandi_store_update_watched_page (fixture->store, &failed, &error));
  g_assert_no_error (error);

  fixture->window = bandi_watched_pages_window_new (fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
}

static GtkWidget *
page_row (Fixture    *fixture,
          const char *name)
{
  return gui_test_find (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, name);
}

static void
test_lists_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *changed = page_row (fixture, "Fondazione");
  GtkWidget *failed = page_row (fixture, "Regione <b>");

  g_assert_nonnull (changed);
  g_assert_nonnull (failed);
  g_assert_false (gtk_widget_get_visible (gui_test_child (fixture->window, BANDI_TYPE_WATCHED_PAGES_WINDOW,
                                                          "empty_row")));

  /* what came with the change, shown */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (changed)));
  g_assert_nonnull (gui_test_find (changed, ADW_TYPE_ACTION_ROW, "Bando Innovazione 2027"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (changed)),
                            "https://www.example.org/bandi\nChanged at the last sync — checked "));

  /* why a page could not be read; a name is not markup */
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (failed)));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (failed)));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (failed)),
                            "Could not be read: HTTP 500 (Internal Server Error)"));
  g_assert_nonnull (gui_test_find (changed, GTK_TYPE_BUTTON, "Open Page"));
}

static void
add_page (Fixture    *fixture,
          const char *name,
          const char *url)
{
  gtk_editable_set_text (gui_test_child (fixture->window, BANDI_TYPE_WATCHED_PAGES_WINDOW, "name_row"), name);
  gtk_editable_set_text (gui_test_child (fixture->window, BANDI_TYPE_WATCHED_PAGES_WINDOW, "url_row"), url);
  g_signal_emit_by_name (gui_test_find (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Watch Page"), "clicked");
  gui_test_wait (50);
}

static const char *
error_shown (Fixture *fixture)
{
  GtkWidget *label = gui_test_child (fixture->window, BANDI_TYPE_WATCHED_PAGES_WINDOW, "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  /* refused as `bandi-cli watch add` refuses, nothing stored */
  add_page (fixture, " ", "https://www.example.it/");
  g_assert_cmpstr (error_shown (fixture), ==, "Give the page a name.");
  add_page (fixture, "Camera di Commercio", "ftp://www.example.it/");
  g_assert_nonnull (strstr (error_shown (fixture), "only HTTPS addresses are allowed"));
  add_page (fixture, "Fondazione", "https://www.example.it/");
  g_assert_cmpstr (error_shown (fixture), ==, "A watched page is already named “Fondazione”");
  g_assert_cmpuint (n_pages (fixture), ==, 2);

  add_page (fixture, "Camera di Commercio", "https://www.example.it/bandi");
  g_assert_null (error_shown (fixture));
  g_assert_cmpuint (n_pages (fixture), ==, 3);
  g_assert_nonnull (page_row (fixture, "Camera di Commercio"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (page_row (fixture, "Camera di Commercio"))),
                            "Read at the next sync"));
  g_assert_cmpstr (gtk_editable_get_text (gui_test_child (fixture->window, BANDI_TYPE_WATCHED_PAGES_WINDOW, "url_row")),
                   ==, "");

  g_signal_emit_by_name (gui_test_find (page_row (fixture, "Fondazione"), GTK_TYPE_BUTTON, "Stop Watching"), "clicked");
  gui_test_wait (50);
  g_assert_cmpuint (n_pages (fixture), ==, 2);
  g_assert_null (page_row (fixture, "Fondazione"));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/watched-pages/lists", Fixture, NULL, fixture_set_up, test_lists_pages, fixture_tear_down);
  g_test_add ("/watched-pages/add-remove", Fixture, NULL, fixture_set_up, test_add_and_remove, fixture_tear_down);

  return g_test_run ();
}
