/* bandi-ical.c
 *
 * Items are written straight to RFC 5545 text: each remote string is
 * repaired to valid UTF-8, stripped of control characters, escaped (\\ ; ,
 * and newline) and folded at 75 octets without splitting a character or an
 * escape. libical builds the VTIMEZONEs from the system time zone database;
 * the tests parse every export back with libical. Building libical
 * components for each of 10,000 events and serializing them costs about
 * three times the whole export budget, hence the direct writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-ical"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "bandi-export-text.h"
#include "bandi-ical.h"

#define FOLD_OCTETS 75
#define UID_DOMAIN "@bandi.github.io"

typedef struct {
  char *uid;
  char *summary;
  char *text;   /* the component, CRLF-terminated lines */
  char *zone;   /* the TZID it uses, or NULL */
  int   year;   /* the first year its VTIMEZONE must cover */
} Item;

struct _BandiIcalExport
{
  GObject parent_instance;

  GArray     *reminder_days;  /* int, unique, descending */
  gboolean    milestones_as_events;
  char       *category;
  BandiIcalSequenceFunc sequence_func;
  gpointer    sequence_data;
  gint64      fallback_stamp;

  GPtrArray  *items;
  GHashTable *vtimezones;     /* "zone year" → VTIMEZONE text, or "" */
  GString    *scratch;
};

G_DEFINE_FINAL_TYPE (BandiIcalExport, bandi_ical_export, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->uid);
  g_free (item->summary);
  g_free (item->text);
  g_free (item->zone);
  g_free (item);
}

static void
bandi_ical_export_finalize (GObject *object)
{
  BandiIcalExport *self = BANDI_ICAL_EXPORT (object);

  g_array_unref (self->reminder_days);
  g_free (self->category);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->vtimezones);
  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (bandi_ical_export_parent_class)->finalize (object);
}

static void
bandi_ical_export_class_init (BandiIcalExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bandi_ical_export_finalize;
}

static void
bandi_ical_export_init (BandiIcalExport *self)
{
  self->reminder_days = g_array_new (FALSE, FALSE, sizeof (int));
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scratch = g_string_sized_new (1024);
  self->fallback_stamp = g_get_real_time () / G_USEC_PER_SEC;
}

BandiIcalExport *
bandi_ical_export_new (void)
{
  return g_object_new (BANDI_TYPE_ICAL_EXPORT, NULL);
}

static int
compare_days_descending (gconstpointer a,
                         gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/**
 * bandi_ical_export_set_reminder_days:
 * @days: (array length=n_days): days before each item to alarm; negative
 *   values and repeats are ignored
 */
void
bandi_ical_export_set_reminder_days (BandiIcalExport *self,
                                     const int       *days,
                                     gsize            n_days)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (days != NULL || n_days == 0);

  g_array_set_size (self->reminder_days, 0);
  for (gsize i = 0; i < n_days; i++)
    {
      gboolean seen = days[i] < 0;

      for (guint j = 0; j < self->reminder_days->len && !seen; j++)
        seen = g_array_index (self->reminder_days, int, j) == days[i];
      if (!seen)
        g_array_append_val (self->reminder_days, days[i]);
    }
  g_array_sort (self->reminder_days, compare_days_descending);
}

void
bandi_ical_export_set_milestones_as_events (BandiIcalExport *self,
                                            gboolean         as_events)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  self->milestones_as_events = !!as_events;
}

void
bandi_ical_export_set_category (BandiIcalExport *self,
                                const char      *category)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_free (self->category);
  self->category = category && *category ? g_strdup (category) : NULL;
}

void
bandi_ical_export_set_sequence_func (BandiIcalExport       *self,
                                     BandiIcalSequenceFunc  func,
                                     gpointer               user_data)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  self->sequence_func = func;
  self->sequence_data = user_data;
}

void
bandi_ical_export_set_fallback_stamp (BandiIcalExport *self,
                                      gint64           unix_time)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  self->fallback_stamp = unix_time;
}

/* Writing content lines */

