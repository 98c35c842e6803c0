/* test-watch.c — watched pages: their readable text, and `bandi-cli watch`
 * with `sync` against a SoupServer on 127.0.0.1 whose page changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bandi-page-text.h"
#include "cli-test-util.h"
#include "runtime-test-util.h"

/* A funder's page: what an officer reads is in <main>; around it the
 * navigation, a footer with the date, a script with a nonce, a clock. */
#define PAGE(nav, clock, nonce, footer, extra)                                    \
  "<!DOCTYPE html><html><head><title>Bandi – Fondazione</title>"                  \
  "<script nonce=\"" nonce "\">window.csrf = \"" nonce "\";</script>"            \
  "<style>.x { color: red }</style></head><body>"                                 \
  "<header><nav><ul><li><a href=\"/\">Home</a></li>" nav "</ul></nav></header>"   \
  "<main><h1>Bandi aperti</h1>"                                                    \
  "<p>Ultimo aggiornamento alle " clock "</p>"                                     \
  "<div class=\"bando\"><h2>Bando Ricerca 2027</h2>"                               \
  "<p>Scadenza: 15 marzo 2027, ore 12:00.</p></div>" extra                         \
  "<!-- cache " nonce " --></main>"                                                \
  "<aside>Ora a Milano: " clock "</aside>"                                         \
  "<footer><p>© Fondazione – pagina generata il " footer "</p></footer>"          \
  "</body></html>"

#define NEW_CALL "<div class=\"bando\"><h2>Bando Innovazione 2027</h2><p>Scadenza: 10 aprile 2027.</p></div>"

static const char page_first[] =
  PAGE ("", "09:15:02", "a8f3c2d9e1b04f6a9c7d", "5 dicembre 2026", "");
/* only boilerplate differs: navigation, clock, nonce, footer date */
static const char page_boilerplate[] =
  PAGE ("<li><a href=\"/news\">News</a></li>", "10:47:55", "77e1b0c4d2a94e3f8b1c", "6 dicembre 2026", "");
static const char page_new_call[] =
  PAGE ("<li><a href=\"/news\">News</a></li>", "11:02:13", "0c9d8e7f6a5b4c3d2e1f", "6 dicembre 2026", NEW_CALL);

typedef struct {
  RtServer   *rt;        /* the test-http source's endpoint */
  SoupServer *server;    /* the watched page */
  char       *page_url;
  char       *endpoint;
  const char *body;      /* NULL: HTTP 500 */
  char       *out;
  char       *err;
} Fixture;

static void
page_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *f = user_data;

  if (f->body == NULL)
    {
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    f->body, strlen (f->body));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->rt = rt_server_new ();
  f->endpoint = g_strdup_printf ("test-http=%s", f->rt->url);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/bandi", page_handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->page_url = g_strdup_printf ("http://127.0.0.1:%d/bandi", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->body = page_first;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->rt, rt_server_free);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->page_url);
  g_free (f->endpoint);
  g_free (f->out);
  g_free (f->err);
}

