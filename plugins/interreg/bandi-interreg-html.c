/* bandi-interreg-html.c — the "html" adapter: a web page read with the rules
 * of its preset ("item", "title", "link" and the rest)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-entry.h"

/* The page's own title when no "title" rule is given: <h1>, else <title>. */
static char *
page_title (const char *html)
{
  static GRegex *h1, *title;
  static gsize initialised;
  char *value;

  if (g_once_init_enter (&initialised))
    {
      h1 = g_regex_new ("(?is)<h1\\b[^>]*>(.*?)</h1>", G_REGEX_DEFAULT, 0, NULL);
      title = g_regex_new ("(?is)<title\\b[^>]*>(.*?)</title>", G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  value = interreg_rule_extract (h1, html);
  if (value == NULL)
    value = interreg_rule_extract (title, html);

  return value;
}

static char *
plain_one_line (const char *html)
{
  g_autofree char *plain = bandi_text_html_to_plain (html);

  return bandi_text_squeeze (plain);
}

static InterregEntry *
entry_from_item (InterregProgramme *programme,
                 const char        *item)
{
  g_autoptr(InterregEntry) entry = interreg_entry_new ();
  g_autofree char *title = NULL;
  g_autofree char *link = NULL;

  title = programme->title ? interreg_rule_extract (programme->title, item) : page_title (item);
  link = programme->link ? interreg_rule_extract (programme->link, item) : NULL;

  entry->title = plain_one_line (title);
  if (link != NULL)
    entry->link = bandi_text_decode_entities (g_strstrip (link));
  entry->haystack = g_strdup (item);
  entry->haystack_html = TRUE;
  entry->description = bandi_text_html_to_plain (item);

  return g_steal_pointer (&entry);
}

GPtrArray *
interreg_html_read (InterregProgramme *programme,
                    GBytes            *body,
                    GPtrArray         *warnings,
                    GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_entry_free);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *html = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  guint n_untitled = 0;

  /* Pages are UTF-8 nowadays; a stray byte must not stop the reading. */
  html = g_utf8_make_valid (data ? data : "", len);

  if (programme->item == NULL)
    {
      g_ptr_array_add (entries, entry_from_item (programme, html));
    }
  else
    {
      g_regex_match (programme->item, html, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *item = g_match_info_fetch (match, 0);
          g_autoptr(InterregEntry) entry = entry_from_item (programme, item);

          if (entry->title == NULL || *entry->title == '\0')
            {
              n_untitled++;
              continue;
            }
          g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }

  if (n_untitled > 0)
    g_ptr_array_add (warnings, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u item had no title with the preset’s rules",
                                                             "%u items had no title with the preset’s rules",
                                                             n_untitled),
                                                n_untitled));

  return g_steal_pointer (&entries);
}
