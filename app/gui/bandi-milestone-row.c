/* bandi-milestone-row.c
 *
 * A due date typed in the locale's order, with a time or not (a
 * BandiDateEntry); one refused is explained under it and leaves the
 * milestone's date as it was; a valid one is taken by
 * bandi_milestone_row_apply(), so what is typed half-way is never saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-milestone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-countdown.h"
#include "bandi-date-entry.h"
#include "bandi-format.h"
#include "bandi-milestone-row.h"

struct _BandiMilestoneRow
{
  GtkListBoxRow   parent_instance;

  BandiMilestone *milestone;
  gboolean        loading;
  gboolean        due_edited;

  GtkCheckButton *done_check;
  GtkEntry       *title_entry;
  BandiDateEntry *due_entry;
  GtkLabel       *countdown_label;
};

G_DEFINE_FINAL_TYPE (BandiMilestoneRow, bandi_milestone_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_countdown (BandiMilestoneRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  bandi_countdown_update (self->countdown_label,
                          bandi_milestone_get_due (self->milestone), TRUE,
                          bandi_milestone_get_done (self->milestone), now);
}

static void
done_toggled_cb (BandiMilestoneRow *self)
{
  if (self->loading)
    return;
  bandi_milestone_set_done (self->milestone, gtk_check_button_get_active (self->done_check));
  update_countdown (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
title_changed_cb (BandiMilestoneRow *self)
{
  if (self->loading)
    return;
  bandi_milestone_set_title (self->milestone, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
due_changed_cb (BandiMilestoneRow *self)
{
  g_autoptr(BandiDeadline) due = bandi_date_entry_dup_deadline (self->due_entry, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->loading)
    return;

  bandi_countdown_update (self->countdown_label, due, TRUE,
                          bandi_milestone_get_done (self->milestone), now);
  self->due_edited = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
bandi_milestone_row_apply (BandiMilestoneRow *self)
{
  g_autoptr(BandiDeadline) due = NULL;

  g_return_if_fail (BANDI_IS_MILESTONE_ROW (self));

  if (!self->due_edited || bandi_date_entry_get_error (self->due_entry) != NULL)
    return;
  due = bandi_date_entry_dup_deadline (self->due_entry, 1);
  bandi_milestone_set_due (self->milestone, due);
}

static void
remove_clicked_cb (BandiMilestoneRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
bandi_milestone_row_dispose (GObject *object)
{
  BandiMilestoneRow *self = BANDI_MILESTONE_ROW (object);

  g_clear_object (&self->milestone);
  G_OBJECT_CLASS (bandi_milestone_row_parent_class)->dispose (object);
}

static void
bandi_milestone_row_class_init (BandiMilestoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_milestone_row_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BANDI_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-milestone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiMilestoneRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, BandiMilestoneRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiMilestoneRow, due_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiMilestoneRow, countdown_label);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
bandi_milestone_row_init (BandiMilestoneRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bandi_date_entry_set_labels (self->due_entry, _("Milestone due date"), _("Milestone due time"));
}

GtkWidget *
bandi_milestone_row_new (BandiMilestone *milestone)
{
  BandiMilestoneRow *self;
  BandiDeadline *due;

  g_return_val_if_fail (BANDI_IS_MILESTONE (milestone), NULL);

  self = g_object_new (BANDI_TYPE_MILESTONE_ROW, NULL);
  self->milestone = g_object_ref (milestone);
  due = bandi_milestone_get_due (milestone);

  self->loading = TRUE;
  gtk_check_button_set_active (self->done_check, bandi_milestone_get_done (milestone));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         bandi_milestone_get_title (milestone) ? bandi_milestone_get_title (milestone) : "");
  /* A time is typed in the zone of the due date, else the user's. */
  bandi_date_entry_set_zone (self->due_entry,
                             due && bandi_deadline_has_time (due) ? bandi_deadline_get_zone (due)
                                                                  : bandi_format_local_zone ());
  bandi_date_entry_set_deadline (self->due_entry, due);
  self->loading = FALSE;
  update_countdown (self);

  return GTK_WIDGET (self);
}

BandiMilestone *
bandi_milestone_row_get_milestone (BandiMilestoneRow *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE_ROW (self), NULL);

  return self->milestone;
}
