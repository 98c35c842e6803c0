/* bandi-manual-call-dialog.c
 *
 * Each deadline is a row: a BandiDateEntry, what is due, and a remove
 * button. Save stays off while something typed is refused, and the line
 * at the bottom says what; a refusal of the store is said there too, and
 * the dialog stays open with everything typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-manual-call-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-date-entry.h"
#include "bandi-format.h"
#include "bandi-manual-call-dialog.h"

struct _BandiManualCallDialog
{
  AdwWindow     parent_instance;

  BandiStore   *store;
  BandiCall    *call;    /* the one edited, NULL when adding */

  /* template children */
  GtkWidget    *save_button;
  AdwEntryRow  *title_row;
  AdwEntryRow  *funder_row;
  AdwEntryRow  *programme_row;
  AdwEntryRow  *url_row;
  AdwEntryRow  *budget_row;
  GtkListBox   *deadlines_list;
  GtkTextView  *notes_view;
  GtkLabel     *problem_label;
};

G_DEFINE_FINAL_TYPE (BandiManualCallDialog, bandi_manual_call_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_problem (BandiManualCallDialog *self,
              const char            *problem)
{
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* Why the call cannot be saved as it is typed; NULL when it can. */
static char *
dup_problem (BandiManualCallDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (row_text (self->title_row)));
  const char *url = row_text (self->url_row);
  double budget;
  guint n = 0;

  if (*title == '\0')
    return g_strdup (_("Give the call a title."));
  if (*url != '\0' && !bandi_format_is_web_uri (url))
    return g_strdup (_("The link must be a web address, starting with https://."));
  if (!bandi_format_parse_money (row_text (self->budget_row), &budget))
    return g_strdup_printf (_("“%s” is not an amount in euros."), row_text (self->budget_row));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deadlines_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      BandiDateEntry *entry = g_object_get_data (G_OBJECT (row), "date-entry");

      n++;
      if (bandi_date_entry_get_error (entry) != NULL)
        /* Translators: a deadline's number, then why it is refused */
        return g_strdup_printf (_("Deadline %u: %s"), n, bandi_date_entry_get_error (entry));
    }

  return NULL;
}

static void
field_changed_cb (BandiManualCallDialog *self)
{
  g_autofree char *problem = dup_problem (self);

  gtk_widget_set_sensitive (self->save_button, problem == NULL);
  show_problem (self, problem);
}

static void
remove_deadline_clicked_cb (GtkWidget *button,
                            gpointer   user_data)
{
  BandiManualCallDialog *self = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->deadlines_list, row);
  field_changed_cb (self);
}

static BandiDateEntry *
add_deadline_row (BandiManualCallDialog *self,
                  BandiDeadline         *deadline)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  BandiDateEntry *entry = bandi_date_entry_new ();
  GtkWidget *label = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  bandi_date_entry_set_deadline (entry, deadline);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (field_changed_cb), self);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_entry_set_placeholder_text (GTK_ENTRY (label), _("What is due, e.g. Full proposal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What is due"), -1);
  if (deadline != NULL && bandi_deadline_get_label (deadline) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (label), bandi_deadline_get_label (deadline));

  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Deadline"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_deadline_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "date-entry", entry);
  g_object_set_data (G_OBJECT (row), "label-entry", label);
  gtk_list_box_append (self->deadlines_list, row);
  return entry;
}

static void
add_deadline_clicked_cb (BandiManualCallDialog *self)
{
  BandiDateEntry *entry = add_deadline_row (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  field_changed_cb (self);
}

/* The call as typed; the deadlines left empty are dropped. */
static BandiCall *
build_call (BandiManualCallDialog *self)
{
  BandiCall *call = bandi_call_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *title = g_strstrip (g_strdup (row_text (self->title_row)));
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  double budget = -1;
  guint stage = 0;

  if (self->call != NULL)
    bandi_call_set_id (call, bandi_call_get_id (self->call));
  bandi_call_set_title (call, title);
  bandi_call_set_programme_part (call, *row_text (self->funder_row) ? row_text (self->funder_row) : NULL);
  bandi_call_set_programme (call, *row_text (self->programme_row) ? row_text (self->programme_row) : NULL);
  bandi_call_set_url (call, *row_text (self->url_row) ? row_text (self->url_row) : NULL);
  bandi_format_parse_money (row_text (self->budget_row), &budget);
  bandi_call_set_budget (call, budget);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  bandi_call_set_description (call, *notes ? notes : NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deadlines_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      BandiDateEntry *entry = g_object_get_data (G_OBJECT (row), "date-entry");
      GtkEditable *label = g_object_get_data (G_OBJECT (row), "label-entry");
      g_autoptr(BandiDeadline) deadline = bandi_date_entry_dup_deadline (entry, stage + 1);

      if (deadline == NULL)
        continue;
      if (*gtk_editable_get_text (label) != '\0')
        bandi_deadline_set_label (deadline, gtk_editable_get_text (label));
      bandi_call_add_deadline (call, deadline);
      stage++;
    }

  return call;
}

static void
save_clicked_cb (BandiManualCallDialog *self)
{
  g_autoptr(BandiCall) call = NULL;
  g_autoptr(BandiCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  field_changed_cb (self);
  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  call = build_call (self);
  saved = self->call != NULL ? bandi_store_update_manual_call (self->store, call, &error)
                             : bandi_store_add_manual_call (self->store, call, &error);
  if (saved)
    stored = bandi_store_get_call (self->store, bandi_call_get_id (call), &error);
  if (stored == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, stored);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill (BandiManualCallDialog *self)
{
  BandiCall *call = self->call;
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  double budget = bandi_call_get_budget (call);
  const char *notes = bandi_call_get_description (call);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), bandi_call_get_title (call) ? bandi_call_get_title (call) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->funder_row),
                         bandi_call_get_programme_part (call) ? bandi_call_get_programme_part (call) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->programme_row),
                         bandi_call_get_programme (call) ? bandi_call_get_programme (call) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), bandi_call_get_url (call) ? bandi_call_get_url (call) : "");
  if (budget >= 0)
    {
      /* Digits a user types back, cents only when there are some. */
      g_autofree char *text = budget == (double) (gint64) budget
                              ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) budget)
                              : g_strdup_printf ("%.2f", budget);

      gtk_editable_set_text (GTK_EDITABLE (self->budget_row), text);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);

  for (guint i = 0; i < deadlines->len; i++)
    add_deadline_row (self, g_ptr_array_index (deadlines, i));
}

BandiManualCallDialog *
bandi_manual_call_dialog_new (GtkWindow  *parent,
                              BandiStore *store,
                              BandiCall  *call)
{
  BandiManualCallDialog *self;

  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (call == NULL || BANDI_IS_CALL (call), NULL);

  self = g_object_new (BANDI_TYPE_MANUAL_CALL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->call = call ? g_object_ref (call) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), call ? _("Edit Call") : _("Add Call"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), call ? _("_Save") : _("_Add"));
  if (call != NULL)
    fill (self);
  else
    add_deadline_row (self, NULL);
  field_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

static void
bandi_manual_call_dialog_dispose (GObject *object)
{
  BandiManualCallDialog *self = BANDI_MANUAL_CALL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->call);

  G_OBJECT_CLASS (bandi_manual_call_dialog_parent_class)->dispose (object);
}

static void
bandi_manual_call_dialog_class_init (BandiManualCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_manual_call_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-manual-call-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, funder_row);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, programme_row);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, budget_row);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BandiManualCallDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_deadline_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
bandi_manual_call_dialog_init (BandiManualCallDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
