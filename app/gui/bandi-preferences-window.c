/* bandi-preferences-window.c
 *
 * General settings are bound to GSettings; a source's switch and address
 * are bound to the source object, which the plugin loader keeps bound to
 * its own settings. Clusters open in a subpage editor. The CalDAV password
 * goes to the keyring entry `bandi-cli publish` and the window's
 * publication read (bandi-caldav-secret.h), never to the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-caldav-secret.h"
#include "bandi-cluster-editor.h"
#include "bandi-format.h"
#include "bandi-preferences-window.h"

#define HORIZON_SCHEMA "io.github.bandi.Bandi.Horizon"

struct _BandiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BandiStore           *store;
  BandiPluginLoader    *loader;
  GSettings            *settings;
  GSettings            *horizon_settings;  /* NULL without the schema */
  GPtrArray            *cluster_rows;
  GCancellable         *keyring;

  GtkSwitch            *startup_switch;
  GtkSpinButton        *interval_spin;
  AdwEntryRow          *reminders_row;
  GtkSwitch            *milestones_switch;
  AdwEntryRow          *caldav_url_row;
  AdwEntryRow          *caldav_user_row;
  AdwEntryRow          *caldav_password_row;
  AdwPreferencesGroup  *sources_group;
  AdwPreferencesGroup  *programmes_group;
  AdwPreferencesGroup  *clusters_group;
};

G_DEFINE_FINAL_TYPE (BandiPreferencesWindow, bandi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADER,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CLUSTERS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The framework programmes of the Funding & Tenders Portal: the codes of
 * its search API's frameworkProgramme field (docs/sources.md). */
static const struct {
  const char *code;
  const char *name;
} eu_programmes[] = {
  { "43108390", N_("Horizon Europe") },
  { "43152860", N_("Digital Europe") },
  { "43252405", N_("LIFE") },
  { "43252476", N_("Single Market Programme") },
  { "43353764", N_("Erasmus+") },
  { "43251567", N_("Connecting Europe Facility") },
  { "44181033", N_("European Defence Fund") },
  { "43251589", N_("Citizens, Equality, Rights and Values") },
  { "43298916", N_("Euratom") },
};

static void
set_row_error (AdwEntryRow *row,
               const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
}

/* General */

static void
load_reminders (BandiPreferencesWindow *self)
{
  g_autoptr(GVariant) days = g_settings_get_value (self->settings, "reminder-days");
  g_autoptr(GString) text = g_string_new (NULL);
  gsize n;
  const gint32 *values = g_variant_get_fixed_array (days, &n, sizeof (gint32));

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (text, "%s%d", i ? ", " : "", values[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->reminders_row), text->str);
  set_row_error (self->reminders_row, NULL);
}

static void
reminders_apply_cb (BandiPreferencesWindow *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->reminders_row)), ",", -1);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint32));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 value;

      if (*part == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (part, 10, 0, 365, &value, NULL))
        {
          set_row_error (self->reminders_row, _("Type whole numbers of days from 0 to 365, separated by commas"));
          return;
        }
      g_array_append_val (days, (gint32) { value });
    }

  g_settings_set_value (self->settings, "reminder-days",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, days->data, days->len, sizeof (gint32)));
  load_reminders (self);
}

/* The password row says whether the keyring holds a password for the
 * address and user name set. */
static void
show_password_saved (BandiPreferencesWindow *self,
                     gboolean                saved)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->caldav_password_row),
                                 saved ? _("Password (Saved in the Keyring)") : _("Password"));
}

static void
password_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BandiPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = bandi_caldav_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Cannot look the CalDAV password up: %s", error->message);
  show_password_saved (self, password != NULL);
  if (password != NULL)
    bandi_caldav_password_free (password);
}

static void
look_up_password (BandiPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "caldav-url");
  g_autofree char *user = g_settings_get_string (self->settings, "caldav-user");

  show_password_saved (self, FALSE);
  if (*url != '\0' && *user != '\0')
    bandi_caldav_password_lookup_async (url, user, self->keyring, password_found_cb, g_object_ref (self));
}

static void
caldav_apply_cb (BandiPreferencesWindow *self,
                 AdwEntryRow            *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (row == self->caldav_url_row)
    {
      if (*text != '\0' && !bandi_format_is_web_uri (text))
        {
          set_row_error (row, _("Type an address starting with https://"));
          return;
        }
      g_settings_set_string (self->settings, "caldav-url", text);
    }
  else
    g_settings_set_string (self->settings, "caldav-user", text);
  set_row_error (row, NULL);
  look_up_password (self);
}

static void
password_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BandiPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!bandi_caldav_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Cannot keep the password in the keyring: %s"), error->message);
      set_row_error (self->caldav_password_row, text);
    }
  else
    {
      text = g_strdup (_("Password saved in the keyring"));
      gtk_editable_set_text (GTK_EDITABLE (self->caldav_password_row), "");
      show_password_saved (self, TRUE);
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), bandi_format_plain_toast (text, 5));
}

