/* bandi-interreg-entry.c — from what an adapter read to calls, by the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-date.h"
#include "bandi-interreg-entry.h"

#define SOURCE_ID "interreg"

InterregEntry *
interreg_entry_new (void)
{
  return g_new0 (InterregEntry, 1);
}

void
interreg_entry_free (InterregEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->title);
  g_free (entry->link);
  g_free (entry->haystack);
  g_free (entry->description);
  g_strfreev (entry->categories);
  g_free (entry->uid);
  g_clear_pointer (&entry->deadlines, g_ptr_array_unref);
  g_clear_object (&entry->opening);
  g_clear_pointer (&entry->warnings, g_ptr_array_unref);
  g_free (entry);
}

GPtrArray *
interreg_entries_read (InterregProgramme *programme,
                       GBytes            *body,
                       GPtrArray         *warnings,
                       GError           **error)
{
  switch (programme->adapter)
    {
    case INTERREG_ADAPTER_FEED:
      return interreg_feed_read (programme, body, warnings, error);
    case INTERREG_ADAPTER_WORDPRESS:
      return interreg_wordpress_read (programme, body, warnings, error);
    case INTERREG_ADAPTER_HTML:
      return interreg_html_read (programme, body, warnings, error);
    case INTERREG_ADAPTER_ICAL:
      return interreg_ical_read (programme, body, warnings, error);
    case INTERREG_ADAPTER_CSV:
      return interreg_csv_read (programme, body, warnings, error);
    default:
      g_assert_not_reached ();
    }
}

char *
interreg_normalise_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  GString *out;
  const char *query;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  out = g_string_new (g_str_has_prefix (host, "www.") ? host + 4 : host);

  if (g_uri_get_port (uri) != -1)
    g_string_append_printf (out, ":%d", g_uri_get_port (uri));

  path = g_strdup (g_uri_get_path (uri));
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  g_string_append (out, path);

  query = g_uri_get_query (uri);
  if (query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (query, "&", -1);
      gboolean first = TRUE;

      for (guint i = 0; params[i] != NULL; i++)
        {
          if (g_str_has_prefix (params[i], "utm_") || *params[i] == '\0')
            continue;
          g_string_append_c (out, first ? '?' : '&');
          g_string_append (out, params[i]);
          first = FALSE;
        }
    }

  return g_string_free (out, FALSE);
}

/* A rule's value as plain, single-line text. */
static char *
plain_value (const char    *value,
             InterregEntry *entry)
{
  g_autofree char *plain = NULL;

  if (value == NULL)
    return NULL;

  if (entry->haystack_html)
    plain = bandi_text_html_to_plain (value);
  else
    plain = g_strdup (value);

  return bandi_text_squeeze (plain);
}

/* The sentence around bytes @start to @end of the entry's haystack, as
 * plain text before and after them: up to the blocks' edges in HTML (a
 * table's row, not its cell: a date and its time may sit in two cells),
 * the lines' in plain text, and a full stop before a capital in both. */
