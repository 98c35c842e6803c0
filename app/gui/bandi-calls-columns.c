/* bandi-calls-columns.c
 *
 * The columns of the calls view: days left (coloured by urgency),
 * programme, identifier, title, status, relevance and star. Every cell
 * shows source text as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-call-item.h"
#include "bandi-calls-view-private.h"
#include "bandi-format.h"
#include "bandi-relevance.h"

static GtkWidget *
make_label (gboolean expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

/* Tooltips of cells are answered on demand: setting a tooltip asks the
 * X server where the pointer is, too slow for every bound row. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "cell-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_cell_tooltip (GtkWidget  *widget,
                  const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "cell-tooltip", g_strdup (text), g_free);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = make_label (GPOINTER_TO_INT (user_data));

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
set_classes (GtkWidget   *widget,
             const char  *base,
             const char  *extra)
{
  const char *classes[] = { base, extra, NULL };

  gtk_widget_set_css_classes (widget, base ? classes : classes + 1);
}

static void
bind_days (BandiCallsView *self,
           GtkWidget      *child,
           BandiCall      *call)
{
  GtkWidget *label = child;
  BandiDeadline *next = bandi_call_get_next_deadline (call, self->now);
  g_autofree char *text = bandi_format_days_left (next, self->now_dt);
  g_autofree char *when = next ? bandi_format_deadline (next) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  set_cell_tooltip (label, when);
  set_classes (label, "days-left", bandi_format_urgency_class (next, self->now_dt));
}

/* The next deadline's date and time; a closed call keeps its last one. */
static void
bind_deadline (BandiCallsView *self,
               GtkWidget      *child,
               BandiCall      *call)
{
  BandiDeadline *next = bandi_call_get_next_deadline (call, self->now);
  g_autofree char *text = next ? bandi_format_deadline_short (next, self->now_dt) : NULL;
  g_autofree char *when = next ? bandi_format_deadline (next) : NULL;

  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
  set_cell_tooltip (child, when);
  set_classes (child, "deadline", next && bandi_deadline_is_past (next, self->now) ? "dim-label" : NULL);
}

static void
bind_programme (BandiCallsView *self,
                GtkWidget      *child,
                BandiCall      *call)
{
  GtkWidget *label = child;
  const char *programme = bandi_call_get_programme (call);

  gtk_label_set_text (GTK_LABEL (label), programme ? programme : "");
  set_cell_tooltip (label, programme);
  set_classes (label, "programme-tag", programme ? bandi_format_programme_class (programme) : NULL);
}

static void
bind_id (BandiCallsView *self,
         GtkWidget      *child,
         BandiCall      *call)
{
  GtkWidget *label = child;
  const char *code = bandi_format_call_code (call);

  gtk_label_set_text (GTK_LABEL (label), code ? code : "");
  set_cell_tooltip (label, code);
}

static void
bind_title (BandiCallsView *self,
            GtkWidget      *child,
            BandiCall      *call)
{
  GtkWidget *label = child;
  const char *title = bandi_call_get_title (call);

  gtk_label_set_text (GTK_LABEL (label), title ? title : bandi_format_call_code (call));
  set_cell_tooltip (label, title);
}

static void
bind_status (BandiCallsView *self,
             GtkWidget      *child,
             BandiCall      *call)
{

  gtk_label_set_text (GTK_LABEL (child),
                      bandi_format_call_status (bandi_call_get_status (call)));
}

static void
bind_relevance (BandiCallsView *self,
                GtkWidget      *child,
                BandiCall      *call)
{
  GtkWidget *label = child;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint score;

  if (self->cluster == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      set_cell_tooltip (label, NULL);
      return;
    }
  score = bandi_calls_view_relevance_of (self, call);
  if (score >= BANDI_RELEVANCE_SUGGESTED)
    {
      /* Translators: a relevance score out of 100, marked as suggested */
      text = g_strdup_printf (_("%u ★"), score);
      /* Translators: %s is a cluster acronym */
      tooltip = g_strdup_printf (_("Suggested for %s"), bandi_cluster_get_acronym (self->cluster));
    }
  else
    text = g_strdup_printf ("%u", score);
  gtk_label_set_text (GTK_LABEL (label), text);
  set_cell_tooltip (label, tooltip);
}

/* Through the window's action, as every star is. */
static void
star_toggled_cb (GtkToggleButton *button,
                 BandiCallsView  *self)
{
  BandiCall *call = g_object_get_data (G_OBJECT (button), "call");
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_button_set_icon_name (GTK_BUTTON (button), active ? "starred-symbolic" : "non-starred-symbolic");
  if (call == NULL || bandi_call_get_starred (call) == active)
    return;
  gtk_widget_activate_action (GTK_WIDGET (button), "win.star-call", "(xb)", bandi_call_get_id (call), active);
  /* Not saved: the star shows what is stored. */
  if (bandi_call_get_starred (call) != active)
    gtk_toggle_button_set_active (button, !active);
}

