/* bandi-application.c
 *
 * Owns what every window shares: the store, the plugins with their
 * settings, the sync engine and the notices. Views reach it through
 * bandi_application_get_store() and friends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-application.h"
#include "bandi-http.h"
#include "bandi-notices.h"
#include "bandi-preferences-window.h"
#include "bandi-watched-pages-window.h"
#include "bandi-window.h"

struct _BandiApplication
{
  AdwApplication     parent_instance;

  BandiStore        *store;
  GError            *store_error;
  GSettings         *settings;
  BandiPluginLoader *loader;
  BandiSync         *sync;
  BandiContext      *context;
  BandiNotices      *notices;
  GCancellable      *sync_cancellable;
  guint              sync_timer;
  guint              notices_timer;
  gboolean           no_sync;
};

G_DEFINE_FINAL_TYPE (BandiApplication, bandi_application, ADW_TYPE_APPLICATION)

BandiApplication *
bandi_application_new (void)
{
  return g_object_new (BANDI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/bandi/Bandi",
                       NULL);
}

BandiStore *
bandi_application_get_store (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->store;
}

const GError *
bandi_application_get_store_error (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->store_error;
}

BandiPluginLoader *
bandi_application_get_loader (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->loader;
}

BandiSync *
bandi_application_get_sync (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->sync;
}

GSettings *
bandi_application_get_settings (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->settings;
}

BandiContext *
bandi_application_get_context (BandiApplication *self)
{
  g_return_val_if_fail (BANDI_IS_APPLICATION (self), NULL);
  return self->context;
}

static GPtrArray *
enabled_sources (BandiApplication *self)
{
  g_autoptr(GPtrArray) all = bandi_plugin_loader_get_sources (self->loader);
  GPtrArray *enabled = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    if (bandi_source_get_enabled (g_ptr_array_index (all, i)))
      g_ptr_array_add (enabled, g_object_ref (g_ptr_array_index (all, i)));

  return enabled;
}

GPtrArray *
bandi_application_get_failing_sources (BandiApplication *self)
{
  GPtrArray *failing = enabled_sources (self);

  g_return_val_if_fail (BANDI_IS_APPLICATION (self), failing);

  for (guint i = failing->len; i > 0; i--)
    {
      BandiSource *source = g_ptr_array_index (failing, i - 1);
      g_autoptr(BandiSourceStatus) status = NULL;

      if (self->store != NULL)
        status = bandi_store_get_source_status (self->store, bandi_source_get_id (source));
      if (status == NULL || status->last_error == NULL)
        g_ptr_array_remove_index (failing, i - 1);
    }
  return failing;
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BandiApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bandi_sync_run_finish (BANDI_SYNC (object), result, &error))
    g_message ("Sync finished with errors: %s", error->message);

  if (!bandi_sync_get_running (self->sync))
    g_clear_object (&self->sync_cancellable);
  bandi_notices_check (self->notices);

  /* Then the watched pages, with the sources' session, and among them
   * those the sources could not read as they expected. */
  {
    g_autoptr(SoupSession) session = NULL;
    g_autoptr(GPtrArray) sources = enabled_sources (self);

    g_object_get (object, "session", &session, NULL);
    bandi_watched_pages_check (G_APPLICATION (self), self->store, session, sources);
  }
}

/* Sync while idle, stop while running: the buttons bound to the actions
 * (the header's, the empty list's "Sync Now") say which can be done. */
static void
update_sync_actions (BandiApplication *self)
{
  gboolean running = self->sync != NULL && bandi_sync_get_running (self->sync);
  GAction *sync = g_action_map_lookup_action (G_ACTION_MAP (self), "sync");
  GAction *cancel = g_action_map_lookup_action (G_ACTION_MAP (self), "cancel-sync");
  GAction *sync_source = g_action_map_lookup_action (G_ACTION_MAP (self), "sync-source");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (sync), self->sync != NULL && !running);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (sync_source), self->sync != NULL && !running);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (cancel), running);
}

