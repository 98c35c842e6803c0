/* test-horizon-parser.c — reading the Funding & Tenders Portal's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-horizon-parser.h"

/* 23 November 2026, 12:00 UTC */
#define NOW_2026 G_GINT64_CONSTANT (1795435200)

static gint64
unix_utc (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (dt);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (HORIZON_TEST_DATA, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

typedef struct {
  GPtrArray *calls;
  GPtrArray *warnings;
  gint64     total;
  guint      n_results;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->calls, g_ptr_array_unref);
  g_clear_pointer (&parsed->warnings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static void
parse_pages (Parsed      *parsed,
             gint64       now_unix,
             const char  *fixture,
             guint        n_times)
{
  g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", now_unix);
  g_autoptr(GBytes) body = load_fixture (fixture);

  parsed->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_times; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = bandi_horizon_collector_add_page (collector, body, &parsed->total, &parsed->n_results,
                                             parsed->warnings, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  parsed->calls = bandi_horizon_collector_steal_calls (collector);
  g_assert_cmpuint (bandi_horizon_collector_get_n_calls (collector), ==, 0);
}

static BandiCall *
find_call (Parsed     *parsed,
           const char *id)
{
  for (guint i = 0; i < parsed->calls->len; i++)
    {
      BandiCall *call = g_ptr_array_index (parsed->calls, i);

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
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  BandiDeadline *deadline;
  g_autofree char *at = NULL;

  g_assert_cmpuint (index, <, deadlines->len);
  deadline = g_ptr_array_index (deadlines, index);
  at = bandi_deadline_format_rfc3339 (deadline);

  g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, stage);
  g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, label);
  g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, "Europe/Brussels");
  g_assert_cmpstr (at, ==, rfc3339);
}

/* Dates: the API's wall clock, read as UTC, is Brussels time. */
static void
test_dates (void)
{
  const struct {
    const char *text;
    const char *rfc3339;   /* NULL: date-only */
    const char *date;
  } cases[] = {
    /* The domain's examples: summer and winter time */
    { "2024-04-18T19:00:00.000+0200", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2025-01-22T18:00:00.000+0100", "2025-01-22T17:00:00+01:00", "2025-01-22" },
    /* Offsets with a colon, without milliseconds, hours only, Z, none */
    { "2024-04-18T19:00:00+02:00", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18T19:00:00.5+02", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18T17:00:00Z", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18T17:00:00.000Z", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18T17:00:00", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18 17:00", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    { "2024-04-18T12:00:00.000-0500", "2024-04-18T17:00:00+02:00", "2024-04-18" },
    /* Across midnight and the year */
    { "2024-04-19T01:00:00.000+0200", "2024-04-18T23:00:00+02:00", "2024-04-18" },
    { "2025-01-01T00:30:00.000+0100", "2024-12-31T23:30:00+01:00", "2024-12-31" },
    /* Plain dates stay dates */
    { "2024-04-18", NULL, "2024-04-18" },
    { " 18 April 2024 ", NULL, "2024-04-18" },
    { "2 Sep 2027", NULL, "2027-09-02" },
  };
  const char *bad[] = {
    "", "soon", "2024-13-01T00:00:00Z", "2024-02-30T17:00:00Z", "2024-04-18T25:00:00Z",
    "2024-04-18T17:00:00+2", "2024-04-18T17:00:00.000+0200 junk", "2024-04-18X",
    "18 Smarch 2024", "32 April 2024", "2024-4-18", "2024-04-18T17", "2024-04-18T17:00:00+0260",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BandiDeadline) deadline = bandi_horizon_deadline_new (2, "Stage 2", cases[i].text);
      g_autofree char *at = NULL;
      g_autofree char *date = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (deadline);
      at = bandi_deadline_format_rfc3339 (deadline);
      date = bandi_deadline_format_date (deadline);
      g_assert_cmpstr (at, ==, cases[i].rfc3339);
      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_cmpuint (bandi_deadline_get_stage (deadline), ==, 2);
      g_assert_cmpstr (bandi_deadline_get_label (deadline), ==, "Stage 2");
      g_assert_true (bandi_deadline_has_time (deadline) == (cases[i].rfc3339 != NULL));
      if (cases[i].rfc3339 != NULL)
        g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, "Europe/Brussels");
    }

  /* The instant itself: 17:00 in Brussels is 15:00 UTC in summer, 16:00 in winter. */
  {
    g_autoptr(BandiDeadline) summer = bandi_horizon_deadline_new (1, NULL, "2024-04-18T19:00:00.000+0200");
    g_autoptr(BandiDeadline) winter = bandi_horizon_deadline_new (1, NULL, "2025-01-22T18:00:00.000+0100");

    g_assert_cmpint (bandi_deadline_to_unix (summer), ==, unix_utc (2024, 4, 18, 15));
    g_assert_cmpint (bandi_deadline_to_unix (winter), ==, unix_utc (2025, 1, 22, 16));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: “%s”", bad[i]);
      g_assert_null (bandi_horizon_deadline_new (1, NULL, bad[i]));
    }
  g_assert_null (bandi_horizon_deadline_new (1, NULL, NULL));
}

static void
test_programmes (void)
{
  const struct { const char *code, *name; } names[] = {
    { "43108390", "Horizon Europe" },
    { "43152860", "Digital Europe" },
    { "43252405", "LIFE" },
    { "43252476", "Single Market Programme" },
    { "43332642", "EU4Health" },
    { "43353764", "Erasmus+" },
    { "43251567", "Connecting Europe Facility" },
    { "44181033", "European Defence Fund" },
    { "43251589", "Citizens, Equality, Rights and Values" },
    { "43298916", "Euratom" },
    { "31045243", "Horizon 2020" },
    { "12345678", NULL },
    { NULL, NULL },
  };
  const struct { const char *id, *part; } parts[] = {
    { "HORIZON-CL5-2024-D2-01-03", "CL5" },
    { "HORIZON-cl6-2027-FARM2FORK-01-03-two-stage", "CL6" },
    { "HORIZON-MISS-2027-CIT-01-01", "MISS" },
    { "ERASMUS-EDU-2027-PI-ALL-INNO", "EDU" },
    { "DIGITAL-2027-AI-09-GENAI", NULL },
    { "EU4H-2027-PJ-03", NULL },
    { "HORIZON", NULL },
    { "HORIZON--2027", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (bandi_horizon_programme_name (names[i].code), ==, names[i].name);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = bandi_horizon_programme_part (parts[i].id);
      g_assert_cmpstr (part, ==, parts[i].part);
    }
}

/* Every field of every kind of topic in the fixture page. */
static void
test_page (void)
{
  g_auto(Parsed) parsed = { 0 };
  BandiCall *call;
  const char * const *keywords;
  const char *description;
  gboolean warned_no_id = FALSE;

  parse_pages (&parsed, NOW_2026, "cases.json", 1);

  g_assert_cmpint (parsed.total, ==, 13);
  g_assert_cmpuint (parsed.n_results, ==, 13);
  /* 13 records: one repeated under two data sources, one without identifier */
  g_assert_cmpuint (parsed.calls->len, ==, 11);

  for (guint i = 0; i < parsed.warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (parsed.warnings, i);

      g_test_message ("warning: %s", warning);
      if (strstr (warning, "45311999TOPICSen") != NULL)
        warned_no_id = TRUE;
    }
  g_assert_true (warned_no_id);
  g_assert_cmpuint (parsed.warnings->len, ==, 1);

  for (guint i = 0; i < parsed.calls->len; i++)
    {
      call = g_ptr_array_index (parsed.calls, i);
      g_assert_cmpstr (bandi_call_get_source_id (call), ==, "horizon");
    }

  /* Single stage, summer time; keywords as one string holding JSON */
  call = find_call (&parsed, "EU4H-2027-PJ-03");
  g_assert_cmpstr (bandi_call_get_call_id (call), ==, "EU4H-2027-PJ");
  g_assert_cmpstr (bandi_call_get_call_title (call), ==, "Call for proposals on cancer screening 2027");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Cancer screening in under-served populations");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "EU4Health");
  g_assert_null (bandi_call_get_programme_part (call));
  g_assert_cmpstr (bandi_call_get_action_type (call), ==, "EU4H Project Grants");
  g_assert_cmpstr (bandi_call_get_deadline_model (call), ==, "single-stage");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);
  g_assert_cmpstr (bandi_call_get_url (call), ==,
                   "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/EU4H-2027-PJ-03");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 1);
  assert_deadline (call, 0, 1, "Deadline", "2027-09-15T17:00:00+02:00");
  {
    g_autofree char *opening = bandi_deadline_format_date (bandi_call_get_opening (call));
    /* Midnight in Brussels: the Portal's opening day, shown as a day */
    g_assert_false (bandi_deadline_has_time (bandi_call_get_opening (call)));
    g_assert_cmpstr (opening, ==, "2026-06-11");
  }
  keywords = bandi_call_get_keywords (call);
  g_assert_nonnull (keywords);
  g_assert_cmpstr (keywords[0], ==, "cancer");
  g_assert_cmpstr (keywords[1], ==, "screening");
  g_assert_cmpstr (keywords[2], ==, "Health systems");
  g_assert_null (keywords[3]);
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 8000000);
  g_assert_cmpint (bandi_call_get_expected_grants (call), ==, 4);
  g_assert_cmpfloat (bandi_call_get_min_contribution (call), ==, 1500000);
  g_assert_cmpfloat (bandi_call_get_max_contribution (call), ==, 2000000);
  g_assert_cmpstr (bandi_call_get_description (call), ==, "Improve access to cancer screening.");

  /* Multiple cut-off: in time order whatever the record's order */
  call = find_call (&parsed, "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "Horizon Europe");
  g_assert_cmpstr (bandi_call_get_programme_part (call), ==, "CL4");
  g_assert_cmpstr (bandi_call_get_deadline_model (call), ==, "multiple cut-off");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 3);
  assert_deadline (call, 0, 1, "Cut-off 1", "2027-03-04T17:00:00+01:00");
  assert_deadline (call, 1, 2, "Cut-off 2", "2027-10-07T17:00:00+02:00");
  assert_deadline (call, 2, 3, "Cut-off 3", "2028-03-02T17:00:00+01:00");
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 30000000);
  keywords = bandi_call_get_keywords (call);
  g_assert_cmpstr (keywords[0], ==, "Quantum technologies");
  g_assert_cmpstr (keywords[1], ==, "Semiconductors");
  g_assert_null (keywords[2]);

  /* Repeated under two data sources: the SEDIA copy wins over the stale one */
  call = find_call (&parsed, "HORIZON-CL4-2027-TWIN-TRANSITION-01-07");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Circular manufacturing of batteries");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 1);
  assert_deadline (call, 0, 1, "Deadline", "2027-02-18T17:00:00+01:00");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, -1);

  /* Marked open, deadline passed: closed */
  call = find_call (&parsed, "HORIZON-CL5-2024-D2-01-03");
  assert_deadline (call, 0, 1, "Deadline", "2024-04-18T17:00:00+02:00");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);
  g_assert_cmpstr (bandi_call_get_programme_part (call), ==, "CL5");
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 30000000);
  g_assert_cmpint (bandi_call_get_expected_grants (call), ==, 4);
  call = find_call (&parsed, "HORIZON-CL6-2025-BIODIV-01-04");
  assert_deadline (call, 0, 1, "Deadline", "2025-09-17T17:00:00+02:00");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);

  /* Winter time */
  call = find_call (&parsed, "HORIZON-CL5-2025-D3-01-05");
  assert_deadline (call, 0, 1, "Deadline", "2025-01-22T17:00:00+01:00");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);

  /* HTML description: readable text, entities decoded, list items as lines */
  call = find_call (&parsed, "HORIZON-CL6-2027-COMMUNITIES-01-02");
  description = bandi_call_get_description (call);
  g_test_message ("%s", description);
  g_assert_null (strchr (description, '<'));
  g_assert_null (strstr (description, "&amp;"));
  g_assert_nonnull (strstr (description, "Expected Outcome:"));
  g_assert_nonnull (strstr (description, "contribute to all of the following:"));
  g_assert_nonnull (strstr (description, "\n• Rural communities & local authorities co-design services;\n"));
  g_assert_nonnull (strstr (description, "\n• Uptake of “smart villages” approaches in the EU."));
  g_assert_nonnull (strstr (description, "rural areas.\nBudget: €"));
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_FORTHCOMING);

  /* Two stages; the budget of this topic only, not of its sibling whose
   * identifier starts with this one's */
  call = find_call (&parsed, "HORIZON-CL6-2027-FARM2FORK-01-03-two-stage");
  g_assert_cmpstr (bandi_call_get_deadline_model (call), ==, "two-stage");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 2);
  assert_deadline (call, 0, 1, "Stage 1", "2027-02-17T17:00:00+01:00");
  assert_deadline (call, 1, 2, "Stage 2", "2027-09-02T17:00:00+02:00");
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 18000000);
  g_assert_cmpint (bandi_call_get_expected_grants (call), ==, 3);
  g_assert_cmpfloat (bandi_call_get_min_contribution (call), ==, 5000000);
  g_assert_cmpfloat (bandi_call_get_max_contribution (call), ==, 6000000);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);

  /* No deadline yet: the code decides */
  call = find_call (&parsed, "HORIZON-MISS-2027-CIT-01-01");
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 0);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_FORTHCOMING);
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, 15000000);
  g_assert_cmpfloat (bandi_call_get_min_contribution (call), ==, -1);
  g_assert_cmpfloat (bandi_call_get_max_contribution (call), ==, -1);

  /* An unknown status code */
  call = find_call (&parsed, "LIFE-2027-SAP-NAT-NATURE");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_UNKNOWN);
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "LIFE");
  assert_deadline (call, 0, 1, "Deadline", "2027-09-23T17:00:00+02:00");

  /* Little more than an identifier: loads with what it has */
  call = find_call (&parsed, "SMP-COSME-2027-CLUSTER-01");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Euroclusters for Europe's recovery");
  g_assert_null (bandi_call_get_programme (call));
  g_assert_null (bandi_call_get_call_id (call));
  g_assert_null (bandi_call_get_keywords (call));
  g_assert_null (bandi_call_get_description (call));
  g_assert_null (bandi_call_get_opening (call));
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 0);
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, -1);
  g_assert_cmpint (bandi_call_get_expected_grants (call), ==, -1);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);
  g_assert_cmpstr (bandi_call_get_url (call), ==,
                   "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/SMP-COSME-2027-CLUSTER-01");
}

