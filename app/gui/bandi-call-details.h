/* bandi-call-details.h — every field of one call, its star and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-plugin-loader.h"
#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_DETAILS (bandi_call_details_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallDetails, bandi_call_details, BANDI, CALL_DETAILS, GtkWidget)

BandiCallDetails *bandi_call_details_new          (void);
void              bandi_call_details_set_store    (BandiCallDetails *self,
                                                   BandiStore       *store);
void              bandi_call_details_set_clusters (BandiCallDetails *self,
                                                   GListModel       *clusters);
/* For the names of the sources (their ids without it) */
void              bandi_call_details_set_loader   (BandiCallDetails *self,
                                                   BandiPluginLoader *loader);
void              bandi_call_details_set_call     (BandiCallDetails *self,
                                                   BandiCall        *call);
BandiCall        *bandi_call_details_get_call     (BandiCallDetails *self);
/* Saves a note still being typed. */
void              bandi_call_details_flush        (BandiCallDetails *self);

G_END_DECLS
