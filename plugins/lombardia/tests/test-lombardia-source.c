/* test-lombardia-source.c — the lombardia plugin against a local stand-in
 * for the SODA API of dati.lombardia.it and for Bandi Online
 *
 * The module is loaded as the host loads it; the server serves fixtures in
 * the real formats and checks every dataset query it gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bandi-source.h"
#include "lombardia-test-server.h"
#include "source-test-util.h"

typedef struct {
  LtServer     *server;
  SoupSession  *session;
  BandiSource  *source;
  GPtrArray    *calls;
  GError       *error;
  GStrv         warnings;
  GArray       *fractions;
} Fixture;

static GType lombardia_type;

static void
progress_cb (BandiSource *source,
             double       fraction,
             const char  *message,
             Fixture     *f)
{
  g_array_append_val (f->fractions, fraction);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = lt_server_new ();
  /* More connections than the plugin may use, so that the limit of four
   * pages at a time seen by the server is the plugin's own. */
  f->session = soup_session_new_with_options ("max-conns-per-host", 16, "max-conns", 16, NULL);
  source_test_set_limits (f->session, 16 * 1024 * 1024, 1);
  f->source = g_object_new (lombardia_type, "portal-base", f->server->base, NULL);
  bandi_source_set_session (f->source, f->session);
  bandi_source_set_endpoint (f->source, f->server->endpoint);
  g_signal_connect (f->source, "progress", G_CALLBACK (progress_cb), f);
  f->fractions = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->session);
  g_clear_pointer (&f->server, lt_server_free);
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  g_clear_error (&f->error);
  g_clear_pointer (&f->warnings, g_strfreev);
  g_array_unref (f->fractions);
}

static void
run_fetch (Fixture      *f,
           GCancellable *cancellable)
{
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  g_clear_error (&f->error);
  g_clear_pointer (&f->warnings, g_strfreev);

  f->calls = source_test_fetch (f->source, cancellable, &f->error);

  f->warnings = bandi_source_dup_warnings (f->source);
  for (guint i = 0; i < f->server->bad_queries->len; i++)
    g_test_message ("bad query: %s", (const char *) g_ptr_array_index (f->server->bad_queries, i));
  g_assert_cmpuint (f->server->bad_queries->len, ==, 0);
}

static BandiCall *
find_call (GPtrArray  *calls,
           const char *codice)
{
  for (guint i = 0; i < calls->len; i++)
    if (g_strcmp0 (bandi_call_get_external_id (g_ptr_array_index (calls, i)), codice) == 0)
      return g_ptr_array_index (calls, i);

  return NULL;
}

static char **
external_ids (GPtrArray *calls)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < calls->len; i++)
    g_strv_builder_add (builder, bandi_call_get_external_id (g_ptr_array_index (calls, i)));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

/* The one deadline of @codice: at @rfc3339 in Europe/Rome, or on @date
 * without a time, or none when both are NULL. */
static void
assert_deadline (GPtrArray  *calls,
                 const char *codice,
                 const char *rfc3339,
                 const char *date,
                 const char *label)
{
  BandiCall *call = find_call (calls, codice);
  GPtrArray *deadlines;
  BandiDeadline *deadline;
  g_autofree char *at = NULL;

  g_test_message ("%s", codice);
  g_assert_nonnull (call);
  deadlines = bandi_call_get_deadlines (call);
  if (rfc3339 == NULL && date == NULL)
    {
      g_assert_cmpuint (deadlines->len, ==, 0);
      return;
    }

  g_assert_cmpuint (deadlines->len, ==, 1);
  deadline = g_ptr_array_index (deadlines, 0);
  g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, label);
  if (rfc3339 != NULL)
    {
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (rfc3339, NULL);

      g_assert_true (bandi_deadline_has_time (deadline));
      g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, "Europe/Rome");
      at = bandi_deadline_format_rfc3339 (deadline);
      g_assert_cmpstr (at, ==, rfc3339);
      g_assert_cmpint (bandi_deadline_to_unix (deadline), ==, g_date_time_to_unix (expected));
    }
  else
    {
      g_autofree char *day = bandi_deadline_format_date (deadline);

      g_assert_false (bandi_deadline_has_time (deadline));
      g_assert_cmpstr (day, ==, date);
    }
}

