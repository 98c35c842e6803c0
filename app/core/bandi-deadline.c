/* bandi-deadline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-deadline"

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>

#include "bandi-deadline.h"
#include "bandi-util.h"
#include "bandi-zone.h"

struct _BandiDeadline
{
  GObject parent_instance;

  guint    stage;
  char    *label;
  char    *zone;      /* NULL for date-only */
  gboolean has_time;
  int      year, month, day;
  int      hour, minute, second;
};

G_DEFINE_FINAL_TYPE (BandiDeadline, bandi_deadline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_LABEL,
  PROP_ZONE,
  PROP_HAS_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_deadline_finalize (GObject *object)
{
  BandiDeadline *self = BANDI_DEADLINE (object);

  g_free (self->label);
  g_free (self->zone);

  G_OBJECT_CLASS (bandi_deadline_parent_class)->finalize (object);
}

static void
bandi_deadline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BandiDeadline *self = BANDI_DEADLINE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;
    case PROP_HAS_TIME:
      g_value_set_boolean (value, self->has_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_deadline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BandiDeadline *self = BANDI_DEADLINE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      bandi_deadline_set_stage (self, g_value_get_uint (value));
      break;
    case PROP_LABEL:
      bandi_deadline_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_deadline_class_init (BandiDeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_deadline_finalize;
  object_class->get_property = bandi_deadline_get_property;
  object_class->set_property = bandi_deadline_set_property;

  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_TIME] =
    g_param_spec_boolean ("has-time", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_deadline_init (BandiDeadline *self)
{
  self->stage = 1;
}

static gboolean
date_is_valid (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && g_date_valid_dmy (day, month, year);
}

/**
 * bandi_deadline_new_local:
 * @zone: an IANA zone name such as "Europe/Brussels"
 *
 * A deadline at a wall-clock time in @zone. Returns %NULL if the date,
 * time or zone is invalid.
 */
BandiDeadline *
bandi_deadline_new_local (guint       stage,
                          const char *label,
                          int         year,
                          int         month,
                          int         day,
                          int         hour,
                          int         minute,
                          int         second,
                          const char *zone)
{
  BandiDeadline *self;

  g_return_val_if_fail (zone != NULL, NULL);

  if (!date_is_valid (year, month, day) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59)
    return NULL;

  if (bandi_zone_lookup (zone) == NULL)
    return NULL;

  self = g_object_new (BANDI_TYPE_DEADLINE, "stage", stage, "label", label, NULL);
  self->zone = g_strdup (zone);
  self->has_time = TRUE;
  self->year = year;
  self->month = month;
  self->day = day;
  self->hour = hour;
  self->minute = minute;
  self->second = second;

  return self;
}

/**
 * bandi_deadline_new_timed:
 * @local: any #GDateTime; it is converted to @zone first
 *
 * A deadline at the instant @local, expressed in @zone.
 */
BandiDeadline *
bandi_deadline_new_timed (guint       stage,
                          const char *label,
                          GDateTime  *local,
                          const char *zone)
{
  GTimeZone *tz;
  g_autoptr(GDateTime) in_zone = NULL;

  g_return_val_if_fail (local != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  tz = bandi_zone_lookup (zone);
  if (tz == NULL)
    return NULL;

  in_zone = g_date_time_to_timezone (local, tz);
  return bandi_deadline_new_local (stage, label,
                                   g_date_time_get_year (in_zone),
                                   g_date_time_get_month (in_zone),
                                   g_date_time_get_day_of_month (in_zone),
                                   g_date_time_get_hour (in_zone),
                                   g_date_time_get_minute (in_zone),
                                   g_date_time_get_second (in_zone),
                                   zone);
}

BandiDeadline *
bandi_deadline_new_date (guint       stage,
                         const char *label,
                         int         year,
                         int         month,
                         int         day)
{
  BandiDeadline *self;

  if (!date_is_valid (year, month, day))
    return NULL;

  self = g_object_new (BANDI_TYPE_DEADLINE, "stage", stage, "label", label, NULL);
  self->year = year;
  self->month = month;
  self->day = day;

  return self;
}

/**
 * bandi_deadline_new_from_storage:
 * @value: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (wall clock in @zone)
 * @zone: (nullable): required when @value has a time
 */
BandiDeadline *
bandi_deadline_new_from_storage (guint        stage,
                                 const char  *label,
                                 const char  *value,
                                 const char  *zone,
                                 GError     **error)
{
  int y, mo, d, h, mi, s;
  char tail;
  BandiDeadline *self = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  if (sscanf (value, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) == 6)
    {
      if (zone != NULL && *zone != '\0')
        self = bandi_deadline_new_local (stage, label, y, mo, d, h, mi, s, zone);
    }
  else if (sscanf (value, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3)
    {
      self = bandi_deadline_new_date (stage, label, y, mo, d);
    }

  if (self == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "Invalid deadline “%s” (zone “%s”)", value, zone ? zone : "");

  return self;
}

guint
bandi_deadline_get_stage (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), 0);
  return self->stage;
}

void
bandi_deadline_set_stage (BandiDeadline *self,
                          guint          stage)
{
  g_return_if_fail (BANDI_IS_DEADLINE (self));

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
}

const char *
bandi_deadline_get_label (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);
  return self->label;
}

void
bandi_deadline_set_label (BandiDeadline *self,
                          const char    *label)
{
  g_return_if_fail (BANDI_IS_DEADLINE (self));

  if (bandi_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
bandi_deadline_has_time (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), FALSE);
  return self->has_time;
}

/* Returns: (nullable): the zone name, %NULL for a date-only deadline */
const char *
bandi_deadline_get_zone (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);
  return self->zone;
}

void
bandi_deadline_get_date (BandiDeadline *self,
                         int           *year,
                         int           *month,
                         int           *day)
{
  g_return_if_fail (BANDI_IS_DEADLINE (self));

  if (year)
    *year = self->year;
  if (month)
    *month = self->month;
  if (day)
    *day = self->day;
}

/**
 * bandi_deadline_dup_local:
 *
 * Returns: (transfer full): the deadline in its own zone; for a date-only
 * deadline, midnight of that day in UTC (only the date is meaningful).
 */
GDateTime *
bandi_deadline_dup_local (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);

  if (!self->has_time)
    return g_date_time_new_utc (self->year, self->month, self->day, 0, 0, 0);

  return g_date_time_new (bandi_zone_lookup (self->zone),
                          self->year, self->month, self->day,
                          self->hour, self->minute, self->second);
}

