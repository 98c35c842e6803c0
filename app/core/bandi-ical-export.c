/* bandi-ical-export.c
 *
 * Adding a call or proposal records one entry per calendar item: the
 * objects it comes from, its UID and SEQUENCE, and the zone it needs. The
 * text is written when asked, item by item, so that a large export is
 * never whole in memory (see bandi-ical-text.c for how it is written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-ical"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-export-text.h"
#include "bandi-ical-text.h"
#include "bandi-ical-export.h"

#define UID_DOMAIN "@bandi.github.io"
#define CALENDAR_END "END:VCALENDAR\r\n"
#define FLUSH_SIZE (64 * 1024)

typedef enum {
  ENTRY_CALL_DEADLINE,
  ENTRY_PROPOSAL_DEADLINE,
  ENTRY_MILESTONE,
} EntryKind;

typedef struct {
  EntryKind       kind;
  GObject        *owner;      /* BandiCall or BandiProposal */
  BandiDeadline  *when;
  BandiMilestone *milestone;  /* ENTRY_MILESTONE */
  char           *uid;
  guint           sequence;
  int             first_year; /* its VTIMEZONE covers this year on */
  gboolean        zoned;      /* written with TZID */
} Entry;

/* What the items of one call or proposal share, made once for all. */
typedef struct {
  GObject *owner;             /* not a reference: the entries hold one */
  char    *name;              /* identifier of the call, name of the proposal */
  char    *title;
  char    *description;
  char    *uri;
  char     stamp[17];
  const char *categories[3];
} OwnerText;

struct _BandiIcalExport
{
  GObject parent_instance;

  GArray     *reminder_days;  /* int, unique, descending */
  gboolean    milestones_as_events;
  char       *category;
  BandiIcalSequenceFunc sequence_func;
  gpointer    sequence_data;
  gint64      fallback_stamp;

  GPtrArray  *entries;
  GHashTable *kept_uids;
  GHashTable *known_zones;    /* zone → GINT_TO_POINTER (known + 1) */
  GHashTable *vtimezones;     /* "zone year" → VTIMEZONE text */
  OwnerText   owner_text;
  GString    *alarms[2];      /* VALARMs relative to the start, to the end */
  GString    *scratch;
};

G_DEFINE_FINAL_TYPE (BandiIcalExport, bandi_ical_export, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->owner);
  g_object_unref (entry->when);
  g_clear_object (&entry->milestone);
  g_free (entry->uid);
  g_free (entry);
}

static void
owner_text_clear (OwnerText *text)
{
  text->owner = NULL;
  g_clear_pointer (&text->name, g_free);
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->description, g_free);
  g_clear_pointer (&text->uri, g_free);
}

static void
clear_alarms (BandiIcalExport *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->alarms); i++)
    if (self->alarms[i] != NULL)
      {
        g_string_free (self->alarms[i], TRUE);
        self->alarms[i] = NULL;
      }
}

static void
bandi_ical_export_finalize (GObject *object)
{
  BandiIcalExport *self = BANDI_ICAL_EXPORT (object);

  g_array_unref (self->reminder_days);
  g_free (self->category);
  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->kept_uids);
  g_hash_table_unref (self->known_zones);
  g_hash_table_unref (self->vtimezones);
  owner_text_clear (&self->owner_text);
  clear_alarms (self);
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
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->kept_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  clear_alarms (self);
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
  owner_text_clear (&self->owner_text);
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
  owner_text_clear (&self->owner_text);
}

/* Entries */

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

