/* bandi-plugin-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-plugin-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-plugin-loader.h"

#define SOURCE_SCHEMA_ID "io.github.bandi.Bandi.Source"
#define SOURCE_SCHEMA_PATH "/io/github/bandi/Bandi/sources/%s/"

struct _BandiPluginLoader
{
  GObject parent_instance;

  GPtrArray  *directories;  /* added with bandi_plugin_loader_add_directory() */
  GListStore *plugins;      /* BandiPluginInfo, in scan order */
  GHashTable *sources;      /* id → BandiPluginInfo of the loaded source */
  GHashTable *modules;      /* file name → path, of every module opened */
  gboolean    loaded;
  gboolean    bound;
};

G_DEFINE_FINAL_TYPE (BandiPluginLoader, bandi_plugin_loader, G_TYPE_OBJECT)

static void
bandi_plugin_loader_finalize (GObject *object)
{
  BandiPluginLoader *self = BANDI_PLUGIN_LOADER (object);

  g_clear_pointer (&self->directories, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->modules, g_hash_table_unref);
  g_clear_object (&self->plugins);

  G_OBJECT_CLASS (bandi_plugin_loader_parent_class)->finalize (object);
}

static void
bandi_plugin_loader_class_init (BandiPluginLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_plugin_loader_finalize;
}

static void
bandi_plugin_loader_init (BandiPluginLoader *self)
{
  self->directories = g_ptr_array_new_with_free_func (g_free);
  self->plugins = g_list_store_new (BANDI_TYPE_PLUGIN_INFO);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->modules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BandiPluginLoader *
bandi_plugin_loader_new (void)
{
  return g_object_new (BANDI_TYPE_PLUGIN_LOADER, NULL);
}

/**
 * bandi_plugin_loader_add_directory:
 *
 * Adds a directory to scan after those of $BANDI_PLUGIN_PATH and before
 * Bandi's own plugin directory. Call it before bandi_plugin_loader_load().
 */
void
bandi_plugin_loader_add_directory (BandiPluginLoader *self,
                                   const char        *directory)
{
  g_return_if_fail (BANDI_IS_PLUGIN_LOADER (self));
  g_return_if_fail (directory != NULL);
  g_return_if_fail (!self->loaded);

  g_ptr_array_add (self->directories, g_strdup (directory));
}

/* Source ids name settings paths and appear on the command line. */
static gboolean
source_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

static void
load_module (BandiPluginLoader *self,
             const char        *path)
{
  g_autoptr(BandiPluginInfo) info = NULL;
  g_autoptr(BandiSource) source = NULL;
  g_autofree char *reason = NULL;
  BandiPluginState state = BANDI_PLUGIN_STATE_REFUSED;
  BandiSourcePluginQuery query = NULL;
  BandiPluginInfo *first;
  g_autofree char *name = NULL;
  const char *first_path;
  GModule *module;
  guint api_version = 0;
  GType type;

  /* The same module from a later directory (a build tree's beside an
   * installed copy) would register its types a second time: not opened. */
  name = g_path_get_basename (path);
  first_path = g_hash_table_lookup (self->modules, name);
  if (first_path != NULL)
    {
      state = BANDI_PLUGIN_STATE_DUPLICATE;
      reason = g_strdup_printf (_("The same module is already loaded from %s"), first_path);
      goto out;
    }
  g_hash_table_insert (self->modules, g_steal_pointer (&name), g_strdup (path));

  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      reason = g_strdup_printf (_("Cannot be opened: %s"), g_module_error ());
      goto out;
    }

  if (!g_module_symbol (module, BANDI_SOURCE_PLUGIN_SYMBOL, (gpointer *) &query) ||
      query == NULL)
    {
      reason = g_strdup_printf (_("Does not export the entry point %s()"),
                                BANDI_SOURCE_PLUGIN_SYMBOL);
      g_module_close (module);
      goto out;
    }

  /* Once its code has run, the module may have registered types and
   * interned strings that point into it: it must never be unloaded, even
   * when it is refused. */
  g_module_make_resident (module);
  type = query (&api_version);

  if (api_version != BANDI_SOURCE_API_VERSION)
    {
      reason = g_strdup_printf (_("Built for API %u, Bandi has API %u"),
                                api_version, BANDI_SOURCE_API_VERSION);
    }
  else if (type == G_TYPE_INVALID)
    {
      reason = g_strdup (_("Its entry point returns no type"));
    }
  else if (!g_type_is_a (type, BANDI_TYPE_SOURCE))
    {
      reason = g_strdup_printf (_("Its type %s is not a BandiSource"), g_type_name (type));
    }
  else if (G_TYPE_IS_ABSTRACT (type))
    {
      reason = g_strdup_printf (_("Its type %s is abstract"), g_type_name (type));
    }
  else
    {
      const char *id;

      source = g_object_new (type, NULL);
      id = bandi_source_get_id (source);

      if (!source_id_is_valid (id))
        {
          reason = g_strdup_printf (_("Its source has no valid id (“%s”): use letters, digits, “-”, “_” and “.”"),
                                    id ? id : "");
          g_clear_object (&source);
        }
      else if ((first = g_hash_table_lookup (self->sources, id)) != NULL)
        {
          state = BANDI_PLUGIN_STATE_DUPLICATE;
          reason = g_strdup_printf (_("The source “%s” is already provided by %s"),
                                    id, bandi_plugin_info_get_path (first));
        }
      else
        {
          state = BANDI_PLUGIN_STATE_LOADED;
        }
    }

out:
  info = bandi_plugin_info_new (path, state, reason, source);
  if (state == BANDI_PLUGIN_STATE_LOADED)
    g_hash_table_insert (self->sources,
                         g_strdup (bandi_source_get_id (source)),
                         g_object_ref (info));
  else
    g_debug ("Plugin %s is %s: %s", path, bandi_plugin_state_to_string (state), reason);

  g_list_store_append (self->plugins, info);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
scan_directory (BandiPluginLoader *self,
                const char        *directory)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (directory, 0, &error);
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Cannot read the plugin directory %s: %s", directory, error->message);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, "." G_MODULE_SUFFIX))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* Directory order is arbitrary; a sorted scan makes "duplicate" stable. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);

      load_module (self, path);
    }
}

