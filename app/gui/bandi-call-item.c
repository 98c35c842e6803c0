/* bandi-call-item.c
 *
 * The item behind a row of the calls view stays the same object while the
 * call at its position changes (see BandiCallModel): its cells rebind on
 * ::call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include "bandi-call-item.h"

struct _BandiCallItem
{
  GObject    parent_instance;

  guint      position;
  BandiCall *call;
};

G_DEFINE_FINAL_TYPE (BandiCallItem, bandi_call_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BandiCallItem *
bandi_call_item_new (guint      position,
                     BandiCall *call)
{
  BandiCallItem *self = g_object_new (BANDI_TYPE_CALL_ITEM, NULL);

  self->position = position;
  self->call = g_object_ref (call);
  return self;
}

guint
bandi_call_item_get_position (BandiCallItem *self)
{
  g_return_val_if_fail (BANDI_IS_CALL_ITEM (self), 0);
  return self->position;
}

BandiCall *
bandi_call_item_get_call (BandiCallItem *self)
{
  g_return_val_if_fail (BANDI_IS_CALL_ITEM (self), NULL);
  return self->call;
}

void
bandi_call_item_set_call (BandiCallItem *self,
                          BandiCall     *call)
{
  g_return_if_fail (BANDI_IS_CALL_ITEM (self));
  g_return_if_fail (BANDI_IS_CALL (call));

  if (g_set_object (&self->call, call))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

static void
bandi_call_item_finalize (GObject *object)
{
  BandiCallItem *self = BANDI_CALL_ITEM (object);

  g_clear_object (&self->call);

  G_OBJECT_CLASS (bandi_call_item_parent_class)->finalize (object);
}

static void
bandi_call_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BandiCallItem *self = BANDI_CALL_ITEM (object);

  switch (prop_id)
    {
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_call_item_class_init (BandiCallItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_call_item_finalize;
  object_class->get_property = bandi_call_item_get_property;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, BANDI_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_call_item_init (BandiCallItem *self)
{
}
