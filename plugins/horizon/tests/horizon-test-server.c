/* horizon-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "horizon-test-server.h"
#include "source-test-util.h"

#define PAGE_SIZE 100

char *
ht_read_fixture (const char *name,
                 gsize      *len)
{
  return source_test_read_file (HORIZON_TEST_DATA, name, len);
}

/* The request, as the API wants it */

static void
assert_json_part (SoupMultipart *multipart,
                  int            index,
                  const char    *name,
                  const char    *expected)
{
  SoupMessageHeaders *headers = NULL;
  GBytes *body = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(JsonNode) want = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *disposition = NULL;

  g_assert_true (soup_multipart_get_part (multipart, index, &headers, &body));
  g_assert_true (soup_message_headers_get_content_disposition (headers, &disposition, &params));
  g_assert_cmpstr (disposition, ==, "form-data");
  g_assert_cmpstr (g_hash_table_lookup (params, "name"), ==, name);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/json");

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  got = json_from_string (text, &error);
  g_assert_no_error (error);
  want = json_from_string (expected, &error);
  g_assert_no_error (error);

  if (!json_node_equal (got, want))
    g_error ("Part “%s” is %s, expected %s", name, text, expected);
}

/* Returns the page number asked for. */
static guint
check_request (HtServer          *self,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(GString) programmes = g_string_new (NULL);
  g_autofree char *expected_query = NULL;
  const char *page;
  char *end = NULL;
  guint64 number;

  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "POST");
  g_assert_cmpstr (path, ==, HT_SEARCH_PATH);
  g_assert_nonnull (query);
  g_assert_cmpstr (g_hash_table_lookup (query, "apiKey"), ==, "SEDIA");
  g_assert_cmpstr (g_hash_table_lookup (query, "text"), ==, "***");
  g_assert_cmpstr (g_hash_table_lookup (query, "pageSize"), ==, "100");
  page = g_hash_table_lookup (query, "pageNumber");
  g_assert_nonnull (page);
  number = g_ascii_strtoull (page, &end, 10);
  g_assert_true (*end == '\0' && number >= 1);

  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "multipart/form-data");
  multipart = soup_multipart_new_from_message (headers, body);
  g_assert_nonnull (multipart);
  g_assert_cmpint (soup_multipart_get_length (multipart), ==, 3);

  for (guint i = 0; self->programmes[i] != NULL; i++)
    g_string_append_printf (programmes, "%s\"%s\"", i > 0 ? "," : "", self->programmes[i]);
  expected_query = g_strdup_printf ("{\"bool\":{\"must\":["
                                    "{\"terms\":{\"type\":[\"1\",\"2\",\"8\"]}},"
                                    "{\"terms\":{\"status\":[\"31094501\",\"31094502\"]}},"
                                    "{\"term\":{\"programmePeriod\":\"2021 - 2027\"}},"
                                    "{\"terms\":{\"frameworkProgramme\":[%s]}}]}}",
                                    programmes->str);

  assert_json_part (multipart, 0, "query", expected_query);
  assert_json_part (multipart, 1, "languages", "[\"en\"]");
  assert_json_part (multipart, 2, "sort", "{\"field\":\"identifier\",\"order\":\"ASC\"}");

  return (guint) number;
}

/* Generated topics */

char *
ht_topic_identifier (gint64 i)
{
  return g_strdup_printf ("HORIZON-CL5-2027-D3-01-%05" G_GINT64_FORMAT, i);
}

/* Topic @i closes on the (i mod 730)th day from 4 January 2027. */
static GDateTime *
topic_deadline_day (gint64 i)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (2027, 1, 4, 17, 0, 0);

  return g_date_time_add_days (first, (int) (i % 730));
}

/* Loaded once: GLib reads the zone's file anew for each new GTimeZone. */
static GTimeZone *
brussels (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *loaded = g_time_zone_new_identifier ("Europe/Brussels");

      g_assert_nonnull (loaded);
      g_once_init_leave (&zone, loaded);
    }

  return zone;
}