static gboolean
warnings_contain (GStrv       warnings,
                  const char *needle)
{
  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], needle) != NULL)
      return TRUE;

  return FALSE;
}

/* Everything the research-only fetch of both dataset pages must give. */
static void
assert_two_pages_result (Fixture *f)
{
  const char * const ids[] = {
    "RLO12031000001", "RLO12031000002", "RLO12031000003",
    "RLO12031000005", "RLO12031000006", "RLO12031000007", NULL,
  };
  g_auto(GStrv) got = NULL;
  BandiCall *call;

  g_assert_no_error (f->error);
  got = external_ids (f->calls);
  g_assert_cmpstrv (got, ids);

  /* checkCloseDate, summer time */
  assert_deadline (f->calls, "RLO12031000001", "2036-09-08T12:00:00+02:00", NULL, "Closing date");
  /* no closing date: open until funds run out, no made-up date */
  assert_deadline (f->calls, "RLO12031000002", NULL, NULL, NULL);
  /* a proroga on the page, later than the dataset's 2036-01-15; winter time */
  assert_deadline (f->calls, "RLO12031000003", "2036-02-17T16:00:00+01:00", NULL,
                   "Closing date (extended)");
  /* only the "Scade il" text */
  assert_deadline (f->calls, "RLO12031000005", "2036-06-30T17:00:00+02:00", NULL, "Closing date");
  /* the page 404s: the dataset's day, no time */
  assert_deadline (f->calls, "RLO12031000006", NULL, "2036-05-20", "Closing date");
  /* an unknown instrument */
  assert_deadline (f->calls, "RLO12031000007", "2036-04-30T12:00:00+02:00", NULL, "Closing date");

  call = find_call (f->calls, "RLO12031000001");
  g_assert_cmpstr (bandi_call_get_source_id (call), ==, "lombardia");
  g_assert_cmpstr (bandi_call_get_title (call), ==,
                   "Collabora&Innova - Progetti di ricerca e innovazione in partenariato");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "Regione Lombardia");
  g_assert_cmpstr (bandi_call_get_programme_part (call), ==, "UNIVERSITA', RICERCA E INNOVAZIONE");
  g_assert_cmpstr (bandi_call_get_action_type (call), ==, "Bando");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);
  {
    g_autofree char *url = g_strconcat (f->server->base, LT_PAGE_PATH, "RLO12031000001", NULL);
    g_autofree char *opening = bandi_deadline_format_date (bandi_call_get_opening (call));

    g_assert_cmpstr (bandi_call_get_url (call), ==, url);
    g_assert_cmpstr (opening, ==, "2026-06-03");
  }

  call = find_call (f->calls, "RLO12031000002");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);
  /* squeezed */
  g_assert_cmpstr (bandi_call_get_title (call), ==,
                   "Call Hub Ricerca e Innovazione - Sportello voucher per l'accesso ai laboratori");
  g_assert_nonnull (strstr (bandi_call_get_description (call), "Finlombarda S.p.A."));

  call = find_call (f->calls, "RLO12031000007");
  g_assert_cmpstr (bandi_call_get_action_type (call), ==, "Manifestazione di interesse");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_FORTHCOMING);

  /* the row without codice_bando and the page that 404s */
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 2);
  g_assert_true (warnings_contain (f->warnings, "Bando senza codice"));
  g_assert_true (warnings_contain (f->warnings, "RLO12031000006"));
  g_assert_true (warnings_contain (f->warnings, "404"));
}