static void
sentence_around (InterregEntry  *entry,
                 int             start,
                 int             end,
                 char          **before,
                 char          **after)
{
  static GRegex *html_edge, *text_edge;
  static gsize initialised;
  const gsize reach = 400;
  const char *haystack = entry->haystack;
  gsize len = strlen (haystack);
  gsize from = start > (int) reach ? start - reach : 0;
  gsize to = MIN (len, end + reach);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *raw_before = NULL;
  g_autofree char *raw_after = NULL;
  GRegex *edge;
  gsize sentence_start = from, sentence_end = to;

  if (g_once_init_enter (&initialised))
    {
      html_edge = g_regex_new ("(?i)</?(?:p|div|li|ul|ol|dl|dd|dt|tr|h[1-6]|section|article"
                               "|header|footer|table|br|hr|main|aside)\\b[^>]*>"
                               "|[.!?](?=\\s+\\p{Lu})",
                               G_REGEX_DEFAULT, 0, NULL);
      text_edge = g_regex_new ("\\n|[.!?](?=\\s+\\p{Lu})", G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  edge = entry->haystack_html ? html_edge : text_edge;
  g_regex_match_full (edge, haystack, to, from, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int m_start, m_end;

      g_match_info_fetch_pos (match, 0, &m_start, &m_end);
      if (m_end <= start)
        sentence_start = m_end;
      else if (m_start >= end)
        {
          sentence_end = m_start;
          break;
        }
    }

  raw_before = g_strndup (haystack + sentence_start, start - sentence_start);
  raw_after = g_strndup (haystack + end, sentence_end - end);
  *before = plain_value (raw_before, entry);
  *after = plain_value (raw_after, entry);
}

/* Reads the date that group @group of @match captured, in its sentence.
 * A time the sentence states but that cannot be placed is a warning on the
 * call and of the fetch. */
static BandiDeadline *
read_date (InterregProgramme  *programme,
           InterregEntry      *entry,
           BandiCall          *call,
           GMatchInfo         *match,
           int                 group,
           guint               stage,
           const char         *label,
           GPtrArray          *warnings)
{
  g_autofree char *raw = g_match_info_fetch (match, group);
  g_autofree char *text = plain_value (raw, entry);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;
  BandiDeadline *deadline;
  int start, end;

  g_match_info_fetch_pos (match, group, &start, &end);
  if (text == NULL || *text == '\0' || start < 0)
    return NULL;

  sentence_around (entry, start, end, &before, &after);
  deadline = interreg_date_parse_in_sentence (before, text, after, programme->zone, stage,
                                              label, &warning, &error);
  if (deadline == NULL)
    {
      /* Translators: the first %s is a call's title, the second why
       * its deadline could not be read */
      g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"), entry->title, error->message));
      return NULL;
    }

  if (warning != NULL)
    {
      bandi_call_add_warning (call, warning);
      g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"), entry->title, warning));
    }

  return deadline;
}

static char *
extract (GRegex        *rule,
         InterregEntry *entry)
{
  g_autofree char *raw = interreg_rule_extract (rule, entry->haystack);
  char *value = plain_value (raw, entry);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

static gboolean
is_call (InterregProgramme *programme,
         InterregEntry     *entry)
{
  gboolean matched = programme->match == NULL ||
                     g_regex_match (programme->match, entry->title, 0, NULL);

  for (guint i = 0; !matched && entry->categories && entry->categories[i]; i++)
    matched = g_regex_match (programme->match, entry->categories[i], 0, NULL);

  if (matched && programme->exclude != NULL &&
      g_regex_match (programme->exclude, entry->title, 0, NULL))
    matched = FALSE;

  return matched;
}

/* The group that holds a rule's value: "v", else the first, else the
 * whole match. */
static int
rule_group (GRegex *rule)
{
  int v = g_regex_get_string_number (rule, "v");

  if (v != -1)
    return v;
  return g_regex_get_capture_count (rule) > 0 ? 1 : 0;
}

/* Adds the deadlines the "closing" rule finds; returns how many it found,
 * read or not. */
static guint
add_closing (InterregProgramme *programme,
             InterregEntry     *entry,
             BandiCall         *call,
             GPtrArray         *warnings)
{
  g_autoptr(GMatchInfo) match = NULL;
  int group = rule_group (programme->closing);
  gboolean has_label = g_regex_get_string_number (programme->closing, "label") != -1;
  guint stage = 0;

  if (entry->haystack == NULL)
    return 0;

  g_regex_match (programme->closing, entry->haystack, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *raw_label = has_label ? g_match_info_fetch_named (match, "label") : NULL;
      g_autofree char *label = plain_value (raw_label, entry);
      g_autoptr(BandiDeadline) deadline = NULL;

      stage++;
      deadline = read_date (programme, entry, call, match, group, stage,
                            label && *label ? label : "Deadline", warnings);
      if (deadline != NULL)
        bandi_call_add_deadline (call, deadline);
    }

  return stage;
}

static gint64
opening_unix (BandiDeadline *opening)
{
  g_autoptr(GTimeZone) rome = NULL;
  g_autoptr(GDateTime) start = NULL;
  int y, m, d;

  if (bandi_deadline_has_time (opening))
    return bandi_deadline_to_unix (opening);

  /* A call opening "13 May" is open from the start of that day. */
  bandi_deadline_get_date (opening, &y, &m, &d);
  rome = g_time_zone_new_identifier ("Europe/Rome");
  start = g_date_time_new (rome, y, m, d, 0, 0, 0);
  return g_date_time_to_unix (start);
}

static BandiCallStatus
status_of (BandiCall *call,
           gint64     now_unix)
{
  BandiDeadline *opening = bandi_call_get_opening (call);
  BandiDeadline *last = bandi_call_get_last_deadline (call);

  if (last != NULL && bandi_deadline_to_unix (last) < now_unix)
    return BANDI_CALL_STATUS_CLOSED;
  if (opening != NULL && opening_unix (opening) > now_unix)
    return BANDI_CALL_STATUS_FORTHCOMING;
  if (last != NULL)
    return BANDI_CALL_STATUS_OPEN;

  return BANDI_CALL_STATUS_UNKNOWN;
}

/* The absolute address of an entry's @link, or NULL if it has no host: a
 * call's page is on some site. Checked before printing it, as GLib 2.74
 * fails a critical check printing an address without host whose path
 * starts with "//" (what "https:/..//x" resolves to). */
static char *
resolve_link (const char *base_url,
              const char *link)
{
  g_autoptr(GUri) base = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (base == NULL)
    return NULL;

  uri = g_uri_parse_relative (base, link, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return NULL;

  return g_uri_to_string (uri);
}

static BandiCall *
entry_to_call (InterregProgramme *programme,
               InterregEntry     *entry,
               gint64             now_unix,
               GPtrArray         *warnings,
               guint             *n_closing)
{
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autofree char *code = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;

  code = programme->code ? interreg_rule_extract (programme->code, entry->title) : NULL;
  if (code == NULL && programme->code != NULL)
    code = extract (programme->code, entry);
  if (code != NULL)
    g_strstrip (code);

  if (entry->link != NULL && *entry->link != '\0')
    url = resolve_link (programme->url, entry->link);

  if (code != NULL && *code != '\0')
    {
      g_autofree char *slug = interreg_slugify (code);
      id = g_strconcat (programme->id, ":", slug, NULL);
      bandi_call_set_call_id (call, code);
    }
  else if (entry->uid != NULL)
    id = g_strconcat (programme->id, ":", entry->uid, NULL);
  else if (url != NULL)
    {
      g_autofree char *normal = interreg_normalise_url (url);
      id = g_strconcat (programme->id, ":", normal, NULL);
    }
  else
    {
      /* Several calls on one page, none with a page of its own. */
      g_autofree char *normal = interreg_normalise_url (programme->url);
      g_autofree char *slug = interreg_slugify (entry->title);
      id = g_strconcat (programme->id, ":", normal, "#", slug, NULL);
    }

  bandi_call_set_source_id (call, SOURCE_ID);
  bandi_call_set_external_id (call, id);
  bandi_call_set_title (call, entry->title);
  bandi_call_set_programme (call, programme->name);
  bandi_call_set_url (call, url ? url : programme->url);
  bandi_call_set_description (call, entry->description);
  if (entry->categories != NULL)
    bandi_call_set_keywords (call, (const char * const *) entry->categories);

  if (entry->opening != NULL)
    bandi_call_set_opening (call, entry->opening);
  else if (programme->opening != NULL && entry->haystack != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(BandiDeadline) opening = NULL;

      if (g_regex_match (programme->opening, entry->haystack, 0, &match))
        opening = read_date (programme, entry, call, match, rule_group (programme->opening),
                             0, "Opening", warnings);
      if (opening != NULL)
        bandi_call_set_opening (call, opening);
    }

  if (entry->deadlines != NULL)
    {
      for (guint i = 0; i < entry->deadlines->len; i++)
        bandi_call_add_deadline (call, g_ptr_array_index (entry->deadlines, i));
    }
  else if (programme->closing != NULL)
    {
      *n_closing += add_closing (programme, entry, call, warnings);
    }

  for (guint i = 0; entry->warnings != NULL && i < entry->warnings->len; i++)
    bandi_call_add_warning (call, g_ptr_array_index (entry->warnings, i));

  bandi_call_set_status (call, status_of (call, now_unix));

  return g_steal_pointer (&call);
}

GPtrArray *
interreg_entries_to_calls (InterregProgramme *programme,
                           GPtrArray         *entries,
                           gint64             now_unix,
                           GPtrArray         *warnings,
                           GError           **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_closing = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      InterregEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(BandiCall) call = NULL;
      BandiCall *earlier;

      if (entry->title == NULL || *entry->title == '\0' || !is_call (programme, entry))
        continue;

      call = entry_to_call (programme, entry, now_unix, warnings, &n_closing);

      /* Two entries on the same call (two news items on "Call 4"): keep
       * the first that has deadlines — feeds list the newest first. */
      earlier = g_hash_table_lookup (by_id, bandi_call_get_external_id (call));
      if (earlier != NULL)
        {
          if (bandi_call_get_deadlines (earlier)->len > 0 || bandi_call_get_deadlines (call)->len == 0)
            continue;
          g_hash_table_remove (by_id, bandi_call_get_external_id (call));
          g_ptr_array_remove (calls, earlier);
        }

      g_hash_table_insert (by_id, (gpointer) bandi_call_get_external_id (call), call);
      g_ptr_array_add (calls, g_steal_pointer (&call));
    }

  if (calls->len == 0 && programme->adapter == INTERREG_ADAPTER_HTML)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND,
                   _("the page has changed: no call found with the preset’s rules in %s"),
                   programme->url);
      return NULL;
    }

  if (calls->len > 0 && programme->closing != NULL && n_closing == 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("no deadline found with the preset’s rules in any of %u calls (has the page changed?)"),
                                      calls->len));

  return g_steal_pointer (&calls);
}