static void
setup_star_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BandiCallsView           *self)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), "non-starred-symbolic");
  set_cell_tooltip (button, _("Star"));
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Star"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "row-star");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  /* Enter on a row opens its call, never stars it: Ctrl+D does. */
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect (button, "toggled", G_CALLBACK (star_toggled_cb), self);
  gtk_list_item_set_child (item, button);
}

static GtkWidget *
find_star (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "row-star"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *star = find_star (child);

      if (star != NULL)
        return star;
    }
  return NULL;
}

GtkToggleButton *
bandi_calls_view_row_star (GtkWidget *widget)
{
  GtkWidget *star;

  /* The row: the column view's list item that holds the cells. */
  while (widget != NULL && g_strcmp0 (gtk_widget_get_css_name (widget), "row") != 0)
    widget = gtk_widget_get_parent (widget);
  star = widget != NULL ? find_star (widget) : NULL;
  return star != NULL ? GTK_TOGGLE_BUTTON (star) : NULL;
}

/* The star follows the call's, wherever it was changed. */
static void
call_starred_cb (BandiCall  *call,
                 GParamSpec *pspec,
                 GtkWidget  *button)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), bandi_call_get_starred (call));
}

static void
unbind_star (GtkWidget *child)
{
  BandiCall *call = g_object_get_data (G_OBJECT (child), "call");

  if (call != NULL)
    g_signal_handlers_disconnect_by_func (call, call_starred_cb, child);
  g_object_set_data (G_OBJECT (child), "call", NULL);
}

static void
bind_star (BandiCallsView *self,
           GtkWidget      *child,
           BandiCall      *call)
{
  GtkWidget *button = child;

  unbind_star (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), bandi_call_get_starred (call));
  g_object_set_data_full (G_OBJECT (button), "call", g_object_ref (call), g_object_unref);
  g_signal_connect_object (call, "notify::starred", G_CALLBACK (call_starred_cb), button, 0);
}

/* Sorting by a column's header */

typedef int (*CompareFunc) (BandiCallsView *self,
                            BandiCall      *a,
                            BandiCall      *b);

static int
compare_deadline (BandiCallsView *self,
                  BandiCall      *a,
                  BandiCall      *b)
{
  gint64 at_a = G_MAXINT64, at_b = G_MAXINT64;

  bandi_calls_view_next_deadline (self, a, &at_a);
  bandi_calls_view_next_deadline (self, b, &at_b);
  return at_a < at_b ? -1 : at_a > at_b;
}