static char *
proposal_uid (BandiProposal  *proposal,
              const char     *kind,
              BandiMilestone *milestone)
{
  char id[32], created[32], milestone_id[32];
  const char *cluster = bandi_proposal_get_cluster_acronym (proposal);

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, bandi_proposal_get_id (proposal));
  g_snprintf (created, sizeof created, "%" G_GINT64_FORMAT, bandi_proposal_get_created (proposal));
  g_snprintf (milestone_id, sizeof milestone_id, "%" G_GINT64_FORMAT,
              milestone ? bandi_milestone_get_id (milestone) : 0);

  /* Proposals are local: their row ids, with the creation time and the
   * cluster, keep apart the UIDs of proposals made on different machines. */
  return uid_from_parts (kind, cluster ? cluster : "", id, created, milestone_id, NULL);
}

static gboolean
zone_is_known (BandiIcalExport *self,
               const char      *zone)
{
  gpointer known = g_hash_table_lookup (self->known_zones, zone);

  if (known == NULL)
    {
      known = GINT_TO_POINTER (bandi_ical_text_zone_is_known (zone) + 1);
      g_hash_table_insert (self->known_zones, g_strdup (zone), known);
    }

  return GPOINTER_TO_INT (known) == 2;
}

static void
add_entry (BandiIcalExport *self,
           EntryKind        kind,
           gpointer         owner,
           BandiDeadline   *when,
           BandiMilestone  *milestone,
           char            *uid,
           guint            sequence)
{
  Entry *entry = g_new0 (Entry, 1);
  int year;

  entry->kind = kind;
  entry->owner = g_object_ref (owner);
  entry->when = g_object_ref (when);
  entry->milestone = milestone ? g_object_ref (milestone) : NULL;
  entry->uid = uid;
  entry->sequence = sequence;
  entry->zoned = bandi_deadline_has_time (when) && zone_is_known (self, bandi_deadline_get_zone (when));
  bandi_deadline_get_date (when, &year, NULL, NULL);
  /* Alarms fire up to weeks before: cover the year before too. */
  entry->first_year = year - 1;

  g_ptr_array_add (self->entries, entry);
}

static char *
call_deadline_uid (BandiCall     *call,
                   BandiDeadline *deadline)
{
  return bandi_ical_deadline_uid (bandi_call_get_source_id (call), bandi_call_get_external_id (call),
                                  bandi_deadline_get_stage (deadline));
}

void
bandi_ical_export_add_call (BandiIcalExport *self,
                            BandiCall       *call)
{
  GPtrArray *deadlines;

  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (BANDI_IS_CALL (call));

  deadlines = bandi_call_get_deadlines (call);
  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *deadline = g_ptr_array_index (deadlines, i);
      guint stage = bandi_deadline_get_stage (deadline);

      add_entry (self, ENTRY_CALL_DEADLINE, call, deadline, NULL, call_deadline_uid (call, deadline),
                 self->sequence_func ? self->sequence_func (call, stage, self->sequence_data) : 0);
    }
}

void
bandi_ical_export_keep_call (BandiIcalExport *self,
                             BandiCall       *call)
{
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (BANDI_IS_CALL (call));

  for (guint i = 0; i < bandi_call_get_deadlines (call)->len; i++)
    g_hash_table_add (self->kept_uids,
                      call_deadline_uid (call, g_ptr_array_index (bandi_call_get_deadlines (call), i)));
}

gboolean
bandi_ical_export_keeps_uid (BandiIcalExport *self,
                             const char      *uid)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), FALSE);
  return g_hash_table_contains (self->kept_uids, uid);
}

void
bandi_ical_export_add_proposal (BandiIcalExport *self,
                                BandiProposal   *proposal)
{
  BandiDeadline *manual;
  const char *call;
  GPtrArray *milestones;

  g_return_if_fail (BANDI_IS_ICAL_EXPORT (self));
  g_return_if_fail (BANDI_IS_PROPOSAL (proposal));

  manual = bandi_proposal_get_manual_deadline (proposal);
  call = bandi_proposal_get_call_external_id (proposal);
  if (manual != NULL && (call == NULL || *call == '\0'))
    add_entry (self, ENTRY_PROPOSAL_DEADLINE, proposal, manual, NULL,
               proposal_uid (proposal, "proposal-deadline", NULL), 0);

  milestones = bandi_proposal_get_milestones (proposal);
  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *milestone = g_ptr_array_index (milestones, i);

      if (bandi_milestone_get_due (milestone) != NULL)
        add_entry (self, ENTRY_MILESTONE, proposal, bandi_milestone_get_due (milestone), milestone,
                   proposal_uid (proposal, "milestone", milestone), 0);
    }
}

