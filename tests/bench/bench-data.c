/* bench-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bench-data.h"

#define N_THEMES 16

static const struct {
  const char *part;
  const char *word;
  const char *title;
} themes[N_THEMES] = {
  { "CL5", "batteries", "Next-generation batteries for stationary storage" },
  { "CL5", "hydrogen", "Renewable hydrogen production from offshore wind" },
  { "CL5", "photovoltaics", "Building-integrated photovoltaics for deep renovation" },
  { "CL5", "mobility", "Zero-emission urban mobility and logistics hubs" },
  { "CL4", "robotics", "Collaborative robotics for flexible manufacturing lines" },
  { "CL4", "semiconductors", "Low-power semiconductors for edge computing" },
  { "CL4", "quantum", "Quantum sensing for industrial metrology" },
  { "CL4", "space", "Earth observation services for climate adaptation" },
  { "CL6", "agrifood", "Digital agrifood value chains for small farms" },
  { "CL6", "bioeconomy", "Bio-based chemicals from forest residues" },
  { "CL6", "water", "Water reuse in agriculture and industry" },
  { "CL6", "soil", "Soil health monitoring across European regions" },
  { "CL1", "diagnostics", "Point-of-care diagnostics for rare diseases" },
  { "CL1", "ageing", "Active and healthy ageing in smart living environments" },
  { "CL2", "heritage", "Cultural heritage digitisation and creative industries" },
  { "CL3", "cybersecurity", "Cybersecurity of critical infrastructures" },
};

static const char * const filler[] = {
  "Proposals are expected to demonstrate", "at technology readiness level 6 to 7",
  "in at least three Member States", "with the participation of SMEs",
  "and to engage end users from the start.", "Results should be open",
  "and contribute to the objectives of the European Green Deal", "and of the Digital Decade.",
  "Applicants should build on previous projects", "and on relevant European partnerships,",
  "with a clear plan for exploitation", "and for the dissemination of results.",
};

const char *
bench_theme_word (guint theme)
{
  return themes[theme % N_THEMES].word;
}

BandiCall *
bench_call (guint i)
{
  guint theme = i % N_THEMES;
  BandiCall *call = bandi_call_new ();
  g_autofree char *external_id = g_strdup_printf ("HORIZON-%s-2027-D%u-01-%05u", themes[theme].part, 1 + i % 7, i);
  g_autofree char *call_id = g_strdup_printf ("HORIZON-%s-2027-D%u-01", themes[theme].part, 1 + i % 7);
  g_autofree char *title = g_strdup_printf ("%s (%u)", themes[theme].title, i);
  g_autofree char *url = g_strdup_printf ("https://ec.europa.eu/info/funding-tenders/opportunities/portal/"
                                          "screen/opportunities/topic-details/%s", external_id);
  const char *keywords[] = { themes[theme].word, themes[(theme + 5) % N_THEMES].word, "Horizon Europe", NULL };
  g_autoptr(BandiDeadline) opening = bandi_deadline_new_date (0, NULL, 2026, 1 + i % 12, 10);
  g_autoptr(BandiDeadline) deadline = bandi_deadline_new_local (1, "Deadline", 2027, 1 + (i / 7) % 12, 1 + i % 28,
                                                                17, 0, 0, "Europe/Brussels");
  g_autoptr(GString) description = g_string_new (NULL);

  g_string_append_printf (description, "Expected outcome: %s. ", themes[theme].title);
  for (guint k = 0; description->len < 900; k++)
    g_string_append_printf (description, "%s ", filler[(i + k * 7) % G_N_ELEMENTS (filler)]);

  bandi_call_set_source_id (call, BENCH_SOURCE);
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_call_id (call, call_id);
  bandi_call_set_call_title (call, themes[theme].title);
  bandi_call_set_title (call, title);
  bandi_call_set_programme (call, "Horizon Europe");
  bandi_call_set_programme_part (call, themes[theme].part);
  bandi_call_set_action_type (call, i % 3 ? "HORIZON-RIA" : "HORIZON-IA");
  bandi_call_set_deadline_model (call, "single-stage");
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_set_opening (call, opening);
  bandi_call_set_budget (call, 1000000.0 * (3 + i % 20));
  bandi_call_set_expected_grants (call, 1 + i % 4);
  bandi_call_set_url (call, url);
  bandi_call_set_keywords (call, keywords);
  bandi_call_set_description (call, description->str);
  bandi_call_add_deadline (call, deadline);

  return call;
}

GPtrArray *
bench_calls (guint n)
{
  GPtrArray *calls = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (calls, bench_call (i));

  return calls;
}

gsize
bench_rss_kib (gboolean peak)
{
  g_autofree char *status = NULL;
  const char *key = peak ? "\nVmHWM:" : "\nVmRSS:";
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  return line ? (gsize) g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}
