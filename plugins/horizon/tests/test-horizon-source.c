/* test-horizon-source.c — the horizon plugin against a local stand-in for
 * the Funding & Tenders Portal's search API
 *
 * The module is loaded as the host loads it; a SoupServer on 127.0.0.1
 * serves fixtures in the API's format and checks every request it gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>

#include "bandi-horizon-pages.h"
#include "bandi-source-private.h"
#include "bandi-store.h"
#include "bandi-sync.h"
#include "horizon-test-server.h"
#include "source-test-util.h"

typedef struct {
  HtServer     *server;
  SoupSession  *session;
  BandiSource  *source;

  GArray       *fractions;    /* double: progress reported */
  GCancellable *cancel_after_first_page;

  GPtrArray    *calls;
  GError       *error;
} Fixture;

static GType horizon_type;

/* Fixture */

static void
progress_cb (BandiSource *source,
             double       fraction,
             const char  *message,
             Fixture     *f)
{
  g_assert_nonnull (message);
  g_array_append_val (f->fractions, fraction);

  /* Cancel once the first page has been read. */
  if (f->cancel_after_first_page != NULL && f->server->pages->len == 1 && fraction > 0)
    g_cancellable_cancel (f->cancel_after_first_page);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = ht_server_new ();
  f->session = bandi_http_session_new ();
  source_test_set_limits (f->session, 16 * 1024 * 1024, 2);
  f->source = g_object_new (horizon_type, NULL);
  bandi_source_set_session (f->source, f->session);
  bandi_source_set_endpoint (f->source, f->server->endpoint);
  g_signal_connect (f->source, "progress", G_CALLBACK (progress_cb), f);

  f->fractions = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  g_clear_error (&f->error);
  g_clear_object (&f->cancel_after_first_page);
  g_array_unref (f->fractions);
  g_object_unref (f->source);
  source_test_close (f->session, f->server, (GDestroyNotify) ht_server_free);
}

static void
fetch (Fixture *f)
{
  f->calls = source_test_fetch (f->source, f->cancel_after_first_page, &f->error);
}

static void
assert_pages (Fixture *f,
              guint    n_pages)
{
  g_assert_cmpuint (f->server->pages->len, ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    g_assert_cmpuint (g_array_index (f->server->pages, guint, i), ==, i + 1);
}

static BandiCall *
find_call (Fixture    *f,
           const char *id)
{
  for (guint i = 0; i < f->calls->len; i++)
    {
      BandiCall *call = g_ptr_array_index (f->calls, i);

      if (g_strcmp0 (bandi_call_get_external_id (call), id) == 0)
        return call;
    }

  g_error ("No call %s", id);
}

static void
assert_deadline (BandiCall  *call,
                 guint       index,
                 guint       stage,
                 const char *label,
                 const char *rfc3339)
{
  BandiDeadline *deadline = g_ptr_array_index (bandi_call_get_deadlines (call), index);
  g_autofree char *at = bandi_deadline_format_rfc3339 (deadline);

  g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, stage);
  g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, label);
  g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, "Europe/Brussels");
  g_assert_cmpstr (at, ==, rfc3339);
}

/* Tests */

static void
test_info (void)
{
  g_autoptr(BandiSource) source = g_object_new (horizon_type, NULL);
  g_auto(GStrv) programmes = NULL;

  g_assert_cmpstr (bandi_source_get_id (source), ==, "horizon");
  g_assert_cmpstr (bandi_source_get_name (source), ==, "EU Funding & Tenders — Horizon Europe");
  g_assert_cmpstr (bandi_source_get_default_endpoint (source), ==,
                   "https://api.tech.ec.europa.eu/search-api/prod/rest/search");
  g_assert_cmpstr (bandi_source_get_endpoint (source), ==,
                   "https://api.tech.ec.europa.eu/search-api/prod/rest/search");
  g_assert_cmpstr (bandi_source_get_settings_schema (source), ==, "io.github.bandi.Bandi.Horizon");

  g_object_get (source, "programmes", &programmes, NULL);
  g_assert_cmpstrv (programmes, ((const char *[]) { "43108390", NULL }));
}