char *
ht_topic_deadline (gint64 i)
{
  g_autoptr(GDateTime) day = topic_deadline_day (i);
  g_autoptr(GDateTime) local = g_date_time_new (brussels (), g_date_time_get_year (day),
                                                g_date_time_get_month (day),
                                                g_date_time_get_day_of_month (day), 17, 0, 0);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* As the API writes 17:00 Brussels time: 17:00 UTC in Brussels' offset. */
static char *
api_deadline (gint64 i,
              int    days_later)
{
  g_autoptr(GDateTime) day = topic_deadline_day (i);
  g_autoptr(GDateTime) moved = g_date_time_add_days (day, days_later);
  g_autoptr(GDateTime) written = g_date_time_to_timezone (moved, brussels ());

  return g_date_time_format (written, "%Y-%m-%dT%H:%M:%S.000%z");
}

static void
set_strings (JsonObject *meta,
             const char *key,
             const char *value)
{
  JsonArray *array = json_array_new ();

  json_array_add_string_element (array, value);
  json_object_set_array_member (meta, key, array);
}

static const char description_paragraph[] =
  "<p><strong>Expected Outcome:</strong> Project results are expected to contribute to "
  "<em>all</em> of the following expected outcomes:</p><ul>"
  "<li>Cost-effective &amp; sustainable battery chemistries for stationary storage;</li>"
  "<li>Circular design &ldquo;from cradle to cradle&rdquo; of cells and packs;</li>"
  "<li>Reinforced European value chain for raw materials &ndash; processing &amp; recycling.</li>"
  "</ul><p><strong>Scope:</strong> Proposals should address the integration of storage "
  "into the grid, demonstrating at TRL 5&ndash;6 the performance and lifetime of the "
  "solution in at least two pilot sites in different Member States.</p>";

/* The template topic as one line of JSON, its identifier (and, when
 * varied, its deadline and title) replaced by markers: generating 10,000
 * topics is then a matter of string replacements. */
static const char *
topic_text (HtServer *self)
{
  g_autoptr(JsonNode) topic = NULL;
  JsonObject *meta;

  if (self->topic_text != NULL)
    return self->topic_text;

  if (self->lean)
    {
      self->topic_text = g_strdup ("{\"reference\":\"@ID@en\",\"language\":\"en\",\"metadata\":{"
                                   "\"identifier\":[\"@ID@\"],\"status\":[\"31094502\"]}}");
      return self->topic_text;
    }

  topic = json_from_string (self->template, NULL);
  g_assert_nonnull (topic);
  meta = json_object_get_object_member (json_node_get_object (topic), "metadata");
  set_strings (meta, "identifier", "@ID@");

  if (self->varied)
    {
      g_autoptr(GString) description = g_string_new (NULL);

      while (description->len < 3000)
        g_string_append (description, description_paragraph);

      set_strings (meta, "deadlineDate", "@DEADLINE@");
      set_strings (meta, "title", "@TITLE@");
      set_strings (meta, "descriptionByte", description->str);
    }

  self->topic_text = json_to_string (topic, FALSE);
  return self->topic_text;
}

static void
append_topic (HtServer *self,
              GString  *page,
              gint64    i)
{
  g_autoptr(GString) topic = NULL;
  g_autofree char *id = ht_topic_identifier (i);

  if (self->readable >= 0 && i >= self->readable)
    {
      g_string_append (page, "\"not a record\"");
      return;
    }

  topic = g_string_new (topic_text (self));

  g_string_replace (topic, "@ID@", id, 0);
  if (self->varied)
    {
      g_autofree char *deadline = api_deadline (i, i == self->moved_topic ? self->moved_days : 0);
      g_autofree char *title = g_strdup_printf ("Energy storage topic %" G_GINT64_FORMAT, i);

      g_string_replace (topic, "@DEADLINE@", deadline, 0);
      g_string_replace (topic, "@TITLE@", title, 0);
    }

  g_string_append_len (page, topic->str, (gssize) topic->len);
}

/* A page of generated topics, numbered from (page - 1) × 100. */
static GBytes *
generated_page (HtServer *self,
                guint     page)
{
  GString *text = g_string_new (NULL);
  gint64 first = (gint64) (page - 1) * PAGE_SIZE;
  gint64 count = CLAMP (self->total - first, 0, PAGE_SIZE);
  gsize len;

  g_string_append_printf (text,
                          "{\"apiVersion\":\"2.139\",\"terms\":\"***\",\"totalResults\":%" G_GINT64_FORMAT ","
                          "\"pageNumber\":%u,\"pageSize\":%u,\"results\":[",
                          self->announced >= 0 ? self->announced : self->total, page, PAGE_SIZE);
  for (gint64 i = first; i < first + count; i++)
    {
      if (i > first)
        g_string_append_c (text, ',');
      append_topic (self, text, i);
    }
  g_string_append (text, "]}");

  len = text->len;
  return g_bytes_new_take (g_string_free (text, FALSE), len);
}

GBytes *
ht_server_get_page (HtServer *self,
                    guint     page)
{
  g_assert_cmpuint (page, >=, 1);

  if (self->cache->len < page)
    g_ptr_array_set_size (self->cache, page);
  if (g_ptr_array_index (self->cache, page - 1) == NULL)
    g_ptr_array_index (self->cache, page - 1) = generated_page (self, page);

  return g_bytes_ref (g_ptr_array_index (self->cache, page - 1));
}

/* Serving */

static void
respond_bytes (SoupServerMessage *msg,
               const char        *type,
               GBytes            *body)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

static void
respond_fixture (SoupServerMessage *msg,
                 const char        *type,
                 const char        *name)
{
  gsize len = 0;
  char *body = ht_read_fixture (name, &len);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_TAKE, body, len);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  HtServer *self = user_data;
  g_autoptr(GBytes) page_body = NULL;
  guint page;

  self->hits++;
  page = check_request (self, msg, path, query);
  g_array_append_val (self->pages, page);

  switch (self->mode)
    {
    case HT_SERVE_FLAKY:
      if (self->hits == 1)
        {
          soup_server_message_set_status (msg, 500, NULL);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case HT_SERVE_CASES:
      g_assert_cmpuint (page, ==, 1);
      respond_fixture (msg, "application/json", "cases.json");
      break;
    case HT_SERVE_GENERATED:
      /* Page 1 always; no other beyond what the answer holds */
      g_assert_true (page == 1 || (gint64) (page - 1) * PAGE_SIZE < MIN (self->total, 10000));
      if (page == self->fail_page)
        {
          respond_fixture (msg, "application/json", "page-truncated.json");
          break;
        }
      page_body = ht_server_get_page (self, page);
      respond_bytes (msg, "application/json", page_body);
      break;
    case HT_SERVE_HTML:
      respond_fixture (msg, "text/html; charset=utf-8", "maintenance.html");
      break;
    case HT_SERVE_TRUNCATED:
      if (page == 1)
        {
          page_body = ht_server_get_page (self, page);
          respond_bytes (msg, "application/json", page_body);
        }
      else
        respond_fixture (msg, "application/json", "page-truncated.json");
      break;
    case HT_SERVE_BODY:
      g_assert_cmpuint (page, ==, 1);
      respond_bytes (msg, "application/json", self->body);
      break;
    default:
      g_assert_not_reached ();
    }
}

HtServer *
ht_server_new (void)
{
  static const char * const horizon_europe[] = { "43108390", NULL };
  HtServer *self = g_new0 (HtServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->moved_topic = -1;
  self->announced = -1;
  self->readable = -1;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->endpoint = g_strdup_printf ("http://127.0.0.1:%d" HT_SEARCH_PATH, g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->programmes = horizon_europe;
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cache = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->template = ht_read_fixture ("topic-template.json", NULL);

  return self;
}

void
ht_server_free (HtServer *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->endpoint);
  g_array_unref (self->pages);
  g_ptr_array_unref (self->cache);
  g_free (self->template);
  g_free (self->topic_text);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self);
}
