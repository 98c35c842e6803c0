/* bandi-calendar-view.c
 *
 * A month of deadlines, each a chip coloured by programme on the day it
 * falls in the user's zone, and an agenda of the coming weeks. Deadlines
 * are indexed by local day once per set of calls, when first needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-calendar-view-private.h"
#include "bandi-format.h"

#define CHIPS_PER_DAY 3
#define AGENDA_DAYS 730      /* how far the agenda looks for deadlines */
#define AGENDA_MAX_ROWS 50

G_DEFINE_FINAL_TYPE (BandiCalendarView, bandi_calendar_view, GTK_TYPE_WIDGET)

enum {
  CALL_ACTIVATED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->at != eb->at)
    return ea->at < eb->at ? -1 : 1;
  return g_strcmp0 (bandi_call_get_external_id (ea->call), bandi_call_get_external_id (eb->call));
}

static guint
day_key (int year,
         int month,
         int day)
{
  return (guint) (year * 10000 + month * 100 + day);
}

static void
ensure_index (BandiCalendarView *self)
{
  guint n;

  if (!self->index_dirty)
    return;
  self->index_dirty = FALSE;
  g_hash_table_remove_all (self->days);
  n = self->calls ? g_list_model_get_n_items (self->calls) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (self->calls, i);
      GPtrArray *deadlines = bandi_call_get_deadlines (call);

      if (bandi_call_get_withdrawn (call) || !bandi_calendar_view_shows (self, call))
        continue;
      for (guint j = 0; j < deadlines->len; j++)
        {
          BandiDeadline *deadline = g_ptr_array_index (deadlines, j);
          g_autoptr(GDateTime) day = bandi_format_deadline_local_day (deadline);
          Entry entry = { call, deadline, bandi_deadline_sort_key (deadline) };
          GArray *entries;
          guint key;

          if (day == NULL)
            continue;
          key = day_key (g_date_time_get_year (day), g_date_time_get_month (day),
                         g_date_time_get_day_of_month (day));
          entries = g_hash_table_lookup (self->days, GUINT_TO_POINTER (key));
          if (entries == NULL)
            {
              entries = g_array_new (FALSE, FALSE, sizeof (Entry));
              g_hash_table_insert (self->days, GUINT_TO_POINTER (key), entries);
            }
          g_array_append_val (entries, entry);
        }
    }

  /* The calls model keeps every call (and so every deadline) alive. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->days);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_array_sort (value, entry_compare);
  }
}

static GArray *
entries_for (BandiCalendarView *self,
             int                year,
             int                month,
             int                day)
{
  ensure_index (self);
  return g_hash_table_lookup (self->days, GUINT_TO_POINTER (day_key (year, month, day)));
}

static void
chip_clicked_cb (GtkButton         *button,
                 BandiCalendarView *self)
{
  BandiCall *call = g_object_get_data (G_OBJECT (button), "call");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[CALL_ACTIVATED], 0, call);
}

/* A deadline in a day of the month: the call's title, cut at its end,
 * on its programme's colour; the identifier in the tooltip. In the day's
 * popover (@in_popover), the identifier under the title. */
static GtkWidget *
chip_new (BandiCalendarView *self,
          const Entry       *entry,
          gboolean           in_popover)
{
  const char *programme = bandi_call_get_programme (entry->call);
  const char *code = bandi_format_call_code (entry->call);
  const char *title = bandi_call_get_title (entry->call);
  g_autofree char *when = bandi_format_deadline (entry->deadline);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s\n%s", title ? title : "", code ? code : "", when);
  g_autofree char *text = in_popover && code != NULL ? g_strdup_printf ("%s\n%s", title ? title : "", code)
                                                     : g_strdup (title ? title : code);
  GtkWidget *button = gtk_button_new_with_label (text ? text : "");
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A small natural width: the cell's width decides what shows, so that
   * a busy month does not fold the agenda away. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), in_popover ? 40 : 1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "deadline-chip");
  gtk_widget_add_css_class (button, bandi_format_programme_class (programme));
  g_object_set_data (G_OBJECT (button), "call", entry->call);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  return button;
}

