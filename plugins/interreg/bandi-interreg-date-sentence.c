/* bandi-interreg-date-sentence.c — a date read with the sentence around it
 *
 * A preset's rule captures a date, but pages put its time where they
 * please: "7 June 2024 (12:00 noon CEST - Paris time)", "dalle ore 12:00
 * del 15 gennaio 2024 sino alla stessa ora del 15 aprile 2024", "31
 * October 2024 (Thursday) by noon Eastern European Time". So the sentence
 * is cut into tokens leniently (a word that is not part of a date is an
 * unknown token, not an error); every date in it is found, and grows over
 * the tokens next to it that tell a time (times, zones, "noon", "ore",
 * fillers and separators), on its right first, then on its left. The
 * captured date's group is then read strictly by interreg_date_parse().
 * A time further away is not guessed: the date keeps no time, with a
 * warning that says a time was stated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-date.h"
#include "bandi-interreg-date-private.h"

typedef struct {
  guint first, last;     /* tokens of the group, inclusive */
  guint core_first, core_last;
  int   month;           /* the month token when the year is missing, else -1 */
  int   year;            /* 0 when missing */
} Group;

/* A number that is an hour: "12 noon", "5 pm", "14 Uhr", "ore 12". */
static gboolean
is_hour (Parse *parse,
         guint  i)
{
  Token *tok = tok_at (parse, i);
  Token *next = tok_at (parse, i + 1);
  Token *prev = i > 0 ? tok_at (parse, i - 1) : NULL;

  if (tok->type != TOK_NUM || tok->b > 2)
    return FALSE;

  return (next != NULL && (next->type == TOK_AMPM || next->type == TOK_AM_WORD ||
                           next->type == TOK_HOUR_SUFFIX || next->type == TOK_NOON)) ||
         (prev != NULL && prev->type == TOK_HOUR_PREFIX);
}

/* A token that says a time is stated: a time, "noon", an hour, "ore". */
static gboolean
is_time_anchor (Parse *parse,
                guint  i)
{
  switch (tok_at (parse, i)->type)
    {
    case TOK_TIME:
    case TOK_NOON:
    case TOK_HOUR_PREFIX:
      return TRUE;
    case TOK_NUM:
      return is_hour (parse, i);
    default:
      return FALSE;
    }
}

/* A token that may stand next to a date as part of its time. */
static gboolean
is_time_part (Parse *parse,
              guint  i)
{
  static const TokType others[] = {
    TOK_AMPM, TOK_AM_WORD, TOK_HOUR_SUFFIX, TOK_ZONE, TOK_OFFSET, TOK_WEEKDAY, TOK_FILLER, TOK_SEP,
  };

  if (is_time_anchor (parse, i))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    if (tok_at (parse, i)->type == others[k])
      return TRUE;

  return FALSE;
}

static gboolean
is_joiner (Token *tok)
{
  return tok->type == TOK_SEP || tok->type == TOK_FILLER;
}

/* Every date in the sentence: numeric, day month [year], month day year. */
static GArray *
find_dates (Parse *parse)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (Group));
  guint n = parse->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      Token *tok = tok_at (parse, i);
      Group group = { i, i, i, i, -1, 0 };

      if (tok->type == TOK_DATE)
        group.year = tok->a;
      else if (interreg_date_is_day (tok))
        {
          guint m = interreg_date_next_part (parse, i);
          guint y = interreg_date_next_part (parse, m);

          if (m >= n || tok_at (parse, m)->type != TOK_MONTH)
            continue;
          if (interreg_date_is_year (tok_at (parse, y)))
            {
              group.core_last = y;
              group.year = tok_at (parse, y)->a;
            }
          else
            {
              group.core_last = m;
              group.month = m;
            }
        }
      else if (tok->type == TOK_MONTH)
        {
          guint d = interreg_date_next_part (parse, i);
          guint y = interreg_date_next_part (parse, d);

          if (!interreg_date_is_day (tok_at (parse, d)) || !interreg_date_is_year (tok_at (parse, y)))
            continue;
          group.core_last = y;
          group.year = tok_at (parse, y)->a;
        }
      else
        continue;

      group.last = group.core_last;
      g_array_append_val (groups, group);
      i = group.core_last;
    }

  /* Each date takes the time on its right, up to the next date… */
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      guint limit = g + 1 < groups->len ? g_array_index (groups, Group, g + 1).core_first : n;
      guint j = group->core_last + 1;

      while (j < limit && is_time_part (parse, j))
        j++;
      while (j > group->core_last + 1 && is_joiner (tok_at (parse, j - 1)))
        j--;
      group->last = j - 1;
    }

  /* …then what is left on its left ("ore 12:00 del 15 gennaio 2024"). */
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      guint limit = g > 0 ? g_array_index (groups, Group, g - 1).last + 1 : 0;
      guint j = group->core_first;

      while (j > limit && is_time_part (parse, j - 1))
        j--;
      while (j < group->core_first && is_joiner (tok_at (parse, j)))
        j++;
      group->first = j;
    }

  return groups;
}