/* Appends @line as a content line folded at 75 octets. A UTF-8 character
 * and an escape ("\;") are never split. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       len)
{
  gsize width = 0;
  gsize i = 0;

  while (i < len)
    {
      gsize n;

      if (line[i] == '\\' && i + 1 < len)
        n = 2;
      else
        n = (gsize) (g_utf8_skip[(guchar) line[i]]);
      n = MIN (n, len - i);

      if (width + n > FOLD_OCTETS)
        {
          g_string_append_len (out, "\r\n ", 3);
          width = 1;
        }
      g_string_append_len (out, line + i, n);
      width += n;
      i += n;
    }
  g_string_append_len (out, "\r\n", 2);
}

/* Appends @text escaped as an RFC 5545 TEXT value. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case ';':
          g_string_append_len (out, "\\;", 2);
          break;
        case ',':
          g_string_append_len (out, "\\,", 2);
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append_len (out, "\\n", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
        }
    }
}

static void
add_text (BandiIcalExport *self,
          GString         *out,
          const char      *name,
          const char      *text)
{
  g_string_assign (self->scratch, name);
  g_string_append_c (self->scratch, ':');
  append_escaped (self->scratch, text);
  append_folded (out, self->scratch->str, self->scratch->len);
}

static void add_line (BandiIcalExport *self,
                      GString         *out,
                      const char      *format,
                      ...) G_GNUC_PRINTF (3, 4);

/* A line whose value needs no escaping (dates, numbers, URIs, UIDs). */
static void
add_line (BandiIcalExport *self,
          GString         *out,
          const char      *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_string_vprintf (self->scratch, format, args);
  va_end (args);
  append_folded (out, self->scratch->str, self->scratch->len);
}

