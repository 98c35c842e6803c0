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
bind_days_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  BandiDeadline *next = bandi_call_get_next_deadline (call, self->now);
  g_autofree char *text = bandi_format_days_left (next, self->now_dt);
  g_autofree char *when = next ? bandi_format_deadline (next) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  set_cell_tooltip (label, when);
  set_classes (label, "days-left", bandi_format_urgency_class (next, self->now_dt));
}

static void
bind_programme_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *programme = bandi_call_get_programme (call);

  gtk_label_set_text (GTK_LABEL (label), programme ? programme : "");
  set_cell_tooltip (label, programme);
  set_classes (label, "programme-tag", programme ? bandi_format_programme_class (programme) : NULL);
}

static void
bind_id_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), bandi_call_get_external_id (call));
  set_cell_tooltip (label, bandi_call_get_external_id (call));
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *title = bandi_call_get_title (call);

  gtk_label_set_text (GTK_LABEL (label), title ? title : bandi_call_get_external_id (call));
  set_cell_tooltip (label, title);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      bandi_format_call_status (bandi_call_get_status (call)));
}

static void
bind_relevance_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
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

static void
star_toggled_cb (GtkToggleButton *button,
                 BandiCallsView  *self)
{
  BandiCall *call = g_object_get_data (G_OBJECT (button), "call");
  gboolean active = gtk_toggle_button_get_active (button);
  g_autoptr(GError) error = NULL;

  gtk_button_set_icon_name (GTK_BUTTON (button), active ? "starred-symbolic" : "non-starred-symbolic");
  if (call == NULL || self->store == NULL || bandi_call_get_starred (call) == active)
    return;
  if (!bandi_store_set_starred (self->store, call, active, &error))
    {
      g_warning ("Cannot star %s: %s", bandi_call_get_external_id (call), error->message);
      gtk_toggle_button_set_active (button, !active);
    }
}

static void
setup_star_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BandiCallsView           *self)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), "non-starred-symbolic");
  gtk_widget_set_tooltip_text (button, _("Star"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Star"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "toggled", G_CALLBACK (star_toggled_cb), self);
  gtk_list_item_set_child (item, button);
}

static void
bind_star_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BandiCallsView           *self)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (button), "call", NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), bandi_call_get_starred (call));
  g_object_set_data (G_OBJECT (button), "call", call);
}

static void
unbind_star_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BandiCallsView           *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "call", NULL);
}

static GtkColumnViewColumn *
add_column (BandiCallsView *self,
            const char     *title,
            GCallback       setup,
            gpointer        setup_data,
            GCallback       bind,
            gboolean        expand,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

void
bandi_calls_view_build_columns (BandiCallsView *self)
{
  GtkColumnViewColumn *star;

  self->columns[COL_DAYS] = add_column (self, _("Days Left"), G_CALLBACK (setup_label_cb),
                                        GINT_TO_POINTER (FALSE), G_CALLBACK (bind_days_cb), FALSE, 120);
  self->columns[COL_PROGRAMME] = add_column (self, _("Programme"), G_CALLBACK (setup_label_cb),
                                             GINT_TO_POINTER (FALSE), G_CALLBACK (bind_programme_cb), FALSE, 130);
  self->columns[COL_ID] = add_column (self, _("Identifier"), G_CALLBACK (setup_label_cb),
                                      GINT_TO_POINTER (FALSE), G_CALLBACK (bind_id_cb), FALSE, 200);
  self->columns[COL_TITLE] = add_column (self, _("Title"), G_CALLBACK (setup_label_cb),
                                         GINT_TO_POINTER (TRUE), G_CALLBACK (bind_title_cb), TRUE, 200);
  self->columns[COL_STATUS] = add_column (self, _("Status"), G_CALLBACK (setup_label_cb),
                                          GINT_TO_POINTER (FALSE), G_CALLBACK (bind_status_cb), FALSE, 100);
  self->columns[COL_RELEVANCE] = add_column (self, _("Relevance"), G_CALLBACK (setup_label_cb),
                                             GINT_TO_POINTER (FALSE), G_CALLBACK (bind_relevance_cb), FALSE, 90);
  star = add_column (self, _("Star"), G_CALLBACK (setup_star_cb), self, G_CALLBACK (bind_star_cb), FALSE, 76);
  g_signal_connect (gtk_column_view_column_get_factory (star), "unbind", G_CALLBACK (unbind_star_cb), self);
  self->columns[COL_STAR] = star;
}
