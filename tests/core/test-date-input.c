/* test-date-input.c — dates, times and deadlines as people type them, in
 * English and Italian orders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bandi-date-input.h"

#define ITALIAN "%d/%m/%Y"   /* it_IT's D_FMT */
#define ENGLISH "%m/%d/%y"   /* en_US's and C's */

typedef struct {
  const char *format;
  const char *text;
  int         year, month, day;   /* 0: refused */
  int         hour, minute;       /* -1: date-only */
  const char *zone;
  BandiDateInputError code;       /* when refused */
  const char *message_part;       /* when refused */
} Case;

static const Case cases[] = {
  { ITALIAN, "20/01/2027", 2027, 1, 20, -1, -1, NULL, 0, NULL },
  { ITALIAN, "20/1/27", 2027, 1, 20, -1, -1, NULL, 0, NULL },
  { ITALIAN, " 5.3.2027 ", 2027, 3, 5, -1, -1, NULL, 0, NULL },
  { ITALIAN, "20-01-2027 17:00", 2027, 1, 20, 17, 0, "Europe/Rome", 0, NULL },
  { ITALIAN, "20/01/2027 9.30", 2027, 1, 20, 9, 30, "Europe/Rome", 0, NULL },
  { ITALIAN, "2027-03-15", 2027, 3, 15, -1, -1, NULL, 0, NULL },
  { ITALIAN, "2027-03-15 17:00 Europe/Brussels", 2027, 3, 15, 17, 0, "Europe/Brussels", 0, NULL },
  { ITALIAN, "2027-03-15T13:00", 2027, 3, 15, 13, 0, "Europe/Rome", 0, NULL },
  { ITALIAN, "15/03/2027 12:00 America/Toronto", 2027, 3, 15, 12, 0, "America/Toronto", 0, NULL },
  { ENGLISH, "01/20/2027", 2027, 1, 20, -1, -1, NULL, 0, NULL },
  { ENGLISH, "3/15/27 17:00", 2027, 3, 15, 17, 0, "Europe/Rome", 0, NULL },
  { ENGLISH, "2027-03-15 08:05", 2027, 3, 15, 8, 5, "Europe/Rome", 0, NULL },

  { ITALIAN, "", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_EMPTY, "Type a date" },
  { ITALIAN, "01/20/2027", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "there is no month 20" },
  { ENGLISH, "20/01/2027", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "there is no month 20" },
  { ITALIAN, "30/02/2027", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "that month has 28 days" },
  { ITALIAN, "29/02/2028", 2028, 2, 29, -1, -1, NULL, 0, NULL },
  { ITALIAN, "tomorrow", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "type it as dd/mm/yyyy, e.g. 15/03/2027" },
  { ENGLISH, "2027/3", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "type it as mm/dd/yyyy, e.g. 03/15/2027" },
  { ITALIAN, "20/01/202", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "not a date" },
  { ITALIAN, "20/01/1850", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_DATE, "year 1850" },
  { ITALIAN, "20/01/2027 25:00", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_TIME, "hours go from 0 to 23" },
  { ITALIAN, "20/01/2027 17:60", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_TIME, "minutes go from 0 to 59" },
  { ITALIAN, "20/01/2027 5pm", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_TIME, "type it as hh:mm" },
  { ITALIAN, "20/01/2027 17:00 Mars/Olympus", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_ZONE, "“Mars/Olympus” is not a time zone" },
  { ITALIAN, "20/01/2027 17:00 CET", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_ZONE, "Europe/Rome" },
  { ITALIAN, "20/01/2027 17:00 Europe/Rome ok", 0, 0, 0, 0, 0, NULL, BANDI_DATE_INPUT_ERROR_EXTRA, "nothing more" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(BandiDeadline) deadline = NULL;
      g_autoptr(GError) error = NULL;
      int year, month, day;

      g_test_message ("%s: “%s”", c->format, c->text);
      deadline = bandi_date_input_parse_deadline (c->text, c->format, "Europe/Rome", 2, &error);

      if (c->year == 0)
        {
          g_assert_null (deadline);
          g_assert_error (error, BANDI_DATE_INPUT_ERROR, (int) c->code);
          g_assert_nonnull (strstr (error->message, c->message_part));
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (deadline);
      g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, 2);
      bandi_deadline_get_date (deadline, &year, &month, &day);
      g_assert_cmpint (year, ==, c->year);
      g_assert_cmpint (month, ==, c->month);
      g_assert_cmpint (day, ==, c->day);
      g_assert_cmpint (bandi_deadline_has_time (deadline), ==, c->hour >= 0);
      g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, c->zone);
      if (c->hour >= 0)
        {
          g_autoptr(GDateTime) own = bandi_deadline_dup_local (deadline);

          g_assert_cmpint (g_date_time_get_hour (own), ==, c->hour);
          g_assert_cmpint (g_date_time_get_minute (own), ==, c->minute);
        }
    }
}