static void
password_apply_cb (BandiPreferencesWindow *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->caldav_password_row));
  g_autofree char *url = g_settings_get_string (self->settings, "caldav-url");
  g_autofree char *user = g_settings_get_string (self->settings, "caldav-user");

  if (*url == '\0' || *user == '\0')
    {
      set_row_error (self->caldav_password_row, _("Set the calendar address and the user name first"));
      return;
    }
  if (*password == '\0')
    return;
  set_row_error (self->caldav_password_row, NULL);
  bandi_caldav_password_store_async (url, user, password, self->keyring,
                                     password_stored_cb, g_object_ref (self));
}

/* Sources */

static char *
describe_source (BandiPreferencesWindow *self,
                 BandiSource            *source)
{
  g_autoptr(BandiSourceStatus) status = bandi_store_get_source_status (self->store, bandi_source_get_id (source));
  g_autofree char *when = NULL;

  if (status == NULL || status->last_attempt == 0)
    return g_strdup (_("Never synced"));
  if (status->last_error != NULL)
    {
      when = bandi_format_unix_time (status->last_attempt);
      /* Translators: when, then why */
      return g_strdup_printf (_("Last sync failed %s: %s"), when, status->last_error);
    }
  when = bandi_format_unix_time (status->last_success);
  /* Translators: when */
  return g_strdup_printf (_("Last synced %s"), when);
}

static void
endpoint_apply_cb (AdwEntryRow *row,
                   BandiSource *source)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0' && !bandi_format_is_web_uri (text))
    {
      set_row_error (row, _("Type an address starting with https://, or nothing for the default"));
      return;
    }
  set_row_error (row, NULL);
  bandi_source_set_endpoint (source, *text ? text : NULL);
}

static void
add_source_row (BandiPreferencesWindow *self,
                BandiSource            *source)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *endpoint = adw_entry_row_new ();
  const char *name = bandi_source_get_name (source);
  const char *current = bandi_source_get_endpoint (source);
  const char *fallback = bandi_source_get_default_endpoint (source);
  g_autofree char *state = describe_source (self, source);
  g_autofree char *toggle_name = NULL;
  g_autofree char *default_text = NULL;
  GtkWidget *state_row;

  /* Names and errors come from plugins and servers: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), bandi_source_get_description (source));

  /* Translators: %s is a source's name */
  toggle_name = g_strdup_printf (_("Fetch calls from %s"), name);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, toggle_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_name, -1);
  g_object_bind_property (source, "enabled", toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

  state_row = bandi_format_plain_row (_("State"), state);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (state_row), 4);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), state_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (endpoint), _("Address"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (endpoint), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (endpoint), GTK_INPUT_PURPOSE_URL);
  gtk_editable_set_text (GTK_EDITABLE (endpoint), current ? current : "");
  /* Translators: %s is a web address */
  default_text = g_strdup_printf (_("Default: %s"), fallback ? fallback : _("none"));
  gtk_widget_set_tooltip_text (endpoint, default_text);
  g_signal_connect_object (endpoint, "apply", G_CALLBACK (endpoint_apply_cb), source, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), endpoint);

  adw_preferences_group_add (self->sources_group, row);
}

static void
programme_toggled_cb (GtkSwitch              *toggle,
                      GParamSpec             *pspec,
                      BandiPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (toggle), "code");
  g_auto(GStrv) current = g_settings_get_strv (self->horizon_settings, "programmes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  /* Codes the list does not know are kept. */
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], code))
      g_strv_builder_add (builder, current[i]);
  if (active)
    g_strv_builder_add (builder, code);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->horizon_settings, "programmes", (const char * const *) updated);
}

static void
build_programmes (BandiPreferencesWindow *self)
{
  g_auto(GStrv) chosen = NULL;

  if (self->horizon_settings == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->programmes_group), FALSE);
      return;
    }

  chosen = g_settings_get_strv (self->horizon_settings, "programmes");
  for (guint i = 0; i < G_N_ELEMENTS (eu_programmes); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *name = _(eu_programmes[i].name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_switch_set_active (GTK_SWITCH (toggle), g_strv_contains ((const char * const *) chosen, eu_programmes[i].code));
      g_object_set_data (G_OBJECT (toggle), "code", (gpointer) eu_programmes[i].code);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (programme_toggled_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->programmes_group, row);
    }
}

/* Clusters */

static void build_clusters (BandiPreferencesWindow *self);

static void
cluster_changed_cb (BandiPreferencesWindow *self)
{
  build_clusters (self);
  g_signal_emit (self, signals[SIGNAL_CLUSTERS_CHANGED], 0);
}

static void
cluster_removed_cb (BandiPreferencesWindow *self)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  cluster_changed_cb (self);
}

