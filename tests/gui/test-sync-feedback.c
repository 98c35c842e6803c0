/* test-sync-feedback.c — what the window says of a sync: what it
 * brought, which source failed and why, a banner while one fails
 *
 * The sources' results are given as BandiSync gives them (a status in the
 * store, then ::source-finished): no source reaches the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-application.h"
#include "bandi-sync.h"
#include "bandi-window.h"
#include "views-test-util.h"

#define TECHNICAL_ERROR "HTTP 503 Service Unavailable from https://www.dati.lombardia.it/resource/x.json (after 3 attempts)"
#define WARNING "2 calls left out: no title"

static GtkApplication *app;
static GtkWidget *window;

static void
set_source_enabled (const char *id,
                    gboolean    enabled)
{
  g_autofree char *path = g_strdup_printf ("/io/github/bandi/Bandi/sources/%s/", id);
  g_autoptr(GSettings) source = g_settings_new_with_path (APP_ID ".Source", path);

  g_settings_set_boolean (source, "enabled", enabled);
}

static gboolean
has_mapped_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_mapped_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @text is on screen in @root (TRUE), or until
 * 60 s have passed (FALSE): a toast may wait behind another one's 5 s, and
 * a sanitized build on a loaded machine is slow; only a failure waits long. */
static gboolean
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!has_mapped_label (root, text) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return has_mapped_label (root, text);
}

static BandiSource *
find_source (const char *id)
{
  BandiPluginLoader *loader = bandi_application_get_loader (BANDI_APPLICATION (app));
  BandiSource *source = bandi_plugin_loader_find_source (loader, id);

  g_assert_nonnull (source);
  return source;
}

/* As BandiSync does: the status recorded, then ::source-finished. */
static void
finish_source (const char            *id,
               const char            *error_text,
               const char * const    *warnings,
               const BandiMergeStats *stats)
{
  BandiStore *store = bandi_application_get_store (BANDI_APPLICATION (app));
  BandiSync *sync = bandi_application_get_sync (BANDI_APPLICATION (app));
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  if (error_text != NULL)
    failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, error_text);
  g_assert_true (bandi_store_record_source_result (store, id, g_get_real_time () / G_USEC_PER_SEC,
                                                   failure, warnings, stats, &error));
  g_assert_no_error (error);
  status = bandi_store_get_source_status (store, id);
  g_signal_emit_by_name (sync, "source-finished", find_source (id), status);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
is_sync_banner (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "sync-banner") || g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwBanner") == 0;
}

/* Whether the banner is shown (or being shown) */
static gboolean
banner_revealed (void)
{
  GtkWidget *banner = views_test_find (window, is_sync_banner);

  g_assert_nonnull (banner);
#if ADW_CHECK_VERSION (1, 3, 0)
  return adw_banner_get_revealed (ADW_BANNER (banner));
#else
  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (banner)));
#endif
}

/* While the sync runs, its sources bring 12 new calls and 2 moved
 * deadlines, and one withdrawn call; or, with @user_data, nothing. */
static void
sources_finish_cb (BandiSync  *sync,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  BandiMergeStats first = { .n_new = 12, .n_deadlines_moved = 2, .n_unchanged = 40 };
  BandiMergeStats second = { .n_withdrawn = 1 };
  BandiMergeStats none = { .n_unchanged = 52 };

  if (!bandi_sync_get_running (sync))
    return;
  finish_source ("horizon", NULL, NULL, user_data != NULL ? &none : &first);
  finish_source ("interreg", NULL, NULL, user_data != NULL ? &none : &second);
}

/* A sync says what it brought, briefly, once it ends (fails on the old
 * code: a successful sync said nothing). */
static void
test_brought (void)
{
  static const char * const ids[] = { "horizon", "lombardia", "interreg" };
  BandiSync *sync = bandi_application_get_sync (BANDI_APPLICATION (app));
  gulong handler;

  /* Nothing to fetch: the sync starts and ends with no source. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    set_source_enabled (ids[i], FALSE);
  handler = g_signal_connect (sync, "notify::running", G_CALLBACK (sources_finish_cb), NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync", NULL);
  g_assert_true (wait_for_label (window, "12 new calls, 2 deadlines moved, 1 call withdrawn"));
  g_signal_handler_disconnect (sync, handler);
  g_assert_false (banner_revealed ());

  /* Then nothing: so it says (after the first toast's 5 s). */
  handler = g_signal_connect (sync, "notify::running", G_CALLBACK (sources_finish_cb), GINT_TO_POINTER (1));
  g_action_group_activate_action (G_ACTION_GROUP (app), "sync", NULL);
  g_assert_true (wait_for_label (window, "Nothing new"));
  g_signal_handler_disconnect (sync, handler);
}

/* A failed source: a short toast, not the technical text; Details shows
 * that text, selectable, with the source's warnings, and offers Retry; a
 * banner on the lists while it fails, gone once it works (fails on the old
 * code: the toast was "… could not be synced: <technical text>", no
 * Details, no banner). */