static void
add_utc (BandiIcalExport *self,
         GString         *out,
         const char      *name,
         gint64           unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  add_line (self, out, "%s:%04d%02d%02dT%02d%02d%02dZ", name,
            g_date_time_get_year (dt), g_date_time_get_month (dt),
            g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
            g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

/* Time zones */

static gboolean
zone_is_known (const char *zone)
{
  return icaltimezone_get_builtin_timezone (zone) != NULL;
}

/* The VTIMEZONE of @zone from the start of @year on, or "" if libical
 * cannot build it. */
static const char *
lookup_vtimezone (BandiIcalExport *self,
                  const char      *zone,
                  int              year)
{
  g_autofree char *key = g_strdup_printf ("%s %d", zone, year);
  const char *text = g_hash_table_lookup (self->vtimezones, key);
  icaltimezone *builtin;
  icalcomponent *component = NULL;

  if (text != NULL)
    return text;

  builtin = icaltimezone_get_builtin_timezone (zone);
  if (builtin != NULL && icaltimezone_get_component (builtin) != NULL)
    component = icalcomponent_new_clone (icaltimezone_get_component (builtin));

  if (component != NULL)
    {
      icalproperty *tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
      char *serialized;

      /* libical names system zones "/freeassociation.sourceforge.net/…";
       * calendars expect the IANA name the events refer to. */
      icalproperty_set_tzid (tzid, zone);
#ifdef ICAL_CHECK_VERSION
#if ICAL_CHECK_VERSION (3, 0, 6)
      {
        icaltimetype start = icaltime_null_time ();

        start.year = year;
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
    }
  else
    {
      g_warning ("No VTIMEZONE for “%s”", zone);
      text = g_strdup ("");
    }

  g_hash_table_insert (self->vtimezones, g_steal_pointer (&key), (char *) text);
  return text;
}

/* Items */

static char *
uid_from_parts (const char *kind,
                ...)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  va_list args;

  g_checksum_update (sum, (const guchar *) kind, -1);
  va_start (args, kind);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    {
      g_checksum_update (sum, (const guchar *) "\n", 1);
      g_checksum_update (sum, (const guchar *) part, -1);
    }
  va_end (args);

  return g_strconcat (g_checksum_get_string (sum), UID_DOMAIN, NULL);
}

char *
bandi_ical_deadline_uid (const char *source_id,
                         const char *external_id,
                         guint       stage)
{
  char stage_str[16];

  g_snprintf (stage_str, sizeof stage_str, "%u", stage);
  return uid_from_parts ("deadline", source_id ? source_id : "",
                         external_id ? external_id : "", stage_str, NULL);
}

static Item *
item_begin (BandiIcalExport *self,
            GString         *out,
            const char      *component,
            char            *uid,
            char            *summary,
            gint64           stamp,
            guint            sequence)
{
  Item *item = g_new0 (Item, 1);

  item->uid = uid;
  item->summary = summary;

  add_line (self, out, "BEGIN:%s", component);
  add_line (self, out, "UID:%s", uid);
  add_utc (self, out, "DTSTAMP", stamp > 0 ? stamp : self->fallback_stamp);
  add_utc (self, out, "LAST-MODIFIED", stamp > 0 ? stamp : self->fallback_stamp);
  add_line (self, out, "SEQUENCE:%u", sequence);
  add_text (self, out, "SUMMARY", summary);

  return item;
}

static void
item_end (BandiIcalExport *self,
          Item            *item,
          GString         *out,
          const char      *component,
          gboolean         alarms,
          gboolean         related_end)
{
  for (guint i = 0; alarms && i < self->reminder_days->len; i++)
    {
      int days = g_array_index (self->reminder_days, int, i);

      add_line (self, out, "BEGIN:VALARM");
      add_line (self, out, "ACTION:DISPLAY");
      add_text (self, out, "DESCRIPTION", item->summary);
      if (days == 0)
        add_line (self, out, "TRIGGER%s:PT0S", related_end ? ";RELATED=END" : "");
      else
        add_line (self, out, "TRIGGER%s:-P%dD", related_end ? ";RELATED=END" : "", days);
      add_line (self, out, "END:VALARM");
    }
  add_line (self, out, "END:%s", component);

  item->text = g_strndup (out->str, out->len);
  g_ptr_array_add (self->items, item);
}

/* Writes DTSTART and DTEND (or DUE, @end_name NULL) of @deadline. A timed
 * deadline is an instant (DTEND = DTSTART); a date-only one fills its day. */
static void
add_when (BandiIcalExport *self,
          Item            *item,
          GString         *out,
          BandiDeadline   *deadline,
          const char      *start_name,
          const char      *end_name)
{
  int year, month, day;

  bandi_deadline_get_date (deadline, &year, &month, &day);

  if (!bandi_deadline_has_time (deadline))
    {
      g_autoptr(GDate) next = g_date_new_dmy (day, month, year);

      add_line (self, out, "%s;VALUE=DATE:%04d%02d%02d", start_name, year, month, day);
      if (end_name != NULL)
        {
          g_date_add_days (next, 1);
          add_line (self, out, "%s;VALUE=DATE:%04d%02d%02d", end_name,
                    g_date_get_year (next), g_date_get_month (next), g_date_get_day (next));
        }
      return;
    }

  if (zone_is_known (bandi_deadline_get_zone (deadline)))
    {
      g_autoptr(GDateTime) local = bandi_deadline_dup_local (deadline);
      const char *names[] = { start_name, end_name };

      item->zone = g_strdup (bandi_deadline_get_zone (deadline));
      /* Alarms fire up to weeks before: cover the year before too. */
      item->year = year - 1;
      for (guint i = 0; i < G_N_ELEMENTS (names) && names[i] != NULL; i++)
        add_line (self, out, "%s;TZID=%s:%04d%02d%02dT%02d%02d%02d", names[i], item->zone,
                  year, month, day, g_date_time_get_hour (local),
                  g_date_time_get_minute (local), g_date_time_get_second (local));
    }
  else
    {
      /* No VTIMEZONE to refer to: the same instant in UTC. */
      add_utc (self, out, start_name, bandi_deadline_to_unix (deadline));
      if (end_name != NULL)
        add_utc (self, out, end_name, bandi_deadline_to_unix (deadline));
    }
}

/* CATEGORIES from @values (NULL or empty ones left out, repeats once). */
static void
add_categories (BandiIcalExport    *self,
                GString            *out,
                const char * const *values,
                gsize               n_values)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_string_assign (self->scratch, "CATEGORIES:");
  for (gsize i = 0; i < n_values; i++)
    {
      char *value = bandi_export_text_one_line (values[i]);

      if (*value == '\0' || g_ptr_array_find_with_equal_func (seen, value, g_str_equal, NULL))
        {
          g_free (value);
          continue;
        }
      if (seen->len > 0)
        g_string_append_c (self->scratch, ',');
      append_escaped (self->scratch, value);
      g_ptr_array_add (seen, value);
    }

  if (seen->len > 0)
    append_folded (out, self->scratch->str, self->scratch->len);
}

/* Appends "LABEL: VALUE" (or VALUE alone) as a line of a description;
 * nothing when @value is empty. */
static void
append_description_line (GString    *description,
                         const char *label,
                         const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  if (description->len > 0)
    g_string_append_c (description, '\n');
  line = bandi_export_text_one_line (value);
  if (label == NULL)
    g_string_append (description, line);
  else
    /* Translators: a label and its value, a line of an event's description */
    g_string_append_printf (description, _("%s: %s"), label, line);
}

static char *
join_nonempty (const char *a,
               const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b);
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strdup_printf ("%s — %s", a, b);
}

