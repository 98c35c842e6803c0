/* bandi-interreg-ical.c — the "ical" adapter: an iCalendar feed whose events are
 * deadlines (the event's start is the deadline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "bandi-interreg-entry.h"

/* A calendar nests three levels (VCALENDAR, VEVENT, VALARM; VTIMEZONE,
 * STANDARD): 64 is far above any feed. libical frees a component's
 * children recursively, so a feed of some 300,000 nested BEGIN: lines
 * overflows the stack; deeper than this it is refused unread. */
#define MAX_NESTING 64

/* How deep the components of @text nest, as libical reads them: lines
 * folded (a line break followed by a space or a tab) are joined, and a
 * property named BEGIN (before ':' or ';') opens a component, END: closes
 * one. Counts deeper than libical would get, never less. */
static guint
nesting_depth (const char *text)
{
  const char *p = text;
  guint depth = 0;
  guint deepest = 0;

  while (*p != '\0')
    {
      char head[7];
      gsize n = 0;

      /* The first characters of one unfolded line; carriage returns are
       * left out, so that "BE\r\n GIN:" counts as libical may read it. */
      for (;;)
        {
          for (; *p != '\0' && *p != '\n'; p++)
            if (n < sizeof head - 1 && *p != '\r')
              head[n++] = *p;
          if (*p == '\n')
            p++;
          if (*p != ' ' && *p != '\t')
            break;
          p++;
        }
      head[n] = '\0';

      if (g_ascii_strncasecmp (head, "BEGIN", 5) == 0 && (head[5] == ':' || head[5] == ';'))
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if (g_ascii_strncasecmp (head, "END:", 4) == 0 && depth > 0)
        depth--;
    }

  return deepest;
}

/* An IANA name for a TZID: as written, or the end of a libical-style
 * "/citadel.org/20190914_1/Europe/Rome". NULL if none is known. */
static char *
iana_zone (const char *tzid)
{
  const char *p = tzid;

  while (p != NULL && *p != '\0')
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (p);

      if (tz != NULL && strchr (p, '/') != NULL)
        return g_strdup (p);
      if (tz != NULL && strcmp (p, "UTC") == 0)
        return g_strdup (p);

      p = strchr (p + 1, '/');
      if (p != NULL)
        p++;
    }

  return NULL;
}

static BandiDeadline *
deadline_of (icalcomponent      *event,
             InterregProgramme  *programme,
             GError            **error)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalparameter *param;
  struct icaltimetype t;
  g_autofree char *zone = NULL;
  BandiDeadline *deadline = NULL;

  if (prop == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the event has no start"));
      return NULL;
    }

  t = icalproperty_get_dtstart (prop);
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    goto invalid;

  if (icaltime_is_date (t))
    deadline = bandi_deadline_new_date (1, "Deadline", t.year, t.month, t.day);
  else if (icaltime_is_utc (t))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);

      if (utc != NULL)
        deadline = bandi_deadline_new_timed (1, "Deadline", utc, programme->zone);
    }
  else if ((param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER)) == NULL)
    /* Floating time: the programme's own clock. */
    deadline = bandi_deadline_new_local (1, "Deadline", t.year, t.month, t.day,
                                         t.hour, t.minute, t.second, programme->zone);
  else
    {
      zone = iana_zone (icalparameter_get_tzid (param));
      if (zone == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the time zone “%s” is unknown"), icalparameter_get_tzid (param));
          return NULL;
        }
      deadline = bandi_deadline_new_local (1, "Deadline", t.year, t.month, t.day,
                                           t.hour, t.minute, t.second, zone);
    }

  /* libical lets through what no calendar has (hour 24, second 60, …) */
  if (deadline != NULL)
    return deadline;

invalid:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the event’s start is not a date"));
  return NULL;
}

/* The unescaped value of a TEXT or URI property, or NULL. */
static char *
text_property (icalcomponent    *event,
               icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (event, kind);
  const char *value = NULL;

  if (prop == NULL)
    return NULL;

  switch (kind)
    {
    case ICAL_SUMMARY_PROPERTY: value = icalproperty_get_summary (prop); break;
    case ICAL_DESCRIPTION_PROPERTY: value = icalproperty_get_description (prop); break;
    case ICAL_UID_PROPERTY: value = icalproperty_get_uid (prop); break;
    case ICAL_URL_PROPERTY: value = icalproperty_get_url (prop); break;
    default: g_assert_not_reached ();
    }

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

GPtrArray *
interreg_ical_read (InterregProgramme *programme,
                    GBytes            *body,
                    GPtrArray         *warnings,
                    GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_entry_free);
  g_autofree char *text = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  icalcomponent *calendar;
  guint depth;

  text = g_strndup (data ? data : "", len);
  /* iCalendar is UTF-8 (RFC 5545, 3.1.4) and libical passes any bytes on. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }
  if (!g_str_has_prefix (g_strchug (text), "BEGIN:VCALENDAR"))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("not an iCalendar feed (it does not begin with BEGIN:VCALENDAR)"));
      return NULL;
    }

  depth = nesting_depth (text);
  if (depth > MAX_NESTING)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("the iCalendar feed nests components %u levels deep; refused"), depth);
      return NULL;
    }

  calendar = icalparser_parse_string (text);
  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("the iCalendar feed cannot be read"));
      return NULL;
    }

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_autoptr(InterregEntry) entry = interreg_entry_new ();
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BandiDeadline) deadline = NULL;
      g_autofree char *summary = text_property (event, ICAL_SUMMARY_PROPERTY);

      entry->title = bandi_text_squeeze (summary);
      if (entry->title == NULL || *entry->title == '\0')
        {
          g_ptr_array_add (warnings, g_strdup (_("an event has no summary")));
          continue;
        }

      entry->uid = text_property (event, ICAL_UID_PROPERTY);
      entry->link = text_property (event, ICAL_URL_PROPERTY);
      entry->description = text_property (event, ICAL_DESCRIPTION_PROPERTY);
      entry->haystack = g_strdup (entry->description);
      entry->deadlines = g_ptr_array_new_with_free_func (g_object_unref);

      deadline = deadline_of (event, programme, &local_error);
      if (deadline != NULL)
        g_ptr_array_add (entry->deadlines, g_steal_pointer (&deadline));
      else
        g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"), entry->title,
                                                    local_error ? local_error->message
                                                                : _("the event’s start is not valid")));

      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  icalcomponent_free (calendar);

  return g_steal_pointer (&entries);
}
