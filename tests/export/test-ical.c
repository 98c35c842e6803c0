/* test-ical.c — the iCalendar export, read back with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <libical/ical.h>

#include "bandi-ical-export.h"
#include "export-fixtures.h"

static icalcomponent *
parse_bytes (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  return calendar;
}

static guint
count_components (icalcomponent      *parent,
                  icalcomponent_kind  kind)
{
  return (guint) icalcomponent_count_components (parent, kind);
}

static icalcomponent *
find_uid (icalcomponent      *calendar,
          icalcomponent_kind  kind,
          const char         *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, kind);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, kind))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;

  return NULL;
}

static icalcomponent *
find_vtimezone (icalcomponent *calendar,
                const char    *tzid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *p = icalcomponent_get_first_property (c, ICAL_TZID_PROPERTY);

      if (p != NULL && g_strcmp0 (icalproperty_get_tzid (p), tzid) == 0)
        return c;
    }

  return NULL;
}

/* The instant of a DTSTART/DTEND/DUE property, resolved with the VTIMEZONE
 * the calendar itself carries (not libical's built-in zones). */
static gint64
instant_of (icalcomponent *calendar,
            icalproperty  *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  icalvalue *value = icalproperty_get_value (property);
  icaltimetype t = icalvalue_get_datetime (value);
  icalcomponent *vtimezone;
  icaltimezone *zone;
  gint64 result;

  g_assert_false (t.is_date);
  if (tzid == NULL)
    {
      g_assert_true (icaltime_is_utc (t));
      return icaltime_as_timet (t);
    }

  vtimezone = find_vtimezone (calendar, icalparameter_get_tzid (tzid));
  g_assert_nonnull (vtimezone);
  zone = icaltimezone_new ();
  g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
  t.zone = NULL;
  result = icaltime_as_timet_with_zone (t, zone);
  icaltimezone_free (zone, 1);

  return result;
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return tzid ? icalparameter_get_tzid (tzid) : NULL;
}

static icalcomponent *
export_calls (BandiCall *first,
              ...)
{
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  va_list args;

  va_start (args, first);
  for (BandiCall *call = first; call != NULL; call = va_arg (args, BandiCall *))
    bandi_ical_export_add_call (export, call);
  va_end (args);

  bytes = bandi_ical_export_to_bytes (export);
  return parse_bytes (bytes);
}

static void
test_timed_instants (void)
{
  g_autoptr(BandiCall) call = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autofree char *uid1 = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-03", 1);
  g_autofree char *uid2 = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-03", 2);
  icalcomponent *calendar = export_calls (call, NULL);
  icalcomponent *stage1 = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid1);
  icalcomponent *stage2 = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid2);
  icalproperty *start, *end;

  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_nonnull (stage1);
  g_assert_nonnull (stage2);

  /* 17:00 in Brussels is 15:00 UTC in summer, 16:00 UTC in winter. */
  start = icalcomponent_get_first_property (stage1, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (start), ==, "Europe/Brussels");
  g_assert_cmpint (instant_of (calendar, start), ==, fixture_utc (2024, 4, 18, 15, 0));
  /* An instant: no DTEND (which must be later than DTSTART, RFC 5545
   * 3.8.2.2), an explicit zero DURATION. */
  g_assert_null (icalcomponent_get_first_property (stage1, ICAL_DTEND_PROPERTY));
  end = icalcomponent_get_first_property (stage1, ICAL_DURATION_PROPERTY);
  g_assert_nonnull (end);
  g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_duration (end)), ==, 0);
  g_assert_null (icalcomponent_get_first_property (stage2, ICAL_DTEND_PROPERTY));
  g_assert_cmpint (instant_of (calendar, start), ==,
                   bandi_deadline_to_unix (g_ptr_array_index (bandi_call_get_deadlines (call), 0)));

  start = icalcomponent_get_first_property (stage2, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (tzid_of (start), ==, "Europe/Brussels");
  g_assert_cmpint (instant_of (calendar, start), ==, fixture_utc (2025, 1, 16, 16, 0));

  icalcomponent_free (calendar);
}