static char *
describe_call (BandiCall  *call,
               const char *uri)
{
  GString *description = g_string_new (NULL);
  g_autofree char *programme = join_nonempty (bandi_call_get_programme (call),
                                              bandi_call_get_programme_part (call));
  g_autofree char *call_name = join_nonempty (bandi_call_get_call_id (call),
                                              bandi_call_get_call_title (call));
  g_autofree char *budget = bandi_export_text_money (bandi_call_get_budget (call));
  g_autofree char *grants = NULL;

  if (bandi_call_get_expected_grants (call) > 0)
    grants = g_strdup_printf ("%d", bandi_call_get_expected_grants (call));

  append_description_line (description, NULL, bandi_call_get_title (call));
  append_description_line (description, _("Programme"), programme);
  append_description_line (description, _("Call"), call_name);
  append_description_line (description, _("Type of action"), bandi_call_get_action_type (call));
  append_description_line (description, _("Budget"), budget);
  append_description_line (description, _("Expected grants"), grants);
  append_description_line (description, _("Link"), uri);

  return g_string_free (description, FALSE);
}

void
bandi_ical_export_add_call (BandiIcalExport *self,
                            BandiCall       *call)
{
  GPtrArray *deadlines;
  g_autofree char *uri = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *identifier = NULL;
  g_autoptr(GString) out = NULL;
  const char *categories[3];

  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (BANDI_IS_CALL (call));

  deadlines = bandi_call_get_deadlines (call);
  if (deadlines->len == 0)
    return;

  uri = bandi_export_text_web_uri (bandi_call_get_url (call));
  description = describe_call (call, uri);
  title = bandi_export_text_one_line (bandi_call_get_title (call));
  identifier = bandi_export_text_one_line (bandi_export_text_call_identifier (call));
  categories[0] = bandi_call_get_programme (call);
  categories[1] = bandi_call_get_programme_part (call);
  categories[2] = self->category;
  out = g_string_sized_new (2048);

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *deadline = g_ptr_array_index (deadlines, i);
      guint stage = bandi_deadline_get_stage (deadline);
      g_autofree char *stage_name = bandi_export_text_stage (call, deadline);
      char *summary;
      Item *item;

      if (stage_name != NULL)
        /* Translators: an event's title: the call's identifier, which of its
         * deadlines, its title */
        summary = g_strdup_printf (_("Deadline: %s (%s) — %s"), identifier, stage_name, title);
      else
        /* Translators: an event's title: the call's identifier, its title */
        summary = g_strdup_printf (_("Deadline: %s — %s"), identifier, title);

      g_string_truncate (out, 0);
      item = item_begin (self, out, "VEVENT",
                         bandi_ical_deadline_uid (bandi_call_get_source_id (call),
                                                  bandi_call_get_external_id (call),
                                                  stage),
                         summary,
                         bandi_call_get_last_changed (call) > 0 ?
                           bandi_call_get_last_changed (call) : bandi_call_get_first_seen (call),
                         self->sequence_func ?
                           self->sequence_func (call, stage, self->sequence_data) : 0);
      add_when (self, item, out, deadline, "DTSTART", "DTEND");
      add_line (self, out, "TRANSP:TRANSPARENT");
      add_text (self, out, "DESCRIPTION", description);
      if (uri != NULL)
        add_line (self, out, "URL:%s", uri);
      add_categories (self, out, categories, G_N_ELEMENTS (categories));
      item_end (self, item, out, "VEVENT", TRUE, FALSE);
    }
}

