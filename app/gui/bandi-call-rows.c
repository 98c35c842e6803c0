/* bandi-call-rows.c
 *
 * The model the calls view's column view shows: row i is the same object
 * whatever call is at position i of the calls shown. When a search or a
 * filter changes which calls are shown, the rows that stay only change
 * their call and their cells rebind; only rows past the new end go or come.
 * A GtkColumnView given the filtered calls directly would drop and rebuild
 * every row widget it holds (up to 200 rows of cells in GTK 4.8) for each
 * keystroke that changes the first calls shown.
 *
 * Rows are made when asked for and kept only while someone holds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include "bandi-call-rows.h"

struct _BandiCallRows
{
  GObject     parent_instance;

  GListModel *calls;
  GPtrArray  *rows;   /* one slot per call shown: a BandiCallRow or NULL, unowned */
};

static void bandi_call_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BandiCallRows, bandi_call_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bandi_call_rows_list_model_init))

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_object_was)
{
  BandiCallRows *self = data;
  guint position = bandi_call_row_get_position (BANDI_CALL_ROW (where_the_object_was));

  if (position < self->rows->len && g_ptr_array_index (self->rows, position) == where_the_object_was)
    g_ptr_array_index (self->rows, position) = NULL;
}

static void
forget_rows (BandiCallRows *self,
             guint          from)
{
  for (guint i = from; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        g_object_weak_unref (row, row_gone_cb, self);
    }
  g_ptr_array_set_size (self->rows, MIN (from, self->rows->len));
}

static void
calls_changed_cb (BandiCallRows *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *calls)
{
  guint old_n = self->rows->len;
  guint new_n = g_list_model_get_n_items (calls);
  guint common = MIN (old_n, new_n);

  forget_rows (self, new_n);
  g_ptr_array_set_size (self->rows, new_n);
  for (guint i = position; i < common; i++)
    {
      BandiCallRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(BandiCall) call = NULL;

      if (row == NULL)
        continue;
      call = g_list_model_get_item (calls, i);
      bandi_call_row_set_call (row, call);
    }
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static GType
bandi_call_rows_get_item_type (GListModel *model)
{
  return BANDI_TYPE_CALL_ROW;
}

static guint
bandi_call_rows_get_n_items (GListModel *model)
{
  return BANDI_CALL_ROWS (model)->rows->len;
}

static gpointer
bandi_call_rows_get_item (GListModel *model,
                          guint       position)
{
  BandiCallRows *self = BANDI_CALL_ROWS (model);
  g_autoptr(BandiCall) call = NULL;
  BandiCallRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row != NULL)
    return g_object_ref (row);

  call = g_list_model_get_item (self->calls, position);
  row = bandi_call_row_new (position, call);
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
  g_ptr_array_index (self->rows, position) = row;
  return row;
}

static void
bandi_call_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bandi_call_rows_get_item_type;
  iface->get_n_items = bandi_call_rows_get_n_items;
  iface->get_item = bandi_call_rows_get_item;
}

BandiCallRows *
bandi_call_rows_new (GListModel *calls)
{
  BandiCallRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (calls), NULL);

  self = g_object_new (BANDI_TYPE_CALL_ROWS, NULL);
  self->calls = g_object_ref (calls);
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (calls));
  g_signal_connect_object (calls, "items-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
bandi_call_rows_finalize (GObject *object)
{
  BandiCallRows *self = BANDI_CALL_ROWS (object);

  forget_rows (self, 0);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->calls);

  G_OBJECT_CLASS (bandi_call_rows_parent_class)->finalize (object);
}

static void
bandi_call_rows_class_init (BandiCallRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_call_rows_finalize;
}

static void
bandi_call_rows_init (BandiCallRows *self)
{
  self->rows = g_ptr_array_new ();
}