/* The status follows the dates as time passes. */
static void
test_status_over_time (void)
{
  const struct {
    const char *id;
    int year, month, day;
    BandiCallStatus status;
  } cases[] = {
    /* open by code, deadline 18 April 2024 17:00 Brussels = 15:00 UTC */
    { "HORIZON-CL5-2024-D2-01-03", 2024, 4, 18, BANDI_CALL_STATUS_OPEN },
    { "HORIZON-CL5-2024-D2-01-03", 2024, 4, 19, BANDI_CALL_STATUS_CLOSED },
    /* opened 12 December 2023, so "open" is right on 1 March 2024 */
    { "HORIZON-CL5-2024-D2-01-03", 2024, 3, 1, BANDI_CALL_STATUS_OPEN },
    /* open by code, but the opening (15 October 2026) has not come */
    { "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11", 2026, 10, 1, BANDI_CALL_STATUS_FORTHCOMING },
    /* still open between cut-offs, closed after the last */
    { "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11", 2027, 6, 1, BANDI_CALL_STATUS_OPEN },
    { "HORIZON-CL4-2027-DIGITAL-EMERGING-01-11", 2028, 3, 3, BANDI_CALL_STATUS_CLOSED },
    /* forthcoming by code; opened on 6 May 2027 */
    { "HORIZON-CL6-2027-COMMUNITIES-01-02", 2027, 5, 5, BANDI_CALL_STATUS_FORTHCOMING },
    { "HORIZON-CL6-2027-COMMUNITIES-01-02", 2027, 5, 7, BANDI_CALL_STATUS_OPEN },
    /* closed by code stays closed */
    { "HORIZON-CL5-2025-D3-01-05", 2024, 10, 1, BANDI_CALL_STATUS_CLOSED },
    /* unknown code: unknown until the deadline has passed */
    { "LIFE-2027-SAP-NAT-NATURE", 2027, 1, 1, BANDI_CALL_STATUS_UNKNOWN },
    { "LIFE-2027-SAP-NAT-NATURE", 2027, 9, 24, BANDI_CALL_STATUS_CLOSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Parsed) parsed = { 0 };

      g_test_message ("%s on %d-%02d-%02d", cases[i].id, cases[i].year, cases[i].month, cases[i].day);
      parse_pages (&parsed, unix_utc (cases[i].year, cases[i].month, cases[i].day, 12), "cases.json", 1);
      g_assert_cmpint (bandi_call_get_status (find_call (&parsed, cases[i].id)), ==, cases[i].status);
    }

  /* 17:00 Brussels is the last moment: 15:00 UTC in summer */
  {
    g_autoptr(BandiHorizonCollector) collector = NULL;
    g_autoptr(GBytes) body = load_fixture ("cases.json");
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) calls = NULL;
    gint64 deadline = unix_utc (2024, 4, 18, 15);

    for (int delta = -1; delta <= 1; delta += 2)
      {
        BandiCall *call = NULL;

        collector = bandi_horizon_collector_new ("horizon", deadline + delta);
        g_assert_true (bandi_horizon_collector_add_page (collector, body, NULL, NULL, warnings, NULL));
        calls = bandi_horizon_collector_steal_calls (collector);
        for (guint i = 0; i < calls->len; i++)
          if (g_str_equal (bandi_call_get_external_id (g_ptr_array_index (calls, i)), "HORIZON-CL5-2024-D2-01-03"))
            call = g_ptr_array_index (calls, i);
        g_assert_nonnull (call);
        g_assert_cmpint (bandi_call_get_status (call), ==,
                         delta < 0 ? BANDI_CALL_STATUS_OPEN : BANDI_CALL_STATUS_CLOSED);
        g_clear_pointer (&calls, g_ptr_array_unref);
        g_clear_pointer (&collector, bandi_horizon_collector_free);
      }
  }
}

