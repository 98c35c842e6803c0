/* bandi-milestone-row.c
 *
 * A due date that does not parse is marked as an error and leaves the
 * milestone's date as it was; a valid one is taken by
 * bandi_milestone_row_apply(), so what is typed half-way is never saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-milestone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-countdown.h"
#include "bandi-format.h"
#include "bandi-milestone-row.h"

struct _BandiMilestoneRow
{
  GtkListBoxRow   parent_instance;

  BandiMilestone *milestone;
  char           *zone;
  gboolean        loading;
  gboolean        due_edited;

  GtkCheckButton *done_check;
  GtkEntry       *title_entry;
  GtkEntry       *due_entry;
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

/* A time typed is in the milestone's zone: say which. */
static void
set_zone_tooltip (BandiMilestoneRow *self)
{
  /* Translators: %s is a time zone such as Europe/Rome */
  g_autofree char *text = g_strdup_printf (_("Times are in the %s time zone"), self->zone);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_entry), text);
}

static BandiDeadline *
parse_due (BandiMilestoneRow *self,
           gboolean          *out_valid)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_entry))));
  BandiDeadline *due = bandi_format_parse_deadline (text, 1, self->zone);

  *out_valid = due != NULL || *text == '\0';
  return due;
}

static void
due_changed_cb (BandiMilestoneRow *self)
{
  g_autoptr(BandiDeadline) due = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean valid;

  if (self->loading)
    return;

  due = parse_due (self, &valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_entry), "error");
  if (valid)
    set_zone_tooltip (self);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_entry),
                                 _("Type the date as YYYY-MM-DD, or YYYY-MM-DD HH:MM"));
  now = g_date_time_new_now_local ();
  bandi_countdown_update (self->countdown_label, due, TRUE,
                          bandi_milestone_get_done (self->milestone), now);
  self->due_edited = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
bandi_milestone_row_apply (BandiMilestoneRow *self)
{
  g_autoptr(BandiDeadline) due = NULL;
  gboolean valid;

  g_return_if_fail (BANDI_IS_MILESTONE_ROW (self));

  if (!self->due_edited)
    return;
  due = parse_due (self, &valid);
  if (valid)
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
  g_clear_pointer (&self->zone, g_free);
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
}

GtkWidget *
bandi_milestone_row_new (BandiMilestone *milestone)
{
  BandiMilestoneRow *self;
  BandiDeadline *due_date;
  g_autofree char *due = NULL;

  g_return_val_if_fail (BANDI_IS_MILESTONE (milestone), NULL);

  self = g_object_new (BANDI_TYPE_MILESTONE_ROW, NULL);
  self->milestone = g_object_ref (milestone);
  due_date = bandi_milestone_get_due (milestone);
  self->zone = g_strdup (due_date && bandi_deadline_has_time (due_date)
                         ? bandi_deadline_get_zone (due_date) : bandi_format_local_zone ());

  self->loading = TRUE;
  due = bandi_format_deadline_for_entry (bandi_milestone_get_due (milestone));
  gtk_check_button_set_active (self->done_check, bandi_milestone_get_done (milestone));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         bandi_milestone_get_title (milestone) ? bandi_milestone_get_title (milestone) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  self->loading = FALSE;
  set_zone_tooltip (self);
  update_countdown (self);

  return GTK_WIDGET (self);
}

BandiMilestone *
bandi_milestone_row_get_milestone (BandiMilestoneRow *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE_ROW (self), NULL);

  return self->milestone;
}