static void
test_vtimezone (void)
{
  g_autoptr(BandiCall) brussels = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiCall) rome = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-04", "Storage");
  g_autoptr(BandiDeadline) rome_deadline = bandi_deadline_new_local (1, NULL, 2024, 10, 27, 12, 0, 0, "Europe/Rome");
  icalcomponent *calendar, *vtimezone;
  icaltimezone *zone;
  icaltimetype summer = icaltime_null_time (), winter = icaltime_null_time ();
  int is_daylight;

  bandi_call_clear_deadlines (rome);
  bandi_call_add_deadline (rome, rome_deadline);
  calendar = export_calls (brussels, rome, NULL);

  /* One VTIMEZONE per zone used, named by its IANA name. */
  g_assert_cmpuint (count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);
  g_assert_nonnull (find_vtimezone (calendar, "Europe/Rome"));
  vtimezone = find_vtimezone (calendar, "Europe/Brussels");
  g_assert_nonnull (vtimezone);
  g_assert_cmpuint (count_components (vtimezone, ICAL_XSTANDARD_COMPONENT), >=, 1);
  g_assert_cmpuint (count_components (vtimezone, ICAL_XDAYLIGHT_COMPONENT), >=, 1);

  /* Its rules give CEST in summer and CET in winter, in each year exported. */
  zone = icaltimezone_new ();
  g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
  for (int year = 2024; year <= 2025; year++)
    {
      summer.year = winter.year = year;
      summer.month = 7;
      winter.month = 12;
      summer.day = winter.day = 1;
      summer.hour = winter.hour = 12;
      g_assert_cmpint (icaltimezone_get_utc_offset (zone, &summer, &is_daylight), ==, 7200);
      g_assert_true (is_daylight);
      g_assert_cmpint (icaltimezone_get_utc_offset (zone, &winter, &is_daylight), ==, 3600);
      g_assert_false (is_daylight);
    }
  icaltimezone_free (zone, 1);

  /* 27 October 2024 is the day summer time ends: 12:00 is CET. */
  {
    g_autofree char *uid = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-04", 1);
    icalcomponent *event = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid);
    icalproperty *start;

    g_assert_nonnull (event);
    start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
    g_assert_cmpstr (tzid_of (start), ==, "Europe/Rome");
    g_assert_cmpint (instant_of (calendar, start), ==, fixture_utc (2024, 10, 27, 11, 0));
  }

  icalcomponent_free (calendar);
}

static void
test_date_only (void)
{
  g_autoptr(BandiCall) call = fixture_lombardia_call ();
  icalcomponent *calendar = export_calls (call, NULL);
  icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  icaltimetype start, end;

  g_assert_nonnull (event);
  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpuint (count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 0);

  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (start.is_date);
  g_assert_true (end.is_date);
  g_assert_cmpint (start.year, ==, 2026);
  g_assert_cmpint (start.month, ==, 9);
  g_assert_cmpint (start.day, ==, 7);
  g_assert_cmpint (end.month, ==, 9);
  g_assert_cmpint (end.day, ==, 8);
  g_assert_null (icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY));
  /* One stage only: the summary does not name it. */
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Deadline: RLO12026055023 — Collabora&Innova");

  icalcomponent_free (calendar);
}

static GPtrArray *
categories_of (icalcomponent *component)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_CATEGORIES_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (component, ICAL_CATEGORIES_PROPERTY))
    g_ptr_array_add (values, g_strdup (icalproperty_get_categories (p)));

  return values;
}

