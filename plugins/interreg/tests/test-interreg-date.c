/* test-interreg-date.c — the multilingual deadline parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-interreg-date.h"

typedef struct {
  const char *text;
  const char *default_zone;
  const char *rfc3339;  /* NULL for a date-only deadline */
  const char *zone;
  const char *date;     /* YYYY-MM-DD of the wall clock (or of the day) */
} Case;

/* The instant (NULL: date-only), zone and day of @deadline. */
static void
assert_reading (BandiDeadline *deadline,
                const char    *expected_rfc3339,
                const char    *expected_zone,
                const char    *expected_date)
{
  g_autofree char *rfc3339 = bandi_deadline_format_rfc3339 (deadline);
  g_autofree char *date = bandi_deadline_format_date (deadline);

  g_assert_cmpstr (rfc3339, ==, expected_rfc3339);
  g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, expected_zone);
  g_assert_cmpint (bandi_deadline_has_time (deadline), ==, expected_rfc3339 != NULL);
  g_assert_cmpstr (date, ==, expected_date);
}

static void
check_cases (const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiDeadline) deadline = NULL;

      g_test_message ("“%s” (default %s)", c->text, c->default_zone);
      deadline = interreg_date_parse (c->text, c->default_zone, 2, "Closing", &error);
      g_assert_no_error (error);
      g_assert_nonnull (deadline);

      g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, 2);
      g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, "Closing");
      assert_reading (deadline, c->rfc3339, c->zone, c->date);
    }
}

#define BXL "Europe/Brussels"
#define ROME "Europe/Rome"