static void
add_unique (GPtrArray  *dirs,
            const char *directory)
{
  g_autofree char *canonical = NULL;

  if (directory == NULL || *directory == '\0')
    return;

  canonical = g_canonicalize_filename (directory, NULL);
  if (!g_ptr_array_find_with_equal_func (dirs, canonical, g_str_equal, NULL))
    g_ptr_array_add (dirs, g_steal_pointer (&canonical));
}

/**
 * bandi_plugin_loader_load:
 *
 * Returns: (transfer none): a #GListModel of #BandiPluginInfo, one per
 * module found, loaded or not, in scan order
 */
GListModel *
bandi_plugin_loader_load (BandiPluginLoader *self)
{
  g_autoptr(GPtrArray) dirs = NULL;
  const char *env;

  g_return_val_if_fail (BANDI_IS_PLUGIN_LOADER (self), NULL);

  if (self->loaded)
    return G_LIST_MODEL (self->plugins);

  self->loaded = TRUE;
  dirs = g_ptr_array_new_with_free_func (g_free);

  env = g_getenv ("BANDI_PLUGIN_PATH");
  if (env != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; parts[i] != NULL; i++)
        add_unique (dirs, parts[i]);
    }

  for (guint i = 0; i < self->directories->len; i++)
    add_unique (dirs, g_ptr_array_index (self->directories, i));

  add_unique (dirs, BANDI_PLUGINDIR);

  for (guint i = 0; i < dirs->len; i++)
    scan_directory (self, g_ptr_array_index (dirs, i));

  return G_LIST_MODEL (self->plugins);
}

/**
 * bandi_plugin_loader_get_sources:
 *
 * Returns: (transfer container) (element-type BandiSource): the loaded
 * sources in scan order
 */
