/* bandi-format.h — how the GUI shows dates, money and states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-call.h"
#include "bandi-deadline.h"
#include "bandi-enums.h"

G_BEGIN_DECLS

/* Whole days from today (in the user's zone) to the day of @deadline in the
 * user's zone: 0 today, negative when past. */
int          bandi_format_days_until          (BandiDeadline  *deadline,
                                               GDateTime      *now);
/* "Today", "Tomorrow", "5 days", "Closed 3 days ago". */
char        *bandi_format_days_left           (BandiDeadline  *deadline,
                                               GDateTime      *now);
/* "today at 17:00", "tomorrow at 09:00", "in 3 days": for a reminder. */
char        *bandi_format_when                (BandiDeadline  *deadline,
                                               GDateTime      *now);
/* "urgent" (< 7 days), "soon" (< 30 days), "past" or NULL: a CSS class. */
const char  *bandi_format_urgency_class       (BandiDeadline  *deadline,
                                               GDateTime      *now);
/* The deadline in the user's zone, per locale, with the original wall-clock
 * time and zone appended when the zone differs from the user's. */
char        *bandi_format_deadline            (BandiDeadline  *deadline);
/* The deadline as a long date and time in the user's zone ("Thursday 18
 * April 2024, 17:00"); @out_own_zone (may be NULL) gets its time in its
 * own zone ("17:00 in Europe/Brussels") when that zone is not the user's,
 * else NULL. */
char        *bandi_format_deadline_long       (BandiDeadline  *deadline,
                                               char          **out_own_zone);
/* The deadline's day in the user's zone (the day it falls on locally). */
GDateTime   *bandi_format_deadline_local_day  (BandiDeadline  *deadline);
char        *bandi_format_deadline_short      (BandiDeadline  *deadline,
                                               GDateTime      *now);
const char  *bandi_format_call_code           (BandiCall      *call);
const char  *bandi_format_deadline_model      (const char     *model);
char        *bandi_format_action_types        (const char     *types);
char        *bandi_format_filters_label       (guint           n_set);
char        *bandi_format_date                (GDateTime      *datetime);
char        *bandi_format_unix_time           (gint64          unix_time);
char        *bandi_format_money               (double          euros);
char        *bandi_format_count               (guint           count);
const char  *bandi_format_call_status         (BandiCallStatus     status);
const char  *bandi_format_proposal_status     (BandiProposalStatus status);
const char  *bandi_format_proposal_role       (BandiProposalRole   role);
/* One of a fixed set of "programme-N" CSS classes, stable per programme:
 * Horizon, Interreg, LIFE, Regione Lombardia and Digital Europe each have
 * their own; other programmes share the rest. */
const char  *bandi_format_programme_class     (const char     *programme);
/* A deadline's name: its label, else "Stage N". */
char        *bandi_format_stage               (BandiDeadline  *deadline);

/* Parses an amount typed by the user ("1.500.000", "1,500,000.50",
 * "250000"); -1 for empty text; FALSE when it is not a number. */
gboolean     bandi_format_parse_money         (const char     *text,
                                               double         *out_euros);
/* The zone of the user as an IANA name, falling back to Europe/Rome. */
const char  *bandi_format_local_zone          (void);
/* http and https only: TRUE when @uri may be opened in a browser. */
gboolean     bandi_format_is_web_uri          (const char     *uri);

/* A value of the deadline history (BandiDeadlineChange) as
 * bandi_format_deadline() shows it; "none" for NULL. */
char        *bandi_format_history_value       (const char     *value,
                                               guint           stage);

/* An AdwActionRow whose title and subtitle are plain text (never markup). */
GtkWidget   *bandi_format_plain_row           (const char     *title,
                                               const char     *subtitle);
/* A toast showing @text as it is, whatever it holds (an error from the
 * system or a source): a toast's title is markup in libadwaita 1.2. */
AdwToast    *bandi_format_plain_toast         (const char     *text,
                                               guint           timeout);

G_END_DECLS
