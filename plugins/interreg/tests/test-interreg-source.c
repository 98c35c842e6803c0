/* test-interreg-source.c — the interreg source against local stand-ins
 * for the programme sites
 *
 * A SoupServer on 127.0.0.1 answers each preset's path (the endpoint
 * setting points every preset at it) and the custom programmes' own
 * addresses with fixtures in each site's format, or with broken ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bandi-interreg-source.h"
#include "interreg-test-server.h"
#include "source-test-util.h"

#define ROME "Europe/Rome"
#define BXL "Europe/Brussels"
#define PARIS "Europe/Paris"

typedef struct {
  ItServer     *server;
  SoupSession  *session;
  BandiSource  *source;

  GPtrArray    *calls;
  GError       *error;
  GStrv         warnings;
} Fixture;


static void
follow (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);

  ids = g_strv_builder_end (builder);
  g_object_set (f->source, "programmes", ids, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = it_server_new ();
  f->session = bandi_http_session_new ();
  source_test_set_limits (f->session, 4 * 1024 * 1024, 1);
  f->source = g_object_new (BANDI_TYPE_INTERREG_SOURCE, NULL);
  bandi_source_set_session (f->source, f->session);
  bandi_source_set_endpoint (f->source, f->server->base);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  g_clear_error (&f->error);
  g_strfreev (f->warnings);
  g_object_unref (f->source);
  source_test_close (f->session, f->server, (GDestroyNotify) it_server_free);
}

static void
fetch (Fixture *f)
{
  g_clear_pointer (&f->calls, g_ptr_array_unref);
  g_clear_error (&f->error);
  g_clear_pointer (&f->warnings, g_strfreev);

  f->calls = source_test_fetch (f->source, NULL, &f->error);
  f->warnings = bandi_source_dup_warnings (f->source);
  for (guint i = 0; f->warnings[i] != NULL; i++)
    g_test_message ("warning: %s", f->warnings[i]);
}

static BandiCall *
find_call (Fixture    *f,
           const char *external_id)
{
  for (guint i = 0; i < f->calls->len; i++)
    {
      BandiCall *call = g_ptr_array_index (f->calls, i);

      if (g_strcmp0 (bandi_call_get_external_id (call), external_id) == 0)
        return call;
    }

  for (guint i = 0; i < f->calls->len; i++)
    g_test_message ("have %s", bandi_call_get_external_id (g_ptr_array_index (f->calls, i)));
  g_error ("No call %s", external_id);
}

static guint
count_programme (Fixture    *f,
                 const char *programme)
{
  guint n = 0;

  for (guint i = 0; i < f->calls->len; i++)
    if (g_strcmp0 (bandi_call_get_programme (g_ptr_array_index (f->calls, i)), programme) == 0)
      n++;

  return n;
}

/* @rfc3339 is the wall clock in @zone; NULL for a date-only deadline,
 * then @date is its day. */
static void
assert_deadline (BandiDeadline *deadline,
                 guint          stage,
                 const char    *label,
                 const char    *rfc3339,
                 const char    *zone,
                 const char    *date)
{
  g_autofree char *at = NULL;
  g_autofree char *day = NULL;

  g_assert_nonnull (deadline);
  g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, stage);
  g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, label);
  g_assert_cmpint (bandi_deadline_has_time (deadline), ==, rfc3339 != NULL);
  if (rfc3339 != NULL)
    {
      at = bandi_deadline_format_rfc3339 (deadline);
      g_assert_cmpstr (at, ==, rfc3339);
      g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, zone);
    }
  day = bandi_deadline_format_date (deadline);
  g_assert_cmpstr (day, ==, date);
}

static BandiDeadline *
deadline_at (BandiCall *call,
             guint      index)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);

  g_assert_cmpuint (index, <, deadlines->len);
  return g_ptr_array_index (deadlines, index);
}

static gboolean
warnings_contain (Fixture    *f,
                  const char *first,
                  const char *second)
{
  for (guint i = 0; f->warnings[i] != NULL; i++)
    if (strstr (f->warnings[i], first) != NULL && (second == NULL || strstr (f->warnings[i], second) != NULL))
      return TRUE;

  return FALSE;
}