GPtrArray *
bandi_plugin_loader_get_sources (BandiPluginLoader *self)
{
  GListModel *plugins;
  GPtrArray *sources;
  guint n;

  g_return_val_if_fail (BANDI_IS_PLUGIN_LOADER (self), NULL);

  plugins = bandi_plugin_loader_load (self);
  n = g_list_model_get_n_items (plugins);
  sources = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiPluginInfo) info = g_list_model_get_item (plugins, i);

      if (bandi_plugin_info_get_state (info) == BANDI_PLUGIN_STATE_LOADED)
        g_ptr_array_add (sources, bandi_plugin_info_get_source (info));
    }

  return sources;
}

/* Returns: (transfer none) (nullable): the loaded source with @id */
BandiSource *
bandi_plugin_loader_find_source (BandiPluginLoader *self,
                                 const char        *id)
{
  BandiPluginInfo *info;

  g_return_val_if_fail (BANDI_IS_PLUGIN_LOADER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  bandi_plugin_loader_load (self);
  info = g_hash_table_lookup (self->sources, id);

  return info ? bandi_plugin_info_get_source (info) : NULL;
}

static void
bind_own_settings (GSettingsSchemaSource *schemas,
                   BandiSource           *source,
                   const char            *source_path)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) keys = NULL;
  const char *schema_id = bandi_source_get_settings_schema (source);
  GObjectClass *klass = G_OBJECT_GET_CLASS (source);

  if (schema_id == NULL)
    return;

  schema = g_settings_schema_source_lookup (schemas, schema_id, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s of source %s is not installed",
                 schema_id, bandi_source_get_id (source));
      return;
    }

  /* A relocatable schema lives next to the source's own settings. */
  settings = g_settings_new_full (schema, NULL,
                                  g_settings_schema_get_path (schema) ? NULL : source_path);
  keys = g_settings_schema_list_keys (schema);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, keys[i]);

      if (pspec == NULL || (pspec->flags & G_PARAM_WRITABLE) == 0)
        {
          g_debug ("Source %s has no writable property for setting %s",
                   bandi_source_get_id (source), keys[i]);
          continue;
        }

      g_settings_bind (settings, keys[i], source, keys[i], G_SETTINGS_BIND_DEFAULT);
    }
}

/**
 * bandi_plugin_loader_bind_settings:
 *
 * Binds each loaded source's "enabled" and "endpoint" properties to the
 * relocatable schema io.github.bandi.Bandi.Source at
 * /io/github/bandi/Bandi/sources/ID/, and the keys of the source's own
 * schema (bandi_source_get_settings_schema()) to its same-named
 * properties. To override a setting for one run without saving it, call
 * g_settings_unbind() on the property afterwards, then set it.
 *
 * Returns: %FALSE, having done nothing, when the schemas are not installed
 */
gboolean
bandi_plugin_loader_bind_settings (BandiPluginLoader *self)
{
  GSettingsSchemaSource *schemas;
  g_autoptr(GSettingsSchema) source_schema = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (BANDI_IS_PLUGIN_LOADER (self), FALSE);

  schemas = g_settings_schema_source_get_default ();
  if (schemas != NULL)
    source_schema = g_settings_schema_source_lookup (schemas, SOURCE_SCHEMA_ID, TRUE);
  if (source_schema == NULL)
    {
      g_debug ("Schema %s not installed: sources keep their defaults", SOURCE_SCHEMA_ID);
      return FALSE;
    }

  if (self->bound)
    return TRUE;
  self->bound = TRUE;

  sources = bandi_plugin_loader_get_sources (self);
  for (guint i = 0; i < sources->len; i++)
    {
      BandiSource *source = g_ptr_array_index (sources, i);
      g_autofree char *path = g_strdup_printf (SOURCE_SCHEMA_PATH, bandi_source_get_id (source));
      g_autoptr(GSettings) settings = g_settings_new_full (source_schema, NULL, path);

      g_settings_bind (settings, "enabled", source, "enabled", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "endpoint", source, "endpoint", G_SETTINGS_BIND_DEFAULT);
      bind_own_settings (schemas, source, path);
    }

  return TRUE;
}
