/* bandi-lombardia-source.h — Regione Lombardia's calls (Bandi Online)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

#define BANDI_LOMBARDIA_DEFAULT_ENDPOINT "https://www.dati.lombardia.it/resource/bukx-h2uy.json"
#define BANDI_LOMBARDIA_DEFAULT_PORTAL   "https://www.bandi.regione.lombardia.it"

#define BANDI_TYPE_LOMBARDIA_SOURCE (bandi_lombardia_source_get_type ())
G_DECLARE_FINAL_TYPE (BandiLombardiaSource, bandi_lombardia_source, BANDI, LOMBARDIA_SOURCE, BandiSource)

gboolean    bandi_lombardia_source_get_research_only (BandiLombardiaSource *self);
void        bandi_lombardia_source_set_research_only (BandiLombardiaSource *self,
                                                      gboolean              research_only);
/* The origin of the Bandi Online portal, where each call's page is; NULL
 * or "" returns to the default. */
const char *bandi_lombardia_source_get_portal_base   (BandiLombardiaSource *self);
void        bandi_lombardia_source_set_portal_base   (BandiLombardiaSource *self,
                                                      const char           *portal_base);
/* Seconds after which a call's page is read again even if its dataset row
 * did not change. */
guint       bandi_lombardia_source_get_page_max_age  (BandiLombardiaSource *self);
void        bandi_lombardia_source_set_page_max_age  (BandiLombardiaSource *self,
                                                      guint                 page_max_age);

G_END_DECLS