static int
compare_text (const char *a,
              const char *b)
{
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
compare_programme (BandiCallsView *self,
                   BandiCall      *a,
                   BandiCall      *b)
{
  return compare_text (bandi_call_get_programme (a), bandi_call_get_programme (b));
}

static int
compare_code (BandiCallsView *self,
              BandiCall      *a,
              BandiCall      *b)
{
  return compare_text (bandi_format_call_code (a), bandi_format_call_code (b));
}

static int
compare_title (BandiCallsView *self,
               BandiCall      *a,
               BandiCall      *b)
{
  return compare_text (bandi_call_get_title (a), bandi_call_get_title (b));
}

static int
compare_status (BandiCallsView *self,
                BandiCall      *a,
                BandiCall      *b)
{
  return (int) bandi_call_get_status (a) - (int) bandi_call_get_status (b);
}

/* The most relevant first */
static int
compare_relevance (BandiCallsView *self,
                   BandiCall      *a,
                   BandiCall      *b)
{
  return (int) bandi_calls_view_relevance_of (self, b) - (int) bandi_calls_view_relevance_of (self, a);
}

/* Starred first */
static int
compare_star (BandiCallsView *self,
              BandiCall      *a,
              BandiCall      *b)
{
  return (int) bandi_call_get_starred (b) - (int) bandi_call_get_starred (a);
}

static int
sort_cb (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  BandiCallsView *self = g_object_get_data (user_data, "bandi-view");
  CompareFunc compare = (CompareFunc) g_object_get_data (user_data, "bandi-compare");
  int result = compare (self, BANDI_CALL ((gpointer) a), BANDI_CALL ((gpointer) b));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_sorter (BandiCallsView      *self,
            GtkColumnViewColumn *column,
            CompareFunc          compare)
{
  GtkCustomSorter *sorter = gtk_custom_sorter_new (NULL, NULL, NULL);

  g_object_set_data (G_OBJECT (sorter), "bandi-view", self);
  g_object_set_data (G_OBJECT (sorter), "bandi-compare", (gpointer) compare);
  gtk_custom_sorter_set_sort_func (sorter, sort_cb, sorter, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
}

/* Each factory's cells show a BandiCallItem's call, and bind again when the
 * item's call changes (bandi-call-model.c). */
typedef struct {
  BandiCallsView *self;
  void          (*bind)   (BandiCallsView *self,
                           GtkWidget      *child,
                           BandiCall      *call);
  void          (*unbind) (GtkWidget      *child);
} Column;

static void
bind_cell (GtkListItem *item,
           Column      *column)
{
  BandiCallItem *call_item = gtk_list_item_get_item (item);

  column->bind (column->self, gtk_list_item_get_child (item), bandi_call_item_get_call (call_item));
}

static void
item_call_changed_cb (GtkListItem *item)
{
  bind_cell (item, g_object_get_data (G_OBJECT (item), "bandi-column"));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Column                   *column)
{
  g_object_set_data (G_OBJECT (item), "bandi-column", column);
  bind_cell (item, column);
  g_signal_connect_swapped (gtk_list_item_get_item (item), "notify::call",
                            G_CALLBACK (item_call_changed_cb), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), item_call_changed_cb, item);
  if (column->unbind != NULL)
    column->unbind (gtk_list_item_get_child (item));
}

static GtkColumnViewColumn *
add_column (BandiCallsView *self,
            const char     *title,
            GCallback       setup,
            gpointer        setup_data,
            void          (*bind) (BandiCallsView *, GtkWidget *, BandiCall *),
            void          (*unbind) (GtkWidget *),
            gboolean        expand,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  Column *data = g_new0 (Column, 1);

  data->self = self;
  data->bind = bind;
  data->unbind = unbind;
  g_object_set_data_full (G_OBJECT (factory), "bandi-column", data, g_free);
  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* GTK 4.8 gives an expanding column none of the room left: the title
 * column is given it, as a fixed width, whenever the list's width or
 * the columns shown change. */
static gboolean
fit_title_cb (gpointer user_data)
{
  BandiCallsView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  int room = (int) gtk_adjustment_get_page_size (adjustment);

  self->fit_title_idle = 0;
  for (guint i = 0; i < N_COLUMNS; i++)
    if (i != COL_TITLE && gtk_column_view_column_get_visible (self->columns[i]))
      room -= MAX (gtk_column_view_column_get_fixed_width (self->columns[i]), 0);
  room = MAX (room, 120);
  if (gtk_column_view_column_get_fixed_width (self->columns[COL_TITLE]) != room)
    gtk_column_view_column_set_fixed_width (self->columns[COL_TITLE], room);
  return G_SOURCE_REMOVE;
}

void
bandi_calls_view_fit_title (BandiCallsView *self)
{
  if (self->fit_title_idle == 0)
    self->fit_title_idle = g_idle_add (fit_title_cb, self);
}

void
bandi_calls_view_build_columns (BandiCallsView *self)
{
  self->columns[COL_DAYS] = add_column (self, _("Days Left"), G_CALLBACK (setup_label_cb),
                                        GINT_TO_POINTER (FALSE), bind_days, NULL, FALSE, 100);
  self->columns[COL_DEADLINE] = add_column (self, _("Deadline"), G_CALLBACK (setup_label_cb),
                                            GINT_TO_POINTER (FALSE), bind_deadline, NULL, FALSE, 150);
  self->columns[COL_PROGRAMME] = add_column (self, _("Programme"), G_CALLBACK (setup_label_cb),
                                             GINT_TO_POINTER (FALSE), bind_programme, NULL, FALSE, 170);
  self->columns[COL_ID] = add_column (self, _("Identifier"), G_CALLBACK (setup_label_cb),
                                      GINT_TO_POINTER (FALSE), bind_id, NULL, FALSE, 200);
  /* The title takes the room left. */
  self->columns[COL_TITLE] = add_column (self, _("Title"), G_CALLBACK (setup_label_cb),
                                         GINT_TO_POINTER (TRUE), bind_title, NULL, TRUE, -1);
  self->columns[COL_STATUS] = add_column (self, _("Status"), G_CALLBACK (setup_label_cb),
                                          GINT_TO_POINTER (FALSE), bind_status, NULL, FALSE, 100);
  self->columns[COL_RELEVANCE] = add_column (self, _("Relevance"), G_CALLBACK (setup_label_cb),
                                             GINT_TO_POINTER (FALSE), bind_relevance, NULL, FALSE, 90);
  self->columns[COL_STAR] = add_column (self, _("Star"), G_CALLBACK (setup_star_cb), self,
                                        bind_star, unbind_star, FALSE, 76);

  g_signal_connect_swapped (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                            "notify::page-size", G_CALLBACK (bandi_calls_view_fit_title), self);

  set_sorter (self, self->columns[COL_DAYS], compare_deadline);
  set_sorter (self, self->columns[COL_DEADLINE], compare_deadline);
  set_sorter (self, self->columns[COL_PROGRAMME], compare_programme);
  set_sorter (self, self->columns[COL_ID], compare_code);
  set_sorter (self, self->columns[COL_TITLE], compare_title);
  set_sorter (self, self->columns[COL_STATUS], compare_status);
  set_sorter (self, self->columns[COL_RELEVANCE], compare_relevance);
  set_sorter (self, self->columns[COL_STAR], compare_star);
}
