/* bandi-cli-figures.c — `bandi-cli figures`: the clusters' proposals in figures
 *
 * The indicators of the Region's dashboard for each cluster (bandi-figures.h):
 * proposals by status, then per programme and year the proposals
 * submitted and funded, the success rate, the EU contribution requested
 * and won. A table for people, or with --csv the same CSV as the app's
 * dashboard, header row first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cli.h"
#include "bandi-export-text.h"
#include "bandi-figures.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9999

/* Appends @text padded with spaces to @width characters, on the left
 * when @right (numbers, and the last column: no trailing spaces). */
static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  guint pad = (guint) length < width ? width - (guint) length : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

typedef struct {
  char *cells[6];
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->cells); i++)
    g_free (row->cells[i]);
}

static void
row_fill (Row                    *row,
          const char             *programme,
          const char             *year,
          const BandiFiguresLine *line)
{
  g_autofree char *requested = bandi_export_text_money (line->contribution);
  g_autofree char *won = bandi_export_text_money (line->won);
  double rate;

  row->cells[0] = g_strdup (programme);
  row->cells[1] = g_strdup (year);
  row->cells[2] = g_strdup_printf ("%u", bandi_figures_line_submitted (line));
  row->cells[3] = g_strdup_printf ("%u", line->by_status[BANDI_PROPOSAL_STATUS_FUNDED]);
  /* Translators: a success rate in percent */
  row->cells[4] = bandi_figures_line_success_rate (line, &rate) ? g_strdup_printf (_("%.0f%%"), rate * 100)
                                                               : g_strdup ("—");
  row->cells[5] = g_strdup_printf ("%s / %s", requested, won);
}

static void
print_table (BandiFigures *figures,
             BandiCluster *cluster)
{
  const BandiFiguresLine *totals = bandi_figures_get_totals (figures);
  guint n_lines = bandi_figures_get_n_lines (figures);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GString) out = g_string_new (NULL);
  guint widths[G_N_ELEMENTS (((Row *) NULL)->cells)] = { 0, };
  Row *row;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  g_string_append_printf (out, "%s — %s\n", bandi_cluster_get_acronym (cluster), bandi_cluster_get_name (cluster));
  /* Translators: the number of a cluster's proposals, then how many are in
   * each status */
  g_string_append_printf (out, _("  Proposals: %u ("), bandi_figures_line_count (totals));
  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    g_string_append_printf (out, "%s%s %u", status > 0 ? ", " : "", bandi_proposal_status_to_string (status),
                            totals->by_status[status]);
  g_string_append (out, ")\n");

  g_array_set_size (rows, n_lines + 2);
  row = &g_array_index (rows, Row, 0);
  row->cells[0] = g_strdup (_("Programme"));
  row->cells[1] = g_strdup (_("Year"));
  row->cells[2] = g_strdup (_("Submitted"));
  row->cells[3] = g_strdup (_("Funded"));
  row->cells[4] = g_strdup (_("Success rate"));
  row->cells[5] = g_strdup (_("EU contribution requested / won"));
  for (guint i = 0; i < n_lines; i++)
    {
      const BandiFiguresLine *line = bandi_figures_get_line (figures, i);
      g_autofree char *year = g_strdup_printf ("%d", line->year);

      row_fill (&g_array_index (rows, Row, i + 1), *line->programme ? line->programme : _("Programme not given"),
                year, line);
    }
  row_fill (&g_array_index (rows, Row, n_lines + 1), _("Total"), "", totals);

  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
      widths[c] = MAX (widths[c], (guint) g_utf8_strlen (g_array_index (rows, Row, i).cells[c], -1));

  for (guint i = 0; i < rows->len; i++)
    {
      row = &g_array_index (rows, Row, i);
      g_string_append (out, "  ");
      for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          append_cell (out, row->cells[c], widths[c], c > 0);
        }
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
}

static gboolean
check_year (const char *option,
            int         year)
{
  if (year == 0 || (year >= MIN_YEAR && year <= MAX_YEAR))
    return TRUE;
  bandi_cli_error (_("figures: %s must be a year between %d and %d"), option, MIN_YEAR, MAX_YEAR);
  return FALSE;
}

int
bandi_cli_figures (BandiCliContext  *ctx,
                   int               argc,
                   char            **argv)
{
  g_autofree char *acronym = NULL;
  g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_figures_free);
  g_autoptr(GError) error = NULL;
  gboolean csv = FALSE;
  int from_year = 0, to_year = 0;
  BandiStore *store;
  const GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &acronym,
      N_("Only the cluster ACRONYM (default: every cluster)"), N_("ACRONYM") },
    { "from", 0, 0, G_OPTION_ARG_INT, &from_year,
      N_("Only the proposals of YEAR or later"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to_year,
      N_("Only the proposals of YEAR or earlier"), N_("YEAR") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Print CSV with a header row, as the app’s dashboard exports"), NULL },
    { NULL }
  };

  if (!bandi_cli_parse_options ("figures", NULL,
                                _("Prints each cluster’s proposals in figures, the indicators the "
                                  "Region asks for: proposals by status; by programme and year, "
                                  "submitted, funded, success rate, EU contribution requested and "
                                  "won. A proposal’s year is that of its deadline."),
                                entries, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("figures: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (!check_year ("--from", from_year) || !check_year ("--to", to_year))
    return 2;
  if (from_year != 0 && to_year != 0 && from_year > to_year)
    {
      bandi_cli_error (_("figures: --from %d is after --to %d"), from_year, to_year);
      return 2;
    }

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  if (acronym != NULL)
    {
      BandiCluster *cluster = bandi_store_find_cluster (store, acronym, &error);

      if (cluster == NULL)
        {
          bandi_cli_error ("figures: %s", error->message);
          return g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND) ? 2 : 1;
        }
      g_ptr_array_add (clusters, cluster);
    }
  else
    {
      g_autoptr(GListModel) all = bandi_store_list_clusters (store, &error);

      if (all == NULL)
        {
          bandi_cli_error ("figures: %s", error->message);
          return 1;
        }
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (clusters, g_list_model_get_item (all, i));
    }

  for (guint i = 0; i < clusters->len; i++)
    {
      BandiFigures *one = bandi_figures_compute (store, bandi_cluster_get_acronym (g_ptr_array_index (clusters, i)),
                                                 from_year, to_year, &error);

      if (one == NULL)
        {
          bandi_cli_error ("figures: %s", error->message);
          return 1;
        }
      g_ptr_array_add (figures, one);
    }

  if (csv)
    {
      g_autofree char *text = bandi_figures_to_csv ((BandiFigures * const *) figures->pdata, figures->len);

      g_print ("%s", text);
      return 0;
    }

  for (guint i = 0; i < figures->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_table (g_ptr_array_index (figures, i), g_ptr_array_index (clusters, i));
    }
  return 0;
}
