/* bandi-milestone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-milestone"

#include "config.h"

#include "bandi-milestone.h"
#include "bandi-enum-types.h"
#include "bandi-util.h"

struct _BandiMilestone
{
  GObject parent_instance;

  gint64  id;
  gint64  proposal_id;
  char *title;
  BandiDeadline *due;
  gboolean  done;

};

G_DEFINE_FINAL_TYPE (BandiMilestone, bandi_milestone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROPOSAL_ID,
  PROP_TITLE,
  PROP_DUE,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_milestone_finalize (GObject *object)
{
  BandiMilestone *self = BANDI_MILESTONE (object);

  g_free (self->title);
  g_clear_object (&self->due);

  G_OBJECT_CLASS (bandi_milestone_parent_class)->finalize (object);
}

static void
bandi_milestone_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BandiMilestone *self = BANDI_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PROPOSAL_ID:
      g_value_set_int64 (value, self->proposal_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DUE:
      g_value_set_object (value, self->due);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_milestone_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BandiMilestone *self = BANDI_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      bandi_milestone_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PROPOSAL_ID:
      bandi_milestone_set_proposal_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      bandi_milestone_set_title (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      bandi_milestone_set_due (self, g_value_get_object (value));
      break;
    case PROP_DONE:
      bandi_milestone_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_milestone_class_init (BandiMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_milestone_finalize;
  object_class->get_property = bandi_milestone_get_property;
  object_class->set_property = bandi_milestone_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROPOSAL_ID] =
    g_param_spec_int64 ("proposal-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_object ("due", NULL, NULL, BANDI_TYPE_DEADLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_milestone_init (BandiMilestone *self)
{
}

BandiMilestone *
bandi_milestone_new (void)
{
  return g_object_new (BANDI_TYPE_MILESTONE, NULL);
}

gint64
bandi_milestone_get_id (BandiMilestone *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE (self), 0);
  return self->id;
}

void
bandi_milestone_set_id (BandiMilestone *self,
                        gint64          id)
{
  g_return_if_fail (BANDI_IS_MILESTONE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
bandi_milestone_get_proposal_id (BandiMilestone *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE (self), 0);
  return self->proposal_id;
}

void
bandi_milestone_set_proposal_id (BandiMilestone *self,
                                 gint64          proposal_id)
{
  g_return_if_fail (BANDI_IS_MILESTONE (self));

  if (self->proposal_id != proposal_id)
    {
      self->proposal_id = proposal_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSAL_ID]);
    }
}

const char *
bandi_milestone_get_title (BandiMilestone *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE (self), NULL);
  return self->title;
}

void
bandi_milestone_set_title (BandiMilestone *self,
                           const char     *title)
{
  g_return_if_fail (BANDI_IS_MILESTONE (self));

  if (bandi_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

BandiDeadline *
bandi_milestone_get_due (BandiMilestone *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE (self), NULL);
  return self->due;
}

void
bandi_milestone_set_due (BandiMilestone *self,
                         BandiDeadline  *due)
{
  g_return_if_fail (BANDI_IS_MILESTONE (self));

  if (g_set_object (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

gboolean
bandi_milestone_get_done (BandiMilestone *self)
{
  g_return_val_if_fail (BANDI_IS_MILESTONE (self), 0);
  return self->done;
}

void
bandi_milestone_set_done (BandiMilestone *self,
                          gboolean        done)
{
  g_return_if_fail (BANDI_IS_MILESTONE (self));

  if (self->done != !!done)
    {
      self->done = !!done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
}