static void
test_english (void)
{
  static const Case cases[] = {
    { "10 July 2025, 13:00 CET", BXL, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    /* CET/CEST name the Brussels wall clock, whatever the programme's zone */
    { "10 July 2025, 13:00 CET", ROME, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    { "15 January 2026 12:00 CEST", ROME, "2026-01-15T12:00:00+01:00", BXL, "2026-01-15" },
    { "12th June 2024 at 13:00 (Brussels time)", BXL, "2024-06-12T13:00:00+02:00", BXL, "2024-06-12" },
    { "24 May 2022 by 12 noon (Brussels time)", ROME, "2022-05-24T12:00:00+02:00", BXL, "2022-05-24" },
    { "7 June 2024 (12:00 noon CEST - Paris time)", BXL, "2024-06-07T12:00:00+02:00", "Europe/Paris", "2024-06-07" },
    { "31 May 2022 at 12:00 p.m. (midday) CEST (Paris time)", BXL, "2022-05-31T12:00:00+02:00", "Europe/Paris", "2022-05-31" },
    { "9 June 2023 at 12:00 p.m (midday) CEST (Paris time)", BXL, "2023-06-09T12:00:00+02:00", "Europe/Paris", "2023-06-09" },
    { "1st March 2026", BXL, NULL, NULL, "2026-03-01" },
    { "2nd of February 2026, 5 pm", BXL, "2026-02-02T17:00:00+01:00", BXL, "2026-02-02" },
    { "Thursday, 10 July 2025", BXL, NULL, NULL, "2025-07-10" },
    { "Thu 10 Jul. 2025 13.00", ROME, "2025-07-10T13:00:00+02:00", ROME, "2025-07-10" },
    { "13 Oct. 2023", BXL, NULL, NULL, "2023-10-13" },
    { "July 10, 2025 1:30 p.m.", BXL, "2025-07-10T13:30:00+02:00", BXL, "2025-07-10" },
    { "10 July 2025 17:00 UTC", BXL, "2025-07-10T17:00:00+00:00", "UTC", "2025-07-10" },
    /* an offset fixes the instant; it is shown in the programme's zone */
    { "10 July 2025 13:00 (UTC+01:00)", BXL, "2025-07-10T14:00:00+02:00", BXL, "2025-07-10" },
    { "10 July 2025 13:00 +0200", ROME, "2025-07-10T13:00:00+02:00", ROME, "2025-07-10" },
    { "15 January 2026 13:00 CET (UTC+1)", ROME, "2026-01-15T13:00:00+01:00", BXL, "2026-01-15" },
    { "10 July 2025 13:00 Europe/Rome", BXL, "2025-07-10T13:00:00+02:00", ROME, "2025-07-10" },
    { "10 July 2025 13:00 CET/CEST", ROME, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    { "10 July 2025 13:00 local time", ROME, "2025-07-10T13:00:00+02:00", ROME, "2025-07-10" },
    { "10 July 2025, 24:00", BXL, "2025-07-11T00:00:00+02:00", BXL, "2025-07-11" },
    { "29 February 2028", BXL, NULL, NULL, "2028-02-29" },
    { "2025-07-10", BXL, NULL, NULL, "2025-07-10" },
    { "2025-07-10 13:00", BXL, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_italian (void)
{
  static const Case cases[] = {
    { "10/07/2025 ore 13:00", ROME, "2025-07-10T13:00:00+02:00", ROME, "2025-07-10" },
    { "10/06/2025, ore 12.00", ROME, "2025-06-10T12:00:00+02:00", ROME, "2025-06-10" },
    { "10 giugno 2025, ore 12:00", ROME, "2025-06-10T12:00:00+02:00", ROME, "2025-06-10" },
    { "entro le ore 12:00 del 10 giugno 2025", ROME, "2025-06-10T12:00:00+02:00", ROME, "2025-06-10" },
    { "h 12.00 del 15/01/2026", ROME, "2026-01-15T12:00:00+01:00", ROME, "2026-01-15" },
    { "15/01/2026 ore 12", ROME, "2026-01-15T12:00:00+01:00", ROME, "2026-01-15" },
    { "lunedì 12 gennaio 2026 alle 17:30", ROME, "2026-01-12T17:30:00+01:00", ROME, "2026-01-12" },
    { "1° luglio 2025", ROME, NULL, NULL, "2025-07-01" },
    { "30 settembre 2025 ore 12:00 (ora italiana)", BXL, "2025-09-30T12:00:00+02:00", ROME, "2025-09-30" },
    { "28 febbraio 2026 ore 13:00 ora di Bruxelles", ROME, "2026-02-28T13:00:00+01:00", BXL, "2026-02-28" },
    { "10 lug 2025", ROME, NULL, NULL, "2025-07-10" },
    { "30.06.2026", ROME, NULL, NULL, "2026-06-30" },
    { "mezzogiorno del 3 marzo 2026", ROME, "2026-03-03T12:00:00+01:00", ROME, "2026-03-03" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_french (void)
{
  static const Case cases[] = {
    { "10 juillet 2025", BXL, NULL, NULL, "2025-07-10" },
    { "1er juillet 2025 à 13h00", BXL, "2025-07-01T13:00:00+02:00", BXL, "2025-07-01" },
    { "le 15 octobre 2025 à 12 h (heure de Bruxelles)", ROME, "2025-10-15T12:00:00+02:00", BXL, "2025-10-15" },
    { "mardi 10 mars 2026 à 14h30", BXL, "2026-03-10T14:30:00+01:00", BXL, "2026-03-10" },
    { "5 févr. 2026, midi", BXL, "2026-02-05T12:00:00+01:00", BXL, "2026-02-05" },
    { "17 décembre 2025 avant 17 heures (heure de Paris)", BXL, "2025-12-17T17:00:00+01:00", "Europe/Paris", "2025-12-17" },
    { "31 août 2025", BXL, NULL, NULL, "2025-08-31" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_german (void)
{
  static const Case cases[] = {
    { "10. Juli 2025 13:00 Uhr", BXL, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    { "Donnerstag, 10. Juli 2025, 13 Uhr MESZ", ROME, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    { "am 10. Juli 2025 um 13:00 Uhr", BXL, "2025-07-10T13:00:00+02:00", BXL, "2025-07-10" },
    { "10. Dezember 2025, 14:00 Uhr (MEZ)", ROME, "2025-12-10T14:00:00+01:00", BXL, "2025-12-10" },
    { "5. Jänner 2026", BXL, NULL, NULL, "2026-01-05" },
    { "bis 3. März 2026, 12 Uhr mittags", BXL, "2026-03-03T12:00:00+01:00", BXL, "2026-03-03" },
    { "10.07.2025, 13:00 Uhr (Wien)", BXL, "2025-07-10T13:00:00+02:00", "Europe/Vienna", "2025-07-10" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_not_understood (void)
{
  static const char * const texts[] = {
    "",
    "TBC",
    "Summer 2025",
    "10/07/25",                              /* two-digit year */
    "31 June 2025",                          /* no such day */
    "29 February 2027",
    "10 July 2025 and 12 July 2025",         /* a range, not a deadline */
    "10 July 2025, 12 July 2025",            /* two dates */
    "from 10 July to 12 July 2025",
    "Monday 10 July 2025",                   /* 10 July 2025 is a Thursday */
    "midnight, 10 July 2025",                /* start or end of the day? */
    "10 July 2025 12 a.m.",
    "10 July 2025 13:00 pm",
    "10 July 2025 25:00",
    "10 July 2025 13:75",
    "10 July 2025 13:00 CET (UTC+1)",        /* July in Brussels is UTC+2 */
    "10 July 2025 13:00 CEST (London time)",
    "10 July 2025 13:00 UTC CET",
    "10 July 2025 13:00 Paris time Rome time",
    "10 July 2025 13:00 14:00",
    "10 July 2025 at 13:00 PST",
    "10 July 2025 13:00 Europe/Atlantis",
    "July 2025",                             /* no day */
    "10 July",                               /* no year */
    "10 Jully 2025",
    "10 July 1789",
    "deadline: 10 July 2025",                /* the rule must capture only the date */
    "10 July 2025 13:00 UTC+15",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiDeadline) deadline = NULL;

      g_test_message ("“%s”", texts[i]);
      deadline = interreg_date_parse (texts[i], BXL, 1, NULL, &error);
      g_assert_null (deadline);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("→ %s", error->message);
      /* The message quotes the text it could not read. */
      g_assert_nonnull (strstr (error->message, texts[i]));
    }
}

static void
test_long_text_is_cut_in_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("10 July 2025");
  g_autoptr(BandiDeadline) deadline = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append (text, " blah");

  deadline = interreg_date_parse (text->str, BXL, 1, NULL, &error);
  g_assert_null (deadline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "10 July 2025 blah"));
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
}

/* Deadline sentences as real programme pages write them: the rule
 * captured only the date; the rest of the sentence is around it. */
typedef struct {
  const char *before;
  const char *capture;
  const char *after;
  const char *default_zone;
  const char *rfc3339;  /* NULL for a date-only deadline */
  const char *zone;
  const char *date;
  gboolean    warns;    /* a time was stated but could not be read */
} SentenceCase;

#define HEL "Europe/Helsinki"

static void
test_sentences (void)
{
  static const SentenceCase cases[] = {
    /* Alpine Space: "CET" written in June is the local wall clock,
     * 13:00 CEST = 11:00 UTC */
    { "Step 2 closes on ", "27 June 2024", " at 13:00 CET.", BXL,
      "2024-06-27T13:00:00+02:00", BXL, "2024-06-27", FALSE },
    { "The deadline is ", "7 June 2024", " (12:00 noon CEST - Paris time).", BXL,
      "2024-06-07T12:00:00+02:00", "Europe/Paris", "2024-06-07", FALSE },
    { "Applications must be submitted by ", "24 May 2022", " by 12 noon (Brussels time).", BXL,
      "2022-05-24T12:00:00+02:00", BXL, "2022-05-24", FALSE },
    { "Deadline: ", "2 July 2021", " (14:00 CEST)", ROME,
      "2021-07-02T14:00:00+02:00", BXL, "2021-07-02", FALSE },
    { "Closure of the call: ", "12th June 2024", " at 13:00 (Brussels time)", ROME,
      "2024-06-12T13:00:00+02:00", BXL, "2024-06-12", FALSE },
    { "Deadline for step 1: ", "16 January 2025", " 12.00 noon CET", BXL,
      "2025-01-16T12:00:00+01:00", BXL, "2025-01-16", FALSE },
    { "The call closes on ", "27 October 2022", " at 13.00 (Brussels time).", BXL,
      "2022-10-27T13:00:00+02:00", BXL, "2022-10-27", FALSE },
    { "The call closes on ", "31 October 2024", " (Thursday) by noon Eastern European Time.", BXL,
      "2024-10-31T12:00:00+02:00", HEL, "2024-10-31", FALSE },
    /* a time further away is not guessed to be the date's */
    { "The call closes on ", "31 October 2024", "; applications are submitted in Jems by noon Eastern European Time", BXL,
      NULL, NULL, "2024-10-31", TRUE },
    { "The call closes on ", "31 October 2024", "; the info session is at 10:00 in Brussels.", BXL,
      NULL, NULL, "2024-10-31", TRUE },
    { "Scadenza: ", "10 giugno 2025", ", ore 12:00", ROME,
      "2025-06-10T12:00:00+02:00", ROME, "2025-06-10", FALSE },
    /* Italia–Svizzera's windows: opening and closing at the same hour */
    { "Le proposte possono essere presentate dalle ore 12:00 del ", "15 gennaio 2024",
      " sino alla stessa ora del 15 aprile 2024.", ROME,
      "2024-01-15T12:00:00+01:00", ROME, "2024-01-15", FALSE },
    { "Le proposte possono essere presentate dalle ore 12:00 del 15 gennaio 2024 sino alla stessa ora del ",
      "15 aprile 2024", ".", ROME,
      "2024-04-15T12:00:00+02:00", ROME, "2024-04-15", FALSE },
    /* a date without its year takes the year of the sentence's other date */
    { "Seconda finestra: dal 2 maggio 2024 ed entro il ", "1° luglio", " (ore 12.00).", ROME,
      "2024-07-01T12:00:00+02:00", ROME, "2024-07-01", FALSE },
    { "Le domande vanno presentate ", "sino al 19 aprile 2023, alle ore 12.00", ".", ROME,
      "2023-04-19T12:00:00+02:00", ROME, "2023-04-19", FALSE },
    { "Scadenza ", "10 luglio 2025", " alle ore 13:00", ROME,
      "2025-07-10T13:00:00+02:00", ROME, "2025-07-10", FALSE },
    { "Deadline: ", "20 January 2012", ", 2:00 PM", BXL,
      "2012-01-20T14:00:00+01:00", BXL, "2012-01-20", FALSE },
    { "Closing date ", "13 Oct. 2023", " 13:00 CET", ROME,
      "2023-10-13T13:00:00+02:00", BXL, "2023-10-13", FALSE },
    /* the rule captured the time itself */
    { "Deadline: ", "27 June 2024 at 13:00 CET", "", ROME,
      "2024-06-27T13:00:00+02:00", BXL, "2024-06-27", FALSE },
    /* date-only statements stay all-day, without a warning */
    { "The call closes on ", "10 December 2024", ".", BXL, NULL, NULL, "2024-12-10", FALSE },
    { "Closure: ", "16 Dec. 2022", "", BXL, NULL, NULL, "2022-12-16", FALSE },
    /* another date's time is that date's */
    { "Opening on 15 January 2024 at 12:00 CET, closing on ", "15 April 2024", ".", BXL,
      NULL, NULL, "2024-04-15", FALSE },
    /* a time that could belong to either date: kept, with a warning */
    { "Step 1 closes on ", "10 December 2024", " and step 2 on 16 April 2025, both at 13:00 CET.", BXL,
      NULL, NULL, "2024-12-10", TRUE },
    /* an hour in words */
    { "Scadenza: ", "30 novembre 2026", ", entro le ore dodici", ROME, NULL, NULL, "2026-11-30", TRUE },
    /* a time next to the date that contradicts its zone */
    { "Deadline: ", "10 July 2025", " 13:00 CET (UTC+1)", BXL, NULL, NULL, "2025-07-10", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SentenceCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BandiDeadline) deadline = NULL;
      g_autofree char *warning = NULL;

      g_test_message ("“%s[%s]%s” (default %s)", c->before, c->capture, c->after, c->default_zone);
      deadline = interreg_date_parse_in_sentence (c->before, c->capture, c->after, c->default_zone,
                                                  1, "Closing", &warning, &error);
      g_assert_no_error (error);
      g_assert_nonnull (deadline);

      assert_reading (deadline, c->rfc3339, c->zone, c->date);
      g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, 1);
      if (c->warns)
        {
          g_assert_nonnull (warning);
          g_assert_true (g_str_has_prefix (warning, "a time was stated but could not be read: “"));
          g_assert_nonnull (strstr (warning, c->capture));
        }
      else
        g_assert_null (warning);
    }
}

static void
test_sentence_instants (void)
{
  g_autofree char *warning = NULL;
  g_autoptr(BandiDeadline) alpine = NULL;
  g_autoptr(BandiDeadline) helsinki = NULL;

  /* 13:00 "CET" on 27 June is 11:00 UTC, never 12:00 */
  alpine = interreg_date_parse_in_sentence ("Deadline: ", "27 June 2024", " at 13:00 CET",
                                            ROME, 1, NULL, &warning, NULL);
  g_assert_cmpint (bandi_deadline_to_unix (alpine), ==, 1719486000);
  helsinki = interreg_date_parse_in_sentence ("", "31 October 2024", " by noon Eastern European Time",
                                              BXL, 1, NULL, &warning, NULL);
  g_assert_cmpint (bandi_deadline_to_unix (helsinki), ==, 1730368800);
  g_assert_null (warning);
}

static void
test_sentence_not_a_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(BandiDeadline) deadline = NULL;

  /* no year anywhere in the sentence */
  deadline = interreg_date_parse_in_sentence ("entro il ", "1° luglio", " (ore 12.00)", ROME,
                                              1, NULL, &warning, &error);
  g_assert_null (deadline);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (warning);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/interreg/date/english", test_english);
  g_test_add_func ("/interreg/date/italian", test_italian);
  g_test_add_func ("/interreg/date/french", test_french);
  g_test_add_func ("/interreg/date/german", test_german);
  g_test_add_func ("/interreg/date/not-understood", test_not_understood);
  g_test_add_func ("/interreg/date/long-text", test_long_text_is_cut_in_message);
  g_test_add_func ("/interreg/date/sentences", test_sentences);
  g_test_add_func ("/interreg/date/sentence-instants", test_sentence_instants);
  g_test_add_func ("/interreg/date/sentence-not-a-date", test_sentence_not_a_date);

  return g_test_run ();
}