/* Tests */

static void
test_info (void)
{
  g_autoptr(BandiSource) source = g_object_new (BANDI_TYPE_INTERREG_SOURCE, NULL);
  g_auto(GStrv) programmes = NULL;
  g_auto(GStrv) adapters = NULL;
  g_autofree char *catalogue = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "italia-svizzera", "alpine-space", "central-europe", "euro-med", "interreg-europe", NULL };
  const char *zones[] = { ROME, BXL, BXL, BXL, BXL };
  JsonArray *array;

  g_assert_cmpstr (bandi_source_get_id (source), ==, "interreg");
  g_assert_cmpstr (bandi_source_get_name (source), ==, "Interreg programmes");
  g_assert_cmpstr (bandi_source_get_settings_schema (source), ==, "io.github.bandi.Bandi.Interreg");

  g_object_get (source, "programmes", &programmes, "adapters", &adapters,
                "catalogue", &catalogue, NULL);
  g_assert_cmpstrv (programmes, ids);
  g_assert_cmpstrv (adapters, ((const char *[]) { "rss", "atom", "wordpress", "html", "ical", NULL }));

  root = json_from_string (catalogue, &error);
  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (zones));
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      JsonObject *programme = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (programme, "id"), ==, ids[i]);
      g_assert_cmpstr (json_object_get_string_member (programme, "zone"), ==, zones[i]);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (programme, "url"), "https://"));
      g_assert_true (json_object_get_boolean_member (programme, "followed"));
      g_assert_false (json_object_get_boolean_member (programme, "custom"));
    }
}

/* The host binds the schema's keys to the same-named properties. */
static void
test_settings (void)
{
  g_autoptr(BandiSource) source = g_object_new (BANDI_TYPE_INTERREG_SOURCE, NULL);
  g_autoptr(GSettings) settings = g_settings_new (bandi_source_get_settings_schema (source));
  g_auto(GStrv) defaults = g_settings_get_strv (settings, "programmes");
  g_auto(GStrv) from_source = NULL;
  g_autofree char *custom = NULL;

  g_object_get (source, "programmes", &from_source, "custom-programmes", &custom, NULL);
  g_assert_cmpstrv (defaults, from_source);
  g_assert_cmpstr (custom, ==, "[]");

  g_settings_bind (settings, "programmes", source, "programmes", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "custom-programmes", source, "custom-programmes", G_SETTINGS_BIND_DEFAULT);
  g_settings_set_strv (settings, "programmes", (const char *[]) { "euro-med", NULL });
  g_settings_set_string (settings, "custom-programmes",
                         "[{\"id\":\"mine\",\"name\":\"Mine\",\"url\":\"https://example.org/feed/\",\"adapter\":\"rss\"}]");

  g_clear_pointer (&from_source, g_strfreev);
  g_clear_pointer (&custom, g_free);
  g_object_get (source, "programmes", &from_source, "custom-programmes", &custom, NULL);
  g_assert_cmpstrv (from_source, ((const char *[]) { "euro-med", NULL }));
  g_assert_true (strstr (custom, "\"mine\"") != NULL);

  g_settings_unbind (source, "programmes");
  g_settings_unbind (source, "custom-programmes");
  g_settings_reset (settings, "programmes");
  g_settings_reset (settings, "custom-programmes");
}

/* Custom programmes in the catalogue, an id made from the name, and the
 * problems of those that cannot be used. */