/* The host binds the schema's keys to the same-named properties. */
static void
test_settings (void)
{
  g_autoptr(BandiSource) source = g_object_new (horizon_type, NULL);
  g_autoptr(GSettings) settings = g_settings_new (bandi_source_get_settings_schema (source));
  const char *ticked[] = { "43108390", "43332642", NULL };
  g_auto(GStrv) programmes = NULL;

  g_settings_bind (settings, "programmes", source, "programmes", G_SETTINGS_BIND_DEFAULT);
  g_object_get (source, "programmes", &programmes, NULL);
  g_assert_cmpstrv (programmes, ((const char *[]) { "43108390", NULL }));
  g_clear_pointer (&programmes, g_strfreev);

  g_settings_set_strv (settings, "programmes", ticked);
  g_object_get (source, "programmes", &programmes, NULL);
  g_assert_cmpstrv (programmes, ticked);
}

static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_auto(GStrv) warnings = NULL;
  BandiCall *call;

  f->server->mode = HT_SERVE_CASES;
  fetch (f);
  g_assert_no_error (f->error);
  assert_pages (f, 1);

  g_assert_cmpuint (f->calls->len, ==, 11);
  for (guint i = 0; i < f->calls->len; i++)
    g_assert_cmpstr (bandi_call_get_source_id (g_ptr_array_index (f->calls, i)), ==, "horizon");

  warnings = bandi_source_dup_warnings (f->source);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "Page 1"));
  g_assert_nonnull (strstr (warnings[0], "45311999TOPICSen"));

  call = find_call (f, "HORIZON-CL5-2024-D2-01-03");
  assert_deadline (call, 0, 1, "Deadline", "2024-04-18T17:00:00+02:00");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "Horizon Europe");
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 30000000);
  g_assert_cmpstr (bandi_call_get_url (call), ==,
                   "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/HORIZON-CL5-2024-D2-01-03");

  call = find_call (f, "HORIZON-CL5-2025-D3-01-05");
  assert_deadline (call, 0, 1, "Deadline", "2025-01-22T17:00:00+01:00");

  call = find_call (f, "HORIZON-CL6-2027-FARM2FORK-01-03-two-stage");
  assert_deadline (call, 0, 1, "Stage 1", "2027-02-17T17:00:00+01:00");
  assert_deadline (call, 1, 2, "Stage 2", "2027-09-02T17:00:00+02:00");
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 18000000);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);

  call = find_call (f, "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11");
  assert_deadline (call, 2, 3, "Cut-off 3", "2028-03-02T17:00:00+01:00");

  call = find_call (f, "EU4H-2027-PJ-03");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "EU4Health");

  /* One short page: progress from 0 to 1 */
  g_assert_cmpuint (f->fractions->len, ==, 2);
  g_assert_cmpfloat (g_array_index (f->fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (f->fractions, double, 1), ==, 1.0);
}

/* 250 results: pages of 100, 100 and 50, in order, progress after each */
static void
test_three_pages (Fixture       *f,
                  gconstpointer  data)
{
  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = 250;
  fetch (f);
  g_assert_no_error (f->error);
  assert_pages (f, 3);
  g_assert_cmpuint (f->calls->len, ==, 250);
  g_assert_cmpstr (bandi_call_get_external_id (g_ptr_array_index (f->calls, 0)), ==, "HORIZON-CL5-2027-D3-01-00000");
  g_assert_cmpstr (bandi_call_get_external_id (g_ptr_array_index (f->calls, 249)), ==, "HORIZON-CL5-2027-D3-01-00249");
  assert_deadline (g_ptr_array_index (f->calls, 249), 0, 1, "Deadline", "2027-04-15T17:00:00+02:00");

  g_assert_cmpuint (f->fractions->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (g_array_index (f->fractions, double, 1), 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (f->fractions, double, 2), 2.0 / 3, 1e-9);
  g_assert_cmpfloat (g_array_index (f->fractions, double, 3), ==, 1.0);
}

/* 200 results: two full pages and no third request */
static void
test_exact_pages (Fixture       *f,
                  gconstpointer  data)
{
  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = 200;
  fetch (f);
  g_assert_no_error (f->error);
  assert_pages (f, 2);
  g_assert_cmpuint (f->calls->len, ==, 200);
}

/* The API serves 10,000 results of a query at most: stop there and say so.
 * (Lean topics: 10,000 full ones take minutes under ASan.) */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_auto(GStrv) warnings = NULL;

  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = 12345;
  f->server->lean = TRUE;
  fetch (f);
  g_assert_no_error (f->error);
  assert_pages (f, 100);
  g_assert_cmpuint (f->calls->len, ==, 10000);

  warnings = bandi_source_dup_warnings (f->source);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "12345"));
  g_assert_nonnull (strstr (warnings[0], "10000"));
}

