/* bandi-milestone-row.h — one milestone of a proposal, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-milestone.h"

G_BEGIN_DECLS

#define BANDI_TYPE_MILESTONE_ROW (bandi_milestone_row_get_type ())
G_DECLARE_FINAL_TYPE (BandiMilestoneRow, bandi_milestone_row, BANDI, MILESTONE_ROW, GtkListBoxRow)

/* Edits @milestone itself; "changed" follows each edit, "remove" asks the
 * owner to take the milestone away. The due date is typed in the zone of
 * the milestone's timed due date, else the user's. */
GtkWidget      *bandi_milestone_row_new           (BandiMilestone    *milestone);
BandiMilestone *bandi_milestone_row_get_milestone (BandiMilestoneRow *self);
/* Takes the typed due date into the milestone if the user changed it and
 * it is valid (called before saving). */
void            bandi_milestone_row_apply         (BandiMilestoneRow *self);

G_END_DECLS
