/* bandi-page-text.c — the readable text of a web page, for watching it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-core"

#include "config.h"

#include "bandi-page-text.h"
#include "bandi-text.h"

typedef enum {
  RE_COMMENT,
  RE_BOILERPLATE,
  RE_MAIN,
  RE_ARTICLE,
  RE_BODY,
  RE_VOLATILE,
  N_RES
} Re;

static const char * const re_sources[N_RES] = {
  [RE_COMMENT] = "(?s)<!--.*?-->",
  /* Not nested in themselves in practice; a lazy match is enough. */
  [RE_BOILERPLATE] = "(?is)<(script|style|noscript|template|svg|nav|header|footer|aside|form|iframe)\\b"
                     "[^>]*>.*?</\\1\\s*>",
  [RE_MAIN] = "(?is)<main\\b[^>]*>(.*)</main>",
  [RE_ARTICLE] = "(?is)<article\\b[^>]*>(.*)</article>",
  [RE_BODY] = "(?is)<body\\b[^>]*>(.*)</body>",
  /* clocks to the second (13:05:59; never 13:05, a deadline's time is
   * what the page is watched for); words of 16 or more letters, digits
   * and _ with at least one digit and one letter (nonces, session ids) */
  [RE_VOLATILE] = "\\b\\d{1,2}:\\d{2}:\\d{2}\\b"
                  "|\\b(?=\\w*\\d)(?=\\w*[A-Za-z])\\w{16,}\\b",
};

static GRegex **
regexes (void)
{
  static GRegex *compiled[N_RES];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < N_RES; i++)
        compiled[i] = g_regex_new (re_sources[i], G_REGEX_DEFAULT, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  return compiled;
}

char *
bandi_page_text_readable (const char *html,
                          gsize       len)
{
  GRegex **re = regexes ();
  g_autofree char *valid = g_utf8_make_valid (html != NULL ? html : "", html != NULL ? len : 0);
  g_autofree char *no_comments = g_regex_replace_literal (re[RE_COMMENT], valid, -1, 0, "", 0, NULL);
  g_autofree char *clean = g_regex_replace_literal (re[RE_BOILERPLATE], no_comments, -1, 0, " ", 0, NULL);
  g_autofree char *main_html = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  for (Re r = RE_MAIN; r <= RE_BODY && main_html == NULL; r++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (re[r], clean, 0, &match))
        main_html = g_match_info_fetch (match, 1);
    }

  plain = bandi_text_html_to_plain (main_html != NULL ? main_html : clean);
  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *steady = g_regex_replace_literal (re[RE_VOLATILE], lines[i], -1, 0, "", 0, NULL);
      g_autofree char *line = bandi_text_squeeze (steady);

      if (*line == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }

  return g_string_free (out, FALSE);
}

GStrv
bandi_page_text_added (const char *old_text,
                       const char *new_text)
{
  g_auto(GStrv) old_lines = g_strsplit (old_text != NULL ? old_text : "", "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (new_text != NULL ? new_text : "", "\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) added = g_strv_builder_new ();

  for (guint i = 0; old_lines[i] != NULL; i++)
    g_hash_table_add (seen, old_lines[i]);

  for (guint i = 0; new_lines[i] != NULL; i++)
    if (*new_lines[i] != '\0' && !g_hash_table_contains (seen, new_lines[i]))
      g_strv_builder_add (added, new_lines[i]);

  return g_strv_builder_end (added);
}
