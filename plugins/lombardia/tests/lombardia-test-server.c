/* lombardia-test-server.c — a stand-in for dati.lombardia.it and Bandi Online
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "lombardia-test-server.h"
#include "source-test-util.h"

#define FILLER_ROWS 1000

char *
lt_read_data (const char *name,
              gsize      *length)
{
  return source_test_read_file (LOMBARDIA_TEST_DATA, name, length);
}

char *
lt_today_in_rome (void)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) now = NULL;

  g_assert_nonnull (rome);
  now = g_date_time_new_now (rome);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Filler rows @from to @to - 1, each after ",\n" */
static void
append_fillers (GString *out,
                guint    from,
                guint    to)
{
  g_autofree char *filler = lt_read_data ("filler-row.json", NULL);

  for (guint i = from; i < to; i++)
    {
      g_autoptr(GString) row = g_string_new (filler);
      g_autofree char *number = g_strdup_printf ("%04u", i);

      g_string_replace (row, "@N@", number, 0);
      g_string_append (out, ",\n");
      g_string_append (out, g_strchomp (row->str));
    }
}

/* dataset-page-1.json with filler rows appended up to a full page. */
static char *
full_first_page (void)
{
  g_autofree char *page = lt_read_data ("dataset-page-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = NULL;
  guint n;
  char *end;

  g_assert_true (json_parser_load_from_data (parser, page, -1, NULL));
  n = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
  g_assert_cmpuint (n, <, FILLER_ROWS);

  end = strrchr (page, ']');
  g_assert_nonnull (end);
  *end = '\0';
  out = g_string_new (page);
  append_fillers (out, n, FILLER_ROWS);
  g_string_append (out, "\n]\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A full page of filler rows numbered from @offset: a register that never
 * ends. */
static char *
endless_page (guint offset)
{
  g_autoptr(GString) out = g_string_new ("[\n");

  append_fillers (out, offset, offset + FILLER_ROWS);
  g_string_erase (out, 2, 2);   /* the first row's ",\n" */
  g_string_append (out, "\n]\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
bad_query (LtServer   *self,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
bad_query (LtServer   *self,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->bad_queries, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The SODA query the plugin must send: exactly $where, $order, $limit and
 * $offset, with the values the dataset needs. Returns the offset, or -1. */
static gint64
check_query (LtServer *self,
             GUri     *uri)
{
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *today = lt_today_in_rome ();
  g_autofree char *where = NULL;
  const char *offset;
  GHashTableIter iter;
  gpointer key;
  char *end = NULL;
  gint64 value;

  if (g_uri_get_query (uri) == NULL)
    {
      bad_query (self, "no query");
      return -1;
    }
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    {
      bad_query (self, "unreadable query %s", g_uri_get_query (uri));
      return -1;
    }

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_str_equal (key, "$where") && !g_str_equal (key, "$order") &&
        !g_str_equal (key, "$limit") && !g_str_equal (key, "$offset"))
      bad_query (self, "unexpected parameter %s", (const char *) key);

  where = g_strdup_printf ("chiusura_adesione >= '%sT00:00:00' OR chiusura_adesione IS NULL", today);
  if (g_strcmp0 (g_hash_table_lookup (params, "$where"), where) != 0)
    bad_query (self, "$where is “%s”", (const char *) g_hash_table_lookup (params, "$where"));
  if (g_strcmp0 (g_hash_table_lookup (params, "$order"), "chiusura_adesione,codice_bando") != 0)
    bad_query (self, "$order is “%s”", (const char *) g_hash_table_lookup (params, "$order"));
  if (g_strcmp0 (g_hash_table_lookup (params, "$limit"), "1000") != 0)
    bad_query (self, "$limit is “%s”", (const char *) g_hash_table_lookup (params, "$limit"));

  offset = g_hash_table_lookup (params, "$offset");
  value = offset != NULL ? g_ascii_strtoll (offset, &end, 10) : -1;
  if (offset == NULL || *end != '\0' || value < 0 || value % 1000 != 0)
    {
      bad_query (self, "$offset is “%s”", offset);
      return -1;
    }

  return value;
}

static void
serve_dataset (LtServer          *self,
               SoupServerMessage *msg)
{
  gint64 offset = check_query (self, soup_server_message_get_uri (msg));
  g_autofree char *body = NULL;

  if (offset < 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      return;
    }
  {
    guint value = (guint) offset;

    g_array_append_val (self->offsets, value);
  }

  switch (self->mode)
    {
    case LT_DATASET_TWO_PAGES:
      body = offset == 0 ? full_first_page ()
             : offset == 1000 ? lt_read_data ("dataset-page-2.json", NULL)
             : g_strdup ("[]\n");
      break;
    case LT_DATASET_ONE_PAGE:
      body = offset == 0 ? lt_read_data ("dataset-page-2.json", NULL) : g_strdup ("[]\n");
      break;
    case LT_DATASET_EMPTY:
      body = g_strdup ("[]\n");
      break;
    case LT_DATASET_REPEATING:
      body = full_first_page ();
      break;
    case LT_DATASET_ENDLESS:
      body = endless_page ((guint) offset);
      break;
    case LT_DATASET_BODY:
      body = g_strdup (offset == 0 ? self->dataset_body : "[]\n");
      break;
    case LT_DATASET_MALFORMED:
    default:
      body = lt_read_data ("malformed.json", NULL);
      break;
    }

  if (self->moved_from != NULL)
    {
      g_autoptr(GString) moved = g_string_new (body);

      g_string_replace (moved, self->moved_from, self->moved_to, 0);
      g_free (body);
      body = g_string_free (g_steal_pointer (&moved), FALSE);
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), strlen (body));
}

typedef struct {
  LtServer          *server;
  SoupServerMessage *msg;
  guint              id;
} Held;

static void
held_free (Held *held)
{
  if (held->id != 0)
    g_source_remove (held->id);
  g_object_unref (held->msg);
  g_free (held);
}

static void
page_finished_cb (SoupServerMessage *msg,
                  LtServer          *self)
{
  self->in_flight--;
}

static gboolean
release_one_cb (gpointer user_data)
{
  Held *held = user_data;

  held->id = 0;
  soup_server_message_unpause (held->msg);
  g_ptr_array_remove_fast (held->server->held, held);

  return G_SOURCE_REMOVE;
}

static gboolean
release_all_cb (gpointer user_data)
{
  LtServer *self = user_data;

  self->release_id = 0;
  while (self->held->len > 0)
    {
      Held *held = g_ptr_array_index (self->held, 0);

      g_source_remove (held->id);
      held->id = 0;
      soup_server_message_unpause (held->msg);
      g_ptr_array_remove_index_fast (self->held, 0);
    }

  return G_SOURCE_REMOVE;
}

static void
hold (LtServer          *self,
      SoupServerMessage *msg)
{
  Held *held = g_new0 (Held, 1);

  held->server = self;
  held->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  held->id = g_timeout_add (self->page_delay_ms, release_one_cb, held);
  g_ptr_array_add (self->held, held);

  /* A full batch goes out a little later, time for any request beyond it
   * to arrive and be counted. */
  if (self->hold_batch > 0 && self->held->len >= self->hold_batch && self->release_id == 0)
    self->release_id = g_timeout_add (50, release_all_cb, self);
}

static void
serve_page (LtServer          *self,
            SoupServerMessage *msg,
            const char        *codice)
{
  g_autofree char *name = g_strdup_printf ("page-%s.html", codice);
  g_autofree char *path = g_build_filename (LOMBARDIA_TEST_DATA, name, NULL);
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->page_hits, codice));
  char *body = NULL;
  gsize length;

  g_hash_table_insert (self->page_hits, g_strdup (codice), GUINT_TO_POINTER (hits + 1));

  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_signal_connect (msg, "finished", G_CALLBACK (page_finished_cb), self);

  if (g_strcmp0 (codice, self->failing_page) == 0)
    {
      static const char unavailable[] =
        "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>"
        "<body><h1>Servizio temporaneamente non disponibile</h1></body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        unavailable, strlen (unavailable));
    }
  else if (g_file_get_contents (path, &body, &length, NULL))
    {
      if (self->page_edits->len > 0)
        {
          g_autoptr(GString) edited = g_string_new_len (body, length);

          for (guint i = 0; i + 1 < self->page_edits->len; i += 2)
            g_string_replace (edited, g_ptr_array_index (self->page_edits, i),
                              g_ptr_array_index (self->page_edits, i + 1), 0);
          g_free (body);
          length = edited->len;
          body = g_string_free (g_steal_pointer (&edited), FALSE);
        }

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                        body, length);
    }
  else
    {
      static const char not_found[] =
        "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
        "<body><h1>Pagina non trovata</h1></body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        not_found, strlen (not_found));
    }

  if (self->page_delay_ms > 0)
    hold (self, msg);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  LtServer *self = user_data;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      bad_query (self, "%s %s", soup_server_message_get_method (msg), path);
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
    }
  else if (g_str_equal (path, LT_DATASET_PATH))
    serve_dataset (self, msg);
  else if (g_str_has_prefix (path, LT_PAGE_PATH) && strchr (path + strlen (LT_PAGE_PATH), '/') == NULL)
    serve_page (self, msg, path + strlen (LT_PAGE_PATH));
  else
    {
      bad_query (self, "unexpected path %s", path);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

LtServer *
lt_server_new (void)
{
  LtServer *self = g_new0 (LtServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->endpoint = g_strconcat (self->base, LT_DATASET_PATH, NULL);

  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bad_queries = g_ptr_array_new_with_free_func (g_free);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  self->page_edits = g_ptr_array_new_with_free_func (g_free);
  self->page_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
lt_server_free (LtServer *self)
{
  if (self->release_id != 0)
    g_source_remove (self->release_id);
  g_ptr_array_unref (self->held);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->base);
  g_free (self->endpoint);
  g_free (self->moved_from);
  g_free (self->moved_to);
  g_free (self->dataset_body);
  g_ptr_array_unref (self->page_edits);
  g_free (self->failing_page);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->bad_queries);
  g_hash_table_unref (self->page_hits);
  g_free (self);
}

guint
lt_server_page_hits (LtServer   *self,
                     const char *codice)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->page_hits, codice));
}

guint
lt_server_total_page_hits (LtServer *self)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, self->page_hits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

void
lt_server_reset_counts (LtServer *self)
{
  g_array_set_size (self->offsets, 0);
  g_hash_table_remove_all (self->page_hits);
  self->max_in_flight = 0;
}

void
lt_server_edit_pages (LtServer   *self,
                      const char *from,
                      const char *to)
{
  g_ptr_array_add (self->page_edits, g_strdup (from));
  g_ptr_array_add (self->page_edits, g_strdup (to));
}
