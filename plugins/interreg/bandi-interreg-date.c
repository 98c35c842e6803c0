/* bandi-interreg-date.c — deadlines in English, Italian, French and German
 *
 * The text is cut into tokens (numbers, numeric dates, times, words,
 * punctuation); each word must be a month, a weekday, a zone, a time word
 * or one of a few connecting words ("at", "ore", "à", "um"…). Then one
 * date is assembled (day month year, month day year, or numeric
 * day/month/year), at most one time, and the zones are reconciled. A token
 * left over means the text was not understood, and that is an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-date.h"
#include "bandi-interreg-date-private.h"

void
interreg_date_token_free (gpointer data)
{
  Token *tok = data;

  g_free (tok->text);
  g_free (tok);
}

static Token *
add_token (Parse      *parse,
           TokType     type,
           const char *start,
           gsize       len)
{
  Token *tok = g_new0 (Token, 1);

  tok->type = type;
  tok->text = g_strndup (start, len);
  tok->start = start - parse->normal;
  tok->end = tok->start + len;
  g_ptr_array_add (parse->tokens, tok);

  return tok;
}

static gboolean
fail (Parse       *parse,
      GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

/* Sets an error whose message starts with the text (cut short). */
static gboolean
fail (Parse       *parse,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *preview = bandi_text_preview (parse->text, strlen (parse->text), 80);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a date as a web page wrote it, the
   * second why it could not be read */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Cannot read the date “%s”: %s"), preview, reason);
  return FALSE;
}

typedef enum {
  PAT_ISO_DATE,
  PAT_NUMERIC_DATE,
  PAT_TIME,
  PAT_UTC_OFFSET,
  PAT_OFFSET,
  PAT_ORDINAL,
  PAT_NUMBER,
  PAT_AMPM,
  PAT_IANA,
  PAT_WORD,
  PAT_SEP,
  N_PATTERNS
} Pattern;

static const char * const pattern_sources[N_PATTERNS] = {
  [PAT_ISO_DATE] = "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d:])",
  [PAT_NUMERIC_DATE] = "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d+)",
  [PAT_TIME] = "(\\d{1,2})(?:[:.]|h(?=\\d))(\\d{2})(?::(\\d{2}))?(?!\\d)",
  [PAT_UTC_OFFSET] = "(?:utc|gmt)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?(?!\\d)",
  [PAT_OFFSET] = "([+\\-−])(\\d{2}):?(\\d{2})(?!\\d)",
  [PAT_ORDINAL] = "(\\d{1,2})(?:(?:st|nd|rd|th|er|re|e|°|º)(?![\\pL\\d])|\\.(?!\\d))",
  [PAT_NUMBER] = "\\d+",
  [PAT_AMPM] = "([ap])\\.\\s?m\\.?",
  [PAT_IANA] = "(?:europe|africa|america|asia|atlantic|australia|indian|pacific|etc)/[a-z_]+(?:/[a-z_]+)?",
  [PAT_WORD] = "\\pL+",
  [PAT_SEP] = "[,;()\\[\\]/\\-–—:'’\"@|.]",
};

static GRegex **
patterns (void)
{
  static GRegex *compiled[N_PATTERNS];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        compiled[i] = g_regex_new (pattern_sources[i], G_REGEX_DEFAULT, G_REGEX_MATCH_ANCHORED, NULL);
      g_once_init_leave (&initialised, 1);
    }

  return compiled;
}

static int
group_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *s = g_match_info_fetch (match, group);

  return s != NULL && *s != '\0' ? (int) g_ascii_strtoll (s, NULL, 10) : 0;
}

/* "europe/rome" → "Europe/Rome"; "america/new_york" → "America/New_York" */
static char *
iana_case (const char *lower)
{
  char *name = g_strdup (lower);
  gboolean start = TRUE;

  for (char *p = name; *p != '\0'; p++)
    {
      if (start && g_ascii_isalpha (*p))
        *p = g_ascii_toupper (*p);
      start = *p == '/' || *p == '_';
    }

  return name;
}

/* Lower-cases the text and makes its spaces, dashes and apostrophes plain;
 * "Eastern European (Summer) Time" becomes "eet", as "European" alone is
 * the Brussels wall clock. */
