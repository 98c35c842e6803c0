/* bandi-date-input.h — dates, times and deadlines as people type them
 *
 * A date is typed in the order of the user's locale (nl_langinfo (D_FMT):
 * dd/mm/yyyy in Italian, mm/dd/yy in US English), with '/', '.' or '-'
 * between its numbers, or as ISO 8601 (2027-03-15) in any locale; a
 * two-digit year is in this century. A time is hh:mm (or hh.mm), 24-hour.
 * A deadline is a date, then optionally a time, then optionally an IANA
 * zone ("15/03/2027 17:00 Europe/Brussels"): without a time it is
 * date-only (an all-day deadline); without a zone its time is in
 * @default_zone, normally the user's own (bandi_zone_local()).
 *
 * What is refused is said in words, in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bandi-deadline.h"

G_BEGIN_DECLS

#define BANDI_DATE_INPUT_ERROR (bandi_date_input_error_quark ())

typedef enum {
  BANDI_DATE_INPUT_ERROR_EMPTY,
  BANDI_DATE_INPUT_ERROR_DATE,   /* not a date, or no such day */
  BANDI_DATE_INPUT_ERROR_TIME,   /* not a time of day */
  BANDI_DATE_INPUT_ERROR_ZONE,   /* not a time zone this system knows */
  BANDI_DATE_INPUT_ERROR_EXTRA,  /* something after the zone */
} BandiDateInputError;

GQuark         bandi_date_input_error_quark   (void);

/* The locale's date format (nl_langinfo (D_FMT)), "%m/%d/%y" when it has
 * none. Only the order of %d, %m and %y (or %Y) matters here. */
const char    *bandi_date_input_locale_format (void);

/* @date_format: as bandi_date_input_locale_format(); NULL for the locale's */
gboolean       bandi_date_input_parse_date    (const char   *text,
                                               const char   *date_format,
                                               int          *out_year,
                                               int          *out_month,
                                               int          *out_day,
                                               GError      **error);
gboolean       bandi_date_input_parse_time    (const char   *text,
                                               int          *out_hour,
                                               int          *out_minute,
                                               GError      **error);
BandiDeadline *bandi_date_input_parse_deadline (const char  *text,
                                                const char  *date_format,
                                                const char  *default_zone,
                                                guint        stage,
                                                GError     **error);

/* A date as the user types it in @date_format's order, with a four-digit
 * year ("15/03/2027"); "dd/mm/yyyy" spelled in the user's language for a
 * placeholder. */
char          *bandi_date_input_format_date   (int           year,
                                               int           month,
                                               int           day,
                                               const char   *date_format);
char          *bandi_date_input_date_pattern  (const char   *date_format);
/* @deadline as bandi_date_input_parse_deadline() reads it back: the date,
 * its time, and its zone unless it is @local_zone. */
char          *bandi_date_input_format_deadline (BandiDeadline *deadline,
                                                 const char    *date_format,
                                                 const char    *local_zone);

/* A zone in words: "local time" when it is @local_zone, else "Brussels
 * time" (the place of the IANA name). */
char          *bandi_date_input_describe_zone (const char   *zone,
                                               const char   *local_zone);

G_END_DECLS
