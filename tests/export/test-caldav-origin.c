/* test-caldav-origin.c — the CalDAV password stays at the calendar's origin
 *
 * Two SoupServers on 127.0.0.1, on two ports: two origins. The first
 * plays a calendar server that asks for Basic authentication; under
 * /away/ it redirects (307) to the second, addressed as localhost, which
 * asks for Basic authentication too and records every request it gets.
 * Publishing to /away/, with the publisher or with `bandi-cli publish`,
 * must fail naming both origins, and the second server must receive
 * nothing at all, let alone an Authorization header. A redirect inside
 * the first server (/moved/ → /cal/) is still followed, and answered with
 * the credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-caldav-publisher.h"
#include "bandi-http.h"
#include "bandi-ical-scope.h"
#include "cli-test-util.h"
#include "export-fixtures.h"

#define USER "alice"
#define PASSWORD "s3cret-not-for-b"
#define MULTISTATUS \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
  "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" \
  "<d:response><d:href>/cal/</d:href><d:propstat><d:prop>" \
  "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>" \
  "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>" \
  "</d:multistatus>\n"

typedef struct {
  SoupServer *server;
  guint       port;
  GPtrArray  *requests;       /* "METHOD /path" */
  GPtrArray  *authorizations; /* the Authorization headers received */
  char       *away;           /* where /away/ redirects to, or NULL */
} Server;

typedef struct {
  Server  a;
  Server  b;
  char   *db;
  char   *out;
  char   *err;
} Fixture;

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = NULL;
  g_autofree char *basic = g_base64_encode ((const guchar *) USER ":" PASSWORD, strlen (USER ":" PASSWORD));
  const char *method = soup_server_message_get_method (msg);

  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", method, path));
  if (authorization != NULL)
    g_ptr_array_add (self->authorizations, g_strdup (authorization));

  if (self->away != NULL && g_str_has_prefix (path, "/away/"))
    {
      g_autofree char *target = g_strconcat (self->away, path + strlen ("/away/"), NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, target);
      return;
    }
  if (g_str_has_prefix (path, "/moved/"))
    {
      g_autofree char *target = g_strconcat ("/cal/", path + strlen ("/moved/"), NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, target);
      return;
    }

  expected = g_strconcat ("Basic ", basic, NULL);
  if (g_strcmp0 (authorization, expected) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Basic realm=\"calendar\"");
      soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
      return;
    }

  if (strcmp (method, "PROPFIND") == 0 && strcmp (path, "/cal/") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_MULTI_STATUS, NULL);
      soup_server_message_set_response (msg, "application/xml; charset=utf-8", SOUP_MEMORY_STATIC,
                                        MULTISTATUS, strlen (MULTISTATUS));
      return;
    }
  if (strcmp (method, "PUT") == 0 && g_str_has_prefix (path, "/cal/"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"1\"");
      soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
server_start (Server *self)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->authorizations = g_ptr_array_new_with_free_func (g_free);
}

static void
server_stop (Server *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->requests);
  g_ptr_array_unref (self->authorizations);
  g_free (self->away);
}

