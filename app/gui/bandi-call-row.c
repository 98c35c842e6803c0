/* bandi-call-row.c
 *
 * A row of the calls view stays the same object while the call at its
 * position changes (see BandiCallRows): its cells rebind on ::call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include "bandi-call-row.h"

struct _BandiCallRow
{
  GObject    parent_instance;

  guint      position;
  BandiCall *call;
};

G_DEFINE_FINAL_TYPE (BandiCallRow, bandi_call_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BandiCallRow *
bandi_call_row_new (guint      position,
                    BandiCall *call)
{
  BandiCallRow *self = g_object_new (BANDI_TYPE_CALL_ROW, NULL);

  self->position = position;
  self->call = g_object_ref (call);
  return self;
}

guint
bandi_call_row_get_position (BandiCallRow *self)
{
  g_return_val_if_fail (BANDI_IS_CALL_ROW (self), 0);
  return self->position;
}

BandiCall *
bandi_call_row_get_call (BandiCallRow *self)
{
  g_return_val_if_fail (BANDI_IS_CALL_ROW (self), NULL);
  return self->call;
}

void
bandi_call_row_set_call (BandiCallRow *self,
                         BandiCall    *call)
{
  g_return_if_fail (BANDI_IS_CALL_ROW (self));
  g_return_if_fail (BANDI_IS_CALL (call));

  if (g_set_object (&self->call, call))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

static void
bandi_call_row_finalize (GObject *object)
{
  BandiCallRow *self = BANDI_CALL_ROW (object);

  g_clear_object (&self->call);

  G_OBJECT_CLASS (bandi_call_row_parent_class)->finalize (object);
}

static void
bandi_call_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BandiCallRow *self = BANDI_CALL_ROW (object);

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
bandi_call_row_class_init (BandiCallRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_call_row_finalize;
  object_class->get_property = bandi_call_row_get_property;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, BANDI_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_call_row_init (BandiCallRow *self)
{
}