guint
bandi_ical_export_get_n_items (BandiIcalExport *self)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), 0);
  return self->entries->len;
}

const char *
bandi_ical_export_get_item_uid (BandiIcalExport *self,
                                guint            index)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return ((Entry *) g_ptr_array_index (self->entries, index))->uid;
}

/* Text shared by the items of an owner */

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

static void
describe_call (OwnerText *text,
               BandiCall *call)
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

  text->uri = bandi_export_text_web_uri (bandi_call_get_url (call));
  text->name = bandi_export_text_one_line (bandi_export_text_call_identifier (call));
  text->title = bandi_export_text_one_line (bandi_call_get_title (call));
  text->categories[0] = bandi_call_get_programme (call);
  text->categories[1] = bandi_call_get_programme_part (call);
  text->categories[2] = NULL;

  append_description_line (description, NULL, bandi_call_get_title (call));
  append_description_line (description, _("Programme"), programme);
  append_description_line (description, _("Call"), call_name);
  append_description_line (description, _("Type of action"), bandi_call_get_action_type (call));
  append_description_line (description, _("Budget"), budget);
  append_description_line (description, _("Expected grants"), grants);
  append_description_line (description, _("Link"), text->uri);
  text->description = g_string_free (description, FALSE);
}

static void
describe_proposal (OwnerText     *text,
                   BandiProposal *proposal)
{
  GString *description = g_string_new (NULL);
  g_autofree char *call_name = join_nonempty (bandi_proposal_get_call_external_id (proposal),
                                              bandi_proposal_get_manual_call (proposal));

  text->name = bandi_export_text_one_line (bandi_proposal_get_acronym (proposal));
  if (*text->name == '\0')
    {
      g_free (text->name);
      text->name = bandi_export_text_one_line (bandi_proposal_get_title (proposal));
    }
  text->title = bandi_export_text_one_line (bandi_proposal_get_manual_call (proposal));
  text->categories[0] = bandi_proposal_get_programme (proposal);
  text->categories[1] = bandi_proposal_get_cluster_acronym (proposal);
  text->categories[2] = NULL;

  append_description_line (description, NULL, bandi_proposal_get_title (proposal));
  append_description_line (description, _("Call"), call_name);
  append_description_line (description, _("Programme"), bandi_proposal_get_programme (proposal));
  append_description_line (description, _("Cluster"), bandi_proposal_get_cluster_acronym (proposal));
  append_description_line (description, _("Owner"), bandi_proposal_get_owner (proposal));
  text->description = g_string_free (description, FALSE);
}

static const OwnerText *
get_owner_text (BandiIcalExport *self,
                Entry           *entry)
{
  OwnerText *text = &self->owner_text;
  gint64 stamp;

  if (text->owner == entry->owner)
    return text;

  owner_text_clear (text);
  text->owner = entry->owner;
  if (BANDI_IS_CALL (entry->owner))
    {
      BandiCall *call = BANDI_CALL (entry->owner);

      describe_call (text, call);
      stamp = bandi_call_get_last_changed (call) > 0 ?
        bandi_call_get_last_changed (call) : bandi_call_get_first_seen (call);
    }
  else
    {
      BandiProposal *proposal = BANDI_PROPOSAL (entry->owner);

      describe_proposal (text, proposal);
      stamp = bandi_proposal_get_updated (proposal) > 0 ?
        bandi_proposal_get_updated (proposal) : bandi_proposal_get_created (proposal);
    }
  /* The cluster the export is for, else the proposal's own. */
  if (self->category != NULL)
    text->categories[BANDI_IS_CALL (entry->owner) ? 2 : 1] = self->category;
  bandi_ical_text_format_utc (text->stamp, stamp > 0 ? stamp : self->fallback_stamp);

  return text;
}