static GtkWidget *
cell_new (void)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *number = gtk_label_new (NULL);

  gtk_widget_set_halign (number, GTK_ALIGN_START);
  gtk_widget_add_css_class (number, "day-number");
  gtk_box_append (GTK_BOX (cell), number);
  gtk_widget_add_css_class (cell, "calendar-day");
  gtk_widget_add_css_class (cell, "card");
  gtk_widget_set_vexpand (cell, TRUE);
  gtk_widget_set_size_request (cell, 40, 60);
  gtk_widget_set_overflow (cell, GTK_OVERFLOW_HIDDEN);
  return cell;
}

static void
fill_cell (BandiCalendarView *self,
           GtkWidget         *cell,
           GDateTime         *date,
           gboolean           in_month,
           gboolean           is_today)
{
  GtkWidget *number = gtk_widget_get_first_child (cell);
  GtkWidget *child;
  GArray *entries;
  g_autofree char *text = g_strdup_printf ("%d", g_date_time_get_day_of_month (date));
  g_autofree char *name = g_date_time_format (date, "%x");

  while ((child = gtk_widget_get_next_sibling (number)) != NULL)
    gtk_box_remove (GTK_BOX (cell), child);

  g_object_set_data (G_OBJECT (cell), "day",
                     GUINT_TO_POINTER (day_key (g_date_time_get_year (date), g_date_time_get_month (date),
                                                g_date_time_get_day_of_month (date))));
  if (self->compact &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "day")) == self->chosen)
    gtk_widget_add_css_class (cell, "chosen");
  else
    gtk_widget_remove_css_class (cell, "chosen");
  gtk_label_set_text (GTK_LABEL (number), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (in_month)
    gtk_widget_remove_css_class (cell, "other-month");
  else
    gtk_widget_add_css_class (cell, "other-month");
  if (is_today)
    gtk_widget_add_css_class (cell, "today");
  else
    gtk_widget_remove_css_class (cell, "today");

  entries = entries_for (self, g_date_time_get_year (date), g_date_time_get_month (date),
                         g_date_time_get_day_of_month (date));
  if (entries == NULL)
    return;

  if (self->compact)
    {
      /* A dot per deadline, in its programme's colour. */
      GtkWidget *dots = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 1);

      for (guint i = 0; i < entries->len && i < CHIPS_PER_DAY; i++)
        {
          GtkWidget *dot = gtk_label_new ("●");
          const char *programme = bandi_call_get_programme (g_array_index (entries, Entry, i).call);

          gtk_widget_add_css_class (dot, "deadline-dot");
          gtk_widget_add_css_class (dot, bandi_format_programme_class (programme));
          gtk_box_append (GTK_BOX (dots), dot);
        }
      gtk_box_append (GTK_BOX (cell), dots);
      return;
    }
  for (guint i = 0; i < entries->len && i < CHIPS_PER_DAY; i++)
    gtk_box_append (GTK_BOX (cell), chip_new (self, &g_array_index (entries, Entry, i), FALSE));

  if (entries->len > CHIPS_PER_DAY)
    {
      GtkWidget *more = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      guint extra = entries->len - CHIPS_PER_DAY;
      /* Translators: how many more deadlines a day has than it shows */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", extra), extra);

      for (guint i = 0; i < entries->len; i++)
        gtk_box_append (GTK_BOX (box), chip_new (self, &g_array_index (entries, Entry, i), TRUE));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_popover_set_child (GTK_POPOVER (popover), scroller);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (more), popover);
      gtk_menu_button_set_label (GTK_MENU_BUTTON (more), label);
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_add_css_class (more, "deadline-chip");
      gtk_box_append (GTK_BOX (cell), more);
    }
}

/* A deadline in the agenda or the chosen day's list: the call's title,
 * when, and its identifier. */
static GtkWidget *
deadline_row_new (const Entry *entry)
{
  const char *code = bandi_format_call_code (entry->call);
  const char *title = bandi_call_get_title (entry->call);
  g_autofree char *when = bandi_format_deadline (entry->deadline);
  /* Translators: when a deadline falls, then the call's identifier */
  g_autofree char *subtitle = code ? g_strdup_printf (_("%s · %s"), when, code) : g_strdup (when);
  GtkWidget *row = bandi_format_plain_row (title ? title : code, subtitle);

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "call", entry->call);
  return row;
}

/* The next deadlines from the month on display, or from now when it is
 * the current month (or a past one). */
