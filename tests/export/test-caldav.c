/* test-caldav.c — publishing to a real CalDAV server (Radicale)
 *
 * Each test starts Radicale on 127.0.0.1 with its storage in the test's
 * own directory, publishes the store's deadlines with BandiCaldavPublisher,
 * counts the requests the publisher's session really sent, and reads the
 * calendar back with python3-caldav (a REPORT) to check every event's UID
 * and instant. The instants expected are written out in UTC here, not
 * taken from the code under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-caldav-publisher.h"
#include "bandi-http.h"
#include "bandi-ical-scope.h"
#include "export-fixtures.h"
#include "radicale.h"

#define A_ID "HORIZON-CL5-2024-D2-01-03"
#define B_ID "HORIZON-CL6-2024-FARM2FORK-01-03"
#define C_ID "RLO12026055023"
#define USER "officer"
#define PASSWORD "s3cret:with;odd\\chars"
#define FOREIGN_ICS \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\n" \
  "BEGIN:VEVENT\r\nUID:someone-else@example.org\r\nDTSTAMP:20240101T000000Z\r\n" \
  "DTSTART:20240301T090000Z\r\nSUMMARY:Team meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

typedef struct {
  Radicale   *radicale;
  char       *calendar_url;
  BandiStore *store;
  const char *user;
  const char *password;
  GPtrArray  *writes;  /* "PUT If-None-Match", "PUT If-Match", "DELETE If-Match" */
  gint64      now;     /* the scope's "now": what is closed */
} Fixture;

static BandiCall *
call_b (void)
{
  BandiCall *call = bandi_call_new ();
  g_autoptr(BandiDeadline) deadline =
    bandi_deadline_new_local (1, NULL, 2024, 9, 17, 17, 0, 0, "Europe/Brussels");

  bandi_call_set_source_id (call, "horizon");
  bandi_call_set_external_id (call, B_ID);
  bandi_call_set_title (call, "Agroecology living labs");
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, -1);
  bandi_call_add_deadline (call, deadline);

  return call;
}

/* A with its first stage moved from 18 to 25 April. */
static BandiCall *
call_a_moved (void)
{
  BandiCall *call = fixture_horizon_call (A_ID, "Energy communities");
  g_autoptr(BandiDeadline) stage1 =
    bandi_deadline_new_local (1, NULL, 2024, 4, 25, 17, 0, 0, "Europe/Brussels");
  g_autoptr(BandiDeadline) stage2 =
    bandi_deadline_new_local (2, NULL, 2025, 1, 16, 17, 0, 0, "Europe/Brussels");

  bandi_call_clear_deadlines (call);
  bandi_call_add_deadline (call, stage1);
  bandi_call_add_deadline (call, stage2);

  return call;
}

static void
merge (Fixture    *fixture,
       const char *source_id,
       GPtrArray  *calls)
{
  g_autoptr(GError) error = NULL;
  BandiMergeStats stats;

  bandi_store_merge_calls (fixture->store, source_id, calls, fixture_utc (2024, 2, 1, 8, 0), &stats, &error);
  g_assert_no_error (error);
}

static void
fill_store (Fixture *fixture)
{
  g_autoptr(GPtrArray) horizon = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lombardia = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (horizon, fixture_horizon_call (A_ID, "Energy communities"));
  g_ptr_array_add (horizon, call_b ());
  g_ptr_array_add (lombardia, fixture_lombardia_call ());
  merge (fixture, "horizon", horizon);
  merge (fixture, "lombardia", lombardia);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_auth = GPOINTER_TO_INT (data);
  const char *dir = g_get_user_cache_dir ();
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "bandi.db", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  fixture->user = with_auth ? USER : NULL;
  fixture->password = with_auth ? PASSWORD : NULL;
  fixture->radicale = radicale_start (dir, fixture->user, fixture->password);
  fixture->calendar_url = radicale_make_calendar (fixture->radicale, "bandi/deadlines/",
                                                  fixture->user, fixture->password);
  fixture->store = bandi_store_open (db, &error);
  g_assert_no_error (error);
  fixture->writes = g_ptr_array_new_with_free_func (g_free);
  fixture->now = fixture_utc (2024, 2, 1, 8, 0);
  fill_store (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  radicale_stop (fixture->radicale);
  g_free (fixture->calendar_url);
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->writes);
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *msg,
                   Fixture     *fixture)
{
  const char *method = soup_message_get_method (msg);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (strcmp (method, "PUT") != 0 && strcmp (method, "DELETE") != 0)
    return;
  g_ptr_array_add (fixture->writes,
                   g_strdup_printf ("%s%s%s", method,
                                    soup_message_headers_get_one (headers, "If-None-Match") ? " If-None-Match" : "",
                                    soup_message_headers_get_one (headers, "If-Match") ? " If-Match" : ""));
}