char *
interreg_date_normalise (const char *text)
{
  static GRegex *eet;
  static gsize initialised;
  /* Pages in another encoding come as invalid UTF-8, which
   * g_utf8_normalize() refuses. */
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc, -1);
  GString *out = g_string_new (NULL);

  if (g_once_init_enter (&initialised))
    {
      eet = g_regex_new ("\\beastern\\s+european\\s+(?:summer\\s+)?time\\b",
                         G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x202F || ch == 0x2009)
        g_string_append_c (out, ' ');
      else if (ch == 0x2013 || ch == 0x2014 || ch == 0x2212)
        g_string_append_c (out, '-');
      else if (ch == 0x2019 || ch == 0x2018)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, ch);
    }

  {
    g_autofree char *spaced = g_string_free (out, FALSE);

    return g_regex_replace_literal (eet, spaced, -1, 0, "eet", 0, NULL);
  }
}

/* In @lenient mode what is not a word of dates becomes a TOK_UNKNOWN
 * token instead of an error. */
gboolean
interreg_date_tokenize (Parse       *parse,
                        gboolean     lenient,
                        GError     **error)
{
  const char *s = parse->normal;
  GRegex **re = patterns ();
  gsize len = strlen (s);
  gsize pos = 0;

  while (pos < len)
    {
      g_autoptr(GMatchInfo) match = NULL;
      Pattern pat;
      int start, end;
      Token *tok;

      if (s[pos] == ' ')
        {
          pos++;
          continue;
        }

      for (pat = 0; pat < N_PATTERNS; pat++)
        {
          g_clear_pointer (&match, g_match_info_free);
          if (g_regex_match_full (re[pat], s, len, pos, G_REGEX_MATCH_ANCHORED, &match, NULL))
            break;
        }

      if (pat == N_PATTERNS)
        {
          g_autofree char *bad = g_utf8_substring (s + pos, 0, 1);

          if (!lenient)
            return fail (parse, error, _("“%s” is not understood"), bad);
          add_token (parse, TOK_UNKNOWN, s + pos, strlen (bad));
          pos += strlen (bad);
          continue;
        }

      g_match_info_fetch_pos (match, 0, &start, &end);
      tok = add_token (parse, TOK_SEP, s + start, end - start);
      pos = end;

      switch (pat)
        {
        case PAT_ISO_DATE:
          tok->type = TOK_DATE;
          tok->a = group_int (match, 1);
          tok->b = group_int (match, 2);
          tok->c = group_int (match, 3);
          break;

        case PAT_NUMERIC_DATE:
          {
            g_autofree char *year = g_match_info_fetch (match, 4);

            if (strlen (year) != 4 && lenient)
              {
                tok->type = TOK_UNKNOWN;
                break;
              }
            if (strlen (year) != 4)
              return fail (parse, error, _("the year “%s” does not have four digits"), year);

            tok->type = TOK_DATE;
            tok->a = group_int (match, 4);
            tok->b = group_int (match, 3);
            tok->c = group_int (match, 1);
          }
          break;

        case PAT_TIME:
          tok->type = TOK_TIME;
          tok->a = group_int (match, 1);
          tok->b = group_int (match, 2);
          tok->c = group_int (match, 3);
          break;

        case PAT_UTC_OFFSET:
        case PAT_OFFSET:
          {
            g_autofree char *sign = g_match_info_fetch (match, 1);

            tok->type = TOK_OFFSET;
            tok->a = group_int (match, 2) * 60 + group_int (match, 3);
            if (strcmp (sign, "+") != 0)
              tok->a = -tok->a;
          }
          break;

        case PAT_ORDINAL:
          tok->type = TOK_ORD;
          tok->a = group_int (match, 1);
          break;

        case PAT_NUMBER:
          tok->type = TOK_NUM;
          tok->b = end - start;
          tok->a = tok->b <= 4 ? group_int (match, 0) : -1;
          break;

        case PAT_AMPM:
          {
            g_autofree char *letter = g_match_info_fetch (match, 1);

            tok->type = TOK_AMPM;
            tok->a = letter[0] == 'p';
          }
          break;

        case PAT_IANA:
          {
            g_autofree char *name = iana_case (tok->text);
            GTimeZone *tz = g_time_zone_new_identifier (name);

            if (tz == NULL && lenient)
              {
                tok->type = TOK_UNKNOWN;
                break;
              }
            if (tz == NULL)
              return fail (parse, error, _("“%s” is not a time zone"), tok->text);
            g_time_zone_unref (tz);

            tok->type = TOK_ZONE;
            tok->zone = g_intern_string (name);
          }
          break;

        case PAT_WORD:
          {
            const Word *word;

            /* Abbreviated months and weekdays may end with a dot. */
            if (s[pos] == '.')
              pos++;

            word = interreg_date_lookup_word (tok->text);
            if (word == NULL && lenient)
              {
                tok->type = TOK_UNKNOWN;
                break;
              }
            if (word == NULL)
              return fail (parse, error, _("“%s” is not understood"), tok->text);

            tok->type = word->type;
            tok->a = word->value;
            tok->zone = word->zone;
          }
          break;

        case PAT_SEP:
        case N_PATTERNS:
        default:
          break;
        }
    }

  return TRUE;
}