static gboolean
has_string (GPtrArray  *values,
            const char *value)
{
  return g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

static guint
sequence_by_stage (BandiCall *call,
                   guint      stage,
                   gpointer   user_data)
{
  g_assert_true (BANDI_IS_CALL (call));
  /* Stage 1 moved twice, stage 2 never. */
  return stage == 1 ? 2 : 0;
}

static void
test_properties (void)
{
  g_autoptr(BandiCall) call = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *uid1 = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-03", 1);
  g_autofree char *uid2 = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-03", 2);
  icalcomponent *calendar, *stage1, *stage2;
  const char *description;

  bandi_ical_export_set_category (export, "LE2C");
  bandi_ical_export_set_sequence_func (export, sequence_by_stage, NULL);
  bandi_ical_export_add_call (export, call);
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 2);
  g_assert_cmpstr (bandi_ical_export_get_item_uid (export, 0), ==, uid1);
  bytes = bandi_ical_export_to_bytes (export);
  calendar = parse_bytes (bytes);

  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY)),
                   ==, "-//Bandi//Bandi 0.1//EN");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");

  stage1 = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid1);
  stage2 = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid2);
  g_assert_nonnull (stage1);
  g_assert_nonnull (stage2);
  g_assert_true (g_str_has_suffix (uid1, "@bandi.github.io"));
  g_assert_cmpuint (strlen (uid1), ==, 40 + strlen ("@bandi.github.io"));

  g_assert_cmpstr (icalcomponent_get_summary (stage1), ==,
                   "Deadline: HORIZON-CL5-2024-D2-01-03 (stage 1) — Grid flexibility");
  g_assert_cmpstr (icalcomponent_get_summary (stage2), ==,
                   "Deadline: HORIZON-CL5-2024-D2-01-03 (stage 2) — Grid flexibility");
  g_assert_cmpint (icalcomponent_get_sequence (stage1), ==, 2);
  g_assert_cmpint (icalcomponent_get_sequence (stage2), ==, 0);
  g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstamp (stage1)), ==, bandi_call_get_last_changed (call));
  g_assert_cmpint (icaltime_as_timet (icalproperty_get_lastmodified (icalcomponent_get_first_property (stage1, ICAL_LASTMODIFIED_PROPERTY))),
                   ==, bandi_call_get_last_changed (call));
  g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (stage1, ICAL_URL_PROPERTY)), ==,
                   bandi_call_get_url (call));
  g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (stage1, ICAL_TRANSP_PROPERTY)),
                   ==, ICAL_TRANSP_TRANSPARENT);

  description = icalcomponent_get_description (stage1);
  g_assert_nonnull (strstr (description, "Grid flexibility\n"));
  g_assert_nonnull (strstr (description, "Programme: Horizon Europe — CL5\n"));
  g_assert_nonnull (strstr (description, "Call: HORIZON-CL5-2024-D2-01 — Sustainable, secure and competitive energy supply\n"));
  g_assert_nonnull (strstr (description, "Budget: € 12"));
  g_assert_nonnull (strstr (description, "Expected grants: 3\n"));
  g_assert_true (g_str_has_suffix (description, bandi_call_get_url (call)));

  categories = categories_of (stage1);
  g_assert_true (has_string (categories, "Horizon Europe"));
  g_assert_true (has_string (categories, "CL5"));
  g_assert_true (has_string (categories, "LE2C"));

  icalcomponent_free (calendar);
}

static void
test_stable_uids (void)
{
  g_autoptr(BandiCall) a = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiCall) b = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiIcalExport) first = bandi_ical_export_new ();
  g_autoptr(BandiIcalExport) second = bandi_ical_export_new ();
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autofree char *other_source = bandi_ical_deadline_uid ("interreg", "HORIZON-CL5-2024-D2-01-03", 1);
  g_autofree char *other_topic = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-04", 1);

  /* Exports made at different times of the same data are the same bytes:
   * DTSTAMP comes from the data, not the clock. */
  bandi_ical_export_set_fallback_stamp (second, 1);
  bandi_ical_export_add_call (first, a);
  bandi_ical_export_add_call (second, b);
  first_bytes = bandi_ical_export_to_bytes (first);
  second_bytes = bandi_ical_export_to_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  g_assert_cmpstr (bandi_ical_export_get_item_uid (first, 0), ==, bandi_ical_export_get_item_uid (second, 0));
  g_assert_cmpstr (bandi_ical_export_get_item_uid (first, 0), !=, bandi_ical_export_get_item_uid (first, 1));
  g_assert_cmpstr (bandi_ical_export_get_item_uid (first, 0), !=, other_source);
  g_assert_cmpstr (bandi_ical_export_get_item_uid (first, 0), !=, other_topic);

  /* The title is not part of the identity: a renamed call updates. */
  bandi_call_set_title (b, "Grid flexibility (corrected)");
  g_clear_object (&second);
  second = bandi_ical_export_new ();
  bandi_ical_export_add_call (second, b);
  g_assert_cmpstr (bandi_ical_export_get_item_uid (first, 0), ==, bandi_ical_export_get_item_uid (second, 0));
}

