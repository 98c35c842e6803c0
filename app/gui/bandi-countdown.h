/* bandi-countdown.h — "5 days" labels for deadlines and milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bandi-deadline.h"

G_BEGIN_DECLS

/* Shows in @label how long until @deadline ("Today", "5 days"), red under
 * a week, amber under a month; "Done" for a finished milestone, "Overdue"
 * for one whose date has passed, nothing without a deadline. */
void bandi_countdown_update (GtkLabel      *label,
                             BandiDeadline *deadline,
                             gboolean       is_milestone,
                             gboolean       done,
                             GDateTime     *now);

G_END_DECLS