static char *
describe_proposal (BandiProposal *proposal)
{
  GString *description = g_string_new (NULL);
  g_autofree char *call_name = join_nonempty (bandi_proposal_get_call_external_id (proposal),
                                              bandi_proposal_get_manual_call (proposal));

  append_description_line (description, NULL, bandi_proposal_get_title (proposal));
  append_description_line (description, _("Call"), call_name);
  append_description_line (description, _("Programme"), bandi_proposal_get_programme (proposal));
  append_description_line (description, _("Cluster"), bandi_proposal_get_cluster_acronym (proposal));
  append_description_line (description, _("Owner"), bandi_proposal_get_owner (proposal));

  return g_string_free (description, FALSE);
}

static char *
proposal_uid (BandiProposal  *proposal,
              const char     *kind,
              BandiMilestone *milestone)
{
  char id[32], created[32], milestone_id[32];
  const char *cluster;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, bandi_proposal_get_id (proposal));
  g_snprintf (created, sizeof created, "%" G_GINT64_FORMAT, bandi_proposal_get_created (proposal));
  g_snprintf (milestone_id, sizeof milestone_id, "%" G_GINT64_FORMAT,
              milestone ? bandi_milestone_get_id (milestone) : 0);

  /* Proposals are local: their row ids, with the creation time and the
   * cluster, keep UIDs of different machines' proposals apart. */
  cluster = bandi_proposal_get_cluster_acronym (proposal);
  return uid_from_parts (kind, cluster ? cluster : "", id, created, milestone_id, NULL);
}

void
bandi_ical_export_add_proposal (BandiIcalExport *self,
                                BandiProposal   *proposal)
{
  GPtrArray *milestones;
  BandiDeadline *manual;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) out = NULL;
  const char *categories[2];
  gint64 stamp;

  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (BANDI_IS_PROPOSAL (proposal));

  description = describe_proposal (proposal);
  name = bandi_export_text_one_line (bandi_proposal_get_acronym (proposal));
  if (*name == '\0')
    {
      g_free (name);
      name = bandi_export_text_one_line (bandi_proposal_get_title (proposal));
    }
  categories[0] = bandi_proposal_get_programme (proposal);
  categories[1] = self->category ? self->category : bandi_proposal_get_cluster_acronym (proposal);
  stamp = bandi_proposal_get_updated (proposal) > 0 ?
    bandi_proposal_get_updated (proposal) : bandi_proposal_get_created (proposal);
  out = g_string_sized_new (2048);

  manual = bandi_proposal_get_manual_deadline (proposal);
  if (manual != NULL && (bandi_proposal_get_call_external_id (proposal) == NULL ||
                         *bandi_proposal_get_call_external_id (proposal) == '\0'))
    {
      g_autofree char *call = bandi_export_text_one_line (bandi_proposal_get_manual_call (proposal));
      Item *item;

      item = item_begin (self, out, "VEVENT", proposal_uid (proposal, "proposal-deadline", NULL),
                         /* Translators: an event's title: the call, the proposal */
                         g_strdup_printf (_("Deadline: %s — proposal %s"), call, name),
                         stamp, 0);
      add_when (self, item, out, manual, "DTSTART", "DTEND");
      add_line (self, out, "TRANSP:TRANSPARENT");
      add_text (self, out, "DESCRIPTION", description);
      add_categories (self, out, categories, G_N_ELEMENTS (categories));
      item_end (self, item, out, "VEVENT", TRUE, FALSE);
    }

  milestones = bandi_proposal_get_milestones (proposal);
  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *milestone = g_ptr_array_index (milestones, i);
      BandiDeadline *due = bandi_milestone_get_due (milestone);
      gboolean done = bandi_milestone_get_done (milestone);
      const char *component = self->milestones_as_events ? "VEVENT" : "VTODO";
      g_autofree char *title = bandi_export_text_one_line (bandi_milestone_get_title (milestone));
      Item *item;

      if (due == NULL)
        continue;

      g_string_truncate (out, 0);
      item = item_begin (self, out, component, proposal_uid (proposal, "milestone", milestone),
                         /* Translators: a milestone's title: the proposal, the milestone */
                         g_strdup_printf (_("Proposal %s: %s"), name, title),
                         stamp, 0);
      if (self->milestones_as_events)
        {
          add_when (self, item, out, due, "DTSTART", "DTEND");
          add_line (self, out, "TRANSP:TRANSPARENT");
        }
      else
        {
          add_when (self, item, out, due, "DUE", NULL);
          add_line (self, out, "STATUS:%s", done ? "COMPLETED" : "NEEDS-ACTION");
        }
      add_text (self, out, "DESCRIPTION", description);
      add_categories (self, out, categories, G_N_ELEMENTS (categories));
      item_end (self, item, out, component, !done, !self->milestones_as_events);
    }
}