static void
test_programmes (Fixture       *f,
                 gconstpointer  data)
{
  static const char *ticked[] = { "43152860", "43332642", "43252405", NULL };

  f->server->mode = HT_SERVE_CASES;
  f->server->programmes = ticked;
  g_object_set (f->source, "programmes", ticked, NULL);
  fetch (f);
  g_assert_no_error (f->error);
  assert_pages (f, 1);
}

static void
test_bad_programmes (Fixture       *f,
                     gconstpointer  data)
{
  const char *none[] = { NULL };
  const char *bad[] = { "43108390", "43108390\"]}}", NULL };

  g_object_set (f->source, "programmes", none, NULL);
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG);
  g_clear_error (&f->error);

  g_object_set (f->source, "programmes", bad, NULL);
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG);
  g_assert_nonnull (strstr (f->error->message, "43108390\"]}}"));

  g_assert_cmpuint (f->server->hits, ==, 0);
}

/* An HTML page with HTTP 200 is not search results: say what came. */
static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  f->server->mode = HT_SERVE_HTML;
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_test_message ("%s", f->error->message);
  g_assert_nonnull (strstr (f->error->message, "page 1"));
  g_assert_nonnull (strstr (f->error->message, "200"));
  g_assert_nonnull (strstr (f->error->message, "text/html"));
  g_assert_nonnull (strstr (f->error->message, "<!DOCTYPE html>"));
  assert_pages (f, 1);
}

/* A page cut short fails the whole fetch: no partial list */
static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  f->server->mode = HT_SERVE_TRUNCATED;
  f->server->total = 250;
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_test_message ("%s", f->error->message);
  g_assert_nonnull (strstr (f->error->message, "page 2"));
  g_assert_nonnull (strstr (f->error->message, "application/json"));
  g_assert_nonnull (strstr (f->error->message, "2500 bytes"));
  g_assert_nonnull (strstr (f->error->message, "{"));
  g_assert_null (f->calls);
  assert_pages (f, 2);
}

/* HTTP 500, then the page: retried, and the body sent again in full */
static void
test_retry (Fixture       *f,
            gconstpointer  data)
{
  f->server->mode = HT_SERVE_FLAKY;
  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->server->hits, ==, 2);
  g_assert_cmpuint (f->server->pages->len, ==, 2);
  g_assert_cmpuint (g_array_index (f->server->pages, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (f->server->pages, guint, 1), ==, 1);
  g_assert_cmpuint (f->calls->len, ==, 11);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = 250;
  f->cancel_after_first_page = g_cancellable_new ();
  fetch (f);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_pages (f, 1);
}

/* The CPU time used so far by @clock (the calling thread's, or the whole
 * process's), in microseconds */
static gint64
cpu_us (clockid_t clock)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (clock, &ts), ==, 0);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The pages are read on another thread: over the fetch, the other threads
 * of the process (idle otherwise: the server and the client are on this
 * one) use CPU time of the order of what reading the same pages takes on
 * their own, here, and they would use next to none if this thread read
 * them. No speed is asked for: the figures compared come from this run. */
