/* bandi-export-text.h — text shared by the calendar export and the digest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-call.h"
#include "bandi-deadline.h"

G_BEGIN_DECLS

/* The zone the digest shows deadlines in: the clusters are in Lombardy. */
#define BANDI_EXPORT_ZONE "Europe/Rome"

/* "€ 12,000,000" with the locale's grouping; NULL when @euros < 0 (not
 * given). */
char *bandi_export_text_money      (double         euros);

/* An http or https URI fit to be written into a calendar, an HTML href or a
 * Markdown link: spaces, quotes, angle brackets, control and non-ASCII
 * bytes percent-encoded. NULL for any other scheme or for text that is not
 * a URI. */
char *bandi_export_text_web_uri    (const char    *uri);

/* The deadline as people read it, in @zone ("18 April 2024, 17:00 CEST");
 * a date-only deadline is just its date. */
char *bandi_export_text_deadline   (BandiDeadline *deadline,
                                    const char    *zone);

/* The deadline's label, else "stage N"; NULL when @call has only this one
 * deadline (nothing to tell apart). */
char *bandi_export_text_stage      (BandiCall     *call,
                                    BandiDeadline *deadline);

/* The identifier people know the call by: its external id, else its call
 * id, else its title. */
const char *bandi_export_text_call_identifier (BandiCall *call);

/* Remote text on one line: runs of white space (newlines included) become
 * one space, control characters go, invalid UTF-8 is repaired. */
char *bandi_export_text_one_line   (const char    *text);

G_END_DECLS
