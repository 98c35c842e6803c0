/* lombardia-test-server.h — a stand-in for dati.lombardia.it and Bandi Online
 *
 * A SoupServer on 127.0.0.1 that serves the SODA dataset pages and the
 * calls' pages from tests/data, checks every query the plugin sends, and
 * counts what it was asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define LT_DATASET_PATH "/resource/bukx-h2uy.json"
#define LT_PAGE_PATH    "/servizi/servizio/bandi/dettaglio/"

typedef enum {
  LT_DATASET_TWO_PAGES,   /* dataset-page-1.json padded with fillers to 1000 rows, then dataset-page-2.json */
  LT_DATASET_ONE_PAGE,    /* dataset-page-2.json alone */
  LT_DATASET_MALFORMED,   /* malformed.json */
  LT_DATASET_EMPTY,       /* [] */
  LT_DATASET_REPEATING,   /* the full first page of LT_DATASET_TWO_PAGES at every $offset */
  LT_DATASET_ENDLESS,     /* at every $offset, a full page of new filler rows */
  LT_DATASET_BODY,        /* dataset_body, then [] */
} LtDatasetMode;

typedef struct {
  SoupServer    *server;
  char          *base;         /* http://127.0.0.1:PORT */
  char          *endpoint;     /* base + LT_DATASET_PATH */
  LtDatasetMode  mode;
  char          *dataset_body; /* for LT_DATASET_BODY; freed with the server */
  char          *moved_from;   /* when set, replaced by moved_to in the dataset */
  char          *moved_to;
  GPtrArray     *page_edits;   /* char*: from, to, from, to... replaced in every call page */
  char          *failing_page; /* codice whose page answers 503 Service Unavailable */
  guint          page_delay_ms; /* each page answer is held back this long ... */
  guint          hold_batch;    /* ... or until this many are held, then 50 ms more */
  GPtrArray     *held;
  guint          release_id;

  GArray        *offsets;      /* guint: $offset of each dataset request */
  GPtrArray     *bad_queries;  /* char*: what was wrong with a query */
  GHashTable    *page_hits;    /* codice → GUINT_TO_POINTER (count) */
  guint          in_flight;
  guint          max_in_flight;
} LtServer;

LtServer *lt_server_new        (void);
void      lt_server_free       (LtServer   *server);
/* Number of times the page of @codice was asked for. */
guint     lt_server_page_hits  (LtServer   *server,
                                const char *codice);
guint     lt_server_total_page_hits (LtServer *server);
void      lt_server_reset_counts (LtServer *server);
/* From now on, @from is replaced by @to in every call page served. */
void      lt_server_edit_pages (LtServer   *server,
                                const char *from,
                                const char *to);

/* Today's date in Europe/Rome, as the $where must hold it. */
char     *lt_today_in_rome     (void);

char     *lt_read_data         (const char *name,
                                gsize      *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LtServer, lt_server_free)

G_END_DECLS
