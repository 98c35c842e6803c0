/* bandi-interreg-date-words.c — the words of dates in English, Italian, French
 * and German: months, weekdays, zones, time words and the connecting
 * words the parser may skip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include "bandi-interreg-date-words.h"

/* Markers compared by address: CET, CEST, MEZ, MESZ (the Brussels wall
 * clock), UTC, and "local time" (the default zone). */
const char interreg_zone_cet[] = "CET";
const char interreg_zone_utc[] = "UTC";
const char interreg_zone_local[] = "local";

static const Word words[] = {
  /* English months */
  { "january", TOK_MONTH, 1 }, { "february", TOK_MONTH, 2 }, { "march", TOK_MONTH, 3 },
  { "april", TOK_MONTH, 4 }, { "may", TOK_MONTH, 5 }, { "june", TOK_MONTH, 6 },
  { "july", TOK_MONTH, 7 }, { "august", TOK_MONTH, 8 }, { "september", TOK_MONTH, 9 },
  { "october", TOK_MONTH, 10 }, { "november", TOK_MONTH, 11 }, { "december", TOK_MONTH, 12 },
  { "jan", TOK_MONTH, 1 }, { "feb", TOK_MONTH, 2 }, { "mar", TOK_MONTH, 3 },
  { "apr", TOK_MONTH, 4 }, { "jun", TOK_MONTH, 6 }, { "jul", TOK_MONTH, 7 },
  { "aug", TOK_MONTH, 8 }, { "sep", TOK_MONTH, 9 }, { "sept", TOK_MONTH, 9 },
  { "oct", TOK_MONTH, 10 }, { "nov", TOK_MONTH, 11 }, { "dec", TOK_MONTH, 12 },
  /* Italian */
  { "gennaio", TOK_MONTH, 1 }, { "febbraio", TOK_MONTH, 2 }, { "marzo", TOK_MONTH, 3 },
  { "aprile", TOK_MONTH, 4 }, { "maggio", TOK_MONTH, 5 }, { "giugno", TOK_MONTH, 6 },
  { "luglio", TOK_MONTH, 7 }, { "agosto", TOK_MONTH, 8 }, { "settembre", TOK_MONTH, 9 },
  { "ottobre", TOK_MONTH, 10 }, { "novembre", TOK_MONTH, 11 }, { "dicembre", TOK_MONTH, 12 },
  { "gen", TOK_MONTH, 1 }, { "mag", TOK_MONTH, 5 }, { "giu", TOK_MONTH, 6 },
  { "lug", TOK_MONTH, 7 }, { "ago", TOK_MONTH, 8 }, { "set", TOK_MONTH, 9 },
  { "ott", TOK_MONTH, 10 }, { "dic", TOK_MONTH, 12 },
  /* French */
  { "janvier", TOK_MONTH, 1 }, { "février", TOK_MONTH, 2 }, { "fevrier", TOK_MONTH, 2 },
  { "mars", TOK_MONTH, 3 }, { "avril", TOK_MONTH, 4 }, { "mai", TOK_MONTH, 5 },
  { "juin", TOK_MONTH, 6 }, { "juillet", TOK_MONTH, 7 }, { "août", TOK_MONTH, 8 },
  { "aout", TOK_MONTH, 8 }, { "septembre", TOK_MONTH, 9 }, { "octobre", TOK_MONTH, 10 },
  { "décembre", TOK_MONTH, 12 }, { "decembre", TOK_MONTH, 12 },
  { "janv", TOK_MONTH, 1 }, { "févr", TOK_MONTH, 2 }, { "fevr", TOK_MONTH, 2 },
  { "avr", TOK_MONTH, 4 }, { "juil", TOK_MONTH, 7 }, { "déc", TOK_MONTH, 12 },
  /* German */
  { "januar", TOK_MONTH, 1 }, { "jänner", TOK_MONTH, 1 }, { "februar", TOK_MONTH, 2 },
  { "feber", TOK_MONTH, 2 }, { "märz", TOK_MONTH, 3 }, { "maerz", TOK_MONTH, 3 },
  { "juni", TOK_MONTH, 6 }, { "juli", TOK_MONTH, 7 }, { "oktober", TOK_MONTH, 10 },
  { "dezember", TOK_MONTH, 12 }, { "jän", TOK_MONTH, 1 }, { "mär", TOK_MONTH, 3 },
  { "mrz", TOK_MONTH, 3 }, { "okt", TOK_MONTH, 10 }, { "dez", TOK_MONTH, 12 },

  /* Weekdays */
  { "monday", TOK_WEEKDAY, G_DATE_MONDAY }, { "tuesday", TOK_WEEKDAY, G_DATE_TUESDAY },
  { "wednesday", TOK_WEEKDAY, G_DATE_WEDNESDAY }, { "thursday", TOK_WEEKDAY, G_DATE_THURSDAY },
  { "friday", TOK_WEEKDAY, G_DATE_FRIDAY }, { "saturday", TOK_WEEKDAY, G_DATE_SATURDAY },
  { "sunday", TOK_WEEKDAY, G_DATE_SUNDAY },
  { "mon", TOK_WEEKDAY, G_DATE_MONDAY }, { "tue", TOK_WEEKDAY, G_DATE_TUESDAY },
  { "tues", TOK_WEEKDAY, G_DATE_TUESDAY }, { "wed", TOK_WEEKDAY, G_DATE_WEDNESDAY },
  { "thu", TOK_WEEKDAY, G_DATE_THURSDAY }, { "thur", TOK_WEEKDAY, G_DATE_THURSDAY },
  { "thurs", TOK_WEEKDAY, G_DATE_THURSDAY }, { "fri", TOK_WEEKDAY, G_DATE_FRIDAY },
  { "sat", TOK_WEEKDAY, G_DATE_SATURDAY }, { "sun", TOK_WEEKDAY, G_DATE_SUNDAY },
  { "lunedì", TOK_WEEKDAY, G_DATE_MONDAY }, { "lunedi", TOK_WEEKDAY, G_DATE_MONDAY },
  { "martedì", TOK_WEEKDAY, G_DATE_TUESDAY }, { "martedi", TOK_WEEKDAY, G_DATE_TUESDAY },
  { "mercoledì", TOK_WEEKDAY, G_DATE_WEDNESDAY }, { "mercoledi", TOK_WEEKDAY, G_DATE_WEDNESDAY },
  { "giovedì", TOK_WEEKDAY, G_DATE_THURSDAY }, { "giovedi", TOK_WEEKDAY, G_DATE_THURSDAY },
  { "venerdì", TOK_WEEKDAY, G_DATE_FRIDAY }, { "venerdi", TOK_WEEKDAY, G_DATE_FRIDAY },
  { "sabato", TOK_WEEKDAY, G_DATE_SATURDAY }, { "domenica", TOK_WEEKDAY, G_DATE_SUNDAY },
  { "lundi", TOK_WEEKDAY, G_DATE_MONDAY }, { "mardi", TOK_WEEKDAY, G_DATE_TUESDAY },
  { "mercredi", TOK_WEEKDAY, G_DATE_WEDNESDAY }, { "jeudi", TOK_WEEKDAY, G_DATE_THURSDAY },
  { "vendredi", TOK_WEEKDAY, G_DATE_FRIDAY }, { "samedi", TOK_WEEKDAY, G_DATE_SATURDAY },
  { "dimanche", TOK_WEEKDAY, G_DATE_SUNDAY },
  { "montag", TOK_WEEKDAY, G_DATE_MONDAY }, { "dienstag", TOK_WEEKDAY, G_DATE_TUESDAY },
  { "mittwoch", TOK_WEEKDAY, G_DATE_WEDNESDAY }, { "donnerstag", TOK_WEEKDAY, G_DATE_THURSDAY },
  { "freitag", TOK_WEEKDAY, G_DATE_FRIDAY }, { "samstag", TOK_WEEKDAY, G_DATE_SATURDAY },
  { "sonnabend", TOK_WEEKDAY, G_DATE_SATURDAY }, { "sonntag", TOK_WEEKDAY, G_DATE_SUNDAY },

  /* Time words */
  { "am", TOK_AM_WORD, 0 }, { "pm", TOK_AMPM, 1 },
  { "ore", TOK_HOUR_PREFIX }, { "h", TOK_HOUR_SUFFIX }, { "hrs", TOK_HOUR_SUFFIX },
  { "hr", TOK_HOUR_SUFFIX }, { "hours", TOK_HOUR_SUFFIX }, { "uhr", TOK_HOUR_SUFFIX },
  { "heures", TOK_HOUR_SUFFIX },
  { "noon", TOK_NOON }, { "midday", TOK_NOON }, { "mezzogiorno", TOK_NOON },
  { "midi", TOK_NOON }, { "mittag", TOK_NOON }, { "mittags", TOK_NOON },
  { "midnight", TOK_MIDNIGHT }, { "mezzanotte", TOK_MIDNIGHT },
  { "minuit", TOK_MIDNIGHT }, { "mitternacht", TOK_MIDNIGHT },

  /* Zones */
  { "cet", TOK_ZONE, 0, interreg_zone_cet }, { "cest", TOK_ZONE, 0, interreg_zone_cet },
  { "mez", TOK_ZONE, 0, interreg_zone_cet }, { "mesz", TOK_ZONE, 0, interreg_zone_cet },
  { "central", TOK_ZONE, 0, interreg_zone_cet }, { "european", TOK_ZONE, 0, interreg_zone_cet },
  { "summer", TOK_ZONE, 0, interreg_zone_cet },
  { "eet", TOK_ZONE, 0, "Europe/Helsinki" }, { "eest", TOK_ZONE, 0, "Europe/Helsinki" },
  { "helsinki", TOK_ZONE, 0, "Europe/Helsinki" },
  { "utc", TOK_ZONE, 0, interreg_zone_utc }, { "gmt", TOK_ZONE, 0, interreg_zone_utc },
  { "local", TOK_ZONE, 0, interreg_zone_local }, { "locale", TOK_ZONE, 0, interreg_zone_local },
  { "lokal", TOK_ZONE, 0, interreg_zone_local }, { "ortszeit", TOK_ZONE, 0, interreg_zone_local },
  { "brussels", TOK_ZONE, 0, "Europe/Brussels" }, { "bruxelles", TOK_ZONE, 0, "Europe/Brussels" },
  { "brüssel", TOK_ZONE, 0, "Europe/Brussels" }, { "brussel", TOK_ZONE, 0, "Europe/Brussels" },
  { "brüsseler", TOK_ZONE, 0, "Europe/Brussels" },
  { "paris", TOK_ZONE, 0, "Europe/Paris" },
  { "rome", TOK_ZONE, 0, "Europe/Rome" }, { "roma", TOK_ZONE, 0, "Europe/Rome" },
  { "italian", TOK_ZONE, 0, "Europe/Rome" }, { "italiana", TOK_ZONE, 0, "Europe/Rome" },
  { "italienne", TOK_ZONE, 0, "Europe/Rome" },
  { "vienna", TOK_ZONE, 0, "Europe/Vienna" }, { "wien", TOK_ZONE, 0, "Europe/Vienna" },
  { "vienne", TOK_ZONE, 0, "Europe/Vienna" }, { "berlin", TOK_ZONE, 0, "Europe/Berlin" },
  { "london", TOK_ZONE, 0, "Europe/London" },
  { "luxembourg", TOK_ZONE, 0, "Europe/Luxembourg" },
  { "luxemburg", TOK_ZONE, 0, "Europe/Luxembourg" },
  { "zurich", TOK_ZONE, 0, "Europe/Zurich" }, { "zürich", TOK_ZONE, 0, "Europe/Zurich" },
  { "bern", TOK_ZONE, 0, "Europe/Zurich" }, { "berne", TOK_ZONE, 0, "Europe/Zurich" },

  /* Connecting words */
  { "at", TOK_FILLER }, { "by", TOK_FILLER }, { "on", TOK_FILLER }, { "the", TOK_FILLER },
  { "of", TOK_FILLER }, { "until", TOK_FILLER }, { "till", TOK_FILLER },
  { "before", TOK_FILLER }, { "time", TOK_FILLER },
  { "alle", TOK_FILLER }, { "entro", TOK_FILLER }, { "sino", TOK_FILLER }, { "fino", TOK_FILLER },
  { "al", TOK_FILLER }, { "dal", TOK_FILLER }, { "dalle", TOK_FILLER }, { "le", TOK_FILLER }, { "il", TOK_FILLER },
  { "del", TOK_FILLER }, { "della", TOK_FILLER }, { "dell", TOK_FILLER }, { "di", TOK_FILLER },
  { "giorno", TOK_FILLER }, { "ora", TOK_FILLER }, { "l", TOK_FILLER },
  { "à", TOK_FILLER }, { "a", TOK_FILLER }, { "la", TOK_FILLER }, { "du", TOK_FILLER },
  { "de", TOK_FILLER }, { "des", TOK_FILLER }, { "d", TOK_FILLER }, { "heure", TOK_FILLER },
  { "avant", TOK_FILLER }, { "jusqu", TOK_FILLER }, { "au", TOK_FILLER },
  { "um", TOK_FILLER }, { "bis", TOK_FILLER }, { "zum", TOK_FILLER }, { "den", TOK_FILLER },
  { "zeit", TOK_FILLER }, { "spätestens", TOK_FILLER },
};

const Word *
interreg_date_lookup_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].word, word) == 0)
      return &words[i];

  return NULL;
}