static char *
entry_summary (BandiIcalExport *self,
               Entry           *entry)
{
  const OwnerText *text = get_owner_text (self, entry);
  g_autofree char *detail = NULL;

  switch (entry->kind)
    {
    case ENTRY_CALL_DEADLINE:
      detail = bandi_export_text_stage (BANDI_CALL (entry->owner), entry->when);
      if (detail != NULL)
        /* Translators: an event's title: the call's identifier, which of its
         * deadlines, its title */
        return g_strdup_printf (_("Deadline: %s (%s) — %s"), text->name, detail, text->title);
      /* Translators: an event's title: the call's identifier, its title */
      return g_strdup_printf (_("Deadline: %s — %s"), text->name, text->title);

    case ENTRY_PROPOSAL_DEADLINE:
      /* Translators: an event's title: the call, the proposal */
      return g_strdup_printf (_("Deadline: %s — proposal %s"), text->title, text->name);

    case ENTRY_MILESTONE:
    default:
      detail = bandi_export_text_one_line (bandi_milestone_get_title (entry->milestone));
      /* Translators: a milestone's title: the proposal, the milestone */
      return g_strdup_printf (_("Proposal %s: %s"), text->name, detail);
    }
}

char *
bandi_ical_export_dup_item_summary (BandiIcalExport *self,
                                    guint            index)
{
  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return entry_summary (self, g_ptr_array_index (self->entries, index));
}

/* Writing items */

static void
append_line (GString    *out,
             const char *first,
             ...)
{
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_string_append (out, s);
  va_end (args);
  g_string_append_len (out, "\r\n", 2);
}

/* DTSTART and its end (or DUE alone, @event FALSE). A date-only deadline
 * fills its day: DTEND is the next day, as RFC 5545 (3.6.1) wants of an
 * all-day event. A timed deadline is an instant: DURATION:PT0S. DTEND
 * equal to DTSTART is forbidden (3.8.2.2: DTEND must be later), and with
 * no end at all the standard means the same instant, but some readers
 * guess a length then (khal makes it a one-hour meeting); an explicit zero
 * DURATION is read right by them, and a reader that ignores it falls back
 * to the standard's own meaning, the instant. */
static void
append_when (BandiIcalExport *self,
             GString         *out,
             Entry           *entry,
             gboolean         event)
{
  const char *name = event ? "DTSTART" : "DUE";
  char value[32];
  int year, month, day;

  bandi_deadline_get_date (entry->when, &year, &month, &day);

  if (!bandi_deadline_has_time (entry->when))
    {
      g_autoptr(GDate) next = g_date_new_dmy (day, month, year);

      g_snprintf (value, sizeof value, "%04d%02d%02d", year, month, day);
      append_line (out, name, ";VALUE=DATE:", value, NULL);
      if (event)
        {
          g_date_add_days (next, 1);
          g_snprintf (value, sizeof value, "%04d%02d%02d",
                      g_date_get_year (next), g_date_get_month (next), g_date_get_day (next));
          append_line (out, "DTEND;VALUE=DATE:", value, NULL);
        }
      return;
    }

  if (entry->zoned)
    {
      g_autoptr(GDateTime) local = bandi_deadline_dup_local (entry->when);

      g_snprintf (value, sizeof value, "%04d%02d%02dT%02d%02d%02d", year, month, day,
                  g_date_time_get_hour (local), g_date_time_get_minute (local),
                  g_date_time_get_second (local));
      append_line (out, name, ";TZID=", bandi_deadline_get_zone (entry->when), ":", value, NULL);
    }
  else
    {
      /* No VTIMEZONE to refer to: the same instant in UTC. */
      bandi_ical_text_format_utc (value, bandi_deadline_to_unix (entry->when));
      append_line (out, name, ":", value, NULL);
    }
  if (event)
    g_string_append (out, "DURATION:PT0S\r\n");
}

