/* bandi-horizon-source.h — EU Funding & Tenders Portal (Horizon Europe and
 * other EU programmes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

#define BANDI_TYPE_HORIZON_SOURCE (bandi_horizon_source_get_type ())
G_DECLARE_FINAL_TYPE (BandiHorizonSource, bandi_horizon_source, BANDI, HORIZON_SOURCE, BandiSource)

/* The frameworkProgramme codes fetched (setting "programmes"). */
const char * const *bandi_horizon_source_get_programmes (BandiHorizonSource *self);
void                bandi_horizon_source_set_programmes (BandiHorizonSource *self,
                                                         const char * const *programmes);

G_END_DECLS