guint
interreg_date_next_part (Parse *parse,
                         guint  i)
{
  for (i++; i < parse->tokens->len; i++)
    {
      Token *tok = tok_at (parse, i);

      if (tok->type == TOK_SEP)
        continue;
      if (tok->type == TOK_FILLER &&
          (g_str_equal (tok->text, "of") || g_str_equal (tok->text, "de") ||
           g_str_equal (tok->text, "di") || g_str_equal (tok->text, "del")))
        continue;
      break;
    }

  return i;
}

gboolean
interreg_date_is_day (Token *tok)
{
  return tok != NULL && (tok->type == TOK_ORD || (tok->type == TOK_NUM && tok->b <= 2)) &&
         tok->a >= 1 && tok->a <= 31;
}

gboolean
interreg_date_is_year (Token *tok)
{
  return tok != NULL && tok->type == TOK_NUM && tok->b == 4;
}

typedef struct {
  gboolean has_date;
  int      year, month, day;
  int      weekday;
  gboolean has_time;
  int      hour, minute, second;
  const char *city;     /* an IANA zone the text names */
  gboolean cet;
  gboolean utc;
  gboolean local;
  gboolean has_offset;
  int      offset;      /* minutes */
} Parts;

static gboolean
set_date (Parse   *parse,
          Parts   *parts,
          int      year,
          int      month,
          int      day,
          GError **error)
{
  if (parts->has_date)
    return fail (parse, error, _("it holds more than one date"));

  parts->has_date = TRUE;
  parts->year = year;
  parts->month = month;
  parts->day = day;
  return TRUE;
}

static gboolean
set_time (Parse   *parse,
          Parts   *parts,
          int      hour,
          int      minute,
          int      second,
          GError **error)
{
  if (parts->has_time)
    return fail (parse, error, _("it holds more than one time"));

  parts->has_time = TRUE;
  parts->hour = hour;
  parts->minute = minute;
  parts->second = second;
  return TRUE;
}

/* Applies an a.m./p.m. marker that directly follows token @i. */
static gboolean
apply_ampm (Parse   *parse,
            Parts   *parts,
            guint    i,
            GError **error)
{
  Token *next = tok_at (parse, i + 1);
  gboolean pm;

  if (next == NULL || (next->type != TOK_AMPM && next->type != TOK_AM_WORD))
    return TRUE;

  /* German "um 13:00 am 10. Juli": "am" before a day means "on". */
  if (next->type == TOK_AM_WORD && interreg_date_is_day (tok_at (parse, i + 2)))
    return TRUE;

  pm = next->type == TOK_AMPM && next->a == 1;
  next->used = TRUE;

  if (parts->hour < 1 || parts->hour > 12)
    return fail (parse, error, _("“%s” is not a time"), tok_at (parse, i)->text);
  if (parts->hour == 12 && !pm)
    return fail (parse, error, _("12 a.m. is ambiguous"));

  if (pm && parts->hour != 12)
    parts->hour += 12;

  return TRUE;
}