static void
test_custom_catalogue (void)
{
  g_autoptr(BandiSource) source = g_object_new (BANDI_TYPE_INTERREG_SOURCE, NULL);
  g_autofree char *catalogue = NULL;
  g_auto(GStrv) problems = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *custom;

  g_object_get (source, "custom-problems", &problems, NULL);
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
  g_clear_pointer (&problems, g_strfreev);

  g_object_set (source, "custom-programmes",
                "[{\"name\":\"Interreg NEXT MED\",\"url\":\"https://www.interregnextmed.eu/calls.ics\","
                "\"adapter\":\"ical\",\"zone\":\"Europe/Rome\"},"
                "{\"name\":\"Bad\",\"url\":\"ftp://example.org/\",\"adapter\":\"rss\"},"
                "{\"id\":\"euro-med\",\"name\":\"Euro-MED again\",\"url\":\"https://example.org/\",\"adapter\":\"rss\"},"
                "{\"name\":\"Odd\",\"url\":\"https://example.org/\",\"adapter\":\"csv\"}]",
                NULL);
  g_object_get (source, "catalogue", &catalogue, "custom-problems", &problems, NULL);

  root = json_from_string (catalogue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 6);
  custom = json_array_get_object_element (json_node_get_array (root), 5);
  g_assert_cmpstr (json_object_get_string_member (custom, "id"), ==, "interreg-next-med");
  g_assert_cmpstr (json_object_get_string_member (custom, "zone"), ==, ROME);
  g_assert_true (json_object_get_boolean_member (custom, "custom"));
  g_assert_false (json_object_get_boolean_member (custom, "followed"));

  g_assert_cmpstrv (problems, ((const char *[]) {
    "Programme “bad” has no web address (http or https): “ftp://example.org/”",
    "Custom programme “euro-med” has the id of a preset",
    "Programme “odd” has an unknown adapter “csv” (known: rss, atom, wordpress, html, ical)",
    NULL }));

  g_object_set (source, "custom-programmes", "{}", NULL);
  g_clear_pointer (&problems, g_strfreev);
  g_object_get (source, "custom-problems", &problems, NULL);
  g_assert_cmpstrv (problems, ((const char *[]) { "The custom Interreg programmes are not a JSON array", NULL }));
}

/* Every preset pointed at its fixture yields its calls with their
 * deadlines at the right instant. */