/* Publishes the whole store as `bandi-cli publish` does: a new export and
 * a new publisher each time, so only the store remembers. */
static BandiCaldavReport *
publish_full (Fixture     *fixture,
              const char  *url,
              const char  *password,
              gboolean     dry_run,
              GError     **error)
{
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(BandiCaldavPublisher) publisher = NULL;
  BandiIcalScope scope = { NULL, };

  scope.now_unix = fixture->now;
  g_assert_true (bandi_ical_scope_fill (export, fixture->store, &scope, NULL));
  publisher = bandi_caldav_publisher_new (fixture->store, url, fixture->user, password);
  g_signal_connect (bandi_caldav_publisher_get_session (publisher), "request-queued",
                    G_CALLBACK (request_queued_cb), fixture);
  g_ptr_array_set_size (fixture->writes, 0);

  return fixture_publish (publisher, export, dry_run, error);
}

static BandiCaldavReport *
publish (Fixture  *fixture,
         gboolean  dry_run)
{
  g_autoptr(GError) error = NULL;
  BandiCaldavReport *report = publish_full (fixture, fixture->calendar_url, fixture->password,
                                            dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_report (BandiCaldavReport *report,
               guint              created,
               guint              updated,
               guint              deleted,
               guint              unchanged,
               guint              failed)
{
  for (guint i = 0; i < report->failures->len; i++)
    {
      BandiCaldavFailure *failure = g_ptr_array_index (report->failures, i);

      g_test_message ("failed: %s: %s", failure->resource, failure->message);
    }
  g_assert_cmpuint (report->n_created, ==, created);
  g_assert_cmpuint (report->n_updated, ==, updated);
  g_assert_cmpuint (report->n_deleted, ==, deleted);
  g_assert_cmpuint (report->n_unchanged, ==, unchanged);
  g_assert_cmpuint (report->failures->len, ==, failed);
}

static void
assert_writes (Fixture    *fixture,
               guint       n,
               const char *each)
{
  g_assert_cmpuint (fixture->writes->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->writes, i), ==, each);
}

/* The calendar as python3-caldav reads it: uid → item. */
static GHashTable *
read_back (Fixture *fixture)
{
  g_autoptr(JsonObject) root = radicale_read_back (fixture->calendar_url, fixture->user, fixture->password);
  JsonArray *items = json_object_get_array_member (root, "items");
  GHashTable *by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) json_object_unref);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_false (g_hash_table_contains (by_uid, json_object_get_string_member (item, "uid")));
      g_hash_table_insert (by_uid, g_strdup (json_object_get_string_member (item, "uid")),
                           json_object_ref (item));
    }

  return by_uid;
}

static JsonObject *
deadline_item (GHashTable *calendar,
               const char *source,
               const char *external_id,
               guint       stage)
{
  g_autofree char *uid = bandi_ical_deadline_uid (source, external_id, stage);

  return g_hash_table_lookup (calendar, uid);
}

static void
assert_timed (GHashTable *calendar,
              const char *external_id,
              guint       stage,
              gint64      unix_time,
              gint64      sequence)
{
  JsonObject *item = deadline_item (calendar, "horizon", external_id, stage);
  JsonObject *start;

  g_assert_nonnull (item);
  start = json_object_get_object_member (item, "start");
  g_assert_cmpint (json_object_get_int_member (start, "unix"), ==, unix_time);
  g_assert_cmpstr (json_object_get_string_member (start, "tzid"), ==, "Europe/Brussels");
  g_assert_cmpint (json_object_get_int_member (item, "sequence"), ==, sequence);
}

static void
assert_regional (GHashTable *calendar)
{
  JsonObject *item = deadline_item (calendar, "lombardia", C_ID, 1);

  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "start"), "date"),
                   ==, "2026-09-07");
}