/* CATEGORIES from @values (NULL or empty ones left out, repeats once). */
static void
append_categories (BandiIcalExport    *self,
                   GString            *out,
                   const char * const *values,
                   gsize               n_values)
{
  char *seen[8];
  guint n_seen = 0;

  g_assert (n_values <= G_N_ELEMENTS (seen));
  g_string_assign (self->scratch, "CATEGORIES:");
  for (gsize i = 0; i < n_values; i++)
    {
      char *value = bandi_export_text_one_line (values[i]);
      gboolean repeated = *value == '\0';

      for (guint j = 0; j < n_seen && !repeated; j++)
        repeated = strcmp (seen[j], value) == 0;
      if (repeated)
        {
          g_free (value);
          continue;
        }
      if (n_seen > 0)
        g_string_append_c (self->scratch, ',');
      bandi_ical_text_append_escaped (self->scratch, value);
      seen[n_seen++] = value;
    }

  if (n_seen > 0)
    bandi_ical_text_append_folded (out, self->scratch->str, self->scratch->len);
  for (guint j = 0; j < n_seen; j++)
    g_free (seen[j]);
}

/* The VALARMs, the same for every item: built once. */
static const char *
get_alarms (BandiIcalExport *self,
            gboolean         related_end)
{
  GString **alarms = &self->alarms[related_end];

  if (*alarms != NULL)
    return (*alarms)->str;

  *alarms = g_string_new (NULL);
  for (guint i = 0; i < self->reminder_days->len; i++)
    {
      int days = g_array_index (self->reminder_days, int, i);
      char trigger[32];

      if (days == 0)
        g_strlcpy (trigger, "PT0S", sizeof trigger);
      else
        g_snprintf (trigger, sizeof trigger, "-P%dD", days);

      g_string_append (*alarms, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
      /* Calendars show the item's own title and time with the alarm. */
      bandi_ical_text_append_text (*alarms, self->scratch, "DESCRIPTION", _("Reminder"));
      append_line (*alarms, "TRIGGER", related_end ? ";RELATED=END:" : ":", trigger, NULL);
      g_string_append (*alarms, "END:VALARM\r\n");
    }

  return (*alarms)->str;
}

static void
append_entry (BandiIcalExport *self,
              GString         *out,
              Entry           *entry)
{
  const OwnerText *text = get_owner_text (self, entry);
  g_autofree char *summary = entry_summary (self, entry);
  gboolean todo = entry->kind == ENTRY_MILESTONE && !self->milestones_as_events;
  gboolean done = entry->kind == ENTRY_MILESTONE && bandi_milestone_get_done (entry->milestone);
  const char *component = todo ? "VTODO" : "VEVENT";
  char sequence[16];

  g_snprintf (sequence, sizeof sequence, "%u", entry->sequence);
  append_line (out, "BEGIN:", component, NULL);
  append_line (out, "UID:", entry->uid, NULL);
  append_line (out, "DTSTAMP:", text->stamp, NULL);
  append_line (out, "LAST-MODIFIED:", text->stamp, NULL);
  append_line (out, "SEQUENCE:", sequence, NULL);
  bandi_ical_text_append_text (out, self->scratch, "SUMMARY", summary);
  if (todo)
    {
      append_when (self, out, entry, FALSE);
      append_line (out, "STATUS:", done ? "COMPLETED" : "NEEDS-ACTION", NULL);
    }
  else
    {
      append_when (self, out, entry, TRUE);
      g_string_append (out, "TRANSP:TRANSPARENT\r\n");
    }
  bandi_ical_text_append_text (out, self->scratch, "DESCRIPTION", text->description);
  if (text->uri != NULL)
    {
      g_string_assign (self->scratch, "URL:");
      g_string_append (self->scratch, text->uri);
      bandi_ical_text_append_folded (out, self->scratch->str, self->scratch->len);
    }
  append_categories (self, out, text->categories, G_N_ELEMENTS (text->categories));
  if (!done)
    g_string_append (out, get_alarms (self, todo));
  append_line (out, "END:", component, NULL);
}

/* Output */

static void
append_calendar_start (GString *out)
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

static void
append_vtimezone (BandiIcalExport *self,
                  GString         *out,
                  const char      *zone,
                  int              first_year)
{
  g_autofree char *key = g_strdup_printf ("%s %d", zone, first_year);
  const char *text = g_hash_table_lookup (self->vtimezones, key);

  if (text == NULL)
    {
      char *built = bandi_ical_text_build_vtimezone (zone, first_year);

      /* Entries are zoned only when libical knows the zone. */
      g_assert (built != NULL);
      g_hash_table_insert (self->vtimezones, g_steal_pointer (&key), built);
      text = built;
    }
  g_string_append (out, text);
}

/* The calendar's start: its properties and one VTIMEZONE per zone used,
 * from the earliest year any item needs. */
static void
append_head (BandiIcalExport *self,
             GString         *out)
{
  g_autoptr(GHashTable) first_year = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) zones = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const char *zone = bandi_deadline_get_zone (entry->when);
      gpointer year;

      if (!entry->zoned)
        continue;
      if (!g_hash_table_lookup_extended (first_year, zone, NULL, &year) ||
          GPOINTER_TO_INT (year) > entry->first_year)
        g_hash_table_insert (first_year, (gpointer) zone, GINT_TO_POINTER (entry->first_year));
    }

  append_calendar_start (out);
  zones = g_list_sort (g_hash_table_get_keys (first_year), (GCompareFunc) strcmp);
  for (GList *l = zones; l != NULL; l = l->next)
    append_vtimezone (self, out, l->data, GPOINTER_TO_INT (g_hash_table_lookup (first_year, l->data)));
}

