/* bandi-lombardia-dataset.c — the open-data register of Regione Lombardia's calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-lombardia"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bandi-lombardia-dataset.h"

void
bandi_lombardia_row_free (BandiLombardiaRow *row)
{
  if (row == NULL)
    return;

  g_free (row->codice);
  g_free (row->titolo);
  g_free (row->direzione);
  g_free (row->ente);
  g_free (row->strumento);
  g_free (row->apertura);
  g_free (row->chiusura);
  g_free (row);
}

char *
bandi_lombardia_today (void)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier (BANDI_LOMBARDIA_ZONE);
  g_autoptr(GDateTime) now = NULL;

  /* Without the zone database, UTC is at most one day off around
   * midnight; the query only narrows what the dataset sends. */
  now = rome != NULL ? g_date_time_new_now (rome) : g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
bandi_lombardia_query_where (const char *today)
{
  g_return_val_if_fail (today != NULL, NULL);

  /* chiusura_adesione is a floating timestamp (local time, no zone): the
   * comparison is on Rome's calendar. No closing date means the call stays
   * open until its funds run out, so those rows are kept too. */
  return g_strdup_printf ("chiusura_adesione >= '%sT00:00:00' OR chiusura_adesione IS NULL",
                          today);
}

char *
bandi_lombardia_query_uri (const char  *endpoint,
                           const char  *today,
                           guint        offset,
                           GError     **error)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *where = NULL;
  g_autofree char *where_escaped = NULL;
  g_autofree char *order_escaped = NULL;

  g_return_val_if_fail (endpoint != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  base = g_uri_parse (endpoint, G_URI_FLAGS_ENCODED, NULL);
  if (base == NULL || g_uri_get_host (base) == NULL)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                   _("The endpoint “%s” is not a valid address"), endpoint);
      return NULL;
    }

  where = bandi_lombardia_query_where (today);
  where_escaped = g_uri_escape_string (where, NULL, FALSE);
  order_escaped = g_uri_escape_string (BANDI_LOMBARDIA_QUERY_ORDER, NULL, FALSE);

  if (g_uri_get_query (base) != NULL && *g_uri_get_query (base) != '\0')
    g_string_append_printf (query, "%s&", g_uri_get_query (base));
  g_string_append_printf (query, "$where=%s&$order=%s&$limit=%u&$offset=%u",
                          where_escaped, order_escaped,
                          BANDI_LOMBARDIA_PAGE_SIZE, offset);

  uri = g_uri_build (G_URI_FLAGS_ENCODED,
                     g_uri_get_scheme (base),
                     g_uri_get_userinfo (base),
                     g_uri_get_host (base),
                     g_uri_get_port (base),
                     g_uri_get_path (base),
                     query->str,
                     NULL);

  return g_uri_to_string (uri);
}

/* A member as text: strings squeezed, numbers written out (SODA sends
 * numbers as strings, but a mirror may not); absent, null, empty → NULL. */
static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *text = NULL;
  char *squeezed;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      text = g_strdup (json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    default:
      return NULL;
    }

  squeezed = bandi_text_squeeze (text);
  if (squeezed != NULL && *squeezed == '\0')
    g_clear_pointer (&squeezed, g_free);

  return squeezed;
}

/* "2026-09-07", optionally followed by a time ("T00:00:00.000"). */
static gboolean
parse_dataset_date (const char *text,
                    GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) < 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) || text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) || text[7] != '-' ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]) ||
      (text[10] != '\0' && text[10] != 'T' && text[10] != ' '))
    return FALSE;

  y = (int) g_ascii_strtoll (text, NULL, 10);
  m = (int) g_ascii_strtoll (text + 5, NULL, 10);
  d = (int) g_ascii_strtoll (text + 8, NULL, 10);

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

gboolean
bandi_lombardia_row_get_opening (const BandiLombardiaRow *row,
                                 GDate                   *date)
{
  return parse_dataset_date (row->apertura, date);
}

