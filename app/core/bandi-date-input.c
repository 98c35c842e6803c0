/* bandi-date-input.c — dates, times and deadlines as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-date-input"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-date-input.h"
#include "bandi-zone.h"

G_DEFINE_QUARK (bandi-date-input-error-quark, bandi_date_input_error)

enum { PART_DAY, PART_MONTH, PART_YEAR };

const char *
bandi_date_input_locale_format (void)
{
  const char *format = nl_langinfo (D_FMT);

  return format != NULL && *format != '\0' ? format : "%m/%d/%y";
}

/* The order of day, month and year in @format, and the character that
 * separates them ('/' when the format says none). */
static void
read_format (const char *format,
             int         order[3],
             char       *out_separator)
{
  static const int us[3] = { PART_MONTH, PART_DAY, PART_YEAR };
  int n = 0;

  *out_separator = '/';
  for (const char *p = format; p != NULL && *p != '\0' && n < 3; p++)
    {
      if (*p != '%')
        {
          if (n > 0 && (*p == '/' || *p == '.' || *p == '-'))
            *out_separator = *p;
          continue;
        }
      p++;
      while (*p == 'E' || *p == 'O' || *p == '-' || *p == '_' || *p == '0' || *p == '^' || *p == '#')
        p++;
      switch (*p)
        {
        case 'd': case 'e':
          order[n++] = PART_DAY;
          break;
        case 'm':
          order[n++] = PART_MONTH;
          break;
        case 'y': case 'Y':
          order[n++] = PART_YEAR;
          break;
        case 'D':
          memcpy (order, us, sizeof us);
          n = 3;
          break;
        case 'F':
          order[0] = PART_YEAR, order[1] = PART_MONTH, order[2] = PART_DAY;
          *out_separator = '-';
          n = 3;
          break;
        case '\0':
          p--;
          break;
        default:
          break;
        }
    }

  if (n < 3 || order[0] == order[1] || order[1] == order[2] || order[0] == order[2])
    memcpy (order, us, sizeof us);
}

char *
bandi_date_input_format_date (int         year,
                              int         month,
                              int         day,
                              const char *date_format)
{
  int order[3];
  int values[3] = { day, month, year };
  char sep;

  read_format (date_format ? date_format : bandi_date_input_locale_format (), order, &sep);
  return g_strdup_printf (order[0] == PART_YEAR ? "%04d%c%02d%c%02d" :
                          order[2] == PART_YEAR ? "%02d%c%02d%c%04d" : "%02d%c%04d%c%02d",
                          values[order[0]], sep, values[order[1]], sep, values[order[2]]);
}

char *
bandi_date_input_date_pattern (const char *date_format)
{
  int order[3];
  char sep;
  /* TRANSLATORS: how a day, a month and a year are spelled in a date
   * pattern such as dd/mm/yyyy (Italian: gg/mm/aaaa) */
  const char *names[3] = { C_("date pattern", "dd"), C_("date pattern", "mm"), C_("date pattern", "yyyy") };

  read_format (date_format ? date_format : bandi_date_input_locale_format (), order, &sep);
  return g_strdup_printf ("%s%c%s%c%s", names[order[0]], sep, names[order[1]], sep, names[order[2]]);
}

static gboolean
refuse_date (const char  *text,
             const char  *date_format,
             GError     **error)
{
  g_autofree char *pattern = bandi_date_input_date_pattern (date_format);
  g_autofree char *example = bandi_date_input_format_date (2027, 3, 15, date_format);

  g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_DATE,
               _("“%s” is not a date: type it as %s, e.g. %s"), text, pattern, example);
  return FALSE;
}

gboolean
bandi_date_input_parse_date (const char  *text,
                             const char  *date_format,
                             int         *out_year,
                             int         *out_month,
                             int         *out_day,
                             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  int order[3];
  int values[3];
  guint lengths[3];
  const char *p = trimmed;
  char sep;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_EMPTY,
                           _("Type a date"));
      return FALSE;
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *start = p;

      values[i] = 0;
      while (g_ascii_isdigit (*p) && p - start < 4)
        values[i] = values[i] * 10 + (*p++ - '0');
      lengths[i] = p - start;
      if (lengths[i] == 0 || g_ascii_isdigit (*p))
        return refuse_date (trimmed, date_format, error);
      if (i < 2)
        {
          if (*p != '/' && *p != '.' && *p != '-')
            return refuse_date (trimmed, date_format, error);
          p++;
        }
    }
  if (*p != '\0')
    return refuse_date (trimmed, date_format, error);

  /* A four-digit first number is ISO 8601, in any locale. */
  if (lengths[0] == 4)
    order[0] = PART_YEAR, order[1] = PART_MONTH, order[2] = PART_DAY;
  else
    read_format (date_format ? date_format : bandi_date_input_locale_format (), order, &sep);

  for (guint i = 0; i < 3; i++)
    {
      if (order[i] == PART_YEAR && lengths[i] != 2 && lengths[i] != 4)
        return refuse_date (trimmed, date_format, error);
      if (order[i] != PART_YEAR && lengths[i] > 2)
        return refuse_date (trimmed, date_format, error);
      if (order[i] == PART_YEAR && lengths[i] == 2)
        values[i] += 2000;
      switch (order[i])
        {
        case PART_YEAR: *out_year = values[i]; break;
        case PART_MONTH: *out_month = values[i]; break;
        default: *out_day = values[i]; break;
        }
    }

  if (*out_year < 1970 || *out_year > 2999)
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_DATE,
                   _("“%s” is not a date: the year %d is out of range"), trimmed, *out_year);
      return FALSE;
    }
  if (*out_month < 1 || *out_month > 12)
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_DATE,
                   _("“%s” is not a date: there is no month %d (months go from 1 to 12)"),
                   trimmed, *out_month);
      return FALSE;
    }
  if (*out_day < 1 || *out_day > g_date_get_days_in_month (*out_month, *out_year))
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_DATE,
                   _("“%s” is not a date: that month has %d days"),
                   trimmed, (int) g_date_get_days_in_month (*out_month, *out_year));
      return FALSE;
    }

  return TRUE;
}