static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  BandiCall *call;

  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpstrv (f->warnings, ((const char *[]) { NULL }));
  g_assert_cmpuint (it_server_hits (f->server, PATH_ITALIA_SVIZZERA), ==, 1);
  g_assert_cmpuint (it_server_hits (f->server, PATH_ALPINE_SPACE), ==, 1);
  g_assert_cmpuint (it_server_hits (f->server, PATH_CENTRAL_EUROPE), ==, 1);
  g_assert_cmpuint (it_server_hits (f->server, PATH_EURO_MED), ==, 1);
  g_assert_cmpuint (it_server_hits (f->server, PATH_INTERREG_EUROPE), ==, 1);
  g_assert_cmpuint (f->calls->len, ==, 12);

  /* Interreg VI-A Italia–Svizzera: an IBM portal page, Rome's clock */
  g_assert_cmpuint (count_programme (f, "Interreg VI-A Italia-Svizzera"), ==, 2);
  call = find_call (f, "italia-svizzera:interreg-italiasvizzera.eu/wps/portal/site/"
                       "interreg-italia-svizzera/avvisi/aperti/primo-avviso-seconda-finestra");
  g_assert_cmpstr (bandi_call_get_source_id (call), ==, "interreg");
  g_assert_cmpstr (bandi_call_get_title (call), ==,
                   "Primo Avviso per la presentazione di progetti ordinari – seconda finestra");
  g_assert_cmpstr (bandi_call_get_url (call), ==,
                   "https://www.interreg-italiasvizzera.eu/wps/portal/site/interreg-italia-svizzera/"
                   "avvisi/aperti/primo-avviso-seconda-finestra");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 1);
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2025-06-10T12:00:00+02:00", ROME, "2025-06-10");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", "2025-03-10T12:00:00+01:00", ROME, "2025-03-10");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);
  call = find_call (f, "italia-svizzera:interreg-italiasvizzera.eu/wps/portal/site/"
                       "interreg-italia-svizzera/avvisi/aperti/avviso-piccoli-progetti");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-04-16T12:00:00+02:00", ROME, "2027-04-16");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", NULL, NULL, "2027-01-15");

  /* Alpine Space: a WordPress RSS feed; news that is not a call is left out */
  g_assert_cmpuint (count_programme (f, "Interreg Alpine Space"), ==, 3);
  call = find_call (f, "alpine-space:alpine-space.eu/news/the-4th-call-for-classic-projects-is-open");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "The 4th call for classic projects is open");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 2);
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-03-04T13:00:00+01:00", BXL, "2027-03-04");
  assert_deadline (deadline_at (call, 1), 2, "Deadline", "2027-10-14T13:00:00+02:00", BXL, "2027-10-14");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", NULL, NULL, "2026-12-01");
  call = find_call (f, "alpine-space:alpine-space.eu/news/small-scale-projects-call");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 2);
  assert_deadline (deadline_at (call, 0), 1, "first cut-off date", "2027-01-15T13:00:00+01:00", BXL, "2027-01-15");
  assert_deadline (deadline_at (call, 1), 2, "second cut-off date", "2027-06-17T13:00:00+02:00", BXL, "2027-06-17");
  call = find_call (f, "alpine-space:alpine-space.eu/news/3rd-call-closed");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2025-03-14T13:00:00+01:00", BXL, "2025-03-14");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);

  /* Central Europe: call cards of a WordPress theme */
  g_assert_cmpuint (count_programme (f, "Interreg CENTRAL EUROPE"), ==, 2);
  call = find_call (f, "central-europe:interreg-central.eu/calls-for-proposals/fourth-call");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Fourth call for proposals");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-05-26T14:00:00+02:00", BXL, "2027-05-26");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", NULL, NULL, "2027-02-02");
  call = find_call (f, "central-europe:interreg-central.eu/calls-for-proposals/third-call");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2024-06-18T14:00:00+02:00", BXL, "2024-06-18");

  /* Euro-MED: WordPress pages; the call's code is its id */
  g_assert_cmpuint (count_programme (f, "Interreg Euro-MED"), ==, 2);
  call = find_call (f, "euro-med:call-4");
  g_assert_cmpstr (bandi_call_get_call_id (call), ==, "Call 4");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Call 4 – Thematic projects");
  g_assert_cmpstr (bandi_call_get_url (call), ==, "https://interreg-euro-med.eu/en/call-4-thematic-projects/");
  /* "CET" names the Brussels clock, in summer time by 31 March */
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-03-31T13:00:00+02:00", BXL, "2027-03-31");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", NULL, NULL, "2027-01-12");
  call = find_call (f, "euro-med:call-3");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2024-12-17T13:00:00+01:00", BXL, "2024-12-17");

  /* Interreg Europe: sentences of one page, each call without a page of its own */
  g_assert_cmpuint (count_programme (f, "Interreg Europe"), ==, 3);
  call = find_call (f, "interreg-europe:fifth-call");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "The fifth call for project proposals");
  g_assert_cmpstr (bandi_call_get_url (call), ==, "https://www.interregeurope.eu/next-call-for-projects");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-06-01T12:00:00+02:00", PARIS, "2027-06-01");
  assert_deadline (bandi_call_get_opening (call), 0, "Opening", NULL, NULL, "2027-03-02");
  call = find_call (f, "interreg-europe:fourth-call");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2024-06-07T12:00:00+02:00", PARIS, "2024-06-07");
  call = find_call (f, "interreg-europe:third-call");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2023-06-09T12:00:00+02:00", PARIS, "2023-06-09");
}

/* The same pages give the same ids: a second sync updates, not duplicates. */
static void
test_stable_ids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;

  fetch (f);
  g_assert_no_error (f->error);
  first = g_steal_pointer (&f->calls);

  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      const char *id = bandi_call_get_external_id (g_ptr_array_index (first, i));

      g_assert_true (g_str_has_prefix (id, "italia-svizzera:") || g_str_has_prefix (id, "alpine-space:") ||
                     g_str_has_prefix (id, "central-europe:") || g_str_has_prefix (id, "euro-med:") ||
                     g_str_has_prefix (id, "interreg-europe:"));
      g_assert_nonnull (find_call (f, id));
    }
}