static void
test_read_off_thread (Fixture       *f,
                      gconstpointer  data)
{
  const guint n_pages = 5;
  gint64 reading = G_MAXINT64;
  gint64 this_thread;
  gint64 all_threads;

  f->server->mode = HT_SERVE_GENERATED;
  f->server->varied = TRUE;
  f->server->total = n_pages * BANDI_HORIZON_PAGE_SIZE;
  /* Made now, so that the fetch spends nothing on making them */
  for (guint page = 1; page <= n_pages; page++)
    g_bytes_unref (ht_server_get_page (f->server, page));

  /* The least of three readings, the first with the caches cold */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BandiHorizonPages) pages = NULL;
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      gint64 start = cpu_us (CLOCK_THREAD_CPUTIME_ID);

      pages = bandi_horizon_pages_new ("horizon", g_get_real_time () / G_USEC_PER_SEC, NULL,
                                       BANDI_HORIZON_RESULT_WINDOW);
      for (guint page = 1; page <= n_pages; page++)
        {
          g_autoptr(GBytes) body = ht_server_get_page (f->server, page);
          g_autoptr(GError) error = NULL;
          gboolean done = FALSE;
          guint failed = 0;

          g_assert_true (bandi_horizon_pages_add (pages, body, &done, &failed, warnings, &error));
          g_assert_no_error (error);
          g_assert_true (done == (page == n_pages));
        }
      reading = MIN (reading, cpu_us (CLOCK_THREAD_CPUTIME_ID) - start);
    }

  this_thread = -cpu_us (CLOCK_THREAD_CPUTIME_ID);
  all_threads = -cpu_us (CLOCK_PROCESS_CPUTIME_ID);
  fetch (f);
  this_thread += cpu_us (CLOCK_THREAD_CPUTIME_ID);
  all_threads += cpu_us (CLOCK_PROCESS_CPUTIME_ID);
  g_assert_no_error (f->error);
  assert_pages (f, n_pages);
  g_assert_cmpuint (f->calls->len, ==, n_pages * BANDI_HORIZON_PAGE_SIZE);

  g_test_message ("CPU time: reading %u pages here %" G_GINT64_FORMAT " us; over the fetch, "
                  "this thread %" G_GINT64_FORMAT " us, the others %" G_GINT64_FORMAT " us",
                  n_pages, reading, this_thread, all_threads - this_thread);
  g_assert_cmpint (all_threads - this_thread, >, reading / 2);
}

/* A sync as the application runs it, into @store, that succeeds or not as
 * @succeeds says; returns the source's status as stored. */
static BandiSourceStatus *
sync_expecting (Fixture    *f,
                BandiStore *store,
                gboolean    succeeds)
{
  return source_test_sync_source (store, f->session, f->source, succeeds);
}

static BandiSourceStatus *
sync_into (Fixture    *f,
           BandiStore *store)
{
  return sync_expecting (f, store, TRUE);
}

static guint
count_listed (BandiStore *store)
{
  return source_test_count_listed (store, "horizon");
}

/* Generated pages of @total topics from now on */
static void
serve_generated (Fixture *f,
                 gint64   total)
{
  f->server->mode = HT_SERVE_GENERATED;
  f->server->total = total;
  g_ptr_array_set_size (f->server->cache, 0);
}

/* After a good sync, a 200 answer that lists nothing withdraws nothing and
 * says so; only the same answer again withdraws the calls. (Failed on the
 * code before: every call withdrawn at once, and the sync a success.) */
static void
test_empty_answer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) suspect = NULL;
  g_autoptr(BandiSourceStatus) confirmed = NULL;

  serve_generated (f, 30);
  first = sync_into (f, store);
  g_assert_cmpuint (first->stats.n_new, ==, 30);

  serve_generated (f, 0);
  suspect = sync_expecting (f, store, FALSE);
  g_assert_nonnull (strstr (suspect->last_error, "lists no call at all, while 30 were stored"));
  g_assert_nonnull (strstr (suspect->last_error, "are kept"));
  g_assert_cmpuint (suspect->stats.n_withdrawn, ==, 0);
  g_assert_cmpuint (count_listed (store), ==, 30);

  confirmed = sync_into (f, store);
  g_assert_null (confirmed->last_error);
  g_assert_cmpuint (confirmed->stats.n_withdrawn, ==, 30);
  g_assert_cmpuint (count_listed (store), ==, 0);
}

/* A page of 50 topics while totalResults says 5,000: pages are missing, and
 * nothing is withdrawn, however often it comes. (Failed on the code before:
 * 200 of 250 calls withdrawn.) */
