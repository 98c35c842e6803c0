/* radicale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "radicale.h"

#include <string.h>

#define START_TIMEOUT_US (30 * G_USEC_PER_SEC)

/* A test that fails aborts: the server must not outlive it (it would hold
 * the test's output open). */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

guint
radicale_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
accepts_connections (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

Radicale *
radicale_start (const char *dir,
                const char *user,
                const char *password)
{
  const char *program = g_getenv ("BANDI_TEST_RADICALE");
  Radicale *radicale = g_new0 (Radicale, 1);
  g_autofree char *config_path = g_build_filename (dir, "radicale.conf", NULL);
  g_autofree char *users_path = g_build_filename (dir, "users", NULL);
  g_autofree char *storage = g_build_filename (dir, "collections", NULL);
  g_autofree char *config = NULL;
  g_autofree char *auth = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, "--config", config_path, NULL };
  gint64 give_up;

  g_assert_nonnull (program);
  radicale->port = radicale_free_port ();
  radicale->base_url = g_strdup_printf ("http://127.0.0.1:%u/", radicale->port);

  if (user != NULL)
    {
      g_autofree char *users = g_strdup_printf ("%s:%s\n", user, password);

      g_file_set_contents (users_path, users, -1, &error);
      g_assert_no_error (error);
      auth = g_strdup_printf ("type = htpasswd\nhtpasswd_filename = %s\n"
                              "htpasswd_encryption = plain\ndelay = 0", users_path);
    }
  else
    auth = g_strdup ("type = none");

  config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                            "[auth]\n%s\n"
                            "[rights]\ntype = authenticated\n"
                            "[storage]\nfilesystem_folder = %s\n"
                            "[logging]\nlevel = warning\n",
                            radicale->port,
                            auth, storage);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 die_with_parent, NULL, &radicale->pid, &error);
  g_assert_no_error (error);

  give_up = g_get_monotonic_time () + START_TIMEOUT_US;
  while (!accepts_connections (radicale->port))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (50 * 1000);
    }

  return radicale;
}

void
radicale_stop (Radicale *radicale)
{
  int status;

  /* Its storage is thrown away: no need for a clean stop. */
  kill (radicale->pid, SIGKILL);
  waitpid (radicale->pid, &status, 0);
  g_spawn_close_pid (radicale->pid);
  g_free (radicale->base_url);
  g_free (radicale);
}

static gboolean
authenticate_cb (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 const char **credentials)
{
  if (retrying || credentials[0] == NULL)
    return FALSE;
  soup_auth_authenticate (auth, credentials[0], credentials[1]);
  return TRUE;
}

guint
radicale_request (const char *method,
                  const char *url,
                  const char *user,
                  const char *password,
                  const char *content_type,
                  const char *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *credentials[] = { user, password };

  g_assert_nonnull (msg);
  g_signal_connect (msg, "authenticate", G_CALLBACK (authenticate_cb), credentials);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (msg);
}

char *
radicale_make_calendar (Radicale   *radicale,
                        const char *path,
                        const char *user,
                        const char *password)
{
  g_autofree char *url = g_strconcat (radicale->base_url, path, NULL);
  g_autofree char *collection = g_strndup (path, strlen (path) - 1);
  g_autofree char *parent = g_path_get_dirname (collection);
  g_autofree char *parent_url = g_strconcat (radicale->base_url, parent, "/", NULL);

  g_assert_cmpuint (radicale_request ("MKCOL", parent_url, user, password, NULL, NULL), ==, 201);
  g_assert_cmpuint (radicale_request ("MKCALENDAR", url, user, password, NULL, NULL), ==, 201);

  return g_steal_pointer (&url);
}

JsonObject *
radicale_read_back (const char *url,
                    const char *user,
                    const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  const char *argv[] = {
    g_getenv ("BANDI_TEST_PYTHON"), g_getenv ("BANDI_TEST_READ_CALDAV"), url, user, password, NULL
  };

  g_assert_nonnull (argv[0]);
  g_assert_nonnull (argv[1]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-caldav.py failed: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