static guint
count_alarms (icalcomponent *component,
              int           *out_days)
{
  guint n = 0;

  for (icalcomponent *alarm = icalcomponent_get_first_component (component, ICAL_VALARM_COMPONENT);
       alarm != NULL;
       alarm = icalcomponent_get_next_component (component, ICAL_VALARM_COMPONENT))
    {
      struct icaltriggertype trigger = icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));

      g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)),
                       ==, ICAL_ACTION_DISPLAY);
      g_assert_nonnull (icalcomponent_get_first_property (alarm, ICAL_DESCRIPTION_PROPERTY));
      out_days[n++] = -icaldurationtype_as_int (trigger.duration) / (24 * 3600);
    }

  return n;
}

static void
test_alarms (void)
{
  g_autoptr(BandiCall) call = fixture_lombardia_call ();
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(BandiIcalExport) quiet = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  const int days[] = { 7, 14, 1, 7, -3, 0 };
  int found[8];
  icalcomponent *calendar;

  bandi_ical_export_set_reminder_days (export, days, G_N_ELEMENTS (days));
  bandi_ical_export_add_call (export, call);
  bytes = bandi_ical_export_to_bytes (export);
  calendar = parse_bytes (bytes);

  /* One alarm per distinct, non-negative setting. */
  g_assert_cmpuint (count_alarms (icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT), found), ==, 4);
  g_assert_cmpint (found[0], ==, 14);
  g_assert_cmpint (found[1], ==, 7);
  g_assert_cmpint (found[2], ==, 1);
  g_assert_cmpint (found[3], ==, 0);
  icalcomponent_free (calendar);
  g_clear_pointer (&bytes, g_bytes_unref);

  bandi_ical_export_add_call (quiet, call);
  bytes = bandi_ical_export_to_bytes (quiet);
  calendar = parse_bytes (bytes);
  g_assert_cmpuint (count_alarms (icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT), found), ==, 0);
  icalcomponent_free (calendar);
}

/* Every physical line ends in CRLF, holds at most 75 octets and is valid
 * UTF-8 on its own; returns how many lines are exactly @line. */
static guint
check_lines (GBytes     *bytes,
             const char *line)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *p = data, *end = data + size;
  guint matches = 0;

  g_assert_true (size > 2 && data[size - 2] == '\r' && data[size - 1] == '\n');
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize len;

      g_assert_nonnull (eol);
      g_assert_true (eol > p && eol[-1] == '\r');
      len = (gsize) (eol - 1 - p);
      g_assert_null (memchr (p, '\r', len));
      g_assert_cmpuint (len, <=, 75);
      g_assert_true (g_utf8_validate (p, (gssize) len, NULL));
      if (strlen (line) == len && memcmp (p, line, len) == 0)
        matches++;
      p = eol + 1;
    }

  return matches;
}

