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
  return bandi_zone_local ();
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

/* When @deadline falls, seen from @now, in words: "today at 17:00",
 * "tomorrow at 09:00", "in 3 days"; a day alone: "today", "tomorrow". */
char *
bandi_format_when (BandiDeadline *deadline,
                   GDateTime     *now)
{
  int days = bandi_format_days_until (deadline, now);
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (days > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  if (bandi_deadline_has_time (deadline) && (own = bandi_deadline_dup_local (deadline)) != NULL)
    {
      local = g_date_time_to_local (own);
      time = g_date_time_format (local, "%H:%M");
    }
  if (days <= 0)
    /* Translators: a time of today */
    return time != NULL ? g_strdup_printf (_("today at %s"), time) : g_strdup (_("today"));
  /* Translators: a time of tomorrow */
  return time != NULL ? g_strdup_printf (_("tomorrow at %s"), time) : g_strdup (_("tomorrow"));
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

/* A deadline in a list, in the user's zone and locale: its weekday, day
 * and month ("mer 3 mar"), the year when it is not @now's, then its time
 * ("mer 3 mar, 17:00"). */
char *
bandi_format_deadline_short (BandiDeadline *deadline,
                             GDateTime     *now)
{
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (bandi_deadline_has_time (deadline))
    {
      own = bandi_deadline_dup_local (deadline);
      local = own ? g_date_time_to_local (own) : NULL;
    }
  else
    local = bandi_format_deadline_local_day (deadline);
  if (local == NULL)
    return g_strdup ("?");

  /* Translators: a deadline's date in a list: weekday, day, month
   * (g_date_time_format; %-d is the day without padding) */
  date = g_date_time_format (local, g_date_time_get_year (local) == g_date_time_get_year (now)
                                    ? _("%a %-d %b") : _("%a %-d %b %Y"));
  if (!bandi_deadline_has_time (deadline))
    return g_steal_pointer (&date);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a deadline's date, then its time */
  return g_strdup_printf (_("%s, %s"), date, time);
}

/* The identifier to show for @call: sources such as Interreg key their
 * calls "programme:slug", which is no name for a person; such a call
 * shows its own code, if it has one. NULL: nothing to show. */
const char *
bandi_format_call_code (BandiCall *call)
{
  const char *id = bandi_call_get_external_id (call);

  if (id != NULL && strchr (id, ':') == NULL)
    return id;
  id = bandi_call_get_call_id (call);
  return id != NULL && *id != '\0' ? id : NULL;
}

/* A deadline model as the EU portal names it ("single-stage",
 * "two-stage", "multiple cut-off"), in words; others as given. */
const char *
bandi_format_deadline_model (const char *model)
{
  if (g_strcmp0 (model, "single-stage") == 0)
    return _("Single stage");
  if (g_strcmp0 (model, "two-stage") == 0)
    return _("Two stages");
  if (g_strcmp0 (model, "multiple cut-off") == 0)
    return _("Several cut-off dates");
  return model;
}

/* The EU portal's types of action ("HORIZON Research and Innovation
 * Actions, HORIZON Innovation Actions"), each in words when known. */
char *
bandi_format_action_types (const char *types)
{
  static const struct {
    const char *name;
    const char *words;
  } known[] = {
    { "HORIZON Research and Innovation Actions", N_("Research and innovation action") },
    { "HORIZON Innovation Actions", N_("Innovation action") },
    { "HORIZON Coordination and Support Actions", N_("Coordination and support action") },
    { "HORIZON Programme Cofund Actions", N_("Programme co-fund action") },
    { "HORIZON EIC Grants", N_("EIC grant") },
    { "HORIZON Lump Sum Grant", N_("Lump-sum grant") },
    { "LIFE Standard Action Projects", N_("LIFE standard action project") },
    { "EU4H Project Grants", N_("EU4Health project grant") },
  };
  g_auto(GStrv) each = NULL;
  GString *text;

  if (types == NULL)
    return NULL;
  each = g_strsplit (types, ", ", -1);
  text = g_string_new (NULL);
  for (guint i = 0; each[i] != NULL; i++)
    {
      const char *words = each[i];

      for (guint j = 0; j < G_N_ELEMENTS (known); j++)
        if (g_str_equal (each[i], known[j].name))
          words = _(known[j].words);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, words);
    }
  return g_string_free (text, FALSE);
}

/* A filters button's label: "Filters", or "Filters (2)" with two set */
char *
bandi_format_filters_label (guint n_set)
{
  if (n_set == 0)
    return g_strdup (_("Filters"));
  /* Translators: the filters button, with how many filters are set */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filters (%u)", "Filters (%u)", n_set), n_set);
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