static gboolean
assemble (Parse   *parse,
          Parts   *parts,
          GError **error)
{
  gboolean noon = FALSE;

  for (guint i = 0; i < parse->tokens->len; i++)
    {
      Token *tok = tok_at (parse, i);
      Token *next = tok_at (parse, i + 1);
      Token *prev = i > 0 ? tok_at (parse, i - 1) : NULL;

      if (tok->used)
        continue;

      switch (tok->type)
        {
        case TOK_DATE:
          tok->used = TRUE;
          if (!set_date (parse, parts, tok->a, tok->b, tok->c, error))
            return FALSE;
          break;

        case TOK_NUM:
        case TOK_ORD:
          {
            guint m = interreg_date_next_part (parse, i);
            guint y = interreg_date_next_part (parse, m);
            Token *month = tok_at (parse, m);

            if (interreg_date_is_day (tok) && month != NULL && month->type == TOK_MONTH &&
                interreg_date_is_year (tok_at (parse, y)))
              {
                tok->used = month->used = tok_at (parse, y)->used = TRUE;
                if (!set_date (parse, parts, tok_at (parse, y)->a, month->a, tok->a, error))
                  return FALSE;
              }
            else if (tok->type == TOK_NUM && tok->b <= 2 && next != NULL &&
                     (next->type == TOK_AMPM || next->type == TOK_AM_WORD ||
                      next->type == TOK_HOUR_SUFFIX || next->type == TOK_NOON))
              {
                tok->used = TRUE;
                if (next->type == TOK_HOUR_SUFFIX)
                  next->used = TRUE;
                if (!set_time (parse, parts, tok->a, 0, 0, error) ||
                    !apply_ampm (parse, parts, i, error))
                  return FALSE;
              }
            else if (tok->type == TOK_NUM && tok->b <= 2 && prev != NULL &&
                     prev->type == TOK_HOUR_PREFIX)
              {
                tok->used = prev->used = TRUE;
                if (!set_time (parse, parts, tok->a, 0, 0, error))
                  return FALSE;
              }
          }
          break;

        case TOK_MONTH:
          {
            guint d = interreg_date_next_part (parse, i);
            guint y = interreg_date_next_part (parse, d);

            if (interreg_date_is_day (tok_at (parse, d)) && interreg_date_is_year (tok_at (parse, y)))
              {
                tok->used = tok_at (parse, d)->used = tok_at (parse, y)->used = TRUE;
                if (!set_date (parse, parts, tok_at (parse, y)->a, tok->a, tok_at (parse, d)->a, error))
                  return FALSE;
              }
          }
          break;

        case TOK_TIME:
          tok->used = TRUE;
          if (!set_time (parse, parts, tok->a, tok->b, tok->c, error) ||
              !apply_ampm (parse, parts, i, error))
            return FALSE;
          break;

        case TOK_WEEKDAY:
          tok->used = TRUE;
          if (parts->weekday != 0 && parts->weekday != tok->a)
            return fail (parse, error, _("it names two weekdays"));
          parts->weekday = tok->a;
          break;

        case TOK_NOON:
          tok->used = TRUE;
          noon = TRUE;
          break;

        case TOK_MIDNIGHT:
          return fail (parse, error, _("midnight is ambiguous"));

        case TOK_ZONE:
          tok->used = TRUE;
          if (tok->zone == interreg_zone_cet)
            parts->cet = TRUE;
          else if (tok->zone == interreg_zone_utc)
            parts->utc = TRUE;
          else if (tok->zone == interreg_zone_local)
            parts->local = TRUE;
          else if (parts->city != NULL && strcmp (parts->city, tok->zone) != 0)
            return fail (parse, error, _("it names two time zones"));
          else
            parts->city = tok->zone;
          break;

        case TOK_OFFSET:
          tok->used = TRUE;
          if (parts->has_offset && parts->offset != tok->a)
            return fail (parse, error, _("it names two time zones"));
          if (ABS (tok->a) > 14 * 60)
            return fail (parse, error, _("“%s” is not a time zone"), tok->text);
          parts->has_offset = TRUE;
          parts->offset = tok->a;
          break;

        case TOK_AM_WORD:      /* German "am" when no time precedes it */
        case TOK_HOUR_PREFIX:
        case TOK_HOUR_SUFFIX:
        case TOK_FILLER:
        case TOK_SEP:
          tok->used = TRUE;
          break;

        case TOK_AMPM:
        default:
          break;
        }
    }

  for (guint i = 0; i < parse->tokens->len; i++)
    {
      Token *tok = tok_at (parse, i);

      if (!tok->used)
        return fail (parse, error, _("“%s” is not understood"), tok->text);
    }

  if (!parts->has_date)
    return fail (parse, error, _("it holds no date"));

  if (noon)
    {
      if (!parts->has_time)
        set_time (parse, parts, 12, 0, 0, NULL);
      else if (parts->hour != 12 || parts->minute != 0)
        return fail (parse, error, _("its time is not noon"));
    }

  return TRUE;
}

/* The zone the wall clock is in, after checking that what the text says
 * about zones agrees. Sets *use_offset when only an offset was given. */
