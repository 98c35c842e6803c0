/* bandi-interreg-csv.c — the "csv" adapter: a programme's calendar of calls as a
 * CSV file, one call a row, its columns named by the programme's
 * "columns" (see bandi-interreg-programme.h)
 *
 * RFC 4180 as spreadsheets write it: "," or ";" (whichever the header
 * line has more of), quoted fields with "" inside and line breaks, CRLF or
 * LF, an optional UTF-8 BOM; a file that is not UTF-8 is read as
 * Windows-1252, what spreadsheets on Windows save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-interreg-date.h"
#include "bandi-interreg-entry.h"

/* The rows of @text, each a GStrv of its fields. */
static GPtrArray *
split_rows (const char *text,
            char        separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, row_has_content = FALSE;

  for (const char *p = text; ; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            quoted = FALSE;
          else if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
              continue;
            }
          else if (*p == '"')
            {
              quoted = FALSE;
              continue;
            }
          else
            {
              g_string_append_c (field, *p);
              continue;
            }
        }

      if (*p == '"' && field->len == 0)
        {
          quoted = row_has_content = TRUE;
        }
      else if (*p == separator)
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          row_has_content = TRUE;
        }
      else if (*p == '\n' || *p == '\r' || *p == '\0')
        {
          if (row_has_content || field->len > 0)
            {
              g_strv_builder_add (row, field->str);
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_clear_pointer (&row, g_strv_builder_unref);
              row = g_strv_builder_new ();
            }
          g_string_truncate (field, 0);
          row_has_content = FALSE;
          if (*p == '\0')
            break;
        }
      else
        {
          g_string_append_c (field, *p);
          row_has_content = TRUE;
        }
    }

  return rows;
}

/* The body as UTF-8 text without BOM. */
static char *
body_text (GBytes *body)
{
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  char *text;

  if (data == NULL)
    return g_strdup ("");
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;

  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  text = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  return text != NULL ? text : g_utf8_make_valid (data, len);
}

static char
guess_separator (const char *text)
{
  guint commas = 0, semicolons = 0;

  for (const char *p = text; *p != '\0' && *p != '\n'; p++)
    {
      commas += *p == ',';
      semicolons += *p == ';';
    }

  return semicolons > commas ? ';' : ',';
}

/* The index of the first of @names that is a column of @header, or -1. */
static int
find_column (GStrv               header,
             const char * const *names)
{
  for (guint n = 0; names != NULL && names[n] != NULL; n++)
    for (guint i = 0; header[i] != NULL; i++)
      {
        g_autofree char *column = g_strstrip (g_strdup (header[i]));

        if (g_utf8_collate (column, names[n]) == 0 || g_ascii_strcasecmp (column, names[n]) == 0)
          return i;
      }

  return -1;
}

static const char *
cell (GStrv row,
      int   column)
{
  if (column < 0 || column >= (int) g_strv_length (row))
    return NULL;
  return row[column];
}

/* A date cell read as a sentence of its own; a problem is a warning of
 * the fetch, a time that cannot be read also one of the call. */
static BandiDeadline *
read_cell (InterregProgramme *programme,
           InterregEntry     *entry,
           const char        *text,
           guint              stage,
           const char        *label,
           GPtrArray         *warnings)
{
  g_autofree char *squeezed = bandi_text_squeeze (text);
  g_autofree char *warning = NULL;
  g_autofree char *before = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  BandiDeadline *deadline;
  int start = 0, end;

  if (squeezed == NULL || *squeezed == '\0')
    return NULL;

  /* The cell is the date's sentence: "30.11.2026 (ore 12.00)". */
  end = strlen (squeezed);
  if (g_regex_match (interreg_date_regex (), squeezed, 0, &match))
    g_match_info_fetch_pos (match, 0, &start, &end);
  before = g_strndup (squeezed, start);
  date = g_strndup (squeezed + start, end - start);

  deadline = interreg_date_parse_in_sentence (before, date, squeezed + end, programme->zone, stage,
                                              label, &warning, &error);
  if (deadline == NULL)
    g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"), entry->title, error->message));
  if (warning != NULL)
    {
      g_ptr_array_add (warnings, g_strdup_printf (_("“%s”: %s"), entry->title, warning));
      g_ptr_array_add (entry->warnings, g_steal_pointer (&warning));
    }

  return deadline;
}

GPtrArray *
interreg_csv_read (InterregProgramme *programme,
                   GBytes            *body,
                   GPtrArray         *warnings,
                   GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) interreg_entry_free);
  g_autofree char *text = body_text (body);
  g_autoptr(GPtrArray) rows = split_rows (text, guess_separator (text));
  GStrv header;
  int title, link, code, opening;

  header = rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;
  title = header ? find_column (header, (const char * const *) programme->columns.title) : -1;
  if (title < 0)
    {
      g_autofree char *wanted = programme->columns.title ? g_strjoinv (", ", programme->columns.title)
                                                         : g_strdup ("");

      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("the CSV file has no title column (one of: %s)"), wanted);
      return NULL;
    }
  link = find_column (header, (const char * const *) programme->columns.link);
  code = find_column (header, (const char * const *) programme->columns.code);
  opening = find_column (header, (const char * const *) programme->columns.opening);

  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      g_autoptr(InterregEntry) entry = interreg_entry_new ();
      g_autoptr(GString) description = g_string_new (NULL);
      guint stage = 0;

      entry->title = bandi_text_squeeze (cell (row, title));
      if (entry->title == NULL || *entry->title == '\0')
        continue;
      entry->link = g_strdup (cell (row, link));
      if (code >= 0 && cell (row, code) != NULL && *cell (row, code) != '\0')
        entry->uid = bandi_text_squeeze (cell (row, code));
      for (guint i = 0; header[i] != NULL && row[i] != NULL; i++)
        if (*row[i] != '\0')
          g_string_append_printf (description, "%s%s: %s", description->len ? "\n" : "",
                                  g_strstrip (header[i]), row[i]);
      entry->description = g_string_free (g_steal_pointer (&description), FALSE);
      entry->warnings = g_ptr_array_new_with_free_func (g_free);

      if (opening >= 0)
        entry->opening = read_cell (programme, entry, cell (row, opening), 0, "Opening", warnings);

      entry->deadlines = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint c = 0; programme->columns.closing != NULL && programme->columns.closing[c] != NULL; c++)
        {
          const char *names[] = { programme->columns.closing[c], NULL };
          int column = find_column (header, names);
          BandiDeadline *deadline;

          if (column < 0)
            continue;
          deadline = read_cell (programme, entry, cell (row, column), ++stage,
                                g_strstrip (header[column]), warnings);
          if (deadline != NULL)
            g_ptr_array_add (entry->deadlines, deadline);
        }

      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}
