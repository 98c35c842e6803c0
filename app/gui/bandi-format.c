/* bandi-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-format"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bandi-export-text.h"
#include "bandi-format.h"
#include "bandi-zone.h"

#define N_PROGRAMME_CLASSES 8

const char *
bandi_format_local_zone (void)
{
  static char *zone;

  if (g_once_init_enter (&zone))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      const char *id = g_time_zone_get_identifier (tz);
      char *found = NULL;

      /* GLib names the zone after TZ or /etc/localtime; a path or a POSIX
       * rule is not a name we can store with a deadline. */
      if (id != NULL && *id != ':' && *id != '/' && bandi_zone_lookup (id) != NULL)
        found = g_strdup (id);
      g_once_init_leave (&zone, found ? found : g_strdup ("Europe/Rome"));
    }

  return zone;
}

GDateTime *
bandi_format_deadline_local_day (BandiDeadline *deadline)
{
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (!bandi_deadline_has_time (deadline))
    {
      bandi_deadline_get_date (deadline, &year, &month, &day);
      return g_date_time_new_local (year, month, day, 0, 0, 0);
    }

  own = bandi_deadline_dup_local (deadline);
  if (own == NULL)
    return NULL;
  local = g_date_time_to_local (own);
  g_date_time_get_ymd (local, &year, &month, &day);
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

int
bandi_format_days_until (BandiDeadline *deadline,
                         GDateTime     *now)
{
  g_autoptr(GDateTime) day = bandi_format_deadline_local_day (deadline);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) today = NULL;
  int y, m, d;

  if (day == NULL)
    return 0;
  g_date_time_get_ymd (local_now, &y, &m, &d);
  today = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Days differ by 23 or 25 hours across a change of daylight saving time. */
  return (int) ((g_date_time_difference (day, today) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
}

char *
bandi_format_days_left (BandiDeadline *deadline,
                        GDateTime     *now)
{
  int days;

  if (deadline == NULL)
    return g_strdup (_("No deadline"));

  if (bandi_deadline_is_past (deadline, g_date_time_to_unix (now)))
    return g_strdup (_("Closed"));

  days = bandi_format_days_until (deadline, now);
  if (days <= 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

const char *
bandi_format_urgency_class (BandiDeadline *deadline,
                            GDateTime     *now)
{
  int days;

  if (deadline == NULL)
    return NULL;
  if (bandi_deadline_is_past (deadline, g_date_time_to_unix (now)))
    return "past";
  days = bandi_format_days_until (deadline, now);
  if (days < 7)
    return "urgent";
  if (days < 30)
    return "soon";
  return NULL;
}

char *
bandi_format_date (GDateTime *datetime)
{
  return g_date_time_format (datetime, "%x");
}

char *
bandi_format_unix_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (unix_time <= 0)
    return g_strdup (_("Never"));
  dt = g_date_time_new_from_unix_local (unix_time);
  date = g_date_time_format (dt, "%x");
  time = g_date_time_format (dt, "%H:%M");
  /* Translators: a date, then a time */
  return g_strdup_printf (_("%s, %s"), date, time);
}

char *
bandi_format_deadline (BandiDeadline *deadline)
{
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *zone;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (!bandi_deadline_has_time (deadline))
    {
      g_autoptr(GDateTime) day = bandi_format_deadline_local_day (deadline);

      return day ? g_date_time_format (day, "%x") : g_strdup ("?");
    }

  own = bandi_deadline_dup_local (deadline);
  if (own == NULL)
    return g_strdup ("?");
  local = g_date_time_to_local (own);
  date = g_date_time_format (local, "%x");
  time = g_date_time_format (local, "%H:%M");
  zone = bandi_deadline_get_zone (deadline);

  if (g_strcmp0 (zone, bandi_format_local_zone ()) != 0)
    {
      g_autofree char *own_date = g_date_time_format (own, "%x");
      g_autofree char *own_time = g_date_time_format (own, "%H:%M");

      if (g_strcmp0 (own_date, date) == 0)
        /* Translators: local date and time, then the time in the call's zone,
         * e.g. "18/04/2024, 17:00 (17:00 Europe/Brussels)" */
        return g_strdup_printf (_("%s, %s (%s %s)"), date, time, own_time, zone);
      /* Translators: local date and time, then the date and time in the
       * call's zone */
      return g_strdup_printf (_("%s, %s (%s, %s %s)"), date, time, own_date, own_time, zone);
    }

  /* Translators: a date, then a time */
  return g_strdup_printf (_("%s, %s"), date, time);
}

char *
bandi_format_deadline_long (BandiDeadline  *deadline,
                            char          **out_own_zone)
{
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  /* Translators: a long date for strftime(), e.g. "Thursday 18 April 2024";
   * order it as your language does */
  const char *long_date = C_("long date", "%A %-d %B %Y");
  const char *zone;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (out_own_zone != NULL)
    *out_own_zone = NULL;

  if (!bandi_deadline_has_time (deadline))
    {
      g_autoptr(GDateTime) day = bandi_format_deadline_local_day (deadline);

      return day ? g_date_time_format (day, long_date) : g_strdup ("?");
    }

  own = bandi_deadline_dup_local (deadline);
  if (own == NULL)
    return g_strdup ("?");
  local = g_date_time_to_local (own);
  date = g_date_time_format (local, long_date);
  time = g_date_time_format (local, "%H:%M");
  zone = bandi_deadline_get_zone (deadline);

  if (out_own_zone != NULL && g_strcmp0 (zone, bandi_format_local_zone ()) != 0)
    {
      g_autofree char *own_time = g_date_time_format (own, "%H:%M");

      if (g_date_time_get_day_of_year (own) == g_date_time_get_day_of_year (local) &&
          g_date_time_get_year (own) == g_date_time_get_year (local))
        /* Translators: the deadline's time in its own zone, e.g.
         * "17:00 in Europe/Brussels" */
        *out_own_zone = g_strdup_printf (_("%s in %s"), own_time, zone);
      else
        {
          g_autofree char *own_date = g_date_time_format (own, long_date);

          /* Translators: the deadline's date and time in its own zone */
          *out_own_zone = g_strdup_printf (_("%s, %s in %s"), own_date, own_time, zone);
        }
    }

  /* Translators: a date, then a time */
  return g_strdup_printf (_("%s, %s"), date, time);
}

char *
bandi_format_money (double euros)
{
  if (euros < 0)
    return g_strdup (_("Not given"));
  return bandi_export_text_money (euros);
}

char *
bandi_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

const char *
bandi_format_call_status (BandiCallStatus status)
{
  switch (status)
    {
    case BANDI_CALL_STATUS_FORTHCOMING:
      return C_("call status", "Forthcoming");
    case BANDI_CALL_STATUS_OPEN:
      return C_("call status", "Open");
    case BANDI_CALL_STATUS_CLOSED:
      return C_("call status", "Closed");
    case BANDI_CALL_STATUS_UNKNOWN:
    default:
      return C_("call status", "Unknown");
    }
}

const char *
bandi_format_proposal_status (BandiProposalStatus status)
{
  switch (status)
    {
    case BANDI_PROPOSAL_STATUS_IDEA:
      return C_("proposal status", "Idea");
    case BANDI_PROPOSAL_STATUS_DRAFTING:
      return C_("proposal status", "Drafting");
    case BANDI_PROPOSAL_STATUS_SUBMITTED:
      return C_("proposal status", "Submitted");
    case BANDI_PROPOSAL_STATUS_UNDER_EVALUATION:
      return C_("proposal status", "Under evaluation");
    case BANDI_PROPOSAL_STATUS_FUNDED:
      return C_("proposal status", "Funded");
    case BANDI_PROPOSAL_STATUS_REJECTED:
      return C_("proposal status", "Rejected");
    case BANDI_PROPOSAL_STATUS_WITHDRAWN:
    default:
      return C_("proposal status", "Withdrawn");
    }
}

const char *
bandi_format_proposal_role (BandiProposalRole role)
{
  return role == BANDI_PROPOSAL_ROLE_COORDINATOR ? _("Coordinator") : _("Partner");
}

const char *
bandi_format_programme_class (const char *programme)
{
  static const char * const classes[N_PROGRAMME_CLASSES] = {
    "programme-0", "programme-1", "programme-2", "programme-3",
    "programme-4", "programme-5", "programme-6", "programme-7",
  };
  /* The programmes officers see most get colours of their own, so that
   * they never share one; others (and no programme) share the rest. */
  static const struct {
    const char *prefix;
    guint       colour;
  } known[] = {
    { "Horizon", 0 },            /* Horizon Europe, Horizon 2020: blue */
    { "Interreg", 1 },           /* every Interreg programme: green */
    { "LIFE", 2 },               /* yellow */
    { "Regione Lombardia", 3 },  /* orange */
    { "Digital Europe", 5 },     /* purple */
  };
  static const guint others[] = { 4, 6, 7 };

  if (programme == NULL)
    return classes[7];
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_prefix (programme, known[i].prefix))
      return classes[known[i].colour];
  return classes[others[g_str_hash (programme) % G_N_ELEMENTS (others)]];
}

/* The sources store their own labels ("Deadline", "Stage 2", "Cut-off 3"
 * from the plugins, in English; a programme's own words as they come):
 * the plugins' labels are shown in the user's language, others as they
 * are. */
char *
bandi_format_stage (BandiDeadline *deadline)
{
  const char *label = bandi_deadline_get_label (deadline);
  guint n;
  char tail;

  if (label == NULL || *label == '\0')
    return g_strdup_printf (_("Stage %u"), bandi_deadline_get_stage (deadline));
  if (g_str_equal (label, "Deadline"))
    return g_strdup (_("Deadline"));
  if (sscanf (label, "Stage %u%c", &n, &tail) == 1)
    return g_strdup_printf (_("Stage %u"), n);
  if (sscanf (label, "Cut-off %u%c", &n, &tail) == 1)
    /* Translators: one of the dates of a call with several cut-offs */
    return g_strdup_printf (_("Cut-off %u"), n);
  return g_strdup (label);
}

BandiDeadline *
bandi_format_parse_deadline (const char *text,
                             guint       stage,
                             const char *zone)
{
  int y, m, d, hh, mm;
  char tail;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d %c", &y, &m, &d, &hh, &mm, &tail) == 5)
    {
      if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
        return NULL;
      return bandi_deadline_new_local (stage, NULL, y, m, d, hh, mm, 0, zone);
    }
  if (sscanf (text, "%4d-%2d-%2d %c", &y, &m, &d, &tail) == 3)
    return bandi_deadline_new_date (stage, NULL, y, m, d);

  return NULL;
}

char *
bandi_format_deadline_for_entry (BandiDeadline *deadline)
{
  g_autoptr(GDateTime) own = NULL;

  if (deadline == NULL)
    return g_strdup ("");
  if (!bandi_deadline_has_time (deadline))
    return bandi_deadline_format_date (deadline);
  own = bandi_deadline_dup_local (deadline);
  return own ? g_date_time_format (own, "%Y-%m-%d %H:%M") : g_strdup ("");
}

gboolean
bandi_format_parse_money (const char *text,
                          double     *out_euros)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *last_sep = NULL;
  gsize n_after = 0;
  char *end = NULL;
  double value;

  g_return_val_if_fail (out_euros != NULL, FALSE);

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  if (text == NULL || *text == '\0')
    {
      *out_euros = -1;
      return TRUE;
    }

  /* The last separator is a decimal one when one or two digits follow it;
   * every other '.', ',', space or apostrophe groups digits. */
  for (const char *p = text; *p; p++)
    if (*p == '.' || *p == ',')
      last_sep = p;
  if (last_sep != NULL)
    n_after = strspn (last_sep + 1, "0123456789");
  if (last_sep != NULL && last_sep[1 + n_after] == '\0' && (n_after == 1 || n_after == 2))
    ;
  else
    last_sep = NULL;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (p == last_sep)
        g_string_append_c (digits, '.');
      else if (*p == '.' || *p == ',' || *p == ' ' || *p == '\'' || *p == '\t')
        continue;
      else if (g_str_has_prefix (p, "€"))
        p += strlen ("€") - 1;
      else if (g_str_has_prefix (p, "\u202f"))
        p += strlen ("\u202f") - 1;
      else if (g_str_has_prefix (p, "\u00a0"))
        p += strlen ("\u00a0") - 1;
      else
        return FALSE;
    }

  if (digits->len == 0)
    return FALSE;
  value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || value < 0)
    return FALSE;
  *out_euros = value;
  return TRUE;
}

gboolean
bandi_format_is_web_uri (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL);
}

/* A history value: bandi_deadline_to_storage() text, then " zone" if timed. */
char *
bandi_format_history_value (const char *value,
                            guint       stage)
{
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autofree char *stored = NULL;
  const char *space;

  if (value == NULL)
    return g_strdup (_("none"));
  space = strchr (value, ' ');
  stored = space ? g_strndup (value, space - value) : g_strdup (value);
  deadline = bandi_deadline_new_from_storage (stage, NULL, stored, space ? space + 1 : NULL, NULL);
  return deadline ? bandi_format_deadline (deadline) : g_strdup (value);
}

GtkWidget *
bandi_format_plain_row (const char *title,
                        const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

AdwToast *
bandi_format_plain_toast (const char *text,
                          guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  return toast;
}
