/* runtime-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "runtime-test-util.h"
#include "source-test-util.h"

void
rt_setup_environment (void)
{
  const char *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *schema_dirs = NULL;

  schema_dirs = schema_dir && *schema_dir
    ? g_strjoin (G_SEARCHPATH_SEPARATOR_S, TEST_PLUGIN_DIR, schema_dir, NULL)
    : g_strdup (TEST_PLUGIN_DIR);

  g_setenv ("BANDI_PLUGIN_PATH", TEST_PLUGIN_DIR, TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dirs, TRUE);
}

GListModel *
rt_list_calls (BandiStore *store,
               const char *source_id)
{
  g_autoptr(GError) error = NULL;
  BandiCallQuery query = { NULL, };
  GListModel *calls;

  query.source_id = source_id;
  calls = bandi_store_list_calls (store, &query, &error);
  g_assert_no_error (error);

  return calls;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RtServer *server = user_data;

  server->hits++;

  switch (server->mode)
    {
    case RT_SERVE_FIXTURE:
      {
        gsize length;
        char *contents = source_test_read_file (FIXTURES_DIR, server->fixture, &length);

        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                          contents, length);
      }
      break;

    case RT_SERVE_STALL:
      soup_server_message_pause (msg);
      g_ptr_array_add (server->paused, g_object_ref (msg));
      break;

    case RT_SERVE_ERROR:
      soup_server_message_set_status (msg, 500, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        "Internal error", 14);
      break;

    case RT_SERVE_HUGE:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        g_malloc0 (RT_HUGE_SIZE), RT_HUGE_SIZE);
      break;

    case RT_SERVE_HTML:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<!DOCTYPE html><html>Maintenance</html>", 39);
      break;

    default:
      g_assert_not_reached ();
    }
}

RtServer *
rt_server_new (void)
{
  RtServer *server = g_new0 (RtServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  server->paused = g_ptr_array_new_with_free_func (g_object_unref);
  server->fixture = "calls-1.json";
  soup_server_add_handler (server->server, NULL, server_cb, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->url = g_strdup_printf ("http://127.0.0.1:%d/calls.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

void
rt_server_free (RtServer *server)
{
  gboolean done = FALSE;

  for (guint i = 0; i < server->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (server->paused, i);

      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_unpause (msg);
    }

  soup_server_disconnect (server->server);
  /* Let both ends see their connections close. */
  g_timeout_add (100, timeout_cb, &done);
  source_test_wait_until (&done, 1000);

  g_ptr_array_unref (server->paused);
  g_object_unref (server->server);
  g_free (server->url);
  g_free (server);
}