gboolean
bandi_date_input_parse_time (const char  *text,
                             int         *out_hour,
                             int         *out_minute,
                             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *p = trimmed;
  int hour = 0, minute = 0;
  guint n_hour = 0, n_minute = 0;

  while (g_ascii_isdigit (*p) && n_hour < 3)
    hour = hour * 10 + (*p++ - '0'), n_hour++;
  if (*p == ':' || *p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p) && n_minute < 3)
        minute = minute * 10 + (*p++ - '0'), n_minute++;
    }

  if (n_hour == 0 || n_hour > 2 || n_minute != 2 || *p != '\0')
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_TIME,
                   _("“%s” is not a time: type it as hh:mm, e.g. 17:00"), trimmed);
      return FALSE;
    }
  if (hour > 23)
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_TIME,
                   _("“%s” is not a time: hours go from 0 to 23"), trimmed);
      return FALSE;
    }
  if (minute > 59)
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_TIME,
                   _("“%s” is not a time: minutes go from 0 to 59"), trimmed);
      return FALSE;
    }

  *out_hour = hour;
  *out_minute = minute;
  return TRUE;
}

/**
 * bandi_date_input_parse_deadline:
 * @default_zone: the zone of a time typed without one
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL with @error
 * saying what is wrong
 */
BandiDeadline *
bandi_date_input_parse_deadline (const char  *text,
                                 const char  *date_format,
                                 const char  *default_zone,
                                 guint        stage,
                                 GError     **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  int year, month, day, hour, minute;
  const char *zone = default_zone;
  char *iso_t;

  g_return_val_if_fail (default_zone != NULL, NULL);

  words = g_strsplit_set (text ? text : "", " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (parts, words[i]);

  /* ISO 8601's "2027-03-15T17:00" is a date and a time too. */
  if (parts->len > 0 && (iso_t = strchr (g_ptr_array_index (parts, 0), 'T')) != NULL)
    {
      *iso_t = '\0';
      g_ptr_array_insert (parts, 1, iso_t + 1);
    }

  if (parts->len == 0)
    {
      g_set_error_literal (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_EMPTY,
                           _("Type a date"));
      return NULL;
    }
  if (parts->len > 3)
    {
      g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_EXTRA,
                   _("“%s”: give a date, then a time and a time zone if the deadline has them, and nothing more"),
                   text);
      return NULL;
    }

  if (!bandi_date_input_parse_date (g_ptr_array_index (parts, 0), date_format,
                                    &year, &month, &day, error))
    return NULL;
  if (parts->len == 1)
    return bandi_deadline_new_date (stage, NULL, year, month, day);

  if (!bandi_date_input_parse_time (g_ptr_array_index (parts, 1), &hour, &minute, error))
    return NULL;
  if (parts->len == 3)
    {
      zone = g_ptr_array_index (parts, 2);
      if (strchr (zone, '/') == NULL || bandi_zone_lookup (zone) == NULL)
        {
          g_set_error (error, BANDI_DATE_INPUT_ERROR, BANDI_DATE_INPUT_ERROR_ZONE,
                       _("“%s” is not a time zone: name it as Europe/Rome or Europe/Brussels"),
                       zone);
          return NULL;
        }
    }

  return bandi_deadline_new_local (stage, NULL, year, month, day, hour, minute, 0, zone);
}

char *
bandi_date_input_format_deadline (BandiDeadline *deadline,
                                  const char    *date_format,
                                  const char    *local_zone)
{
  g_autoptr(GDateTime) own = NULL;
  g_autofree char *date = NULL;
  int year, month, day;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  bandi_deadline_get_date (deadline, &year, &month, &day);
  date = bandi_date_input_format_date (year, month, day, date_format);
  if (!bandi_deadline_has_time (deadline))
    return g_steal_pointer (&date);

  own = bandi_deadline_dup_local (deadline);
  if (g_strcmp0 (bandi_deadline_get_zone (deadline), local_zone) == 0)
    return g_strdup_printf ("%s %02d:%02d", date,
                            g_date_time_get_hour (own), g_date_time_get_minute (own));
  return g_strdup_printf ("%s %02d:%02d %s", date,
                          g_date_time_get_hour (own), g_date_time_get_minute (own),
                          bandi_deadline_get_zone (deadline));
}

char *
bandi_date_input_describe_zone (const char *zone,
                                const char *local_zone)
{
  const char *slash;
  g_autofree char *place = NULL;

  g_return_val_if_fail (zone != NULL, NULL);

  if (g_strcmp0 (zone, local_zone) == 0)
    return g_strdup (_("local time"));

  slash = strrchr (zone, '/');
  place = g_strdup (slash ? slash + 1 : zone);
  g_strdelimit (place, "_", ' ');
  /* TRANSLATORS: a time zone named after its place, e.g. "Brussels time" */
  return g_strdup_printf (_("%s time"), place);
}
