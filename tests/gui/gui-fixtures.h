/* gui-fixtures.h — a store prepared for the widget tests, the screenshots
 * and the benchmark, with deadlines relative to today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-store.h"

G_BEGIN_DECLS

/* Known calls (identifiers below) plus @n_bulk generated Horizon topics
 * HORIZON-BULK-NNNNN with deadlines spread over the coming year. */
#define FIXTURE_BATTERIES   "HORIZON-CL5-2027-D2-01-03"  /* 17:00 Brussels in 3 days, stage 2 in 120 */
#define FIXTURE_FOOD        "HORIZON-CL6-2027-FARM2FORK-01-02"  /* in 20 days */
#define FIXTURE_CLOSED      "HORIZON-CL4-2026-DIGITAL-01-07"  /* 10 days ago */
#define FIXTURE_LOMBARDIA   "RLO12026055023"  /* 12:00 Rome in 45 days */
#define FIXTURE_ALPINE      "ASP-2027-CALL-05"  /* date only, in 60 days */
#define FIXTURE_N_KNOWN     5
#define FIXTURE_BATTERIES_TITLE "Next-generation <b>batteries</b> & storage"

gboolean       gui_fixture_fill          (BandiStore  *store,
                                          guint        n_bulk,
                                          GError     **error);
/* A deadline @days from today at @hour:00 in @zone (or date-only if
 * @zone is NULL). */
BandiDeadline *gui_fixture_deadline      (guint        stage,
                                          int          days,
                                          int          hour,
                                          const char  *zone);
/* The call with @external_id in @model, or NULL. */
BandiCall     *gui_fixture_find          (GListModel  *model,
                                          const char  *external_id);
/* Adds @n proposals spread over the stored clusters. */
gboolean       gui_fixture_add_proposals (BandiStore  *store,
                                          guint        n,
                                          GError     **error);

G_END_DECLS
