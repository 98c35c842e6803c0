/* bandi-proposal-editor-milestones.c — the proposal editor's milestones
 *
 * A row per milestone (BandiMilestoneRow); leaving preparation, those due
 * until the call's deadline are marked done (bandi-proposal-steps.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-milestone-row.h"
#include "bandi-proposal-editor-private.h"
#include "bandi-proposal-steps.h"

static void milestone_remove_cb (BandiProposalEditor *self,
                                 BandiMilestoneRow   *row);

static GtkWidget *
add_milestone_row (BandiProposalEditor *self,
                   BandiMilestone      *milestone)
{
  GtkWidget *row = bandi_milestone_row_new (milestone);

  g_signal_connect_object (row, "changed", G_CALLBACK (bandi_proposal_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (milestone_remove_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->milestones_list, row);
  return row;
}

static void
milestone_remove_cb (BandiProposalEditor *self,
                     BandiMilestoneRow   *row)
{
  if (self->proposal == NULL)
    return;
  bandi_proposal_remove_milestone (self->proposal, bandi_milestone_row_get_milestone (row));
  gtk_list_box_remove (self->milestones_list, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_list),
                          bandi_proposal_get_milestones (self->proposal)->len > 0);
  bandi_proposal_editor_changed (self);
}

/* A row per milestone of the proposal, anew. */
void
bandi_proposal_editor_fill_milestones (BandiProposalEditor *self)
{
  GPtrArray *milestones = self->proposal ? bandi_proposal_get_milestones (self->proposal) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_list))) != NULL)
    gtk_list_box_remove (self->milestones_list, child);
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    add_milestone_row (self, g_ptr_array_index (milestones, i));
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_list), milestones && milestones->len > 0);
}

/* Leaving preparation, the milestones due until the call's deadline are
 * done: no reminder to send a draft comes after the outcome. */
void
bandi_proposal_editor_close_preparation (BandiProposalEditor *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  BandiDeadline *target = self->call ? bandi_call_get_next_deadline (self->call, now)
                                     : bandi_proposal_get_manual_deadline (self->proposal);
  g_autofree char *text = NULL;
  guint n;

  bandi_proposal_editor_apply_checked (self);
  n = bandi_proposal_close_preparation (self->proposal, target, now);
  if (n == 0)
    return;
  bandi_proposal_editor_fill_milestones (self);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u preparation milestone marked done",
                                       "%u preparation milestones marked done", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
bandi_proposal_editor_add_milestone (BandiProposalEditor *self)
{
  g_autoptr(BandiMilestone) milestone = NULL;
  GtkWidget *row;

  if (self->proposal == NULL)
    return;
  milestone = bandi_milestone_new ();
  bandi_proposal_add_milestone (self->proposal, milestone);
  row = add_milestone_row (self, milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_list), TRUE);
  gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  bandi_proposal_editor_changed (self);
}