static void
run_sync (BandiApplication *self,
          GPtrArray        *sources)
{
  if (self->store == NULL || bandi_sync_get_running (self->sync))
    return;

  /* The last run may not have reported its end yet (its GTask returns in
   * an idle): its cancellable goes now, not with this run's. */
  g_clear_object (&self->sync_cancellable);
  self->sync_cancellable = g_cancellable_new ();
  bandi_sync_run_async (self->sync, sources, self->sync_cancellable,
                        sync_done_cb, g_object_ref (self));
}

static void
sync_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BandiApplication *self = user_data;
  g_autoptr(GPtrArray) sources = enabled_sources (self);

  run_sync (self, sources);
}

/* Retry: the one source named by @parameter. */
static void
sync_source_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BandiApplication *self = user_data;
  BandiSource *source = bandi_plugin_loader_find_source (self->loader,
                                                         g_variant_get_string (parameter, NULL));
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  if (source == NULL)
    return;
  g_ptr_array_add (sources, source);
  run_sync (self, sources);
}

static void
cancel_sync_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BandiApplication *self = user_data;

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
}

static gboolean
periodic_sync_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "sync", NULL);
  return G_SOURCE_CONTINUE;
}

static void
schedule_periodic_sync (BandiApplication *self)
{
  guint hours = g_settings_get_uint (self->settings, "sync-interval-hours");

  g_clear_handle_id (&self->sync_timer, g_source_remove);
  if (hours > 0 && !self->no_sync)
    self->sync_timer = g_timeout_add_seconds (hours * 3600, periodic_sync_cb, self);
}

static void
clusters_changed_cb (BandiApplication *self)
{
  g_autoptr(GError) error = NULL;

  /* Proposals show their cluster; relevance follows the keywords. */
  if (!bandi_context_reload (self->context, &error))
    g_warning ("Cannot read the store again: %s", error->message);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BandiApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BandiPreferencesWindow *prefs;

  if (self->store == NULL)
    return;
  prefs = bandi_preferences_window_new (self->store, self->loader, self->settings);
  g_signal_connect_object (prefs, "clusters-changed", G_CALLBACK (clusters_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BandiApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Bandi developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Bandi"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Funding-call deadlines and proposals for the Lombardy technology clusters"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: replace with your names */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window lets it save what is being edited. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (app);
}

static BandiWindow *
main_window (BandiApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!BANDI_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  gtk_window_present (window);
  return BANDI_WINDOW (window);
}

/* Targets of the notices' default actions. */
static void
show_call_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  bandi_window_show_call_id (main_window (user_data), g_variant_get_int64 (parameter));
}

static void
show_proposal_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  bandi_window_show_proposal_id (main_window (user_data), g_variant_get_int64 (parameter));
}

static void
watched_pages_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BandiApplication *self = user_data;
  BandiWatchedPagesWindow *window;

  if (self->store == NULL)
    return;

  window = bandi_watched_pages_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "show-call", show_call_activated, "x" },
  { "show-proposal", show_proposal_activated, "x" },
  { "sync", sync_activated },
  { "sync-source", sync_source_activated, "s" },
  { "cancel-sync", cancel_sync_activated },
  { "preferences", preferences_activated },
  { "watched-pages", watched_pages_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
bandi_application_startup (GApplication *app)
{
  BandiApplication *self = BANDI_APPLICATION (app);
  g_autofree char *path = NULL;
  g_autoptr(SoupSession) session = NULL;
  const char *plugin_path;

  G_APPLICATION_CLASS (bandi_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.sync",
                                         (const char *[]) { "<Control>r", "F5", NULL });

  self->settings = g_settings_new (APP_ID);

  path = bandi_store_default_path ();
  self->store = bandi_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_warning ("Cannot open %s: %s", path, self->store_error->message);

  self->loader = bandi_plugin_loader_new ();
  plugin_path = g_getenv ("BANDI_PLUGIN_PATH");
  if (plugin_path != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (plugin_path, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i]; i++)
        if (*dirs[i] != '\0')
          bandi_plugin_loader_add_directory (self->loader, dirs[i]);
    }
  bandi_plugin_loader_load (self->loader);
  bandi_plugin_loader_bind_settings (self->loader);

  session = bandi_http_session_new ();
  if (self->store != NULL)
    {
      self->sync = bandi_sync_new (self->store, session);
      g_signal_connect_swapped (self->sync, "notify::running",
                                G_CALLBACK (update_sync_actions), self);
      self->notices = bandi_notices_new (G_APPLICATION (self), self->store, self->settings);
      self->context = bandi_context_new (self->store, self->loader, self->settings, self->sync);
    }
  update_sync_actions (self);

  g_signal_connect_swapped (self->settings, "changed::sync-interval-hours",
                            G_CALLBACK (schedule_periodic_sync), self);
}

