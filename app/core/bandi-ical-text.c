/* bandi-ical-text.c
 *
 * The export writes RFC 5545 text directly: building a libical component
 * per event and serializing it costs about three times the whole budget of
 * an export of 10,000 deadlines. libical still builds the VTIMEZONEs from
 * the system time zone database, and the tests parse every export back
 * with libical, python3-icalendar and khal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-ical"

#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "bandi-ical-text.h"

#define FOLD_OCTETS 75

void
bandi_ical_text_append_folded (GString    *out,
                               const char *line,
                               gsize       len)
{
  gsize start = 0;
  gsize width = FOLD_OCTETS;

  while (len - start > width)
    {
      gsize cut = start + width;
      gsize run;

      /* Back off to the start of a character… */
      while (cut > start && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      /* …and not between a backslash and what it escapes: the backslashes
       * before the cut pair up, an odd one out goes to the next line. */
      run = cut;
      while (run > start && line[run - 1] == '\\')
        run--;
      if ((cut - run) % 2 == 1)
        cut--;

      g_string_append_len (out, line + start, (gssize) (cut - start));
      g_string_append_len (out, "\r\n ", 3);
      start = cut;
      width = FOLD_OCTETS - 1;
    }
  g_string_append_len (out, line + start, (gssize) (len - start));
  g_string_append_len (out, "\r\n", 2);
}

void
bandi_ical_text_append_escaped (GString    *out,
                                const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  run = text;
  for (const char *p = text; ; p++)
    {
      const char *replacement;

      if ((guchar) *p >= 0x20 && *p != 0x7f && *p != '\\' && *p != ';' && *p != ',')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0':
          return;
        case '\\':
          replacement = "\\\\";
          break;
        case ';':
          replacement = "\\;";
          break;
        case ',':
          replacement = "\\,";
          break;
        case '\n':
          replacement = "\\n";
          break;
        case '\r':
          replacement = p[1] == '\n' ? "" : "\\n";
          break;
        case '\t':
          replacement = " ";
          break;
        default:
          /* Other control characters are not TEXT. */
          replacement = "";
        }
      g_string_append (out, replacement);
    }
}

void
bandi_ical_text_append_text (GString    *out,
                             GString    *scratch,
                             const char *name,
                             const char *text)
{
  g_string_assign (scratch, name);
  g_string_append_c (scratch, ':');
  bandi_ical_text_append_escaped (scratch, text);
  bandi_ical_text_append_folded (out, scratch->str, scratch->len);
}

void
bandi_ical_text_format_utc (char   buffer[17],
                            gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  g_snprintf (buffer, 17, "%04d%02d%02dT%02d%02d%02dZ",
              g_date_time_get_year (dt), g_date_time_get_month (dt),
              g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
              g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

gboolean
bandi_ical_text_zone_is_known (const char *zone)
{
  return zone != NULL && icaltimezone_get_builtin_timezone (zone) != NULL;
}

char *
bandi_ical_text_build_vtimezone (const char *zone,
                                 int         first_year)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (zone);
  icalcomponent *component;
  icalproperty *tzid;
  char *serialized;
  char *text;

  if (builtin == NULL || icaltimezone_get_component (builtin) == NULL)
    return NULL;

  component = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  /* libical names system zones "/freeassociation.sourceforge.net/…":
   * calendars expect the IANA name the events refer to. */
  tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  icalproperty_set_tzid (tzid, zone);

#ifdef ICAL_CHECK_VERSION
#if ICAL_CHECK_VERSION (3, 0, 6)
  {
    /* The whole history since the 19th century is some 200 lines per
     * zone: keep the rules from @first_year on. */
    icaltimetype start = icaltime_null_time ();

    start.year = first_year;
    start.month = 1;
    start.day = 1;
    start.zone = icaltimezone_get_utc_timezone ();
    icaltimezone_truncate_vtimezone (component, start, icaltime_null_time (), 1);
  }
#endif
#endif

  serialized = icalcomponent_as_ical_string_r (component);
  text = g_strdup (serialized);
  icalmemory_free_buffer (serialized);
  icalcomponent_free (component);

  return text;
}
