/* bandi-lombardia-page.h — a call's page on Bandi Online
 *
 * The dataset gives closing dates only. The exact closing time, any
 * extension ("proroga") and the call's state are on the call's page on
 * www.bandi.regione.lombardia.it: a hidden input
 *   <input type="hidden" class="checkCloseDate" value="2026-09-07 12:00" />
 * the line "Scade il: 07/09/2026, ore 12:00", and a status chip reading
 * "Aperto", "Chiuso" or "In apertura". Times are Europe/Rome.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-lombardia-dataset.h"

G_BEGIN_DECLS

/* What a call's page says. */
typedef struct {
  BandiCallStatus status;   /* from the status chip; UNKNOWN without one */
  gboolean        has_date; /* a closing date was found */
  int             year, month, day;
  gboolean        has_time; /* ... with a time of day */
  int             hour, minute;
} BandiLombardiaPage;

/* Reads the closing date and time (the checkCloseDate input first, the
 * "Scade il" line second) and the status. Fails with
 * BANDI_SOURCE_ERROR_NOT_FOUND when the portal answered with its error page
 * or when the page holds neither a closing date nor a status. */
gboolean bandi_lombardia_parse_page  (const char               *html,
                                      gsize                     length,
                                      BandiLombardiaPage       *page,
                                      GError                  **error);

typedef enum {
  BANDI_LOMBARDIA_DATES_AGREE,     /* page and dataset agree, or only one has a date */
  BANDI_LOMBARDIA_DATES_EXTENDED,  /* the page's date is later: a proroga */
  BANDI_LOMBARDIA_DATES_EARLIER,   /* the page's date is earlier than the dataset's */
} BandiLombardiaDates;

/* Sets @call's deadline and status from its dataset @row and, when it was
 * read, its @page (nullable). The page's date wins over the dataset's and,
 * with a time, makes the deadline timed in Europe/Rome; without any date
 * the call has no deadline (open until funds run out). @now_unix decides
 * what is past. */
BandiLombardiaDates bandi_lombardia_apply_dates (BandiCall                *call,
                                                 const BandiLombardiaRow  *row,
                                                 const BandiLombardiaPage *page,
                                                 gint64                    now_unix);

G_END_DECLS