/* An open call, its deadline a year ahead: in every export's scope. */
static void
fill_store (const char *db)
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BandiDeadline) deadline =
    bandi_deadline_new_local (1, NULL, g_date_time_get_year (now) + 1, 4, 18, 17, 0, 0, "Europe/Brussels");
  g_autoptr(GError) error = NULL;
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, "horizon");
  bandi_call_set_external_id (call, "HORIZON-CL5-2099-D2-01-03");
  bandi_call_set_title (call, "Energy communities");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, -1);
  bandi_call_add_deadline (call, deadline);
  g_ptr_array_add (calls, call);

  store = bandi_store_open (db, &error);
  g_assert_no_error (error);
  bandi_store_merge_calls (store, "horizon", calls, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  server_start (&f->a);
  server_start (&f->b);
  f->a.away = g_strdup_printf ("http://localhost:%u/cal/", f->b.port);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->db = g_build_filename (g_get_user_data_dir (), "bandi.db", NULL);
  fill_store (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  server_stop (&f->a);
  server_stop (&f->b);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static BandiCaldavReport *
publish (Fixture     *f,
         const char  *path,
         GError     **error)
{
  g_autoptr(BandiStore) store = NULL;
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(BandiCaldavPublisher) publisher = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", f->a.port, path);
  g_autoptr(GError) open_error = NULL;
  BandiIcalScope scope = { NULL, };

  store = bandi_store_open (f->db, &open_error);
  g_assert_no_error (open_error);
  g_assert_true (bandi_ical_scope_fill (export, store, &scope, NULL));
  publisher = bandi_caldav_publisher_new (store, url, USER, PASSWORD);

  return fixture_publish (publisher, export, FALSE, error);
}

static void
assert_both_origins (Fixture    *f,
                     const char *message)
{
  g_autofree char *a = g_strdup_printf ("http://127.0.0.1:%u", f->a.port);
  g_autofree char *b = g_strdup_printf ("http://localhost:%u", f->b.port);

  g_assert_nonnull (strstr (message, a));
  g_assert_nonnull (strstr (message, b));
  g_assert_null (strstr (message, PASSWORD));
}

static void
test_cross_origin (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCaldavReport) report = publish (f, "/away/", &error);

  g_assert_null (report);
  g_assert_error (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_CROSS_ORIGIN);
  assert_both_origins (f, error->message);

  /* The first server was asked, without credentials yet; the second
   * never. */
  g_assert_cmpuint (f->a.requests->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->a.requests, 0), ==, "PROPFIND /away/");
  g_assert_cmpuint (f->b.authorizations->len, ==, 0);
  g_assert_cmpuint (f->b.requests->len, ==, 0);
}

static void
test_same_origin (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCaldavReport) report = publish (f, "/moved/", &error);
  g_autofree char *basic = g_base64_encode ((const guchar *) USER ":" PASSWORD, strlen (USER ":" PASSWORD));
  g_autofree char *expected = g_strconcat ("Basic ", basic, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_created, ==, 1);

  g_assert_cmpuint (report->failures->len, ==, 0);

  /* /moved/ → /cal/, asked for a password, answered with it; the event
   * put where the calendar is. */
  g_assert_cmpuint (f->a.requests->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (f->a.requests, 0), ==, "PROPFIND /moved/");
  g_assert_cmpstr (g_ptr_array_index (f->a.requests, 1), ==, "PROPFIND /cal/");
  g_assert_cmpstr (g_ptr_array_index (f->a.requests, 2), ==, "PROPFIND /cal/");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->a.requests, 3), "PUT /cal/"));
  g_assert_cmpuint (f->a.authorizations->len, ==, 2);
  for (guint i = 0; i < f->a.authorizations->len; i++)
    g_assert_cmpstr (g_ptr_array_index (f->a.authorizations, i), ==, expected);
  g_assert_cmpuint (f->b.requests->len, ==, 0);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/away/", f->a.port);
  g_autofree char *password_file = g_build_filename (g_get_user_data_dir (), "password", NULL);
  g_autoptr(GError) error = NULL;
  const char *args[] = {
    "--database", f->db, "publish", "--url", url, "--user", USER, "--password-file", password_file, NULL,
  };

  g_file_set_contents (password_file, PASSWORD "\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cli_test_run (g_getenv ("BANDI_CLI"), "UTC", "memory", args, &f->out, &f->err), ==, 1);
  assert_both_origins (f, f->err);
  g_assert_null (strstr (f->out, PASSWORD));
  g_assert_cmpuint (f->b.authorizations->len, ==, 0);
  g_assert_cmpuint (f->b.requests->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/caldav-origin/cross-origin", Fixture, NULL, fixture_set_up, test_cross_origin, fixture_tear_down);
  g_test_add ("/caldav-origin/same-origin", Fixture, NULL, fixture_set_up, test_same_origin, fixture_tear_down);
  g_test_add ("/caldav-origin/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