/* Each call's status read at @now_unix, as one string; the collector's
 * next change in *@out_next if not NULL. */
static char *
statuses_at (gint64  now_unix,
             gint64 *out_next)
{
  g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", now_unix);
  g_autoptr(GBytes) body = load_fixture ("cases.json");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) calls = NULL;
  GString *statuses = g_string_new (NULL);

  g_assert_true (bandi_horizon_collector_add_page (collector, body, NULL, NULL, warnings, NULL));
  if (out_next != NULL)
    *out_next = bandi_horizon_collector_get_next_change (collector);
  calls = bandi_horizon_collector_steal_calls (collector);
  for (guint i = 0; i < calls->len; i++)
    g_string_append_printf (statuses, "%s=%s ",
                            bandi_call_get_external_id (g_ptr_array_index (calls, i)),
                            bandi_call_status_to_string (bandi_call_get_status (g_ptr_array_index (calls, i))));

  return g_string_free (statuses, FALSE);
}

/* The collector says until when the statuses it read from the dates stand
 * (the same pages give the same calls until then): walking from one such
 * instant to the next across the fixture's years, no status differs
 * before it, and the walk stops at each moment a status does change, such
 * as 18 April 2024 at 17:00:01 Brussels time. */
static void
test_next_status_change (void)
{
  gint64 now = unix_utc (2023, 1, 1, 12);
  gboolean saw_april_deadline = FALSE;
  guint n_changes = 0;

  while (TRUE)
    {
      g_autofree char *at_now = NULL;
      g_autofree char *at_next = NULL;
      gint64 next = 0;

      at_now = statuses_at (now, &next);
      if (next == G_MAXINT64)
        break;
      g_assert_cmpint (next, >, now);
      for (gint64 t = now + 1; t < next; t += MAX (1, (next - now) / 7))
        {
          g_autofree char *between = statuses_at (t, NULL);
          g_assert_cmpstr (between, ==, at_now);
        }
      {
        g_autofree char *before = statuses_at (next - 1, NULL);
        g_assert_cmpstr (before, ==, at_now);
      }
      at_next = statuses_at (next, NULL);
      if (!g_str_equal (at_next, at_now))
        n_changes++;
      if (next == unix_utc (2024, 4, 18, 15) + 1)
        saw_april_deadline = TRUE;
      now = next;
    }

  g_assert_true (saw_april_deadline);
  g_assert_cmpuint (n_changes, >=, 4);
}