static char *
span_text (Parse *parse,
           guint  first,
           guint  last)
{
  gsize start = tok_at (parse, first)->start;

  return g_strndup (parse->normal + start, tok_at (parse, last)->end - start);
}

/* The group's text, with the year of another date of the sentence when it
 * has none ("entro il 1° luglio" after "dal 2 maggio 2024"). */
static char *
group_text (Parse  *parse,
            GArray *groups,
            guint   g,
            guint   first,
            guint   last)
{
  Group *group = &g_array_index (groups, Group, g);
  Token *month;
  int year = 0;

  if (group->month < 0)
    return span_text (parse, first, last);

  for (guint k = g; year == 0 && k > 0; k--)
    year = g_array_index (groups, Group, k - 1).year;
  for (guint k = g + 1; year == 0 && k < groups->len; k++)
    year = g_array_index (groups, Group, k).year;
  if (year == 0)
    return span_text (parse, first, last);

  month = tok_at (parse, group->month);
  return g_strdup_printf ("%.*s %d%.*s",
                          (int) (month->end - tok_at (parse, first)->start),
                          parse->normal + tok_at (parse, first)->start, year,
                          (int) (tok_at (parse, last)->end - month->end),
                          parse->normal + month->end);
}

/* The tokens of @group that tell its time, as text: what "the same time"
 * takes from it. */
static char *
time_of_group (Parse *parse,
               Group *group)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = group->first; i <= group->last; i++)
    {
      Token *tok = tok_at (parse, i);

      if (i >= group->core_first && i <= group->core_last)
        continue;
      if (tok->type == TOK_WEEKDAY || is_joiner (tok))
        continue;
      g_string_append_printf (out, " %s", tok->text);
    }

  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* "sino alla stessa ora del 15 aprile": the time of the date before. */
