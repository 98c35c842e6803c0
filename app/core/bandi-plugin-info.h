/* bandi-plugin-info.h — one plugin module the loader found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bandi-source.h"

G_BEGIN_DECLS

typedef enum {
  BANDI_PLUGIN_STATE_LOADED,
  BANDI_PLUGIN_STATE_REFUSED,   /* the module is not a usable plugin: see reason */
  BANDI_PLUGIN_STATE_DUPLICATE, /* another plugin already has this id */
} BandiPluginState;

#define BANDI_TYPE_PLUGIN_INFO (bandi_plugin_info_get_type ())
G_DECLARE_FINAL_TYPE (BandiPluginInfo, bandi_plugin_info, BANDI, PLUGIN_INFO, GObject)

BandiPluginInfo  *bandi_plugin_info_new            (const char       *path,
                                                    BandiPluginState  state,
                                                    const char       *reason,
                                                    BandiSource      *source);
const char       *bandi_plugin_info_get_path       (BandiPluginInfo  *self);
BandiPluginState  bandi_plugin_info_get_state      (BandiPluginInfo  *self);
const char       *bandi_plugin_info_get_reason     (BandiPluginInfo  *self);
BandiSource      *bandi_plugin_info_get_source     (BandiPluginInfo  *self);
const char       *bandi_plugin_info_get_id         (BandiPluginInfo  *self);
const char       *bandi_plugin_state_to_string     (BandiPluginState  state);

G_END_DECLS