/* The same topics on two pages are still one call each. */
static void
test_duplicates_across_pages (void)
{
  g_auto(Parsed) parsed = { 0 };

  parse_pages (&parsed, NOW_2026, "cases.json", 2);
  g_assert_cmpuint (parsed.calls->len, ==, 11);
  g_assert_cmpstr (bandi_call_get_title (find_call (&parsed, "HORIZON-CL4-2027-TWIN-TRANSITION-01-07")),
                   ==, "Circular manufacturing of batteries");
}

static void
parse_one (const char  *json,
           GPtrArray  **out_calls,
           GPtrArray   *warnings)
{
  g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", NOW_2026);
  g_autoptr(GBytes) body = bytes_from_string (json);
  g_autoptr(GError) error = NULL;

  g_assert_true (bandi_horizon_collector_add_page (collector, body, NULL, NULL, warnings, &error));
  g_assert_no_error (error);
  *out_calls = bandi_horizon_collector_steal_calls (collector);
}

/* Copies in other languages give way to the English one; the budget
 * overview's dates stand in for missing deadline dates. */
static void
test_languages_and_fallbacks (void)
{
  const char *json =
    "{\"totalResults\":3,\"pageNumber\":1,\"pageSize\":100,\"results\":["
    "{\"reference\":\"1TOPICSfr\",\"language\":\"fr\",\"metadata\":{"
      "\"identifier\":[\"DIGITAL-2027-AI-09-GENAI\"],\"language\":[\"fr\"],\"DATASOURCE\":[\"SEDIA\"],"
      "\"title\":[\"IA générative\"],\"status\":[\"31094502\"]}},"
    "{\"reference\":\"1TOPICSen\",\"language\":\"en\",\"metadata\":{"
      "\"identifier\":[\" DIGITAL-2027-AI-09-GENAI \"],\"language\":[\"en\"],\"DATASOURCE\":[\"SEDIA\"],"
      "\"title\":[\"  Generative   AI \"],\"status\":[\"31094502\"],"
      "\"frameworkProgramme\":[\"43152860\",\"43108390\",\"43152860\",\"99999999\"],"
      "\"typesOfAction\":[\"DIGITAL Simple Grants\",\"DIGITAL SME Support Actions\"],"
      "\"budgetOverview\":[\"{\\\"budgetTopicActionMap\\\":{\\\"1\\\":[{\\\"action\\\":\\\"DIGITAL-2027-AI-09-GENAI - DIGITAL-SIMPLE\\\","
        "\\\"deadlineDates\\\":[\\\"2027-03-04\\\",\\\"18 June 2027\\\",\\\"someday\\\"],\\\"budgetYearMap\\\":{\\\"2027\\\":\\\"n/a\\\"}}]}}\"]}},"
    "{\"reference\":\"2TOPICSen\",\"metadata\":{"
      "\"identifier\":[\"DIGITAL-2027-AI-09-OTHER\"],\"status\":[\"31094502\"],"
      "\"budgetOverview\":[\"{not json\"],\"keywords\":[\"[\\\"broken\",\"Robotics\",\" \",\"\"],"
      "\"deadlineDate\":[\"2027-05-05T19:00:00.000+0200\",\"tomorrow\",\"2027-05-05T17:00:00Z\"]}}"
    "]}";
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  BandiCall *call;
  GPtrArray *deadlines;
  const char * const *keywords;
  g_autofree char *all_warnings = NULL;

  parse_one (json, &calls, warnings);
  g_assert_cmpuint (calls->len, ==, 2);

  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (bandi_call_get_external_id (call), ==, "DIGITAL-2027-AI-09-GENAI");
  g_assert_cmpstr (bandi_call_get_title (call), ==, "Generative AI");
  g_assert_cmpstr (bandi_call_get_programme (call), ==, "Digital Europe, Horizon Europe, 99999999");
  g_assert_null (bandi_call_get_programme_part (call));
  g_assert_cmpstr (bandi_call_get_action_type (call), ==, "DIGITAL Simple Grants, DIGITAL SME Support Actions");
  /* No deadlineDate in the record: the budget overview's dates, date-only */
  deadlines = bandi_call_get_deadlines (call);
  g_assert_cmpuint (deadlines->len, ==, 2);
  g_assert_false (bandi_deadline_has_time (g_ptr_array_index (deadlines, 0)));
  g_assert_cmpstr (bandi_deadline_get_label (g_ptr_array_index (deadlines, 0)), ==, "Cut-off 1");
  g_assert_cmpstr (bandi_deadline_get_label (g_ptr_array_index (deadlines, 1)), ==, "Cut-off 2");
  {
    g_autofree char *second = bandi_deadline_format_date (g_ptr_array_index (deadlines, 1));
    g_assert_cmpstr (second, ==, "2027-06-18");
  }
  /* An amount that is not a number is no budget */
  g_assert_cmpfloat (bandi_call_get_budget (call), ==, -1);

  call = g_ptr_array_index (calls, 1);
  /* A JSON-looking keyword that is not JSON is kept as it is; blanks go */
  keywords = bandi_call_get_keywords (call);
  g_assert_cmpstr (keywords[0], ==, "[\"broken");
  g_assert_cmpstr (keywords[1], ==, "Robotics");
  g_assert_null (keywords[2]);
  /* The same instant written twice is one deadline; the unreadable one is left out */
  deadlines = bandi_call_get_deadlines (call);
  g_assert_cmpuint (deadlines->len, ==, 1);
  assert_deadline (call, 0, 1, "Deadline", "2027-05-05T17:00:00+02:00");

  g_ptr_array_add (warnings, NULL);
  all_warnings = g_strjoinv ("\n", (char **) warnings->pdata);
  g_test_message ("%s", all_warnings);
  g_assert_nonnull (strstr (all_warnings, "“someday”"));
  g_assert_nonnull (strstr (all_warnings, "“tomorrow”"));
  g_assert_nonnull (strstr (all_warnings, "DIGITAL-2027-AI-09-OTHER: unreadable budget overview"));
}

