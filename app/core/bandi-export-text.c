/* bandi-export-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-export-text.h"
#include "bandi-zone.h"

char *
bandi_export_text_money (double euros)
{
  if (euros < 0)
    return NULL;
  /* Translators: an amount in euro; %s is the number with the locale's
   * digit grouping */
  return g_strdup_printf (_("€ %'.0f"), euros);
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

char *
bandi_export_text_web_uri (const char *uri)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *trimmed = NULL;
  const char *scheme;

  if (uri == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (uri));
  out = g_string_sized_new (strlen (trimmed) + 8);
  for (const guchar *p = (const guchar *) trimmed; *p != '\0'; p++)
    {
      gboolean escape_ok = *p == '%' && is_hex (p[1]) && is_hex (p[2]);

      if (*p <= 0x20 || *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL ||
          (*p == '%' && !escape_ok))
        g_string_append_printf (out, "%%%02X", *p);
      else
        g_string_append_c (out, (char) *p);
    }

  scheme = g_uri_peek_scheme (out->str);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    return NULL;
  parsed = g_uri_parse (out->str, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bandi_export_text_deadline (BandiDeadline *deadline,
                            const char    *zone)
{
  g_autoptr(GDateTime) own = NULL;
  g_autoptr(GDateTime) shown = NULL;
  GTimeZone *tz;

  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (!bandi_deadline_has_time (deadline))
    {
      int year, month, day;

      bandi_deadline_get_date (deadline, &year, &month, &day);
      own = g_date_time_new_utc (year, month, day, 0, 0, 0);
      /* Translators: a date-only deadline, in g_date_time_format() syntax */
      return g_date_time_format (own, _("%-d %B %Y"));
    }

  tz = bandi_zone_lookup (zone);
  own = bandi_deadline_dup_local (deadline);
  g_return_val_if_fail (own != NULL && tz != NULL, NULL);
  shown = g_date_time_to_timezone (own, tz);
  /* Translators: a deadline with its time and time zone abbreviation, in
   * g_date_time_format() syntax: "18 April 2024, 17:00 CEST" */
  return g_date_time_format (shown, _("%-d %B %Y, %H:%M %Z"));
}

char *
bandi_export_text_stage (BandiCall     *call,
                         BandiDeadline *deadline)
{
  const char *label;

  g_return_val_if_fail (BANDI_IS_CALL (call), NULL);
  g_return_val_if_fail (BANDI_IS_DEADLINE (deadline), NULL);

  if (bandi_call_get_deadlines (call)->len < 2)
    return NULL;

  label = bandi_deadline_get_label (deadline);
  if (label != NULL && *label != '\0')
    return bandi_export_text_one_line (label);

  /* Translators: which deadline of a call with several */
  return g_strdup_printf (_("stage %u"), bandi_deadline_get_stage (deadline));
}

const char *
bandi_export_text_call_identifier (BandiCall *call)
{
  const char *candidates[] = {
    bandi_call_get_external_id (call),
    bandi_call_get_call_id (call),
    bandi_call_get_title (call),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && *candidates[i] != '\0')
      return candidates[i];

  return "?";
}

char *
bandi_export_text_one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* Most text is already one line of printable ASCII. */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        {
          if (p > text && p[-1] != ' ' && *text != ' ')
            return g_strdup (text);
          break;
        }
      if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f || (*p == ' ' && p[1] == ' '))
        break;
    }

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p;
      gboolean space, keep;

      if (c < 0x80)
        {
          space = c == ' ' || (c >= '\t' && c <= '\r');
          keep = c >= 0x20 && c != 0x7f;
        }
      else
        {
          c = g_utf8_get_char (p);
          space = g_unichar_isspace (c);
          keep = !g_unichar_iscntrl (c) && g_unichar_type (c) != G_UNICODE_FORMAT;
        }

      if (space)
        pending_space = out->len > 0;
      else if (keep)
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          if (c < 0x80)
            g_string_append_c (out, (char) c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }

  return g_string_free (out, FALSE);
}
