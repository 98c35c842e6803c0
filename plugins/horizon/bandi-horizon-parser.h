/* bandi-horizon-parser.h — reads the Funding & Tenders Portal's search API
 *
 * Plain functions over the bytes of an answer, so that they can be tested
 * without HTTP. The API's request, fields, codes and date rule they rely on
 * are described in docs/sources.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

/* The Portal's topic deadlines are Brussels wall-clock times. */
#define BANDI_HORIZON_ZONE "Europe/Brussels"

/* Status codes of the search API */
#define BANDI_HORIZON_STATUS_FORTHCOMING "31094501"
#define BANDI_HORIZON_STATUS_OPEN        "31094502"
#define BANDI_HORIZON_STATUS_CLOSED      "31094503"

#define BANDI_HORIZON_TOPIC_URL \
  "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"

/* The programme's name for a frameworkProgramme code, or NULL if unknown. */
const char    *bandi_horizon_programme_name   (const char  *code);
/* The Horizon Europe part of a topic identifier ("CL5" for
 * HORIZON-CL5-2024-D2-01-03), or NULL. */
char          *bandi_horizon_programme_part   (const char  *identifier);

/* A date of the API ("2024-04-18T19:00:00.000+0200", with or without a
 * colon in the offset, with or without milliseconds, "Z" or no offset) as
 * the Brussels wall-clock time it stands for: the API writes that wall
 * clock as if it were UTC, so the instant's UTC reading is the Brussels
 * time (18 April 2024, 17:00). A plain date ("2024-04-18", "18 April 2024")
 * gives a date-only deadline. NULL if @text cannot be read. */
BandiDeadline *bandi_horizon_deadline_new     (guint        stage,
                                               const char  *label,
                                               const char  *text);

typedef struct _BandiHorizonCollector BandiHorizonCollector;

/* Collects the topics of successive pages, one call per topic identifier:
 * a topic repeated under another data source or language is kept once, the
 * copy from the "SEDIA" data source in English preferred. @now_unix decides
 * which deadlines have passed. */
BandiHorizonCollector *bandi_horizon_collector_new        (const char            *source_id,
                                                          gint64                 now_unix);
void                   bandi_horizon_collector_free       (BandiHorizonCollector *self);

/* Reads one page. Returns FALSE, adding nothing, if @body is not a page of
 * the search API; the error says what is missing (a message for the user).
 * Records that cannot be used are skipped, with a line in @warnings
 * (element-type utf8, owned by the array). */
gboolean               bandi_horizon_collector_add_page   (BandiHorizonCollector *self,
                                                          GBytes                *body,
                                                          gint64                *out_total_results,
                                                          guint                 *out_n_results,
                                                          GPtrArray             *warnings,
                                                          GError               **error);
guint                  bandi_horizon_collector_get_n_calls (BandiHorizonCollector *self);
/* The results read so far, and how many of them were skipped as unreadable */
void                   bandi_horizon_collector_get_counts (BandiHorizonCollector *self,
                                                           guint                 *out_n_records,
                                                           guint                 *out_n_skipped);
/* The first instant after now_unix at which a status read from the dates
 * of the topics collected so far would change (G_MAXINT64 if never): until
 * then, the same pages give the same calls. */
gint64                 bandi_horizon_collector_get_next_change (BandiHorizonCollector *self);
/* Returns: (transfer full) (element-type BandiCall): the calls, in the order
 * first seen; the collector is empty afterwards. */
GPtrArray             *bandi_horizon_collector_steal_calls (BandiHorizonCollector *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiHorizonCollector, bandi_horizon_collector_free)

G_END_DECLS