static void
test_injection (void)
{
  const char *evil_title = "Evil; title, with \\ backslash\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
                           "UID:evil@example.org\r\nSUMMARY:pwned\nBEGIN:VALARM";
  g_autoptr(BandiCall) call = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", evil_title);
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *uid = bandi_ical_deadline_uid ("horizon", "HORIZON-CL5-2024-D2-01-03", 1);
  icalcomponent *calendar, *event;
  const char *description;

  bandi_call_set_programme (call, "Horizon, Europe; \"2021\\2027\"\r\nX-EVIL:1");
  bandi_call_set_call_title (call, "Call\nBEGIN:VEVENT\nDTSTART:19700101T000000Z");
  bandi_call_set_url (call, "https://example.org/a b\r\nX-EVIL:2\r\n");
  bandi_call_set_action_type (call, "RIA\xff\xfe broken UTF-8");
  bandi_ical_export_add_call (export, call);
  bytes = bandi_ical_export_to_bytes (export);

  /* The structure is intact: the text never starts a line of its own. */
  g_assert_cmpuint (check_lines (bytes, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpuint (check_lines (bytes, "END:VEVENT"), ==, 2);
  g_assert_cmpuint (check_lines (bytes, "BEGIN:VALARM"), ==, 0);
  g_assert_cmpuint (check_lines (bytes, "X-EVIL:1"), ==, 0);
  g_assert_cmpuint (check_lines (bytes, "X-EVIL:2"), ==, 0);

  calendar = parse_bytes (bytes);
  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_null (find_uid (calendar, ICAL_VEVENT_COMPONENT, "evil@example.org"));
  event = find_uid (calendar, ICAL_VEVENT_COMPONENT, uid);
  g_assert_nonnull (event);
  g_assert_null (icalcomponent_get_first_property (event, ICAL_X_PROPERTY));
  g_assert_cmpuint (count_components (event, ICAL_VALARM_COMPONENT), ==, 0);

  /* The text arrives whole, inside its own property. */
  g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                   "Deadline: HORIZON-CL5-2024-D2-01-03 (stage 1) — Evil; title, with \\ backslash "
                   "END:VEVENT BEGIN:VEVENT UID:evil@example.org SUMMARY:pwned BEGIN:VALARM");
  description = icalcomponent_get_description (event);
  g_assert_nonnull (strstr (description, "\nProgramme: Horizon, Europe; \"2021\\2027\" X-EVIL:1 — CL5\n"));
  g_assert_nonnull (strstr (description, "\nCall: HORIZON-CL5-2024-D2-01 — Call BEGIN:VEVENT DTSTART:19700101T000000Z\n"));
  g_assert_nonnull (strstr (description, "\nType of action: RIA\xef\xbf\xbd\xef\xbf\xbd broken UTF-8\n"));
  categories = categories_of (event);
  g_assert_true (has_string (categories, "Horizon, Europe; \"2021\\2027\" X-EVIL:1"));
  g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY)), ==,
                   "https://example.org/a%20b%0D%0AX-EVIL:2");
  g_assert_cmpint (instant_of (calendar, icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)),
                   ==, fixture_utc (2024, 4, 18, 15, 0));

  icalcomponent_free (calendar);
}

static void
test_unsafe_url_left_out (void)
{
  g_autoptr(BandiCall) call = fixture_lombardia_call ();
  icalcomponent *calendar, *event;

  bandi_call_set_url (call, "javascript:alert(1)");
  calendar = export_calls (call, NULL);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_null (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY));
  g_assert_null (strstr (icalcomponent_get_description (event), "javascript"));
  icalcomponent_free (calendar);
}

static void
test_folding (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(BandiCall) call = NULL;
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;
  icalcomponent *calendar;

  /* Two- to four-octet characters and escapes at every offset of a fold. */
  for (int i = 0; i < 40; i++)
    g_string_append (title, i % 3 == 0 ? "città, " : i % 3 == 1 ? "€;🇪🇺" : "a\\");
  call = fixture_lombardia_call ();
  bandi_call_set_title (call, title->str);
  bandi_ical_export_add_call (export, call);
  bytes = bandi_ical_export_to_bytes (export);
  check_lines (bytes, "");

  calendar = parse_bytes (bytes);
  expected = g_strdup_printf ("Deadline: RLO12026055023 — %s", g_strstrip (title->str));
  g_assert_cmpstr (icalcomponent_get_summary (icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT)),
                   ==, expected);
  icalcomponent_free (calendar);
}

