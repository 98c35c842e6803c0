/* bandi-call-model.c
 *
 * The model the calls view's column view shows: item i is the same object
 * whatever call is at position i of the calls shown. When a search or a
 * filter changes which calls are shown, the items that stay only change
 * their call and their cells rebind; only items past the new end go or come.
 * A GtkColumnView given the filtered calls directly would drop and rebuild
 * every row widget it holds (up to 200 rows of cells in GTK 4.8) for each
 * keystroke that changes the first calls shown.
 *
 * Items are made when asked for and kept only while someone holds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include "bandi-call-model.h"

struct _BandiCallModel
{
  GObject     parent_instance;

  GListModel *calls;
  GPtrArray  *items;  /* one slot per call shown: a BandiCallItem or NULL, unowned */
};

static void bandi_call_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BandiCallModel, bandi_call_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bandi_call_model_list_model_init))

static void
item_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  BandiCallModel *self = data;
  guint position = bandi_call_item_get_position (BANDI_CALL_ITEM (where_the_object_was));

  if (position < self->items->len && g_ptr_array_index (self->items, position) == where_the_object_was)
    g_ptr_array_index (self->items, position) = NULL;
}

static void
forget_items (BandiCallModel *self,
              guint           from)
{
  for (guint i = from; i < self->items->len; i++)
    {
      GObject *item = g_ptr_array_index (self->items, i);

      if (item != NULL)
        g_object_weak_unref (item, item_gone_cb, self);
    }
  g_ptr_array_set_size (self->items, MIN (from, self->items->len));
}

static void
calls_changed_cb (BandiCallModel *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *calls)
{
  guint old_n = self->items->len;
  guint new_n = g_list_model_get_n_items (calls);
  guint common = MIN (old_n, new_n);

  forget_items (self, new_n);
  g_ptr_array_set_size (self->items, new_n);
  for (guint i = position; i < common; i++)
    {
      BandiCallItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(BandiCall) call = NULL;

      if (item == NULL)
        continue;
      call = g_list_model_get_item (calls, i);
      bandi_call_item_set_call (item, call);
    }
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static GType
bandi_call_model_get_item_type (GListModel *model)
{
  return BANDI_TYPE_CALL_ITEM;
}

static guint
bandi_call_model_get_n_items (GListModel *model)
{
  return BANDI_CALL_MODEL (model)->items->len;
}

static gpointer
bandi_call_model_get_item (GListModel *model,
                           guint       position)
{
  BandiCallModel *self = BANDI_CALL_MODEL (model);
  g_autoptr(BandiCall) call = NULL;
  BandiCallItem *item;

  if (position >= self->items->len)
    return NULL;
  item = g_ptr_array_index (self->items, position);
  if (item != NULL)
    return g_object_ref (item);

  call = g_list_model_get_item (self->calls, position);
  item = bandi_call_item_new (position, call);
  g_object_weak_ref (G_OBJECT (item), item_gone_cb, self);
  g_ptr_array_index (self->items, position) = item;
  return item;
}

static void
bandi_call_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bandi_call_model_get_item_type;
  iface->get_n_items = bandi_call_model_get_n_items;
  iface->get_item = bandi_call_model_get_item;
}

BandiCallModel *
bandi_call_model_new (GListModel *calls)
{
  BandiCallModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (calls), NULL);

  self = g_object_new (BANDI_TYPE_CALL_MODEL, NULL);
  self->calls = g_object_ref (calls);
  g_ptr_array_set_size (self->items, g_list_model_get_n_items (calls));
  g_signal_connect_object (calls, "items-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
bandi_call_model_finalize (GObject *object)
{
  BandiCallModel *self = BANDI_CALL_MODEL (object);

  forget_items (self, 0);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->calls);

  G_OBJECT_CLASS (bandi_call_model_parent_class)->finalize (object);
}

static void
bandi_call_model_class_init (BandiCallModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_call_model_finalize;
}

static void
bandi_call_model_init (BandiCallModel *self)
{
  self->items = g_ptr_array_new ();
}