/* What the entry shows reads back to the same deadline. */
static void
test_round_trip (void)
{
  const char *formats[] = { ITALIAN, ENGLISH, "%Y-%m-%d" };
  const char *expected[] = {
    "15/03/2027", "15/03/2027 17:00", "15/03/2027 13:00 Europe/Brussels",
    "03/15/2027", "03/15/2027 17:00", "03/15/2027 13:00 Europe/Brussels",
    "2027-03-15", "2027-03-15 17:00", "2027-03-15 13:00 Europe/Brussels",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(BandiDeadline) day = bandi_deadline_new_date (1, NULL, 2027, 3, 15);
      g_autoptr(BandiDeadline) local = bandi_deadline_new_local (1, NULL, 2027, 3, 15, 17, 0, 0, "Europe/Rome");
      g_autoptr(BandiDeadline) other = bandi_deadline_new_local (1, NULL, 2027, 3, 15, 13, 0, 0, "Europe/Brussels");
      BandiDeadline *all[] = { day, local, other };

      for (guint j = 0; j < G_N_ELEMENTS (all); j++)
        {
          g_autofree char *text = bandi_date_input_format_deadline (all[j], formats[i], "Europe/Rome");
          g_autoptr(BandiDeadline) back = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_cmpstr (text, ==, expected[i * 3 + j]);
          back = bandi_date_input_parse_deadline (text, formats[i], "Europe/Rome", 1, &error);
          g_assert_no_error (error);
          g_assert_true (bandi_deadline_equal (back, all[j]));
        }
    }
}

static void
test_describe_zone (void)
{
  g_autofree char *local = bandi_date_input_describe_zone ("Europe/Rome", "Europe/Rome");
  g_autofree char *brussels = bandi_date_input_describe_zone ("Europe/Brussels", "Europe/Rome");
  g_autofree char *ny = bandi_date_input_describe_zone ("America/New_York", "Europe/Rome");
  g_autofree char *pattern = bandi_date_input_date_pattern (ITALIAN);

  g_assert_cmpstr (local, ==, "local time");
  g_assert_cmpstr (brussels, ==, "Brussels time");
  g_assert_cmpstr (ny, ==, "New York time");
  g_assert_cmpstr (pattern, ==, "dd/mm/yyyy");
}

/* With no format given, the locale's order is used: Italian reads
 * 20/01/2027 as 20 January, C (US English) refuses it. */
static void
test_locale_order (void)
{
  g_autoptr(GError) error = NULL;
  int year, month, day;

  if (setlocale (LC_TIME, "it_IT.UTF-8") == NULL)
    {
      g_test_skip ("it_IT.UTF-8 is not installed");
      return;
    }
  g_assert_true (bandi_date_input_parse_date ("20/01/2027", NULL, &year, &month, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (day, ==, 20);

  g_assert_nonnull (setlocale (LC_TIME, "C"));
  g_assert_false (bandi_date_input_parse_date ("20/01/2027", NULL, &year, &month, &day, &error));
  g_assert_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_DATE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-input/table", test_table);
  g_test_add_func ("/date-input/round-trip", test_round_trip);
  g_test_add_func ("/date-input/describe-zone", test_describe_zone);
  g_test_add_func ("/date-input/locale-order", test_locale_order);

  return g_test_run ();
}