static void
fill_agenda (BandiCalendarView *self)
{
  GDateTime *now = bandi_context_get_now (self->context);
  gint64 now_unix = g_date_time_to_unix (now);
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_compare (first, now) > 0 ? g_date_time_ref (first) : g_date_time_ref (now);
  gint64 from = g_date_time_to_unix (start);
  GtkWidget *child;
  guint rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);

  for (int offset = 0; offset < AGENDA_DAYS && rows < AGENDA_MAX_ROWS; offset++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, offset);
      GArray *entries = entries_for (self, g_date_time_get_year (date), g_date_time_get_month (date),
                                     g_date_time_get_day_of_month (date));

      for (guint i = 0; entries != NULL && i < entries->len && rows < AGENDA_MAX_ROWS; i++)
        {
          const Entry *entry = &g_array_index (entries, Entry, i);

          if (bandi_deadline_is_past (entry->deadline, MAX (now_unix, from)))
            continue;
          gtk_list_box_append (self->agenda_list, deadline_row_new (entry));
          rows++;
        }
    }
  gtk_stack_set_visible_child_name (self->agenda_stack, rows > 0 ? "list" : "empty");
}

static void
agenda_row_activated_cb (BandiCalendarView *self,
                         GtkListBoxRow     *row)
{
  BandiCall *call = g_object_get_data (G_OBJECT (row), "call");

  if (call != NULL)
    g_signal_emit (self, signals[CALL_ACTIVATED], 0, call);
}

/* Narrow, the chosen day's deadlines under the month. */
static void
fill_day_list (BandiCalendarView *self)
{
  GArray *entries;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_list))) != NULL)
    gtk_list_box_remove (self->day_list, child);
  gtk_widget_set_visible (self->day_scroller, self->compact);
  if (!self->compact)
    return;
  entries = entries_for (self, self->chosen / 10000, self->chosen / 100 % 100, self->chosen % 100);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gtk_list_box_append (self->day_list, deadline_row_new (&g_array_index (entries, Entry, i)));
}

static void fill_month (BandiCalendarView *self);

void
bandi_calendar_view_choose_day (BandiCalendarView *self,
                                int                day)
{
  g_return_if_fail (BANDI_IS_CALENDAR_VIEW (self));

  self->chosen = day_key (self->year, self->month, day);
  fill_month (self);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 BandiCalendarView *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (!self->compact)
    return;
  self->chosen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "day"));
  fill_month (self);
}

void
bandi_calendar_view_set_compact (BandiCalendarView *self,
                                 gboolean           compact)
{
  g_return_if_fail (BANDI_IS_CALENDAR_VIEW (self));

  if (self->compact == !!compact)
    return;
  self->compact = !!compact;
  fill_month (self);
}

static void
fill_month (BandiCalendarView *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
  GDateTime *now = bandi_context_get_now (self->context);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *title = g_date_time_format (first, "%OB %Y");
  int lead = g_date_time_get_day_of_week (first) - 1;  /* weeks start on Monday */

  gtk_label_set_text (self->month_label, title);
  start = g_date_time_add_days (first, -lead);
  for (int i = 0; i < N_WEEKS * 7; i++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (start, i);
      gboolean in_month = g_date_time_get_month (date) == self->month;
      gboolean is_today = g_date_time_get_year (date) == g_date_time_get_year (now) &&
                          g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now);

      fill_cell (self, self->cells[i], date, in_month, is_today);
    }
  fill_day_list (self);
}

/* The context's calls were read again, or its clock moved on. */
static void
refill (BandiCalendarView *self)
{
  self->index_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_month (self);
      fill_agenda (self);
    }
}

static void
calls_changed_cb (BandiCalendarView *self)
{
  g_set_object (&self->calls, bandi_context_get_calls (self->context));
  bandi_calendar_view_refill_filters (self);
  refill (self);
}

void
bandi_calendar_view_filter_changed (BandiCalendarView *self)
{
  bandi_calendar_view_read_filters (self);
  self->index_dirty = TRUE;
  fill_month (self);
  fill_agenda (self);
}

/* A star changed: the starred filter shows it or not. */
static void
call_changed_cb (BandiCalendarView *self)
{
  if (self->filter.starred)
    refill (self);
}

static void
now_changed_cb (BandiCalendarView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_month (self);
      fill_agenda (self);
    }
}

