/* bandi-interreg-date.h — deadlines written the way Interreg programmes write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

/* Reads one day–month–year date, with an optional time and zone, in
 * English, Italian, French or German: "10 July 2025, 13:00 CET",
 * "10/07/2025 ore 13:00", "1er juillet 2025 à 13h00", "10. Juli 2025
 * 13:00 Uhr", "entro le ore 12:00 del 10 giugno 2025", "7 June 2024
 * (12:00 noon CEST - Paris time)".
 *
 * The zone is the one the text names (a city, "UTC", an offset); CET,
 * CEST, MEZ and MESZ mean the wall clock of Europe/Brussels; a time with
 * no zone is in @default_zone. Without a time the deadline is date-only.
 *
 * Every word must be understood: anything else (a second date, a word that
 * is not part of a date, a two-digit year, a weekday that does not match
 * the date, zones that contradict each other) fails with
 * G_IO_ERROR_INVALID_DATA rather than being guessed. */
BandiDeadline *interreg_date_parse (const char  *text,
                                    const char  *default_zone,
                                    guint        stage,
                                    const char  *label,
                                    GError     **error);

/* Reads the date @capture (what a preset's rule captured) in its sentence,
 * @before + @capture + @after (plain text): a time next to the date, on
 * either side, with only time words, zones, weekdays, fillers and
 * punctuation between ("ore 12:00 del 15 gennaio 2024", "7 June 2024
 * (12:00 noon CEST - Paris time)", "31 October 2024 (Thursday) by noon
 * Eastern European Time"), is its time; "sino alla stessa ora del 15 aprile
 * 2024" takes the time of the date before; a date without a year ("entro
 * il 1° luglio") takes the year of another date of the sentence.
 *
 * A time stated in the sentence that cannot be placed (further away, or
 * unreadable) is never dropped in silence: the date is returned without it
 * and *@warning says "a time was stated but could not be read: “…”".
 * Fails as interreg_date_parse() does on @capture alone. */
BandiDeadline *interreg_date_parse_in_sentence (const char  *before,
                                                const char  *capture,
                                                const char  *after,
                                                const char  *default_zone,
                                                guint        stage,
                                                const char  *label,
                                                char       **warning,
                                                GError     **error);

G_END_DECLS
