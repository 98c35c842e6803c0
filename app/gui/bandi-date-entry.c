/* bandi-date-entry.c
 *
 * What is typed is read at each change: a refusal is said under the
 * fields (and given to assistive technologies as their description), the
 * field at fault is marked, and the zone the time is in is named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-date-entry.h"
#include "bandi-date-input.h"
#include "bandi-zone.h"

struct _BandiDateEntry
{
  GtkWidget      parent_instance;

  char          *zone;
  char          *error;
  gboolean       loading;

  /* template children */
  GtkEntry      *date_entry;
  GtkPopover    *calendar_popover;
  GtkCalendar   *calendar;
  GtkEntry      *time_entry;
  GtkLabel      *zone_label;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (BandiDateEntry, bandi_date_entry, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The date and the time as one text for bandi_date_input_parse_deadline(). */
static char *
typed_text (BandiDateEntry *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));

  return g_strconcat (date, " ", time, NULL);
}

static gboolean
time_is_empty (BandiDateEntry *self)
{
  g_autofree char *time = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));

  return *g_strstrip (time) == '\0';
}

static void
mark (GtkWidget  *entry,
      gboolean    wrong,
      const char *why)
{
  if (wrong)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, wrong ? why : "",
                                  -1);
}

/* Reads what is typed: says a refusal, or the zone of the time. */
static void
check (BandiDateEntry *self)
{
  g_autofree char *text = typed_text (self);
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zone_words = NULL;
  gboolean time_wrong = FALSE;

  g_clear_pointer (&self->error, g_free);
  if (!bandi_date_entry_is_empty (self))
    {
      deadline = bandi_date_input_parse_deadline (text, NULL, self->zone, 1, &error);
      if (deadline == NULL)
        {
          self->error = g_strdup (error->message);
          time_wrong = error->domain == BANDI_DATE_INPUT_ERROR &&
                       (error->code == BANDI_DATE_INPUT_ERROR_TIME ||
                        error->code == BANDI_DATE_INPUT_ERROR_ZONE ||
                        error->code == BANDI_DATE_INPUT_ERROR_EXTRA);
        }
    }

  mark (GTK_WIDGET (self->date_entry), self->error != NULL && !time_wrong, self->error);
  mark (GTK_WIDGET (self->time_entry), time_wrong, self->error);
  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);

  if (deadline != NULL && !bandi_deadline_has_time (deadline))
    zone_words = g_strdup (_("all day"));
  else
    zone_words = bandi_date_input_describe_zone (deadline ? bandi_deadline_get_zone (deadline) : self->zone,
                                                 bandi_zone_local ());
  gtk_label_set_text (self->zone_label, zone_words);
}

static void
text_changed_cb (BandiDateEntry *self)
{
  check (self);
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
popover_show_cb (BandiDateEntry *self)
{
  int year, month, day;

  if (bandi_date_input_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), NULL,
                                   &year, &month, &day, NULL))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

      gtk_calendar_select_day (self->calendar, date);
    }
}

static void
day_selected_cb (BandiDateEntry *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = bandi_date_input_format_date (g_date_time_get_year (date),
                                                        g_date_time_get_month (date),
                                                        g_date_time_get_day_of_month (date), NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

BandiDateEntry *
bandi_date_entry_new (void)
{
  return g_object_new (BANDI_TYPE_DATE_ENTRY, NULL);
}

void
bandi_date_entry_set_zone (BandiDateEntry *self,
                           const char     *zone)
{
  g_return_if_fail (BANDI_IS_DATE_ENTRY (self));
  g_return_if_fail (zone != NULL);

  g_free (self->zone);
  self->zone = g_strdup (zone);
  check (self);
}

void
bandi_date_entry_set_deadline (BandiDateEntry *self,
                               BandiDeadline  *deadline)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int year, month, day;

  g_return_if_fail (BANDI_IS_DATE_ENTRY (self));

  if (deadline != NULL)
    {
      bandi_deadline_get_date (deadline, &year, &month, &day);
      date = bandi_date_input_format_date (year, month, day, NULL);
    }
  if (deadline != NULL && bandi_deadline_has_time (deadline))
    {
      g_autoptr(GDateTime) own = bandi_deadline_dup_local (deadline);
      const char *zone = bandi_deadline_get_zone (deadline);

      /* The time as set, in its own zone, named when it is not the one a
       * time typed alone would be in. */
      time = g_strcmp0 (zone, self->zone) == 0
             ? g_date_time_format (own, "%H:%M")
             : g_strdup_printf ("%02d:%02d %s", g_date_time_get_hour (own),
                                g_date_time_get_minute (own), zone);
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), time ? time : "");
  self->loading = FALSE;
  check (self);
}

BandiDeadline *
bandi_date_entry_dup_deadline (BandiDateEntry *self,
                               guint           stage)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BANDI_IS_DATE_ENTRY (self), NULL);

  if (bandi_date_entry_is_empty (self) || self->error != NULL)
    return NULL;
  text = typed_text (self);
  return bandi_date_input_parse_deadline (text, NULL, self->zone, stage, NULL);
}

void
bandi_date_entry_set_labels (BandiDateEntry *self,
                             const char     *date_label,
                             const char     *time_label)
{
  g_return_if_fail (BANDI_IS_DATE_ENTRY (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, date_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, time_label, -1);
}

gboolean
bandi_date_entry_is_empty (BandiDateEntry *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (BANDI_IS_DATE_ENTRY (self), TRUE);

  date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  return *g_strstrip (date) == '\0' && time_is_empty (self);
}

const char *
bandi_date_entry_get_error (BandiDateEntry *self)
{
  g_return_val_if_fail (BANDI_IS_DATE_ENTRY (self), NULL);
  return self->error;
}

static void
bandi_date_entry_dispose (GObject *object)
{
  BandiDateEntry *self = BANDI_DATE_ENTRY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_DATE_ENTRY);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bandi_date_entry_parent_class)->dispose (object);
}

static void
bandi_date_entry_finalize (GObject *object)
{
  BandiDateEntry *self = BANDI_DATE_ENTRY (object);

  g_free (self->zone);
  g_free (self->error);

  G_OBJECT_CLASS (bandi_date_entry_parent_class)->finalize (object);
}

static void
bandi_date_entry_class_init (BandiDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_date_entry_dispose;
  object_class->finalize = bandi_date_entry_finalize;

  /**
   * BandiDateEntry::changed:
   *
   * The user typed or picked something (not emitted by
   * bandi_date_entry_set_deadline()).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, date_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, calendar);
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, time_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, zone_label);
  gtk_widget_class_bind_template_child (widget_class, BandiDateEntry, error_label);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
bandi_date_entry_init (BandiDateEntry *self)
{
  g_autofree char *pattern = bandi_date_input_date_pattern (NULL);

  self->zone = g_strdup (bandi_zone_local ());
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_placeholder_text (self->date_entry, pattern);
  check (self);
}
