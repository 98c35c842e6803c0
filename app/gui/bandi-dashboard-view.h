/* bandi-dashboard-view.h — proposals in figures, exportable as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_TYPE_DASHBOARD_VIEW (bandi_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (BandiDashboardView, bandi_dashboard_view, BANDI, DASHBOARD_VIEW, GtkWidget)

BandiDashboardView *bandi_dashboard_view_new         (void);
void                bandi_dashboard_view_set_store   (BandiDashboardView *self,
                                                      BandiStore         *store);
/* NULL: every cluster */
void                bandi_dashboard_view_set_cluster (BandiDashboardView *self,
                                                      const char         *acronym);
void                bandi_dashboard_view_reload      (BandiDashboardView *self);
/* The figures as CSV (UTF-8, comma-separated, RFC 4180 quoting). */
char               *bandi_dashboard_view_to_csv      (BandiDashboardView *self);

G_END_DECLS