static void
test_two_pages (Fixture       *f,
                gconstpointer  data)
{
  const char * const read[] = {
    "RLO12031000001", "RLO12031000002", "RLO12031000003",
    "RLO12031000005", "RLO12031000006", "RLO12031000007",
  };

  f->server->page_delay_ms = 500;
  f->server->hold_batch = 4;
  run_fetch (f, NULL);
  assert_two_pages_result (f);

  g_assert_cmpuint (f->server->offsets->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->server->offsets, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (f->server->offsets, guint, 1), ==, 1000);

  /* each kept call's page once; none for the calls left out */
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    g_assert_cmpuint (lt_server_page_hits (f->server, read[i]), ==, 1);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, G_N_ELEMENTS (read));
  /* four pages at a time, not more, not one by one */
  g_assert_cmpuint (f->server->max_in_flight, ==, 4);

  g_assert_cmpuint (f->fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (f->fractions, double, f->fractions->len - 1), ==, 1.0);
}

/* A page is read again only when its call's row changed (or it failed). */
static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  run_fetch (f, NULL);
  assert_two_pages_result (f);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 6);

  /* Nothing changed: only the page that failed is tried again. */
  lt_server_reset_counts (f->server);
  run_fetch (f, NULL);
  assert_two_pages_result (f);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000006"), ==, 1);

  /* The row of RLO12031000005 changes: its page is read again and still
   * wins over the dataset's new date. */
  lt_server_reset_counts (f->server);
  f->server->moved_from = g_strdup ("\"2036-06-30T00:00:00.000\"");
  f->server->moved_to = g_strdup ("\"2036-06-29T00:00:00.000\"");
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 2);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000005"), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000006"), ==, 1);
  assert_deadline (f->calls, "RLO12031000005", "2036-06-30T17:00:00+02:00", NULL,
                   "Closing date (extended)");
}