static void
editor_back_cb (BandiPreferencesWindow *self)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

static void
open_cluster (BandiPreferencesWindow *self,
              BandiCluster           *cluster)
{
  BandiClusterEditor *editor = bandi_cluster_editor_new (self->store, cluster);

  g_signal_connect_object (editor, "saved", G_CALLBACK (cluster_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "removed", G_CALLBACK (cluster_removed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "back", G_CALLBACK (editor_back_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), GTK_WIDGET (editor));
}

static void
cluster_row_activated_cb (AdwActionRow           *row,
                          BandiPreferencesWindow *self)
{
  open_cluster (self, g_object_get_data (G_OBJECT (row), "cluster"));
}

static void
add_cluster_clicked_cb (BandiPreferencesWindow *self)
{
  open_cluster (self, NULL);
}

static void
build_clusters (BandiPreferencesWindow *self)
{
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->cluster_rows->len; i++)
    adw_preferences_group_remove (self->clusters_group, g_ptr_array_index (self->cluster_rows, i));
  g_ptr_array_set_size (self->cluster_rows, 0);

  clusters = bandi_store_list_clusters (self->store, &error);
  if (clusters == NULL)
    {
      GtkWidget *row = bandi_format_plain_row (_("Cannot read the clusters"), error->message);

      adw_preferences_group_add (self->clusters_group, row);
      g_ptr_array_add (self->cluster_rows, row);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);
      GtkWidget *row = bandi_format_plain_row (bandi_cluster_get_acronym (cluster),
                                               bandi_cluster_get_name (cluster));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "cluster", g_object_ref (cluster), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (cluster_row_activated_cb), self, 0);
      adw_preferences_group_add (self->clusters_group, row);
      g_ptr_array_add (self->cluster_rows, row);
    }
}

/* GObject */

static void
bandi_preferences_window_constructed (GObject *object)
{
  BandiPreferencesWindow *self = BANDI_PREFERENCES_WINDOW (object);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) horizon = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  G_OBJECT_CLASS (bandi_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "sync-on-startup", self->startup_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-interval-hours", self->interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "milestones-as-events", self->milestones_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "caldav-url", self->caldav_url_row, "text", G_SETTINGS_BIND_GET_NO_CHANGES | G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "caldav-user", self->caldav_user_row, "text", G_SETTINGS_BIND_GET_NO_CHANGES | G_SETTINGS_BIND_GET);
  load_reminders (self);
  look_up_password (self);

  if (schemas != NULL)
    horizon = g_settings_schema_source_lookup (schemas, HORIZON_SCHEMA, TRUE);
  if (horizon != NULL)
    self->horizon_settings = g_settings_new (HORIZON_SCHEMA);
  build_programmes (self);

  sources = bandi_plugin_loader_get_sources (self->loader);
  for (guint i = 0; i < sources->len; i++)
    add_source_row (self, g_ptr_array_index (sources, i));
  if (sources->len == 0)
    adw_preferences_group_add (self->sources_group,
                               bandi_format_plain_row (_("No source plugins found"), NULL));

  build_clusters (self);
}

static void
bandi_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BandiPreferencesWindow *self = BANDI_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_LOADER:
      self->loader = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_preferences_window_dispose (GObject *object)
{
  BandiPreferencesWindow *self = BANDI_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->keyring);
  g_clear_object (&self->keyring);
  g_clear_pointer (&self->cluster_rows, g_ptr_array_unref);
  g_clear_object (&self->horizon_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->loader);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_preferences_window_parent_class)->dispose (object);
}

static void
bandi_preferences_window_class_init (BandiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bandi_preferences_window_constructed;
  object_class->set_property = bandi_preferences_window_set_property;
  object_class->dispose = bandi_preferences_window_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BANDI_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, BANDI_TYPE_PLUGIN_LOADER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A cluster was added, changed or removed: views listing them reload. */
  signals[SIGNAL_CLUSTERS_CHANGED] =
    g_signal_new ("clusters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, startup_switch);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, milestones_switch);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, caldav_url_row);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, caldav_user_row);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, caldav_password_row);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, sources_group);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, programmes_group);
  gtk_widget_class_bind_template_child (widget_class, BandiPreferencesWindow, clusters_group);
  gtk_widget_class_bind_template_callback (widget_class, reminders_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, caldav_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cluster_clicked_cb);
}

static void
bandi_preferences_window_init (BandiPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keyring = g_cancellable_new ();
  self->cluster_rows = g_ptr_array_new ();
}

BandiPreferencesWindow *
bandi_preferences_window_new (BandiStore        *store,
                              BandiPluginLoader *loader,
                              GSettings         *settings)
{
  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (BANDI_IS_PLUGIN_LOADER (loader), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BANDI_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       "loader", loader,
                       "settings", settings,
                       NULL);
}
