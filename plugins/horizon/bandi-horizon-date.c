/* bandi-horizon-date.c — the dates of the search API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-horizon"

#include "config.h"

#include <string.h>

#include "bandi-horizon-parser.h"
#include "bandi-horizon-values.h"

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *out = value;
  return TRUE;
}

/* "18 April 2024" or "18 Apr 2024" */
static gboolean
read_day_month_year (const char *p,
                     int        *year,
                     int        *month,
                     int        *day)
{
  char *end = NULL;
  guint64 value;
  gsize len = 0;

  value = g_ascii_strtoull (p, &end, 10);
  if (end == p || value < 1 || value > 31 || *end != ' ')
    return FALSE;
  *day = (int) value;

  p = bandi_horizon_skip_blanks (end);
  while (g_ascii_isalpha (p[len]))
    len++;
  if (len < 3)
    return FALSE;

  *month = 0;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (len <= strlen (month_names[i]) && g_ascii_strncasecmp (p, month_names[i], len) == 0)
      *month = (int) i + 1;
  if (*month == 0)
    return FALSE;

  p = bandi_horizon_skip_blanks (p + len);
  if (!read_digits (&p, 4, year))
    return FALSE;

  return *bandi_horizon_skip_blanks (p) == '\0';
}

/* The UTC offset at @p: "Z", "+02:00", "+0200", "+02" or nothing. */
static gboolean
read_offset (const char *p,
             int        *minutes)
{
  int sign, hours, mins = 0;

  *minutes = 0;
  if (*p == '\0')
    return TRUE;
  if (*p == 'Z' || *p == 'z')
    return p[1] == '\0';
  if (*p != '+' && *p != '-')
    return FALSE;

  sign = *p == '-' ? -1 : 1;
  p++;
  if (!read_digits (&p, 2, &hours) || hours > 14)
    return FALSE;
  if (*p == ':')
    p++;
  if (*p != '\0' && (!read_digits (&p, 2, &mins) || mins > 59))
    return FALSE;
  if (*p != '\0')
    return FALSE;

  *minutes = sign * (hours * 60 + mins);
  return TRUE;
}

BandiDeadline *
bandi_horizon_deadline_new (guint       stage,
                            const char *label,
                            const char *text)
{
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GDateTime) utc = NULL;
  const char *p;
  int year, month, day, hour, minute, second = 0, offset;

  if (text == NULL)
    return NULL;

  p = bandi_horizon_skip_blanks (text);
  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day))
    {
      if (read_day_month_year (bandi_horizon_skip_blanks (text), &year, &month, &day))
        return bandi_deadline_new_date (stage, label, year, month, day);
      return NULL;
    }

  if (*bandi_horizon_skip_blanks (p) == '\0')
    return bandi_deadline_new_date (stage, label, year, month, day);

  if (*p != 'T' && *p != ' ')
    return NULL;
  p++;
  if (!read_digits (&p, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, &minute))
    return NULL;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &second))
        return NULL;
      if (*p == '.' || *p == ',')
        {
          do
            p++;
          while (g_ascii_isdigit (*p));
        }
    }
  if (!read_offset (p, &offset) || hour > 23 || minute > 59 || second > 59)
    return NULL;

  /* The instant as written, then its UTC wall clock: that is Brussels time. */
  written = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (written == NULL)
    return NULL;
  utc = g_date_time_add_minutes (written, -offset);

  return bandi_deadline_new_local (stage, label,
                                   g_date_time_get_year (utc),
                                   g_date_time_get_month (utc),
                                   g_date_time_get_day_of_month (utc),
                                   g_date_time_get_hour (utc),
                                   g_date_time_get_minute (utc),
                                   g_date_time_get_second (utc),
                                   BANDI_HORIZON_ZONE);
}
