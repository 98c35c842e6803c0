/* bandi-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-context.h"

G_BEGIN_DECLS

#define BANDI_TYPE_APPLICATION (bandi_application_get_type ())
G_DECLARE_FINAL_TYPE (BandiApplication, bandi_application, BANDI, APPLICATION, AdwApplication)

BandiApplication  *bandi_application_new         (void);
/* NULL when the database could not be opened: see get_store_error(). */
BandiStore        *bandi_application_get_store   (BandiApplication *self);
const GError      *bandi_application_get_store_error (BandiApplication *self);
BandiPluginLoader *bandi_application_get_loader  (BandiApplication *self);
BandiSync         *bandi_application_get_sync    (BandiApplication *self);
/* The enabled sources whose last sync failed (element-type BandiSource) */
GPtrArray         *bandi_application_get_failing_sources (BandiApplication *self);
GSettings         *bandi_application_get_settings (BandiApplication *self);
/* What the windows show; NULL without a store. */
BandiContext      *bandi_application_get_context (BandiApplication *self);

G_END_DECLS
