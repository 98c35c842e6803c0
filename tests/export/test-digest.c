/* test-digest.c — the members' digest, HTML and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-digest.h"
#include "export-fixtures.h"

#define EVIL_TITLE "<script>alert(1)</script> & [click](javascript:x) *bold* _u_ `code` | ~"

typedef struct {
  BandiCluster *cluster;
  BandiDigest  *digest;
  GPtrArray    *calls;
} Fixture;

static BandiCall *
make_call (const char *external_id,
           const char *title,
           gint64      first_seen)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, "horizon");
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_budget (call, -1);
  bandi_call_set_first_seen (call, first_seen);

  return call;
}

static void
add_deadline (BandiCall     *call,
              BandiDeadline *deadline)
{
  g_assert_nonnull (deadline);
  bandi_call_add_deadline (call, deadline);
  g_object_unref (deadline);
}

/* "Now" is 10 April 2024, 12:00 UTC; the digest looks 4 weeks ahead, to
 * 8 May. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 now = fixture_utc (2024, 4, 10, 12, 0);
  gint64 long_ago = fixture_utc (2023, 11, 2, 8, 0);
  gint64 yesterday = now - 24 * 3600;
  BandiCall *call;

  fixture->cluster = bandi_cluster_new ();
  bandi_cluster_set_acronym (fixture->cluster, "LE2C");
  fixture->digest = bandi_digest_new (fixture->cluster, now, 4);
  fixture->calls = g_ptr_array_new_with_free_func (g_object_unref);

  /* In the window: stage 1 on 18 April (stage 2 in 2025 is shown too). */
  call = fixture_horizon_call ("HORIZON-CL5-2024-D2-01-03", "Grid flexibility");
  bandi_call_set_first_seen (call, long_ago);
  g_ptr_array_add (fixture->calls, call);

  /* In the window, earlier, and in London time: 17:00 BST is 18:00 in Rome. */
  call = make_call ("INTERREG-EUROPE-5", "Interreg Europe fifth call", long_ago);
  bandi_call_set_url (call, "https://www.interregeurope.eu/call?id=5&lang=en\"><script>x</script>");
  add_deadline (call, bandi_deadline_new_local (1, NULL, 2024, 4, 15, 17, 0, 0, "Europe/London"));
  g_ptr_array_add (fixture->calls, call);

  /* New (first seen yesterday), closing after the window; remote text out
   * to break both formats. */
  call = make_call ("HORIZON-CL4-2024-EVIL", EVIL_TITLE, yesterday);
  bandi_call_set_url (call, "javascript:alert(1)");
  bandi_call_set_programme_part (call, "CL4 <b>");
  bandi_call_set_budget (call, 2500000);
  add_deadline (call, bandi_deadline_new_local (1, NULL, 2024, 9, 5, 17, 0, 0, "Europe/Brussels"));
  g_ptr_array_add (fixture->calls, call);

  /* New, with no closing date. */
  call = fixture_lombardia_call ();
  bandi_call_clear_deadlines (call);
  bandi_call_set_first_seen (call, yesterday);
  g_ptr_array_add (fixture->calls, call);

  /* Left out: old and closing after the window; closed already; withdrawn. */
  call = make_call ("HORIZON-CL6-2024-LATER", "Closes in autumn", long_ago);
  add_deadline (call, bandi_deadline_new_date (1, NULL, 2024, 10, 1));
  g_ptr_array_add (fixture->calls, call);
  call = make_call ("HORIZON-CL6-2024-PAST", "Closed in March", yesterday);
  add_deadline (call, bandi_deadline_new_date (1, NULL, 2024, 3, 1));
  g_ptr_array_add (fixture->calls, call);
  call = make_call ("HORIZON-CL6-2024-GONE", "Withdrawn topic", yesterday);
  bandi_call_set_withdrawn (call, TRUE);
  add_deadline (call, bandi_deadline_new_date (1, NULL, 2024, 4, 20));
  g_ptr_array_add (fixture->calls, call);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->digest);
  g_object_unref (fixture->cluster);
  g_ptr_array_unref (fixture->calls);
}

static void
add_all (Fixture *fixture)
{
  const gboolean kept[] = { TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE };

  g_assert_cmpuint (fixture->calls->len, ==, G_N_ELEMENTS (kept));
  for (guint i = 0; i < fixture->calls->len; i++)
    g_assert_cmpint (bandi_digest_add_call (fixture->digest, g_ptr_array_index (fixture->calls, i)), ==, kept[i]);
  g_assert_cmpuint (bandi_digest_get_n_calls (fixture->digest), ==, 4);
}