/* What is not a page of results is refused, and says why. */
static void
test_not_a_page (void)
{
  const struct {
    const char *fixture;
    const char *body;
    const char *message;
  } cases[] = {
    { "maintenance.html", NULL, "not JSON" },
    { "page-truncated.json", NULL, "not JSON" },
    { NULL, "", "empty" },
    { NULL, "[]", "no list of results" },
    { NULL, "{\"totalResults\":3}", "no list of results" },
    { NULL, "{\"results\":{}}", "no list of results" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", NOW_2026);
      g_autoptr(GBytes) body = cases[i].fixture ? load_fixture (cases[i].fixture)
                                                : bytes_from_string (cases[i].body);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      g_assert_false (bandi_horizon_collector_add_page (collector, body, NULL, NULL, warnings, &error));
      g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpuint (bandi_horizon_collector_get_n_calls (collector), ==, 0);
    }

  /* A page that is not the whole answer adds nothing, even what it holds */
  {
    g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", NOW_2026);
    g_autoptr(GBytes) good = load_fixture ("cases.json");
    g_autoptr(GBytes) truncated = load_fixture ("page-truncated.json");
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (bandi_horizon_collector_add_page (collector, good, NULL, NULL, warnings, NULL));
    g_assert_false (bandi_horizon_collector_add_page (collector, truncated, NULL, NULL, warnings, NULL));
    g_assert_cmpuint (bandi_horizon_collector_get_n_calls (collector), ==, 11);
  }
}

/* Brackets, @n deep: what overflowed json-glib's stack */
static char *
brackets (guint n)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, ']');

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* JSON nested too deep is refused before json-glib recurses into it: a
 * page, and the JSON held in a record's strings. */