/* Makes every page in the plugin's cache read @age_s seconds ago. */
static void
age_cache (gint64 age_s)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "bandi", "lombardia-pages.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) codici = NULL;
  JsonObject *pages;
  gint64 read_unix = g_get_real_time () / G_USEC_PER_SEC - age_s;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  pages = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "pages");
  codici = json_object_get_members (pages);
  g_assert_nonnull (codici);
  for (const GList *l = codici; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (pages, l->data);

      g_assert_true (json_object_has_member (entry, "read"));
      json_object_set_int_member (entry, "read", read_unix);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

#define HOUR 3600

/* A proroga shown on the page alone, the call's dataset row unchanged, is
 * picked up once what the page said is older than :page-max-age, and the
 * page is not read again before. One dataset page of five calls (one of
 * which 404s), to keep it quick. */
static void
test_page_max_age (Fixture       *f,
                   gconstpointer  data)
{
  f->server->mode = LT_DATASET_ONE_PAGE;
  g_object_set (f->source, "research-only", FALSE, "page-max-age", HOUR, NULL);
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 5);
  assert_deadline (f->calls, "RLO12031000008", "2036-03-31T12:00:00+02:00", NULL, "Closing date");

  /* The page of RLO12031000008 now shows an extension; the dataset does
   * not change. */
  lt_server_edit_pages (f->server, "value=\"2036-03-31 12:00\"", "value=\"2036-04-15 16:30\"");
  lt_server_edit_pages (f->server, "Scade il: 31/03/2036, ore 12:00", "Scade il: 15/04/2036, ore 16:30");

  /* Read 59 minutes ago: not read again, only the page that failed is */
  age_cache (HOUR - 60);
  lt_server_reset_counts (f->server);
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000006"), ==, 1);
  assert_deadline (f->calls, "RLO12031000008", "2036-03-31T12:00:00+02:00", NULL, "Closing date");

  /* Read an hour ago: every page is read again, still four at a time, and
   * the extension is there */
  age_cache (HOUR);
  lt_server_reset_counts (f->server);
  f->server->page_delay_ms = 500;
  f->server->hold_batch = 4;
  run_fetch (f, NULL);
  f->server->page_delay_ms = 0;
  f->server->hold_batch = 0;
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 5);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 5);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000008"), ==, 1);
  g_assert_cmpuint (f->server->max_in_flight, ==, 4);
  assert_deadline (f->calls, "RLO12031000008", "2036-04-15T16:30:00+02:00", NULL,
                   "Closing date (extended)");
  assert_deadline (f->calls, "RLO12031000005", "2036-06-30T17:00:00+02:00", NULL, "Closing date");
  assert_deadline (f->calls, "RLO12031000009", "2036-12-01T12:00:00+01:00", NULL, "Closing date");
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 1);

  /* Just read: the cache gives the extension without reading the page */
  lt_server_reset_counts (f->server);
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000008"), ==, 0);
  assert_deadline (f->calls, "RLO12031000008", "2036-04-15T16:30:00+02:00", NULL,
                   "Closing date (extended)");

  /* Read again but the portal fails: what the page said last stands, with
   * a warning, and the rest of the source is unharmed */
  age_cache (HOUR + 60);
  lt_server_reset_counts (f->server);
  f->server->failing_page = g_strdup ("RLO12031000008");
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 5);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000008"), >=, 1);
  assert_deadline (f->calls, "RLO12031000008", "2036-04-15T16:30:00+02:00", NULL,
                   "Closing date (extended)");
  assert_deadline (f->calls, "RLO12031000005", "2036-06-30T17:00:00+02:00", NULL, "Closing date");
  assert_deadline (f->calls, "RLO12031000006", NULL, "2036-05-20", "Closing date");
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 2);
  for (guint i = 0; f->warnings[i] != NULL; i++)
    if (strstr (f->warnings[i], "RLO12031000008") != NULL)
      {
        g_assert_nonnull (strstr (f->warnings[i], "could not be read again"));
        g_assert_nonnull (strstr (f->warnings[i], "HTTP 503"));
        g_assert_nonnull (strstr (f->warnings[i], "the one the page gave when last read"));
      }
  g_assert_true (warnings_contain (f->warnings, "RLO12031000008"));

  /* ... and the page is tried again at the next sync, the others are not */
  g_clear_pointer (&f->server->failing_page, g_free);
  lt_server_reset_counts (f->server);
  run_fetch (f, NULL);
  g_assert_no_error (f->error);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000008"), ==, 1);
  g_assert_cmpuint (lt_server_page_hits (f->server, "RLO12031000006"), ==, 1);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 2);
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 1);
}

static void
test_all_calls (Fixture       *f,
                gconstpointer  data)
{
  const char * const ids[] = {
    "RLO12031000005", "RLO12031000006", "RLO12031000007", "RLO12031000008", "RLO12031000009", NULL,
  };
  g_auto(GStrv) got = NULL;

  f->server->mode = LT_DATASET_ONE_PAGE;
  g_object_set (f->source, "research-only", FALSE, NULL);
  run_fetch (f, NULL);

  g_assert_no_error (f->error);
  got = external_ids (f->calls);
  g_assert_cmpstrv (got, ids);
  g_assert_cmpuint (f->server->offsets->len, ==, 1);
  assert_deadline (f->calls, "RLO12031000008", "2036-03-31T12:00:00+02:00", NULL, "Closing date");
  assert_deadline (f->calls, "RLO12031000009", "2036-12-01T12:00:00+01:00", NULL, "Closing date");
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 5);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  f->server->mode = LT_DATASET_MALFORMED;
  run_fetch (f, NULL);

  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (f->error->message, "the answer is not JSON"));
  g_assert_nonnull (strstr (f->error->message, "page 1"));
  g_assert_nonnull (strstr (f->error->message, "HTTP 200"));
  g_assert_cmpuint (lt_server_total_page_hits (f->server), ==, 0);
}