static const char *
find_after (const char *haystack,
            const char *after,
            const char *needle)
{
  const char *start = after ? strstr (haystack, after) : haystack;

  g_assert_nonnull (start);
  return strstr (start, needle);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *html = NULL;
  const char *upcoming, *recent, *first, *second;

  add_all (fixture);
  html = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_HTML);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
  g_assert_nonnull (strstr (html, "<h1>Funding opportunities for LE2C</h1>"));
  g_assert_nonnull (strstr (html, "Deadlines from 10 April 2024 to 8 May 2024"));

  /* Sections in order; the upcoming calls by deadline. */
  upcoming = strstr (html, "<h2>Deadlines in the coming 4 weeks</h2>");
  recent = strstr (html, "<h2>New calls</h2>");
  g_assert_nonnull (upcoming);
  g_assert_nonnull (recent);
  g_assert_true (upcoming < recent);
  first = find_after (html, "coming 4 weeks", "Interreg Europe fifth call");
  second = find_after (html, "coming 4 weeks", "Grid flexibility");
  g_assert_true (first != NULL && second != NULL && first < second && second < recent);

  /* Deadlines in Rome time with the zone: 17:00 Brussels is 17:00 CEST,
   * 17:00 London is 18:00 CEST. */
  g_assert_nonnull (strstr (html, "Deadline: 18 April 2024, 17:00 CEST (stage 1)"));
  g_assert_nonnull (strstr (html, "Deadline: 16 January 2025, 17:00 CET (stage 2)"));
  g_assert_nonnull (strstr (html, "Deadline: 15 April 2024, 18:00 CEST"));
  g_assert_nonnull (strstr (html, "Deadline: none given (open until funds run out)"));
  g_assert_nonnull (strstr (html, "Programme: Horizon Europe — CL5"));
  g_assert_nonnull (strstr (html, "Budget: € 12"));
  g_assert_nonnull (find_after (html, "New calls", "Collabora&amp;Innova"));

  /* Left out. */
  g_assert_null (strstr (html, "Closes in autumn"));
  g_assert_null (strstr (html, "Closed in March"));
  g_assert_null (strstr (html, "Withdrawn topic"));

  /* Remote text is text: no markup, no script, no javascript: link, and a
   * quote cannot leave the href. */
  g_assert_nonnull (strstr (html, "<strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; [click](javascript:x) *bold* _u_ `code` | ~</strong>"));
  g_assert_nonnull (strstr (html, "Programme: Horizon Europe — CL4 &lt;b&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "href=\"javascript"));
  g_assert_nonnull (strstr (html, "<a href=\"https://www.interregeurope.eu/call?id=5&amp;lang=en%22%3E%3Cscript%3Ex%3C/script%3E\">"));
  g_assert_nonnull (strstr (html, "<a href=\"https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/HORIZON-CL5-2024-D2-01-03\">Grid flexibility</a>"));
  g_assert_cmpuint (count (html, "<a href="), ==, 3);
  g_assert_cmpuint (count (html, "<li>"), ==, 4);
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  add_all (fixture);
  markdown = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_MARKDOWN);

  g_assert_true (g_str_has_prefix (markdown, "# Funding opportunities for LE2C\n\n"));
  g_assert_nonnull (strstr (markdown, "\n## Deadlines in the coming 4 weeks\n\n"));
  g_assert_nonnull (strstr (markdown, "\n## New calls\n\n"));
  g_assert_nonnull (strstr (markdown,
                            "- **[Grid flexibility](<https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/HORIZON-CL5-2024-D2-01-03>)** — HORIZON-CL5-2024-D2-01-03  \n"
                            "  Programme: Horizon Europe — CL5  \n"
                            "  Deadline: 18 April 2024, 17:00 CEST (stage 1)  \n"
                            "  Deadline: 16 January 2025, 17:00 CET (stage 2)  \n"
                            "  Budget: € 12"));
  g_assert_nonnull (strstr (markdown, "  Deadline: 15 April 2024, 18:00 CEST"));

  /* Every character with a meaning is escaped; the javascript: address
   * gives no link; the quote in an address is encoded. */
  g_assert_nonnull (strstr (markdown,
                            "- **\\<script\\>alert(1)\\</script\\> \\& \\[click\\](javascript:x) \\*bold\\* \\_u\\_ \\`code\\` \\| \\~**"
                            " — HORIZON-CL4-2024-EVIL  \n"));
  g_assert_nonnull (strstr (markdown, "Programme: Horizon Europe — CL4 \\<b\\>"));
  g_assert_nonnull (strstr (markdown, "(<https://www.interregeurope.eu/call?id=5&lang=en%22%3E%3Cscript%3Ex%3C/script%3E>)"));
  g_assert_null (strstr (markdown, "(<javascript"));
  g_assert_null (strstr (markdown, "Closes in autumn"));
  g_assert_cmpuint (count (markdown, "\n- **"), ==, 4);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *html = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_HTML);
  g_autofree char *markdown = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_MARKDOWN);

  g_assert_nonnull (strstr (html, "<li>No deadlines.</li>"));
  g_assert_nonnull (strstr (html, "<li>No new calls this week.</li>"));
  g_assert_null (strstr (html, "Proposals"));
  g_assert_nonnull (strstr (markdown, "- No deadlines.\n"));
}

