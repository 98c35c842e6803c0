/* bandi-lombardia-page.c — a call's page on Bandi Online
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-lombardia"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-lombardia-page.h"

static int
match_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text != NULL && *text != '\0' ? (int) g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Fills @page's date (groups @gy, @gm, @gd) and, when groups @gh and @gmi
 * matched, its time. FALSE for an impossible date; an impossible time
 * leaves the date alone. */
static gboolean
take_date (BandiLombardiaPage *page,
           GMatchInfo         *match,
           int                 gy,
           int                 gm,
           int                 gd,
           int                 gh,
           int                 gmi)
{
  int y = match_int (match, gy);
  int m = match_int (match, gm);
  int d = match_int (match, gd);
  int h = match_int (match, gh);
  int mi = match_int (match, gmi);

  if (y < 1 || m < 1 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  page->has_date = TRUE;
  page->year = y;
  page->month = m;
  page->day = d;
  page->has_time = h >= 0 && h <= 23 && mi >= 0 && mi <= 59;
  page->hour = page->has_time ? h : 0;
  page->minute = page->has_time ? mi : 0;

  return TRUE;
}

/* <input type="hidden" class="checkCloseDate" value="2026-09-07 12:00" /> */
static gboolean
find_check_close_date (const char         *html,
                       BandiLombardiaPage *page)
{
  g_autoptr(GRegex) input = NULL;
  g_autoptr(GRegex) value = NULL;
  g_autoptr(GMatchInfo) input_match = NULL;

  input = g_regex_new ("<input\\b[^>]*\\bcheckCloseDate\\b[^>]*>",
                       G_REGEX_CASELESS, 0, NULL);
  value = g_regex_new ("\\bvalue\\s*=\\s*[\"']\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                       "(?:[ T]+(\\d{1,2})[:.](\\d{2}))?",
                       G_REGEX_CASELESS, 0, NULL);

  for (g_regex_match (input, html, 0, &input_match);
       g_match_info_matches (input_match);
       g_match_info_next (input_match, NULL))
    {
      g_autofree char *tag = g_match_info_fetch (input_match, 0);
      g_autoptr(GMatchInfo) value_match = NULL;

      if (g_regex_match (value, tag, 0, &value_match) &&
          take_date (page, value_match, 1, 2, 3, 4, 5))
        return TRUE;
    }

  return FALSE;
}

/* "Scade il: 07/09/2026, ore 12:00" in the page's text. */
static gboolean
find_scade_il (const char         *text,
               BandiLombardiaPage *page)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  regex = g_regex_new ("\\bScade\\s+il\\s*:?\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})"
                       "(?:\\s*,?\\s*(?:alle\\s+)?ore\\s*(\\d{1,2})[:.](\\d{2}))?",
                       G_REGEX_CASELESS, 0, NULL);

  for (g_regex_match (regex, text, 0, &match);
       g_match_info_matches (match);
       g_match_info_next (match, NULL))
    if (take_date (page, match, 3, 2, 1, 4, 5))
      return TRUE;

  return FALSE;
}

/* <div class="chip … bg-success-state"><span class="chip-label …">Aperto</span></div> */
static BandiCallStatus
find_status (const char *html)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  regex = g_regex_new ("<[a-z]+\\b[^>]*\\bclass\\s*=\\s*[\"'][^\"']*\\bchip-label\\b[^\"']*[\"'][^>]*>"
                       "\\s*([^<]*?)\\s*<",
                       G_REGEX_CASELESS, 0, NULL);

  for (g_regex_match (regex, html, 0, &match);
       g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      g_autofree char *decoded = bandi_text_decode_entities (raw);
      g_autofree char *label = bandi_text_squeeze (decoded);

      if (g_ascii_strcasecmp (label, "Aperto") == 0)
        return BANDI_CALL_STATUS_OPEN;
      if (g_ascii_strcasecmp (label, "Chiuso") == 0)
        return BANDI_CALL_STATUS_CLOSED;
      if (g_ascii_strcasecmp (label, "In apertura") == 0)
        return BANDI_CALL_STATUS_FORTHCOMING;
    }

  return BANDI_CALL_STATUS_UNKNOWN;
}