/* One programme failing leaves the others' calls and names the programme. */
static void
test_one_fails (Fixture       *f,
                gconstpointer  data)
{
  it_server_route (f->server, PATH_CENTRAL_EUROPE, FAIL_500);
  it_server_route (f->server, PATH_ALPINE_SPACE, "alpine-space-invalid.xml");

  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 12 - 2 - 3);
  g_assert_cmpuint (count_programme (f, "Interreg CENTRAL EUROPE"), ==, 0);
  g_assert_cmpuint (count_programme (f, "Interreg Alpine Space"), ==, 0);
  g_assert_cmpuint (count_programme (f, "Interreg Euro-MED"), ==, 2);
  g_assert_true (warnings_contain (f, "Interreg CENTRAL EUROPE: ", "500"));
  g_assert_true (warnings_contain (f, "Interreg Alpine Space: ", "not valid XML"));
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 2);
}

/* Every programme failing fails the fetch, naming each. */
static void
test_all_fail (Fixture       *f,
               gconstpointer  data)
{
  follow (f, "alpine-space", "euro-med", NULL);
  it_server_route (f->server, PATH_ALPINE_SPACE, "alpine-space-invalid.xml");
  it_server_route (f->server, PATH_EURO_MED, "wordpress-error.json");

  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED);
  g_assert_nonnull (strstr (f->error->message, "Interreg Alpine Space: the feed is not valid XML"));
  g_assert_nonnull (strstr (f->error->message,
                            "Interreg Euro-MED: WordPress answered with an error: "
                            "No route was found matching the URL and request method. (rest_no_route)"));
}

/* An html page whose structure changed is an error, not "no calls". */
static void
test_changed_structure (Fixture       *f,
                        gconstpointer  data)
{
  const struct { const char *id, *path, *file, *name; } cases[] = {
    { "italia-svizzera", PATH_ITALIA_SVIZZERA, "italia-svizzera-changed.html", "Interreg VI-A Italia-Svizzera" },
    { "central-europe", PATH_CENTRAL_EUROPE, "central-europe-changed.html", "Interreg CENTRAL EUROPE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      follow (f, cases[i].id, NULL);
      it_server_route (f->server, cases[i].path, cases[i].file);

      fetch (f);
      g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND);
      g_assert_true (g_str_has_prefix (f->error->message, cases[i].name));
      g_assert_nonnull (strstr (f->error->message, "no call found"));
      g_assert_nonnull (strstr (f->error->message, "has the page changed?"));
    }

  /* Among other programmes it is a warning, and the rest still come. */
  follow (f, "italia-svizzera", "euro-med", NULL);
  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_true (warnings_contain (f, "Interreg VI-A Italia-Svizzera: no call found", NULL));
}

/* Each adapter given what it cannot read fails that programme with a
 * message that says what and shows the start of the answer. */
static void
test_broken_answers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *custom = NULL;
  const struct { const char *id, *path, *file, *name, *message; } cases[] = {
    { "alpine-space", PATH_ALPINE_SPACE, "central-europe-calls.html",
      "Interreg Alpine Space: ", "not an RSS or Atom feed (it starts with <html>)" },
    { "euro-med", PATH_EURO_MED, "central-europe-calls.html",
      "Interreg Euro-MED: ", "the answer is not JSON" },
    { "euro-med", PATH_EURO_MED, "custom-calendar.ics",
      "Interreg Euro-MED: ", "the answer is not JSON" },
    { "bayern-oesterreich", "/custom/feed.atom", "alpine-space-invalid.xml",
      "Interreg Bayern-Österreich: ", "the feed is not valid XML" },
    { "next-med", "/custom/calls.ics", "central-europe-calls.html",
      "Interreg NEXT MED: ", "not an iCalendar feed" },
    { "italia-svizzera", PATH_ITALIA_SVIZZERA, "euro-med-pages.json",
      "Interreg VI-A Italia-Svizzera: ", "no call found" },
  };

  custom = g_strdup_printf ("[{\"id\":\"bayern-oesterreich\",\"name\":\"Interreg Bayern-Österreich\","
                            "\"url\":\"%s/custom/feed.atom\",\"adapter\":\"atom\"},"
                            "{\"id\":\"next-med\",\"name\":\"Interreg NEXT MED\","
                            "\"url\":\"%s/custom/calls.ics\",\"adapter\":\"ical\"}]",
                            f->server->base, f->server->base);
  g_object_set (f->source, "custom-programmes", custom, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s serving %s", cases[i].id, cases[i].file);
      follow (f, cases[i].id, NULL);
      it_server_route (f->server, cases[i].path, cases[i].file);

      fetch (f);
      g_assert_nonnull (f->error);
      g_assert_true (f->error->domain == BANDI_SOURCE_ERROR);
      g_assert_true (g_str_has_prefix (f->error->message, cases[i].name));
      g_assert_nonnull (strstr (f->error->message, cases[i].message));
    }

  /* A page whose calls are found but not their deadlines says so. */
  follow (f, "central-europe", NULL);
  it_server_route (f->server, PATH_CENTRAL_EUROPE, "central-europe-no-deadline.html");
  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 2);
  for (guint i = 0; i < f->calls->len; i++)
    g_assert_cmpuint (bandi_call_get_deadlines (g_ptr_array_index (f->calls, i))->len, ==, 0);
  g_assert_true (warnings_contain (f, "Interreg CENTRAL EUROPE: no deadline found", "has the page changed?"));
}