static void schedule_notices (BandiApplication *self);

static gboolean
notices_timer_cb (gpointer user_data)
{
  BandiApplication *self = user_data;

  self->notices_timer = 0;
  bandi_notices_check (self->notices);
  schedule_notices (self);
  return G_SOURCE_REMOVE;
}

/* The notices are checked again while the application runs: within the
 * hour, and at midnight. */
static void
schedule_notices (BandiApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = bandi_notices_next_check (now);
  /* A second late rather than early: midnight must have passed. */
  guint seconds = (guint) (g_date_time_difference (next, now) / G_USEC_PER_SEC) + 1;

  g_clear_handle_id (&self->notices_timer, g_source_remove);
  self->notices_timer = g_timeout_add_seconds (seconds, notices_timer_cb, self);
}

static gboolean
check_notices_cb (gpointer user_data)
{
  BandiApplication *self = user_data;

  bandi_notices_check (self->notices);
  schedule_notices (self);
  return G_SOURCE_REMOVE;
}

static void
bandi_application_activate (GApplication *app)
{
  BandiApplication *self = BANDI_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean first = window == NULL;

  if (first)
    window = GTK_WINDOW (bandi_window_new (self));
  gtk_window_present (window);

  if (first && self->store != NULL)
    {
      schedule_periodic_sync (self);
      if (!self->no_sync && g_settings_get_boolean (self->settings, "sync-on-startup"))
        g_action_group_activate_action (G_ACTION_GROUP (self), "sync", NULL);
      /* After the window is drawn and filled. */
      g_idle_add_full (G_PRIORITY_LOW, check_notices_cb, g_object_ref (self), g_object_unref);
    }
}

static int
bandi_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  BandiApplication *self = BANDI_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("bandi %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->no_sync = g_variant_dict_contains (options, "no-sync");

  return -1;
}

static void
bandi_application_shutdown (GApplication *app)
{
  BandiApplication *self = BANDI_APPLICATION (app);

  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_handle_id (&self->sync_timer, g_source_remove);
  g_clear_handle_id (&self->notices_timer, g_source_remove);

  /* A source's calls may be being written on a worker thread: let that
   * transaction end (the fetches stop at once when cancelled). */
  while (self->sync != NULL && bandi_sync_get_running (self->sync))
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (bandi_application_parent_class)->shutdown (app);
}

static void
bandi_application_dispose (GObject *object)
{
  BandiApplication *self = BANDI_APPLICATION (object);

  g_clear_handle_id (&self->sync_timer, g_source_remove);
  g_clear_handle_id (&self->notices_timer, g_source_remove);
  g_clear_object (&self->sync_cancellable);
  g_clear_object (&self->notices);
  g_clear_object (&self->context);
  g_clear_object (&self->sync);
  g_clear_object (&self->loader);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (bandi_application_parent_class)->dispose (object);
}

static void
bandi_application_class_init (BandiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bandi_application_dispose;
  app_class->startup = bandi_application_startup;
  app_class->activate = bandi_application_activate;
  app_class->handle_local_options = bandi_application_handle_local_options;
  app_class->shutdown = bandi_application_shutdown;
}

static void
bandi_application_init (BandiApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "no-sync", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Do not fetch the sources at start-up or periodically"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Funding-call deadlines and proposals for the Lombardy technology clusters"));
}