static gboolean
says_same_time (Parse *parse,
                guint  from,
                guint  to)
{
  static GRegex *same;
  static gsize initialised;
  g_autofree char *between = NULL;

  if (g_once_init_enter (&initialised))
    {
      same = g_regex_new ("\\b(?:stessa ora|stesso orario|same time|same hour|même heure|gleichen uhrzeit)\\b",
                          G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  if (to <= from)
    return FALSE;

  between = g_strndup (parse->normal + tok_at (parse, from)->start,
                       tok_at (parse, to - 1)->end - tok_at (parse, from)->start);
  return g_regex_match (same, between, 0, NULL);
}

/* How many tokens outside every group say a time is stated. */
static guint
count_loose_anchors (Parse  *parse,
                     GArray *groups)
{
  guint n = parse->tokens->len;
  g_autofree gboolean *grouped = g_new0 (gboolean, n);
  guint n_anchors = 0;

  for (guint g = 0; g < groups->len; g++)
    for (guint i = g_array_index (groups, Group, g).first; i <= g_array_index (groups, Group, g).last; i++)
      grouped[i] = TRUE;

  for (guint i = 0; i < n; i++)
    n_anchors += !grouped[i] && is_time_anchor (parse, i);

  return n_anchors;
}

static char *
could_not_read (const char *before,
                const char *capture,
                const char *after)
{
  g_autofree char *sentence = g_strconcat (before, " ", capture, " ", after, NULL);
  g_autofree char *squeezed = bandi_text_squeeze (sentence);
  g_autofree char *preview = bandi_text_preview (squeezed, strlen (squeezed), 160);

  /* Translators: %s is the sentence of a web page that gave the time */
  return g_strdup_printf (_("a time was stated but could not be read: “%s”"), preview);
}

/* Parses @text, adding @time when given; NULL unless that gives a time. */
static BandiDeadline *
parse_with_time (const char *text,
                 const char *time,
                 const char *default_zone,
                 guint       stage,
                 const char *label)
{
  g_autofree char *joined = g_strconcat (text, " ", time, NULL);
  g_autoptr(BandiDeadline) deadline = interreg_date_parse (joined, default_zone, stage, label, NULL);

  if (deadline == NULL || !bandi_deadline_has_time (deadline))
    return NULL;

  return g_steal_pointer (&deadline);
}

BandiDeadline *
interreg_date_parse_in_sentence (const char  *before,
                                 const char  *capture,
                                 const char  *after,
                                 const char  *default_zone,
                                 guint        stage,
                                 const char  *label,
                                 char       **warning,
                                 GError     **error)
{
  g_autofree char *nb = interreg_date_normalise (before ? before : "");
  g_autofree char *nc = interreg_date_normalise (capture);
  g_autofree char *na = interreg_date_normalise (after ? after : "");
  g_autofree char *joined = g_strconcat (nb, " ", nc, " ", na, NULL);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (interreg_date_token_free);
  g_autoptr(GArray) groups = NULL;
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(BandiDeadline) alone = NULL;
  g_autoptr(GError) alone_error = NULL;
  g_autofree char *text = NULL;
  Parse parse = { joined, joined, tokens };
  gsize cs = strlen (nb) + 1, ce = cs + strlen (nc);
  int cf = -1, cl = -1, g = -1;
  guint first, last, n_anchors;

  g_return_val_if_fail (capture != NULL, NULL);
  g_return_val_if_fail (warning != NULL && *warning == NULL, NULL);

  /* The capture alone: what the rule meant, and the errors it had (a date
   * without its year may still find it in the sentence). */
  alone = interreg_date_parse (capture, default_zone, stage, label, &alone_error);

  interreg_date_tokenize (&parse, TRUE, NULL);
  for (guint i = 0; i < tokens->len; i++)
    if (tok_at (&parse, i)->start >= cs && tok_at (&parse, i)->end <= ce)
      {
        cf = cf < 0 ? (int) i : cf;
        cl = i;
      }
  if (cf < 0)
    goto capture_alone;

  groups = find_dates (&parse);
  for (guint k = 0; g < 0 && k < groups->len; k++)
    if ((int) g_array_index (groups, Group, k).core_last >= cf &&
        (int) g_array_index (groups, Group, k).core_first <= cl)
      g = k;
  if (g < 0)
    goto capture_alone;

  first = MIN ((guint) cf, g_array_index (groups, Group, g).first);
  last = MAX ((guint) cl, g_array_index (groups, Group, g).last);
  text = group_text (&parse, groups, g, first, last);
  deadline = interreg_date_parse (text, default_zone, stage, label, NULL);

  if (deadline == NULL && alone != NULL)
    {
      /* What stands next to the date contradicts it: keep the capture's
       * reading, and say so. */
      *warning = could_not_read (before, capture, after);
      return g_steal_pointer (&alone);
    }
  if (deadline == NULL)
    goto capture_alone;
  if (bandi_deadline_has_time (deadline))
    return g_steal_pointer (&deadline);

  if (g > 0 && says_same_time (&parse, g_array_index (groups, Group, g - 1).last + 1, first))
    {
      g_autofree char *time = time_of_group (&parse, &g_array_index (groups, Group, g - 1));
      BandiDeadline *same = time ? parse_with_time (text, time, default_zone, stage, label) : NULL;

      if (same != NULL)
        return same;
    }

  /* A time elsewhere in the sentence is not guessed to be this date's
   * ("closes on 31 October; the info session is at 10:00"); nor is "ore"
   * without a readable hour ("entro le ore dodici"): the date stays
   * without a time, and says why. */
  n_anchors = count_loose_anchors (&parse, groups);
  for (guint i = first; i <= last; i++)
    n_anchors += is_time_anchor (&parse, i);
  if (n_anchors == 0)
    return g_steal_pointer (&deadline);

  *warning = could_not_read (before, capture, after);
  return g_steal_pointer (&deadline);

capture_alone:
  if (alone == NULL)
    g_propagate_error (error, g_steal_pointer (&alone_error));
  return g_steal_pointer (&alone);
}