/* Writes @head, @opening × @n, @closing × @n and @tail to a file of the
 * test's own; returns its path. */
static char *
write_nested (const char *name,
              const char *head,
              const char *opening,
              const char *closing,
              const char *tail,
              guint       n)
{
  g_autoptr(GString) s = g_string_new (head);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, opening);
  for (guint i = 0; i < n; i++)
    g_string_append (s, closing);
  g_string_append (s, tail);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);

  return path;
}

#define CALENDAR_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
#define CALENDAR_TAIL "END:VCALENDAR\r\n"

/* Answers nested deeper than their parser's stack allows (JSON for
 * json-glib, BEGIN: components for libical, which crashed on both) are
 * refused unread. */
static void
test_deep_answers (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *custom = g_strdup_printf ("[{\"id\":\"next-med\",\"name\":\"Interreg NEXT MED\","
                                             "\"url\":\"%s/custom/calls.ics\",\"adapter\":\"ical\"}]",
                                             f->server->base);
  g_autofree char *json = write_nested ("deep.json", "", "[", "]", "", 300000);
  g_autofree char *ics = write_nested ("deep.ics", CALENDAR_HEAD, "BEGIN:VEVENT\r\n", "END:VEVENT\r\n",
                                       CALENDAR_TAIL, 400000);
  /* A line folded inside its name is still a BEGIN */
  g_autofree char *folded = write_nested ("folded.ics", CALENDAR_HEAD, "BE\r\n GIN:VEVENT\r\n",
                                          "END:VEVENT\r\n", CALENDAR_TAIL, 64);

  BandiHttpLimits limits;

  /* The calendar is 10 MB, as the app allows (not this fixture's 4 MB) */
  bandi_http_session_get_limits (f->session, &limits);
  limits.max_body_size = 64 * 1024 * 1024;
  bandi_http_session_set_limits (f->session, &limits);

  follow (f, "euro-med", NULL);
  it_server_route (f->server, PATH_EURO_MED, json);
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (f->error->message,
                                   "Interreg Euro-MED: the answer is JSON nested 300000 levels deep; refused (HTTP 200"));

  g_object_set (f->source, "custom-programmes", custom, NULL);
  follow (f, "next-med", NULL);
  it_server_route (f->server, "/custom/calls.ics", ics);
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (f->error->message, "Interreg NEXT MED: the iCalendar feed nests components "
                                   "400001 levels deep; refused (HTTP 200"));

  it_server_route (f->server, "/custom/calls.ics", folded);
  fetch (f);
  g_assert_error (f->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (f->error->message, "Interreg NEXT MED: the iCalendar feed nests components "
                                   "65 levels deep; refused (HTTP 200"));
}

/* A date the parser does not understand is reported, and the call keeps
 * no deadline rather than a guessed one. */
