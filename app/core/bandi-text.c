/* bandi-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-text"

#include "config.h"

#include <string.h>

#include "bandi-text.h"

typedef struct {
  const char *name;
  gunichar    ch;
} Entity;

/* The entities met in the sources' HTML: markup, typography, and the
 * letters of Italian, French and German. */
static const Entity entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "bull", 0x2022 },
  { "middot", 0x00B7 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "laquo", 0x00AB },
  { "raquo", 0x00BB }, { "euro", 0x20AC }, { "pound", 0x00A3 }, { "copy", 0x00A9 },
  { "reg", 0x00AE }, { "trade", 0x2122 }, { "deg", 0x00B0 }, { "times", 0x00D7 },
  { "divide", 0x00F7 }, { "plusmn", 0x00B1 }, { "sect", 0x00A7 }, { "para", 0x00B6 },
  { "shy", 0x00AD }, { "ordf", 0x00AA }, { "ordm", 0x00BA },
  { "agrave", 0x00E0 }, { "aacute", 0x00E1 }, { "acirc", 0x00E2 }, { "auml", 0x00E4 },
  { "egrave", 0x00E8 }, { "eacute", 0x00E9 }, { "ecirc", 0x00EA }, { "euml", 0x00EB },
  { "igrave", 0x00EC }, { "iacute", 0x00ED }, { "icirc", 0x00EE }, { "iuml", 0x00EF },
  { "ograve", 0x00F2 }, { "oacute", 0x00F3 }, { "ocirc", 0x00F4 }, { "ouml", 0x00F6 },
  { "ugrave", 0x00F9 }, { "uacute", 0x00FA }, { "ucirc", 0x00FB }, { "uuml", 0x00FC },
  { "ccedil", 0x00E7 }, { "ntilde", 0x00F1 }, { "szlig", 0x00DF }, { "oelig", 0x0153 },
  { "Agrave", 0x00C0 }, { "Aacute", 0x00C1 }, { "Acirc", 0x00C2 }, { "Auml", 0x00C4 },
  { "Egrave", 0x00C8 }, { "Eacute", 0x00C9 }, { "Ecirc", 0x00CA }, { "Igrave", 0x00CC },
  { "Ograve", 0x00D2 }, { "Ouml", 0x00D6 }, { "Ugrave", 0x00D9 }, { "Uuml", 0x00DC },
  { "Ccedil", 0x00C7 },
};

/* Reads one reference after '&' at @p; returns the character and sets
 * *len to the bytes consumed (including '&' and ';'), or 0 if none. */
static gunichar
read_entity (const char *p,
             gsize      *len)
{
  const char *semi;
  gsize n;

  *len = 0;
  g_assert (*p == '&');

  /* The longest reference read is 12 bytes ("&#x0010FFFF;" needs no more) */
  semi = NULL;
  for (const char *q = p + 1; q <= p + 12 && *q != '\0'; q++)
    if (*q == ';')
      {
        semi = q;
        break;
      }
  if (semi == NULL || semi == p + 1)
    return 0;
  n = semi - (p + 1);

  if (p[1] == '#')
    {
      guint64 value;
      char *end = NULL;

      if (p[2] == 'x' || p[2] == 'X')
        value = g_ascii_strtoull (p + 3, &end, 16);
      else
        value = g_ascii_strtoull (p + 2, &end, 10);

      if (end != semi || value == 0 || value > 0x10FFFF || !g_unichar_validate ((gunichar) value))
        return 0;

      *len = n + 2;
      return (gunichar) value;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (strlen (entities[i].name) == n && strncmp (entities[i].name, p + 1, n) == 0)
        {
          *len = n + 2;
          return entities[i].ch;
        }
    }

  return 0;
}

char *
bandi_text_decode_entities (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '&')
        {
          gsize len;
          gunichar ch = read_entity (p, &len);

          if (len > 0)
            {
              g_string_append_unichar (out, ch == 0x00A0 ? ' ' : ch);
              p += len;
              continue;
            }
        }

      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