static void
test_failed (void)
{
  static const char * const warnings[] = { WARNING, NULL };
  BandiMergeStats none = { 0 };
  g_autofree char *short_text = NULL;
  g_autofree char *banner_text = NULL;
  g_autofree char *report = NULL;
  const char *name;
  AdwMessageDialog *dialog;
  GtkWidget *label;

  set_source_enabled ("lombardia", TRUE);
  name = bandi_source_get_name (find_source ("lombardia"));
  finish_source ("lombardia", TECHNICAL_ERROR, warnings, NULL);

  short_text = g_strdup_printf ("Could not sync %s", name);
  g_assert_true (wait_for_label (window, short_text));
  g_assert_false (has_mapped_label (window, TECHNICAL_ERROR));
  banner_text = g_strdup_printf ("%s is not syncing: its calls may be out of date", name);
  g_assert_true (banner_revealed ());
  g_assert_true (wait_for_label (window, banner_text));
  /* The sources button says so too. */
  g_assert_nonnull (views_test_find_named (window, GTK_TYPE_MENU_BUTTON, "Sources: 1 not syncing"));

  /* The toast's (and the banner's) Details */
  g_assert_true (gtk_widget_activate_action (window, "win.source-details", "s", "lombardia"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, name);
  report = g_strdup_printf ("%s\nWarning: %s", TECHNICAL_ERROR, WARNING);
  label = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, report);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sync-source"));
  adw_message_dialog_response (dialog, "close");

  /* It works again: no banner. */
  finish_source ("lombardia", NULL, NULL, &none);
  g_assert_false (banner_revealed ());
  g_assert_nonnull (views_test_find_named (window, GTK_TYPE_MENU_BUTTON, "Sources"));
  g_assert_null (views_test_find_named (window, GTK_TYPE_MENU_BUTTON, "Sources: 1 not syncing"));
  set_source_enabled ("lombardia", FALSE);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
source_started_cb (BandiSync   *sync,
                   BandiSource *source,
                   GPtrArray   *started)
{
  g_ptr_array_add (started, g_strdup (bandi_source_get_id (source)));
}

static void
stopped_cb (BandiSync  *sync,
            GParamSpec *pspec,
            gboolean   *stopped)
{
  *stopped = !bandi_sync_get_running (sync);
}

/* Retry, in a source's details, syncs that source alone again, even
 * disabled; here against a server on 127.0.0.1 that answers 404. */
static void
test_retry (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GPtrArray) started = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSettings) settings = g_settings_new_with_path (APP_ID ".Source", "/io/github/bandi/Bandi/sources/horizon/");
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  BandiSync *sync = bandi_application_get_sync (BANDI_APPLICATION (app));
  BandiStore *store = bandi_application_get_store (BANDI_APPLICATION (app));
  g_autoptr(BandiSourceStatus) status = NULL;
  AdwMessageDialog *dialog;
  gboolean stopped = FALSE;
  gulong handler, stop_handler;

  soup_server_add_handler (server, NULL, not_found_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  endpoint = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_settings_set_string (settings, "endpoint", endpoint);
  g_settings_set_boolean (settings, "enabled", FALSE);

  g_assert_true (gtk_widget_activate_action (window, "win.source-details", "s", "horizon"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  handler = g_signal_connect (sync, "source-started", G_CALLBACK (source_started_cb), started);
  stop_handler = g_signal_connect (sync, "notify::running", G_CALLBACK (stopped_cb), &stopped);
  adw_message_dialog_response (dialog, "retry");
  g_assert_true (bandi_sync_get_running (sync));
  views_test_wait (&stopped);
  g_assert_true (stopped);
  g_signal_handler_disconnect (sync, handler);
  g_signal_handler_disconnect (sync, stop_handler);

  g_assert_cmpuint (started->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (started, 0), ==, "horizon");
  status = bandi_store_get_source_status (store, "horizon");
  g_assert_nonnull (status->last_error);
  g_settings_reset (settings, "endpoint");
}

/* The warnings of a source that succeeded are in its details too. */
static void
test_warnings (void)
{
  static const char * const warnings[] = { WARNING, NULL };
  BandiMergeStats none = { 0 };
  g_autofree char *report = g_strdup_printf ("Warning: %s", WARNING);
  AdwMessageDialog *dialog;

  finish_source ("interreg", NULL, warnings, &none);
  g_assert_true (gtk_widget_activate_action (window, "win.source-details", "s", "interreg"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (dialog))), ==, report);
  adw_message_dialog_response (dialog, "close");
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, "Europe/Rome");

  app = views_test_start_app (5);
  window = GTK_WIDGET (gtk_application_get_active_window (app));

  g_test_add_func ("/sync-feedback/brought", test_brought);
  g_test_add_func ("/sync-feedback/failed", test_failed);
  g_test_add_func ("/sync-feedback/warnings", test_warnings);
  g_test_add_func ("/sync-feedback/retry", test_retry);

  return views_test_run ();
}