static void
test_deep_json (void)
{
  g_autofree char *deep = brackets (300000);
  g_autofree char *page = g_strdup_printf ("{\"totalResults\":1,\"results\":%s}", deep);
  g_autofree char *record =
    g_strdup_printf ("{\"totalResults\":1,\"results\":[{\"reference\":\"1TOPICSen\",\"metadata\":{"
                     "\"identifier\":[\"HORIZON-CL5-2027-D2-01-01\"],\"status\":[\"31094502\"],"
                     "\"keywords\":[\"%s\"],\"budgetOverview\":[\"{\\\"budgetTopicActionMap\\\":%s}\"]}}]}",
                     deep, deep);
  g_autoptr(BandiHorizonCollector) collector = bandi_horizon_collector_new ("horizon", NOW_2026);
  g_autoptr(GBytes) body = bytes_from_string (page);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (bandi_horizon_collector_add_page (collector, body, NULL, NULL, warnings, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, "the answer is JSON nested 300001 levels deep; refused");

  /* The record is read; what its strings hold is left out */
  parse_one (record, &calls, warnings);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpfloat (bandi_call_get_budget (g_ptr_array_index (calls, 0)), ==, -1);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "Topic HORIZON-CL5-2027-D2-01-01: unreadable budget overview left out");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/horizon/parser/dates", test_dates);
  g_test_add_func ("/horizon/parser/programmes", test_programmes);
  g_test_add_func ("/horizon/parser/page", test_page);
  g_test_add_func ("/horizon/parser/status-over-time", test_status_over_time);
  g_test_add_func ("/horizon/parser/next-status-change", test_next_status_change);
  g_test_add_func ("/horizon/parser/duplicates-across-pages", test_duplicates_across_pages);
  g_test_add_func ("/horizon/parser/languages-and-fallbacks", test_languages_and_fallbacks);
  g_test_add_func ("/horizon/parser/not-a-page", test_not_a_page);
  g_test_add_func ("/horizon/parser/deep-json", test_deep_json);

  return g_test_run ();
}
