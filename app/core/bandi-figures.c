/* bandi-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-figures"

#include "config.h"

#include <string.h>

#include "bandi-figures.h"

struct _BandiFigures
{
  char             *cluster;
  GPtrArray        *lines;      /* of BandiFiguresLine, by programme then year */
  BandiFiguresLine  totals;
};

static void
line_free (BandiFiguresLine *line)
{
  g_free ((char *) line->programme);
  g_free (line);
}

void
bandi_figures_free (BandiFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->cluster);
  g_ptr_array_unref (figures->lines);
  g_free (figures);
}

guint
bandi_figures_line_count (const BandiFiguresLine *line)
{
  guint n = 0;

  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    n += line->by_status[status];
  return n;
}

static gboolean
status_is_submitted (BandiProposalStatus status)
{
  return status == BANDI_PROPOSAL_STATUS_SUBMITTED || status == BANDI_PROPOSAL_STATUS_UNDER_EVALUATION ||
         status == BANDI_PROPOSAL_STATUS_FUNDED || status == BANDI_PROPOSAL_STATUS_REJECTED;
}

guint
bandi_figures_line_submitted (const BandiFiguresLine *line)
{
  guint n = 0;

  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    if (status_is_submitted (status))
      n += line->by_status[status];
  return n;
}

gboolean
bandi_figures_line_success_rate (const BandiFiguresLine *line,
                                 double                 *out_rate)
{
  guint funded = line->by_status[BANDI_PROPOSAL_STATUS_FUNDED];
  guint decided = funded + line->by_status[BANDI_PROPOSAL_STATUS_REJECTED];

  if (decided == 0)
    return FALSE;
  *out_rate = (double) funded / decided;
  return TRUE;
}

static void
line_add (BandiFiguresLine *line,
          BandiProposal    *proposal)
{
  BandiProposalStatus status = bandi_proposal_get_status (proposal);
  double requested = bandi_proposal_get_requested_budget (proposal);
  double contribution = bandi_proposal_get_eu_contribution (proposal);

  line->by_status[status]++;
  if (status_is_submitted (status))
    {
      if (requested > 0)
        line->requested += requested;
      if (contribution > 0)
        line->contribution += contribution;
    }
  if (status == BANDI_PROPOSAL_STATUS_FUNDED && contribution > 0)
    line->won += contribution;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const BandiFiguresLine *la = *(const BandiFiguresLine **) a;
  const BandiFiguresLine *lb = *(const BandiFiguresLine **) b;
  int cmp = g_utf8_collate (la->programme, lb->programme);

  return cmp != 0 ? cmp : la->year - lb->year;
}

/* The programme and year a proposal counts under; the programme is
 * interned, as it outlives the call it may come from. */
static void
classify (BandiStore     *store,
          BandiProposal  *proposal,
          const char    **out_programme,
          int            *out_year)
{
  const char *source = bandi_proposal_get_call_source (proposal);
  const char *external_id = bandi_proposal_get_call_external_id (proposal);
  BandiDeadline *deadline = bandi_proposal_get_manual_deadline (proposal);
  const char *programme = bandi_proposal_get_programme (proposal);
  g_autoptr(BandiCall) call = NULL;
  int year = 0;

  if (source != NULL && external_id != NULL)
    call = bandi_store_find_call (store, source, external_id, NULL);
  if (call != NULL)
    {
      if (programme == NULL || *programme == '\0')
        programme = bandi_call_get_programme (call);
      if (deadline == NULL)
        deadline = bandi_call_get_last_deadline (call);
    }

  if (deadline != NULL)
    bandi_deadline_get_date (deadline, &year, NULL, NULL);
  else
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (bandi_proposal_get_created (proposal));

      year = g_date_time_get_year (created);
    }

  *out_programme = g_intern_string (programme ? programme : "");
  *out_year = year;
}

/**
 * bandi_figures_compute:
 *
 * Returns: (transfer full): the figures, or %NULL with @error set when
 *   the store cannot be read
 */