static void
test_unknown_date (Fixture       *f,
                   gconstpointer  data)
{
  BandiCall *call;

  follow (f, "italia-svizzera", "alpine-space", NULL);
  it_server_route (f->server, PATH_ITALIA_SVIZZERA, "italia-svizzera-avvisi-unknown-date.html");
  it_server_route (f->server, PATH_ALPINE_SPACE, "alpine-space-unknown-date.xml");

  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 5);

  call = find_call (f, "italia-svizzera:interreg-italiasvizzera.eu/wps/portal/site/"
                       "interreg-italia-svizzera/avvisi/aperti/avviso-piccoli-progetti");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 0);
  g_assert_true (warnings_contain (f, "Interreg VI-A Italia-Svizzera: “Avviso per la presentazione di piccoli progetti",
                                   "fine aprile 2027"));

  /* The feed's misspelt month is not read as a date; the later cut-off is. */
  call = find_call (f, "alpine-space:alpine-space.eu/news/small-scale-projects-call");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 1);
  assert_deadline (deadline_at (call, 0), 2, "second cut-off date", "2027-06-17T13:00:00+02:00", BXL, "2027-06-17");
  g_assert_true (warnings_contain (f, "Interreg Alpine Space: “Small-scale projects: call with cut-off dates”",
                                   "15 Janaury 2027"));
  g_assert_cmpuint (g_strv_length (f->warnings), ==, 2);
}

/* Custom programmes: the atom and ical adapters with the defaults' rules,
 * fetched at their own address. */
static void
test_custom (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *custom = NULL;
  BandiCall *call;

  it_server_route (f->server, "/custom/feed.atom", "custom-atom.xml");
  it_server_route (f->server, "/custom/calls.ics", "custom-calendar.ics");
  custom = g_strdup_printf ("[{\"id\":\"bayern-oesterreich\",\"name\":\"Interreg Bayern-Österreich\","
                            "\"url\":\"%s/custom/feed.atom\",\"adapter\":\"atom\"},"
                            "{\"id\":\"next-med\",\"name\":\"Interreg NEXT MED\","
                            "\"url\":\"%s/custom/calls.ics\",\"adapter\":\"ical\"},"
                            "{\"id\":\"broken\",\"name\":\"Broken\",\"url\":\"ftp://example.org/\",\"adapter\":\"rss\"}]",
                            f->server->base, f->server->base);
  g_object_set (f->source, "custom-programmes", custom, NULL);
  follow (f, "bayern-oesterreich", "next-med", NULL);
  /* The endpoint rewrites the presets only. */
  bandi_source_set_endpoint (f->source, "http://127.0.0.1:1");

  fetch (f);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->calls->len, ==, 2);
  g_assert_cmpuint (it_server_hits (f->server, "/custom/feed.atom"), ==, 1);
  g_assert_cmpuint (it_server_hits (f->server, "/custom/calls.ics"), ==, 1);
  /* the unusable one is reported, not fetched */
  g_assert_true (warnings_contain (f, "“broken”", "ftp://example.org/"));

  call = find_call (f, "bayern-oesterreich:interreg-bayaut.net/aktuelles/aufruf-kleinprojekte-2027");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "Interreg Bayern-Österreich");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Aufruf zur Einreichung von Kleinprojekten 2027");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-03-10T13:00:00+01:00", BXL, "2027-03-10");

  call = find_call (f, "next-med:call-2-deadline@interregnextmed.eu");
  g_assert_cmpstr (bandi_call_get_url (call), ==, "https://www.interregnextmed.eu/calls/second-call/");
  assert_deadline (deadline_at (call, 0), 1, "Deadline", "2027-04-15T14:00:00+02:00", ROME, "2027-04-15");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/interreg/source/info", test_info);
  g_test_add_func ("/interreg/source/settings", test_settings);
  g_test_add_func ("/interreg/source/custom-catalogue", test_custom_catalogue);

#define ADD(path, func) g_test_add ("/interreg/source/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("presets", test_presets);
  ADD ("stable-ids", test_stable_ids);
  ADD ("one-fails", test_one_fails);
  ADD ("all-fail", test_all_fail);
  ADD ("changed-structure", test_changed_structure);
  ADD ("broken-answers", test_broken_answers);
  ADD ("deep-answers", test_deep_answers);
  ADD ("unknown-date", test_unknown_date);
  ADD ("custom", test_custom);
#undef ADD

  return g_test_run ();
}
