/* bandi-interreg-date-words.h — the words of dates in English, Italian, French
 * and German, for the date parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TOK_NUM,      /* a = value, b = number of digits */
  TOK_ORD,      /* a = value: "1st", "1er", "10.", "1°" */
  TOK_DATE,     /* a = year, b = month, c = day */
  TOK_TIME,     /* a = hour, b = minute, c = second */
  TOK_OFFSET,   /* a = offset in minutes */
  TOK_MONTH,    /* a = month */
  TOK_WEEKDAY,  /* a = GDateWeekday */
  TOK_AMPM,     /* a = 0 for a.m., 1 for p.m. */
  TOK_AM_WORD,  /* "am": a.m. after a time, German "on" elsewhere */
  TOK_HOUR_PREFIX, /* "ore", "h" before the hour */
  TOK_HOUR_SUFFIX, /* "h", "uhr", "hrs" after the hour */
  TOK_NOON,
  TOK_MIDNIGHT,
  TOK_ZONE,     /* zone = IANA name, or one of the interreg_zone_* markers */
  TOK_FILLER,
  TOK_SEP,
  TOK_UNKNOWN,  /* not a word of dates (only when reading leniently) */
} TokType;

/* Markers compared by address: CET, CEST, MEZ, MESZ (the Brussels wall
 * clock), UTC, and "local time" (the default zone). */
extern const char interreg_zone_cet[];
extern const char interreg_zone_utc[];
extern const char interreg_zone_local[];

typedef struct {
  const char *word;
  TokType     type;
  int         value;
  const char *zone;
} Word;

/* The word @word (lower case), or NULL if it is not a word of dates. */
const Word *interreg_date_lookup_word (const char *word);

G_END_DECLS
