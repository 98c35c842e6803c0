/* bandi-plugin-loader.h — finds and loads source plugins
 *
 * Scans the directories in $BANDI_PLUGIN_PATH (colon-separated, first, for
 * tests and development), then $libdir/bandi/sources-1/. A module is refused,
 * with the reason recorded, when it cannot be opened, lacks the entry point,
 * was built for another API version, or returns a type that is not a
 * BandiSource. Loaded modules stay resident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-plugin-info.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PLUGIN_LOADER (bandi_plugin_loader_get_type ())
G_DECLARE_FINAL_TYPE (BandiPluginLoader, bandi_plugin_loader, BANDI, PLUGIN_LOADER, GObject)

BandiPluginLoader *bandi_plugin_loader_new          (void);
void               bandi_plugin_loader_add_directory (BandiPluginLoader *self,
                                                      const char        *directory);
/* Scans once; later calls return the same list. */
GListModel        *bandi_plugin_loader_load         (BandiPluginLoader *self);
/* Returns: (transfer container) (element-type BandiSource): loaded sources */
GPtrArray         *bandi_plugin_loader_get_sources  (BandiPluginLoader *self);
BandiSource       *bandi_plugin_loader_find_source  (BandiPluginLoader *self,
                                                     const char        *id);
/* Binds each source's "enabled" and "endpoint" to the relocatable schema
 * io.github.bandi.Bandi.Source at /io/github/bandi/Bandi/sources/ID/, and
 * its own schema's keys to its same-named properties. Does nothing (and
 * returns FALSE) when the schemas are not installed. */
gboolean           bandi_plugin_loader_bind_settings (BandiPluginLoader *self);

G_END_DECLS
