/* bandi-horizon-pages.h — the pages of one answer of the search API
 *
 * Reads the pages of one query in order: when to ask for another, and the
 * calls they hold. It also recognises an answer read before: the "answer"
 * it describes is the checksum of every page (with this parser's version),
 * and while each page is byte for byte the same page of the previous
 * answer, reading it is put off. If every page is the same, the calls the
 * store holds stand (nothing is read); at the first page that differs,
 * the pages put off are read, in order, and the rest as they come — so the
 * calls are always those that reading every page would give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-horizon-parser.h"

G_BEGIN_DECLS

#define BANDI_HORIZON_PAGE_SIZE     100
/* The most results the API serves for one query */
#define BANDI_HORIZON_RESULT_WINDOW 10000

typedef struct _BandiHorizonPages BandiHorizonPages;

/* @previous: the answer the stored calls came from (see
 * bandi_horizon_pages_dup_answer()), or NULL. @window: the most results
 * the query can give (BANDI_HORIZON_RESULT_WINDOW for the API). */
BandiHorizonPages *bandi_horizon_pages_new          (const char         *source_id,
                                                     gint64              now_unix,
                                                     const char         *previous,
                                                     guint               window);
void               bandi_horizon_pages_free         (BandiHorizonPages  *self);

/* Takes the next page (the first is page 1). Sets *@out_done when no
 * further page is to be asked for. Returns FALSE if a page is not a page of
 * search results; *@out_page says which (a page put off can be read
 * later). Warnings are added to @warnings (element-type utf8), each
 * naming its page. */
gboolean           bandi_horizon_pages_add          (BandiHorizonPages  *self,
                                                     GBytes             *body,
                                                     gboolean           *out_done,
                                                     guint              *out_page,
                                                     GPtrArray          *warnings,
                                                     GError            **error);
/* The pages the answer has, as far as known (0 if not known yet) */
guint              bandi_horizon_pages_get_expected (BandiHorizonPages  *self);
/* Once done: whether the answer is the previous one, page for page. */
gboolean           bandi_horizon_pages_is_previous  (BandiHorizonPages  *self);
/* Once done: totalResults, as the last page read said (-1 if unknown or
 * nothing was read). */
gint64             bandi_horizon_pages_get_total    (BandiHorizonPages  *self);
/* Once done, if not the previous answer: the results read, and how many
 * of them were skipped as unreadable. */
void               bandi_horizon_pages_get_counts   (BandiHorizonPages  *self,
                                                     guint              *out_n_records,
                                                     guint              *out_n_skipped);
/* Once done, if not the previous answer: the answer, and until when its
 * pages give the same calls. */
char              *bandi_horizon_pages_dup_answer   (BandiHorizonPages  *self,
                                                     gint64             *out_valid_until);
/* Returns: (transfer full) (element-type BandiCall): the calls read */
GPtrArray         *bandi_horizon_pages_steal_calls  (BandiHorizonPages  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiHorizonPages, bandi_horizon_pages_free)

G_END_DECLS
