/* interreg-test-server.c — a stand-in for the Interreg programme sites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "interreg-test-server.h"
#include "source-test-util.h"

static const char *
content_type_of (const char *file)
{
  if (g_str_has_suffix (file, ".html"))
    return "text/html; charset=utf-8";
  if (g_str_has_suffix (file, ".json"))
    return "application/json; charset=UTF-8";
  if (g_str_has_suffix (file, ".ics"))
    return "text/calendar; charset=utf-8";
  if (g_str_has_prefix (file, "custom-atom"))
    return "application/atom+xml";
  return "application/rss+xml; charset=UTF-8";
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  ItServer *server = user_data;
  const char *file = g_hash_table_lookup (server->routes, path);
  char *body = NULL;
  gsize len = 0;

  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "GET");
  g_hash_table_replace (server->hits, g_strdup (path),
                        GUINT_TO_POINTER (it_server_hits (server, path) + 1));

  /* The Euro-MED preset searches WordPress pages. */
  if (g_strcmp0 (path, PATH_EURO_MED) == 0)
    {
      g_assert_nonnull (query);
      g_assert_cmpstr (g_hash_table_lookup (query, "search"), ==, "call");
      g_assert_cmpstr (g_hash_table_lookup (query, "per_page"), ==, "100");
    }

  if (file == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  if (strcmp (file, FAIL_500) == 0)
    {
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }

  body = g_path_is_absolute (file) ? source_test_read_file (file, NULL, &len)
                                    : source_test_read_file (INTERREG_TEST_DATA, file, &len);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, content_type_of (file), SOUP_MEMORY_TAKE, body, len);
}

ItServer *
it_server_new (void)
{
  ItServer *server = g_new0 (ItServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  server->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  it_server_route (server, PATH_ITALIA_SVIZZERA, "italia-svizzera-avvisi.html");
  it_server_route (server, PATH_ALPINE_SPACE, "alpine-space-feed.xml");
  it_server_route (server, PATH_CENTRAL_EUROPE, "central-europe-calls.html");
  it_server_route (server, PATH_EURO_MED, "euro-med-pages.json");
  it_server_route (server, PATH_INTERREG_EUROPE, "interreg-europe-next-call.html");

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

void
it_server_free (ItServer *server)
{
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_free (server->base);
  g_hash_table_unref (server->routes);
  g_hash_table_unref (server->hits);
  g_free (server);
}

void
it_server_route (ItServer   *server,
                 const char *path,
                 const char *file)
{
  g_hash_table_replace (server->routes, g_strdup (path), g_strdup (file));
}

guint
it_server_hits (ItServer   *server,
                const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (server->hits, path));
}