static void
test_short_answer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;

  serve_generated (f, 250);
  first = sync_into (f, store);
  g_assert_cmpuint (first->stats.n_new, ==, 250);

  f->server->announced = 5000;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BandiSourceStatus) status = NULL;

      serve_generated (f, 50);
      status = sync_into (f, store);
      g_assert_cmpuint (status->stats.n_withdrawn, ==, 0);
      g_assert_cmpuint (g_strv_length (status->warnings), ==, 1);
      g_assert_nonnull (strstr (status->warnings[0], "announced 5000 results but sent 50"));
      g_assert_cmpuint (count_listed (store), ==, 250);
    }
}

/* An answer whose records mostly cannot be read is suspect too. (Failed
 * on the code before: the 20 calls of the unreadable records withdrawn.) */
static void
test_unreadable_answer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) suspect = NULL;

  serve_generated (f, 30);
  first = sync_into (f, store);
  g_assert_cmpuint (first->stats.n_new, ==, 30);

  f->server->readable = 10;
  serve_generated (f, 30);
  suspect = sync_expecting (f, store, FALSE);
  g_assert_nonnull (strstr (suspect->last_error, "20 of the 30 records of the answer could not be read"));
  g_assert_cmpuint (g_strv_length (suspect->warnings), ==, 20);
  g_assert_cmpuint (count_listed (store), ==, 30);
}

/* The same answer as the last good one, after a failed attempt that had
 * warnings of its own: the warnings are the good answer's. (Failed on the
 * code before: the failed attempt's warning came back.) */
static void
test_warnings_after_failure (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) failed = NULL;
  g_autoptr(BandiSourceStatus) again = NULL;

  f->server->mode = HT_SERVE_CASES;
  first = sync_into (f, store);
  g_assert_cmpuint (g_strv_length (first->warnings), >, 0);

  /* Page 1 holds a record that is not one; page 2 is cut short. */
  f->server->readable = 99;
  f->server->fail_page = 2;
  serve_generated (f, 150);
  failed = sync_expecting (f, store, FALSE);
  g_assert_true (g_strv_contains ((const char * const *) failed->warnings,
                                  "Page 1: Result 100 is not a record; skipped"));

  f->server->mode = HT_SERVE_CASES;
  again = sync_into (f, store);
  g_assert_true (bandi_source_get_keeps_previous_calls (f->source));
  g_assert_cmpstrv (again->warnings, first->warnings);
}


/* A second sync of the same pages keeps the stored calls without reading
 * the pages again, and the warnings the pages gave. */
static void
test_same_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) second = NULL;
  g_autofree char *answer = NULL;

  f->server->mode = HT_SERVE_CASES;
  first = sync_into (f, store);
  g_assert_false (bandi_source_get_keeps_previous_calls (f->source));
  g_assert_cmpuint (first->stats.n_new, ==, 11);
  g_assert_cmpuint (g_strv_length (first->warnings), >, 0);
  answer = bandi_store_dup_answer (store, "horizon", g_get_real_time () / G_USEC_PER_SEC);
  g_assert_nonnull (answer);

  second = sync_into (f, store);
  g_assert_cmpuint (f->server->pages->len, ==, 2);
  g_assert_true (bandi_source_get_keeps_previous_calls (f->source));
  g_assert_cmpuint (second->stats.n_new, ==, 0);
  g_assert_cmpuint (second->stats.n_changed, ==, 0);
  g_assert_cmpuint (second->stats.n_withdrawn, ==, 0);
  g_assert_cmpuint (second->stats.n_unchanged, ==, 11);
  g_assert_null (second->last_error);
  g_assert_cmpstrv (second->warnings, first->warnings);
  g_assert_true (second->last_success >= first->last_success);
}

/* One topic on page 2 of 3 moves: the pages put off while they were the
 * same (page 1) are read after all, so no call goes missing, and the
 * move is recorded. */