static gboolean
tag_is (const char *name,
        const char * const *set)
{
  return g_strv_contains (set, name);
}

static const char * const block_tags[] = {
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol",
  "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "dl",
  "hr", "address", "figure", "figcaption", "main", "nav", "aside", NULL
};

static const char * const skipped_tags[] = { "script", "style", "head", "template", NULL };

/* Skips past the element @name that opens at @p (used for script/style). */
static const char *
skip_element (const char *p,
              const char *name)
{
  gsize n = strlen (name);

  for (; *p != '\0'; p++)
    {
      if (p[0] == '<' && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0 &&
          !g_ascii_isalnum (p[2 + n]))
        {
          const char *end = strchr (p, '>');
          return end ? end + 1 : p + strlen (p);
        }
    }

  return p;
}

/* What the text of a page becomes, one character at a time: blanks
 * collapse inside a line, lines are trimmed, and at most one empty line
 * separates paragraphs. */
typedef struct {
  GString  *out;
  guint     breaks;  /* line breaks since the last character written */
  gboolean  space;   /* a blank after it, on the same line */
} Plain;

static void
plain_break (Plain *plain,
             guint  n)
{
  plain->breaks += n;
  plain->space = FALSE;
}

static void
plain_blank (Plain *plain)
{
  if (plain->breaks == 0 && plain->out->len > 0)
    plain->space = TRUE;
}

/* The ASCII characters that end a word of text */
static inline gboolean
plain_is_special (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '&' || c == '<';
}

/* Writes characters that are not blanks: the @n bytes at @bytes */
static void
plain_char (Plain      *plain,
            const char *bytes,
            gsize       n)
{
  if (plain->out->len > 0 && plain->breaks > 0)
    g_string_append (plain->out, plain->breaks > 1 ? "\n\n" : "\n");
  else if (plain->space)
    g_string_append_c (plain->out, ' ');
  plain->breaks = 0;
  plain->space = FALSE;
  g_string_append_len (plain->out, bytes, (gssize) n);
}

static void
plain_unichar (Plain    *plain,
               gunichar  ch)
{
  char bytes[6];

  /* The same blanks as bandi_text_squeeze(), and no-break space */
  if (ch == '\n')
    plain_break (plain, 1);
  else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' ||
           (ch >= 0x80 && (g_unichar_isspace (ch) || ch == 0x00A0)))
    plain_blank (plain);
  else
    plain_char (plain, bytes, g_unichar_to_utf8 (ch, bytes));
}