gboolean
bandi_lombardia_row_get_closing (const BandiLombardiaRow *row,
                                 GDate                   *date)
{
  return parse_dataset_date (row->chiusura, date);
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("object");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      return _("value");
    case JSON_NODE_ARRAY:
    default:
      return _("array");
    }
}

GPtrArray *
bandi_lombardia_parse_rows (const char  *data,
                            gsize        length,
                            guint       *n_records,
                            GPtrArray   *skipped,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rows = NULL;
  JsonArray *array;
  JsonNode *root;
  guint n;

  g_return_val_if_fail (n_records != NULL, NULL);
  g_return_val_if_fail (skipped != NULL, NULL);

  root = bandi_json_load_answer (parser, data, (gssize) length, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("a JSON %s where a list of calls was expected"), json_type_name (root));
      return NULL;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_lombardia_row_free);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(BandiLombardiaRow) row = NULL;
      JsonObject *object;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_ptr_array_add (skipped,
                           g_strdup_printf (_("Record %u of a dataset page is a JSON %s, not a call; skipped"),
                                            i + 1, json_type_name (node)));
          continue;
        }

      object = json_node_get_object (node);
      row = g_new0 (BandiLombardiaRow, 1);
      row->codice = dup_member (object, "codice_bando");
      row->titolo = dup_member (object, "titolo_bando");
      row->direzione = dup_member (object, "direzione_generale");
      row->ente = dup_member (object, "ente");
      row->strumento = dup_member (object, "tipo_strumento");
      row->apertura = dup_member (object, "apertura_adesione");
      row->chiusura = dup_member (object, "chiusura_adesione");

      if (row->codice == NULL)
        {
          g_ptr_array_add (skipped,
                           g_strdup_printf (_("A call without codice_bando (“%s”) was skipped"),
                                            row->titolo != NULL ? row->titolo : _("no title")));
          continue;
        }

      /* A closing date that cannot be read must not pass for "open until
       * funds run out", nor an opening date for "already open". */
      if (row->chiusura != NULL && !parse_dataset_date (row->chiusura, &date))
        {
          g_ptr_array_add (skipped,
                           g_strdup_printf (_("Call %s has an unreadable closing date “%s”; skipped"),
                                            row->codice, row->chiusura));
          continue;
        }
      if (row->apertura != NULL && !parse_dataset_date (row->apertura, &date))
        {
          g_ptr_array_add (skipped,
                           g_strdup_printf (_("Call %s has an unreadable opening date “%s”; skipped"),
                                            row->codice, row->apertura));
          continue;
        }

      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  *n_records = n;

  return g_steal_pointer (&rows);
}

/* Lower case, accents dropped: "UNIVERSITÀ" → "universita". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether one of @needles starts a word of @folded: "innova" is in
 * "Collabora&Innova" and "innovazione", not in "rinnovabili". */
static gboolean
contains_word (const char         *folded,
               const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    for (const char *p = strstr (folded, needles[i]); p != NULL; p = strstr (p + 1, needles[i]))
      if (p == folded || !g_ascii_isalnum (p[-1]))
        return TRUE;

  return FALSE;
}

/*
 * The research-and-innovation rule.
 *
 * The dataset's direzione_generale is the regional directorate that runs
 * the call, in capitals, and its name changed with each legislature:
 * "RICERCA, INNOVAZIONE, UNIVERSITÀ, EXPORT E INTERNAZIONALIZZAZIONE",
 * "ISTRUZIONE, UNIVERSITÀ, RICERCA, INNOVAZIONE E SEMPLIFICAZIONE",
 * "UNIVERSITÀ, RICERCA E INNOVAZIONE". Every call of such a directorate is
 * research and innovation (Call Hub, Collabora&Innova, …). Other
 * directorates — "SVILUPPO ECONOMICO" above all, but also agriculture or
 * welfare — run R&I calls (e.g. "Tecnologie strategiche", innovation in
 * agri-food) among many that are not (shops, fairs, crafts), so theirs count
 * when the title names research or innovation.
 *
 * tipo_strumento is nearly always "Bando"; it tells apart the rows that are
 * no funding at all, the staff competitions ("Concorsi Pubblici e Avvisi
 * sul Personale"), which are never R&I. Instruments not listed here are
 * judged by directorate and title like a "Bando".
 */