static void
test_changed_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BandiStore) store = source_test_open_store ();
  g_autoptr(BandiSourceStatus) first = NULL;
  g_autoptr(BandiSourceStatus) second = NULL;
  g_autoptr(BandiSourceStatus) third = NULL;
  g_autoptr(BandiCall) moved = NULL;
  g_autoptr(BandiCall) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_id = ht_topic_identifier (150);
  g_autofree char *kept_id = ht_topic_identifier (20);
  g_autofree char *before = ht_topic_deadline (150);
  g_autofree char *answer = NULL;
  g_autofree char *new_answer = NULL;
  g_autofree char *at = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  f->server->mode = HT_SERVE_GENERATED;
  f->server->varied = TRUE;
  f->server->total = 250;
  first = sync_into (f, store);
  g_assert_cmpuint (first->stats.n_new, ==, 250);
  answer = bandi_store_dup_answer (store, "horizon", now);

  f->server->moved_topic = 150;
  f->server->moved_days = 7;
  g_ptr_array_set_size (f->server->cache, 0);
  second = sync_into (f, store);
  g_assert_cmpuint (f->server->pages->len, ==, 6);
  g_assert_false (bandi_source_get_keeps_previous_calls (f->source));
  g_assert_cmpuint (second->stats.n_new, ==, 0);
  g_assert_cmpuint (second->stats.n_changed, ==, 1);
  g_assert_cmpuint (second->stats.n_unchanged, ==, 249);
  g_assert_cmpuint (second->stats.n_withdrawn, ==, 0);
  g_assert_cmpuint (second->stats.n_deadlines_moved, ==, 1);

  moved = bandi_store_find_call (store, "horizon", moved_id, &error);
  g_assert_no_error (error);
  at = bandi_deadline_format_rfc3339 (g_ptr_array_index (bandi_call_get_deadlines (moved), 0));
  {
    /* 3 June 2027: no change of summer time in the week after */
    g_autoptr(GDateTime) was = g_date_time_new_from_iso8601 (before, NULL);
    g_autoptr(GDateTime) week_later = g_date_time_add_days (was, 7);
    g_autofree char *expected = g_date_time_format (week_later, "%Y-%m-%dT%H:%M:%S%:z");

    g_assert_cmpstr (before, ==, "2027-06-03T17:00:00+02:00");
    g_assert_cmpstr (at, ==, expected);
  }
  kept = bandi_store_find_call (store, "horizon", kept_id, &error);
  g_assert_no_error (error);
  g_assert_false (bandi_call_get_withdrawn (kept));

  /* The new answer differs in page 2 only, and is kept next time. */
  new_answer = bandi_store_dup_answer (store, "horizon", now);
  g_assert_nonnull (new_answer);
  g_assert_cmpstr (new_answer, !=, answer);
  third = sync_into (f, store);
  g_assert_true (bandi_source_get_keeps_previous_calls (f->source));
  g_assert_cmpuint (third->stats.n_unchanged, ==, 250);
}

/* An answer that is not this parser's (another version, or damaged) is
 * never taken for the same: the pages are read. */
static void
test_foreign_answer (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const foreign[] = {
    "horizon-pages-0/0.1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "",
    ("horizon-pages-1/" PACKAGE_VERSION),   /* no pages */
  };

  f->server->mode = HT_SERVE_CASES;
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    {
      bandi_source_set_previous_answer (f->source, foreign[i]);
      fetch (f);
      g_assert_no_error (f->error);
      g_assert_false (bandi_source_get_keeps_previous_calls (f->source));
      g_assert_cmpuint (f->calls->len, ==, 11);
      g_clear_pointer (&f->calls, g_ptr_array_unref);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* As the host does it */
  horizon_type = source_test_load_module (HORIZON_MODULE_PATH);

  g_test_add_func ("/horizon/source/info", test_info);
  g_test_add_func ("/horizon/source/settings", test_settings);
#define ADD(path, func) \
  g_test_add ("/horizon/source/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("cases", test_cases);
  ADD ("three-pages", test_three_pages);
  ADD ("exact-pages", test_exact_pages);
  ADD ("window", test_window);
  ADD ("programmes", test_programmes);
  ADD ("bad-programmes", test_bad_programmes);
  ADD ("html", test_html);
  ADD ("truncated", test_truncated);
  ADD ("retry", test_retry);
  ADD ("cancel", test_cancel);
  ADD ("read-off-thread", test_read_off_thread);
  ADD ("same-answer", test_same_answer);
  ADD ("changed-page", test_changed_page);
  ADD ("foreign-answer", test_foreign_answer);
  ADD ("empty-answer", test_empty_answer);
  ADD ("short-answer", test_short_answer);
  ADD ("unreadable-answer", test_unreadable_answer);
  ADD ("warnings-after-failure", test_warnings_after_failure);
#undef ADD

  return g_test_run ();
}