static void
test_publish_cycle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BandiCaldavReport) first = NULL;
  g_autoptr(BandiCaldavReport) again = NULL;
  g_autoptr(BandiCaldavReport) dry = NULL;
  g_autoptr(BandiCaldavReport) moved = NULL;
  g_autoptr(BandiCaldavReport) withdrawn = NULL;
  g_autoptr(GHashTable) calendar = NULL;
  g_autoptr(GPtrArray) horizon = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *foreign_url = g_strconcat (fixture->calendar_url, "someone-else.ics", NULL);

  /* Someone else's event, which publishing must leave alone. */
  g_assert_cmpuint (radicale_request ("PUT", foreign_url, NULL, NULL, "text/calendar", FOREIGN_ICS),
                    ==, 201);

  /* First publication: four new resources, each created only if absent. */
  first = publish (fixture, FALSE);
  assert_report (first, 4, 0, 0, 0, 0);
  assert_writes (fixture, 4, "PUT If-None-Match");

  calendar = read_back (fixture);
  g_assert_cmpuint (g_hash_table_size (calendar), ==, 5);
  /* 17:00 Brussels: 15:00 UTC in summer, 16:00 UTC in winter. */
  assert_timed (calendar, A_ID, 1, fixture_utc (2024, 4, 18, 15, 0), 0);
  assert_timed (calendar, A_ID, 2, fixture_utc (2025, 1, 16, 16, 0), 0);
  assert_timed (calendar, B_ID, 1, fixture_utc (2024, 9, 17, 15, 0), 0);
  assert_regional (calendar);
  g_clear_pointer (&calendar, g_hash_table_unref);

  /* Nothing changed: nothing written. */
  again = publish (fixture, FALSE);
  assert_report (again, 0, 0, 0, 4, 0);
  assert_writes (fixture, 0, NULL);

  /* A deadline moves: a dry run tells, writes nothing; then one update,
   * conditional on the ETag. */
  g_ptr_array_add (horizon, call_a_moved ());
  g_ptr_array_add (horizon, call_b ());
  merge (fixture, "horizon", horizon);

  dry = publish (fixture, TRUE);
  g_assert_true (dry->dry_run);
  assert_report (dry, 0, 1, 0, 3, 0);
  assert_writes (fixture, 0, NULL);

  moved = publish (fixture, FALSE);
  assert_report (moved, 0, 1, 0, 3, 0);
  assert_writes (fixture, 1, "PUT If-Match");

  calendar = read_back (fixture);
  g_assert_cmpuint (g_hash_table_size (calendar), ==, 5);
  assert_timed (calendar, A_ID, 1, fixture_utc (2024, 4, 25, 15, 0), 1);
  assert_timed (calendar, A_ID, 2, fixture_utc (2025, 1, 16, 16, 0), 0);
  g_clear_pointer (&calendar, g_hash_table_unref);

  /* B is withdrawn: one deletion; someone else's event stays. */
  g_ptr_array_remove_index (horizon, 1);
  merge (fixture, "horizon", horizon);

  withdrawn = publish (fixture, FALSE);
  assert_report (withdrawn, 0, 0, 1, 3, 0);
  assert_writes (fixture, 1, "DELETE If-Match");

  calendar = read_back (fixture);
  g_assert_cmpuint (g_hash_table_size (calendar), ==, 4);
  g_assert_null (deadline_item (calendar, "horizon", B_ID, 1));
  g_assert_true (g_hash_table_contains (calendar, "someone-else@example.org"));
  assert_timed (calendar, A_ID, 1, fixture_utc (2024, 4, 25, 15, 0), 1);
  assert_regional (calendar);
}

/* A call that closes leaves the default scope, but its event stays in the
 * calendar: nothing is written or deleted for it. Withdrawn, it goes. */
static void
test_closed_call_stays (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BandiCaldavReport) first = NULL;
  g_autoptr(BandiCaldavReport) closed = NULL;
  g_autoptr(BandiCaldavReport) withdrawn = NULL;
  g_autoptr(GHashTable) calendar = NULL;
  g_autoptr(GPtrArray) horizon = g_ptr_array_new_with_free_func (g_object_unref);

  first = publish (fixture, FALSE);
  assert_report (first, 4, 0, 0, 0, 0);

  /* 1 October 2024: B (17 September) has closed; A's second stage (January
   * 2025) and the regional call are still ahead. */
  fixture->now = fixture_utc (2024, 10, 1, 8, 0);
  closed = publish (fixture, FALSE);
  assert_report (closed, 0, 0, 0, 4, 0);
  assert_writes (fixture, 0, NULL);
  calendar = read_back (fixture);
  g_assert_cmpuint (g_hash_table_size (calendar), ==, 4);
  assert_timed (calendar, B_ID, 1, fixture_utc (2024, 9, 17, 15, 0), 0);
  g_clear_pointer (&calendar, g_hash_table_unref);

  g_ptr_array_add (horizon, fixture_horizon_call (A_ID, "Energy communities"));
  merge (fixture, "horizon", horizon);
  withdrawn = publish (fixture, FALSE);
  assert_report (withdrawn, 0, 0, 1, 3, 0);
  assert_writes (fixture, 1, "DELETE If-Match");
  calendar = read_back (fixture);
  g_assert_null (deadline_item (calendar, "horizon", B_ID, 1));
}

