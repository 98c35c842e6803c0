/* bandi-lombardia-dataset.h — the open-data register of Regione Lombardia's calls
 *
 * The dataset bukx-h2uy ("Anagrafica dei bandi regionali") on
 * dati.lombardia.it, read through the Socrata SODA API: one row per call
 * published on Bandi Online. These are plain functions on strings and bytes
 * so that tests can run them without a server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

/* Rows per SODA request; a shorter page is the last one. */
#define BANDI_LOMBARDIA_PAGE_SIZE 1000

/* Where the dataset rows, the call pages and the times all live. */
#define BANDI_LOMBARDIA_ZONE "Europe/Rome"

/* One row of the dataset. Strings are squeezed (no surrounding or repeated
 * blanks); fields the row does not carry are NULL. */
typedef struct {
  char *codice;      /* codice_bando, e.g. "RLO12026055023" */
  char *titolo;      /* titolo_bando */
  char *direzione;   /* direzione_generale, e.g. "SVILUPPO ECONOMICO" */
  char *ente;        /* ente: the body that runs the call */
  char *strumento;   /* tipo_strumento, e.g. "Bando" */
  char *apertura;    /* apertura_adesione as given */
  char *chiusura;    /* chiusura_adesione as given; NULL = until funds run out */
} BandiLombardiaRow;

void               bandi_lombardia_row_free        (BandiLombardiaRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiLombardiaRow, bandi_lombardia_row_free)

/* The SODA query for one page: calls whose closing date is @today
 * ("YYYY-MM-DD", Europe/Rome) or later, or that have none, in a stable
 * order. @endpoint may already carry a query (e.g. an app token). */
char              *bandi_lombardia_query_uri       (const char  *endpoint,
                                                    const char  *today,
                                                    guint        offset,
                                                    GError     **error);
/* The $where of that query, on its own (tests compare it). */
char              *bandi_lombardia_query_where     (const char  *today);
#define BANDI_LOMBARDIA_QUERY_ORDER "chiusura_adesione,codice_bando"

/* Today's date in Europe/Rome as "YYYY-MM-DD". */
char              *bandi_lombardia_today           (void);

/* Parses one SODA JSON page. Returns the rows (element-type
 * BandiLombardiaRow) and sets @n_records to the number of records the page
 * held, valid or not (paging stops on a short page). Rows without
 * codice_bando, records that are not objects, and rows whose dates cannot
 * be read are skipped; each skip appends a translated message to
 * @skipped. Fails with BANDI_SOURCE_ERROR_INVALID_RESPONSE when the body is
 * not a JSON array. */
GPtrArray         *bandi_lombardia_parse_rows      (const char  *data,
                                                    gsize        length,
                                                    guint       *n_records,
                                                    GPtrArray   *skipped,
                                                    GError     **error);

/* The calendar dates of apertura_adesione and chiusura_adesione. The
 * dataset writes "2026-09-07T00:00:00.000", local time without a zone; its
 * 00:00 is no time of day, so only the date counts. FALSE if absent. */
gboolean           bandi_lombardia_row_get_opening (const BandiLombardiaRow *row,
                                                    GDate                   *date);
gboolean           bandi_lombardia_row_get_closing (const BandiLombardiaRow *row,
                                                    GDate                   *date);

/* Whether a row is a research-and-innovation call (see the rule in the
 * .c file). */
gboolean           bandi_lombardia_row_is_research (const BandiLombardiaRow *row);

/* A digest of the row and of the page URL it leads to: when it is the same
 * as at the last sync, the call's page need not be read again. */
char              *bandi_lombardia_row_fingerprint (const BandiLombardiaRow *row,
                                                    const char              *page_url);

/* The call's public page on Bandi Online. @portal_base is the portal's
 * origin, e.g. "https://www.bandi.regione.lombardia.it". The one place
 * that builds this address. */
char              *bandi_lombardia_page_url        (const char              *portal_base,
                                                    const char              *codice);

/* A BandiCall from the row alone: no deadline page read yet. */
BandiCall         *bandi_lombardia_row_to_call     (const BandiLombardiaRow *row,
                                                    const char              *page_url);

G_END_DECLS