gboolean
bandi_lombardia_row_is_research (const BandiLombardiaRow *row)
{
  static const char * const staff_instruments[] = { "concors", "personale", NULL };
  static const char * const rd_directorates[] = { "ricerca", "innovazione", NULL };
  static const char * const rd_titles[] = {
    "ricerca", "innova", "r&s", "r&d", "sviluppo sperimentale",
    "trasferimento tecnologico", "tecnologie strategiche", "deep tech",
    "call hub", NULL
  };
  g_autofree char *strumento = fold (row->strumento);
  g_autofree char *direzione = fold (row->direzione);
  g_autofree char *titolo = fold (row->titolo);

  if (contains_word (strumento, staff_instruments))
    return FALSE;

  if (contains_word (direzione, rd_directorates))
    return TRUE;

  return contains_word (titolo, rd_titles);
}

static void
checksum_field (GChecksum  *sum,
                const char *text)
{
  /* NUL ends a value and \1 marks an absent one, so that fields cannot run
   * into each other. */
  if (text == NULL)
    g_checksum_update (sum, (const guchar *) "\1", 1);
  else
    g_checksum_update (sum, (const guchar *) text, strlen (text) + 1);
}

char *
bandi_lombardia_row_fingerprint (const BandiLombardiaRow *row,
                                 const char              *page_url)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  /* presentato (applications so far) is left out: it moves daily and says
   * nothing about the call's dates. */
  checksum_field (sum, row->codice);
  checksum_field (sum, row->titolo);
  checksum_field (sum, row->direzione);
  checksum_field (sum, row->ente);
  checksum_field (sum, row->strumento);
  checksum_field (sum, row->apertura);
  checksum_field (sum, row->chiusura);
  checksum_field (sum, page_url);

  return g_strdup (g_checksum_get_string (sum));
}

char *
bandi_lombardia_page_url (const char *portal_base,
                          const char *codice)
{
  g_autofree char *base = NULL;
  g_autofree char *escaped = NULL;
  gsize len;

  g_return_val_if_fail (portal_base != NULL, NULL);
  g_return_val_if_fail (codice != NULL, NULL);

  base = g_strdup (portal_base);
  len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  /* The portal also knows a longer address per call
   * (…/dettaglio/<category>/<sub-category>/<slug>-<code>); the one by code
   * alone needs nothing beyond the dataset. */
  escaped = g_uri_escape_string (codice, NULL, FALSE);

  return g_strconcat (base, "/servizi/servizio/bandi/dettaglio/", escaped, NULL);
}

BandiCall *
bandi_lombardia_row_to_call (const BandiLombardiaRow *row,
                             const char              *page_url)
{
  BandiCall *call = bandi_call_new ();
  g_autoptr(GString) description = g_string_new (NULL);
  GDate opening;

  bandi_call_set_source_id (call, "lombardia");
  bandi_call_set_external_id (call, row->codice);
  bandi_call_set_title (call, row->titolo != NULL ? row->titolo : row->codice);
  bandi_call_set_programme (call, "Regione Lombardia");
  bandi_call_set_programme_part (call, row->direzione);
  bandi_call_set_action_type (call, row->strumento);
  bandi_call_set_url (call, page_url);

  if (row->ente != NULL)
    g_string_append_printf (description, _("Managing body: %s"), row->ente);
  if (row->direzione != NULL)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      g_string_append_printf (description, _("Directorate-general: %s"), row->direzione);
    }
  bandi_call_set_description (call, description->len > 0 ? description->str : NULL);

  if (bandi_lombardia_row_get_opening (row, &opening))
    {
      g_autoptr(BandiDeadline) open = NULL;

      open = bandi_deadline_new_date (1, _("Applications open"),
                                      g_date_get_year (&opening),
                                      g_date_get_month (&opening),
                                      g_date_get_day (&opening));
      bandi_call_set_opening (call, open);
    }

  return call;
}