/* An empty answer, merged as a sync merges it, is suspect: publishing
 * afterwards deletes nothing from the team's calendar. (On the code before,
 * that merge withdrew every call of the source and the publication deleted
 * their events.) */
static void
test_suspect_sync_deletes_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(BandiCaldavReport) first = NULL;
  g_autoptr(BandiCaldavReport) after = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  BandiAnswerCheck check = { 0, };
  BandiMergeStats stats;

  first = publish (fixture, FALSE);
  assert_report (first, 4, 0, 0, 0, 0);

  g_assert_true (bandi_store_merge_answer (fixture->store, "horizon", none, NULL, 0, &check,
                                           fixture_utc (2024, 2, 2, 8, 0), &stats, &error));
  g_assert_no_error (error);
  g_assert_true (stats.suspect);

  after = publish (fixture, FALSE);
  assert_report (after, 0, 0, 0, 4, 0);
  assert_writes (fixture, 0, NULL);
}

/* An event the server refuses is reported by name; the others go on, and
 * it is tried again next time. */
static void
test_publish_failure (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *b_uid = bandi_ical_deadline_uid ("horizon", B_ID, 1);
  g_autofree char *squatter_url = g_strconcat (fixture->calendar_url, "squatter.ics", NULL);
  g_autofree char *squatter = g_strdup_printf (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\n"
    "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20240101T000000Z\r\n"
    "DTSTART:20240301T090000Z\r\nSUMMARY:Squatter\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", b_uid);
  g_autoptr(BandiCaldavReport) first = NULL;
  g_autoptr(BandiCaldavReport) again = NULL;
  g_autofree char *b_resource = g_strconcat (b_uid, ".ics", NULL);
  BandiCaldavFailure *failure;

  /* Radicale refuses a second resource with the same UID (409). */
  g_assert_cmpuint (radicale_request ("PUT", squatter_url, NULL, NULL, "text/calendar", squatter), ==, 201);

  first = publish (fixture, FALSE);
  assert_report (first, 3, 0, 0, 0, 1);
  failure = g_ptr_array_index (first->failures, 0);
  g_assert_cmpstr (failure->resource, ==, b_resource);
  g_assert_nonnull (strstr (failure->summary, B_ID));
  g_assert_nonnull (strstr (failure->message, "409"));

  again = publish (fixture, FALSE);
  assert_report (again, 0, 0, 0, 3, 1);
  assert_writes (fixture, 1, "PUT If-None-Match");
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCaldavReport) refused = NULL;
  g_autoptr(BandiCaldavReport) accepted = NULL;
  g_autoptr(GHashTable) calendar = NULL;

  refused = publish_full (fixture, fixture->calendar_url, "not the password", FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "401"));
  g_assert_null (strstr (error->message, "not the password"));
  assert_writes (fixture, 0, NULL);

  accepted = publish (fixture, FALSE);
  assert_report (accepted, 4, 0, 0, 0, 0);
  calendar = read_back (fixture);
  g_assert_cmpuint (g_hash_table_size (calendar), ==, 4);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCaldavReport) report = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/bandi/deadlines/", radicale_free_port ());

  report = publish_full (fixture, url, NULL, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "reach"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/caldav/publish-cycle", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_publish_cycle, fixture_tear_down);
  g_test_add ("/caldav/closed-call-stays", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_closed_call_stays, fixture_tear_down);
  g_test_add ("/caldav/suspect-sync-deletes-nothing", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_suspect_sync_deletes_nothing, fixture_tear_down);
  g_test_add ("/caldav/failure-report", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_publish_failure, fixture_tear_down);
  g_test_add ("/caldav/wrong-password", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_wrong_password, fixture_tear_down);
  g_test_add ("/caldav/unreachable", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_unreachable, fixture_tear_down);

  return g_test_run ();
}
