/* bandi-plugin-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-plugin-info"

#include "config.h"

#include "bandi-enum-types.h"
#include "bandi-plugin-info.h"

struct _BandiPluginInfo
{
  GObject parent_instance;

  char             *path;
  BandiPluginState  state;
  char             *reason;
  BandiSource      *source;
};

G_DEFINE_FINAL_TYPE (BandiPluginInfo, bandi_plugin_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_REASON,
  PROP_SOURCE,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_plugin_info_finalize (GObject *object)
{
  BandiPluginInfo *self = BANDI_PLUGIN_INFO (object);

  g_free (self->path);
  g_free (self->reason);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (bandi_plugin_info_parent_class)->finalize (object);
}

static void
bandi_plugin_info_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BandiPluginInfo *self = BANDI_PLUGIN_INFO (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_ID:
      g_value_set_string (value, bandi_plugin_info_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_plugin_info_class_init (BandiPluginInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_plugin_info_finalize;
  object_class->get_property = bandi_plugin_info_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       BANDI_TYPE_PLUGIN_STATE, BANDI_PLUGIN_STATE_LOADED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, BANDI_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_plugin_info_init (BandiPluginInfo *self)
{
}

/**
 * bandi_plugin_info_new:
 * @path: the module's file
 * @reason: (nullable): why the module was refused or is a duplicate
 * @source: (nullable): the source the module provides, if it got that far
 */
BandiPluginInfo *
bandi_plugin_info_new (const char       *path,
                       BandiPluginState  state,
                       const char       *reason,
                       BandiSource      *source)
{
  BandiPluginInfo *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (source == NULL || BANDI_IS_SOURCE (source), NULL);
  g_return_val_if_fail (state != BANDI_PLUGIN_STATE_LOADED || source != NULL, NULL);

  self = g_object_new (BANDI_TYPE_PLUGIN_INFO, NULL);
  self->path = g_strdup (path);
  self->state = state;
  self->reason = g_strdup (reason);
  self->source = source ? g_object_ref (source) : NULL;

  return self;
}

const char *
bandi_plugin_info_get_path (BandiPluginInfo *self)
{
  g_return_val_if_fail (BANDI_IS_PLUGIN_INFO (self), NULL);
  return self->path;
}

BandiPluginState
bandi_plugin_info_get_state (BandiPluginInfo *self)
{
  g_return_val_if_fail (BANDI_IS_PLUGIN_INFO (self), BANDI_PLUGIN_STATE_REFUSED);
  return self->state;
}

/* Returns: (nullable): why the plugin was refused, %NULL when loaded */
const char *
bandi_plugin_info_get_reason (BandiPluginInfo *self)
{
  g_return_val_if_fail (BANDI_IS_PLUGIN_INFO (self), NULL);
  return self->reason;
}

/* Returns: (transfer none) (nullable): the source, %NULL when refused */
BandiSource *
bandi_plugin_info_get_source (BandiPluginInfo *self)
{
  g_return_val_if_fail (BANDI_IS_PLUGIN_INFO (self), NULL);
  return self->source;
}

/* Returns: (nullable): the source's id, %NULL when the plugin was refused */
const char *
bandi_plugin_info_get_id (BandiPluginInfo *self)
{
  g_return_val_if_fail (BANDI_IS_PLUGIN_INFO (self), NULL);
  return self->source ? bandi_source_get_id (self->source) : NULL;
}

/* Stable, untranslated names, as used by bandi-cli. */
const char *
bandi_plugin_state_to_string (BandiPluginState state)
{
  switch (state)
    {
    case BANDI_PLUGIN_STATE_LOADED:
      return "loaded";
    case BANDI_PLUGIN_STATE_REFUSED:
      return "refused";
    case BANDI_PLUGIN_STATE_DUPLICATE:
      return "duplicate";
    default:
      g_return_val_if_reached (NULL);
    }
}