static void
test_proposals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BandiProposal) drafting = fixture_proposal ();
  g_autoptr(BandiProposal) funded = fixture_proposal ();
  g_autoptr(BandiProposal) manual = fixture_proposal ();
  g_autoptr(BandiMilestone) later = bandi_milestone_new ();
  g_autoptr(BandiDeadline) later_due = bandi_deadline_new_local (1, NULL, 2024, 4, 12, 9, 30, 0, "Europe/Rome");
  g_autoptr(BandiDeadline) manual_deadline = bandi_deadline_new_date (1, NULL, 2024, 5, 2);
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;

  /* The fixture's milestones are past; this one is next. */
  bandi_milestone_set_title (later, "Budget <final> & signed");
  bandi_milestone_set_due (later, later_due);
  bandi_proposal_add_milestone (drafting, later);
  bandi_proposal_set_status (funded, BANDI_PROPOSAL_STATUS_FUNDED);
  bandi_proposal_set_acronym (manual, "ALPS*");
  bandi_proposal_set_status (manual, BANDI_PROPOSAL_STATUS_IDEA);
  bandi_proposal_set_role (manual, BANDI_PROPOSAL_ROLE_PARTNER);
  bandi_proposal_set_call_source (manual, NULL);
  bandi_proposal_set_call_external_id (manual, NULL);
  bandi_proposal_set_manual_call (manual, "Alpine Space 4th call");
  bandi_proposal_set_manual_deadline (manual, manual_deadline);

  g_assert_true (bandi_digest_add_proposal (fixture->digest, drafting, g_ptr_array_index (fixture->calls, 0)));
  g_assert_false (bandi_digest_add_proposal (fixture->digest, funded, NULL));
  g_assert_true (bandi_digest_add_proposal (fixture->digest, manual, NULL));

  html = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_HTML);
  g_assert_nonnull (strstr (html, "<h2>Proposals in preparation</h2>"));
  g_assert_nonnull (strstr (html, "<li><strong>GRIDFLEX — Flexible grids for energy communities</strong><br>\n"
                                  "Call: HORIZON-CL5-2024-D2-01-03<br>\n"
                                  "Deadline: 18 April 2024, 17:00 CEST<br>\n"
                                  "Status: drafting<br>\n"
                                  "Role: coordinator<br>\n"
                                  "Next milestone: Budget &lt;final&gt; &amp; signed, 12 April 2024, 09:30 CEST</li>"));
  g_assert_nonnull (strstr (html, "<li><strong>ALPS* — Flexible grids for energy communities</strong><br>\n"
                                  "Call: Alpine Space 4th call<br>\n"
                                  "Deadline: 2 May 2024<br>\n"
                                  "Status: idea<br>\n"
                                  "Role: partner</li>"));
  g_assert_cmpuint (count (html, "GRIDFLEX"), ==, 1);

  markdown = bandi_digest_render (fixture->digest, BANDI_DIGEST_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "- **ALPS\\* — Flexible grids for energy communities**  \n"));
  g_assert_nonnull (strstr (markdown, "  Next milestone: Budget \\<final\\> \\& signed, 12 April 2024, 09:30 CEST\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/digest/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/digest/markdown", Fixture, NULL, fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/digest/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/digest/proposals", Fixture, NULL, fixture_set_up, test_proposals, fixture_tear_down);

  return g_test_run ();
}