static void
test_milestones_as_todos (void)
{
  g_autoptr(BandiProposal) proposal = fixture_proposal ();
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  const int days[] = { 3 };
  icalcomponent *calendar, *draft = NULL, *kickoff = NULL;
  icalcomponent *alarm;
  icaltimetype due;
  int found[4];

  bandi_ical_export_set_reminder_days (export, days, G_N_ELEMENTS (days));
  bandi_ical_export_add_proposal (export, proposal);
  bytes = bandi_ical_export_to_bytes (export);
  calendar = parse_bytes (bytes);

  /* A proposal on a known call has no event of its own: the call has. */
  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 0);
  g_assert_cmpuint (count_components (calendar, ICAL_VTODO_COMPONENT), ==, 2);
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_summary (c), "Proposal GRIDFLEX: Full draft to partners") == 0)
        draft = c;
      else if (g_strcmp0 (icalcomponent_get_summary (c), "Proposal GRIDFLEX: Consortium kick-off") == 0)
        kickoff = c;
    }
  g_assert_nonnull (draft);
  g_assert_nonnull (kickoff);

  /* 12:00 in Rome on 28 March 2024 (before summer time) is 11:00 UTC. */
  g_assert_cmpint (instant_of (calendar, icalcomponent_get_first_property (draft, ICAL_DUE_PROPERTY)),
                   ==, fixture_utc (2024, 3, 28, 11, 0));
  g_assert_cmpint (icalcomponent_get_status (draft), ==, ICAL_STATUS_NEEDSACTION);
  g_assert_cmpuint (count_alarms (draft, found), ==, 1);
  g_assert_cmpint (found[0], ==, 3);
  alarm = icalcomponent_get_first_component (draft, ICAL_VALARM_COMPONENT);
  g_assert_cmpint (icalparameter_get_related (icalproperty_get_first_parameter (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY),
                                                                                 ICAL_RELATED_PARAMETER)),
                   ==, ICAL_RELATED_END);

  due = icalcomponent_get_due (kickoff);
  g_assert_true (due.is_date);
  g_assert_cmpint (due.year, ==, 2024);
  g_assert_cmpint (due.month, ==, 2);
  g_assert_cmpint (due.day, ==, 12);
  g_assert_cmpint (icalcomponent_get_status (kickoff), ==, ICAL_STATUS_COMPLETED);
  g_assert_cmpuint (count_alarms (kickoff, found), ==, 0);
  g_assert_nonnull (strstr (icalcomponent_get_description (kickoff), "Flexible grids for energy communities"));

  icalcomponent_free (calendar);
}

static void
test_milestones_as_events (void)
{
  g_autoptr(BandiProposal) proposal = fixture_proposal ();
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  icalcomponent *calendar, *event;

  bandi_ical_export_set_milestones_as_events (export, TRUE);
  bandi_ical_export_add_proposal (export, proposal);
  bytes = bandi_ical_export_to_bytes (export);
  calendar = parse_bytes (bytes);

  g_assert_cmpuint (count_components (calendar, ICAL_VTODO_COMPONENT), ==, 0);
  g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  event = find_uid (calendar, ICAL_VEVENT_COMPONENT, bandi_ical_export_get_item_uid (export, 0));
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Proposal GRIDFLEX: Full draft to partners");
  g_assert_cmpint (instant_of (calendar, icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)),
                   ==, fixture_utc (2024, 3, 28, 11, 0));
  categories = categories_of (event);
  g_assert_true (has_string (categories, "LE2C"));
  g_assert_true (has_string (categories, "Horizon Europe"));

  icalcomponent_free (calendar);
}