static void
cancel_cb (BandiSource  *source,
           double        fraction,
           const char   *message,
           GCancellable *cancellable)
{
  /* once the first call page is in */
  if (fraction > 0.0 && fraction < 1.0)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  f->server->page_delay_ms = 50;
  g_signal_connect (f->source, "progress", G_CALLBACK (cancel_cb), cancellable);
  run_fetch (f, cancellable);

  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (lt_server_total_page_hits (f->server), <, 6);
  g_signal_handlers_disconnect_by_func (f->source, cancel_cb, cancellable);
}

static void
test_bad_endpoint (Fixture       *f,
                   gconstpointer  data)
{
  bandi_source_set_endpoint (f->source, "not an address");
  run_fetch (f, NULL);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG);
  g_assert_nonnull (strstr (f->error->message, "not an address"));
}

/* A register that answers every $offset with a full page of new rows
 * ends at the source's bound on pages, as a failure that keeps the stored
 * calls. (Failed on the code before: the sync never ended.) */
static void
test_endless (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) endless = NULL;

  first = source_test_sync_source (store, f->session, f->source, TRUE);
  g_assert_cmpuint (first->stats.n_new, >, 0);

  f->server->mode = LT_DATASET_ENDLESS;
  g_array_set_size (f->server->offsets, 0);
  endless = source_test_sync_source (store, f->session, f->source, FALSE);
  g_assert_nonnull (strstr (endless->last_error, "did not end after 20 pages"));
  g_assert_cmpuint (f->server->offsets->len, ==, 20);
  g_assert_cmpuint (source_test_count_listed (store, "lombardia"), ==, first->stats.n_new);
}

/* A server that ignores $offset: the page repeated is recognised, the
 * paging stops, and what the pages not read may hold is not withdrawn.
 * (Failed on the code before: the sync never ended.) */
static void
test_repeating (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) repeated = NULL;

  first = source_test_sync_source (store, f->session, f->source, TRUE);
  g_assert_cmpuint (first->stats.n_new, ==, 6);

  f->server->mode = LT_DATASET_REPEATING;
  g_array_set_size (f->server->offsets, 0);
  repeated = source_test_sync_source (store, f->session, f->source, TRUE);
  g_assert_cmpuint (f->server->offsets->len, ==, 2);
  /* The page's own warnings, then the repetition */
  g_assert_cmpuint (g_strv_length (repeated->warnings), ==, g_strv_length (first->warnings) + 1);
  g_assert_nonnull (strstr (repeated->warnings[g_strv_length (first->warnings)],
                            "Page 2 of the register of regional calls repeats the page before"));
  g_assert_cmpuint (repeated->stats.n_withdrawn, ==, 0);
  g_assert_cmpuint (source_test_count_listed (store, "lombardia"), ==, 6);
}

/* The register answering [] after a good sync withdraws nothing at once.
 * (Failed on the code before: every call withdrawn, exit status 0.) */
static void
test_empty_answer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) suspect = NULL;
  g_autoptr(BandiSourceStatus) confirmed = NULL;

  first = source_test_sync_source (store, f->session, f->source, TRUE);
  g_assert_cmpuint (first->stats.n_new, ==, 6);

  f->server->mode = LT_DATASET_EMPTY;
  suspect = source_test_sync_source (store, f->session, f->source, FALSE);
  g_assert_nonnull (strstr (suspect->last_error, "The answer lists no call at all, while 6 were stored. "
                                                 "The 6 calls it leaves out are kept"));
  g_assert_cmpuint (source_test_count_listed (store, "lombardia"), ==, 6);

  confirmed = source_test_sync_source (store, f->session, f->source, TRUE);
  g_assert_cmpuint (confirmed->stats.n_withdrawn, ==, 6);
  g_assert_cmpuint (source_test_count_listed (store, "lombardia"), ==, 0);
}