/**
 * bandi_deadline_to_unix:
 *
 * The instant of a timed deadline. A date-only deadline is taken as the
 * end of that day (23:59:59) in Europe/Rome, the zone of Bandi's users:
 * a call open "until 7 September" is still open on the evening of the 7th.
 */
gint64
bandi_deadline_to_unix (BandiDeadline *self)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (BANDI_IS_DEADLINE (self), 0);

  if (self->has_time)
    dt = bandi_deadline_dup_local (self);
  else
    dt = g_date_time_new (bandi_zone_lookup ("Europe/Rome"),
                          self->year, self->month, self->day, 23, 59, 59);

  return dt ? g_date_time_to_unix (dt) : 0;
}

gint64
bandi_deadline_sort_key (BandiDeadline *self)
{
  return bandi_deadline_to_unix (self);
}

gboolean
bandi_deadline_is_past (BandiDeadline *self,
                        gint64         now_unix)
{
  return bandi_deadline_to_unix (self) < now_unix;
}

char *
bandi_deadline_to_storage (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);

  if (self->has_time)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                            self->year, self->month, self->day,
                            self->hour, self->minute, self->second);

  return bandi_deadline_format_date (self);
}

char *
bandi_deadline_format_date (BandiDeadline *self)
{
  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", self->year, self->month, self->day);
}

/* Returns: (nullable): RFC 3339 with the zone's offset, %NULL if date-only */
char *
bandi_deadline_format_rfc3339 (BandiDeadline *self)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (BANDI_IS_DEADLINE (self), NULL);

  if (!self->has_time)
    return NULL;

  dt = bandi_deadline_dup_local (self);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

gboolean
bandi_deadline_equal (BandiDeadline *a,
                      BandiDeadline *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->stage == b->stage &&
         a->has_time == b->has_time &&
         a->year == b->year && a->month == b->month && a->day == b->day &&
         a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
         g_strcmp0 (a->zone, b->zone) == 0 &&
         g_strcmp0 (a->label, b->label) == 0;
}
