/* test-window.c — the application's window over a prepared store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-application.h"
#include "bandi-window.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

typedef struct {
  BandiApplication *app;
  BandiWindow      *window;
} Fixture;

static gboolean
is_mapped_label (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (is_mapped_label (child, text))
      return TRUE;
  return FALSE;
}

/* What the window shows, for the log of a failed wait. */
static void
print_mapped_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_test_message ("shown: %s", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_mapped_labels (child);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a label showing @text is on screen. */
static void
wait_for_label (Fixture    *f,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!is_mapped_label (GTK_WIDGET (f->window), text) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  else
    print_mapped_labels (GTK_WIDGET (f->window));
  g_assert_true (is_mapped_label (GTK_WIDGET (f->window), text));
}

/* One application for every test: GTK exports it on the session bus
 * once per process. */
static Fixture shared;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (shared.app == NULL)
    {
      g_autoptr(BandiStore) store = views_test_open_store (30);
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autoptr(GError) error = NULL;

      /* Never reach the network from a test. */
      g_settings_set_boolean (settings, "sync-on-startup", FALSE);
      g_settings_set_uint (settings, "sync-interval-hours", 0);
      g_clear_object (&store);

      shared.app = bandi_application_new ();
      g_application_set_flags (G_APPLICATION (shared.app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (shared.app), NULL, &error);
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (shared.app));
      shared.window = BANDI_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (shared.app)));
      g_assert_nonnull (shared.window);
      g_assert_nonnull (bandi_application_get_store (shared.app));
    }
  *f = shared;
  bandi_window_show_section (f->window, "upcoming");
  wait_for_label (f, FIXTURE_BATTERIES_TITLE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
}

static void
test_quit (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (shared.app), "quit", NULL);
  views_test_flush ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (shared.app)));
  g_clear_object (&shared.app);
}

static void
test_sidebar (Fixture       *f,
              gconstpointer  data)
{
  static const char * const rows[] = {
    "Upcoming", "All Calls", "Starred", "Calendar", "Proposals", "Dashboard",
    "AFIL", "CAT.AL", "CLM", "CLSV", "TAV", "SCC", "LAC", "LE2C", "LGCA",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    wait_for_label (f, rows[i]);
  g_assert_false (is_mapped_label (GTK_WIDGET (f->window), "Trustworthy artificial intelligence"));

  bandi_window_show_section (f->window, "all");
  wait_for_label (f, "Trustworthy artificial intelligence");

  bandi_window_show_section (f->window, "cluster:LE2C");
  wait_for_label (f, "Suggested Calls");
  wait_for_label (f, FIXTURE_BATTERIES_TITLE);
  g_assert_false (is_mapped_label (GTK_WIDGET (f->window), "Alpine Space fifth call"));

  bandi_window_show_section (f->window, "calendar");
  wait_for_label (f, "Coming Weeks");
}

static void
test_search_opens_details (Fixture       *f,
                           gconstpointer  data)
{
  /* The header's search bar (drop-downs hold search entries too). */
  GtkWidget *bar = views_test_find_named (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR, NULL);
  GtkWidget *entry;

  g_assert_nonnull (bar);
  entry = views_test_find_named (bar, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "collabora");
  wait_for_label (f, "Collabora&Innova: progetti di ricerca");
  g_signal_emit_by_name (entry, "activate");
  /* The details page: the identifier under the title. */
  wait_for_label (f, FIXTURE_LOMBARDIA);
  wait_for_label (f, "Prepare a Proposal");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_label (f, FIXTURE_BATTERIES_TITLE);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  /* At 360 px the sidebar folds away and the list is shown alone. */
  gtk_window_unmaximize (GTK_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  gtk_widget_queue_resize (GTK_WIDGET (f->window));
  wait_for_label (f, FIXTURE_BATTERIES_TITLE);
  for (int i = 0; i < 50 && is_mapped_label (GTK_WIDGET (f->window), "LE2C"); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (is_mapped_label (GTK_WIDGET (f->window), "LE2C"));
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, "Europe/Rome");

  g_test_add ("/window/sidebar", Fixture, NULL, fixture_set_up, test_sidebar, fixture_tear_down);
  g_test_add ("/window/search-opens-details", Fixture, NULL, fixture_set_up,
              test_search_opens_details, fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add_func ("/window/quit", test_quit);

  return views_test_run ();
}
