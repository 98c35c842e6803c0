/* bandi-figures.h — a cluster's proposals in figures
 *
 * The indicators a cluster reports to Regione Lombardia, from its
 * proposals: how many in each status; per programme and year, how many
 * were submitted (they reached "submitted" or a later outcome) and funded,
 * the success rate (funded out of those with an outcome), the budget and
 * EU contribution requested by the submitted ones and the contribution
 * won by the funded ones. A proposal's year is that of its deadline
 * (manual, else the target call's last), else the year it was created; its
 * programme is its own, else the target call's. The dashboard shows them,
 * `bandi-cli figures` prints them, both write the same CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_FIGURES_N_STATUSES (BANDI_PROPOSAL_STATUS_LAST + 1)

typedef struct {
  const char *programme;     /* "" when not given, and in the totals */
  int         year;          /* 0 in the totals */
  guint       by_status[BANDI_FIGURES_N_STATUSES];
  double      requested;     /* budget requested by the submitted ones, € */
  double      contribution;  /* EU contribution they requested, € */
  double      won;           /* EU contribution of the funded ones, € */
} BandiFiguresLine;

typedef struct _BandiFigures BandiFigures;

/* The figures of @cluster_acronym's proposals (NULL: every proposal) whose
 * year is within @from_year..@to_year (0: no bound). */
BandiFigures           *bandi_figures_compute       (BandiStore             *store,
                                                     const char             *cluster_acronym,
                                                     int                     from_year,
                                                     int                     to_year,
                                                     GError                **error);
void                    bandi_figures_free          (BandiFigures           *figures);
/* The acronym, or NULL for every cluster. */
const char             *bandi_figures_get_cluster   (BandiFigures           *figures);
/* By programme, then year. */
guint                   bandi_figures_get_n_lines   (BandiFigures           *figures);
const BandiFiguresLine *bandi_figures_get_line      (BandiFigures           *figures,
                                                     guint                   index);
const BandiFiguresLine *bandi_figures_get_totals    (BandiFigures           *figures);

guint                   bandi_figures_line_count     (const BandiFiguresLine *line);
guint                   bandi_figures_line_submitted (const BandiFiguresLine *line);
/* Funded out of those with an outcome; FALSE when none has one yet. */
gboolean                bandi_figures_line_success_rate (const BandiFiguresLine *line,
                                                         double                 *out_rate);

/* CSV (UTF-8, RFC 4180): a header row, then for each of @figures a row per
 * programme and year and a row of totals with empty programme and year.
 * Column names and numbers are not localised; text a spreadsheet would
 * run as a formula is quoted. */
char                   *bandi_figures_to_csv        (BandiFigures * const   *figures,
                                                     guint                   n_figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiFigures, bandi_figures_free)

G_END_DECLS
