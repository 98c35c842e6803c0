/* horizon-test-server.h — a local stand-in for the Funding & Tenders
 * Portal's search API, shared by the fetch, CLI and benchmark programs
 *
 * A SoupServer on 127.0.0.1 that checks every request as the API wants it
 * (POST, multipart/form-data with the JSON parts query, languages and sort,
 * apiKey, pageSize and pageNumber) and serves fixtures in the API's format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HT_SEARCH_PATH "/search-api/prod/rest/search"

typedef enum {
  HT_SERVE_CASES,        /* page 1: cases.json */
  HT_SERVE_GENERATED,    /* pages of topics made from topic-template.json, totalResults = total */
  HT_SERVE_HTML,         /* page 1: an HTML page, HTTP 200 */
  HT_SERVE_TRUNCATED,    /* page 1 generated, page 2 cut short */
  HT_SERVE_FLAKY,        /* HTTP 500, then cases.json */
  HT_SERVE_BODY,         /* page 1: body, as application/json */
} HtMode;

typedef struct {
  SoupServer         *server;
  char               *endpoint;     /* http://127.0.0.1:PORT/search-api/prod/rest/search */

  HtMode              mode;
  gint64              total;
  /* Generated topics differ in more than their identifier: deadlines over
   * two years, summer and winter time, a description of some 3 kB. */
  gboolean            varied;
  /* Or nothing but an identifier and a status, for tests of paging alone */
  gboolean            lean;
  const char * const *programmes;   /* the frameworkProgramme codes the query must hold */
  /* When varied: generated topic moved_topic (-1: none) has its deadline
   * moved_days later. Pages already generated stay as they are. */
  gint64              moved_topic;
  int                 moved_days;
  /* When >= 0: the totalResults said, instead of total */
  gint64              announced;
  /* When >= 0: generated topics from this one on are not records */
  gint64              readable;
  /* When not 0: this page is answered with page-truncated.json */
  guint               fail_page;
  GBytes             *body;         /* for HT_SERVE_BODY; freed with the server */

  guint               hits;
  GArray             *pages;        /* guint: pageNumber of each request */
  GPtrArray          *cache;        /* GBytes of generated pages, by page - 1 */
  char               *template;
  char               *topic_text;
} HtServer;

HtServer *ht_server_new       (void);
void      ht_server_free      (HtServer   *self);

/* The generated page @page (from 1), as served. */
GBytes   *ht_server_get_page  (HtServer   *self,
                               guint       page);

/* The identifier of generated topic @i (from 0), and the Brussels deadline
 * it has when the server is varied, as bandi_deadline_format_rfc3339()
 * writes it. */
char     *ht_topic_identifier (gint64      i);
char     *ht_topic_deadline   (gint64      i);

char     *ht_read_fixture     (const char *name,
                               gsize      *len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HtServer, ht_server_free)

G_END_DECLS