static void
test_proposal_manual_deadline (void)
{
  g_autoptr(BandiProposal) proposal = fixture_proposal ();
  g_autoptr(BandiProposal) other = fixture_proposal ();
  g_autoptr(BandiDeadline) deadline = bandi_deadline_new_local (1, NULL, 2024, 6, 5, 13, 0, 0, "Europe/Rome");
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  icalcomponent *calendar, *event;

  bandi_proposal_set_call_source (proposal, NULL);
  bandi_proposal_set_call_external_id (proposal, NULL);
  bandi_proposal_set_manual_call (proposal, "Alpine Space 4th call");
  bandi_proposal_set_manual_deadline (proposal, deadline);
  bandi_ical_export_add_proposal (export, proposal);
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 3);

  bytes = bandi_ical_export_to_bytes (export);
  calendar = parse_bytes (bytes);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Deadline: Alpine Space 4th call — proposal GRIDFLEX");
  g_assert_cmpint (instant_of (calendar, icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)),
                   ==, fixture_utc (2024, 6, 5, 11, 0));
  icalcomponent_free (calendar);

  /* Another cluster's proposal with the same row id gets other UIDs. */
  g_clear_object (&export);
  export = bandi_ical_export_new ();
  bandi_proposal_set_cluster_acronym (other, "AFIL");
  bandi_ical_export_add_proposal (export, other);
  bandi_ical_export_add_proposal (export, proposal);
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 5);
  for (guint i = 0; i < 5; i++)
    for (guint j = i + 1; j < 5; j++)
      g_assert_cmpstr (bandi_ical_export_get_item_uid (export, i), !=, bandi_ical_export_get_item_uid (export, j));
}

static void
test_item_bytes (void)
{
  g_autoptr(BandiCall) horizon = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiCall) lombardia = fixture_lombardia_call ();
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();

  bandi_ical_export_add_call (export, horizon);
  bandi_ical_export_add_call (export, lombardia);
  g_assert_cmpuint (bandi_ical_export_get_n_items (export), ==, 3);

  /* Each item alone is a calendar of its own: one event, and the VTIMEZONE
   * it needs. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) bytes = bandi_ical_export_dup_item_bytes (export, i);
      icalcomponent *calendar = parse_bytes (bytes);
      icalcomponent *event;

      check_lines (bytes, "");
      g_assert_cmpuint (count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
      event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, bandi_ical_export_get_item_uid (export, i));
      {
        g_autofree char *summary = bandi_ical_export_dup_item_summary (export, i);

        g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
      }
      g_assert_cmpuint (count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, i < 2 ? 1 : 0);
      if (i < 2)
        g_assert_cmpint (instant_of (calendar, icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)),
                         ==, bandi_deadline_to_unix (g_ptr_array_index (bandi_call_get_deadlines (horizon), i)));
      icalcomponent_free (calendar);
    }
}

static void
test_write_file (void)
{
  g_autoptr(BandiCall) call = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bandi-ical-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deadlines.ics", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "deadlines.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autofree char *contents = NULL;
  gsize length;

  bandi_ical_export_add_call (export, call);
  g_assert_true (bandi_ical_export_write_file (export, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = bandi_ical_export_to_bytes (export);
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_false (bandi_ical_export_write_file (export, bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ical/timed-instants", test_timed_instants);
  g_test_add_func ("/ical/vtimezone", test_vtimezone);
  g_test_add_func ("/ical/date-only", test_date_only);
  g_test_add_func ("/ical/properties", test_properties);
  g_test_add_func ("/ical/stable-uids", test_stable_uids);
  g_test_add_func ("/ical/alarms", test_alarms);
  g_test_add_func ("/ical/injection", test_injection);
  g_test_add_func ("/ical/unsafe-url", test_unsafe_url_left_out);
  g_test_add_func ("/ical/folding", test_folding);
  g_test_add_func ("/ical/milestones-as-todos", test_milestones_as_todos);
  g_test_add_func ("/ical/milestones-as-events", test_milestones_as_events);
  g_test_add_func ("/ical/proposal-manual-deadline", test_proposal_manual_deadline);
  g_test_add_func ("/ical/item-bytes", test_item_bytes);
  g_test_add_func ("/ical/write-file", test_write_file);

  return g_test_run ();
}
