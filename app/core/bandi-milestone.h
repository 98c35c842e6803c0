/* bandi-milestone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bandi-deadline.h"

G_BEGIN_DECLS

#define BANDI_TYPE_MILESTONE (bandi_milestone_get_type ())
G_DECLARE_FINAL_TYPE (BandiMilestone, bandi_milestone, BANDI, MILESTONE, GObject)

/* An internal milestone of a proposal: a title, a due date (with or without
 * time), and whether it is done. */

BandiMilestone *bandi_milestone_new             (void);

gint64          bandi_milestone_get_id          (BandiMilestone *self);
void            bandi_milestone_set_id          (BandiMilestone *self,
                                                 gint64          id);
gint64          bandi_milestone_get_proposal_id (BandiMilestone *self);
void            bandi_milestone_set_proposal_id (BandiMilestone *self,
                                                 gint64          proposal_id);
const char     *bandi_milestone_get_title       (BandiMilestone *self);
void            bandi_milestone_set_title       (BandiMilestone *self,
                                                 const char     *title);
BandiDeadline  *bandi_milestone_get_due         (BandiMilestone *self);
void            bandi_milestone_set_due         (BandiMilestone *self,
                                                 BandiDeadline  *due);
gboolean        bandi_milestone_get_done        (BandiMilestone *self);
void            bandi_milestone_set_done        (BandiMilestone *self,
                                                 gboolean        done);


G_END_DECLS
