/* bandi-call-chooser.c
 *
 * Each call as its identifier, its title and, at the end of the line, its
 * next deadline, wide enough to read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-call-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-call-chooser.h"
#include "bandi-format.h"

struct _BandiCallChooser
{
  GtkPopover          parent_instance;

  BandiStore         *store;
  GHashTable         *search_ids;    /* call ids matching the search; NULL: all */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (BandiCallChooser, bandi_call_chooser, GTK_TYPE_POPOVER)

enum {
  SIGNAL_CALL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  BandiCallChooser *self = user_data;
  gint64 id = bandi_call_get_id (item);

  return self->search_ids == NULL || g_hash_table_contains (self->search_ids, &id);
}

static void
search_changed_cb (BandiCallChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  if (self->store != NULL && *text != '\0')
    self->search_ids = bandi_store_search_call_ids (self->store, text, NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose (BandiCallChooser *self,
        guint             position)
{
  g_autoptr(BandiCall) call = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (call != NULL)
    g_signal_emit (self, signals[SIGNAL_CALL_CHOSEN], 0, call);
}

static void
search_activate_cb (BandiCallChooser *self)
{
  choose (self, 0);
}

static void
list_activate_cb (BandiCallChooser *self,
                  guint             position)
{
  choose (self, position);
}

static void
show_cb (BandiCallChooser *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *id_label = gtk_label_new (NULL);
  GtkWidget *title_label = gtk_label_new (NULL);
  GtkWidget *deadline_label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (id_label), 0);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (id_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (id_label, "heading");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_valign (deadline_label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (deadline_label), 1);
  gtk_widget_add_css_class (deadline_label, "numeric");
  gtk_box_append (GTK_BOX (box), id_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), deadline_label);
  gtk_list_item_set_child (item, row);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  BandiCall *call = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_widget_get_first_child (row);
  GtkWidget *deadline_label = gtk_widget_get_next_sibling (box);
  GtkWidget *id_label = gtk_widget_get_first_child (box);
  GtkWidget *title_label = gtk_widget_get_next_sibling (id_label);
  const char *title = bandi_call_get_title (call);
  BandiDeadline *next = bandi_call_get_next_deadline (call, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *when = next ? bandi_format_deadline (next) : g_strdup (_("No deadline"));

  /* Plain text: identifiers and titles come from the sources. */
  gtk_label_set_text (GTK_LABEL (id_label), bandi_call_get_external_id (call));
  gtk_label_set_text (GTK_LABEL (title_label), title ? title : "");
  gtk_label_set_text (GTK_LABEL (deadline_label), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bandi_call_get_external_id (call),
                                  -1);
}

void
bandi_call_chooser_set_store (BandiCallChooser *self,
                              BandiStore       *store)
{
  g_return_if_fail (BANDI_IS_CALL_CHOOSER (self));

  g_set_object (&self->store, store);
  search_changed_cb (self);
}

void
bandi_call_chooser_set_calls (BandiCallChooser *self,
                              GListModel       *calls)
{
  g_return_if_fail (BANDI_IS_CALL_CHOOSER (self));

  gtk_filter_list_model_set_model (self->filtered, calls);
}

GtkWidget *
bandi_call_chooser_new (void)
{
  return g_object_new (BANDI_TYPE_CALL_CHOOSER, NULL);
}

static void
bandi_call_chooser_dispose (GObject *object)
{
  BandiCallChooser *self = BANDI_CALL_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_CALL_CHOOSER);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_call_chooser_parent_class)->dispose (object);
}

static void
bandi_call_chooser_class_init (BandiCallChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_call_chooser_dispose;

  signals[SIGNAL_CALL_CHOSEN] =
    g_signal_new ("call-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-call-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiCallChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiCallChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
}

static void
bandi_call_chooser_init (BandiCallChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}
