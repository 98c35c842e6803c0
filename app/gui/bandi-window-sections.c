/* bandi-window-sections.c
 *
 * The window's sidebar: the fixed sections, then one row per cluster,
 * whose page shows that cluster's calls, proposals and dashboard
 * (bandi-window-pages.c builds the pages).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-window-private.h"

typedef struct {
  const char *name;
  const char *title;
  const char *icon;
} Section;

static const Section sections[] = {
  { "upcoming", N_("Upcoming"), "alarm-symbolic" },
  { "all", N_("All Calls"), "view-list-symbolic" },
  { "starred", N_("Starred"), "starred-symbolic" },
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic" },
  { "proposals", N_("Proposals"), "document-edit-symbolic" },
  { "dashboard", N_("Dashboard"), "bandi-dashboard-symbolic" },
};

const char *
bandi_window_section_title (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (section, sections[i].name) == 0)
      return _(sections[i].title);
  return NULL;
}

/* Alt+1 … Alt+6 show the fixed sections. */
void
bandi_window_add_section_bindings (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i].name);
}

void
bandi_window_select_section_row (BandiWindow *self,
                                 const char  *section)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section"), section) == 0)
      gtk_list_box_select_row (self->sidebar, row);
}

static GtkWidget *
sidebar_row_new (const char *section,
                 const char *title,
                 const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section), g_free);
  return row;
}

void
bandi_window_sidebar_header_func (GtkListBoxRow *row,
                                  GtkListBoxRow *before,
                                  gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *before_section = before ? g_object_get_data (G_OBJECT (before), "section") : NULL;

  if (g_str_has_prefix (section, "cluster:") &&
      (before_section == NULL || !g_str_has_prefix (before_section, "cluster:")))
    {
      GtkWidget *label = gtk_label_new (_("Clusters"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_header (row, label);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

void
bandi_window_rebuild_sidebar (BandiWindow *self)
{
  GListModel *clusters = self->context != NULL ? bandi_context_get_clusters (self->context) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar,
                         sidebar_row_new (sections[i].name, _(sections[i].title), sections[i].icon));

  for (guint i = 0; clusters != NULL && i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);
      g_autofree char *section = g_strconcat ("cluster:", bandi_cluster_get_acronym (cluster), NULL);
      GtkWidget *row = sidebar_row_new (section, bandi_cluster_get_acronym (cluster), NULL);

      gtk_widget_set_tooltip_text (row, bandi_cluster_get_name (cluster));
      gtk_list_box_append (self->sidebar, row);
    }
}