BandiFigures *
bandi_figures_compute (BandiStore  *store,
                       const char  *cluster_acronym,
                       int          from_year,
                       int          to_year,
                       GError     **error)
{
  g_autoptr(BandiFigures) figures = NULL;
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);

  proposals = bandi_store_list_proposals (store, cluster_acronym, error);
  if (proposals == NULL)
    return NULL;

  figures = g_new0 (BandiFigures, 1);
  figures->cluster = g_strdup (cluster_acronym);
  figures->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  figures->totals.programme = "";

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      g_autofree char *key = NULL;
      BandiFiguresLine *line;
      const char *programme;
      int year;

      if (bandi_proposal_get_status (proposal) > BANDI_PROPOSAL_STATUS_LAST)
        continue;
      classify (store, proposal, &programme, &year);
      if ((from_year != 0 && year < from_year) || (to_year != 0 && year > to_year))
        continue;

      key = g_strdup_printf ("%s\t%d", programme, year);
      line = g_hash_table_lookup (by_key, key);
      if (line == NULL)
        {
          line = g_new0 (BandiFiguresLine, 1);
          line->programme = g_strdup (programme);
          line->year = year;
          g_hash_table_insert (by_key, g_steal_pointer (&key), line);
          g_ptr_array_add (figures->lines, line);
        }
      line_add (line, proposal);
      line_add (&figures->totals, proposal);
    }

  g_ptr_array_sort (figures->lines, compare_lines);
  return g_steal_pointer (&figures);
}

const char *
bandi_figures_get_cluster (BandiFigures *figures)
{
  return figures->cluster;
}

guint
bandi_figures_get_n_lines (BandiFigures *figures)
{
  return figures->lines->len;
}

const BandiFiguresLine *
bandi_figures_get_line (BandiFigures *figures,
                        guint         index)
{
  g_return_val_if_fail (index < figures->lines->len, NULL);
  return g_ptr_array_index (figures->lines, index);
}

const BandiFiguresLine *
bandi_figures_get_totals (BandiFigures *figures)
{
  return &figures->totals;
}

/* CSV (RFC 4180) */

/* Appends @text and a comma; csv_line() ends the line in place of the
 * last comma. */
static void
csv_field (GString    *csv,
           const char *text)
{
  /* A spreadsheet would run text starting with these as a formula. */
  if (text[0] != '\0' && strchr ("=+-@", text[0]) != NULL)
    {
      g_autofree char *quoted = g_strconcat ("'", text, NULL);

      csv_field (csv, quoted);
      return;
    }
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      g_string_append_c (csv, ',');
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append (csv, "\",");
}

static void
csv_number (GString    *csv,
            double      value,
            const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  csv_field (csv, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
csv_line (GString                *csv,
          const char             *cluster,
          const BandiFiguresLine *line)
{
  g_autofree char *year = line->year ? g_strdup_printf ("%d", line->year) : g_strdup ("");
  double rate;

  csv_field (csv, cluster);
  csv_field (csv, line->programme);
  csv_field (csv, year);
  csv_number (csv, bandi_figures_line_count (line), "%.0f");
  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    csv_number (csv, line->by_status[status], "%.0f");
  csv_number (csv, bandi_figures_line_submitted (line), "%.0f");
  if (bandi_figures_line_success_rate (line, &rate))
    csv_number (csv, rate, "%.4f");
  else
    csv_field (csv, "");
  csv_number (csv, line->requested, "%.2f");
  csv_number (csv, line->contribution, "%.2f");
  csv_number (csv, line->won, "%.2f");
  g_string_truncate (csv, csv->len - 1);
  g_string_append (csv, "\r\n");
}

char *
bandi_figures_to_csv (BandiFigures * const *figures,
                      guint                 n_figures)
{
  GString *csv = g_string_new ("cluster,programme,year,proposals");

  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    g_string_append_printf (csv, ",%s", bandi_proposal_status_to_string (status));
  g_string_append (csv, ",submitted_total,success_rate,requested_budget,"
                        "eu_contribution_requested,eu_contribution_won\r\n");

  for (guint i = 0; i < n_figures; i++)
    {
      const char *cluster = figures[i]->cluster ? figures[i]->cluster : "";

      for (guint j = 0; j < figures[i]->lines->len; j++)
        csv_line (csv, cluster, g_ptr_array_index (figures[i]->lines, j));
      csv_line (csv, cluster, &figures[i]->totals);
    }

  return g_string_free (csv, FALSE);
}