gboolean
bandi_lombardia_parse_page (const char          *html,
                            gsize                length,
                            BandiLombardiaPage  *page,
                            GError             **error)
{
  g_autoptr(GRegex) error_title = NULL;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (html != NULL || length == 0, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  *page = (BandiLombardiaPage) { .status = BANDI_CALL_STATUS_UNKNOWN };
  valid = g_utf8_make_valid (html != NULL ? html : "", length);

  /* An unknown code gets the portal's error page, with HTTP 200. */
  error_title = g_regex_new ("<title>\\s*Errore\\b", G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (error_title, valid, 0, NULL))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND,
                           _("the portal answered with its error page"));
      return FALSE;
    }

  page->status = find_status (valid);

  if (!find_check_close_date (valid, page))
    {
      g_autofree char *text = bandi_text_html_to_plain (valid);

      find_scade_il (text, page);
    }

  if (!page->has_date && page->status == BANDI_CALL_STATUS_UNKNOWN)
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND,
                           _("the page shows neither a closing date nor a status"));
      return FALSE;
    }

  return TRUE;
}

/* Start of a calendar day in Rome. */
static gint64
day_start_unix (int year,
                int month,
                int day)
{
  g_autoptr(BandiDeadline) start = NULL;

  start = bandi_deadline_new_local (0, NULL, year, month, day, 0, 0, 0, BANDI_LOMBARDIA_ZONE);
  return start != NULL ? bandi_deadline_to_unix (start) : 0;
}

/*
 * The status, most certain first:
 *  - the deadline has passed: closed (a page read earlier and kept in the
 *    cache may still say "Aperto");
 *  - the page says "Chiuso": closed (a sportello can close before its
 *    date, or without one, when the funds run out);
 *  - the opening date: not reached yet, forthcoming unless the page already
 *    said "Aperto"; reached, open;
 *  - without an opening date, what the page says;
 *  - else unknown.
 */
static BandiCallStatus
decide_status (const BandiLombardiaRow  *row,
               const BandiLombardiaPage *page,
               BandiDeadline            *deadline,
               gint64                    now_unix)
{
  BandiCallStatus page_status = page != NULL ? page->status : BANDI_CALL_STATUS_UNKNOWN;
  GDate opening;

  if (deadline != NULL && bandi_deadline_is_past (deadline, now_unix))
    return BANDI_CALL_STATUS_CLOSED;

  if (page_status == BANDI_CALL_STATUS_CLOSED)
    return BANDI_CALL_STATUS_CLOSED;

  if (bandi_lombardia_row_get_opening (row, &opening))
    {
      gint64 opens = day_start_unix (g_date_get_year (&opening),
                                     g_date_get_month (&opening),
                                     g_date_get_day (&opening));

      if (now_unix < opens && page_status != BANDI_CALL_STATUS_OPEN)
        return BANDI_CALL_STATUS_FORTHCOMING;
      return BANDI_CALL_STATUS_OPEN;
    }

  return page_status;
}

BandiLombardiaDates
bandi_lombardia_apply_dates (BandiCall                *call,
                             const BandiLombardiaRow  *row,
                             const BandiLombardiaPage *page,
                             gint64                    now_unix)
{
  BandiLombardiaDates dates = BANDI_LOMBARDIA_DATES_AGREE;
  g_autoptr(BandiDeadline) deadline = NULL;
  GDate closing;
  gboolean has_closing;

  g_return_val_if_fail (BANDI_IS_CALL (call), dates);
  g_return_val_if_fail (row != NULL, dates);

  has_closing = bandi_lombardia_row_get_closing (row, &closing);

  if (page != NULL && page->has_date)
    {
      const char *label;

      if (has_closing)
        {
          GDate on_page;
          int cmp;

          g_date_clear (&on_page, 1);
          g_date_set_dmy (&on_page, page->day, page->month, page->year);
          cmp = g_date_compare (&on_page, &closing);
          if (cmp > 0)
            dates = BANDI_LOMBARDIA_DATES_EXTENDED;
          else if (cmp < 0)
            dates = BANDI_LOMBARDIA_DATES_EARLIER;
        }

      label = dates == BANDI_LOMBARDIA_DATES_EXTENDED ? _("Closing date (extended)")
                                                      : _("Closing date");
      if (page->has_time)
        deadline = bandi_deadline_new_local (1, label, page->year, page->month, page->day,
                                             page->hour, page->minute, 0,
                                             BANDI_LOMBARDIA_ZONE);
      /* Without a time, or without the zone database, the day is all that
       * is certain. */
      if (deadline == NULL)
        deadline = bandi_deadline_new_date (1, label, page->year, page->month, page->day);
    }
  else if (has_closing)
    {
      deadline = bandi_deadline_new_date (1, _("Closing date"),
                                          g_date_get_year (&closing),
                                          g_date_get_month (&closing),
                                          g_date_get_day (&closing));
    }

  bandi_call_clear_deadlines (call);
  if (deadline != NULL)
    bandi_call_add_deadline (call, deadline);

  bandi_call_set_status (call, decide_status (row, page, deadline, now_unix));

  return dates;
}