/* A sync whose source answers too slowly ends at the sync's deadline, as
 * a failure that keeps the stored calls. */
static void
test_sync_deadline (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSync) sync = bandi_sync_new (store, f->session);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) status = NULL;

  first = source_test_sync_source (store, f->session, f->source, TRUE);

  /* Longer than the sync's deadline, shorter than the HTTP timeouts, and
   * every call page is to be read again. */
  g_object_set (f->source, "page-max-age", 0, NULL);
  f->server->page_delay_ms = 4000;
  bandi_sync_set_timeout (sync, 1);
  g_ptr_array_add (sources, f->source);
  g_assert_false (source_test_run_sync (sync, sources, NULL, &error));
  g_assert_nonnull (strstr (error->message, "The sync did not finish within 1 second; stopped"));

  status = bandi_store_get_source_status (store, "lombardia");
  g_assert_nonnull (strstr (status->last_error, "did not finish"));
  g_assert_cmpuint (source_test_count_listed (store, "lombardia"), ==, first->stats.n_new);
}

static void
test_info (void)
{
  g_autoptr(BandiSource) source = g_object_new (lombardia_type, NULL);
  g_autofree char *portal = NULL;
  gboolean research_only = FALSE;
  guint page_max_age = 0;

  g_assert_cmpstr (bandi_source_get_id (source), ==, "lombardia");
  g_assert_cmpstr (bandi_source_get_name (source), ==,
                   "Regione Lombardia — Bandi (Call Hub, Collabora&Innova…)");
  g_assert_cmpstr (bandi_source_get_default_endpoint (source), ==,
                   "https://www.dati.lombardia.it/resource/bukx-h2uy.json");
  g_assert_cmpstr (bandi_source_get_settings_schema (source), ==, "io.github.bandi.Bandi.Lombardia");

  g_object_get (source, "research-only", &research_only, "portal-base", &portal,
                "page-max-age", &page_max_age, NULL);
  g_assert_true (research_only);
  g_assert_cmpstr (portal, ==, "");
  /* a day */
  g_assert_cmpuint (page_max_age, ==, 24 * 60 * 60);
}

static void
test_settings (void)
{
  g_autoptr(BandiSource) source = g_object_new (lombardia_type, NULL);
  g_autoptr(GSettings) settings = g_settings_new (bandi_source_get_settings_schema (source));
  g_autofree char *portal = NULL;
  gboolean research_only = TRUE;

  g_assert_true (g_settings_get_boolean (settings, "research-only"));
  g_settings_bind (settings, "research-only", source, "research-only", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "portal-base", source, "portal-base", G_SETTINGS_BIND_DEFAULT);

  g_settings_set_boolean (settings, "research-only", FALSE);
  g_settings_set_string (settings, "portal-base", "https://bandi.example.org");
  g_object_get (source, "research-only", &research_only, "portal-base", &portal, NULL);
  g_assert_false (research_only);
  g_assert_cmpstr (portal, ==, "https://bandi.example.org");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* As the host does it */
  lombardia_type = source_test_load_module (LOMBARDIA_MODULE_PATH);

  g_test_add_func ("/lombardia/source/info", test_info);
  g_test_add_func ("/lombardia/source/settings", test_settings);
#define ADD(path, func) \
  g_test_add ("/lombardia/source/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("two-pages", test_two_pages);
  ADD ("cache", test_cache);
  ADD ("page-max-age", test_page_max_age);
  ADD ("all-calls", test_all_calls);
  ADD ("malformed", test_malformed);
  ADD ("cancel", test_cancel);
  ADD ("bad-endpoint", test_bad_endpoint);
  ADD ("endless", test_endless);
  ADD ("repeating", test_repeating);
  ADD ("empty-answer", test_empty_answer);
  ADD ("sync-deadline", test_sync_deadline);
#undef ADD

  return g_test_run ();
}