static const char *
resolve_zone (Parse       *parse,
              Parts       *parts,
              const char  *default_zone,
              gboolean    *use_offset,
              GError     **error)
{
  const char *named = parts->city;

  *use_offset = FALSE;

  if (parts->utc && (named != NULL || parts->cet || parts->has_offset))
    {
      fail (parse, error, _("it names two time zones"));
      return NULL;
    }
  if (parts->utc)
    return "UTC";

  if (named == NULL && parts->cet)
    named = "Europe/Brussels";

  /* A city and CET/CEST, or a zone and an offset: they must agree at
   * that moment. */
  if (named != NULL && (parts->cet || parts->has_offset))
    {
      g_autoptr(GTimeZone) named_tz = g_time_zone_new_identifier (named);
      g_autoptr(GTimeZone) brussels_tz = g_time_zone_new_identifier ("Europe/Brussels");
      g_autoptr(GDateTime) in_named = NULL;
      g_autoptr(GDateTime) in_brussels = NULL;

      if (named_tz == NULL || brussels_tz == NULL)
        {
          fail (parse, error, _("“%s” is not a time zone"), named);
          return NULL;
        }

      in_named = g_date_time_new (named_tz, parts->year, parts->month, parts->day,
                                  parts->hour, parts->minute, parts->second);
      in_brussels = g_date_time_new (brussels_tz, parts->year, parts->month, parts->day,
                                     parts->hour, parts->minute, parts->second);

      if ((parts->cet &&
           g_date_time_get_utc_offset (in_named) != g_date_time_get_utc_offset (in_brussels)) ||
          (parts->has_offset &&
           g_date_time_get_utc_offset (in_named) != (gint64) parts->offset * 60 * G_USEC_PER_SEC))
        {
          fail (parse, error, _("the time zones it names disagree"));
          return NULL;
        }
      return named;
    }

  if (named != NULL)
    return named;

  *use_offset = parts->has_offset;
  return default_zone;
}

BandiDeadline *
interreg_date_parse (const char  *text,
                     const char  *default_zone,
                     guint        stage,
                     const char  *label,
                     GError     **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (interreg_date_token_free);
  Parse parse = { text, NULL, tokens };
  Parts parts = { 0 };
  const char *zone;
  gboolean use_offset;
  BandiDeadline *deadline;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (default_zone != NULL, NULL);

  parse.normal = normal = interreg_date_normalise (text);
  if (!interreg_date_tokenize (&parse, FALSE, error) || !assemble (&parse, &parts, error))
    return NULL;

  if (parts.year < 1990 || parts.year > 2199 || parts.month < 1 || parts.month > 12 ||
      parts.day < 1 || !g_date_valid_dmy (parts.day, parts.month, parts.year))
    {
      fail (&parse, error, _("there is no such day"));
      return NULL;
    }

  if (parts.weekday != 0)
    {
      g_autoptr(GDate) date = g_date_new_dmy (parts.day, parts.month, parts.year);

      if ((int) g_date_get_weekday (date) != parts.weekday)
        {
          fail (&parse, error, _("the weekday does not match the date"));
          return NULL;
        }
    }

  if (!parts.has_time)
    return bandi_deadline_new_date (stage, label, parts.year, parts.month, parts.day);

  if (parts.hour == 24 && parts.minute == 0 && parts.second == 0)
    {
      /* "24:00" is the end of that day: the first instant of the next. */
      g_autoptr(GDate) date = g_date_new_dmy (parts.day, parts.month, parts.year);

      g_date_add_days (date, 1);
      parts.year = g_date_get_year (date);
      parts.month = g_date_get_month (date);
      parts.day = g_date_get_day (date);
      parts.hour = 0;
    }

  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59)
    {
      fail (&parse, error, _("there is no such time"));
      return NULL;
    }

  zone = resolve_zone (&parse, &parts, default_zone, &use_offset, error);
  if (zone == NULL)
    return NULL;

  if (use_offset)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_offset (parts.offset * 60);
      g_autoptr(GDateTime) instant = g_date_time_new (tz, parts.year, parts.month, parts.day,
                                                      parts.hour, parts.minute, parts.second);

      deadline = bandi_deadline_new_timed (stage, label, instant, zone);
    }
  else
    {
      deadline = bandi_deadline_new_local (stage, label, parts.year, parts.month, parts.day,
                                           parts.hour, parts.minute, parts.second, zone);
    }

  if (deadline == NULL)
    fail (&parse, error, _("“%s” is not a time zone"), zone);

  return deadline;
}
