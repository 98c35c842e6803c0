/* bandi-ical-text.h — RFC 5545 content lines (private to bandi-ical-export.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @line (@len octets, without line break) as a content line folded
 * at 75 octets, never splitting a UTF-8 character or an escape ("\;"). */
void  bandi_ical_text_append_folded  (GString    *out,
                                      const char *line,
                                      gsize       len);
/* Appends @text as a TEXT value: invalid UTF-8 repaired, \ ; , and newlines
 * escaped, other control characters dropped. */
void  bandi_ical_text_append_escaped (GString    *out,
                                      const char *text);
/* Appends the line NAME:TEXT, @text escaped; @scratch is working space. */
void  bandi_ical_text_append_text    (GString    *out,
                                      GString    *scratch,
                                      const char *name,
                                      const char *text);
/* Formats @unix_time as a UTC DATE-TIME, "20240418T150000Z". */
void  bandi_ical_text_format_utc     (char        buffer[17],
                                      gint64      unix_time);
/* Whether libical can build a VTIMEZONE for @zone. */
gboolean bandi_ical_text_zone_is_known (const char *zone);
/* The VTIMEZONE of @zone, with TZID @zone, covering @first_year on; NULL
 * when libical does not know the zone. */
char *bandi_ical_text_build_vtimezone (const char *zone,
                                       int         first_year);

G_END_DECLS