static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (g_getenv ("BANDI_CLI"), "UTC", NULL, args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

/* The one watched page as `watch list --json` gives it. */
static JsonObject *
listed_page (Fixture   *f,
             JsonNode **root)
{
  g_autoptr(GError) error = NULL;
  JsonArray *pages;
  JsonObject *page;
  const char *keys[] = { "name", "url", "last_checked", "last_changed", "status", "error", "added" };

  g_assert_cmpint (RUN (f, "watch", "list", "--json"), ==, 0);
  g_clear_pointer (root, json_node_unref);
  *root = json_from_string (f->out, &error);
  g_assert_no_error (error);
  pages = json_node_get_array (*root);
  g_assert_cmpuint (json_array_get_length (pages), ==, 1);
  page = json_array_get_object_element (pages, 0);
  g_assert_cmpuint (json_object_get_size (page), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (page, keys[i]));
  return page;
}

static void
test_readable_text (void)
{
  g_autofree char *first = bandi_page_text_readable (page_first, strlen (page_first));
  g_autofree char *boilerplate = bandi_page_text_readable (page_boilerplate, strlen (page_boilerplate));
  g_autofree char *new_call = bandi_page_text_readable (page_new_call, strlen (page_new_call));
  g_auto(GStrv) added = NULL;

  g_assert_cmpstr (first, ==, "Bandi aperti\nUltimo aggiornamento alle\nBando Ricerca 2027\n"
                              "Scadenza: 15 marzo 2027, ore 12:00.");
  g_assert_cmpstr (boilerplate, ==, first);
  g_assert_cmpstr (new_call, !=, first);

  added = bandi_page_text_added (first, new_call);
  g_assert_cmpstrv (added, ((const char *[]) { "Bando Innovazione 2027", "Scadenza: 10 aprile 2027.", NULL }));

  /* no <main>: the body */
  {
    g_autofree char *body = bandi_page_text_readable ("<body><p>Uno</p><footer>due</footer></body>", 43);

    g_assert_cmpstr (body, ==, "Uno");
  }
}

static void
test_watch_cli (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *changed_line = g_strdup_printf ("changed: Fondazione — %s\n", f->page_url);
  JsonObject *page;
  g_autofree char *first_changed = NULL;

  g_assert_cmpint (RUN (f, "watch", "list"), ==, 0);
  g_assert_cmpstr (f->out, ==, "No watched pages.\n");

  g_assert_cmpint (RUN (f, "watch", "add", "--name", "Fondazione", "--url", f->page_url), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (RUN (f, "watch", "add", "--name", "Fondazione", "--url", f->page_url), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: watch add: A watched page is already named “Fondazione”\n");

  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "name"), ==, "Fondazione");
  g_assert_cmpstr (json_object_get_string_member (page, "url"), ==, f->page_url);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "new");
  g_assert_true (json_object_get_null_member (page, "last_checked"));

  /* The first visit only records the page. */
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_cmpstr (f->out, ==, "test-http: new 4, changed 0, withdrawn 0, deadlines moved 0\n");
  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "recorded");
  g_assert_false (json_object_get_null_member (page, "last_checked"));
  g_assert_true (json_object_get_null_member (page, "last_changed"));

  /* Navigation, clock, nonce and footer date changed: not a change. */
  f->body = page_boilerplate;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_null (strstr (f->out, "changed:"));
  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "unchanged");

  /* A new call in the text: reported once, with what was added. */
  f->body = page_new_call;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  {
    g_autofree char *expected = g_strconcat ("test-http: new 0, changed 0, withdrawn 0, deadlines moved 0\n",
                                             changed_line, NULL);

    g_assert_cmpstr (f->out, ==, expected);
  }
  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "changed");
  first_changed = g_strdup (json_object_get_string_member (page, "last_changed"));
  g_assert_nonnull (first_changed);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "added")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (page, "added"), 0),
                   ==, "Bando Innovazione 2027");

  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_null (strstr (f->out, "changed:"));
  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "unchanged");
  g_assert_cmpstr (json_object_get_string_member (page, "last_changed"), ==, first_changed);

  /* A page that cannot be read is a warning, and its status says why. */
  f->body = NULL;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_null (strstr (f->out, "changed:"));
  g_assert_true (g_str_has_prefix (f->err, "bandi-cli: watch: warning: Fondazione: "));
  g_assert_nonnull (strstr (f->err, "500"));
  page = listed_page (f, &root);
  g_assert_cmpstr (json_object_get_string_member (page, "status"), ==, "failed");
  g_assert_nonnull (strstr (json_object_get_string_member (page, "error"), "500"));

  /* back, unchanged: nothing reported */
  f->body = page_new_call;
  g_assert_cmpint (RUN (f, "--endpoint", f->endpoint, "sync", "test-http"), ==, 0);
  g_assert_null (strstr (f->out, "changed:"));

  g_assert_cmpint (RUN (f, "watch", "list"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Fondazione — "));
  g_assert_nonnull (strstr (f->out, "[unchanged, checked "));

  g_assert_cmpint (RUN (f, "watch", "remove", "Fondazione"), ==, 0);
  g_assert_cmpint (RUN (f, "watch", "remove", "Fondazione"), ==, 1);
  g_assert_cmpstr (f->err, ==, "bandi-cli: watch remove: No watched page is named “Fondazione”\n");
  g_assert_cmpint (RUN (f, "watch", "list", "--json"), ==, 0);
  g_assert_cmpstr (f->out, ==, "[]\n");
}

static void
test_watch_usage (Fixture       *f,
                  gconstpointer  data)
{
  const char * const *cases[] = {
    (const char *[]) { "watch", NULL },
    (const char *[]) { "watch", "frobnicate", NULL },
    (const char *[]) { "watch", "list", "extra", NULL },
    (const char *[]) { "watch", "remove", NULL },
    (const char *[]) { "watch", "add", "--name", "X", NULL },
    (const char *[]) { "watch", "add", "--name", "X", "--url", "ftp://example.org/", NULL },
    (const char *[]) { "watch", "add", "--name", "X", "--url", "http://example.org/", NULL },
    (const char *[]) { "watch", "add", "--name", " ", "--url", "https://example.org/", NULL },
    (const char *[]) { "watch", "remove", "X", "--json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (run_cli (f, cases[i]), ==, 2);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_true (g_str_has_prefix (f->err, "bandi-cli: watch"));
    }
}

int
main (int    argc,
      char **argv)
{
  rt_setup_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/watch/readable-text", test_readable_text);
  g_test_add ("/watch/cli", Fixture, NULL, fixture_setup, test_watch_cli, fixture_teardown);
  g_test_add ("/watch/usage", Fixture, NULL, fixture_setup, test_watch_usage, fixture_teardown);

  return g_test_run ();
}