GBytes *
bandi_ical_export_dup_item_bytes (BandiIcalExport *self,
                                  guint            index)
{
  GString *out;
  Entry *entry;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, index);
  out = g_string_sized_new (8192);
  append_calendar_start (out);
  if (entry->zoned)
    append_vtimezone (self, out, bandi_deadline_get_zone (entry->when), entry->first_year);
  append_entry (self, out, entry);
  g_string_append (out, CALENDAR_END);

  return g_string_free_to_bytes (out);
}

/* Writes the whole calendar into @out, or through it into @stream when
 * given, a piece at a time. */
static gboolean
write_calendar (BandiIcalExport  *self,
                GString          *out,
                GOutputStream    *stream,
                GCancellable     *cancellable,
                GError          **error)
{
  append_head (self, out);
  for (guint i = 0; i < self->entries->len; i++)
    {
      append_entry (self, out, g_ptr_array_index (self->entries, i));
      if (stream != NULL && out->len >= FLUSH_SIZE)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, CALENDAR_END);

  return stream == NULL ||
         g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

GBytes *
bandi_ical_export_to_bytes (BandiIcalExport *self)
{
  GString *out;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), NULL);

  out = g_string_sized_new (FLUSH_SIZE);
  write_calendar (self, out, NULL, NULL, NULL);
  return g_string_free_to_bytes (out);
}

gboolean
bandi_ical_export_write (BandiIcalExport  *self,
                         GOutputStream    *stream,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  out = g_string_sized_new (FLUSH_SIZE + 16 * 1024);
  return write_calendar (self, out, stream, cancellable, error);
}

gboolean
bandi_ical_export_write_file (BandiIcalExport  *self,
                              GFile            *file,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!bandi_ical_export_write (self, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing cancelled drops the temporary file: any previous export
       * stays whole. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