char *
bandi_text_html_to_plain (const char *html)
{
  g_autofree char *valid = NULL;
  Plain plain = { NULL, 0, FALSE };

  if (html == NULL)
    return NULL;

  /* What comes out is valid UTF-8, whatever came in. */
  if (!g_utf8_validate (html, -1, NULL))
    html = valid = g_utf8_make_valid (html, -1);

  plain.out = g_string_sized_new (strlen (html));

  for (const char *p = html; *p != '\0';)
    {
      const char *q;
      char name[16];
      gsize n = 0;
      gboolean closing;

      if (*p == '&')
        {
          gsize len;
          gunichar ch = read_entity (p, &len);

          if (len > 0)
            {
              plain_unichar (&plain, ch);
              p += len;
              continue;
            }
        }

      if (*p != '<')
        {
          /* ASCII, most of the text: a word at a time */
          if ((guchar) *p < 0x80)
            {
              const char *word = p;

              while (*p != '\0' && (guchar) *p < 0x80 && !plain_is_special (*p))
                p++;
              if (p > word)
                plain_char (&plain, word, p - word);
              else
                {
                  if (*p == '\n')
                    plain_break (&plain, 1);
                  else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f')
                    plain_blank (&plain);
                  else
                    plain_char (&plain, p, 1);
                  p++;
                }
            }
          else
            {
              plain_unichar (&plain, g_utf8_get_char (p));
              p = g_utf8_next_char (p);
            }
          continue;
        }

      if (g_str_has_prefix (p, "<!--"))
        {
          q = strstr (p + 4, "-->");
          p = q ? q + 3 : p + strlen (p);
          continue;
        }

      q = p + 1;
      closing = *q == '/';
      if (closing)
        q++;

      if (!g_ascii_isalpha (*q) && *q != '!' && *q != '?')
        {
          /* A lone '<' in text. */
          plain_char (&plain, p, 1);
          p++;
          continue;
        }

      while (g_ascii_isalnum (q[n]) && n < sizeof name - 1)
        {
          name[n] = g_ascii_tolower (q[n]);
          n++;
        }
      name[n] = '\0';

      /* Find the end of the tag, minding quoted attribute values. */
      {
        char quote = 0;

        for (q += n; *q != '\0'; q++)
          {
            if (quote != 0)
              {
                if (*q == quote)
                  quote = 0;
              }
            else if (*q == '"' || *q == '\'')
              quote = *q;
            else if (*q == '>')
              break;
          }
      }
      p = *q == '>' ? q + 1 : q;

      if (!closing && tag_is (name, skipped_tags))
        p = skip_element (p, name);
      else if (strcmp (name, "li") == 0)
        {
          if (!closing)
            {
              plain_break (&plain, 1);
              plain_char (&plain, "•", strlen ("•"));
              plain_blank (&plain);
            }
        }
      else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
        plain_blank (&plain);
      else if (tag_is (name, block_tags))
        plain_break (&plain, strcmp (name, "br") == 0 ? 1 : 2);
    }

  return g_string_free (plain.out, FALSE);
}

/* Appends the text from @text to @end with blanks collapsed and trimmed. */
static void
squeeze_append (GString    *out,
                const char *text,
                const char *end)
{
  gsize start = out->len;
  gboolean space = FALSE;

  for (const char *p = text; p < end && *p != '\0';)
    {
      /* ASCII, most of the text, byte by byte: the same spaces as
       * g_unichar_isspace() (not '\v'). */
      if ((guchar) *p < 0x80)
        {
          if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            space = out->len > start;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, *p);
            }
          p++;
          continue;
        }

      {
        gunichar ch = g_utf8_get_char (p);
        const char *next = p + 1;

        /* The character's bytes, never past the end of a bad sequence */
        while (next < end && next < g_utf8_next_char (p) && *next != '\0')
          next++;

        if (g_unichar_isspace (ch) || ch == 0x00A0)
          space = out->len > start;
        else
          {
            if (space)
              g_string_append_c (out, ' ');
            space = FALSE;
            g_string_append_len (out, p, next - p);
          }
        p = next;
      }
    }
}

char *
bandi_text_squeeze (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize len;

  if (text == NULL)
    return NULL;

  /* What comes out is valid UTF-8, whatever came in. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  len = strlen (text);
  out = g_string_sized_new (len);
  squeeze_append (out, text, text + len);

  return g_string_free (out, FALSE);
}

char *
bandi_text_preview (const char *data,
                    gsize       len,
                    gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize count = 0;
  const char *p;

  if (data == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (data, MIN (len, max_chars * 4));
  out = g_string_new (NULL);

  for (p = valid; *p != '\0' && count < max_chars; p = g_utf8_next_char (p), count++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iscntrl (ch))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, ch);
    }

  if (*p != '\0' || len > MIN (len, max_chars * 4))
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

char *
bandi_text_truncate (const char *text,
                     gsize       max_bytes)
{
  static const char ellipsis[] = "…";
  g_autofree char *head = NULL;
  const char *end;

  g_return_val_if_fail (max_bytes > strlen (ellipsis), NULL);

  if (text == NULL || strlen (text) <= max_bytes)
    return g_strdup (text);

  /* Back to the first byte of a character, leaving room for the "…" */
  end = text + max_bytes - strlen (ellipsis);
  while (end > text && ((guchar) *end & 0xC0) == 0x80)
    end--;

  head = g_strndup (text, end - text);

  return g_strconcat (head, ellipsis, NULL);
}
