/* bandi-calendar-view.h — a month of deadlines and an agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-context.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALENDAR_VIEW (bandi_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (BandiCalendarView, bandi_calendar_view, BANDI, CALENDAR_VIEW, GtkWidget)

/* A month of @context's deadlines, which follows its changes. */
BandiCalendarView *bandi_calendar_view_new        (BandiContext      *context);
void               bandi_calendar_view_set_month  (BandiCalendarView *self,
                                                   int                year,
                                                   int                month);
void               bandi_calendar_view_get_month  (BandiCalendarView *self,
                                                   int               *year,
                                                   int               *month);
void               bandi_calendar_view_show_today (BandiCalendarView *self);
/* Narrow: dots in the days, the chosen day's deadlines listed below. */
void               bandi_calendar_view_set_compact (BandiCalendarView *self,
                                                    gboolean           compact);
/* Chooses @day (1-31) of the month shown, whose deadlines the compact
 * view lists. */
void               bandi_calendar_view_choose_day (BandiCalendarView *self,
                                                   int                day);
/* How many deadlines fall on @day (1-31) of the month shown. */
guint              bandi_calendar_view_count_day  (BandiCalendarView *self,
                                                   int                day);

G_END_DECLS