guint
bandi_ical_export_get_n_items (BandiIcalExport *self)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), 0);
  return self->items->len;
}

const char *
bandi_ical_export_get_item_uid (BandiIcalExport *self,
                                guint            index)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return ((Item *) g_ptr_array_index (self->items, index))->uid;
}

const char *
bandi_ical_export_get_item_summary (BandiIcalExport *self,
                                    guint            index)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return ((Item *) g_ptr_array_index (self->items, index))->summary;
}

/* Output */

static void
begin_calendar (GString *out)
{
  static char *prodid;

  if (g_once_init_enter (&prodid))
    {
      g_auto(GStrv) parts = g_strsplit (PACKAGE_VERSION, ".", 3);

      g_once_init_leave (&prodid,
                         g_strdup_printf ("PRODID:-//Bandi//Bandi %s.%s//EN\r\n",
                                          parts[0], parts[1] ? parts[1] : "0"));
    }

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  g_string_append (out, prodid);
  g_string_append (out, "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\n");
}

GBytes *
bandi_ical_export_dup_item_bytes (BandiIcalExport *self,
                                  guint            index)
{
  GString *out;
  Item *item;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  item = g_ptr_array_index (self->items, index);
  out = g_string_sized_new (strlen (item->text) + 2048);
  begin_calendar (out);
  if (item->zone != NULL)
    g_string_append (out, lookup_vtimezone (self, item->zone, item->year));
  g_string_append (out, item->text);
  g_string_append (out, "END:VCALENDAR\r\n");

  return g_string_free_to_bytes (out);
}

GBytes *
bandi_ical_export_to_bytes (BandiIcalExport *self)
{
  g_autoptr(GHashTable) first_year = NULL;
  g_autoptr(GList) zones = NULL;
  GString *out;
  gsize size = 4096;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);

  /* One VTIMEZONE per zone used, from the earliest year any item needs. */
  first_year = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      gpointer year;

      size += strlen (item->text);
      if (item->zone == NULL)
        continue;
      if (!g_hash_table_lookup_extended (first_year, item->zone, NULL, &year) ||
          GPOINTER_TO_INT (year) > item->year)
        g_hash_table_insert (first_year, item->zone, GINT_TO_POINTER (item->year));
    }

  out = g_string_sized_new (size);
  begin_calendar (out);
  zones = g_list_sort (g_hash_table_get_keys (first_year), (GCompareFunc) strcmp);
  for (GList *l = zones; l != NULL; l = l->next)
    g_string_append (out, lookup_vtimezone (self, l->data,
                                            GPOINTER_TO_INT (g_hash_table_lookup (first_year, l->data))));
  for (guint i = 0; i < self->items->len; i++)
    g_string_append (out, ((Item *) g_ptr_array_index (self->items, i))->text);
  g_string_append (out, "END:VCALENDAR\r\n");

  return g_string_free_to_bytes (out);
}

gboolean
bandi_ical_export_write_file (BandiIcalExport  *self,
                              GFile            *file,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = bandi_ical_export_to_bytes (self);
  /* Written to a temporary file then renamed: a failure leaves any
   * previous export whole. */
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
