/* bandi-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-plugin-loader.h"
#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_PREFERENCES_WINDOW (bandi_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BandiPreferencesWindow, bandi_preferences_window, BANDI, PREFERENCES_WINDOW, AdwPreferencesWindow)

BandiPreferencesWindow *bandi_preferences_window_new (BandiStore        *store,
                                                      BandiPluginLoader *loader,
                                                      GSettings         *settings);

G_END_DECLS