void
bandi_calendar_view_set_month (BandiCalendarView *self,
                               int                year,
                               int                month)
{
  GDateTime *now;

  g_return_if_fail (BANDI_IS_CALENDAR_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  now = bandi_context_get_now (self->context);
  self->year = year;
  self->month = month;
  self->chosen = year == g_date_time_get_year (now) && month == g_date_time_get_month (now)
                 ? day_key (year, month, g_date_time_get_day_of_month (now))
                 : day_key (year, month, 1);
  fill_month (self);
  fill_agenda (self);
}

void
bandi_calendar_view_get_month (BandiCalendarView *self,
                               int               *year,
                               int               *month)
{
  g_return_if_fail (BANDI_IS_CALENDAR_VIEW (self));

  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

void
bandi_calendar_view_show_today (BandiCalendarView *self)
{
  GDateTime *now = bandi_context_get_now (self->context);

  g_return_if_fail (BANDI_IS_CALENDAR_VIEW (self));
  bandi_calendar_view_set_month (self, g_date_time_get_year (now), g_date_time_get_month (now));
}

guint
bandi_calendar_view_count_day (BandiCalendarView *self,
                               int                day)
{
  GArray *entries;

  g_return_val_if_fail (BANDI_IS_CALENDAR_VIEW (self), 0);

  entries = entries_for (self, self->year, self->month, day);
  return entries ? entries->len : 0;
}

static void
step_month (BandiCalendarView *self,
            int                delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  bandi_calendar_view_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_month (BANDI_CALENDAR_VIEW (widget), -1);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step_month (BANDI_CALENDAR_VIEW (widget), 1);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  bandi_calendar_view_show_today (BANDI_CALENDAR_VIEW (widget));
}

static void
bandi_calendar_view_map (GtkWidget *widget)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (widget);

  GTK_WIDGET_CLASS (bandi_calendar_view_parent_class)->map (widget);
  fill_month (self);
  fill_agenda (self);
}

BandiCalendarView *
bandi_calendar_view_new (BandiContext *context)
{
  return g_object_new (BANDI_TYPE_CALENDAR_VIEW, "context", context, NULL);
}

static void
bandi_calendar_view_constructed (GObject *object)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (object);

  G_OBJECT_CLASS (bandi_calendar_view_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  g_signal_connect_object (self->context, "calls-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::now", G_CALLBACK (now_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "clusters-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "call-changed", G_CALLBACK (call_changed_cb), self, G_CONNECT_SWAPPED);
  calls_changed_cb (self);
  bandi_calendar_view_show_today (self);
}

static void
bandi_calendar_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_calendar_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_calendar_view_dispose (GObject *object)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_CALENDAR_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->days);
  bandi_calendar_view_free_filters (self);
  g_clear_object (&self->calls);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bandi_calendar_view_parent_class)->dispose (object);
}

static void
bandi_calendar_view_finalize (GObject *object)
{
  BandiCalendarView *self = BANDI_CALENDAR_VIEW (object);

  g_hash_table_unref (self->days);
  G_OBJECT_CLASS (bandi_calendar_view_parent_class)->finalize (object);
}

static void
bandi_calendar_view_class_init (BandiCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bandi_calendar_view_constructed;
  object_class->dispose = bandi_calendar_view_dispose;
  object_class->finalize = bandi_calendar_view_finalize;
  object_class->get_property = bandi_calendar_view_get_property;
  object_class->set_property = bandi_calendar_view_set_property;
  widget_class->map = bandi_calendar_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BANDI_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CALL_ACTIVATED] =
    g_signal_new ("call-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  /* Page Up, Page Down and Home: the window's, wherever the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, month_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, grid);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, day_scroller);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, day_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, starred_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCalendarView, filters_button);
  gtk_widget_class_bind_template_callback (widget_class, bandi_calendar_view_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, agenda_row_activated_cb);
}

static void
bandi_calendar_view_init (BandiCalendarView *self)
{
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1, 0, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  /* 1 January 2024 was a Monday. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *name = g_date_time_format (day, "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "weekday");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }
  for (int i = 0; i < N_WEEKS * 7; i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      self->cells[i] = cell_new ();
      g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), self);
      gtk_widget_add_controller (self->cells[i], GTK_EVENT_CONTROLLER (click));
      gtk_grid_attach (self->grid, self->cells[i], i % 7, 1 + i / 7, 1, 1);
    }
}
