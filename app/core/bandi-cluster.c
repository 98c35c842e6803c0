/* bandi-cluster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cluster"

#include "config.h"

#include "bandi-cluster.h"
#include "bandi-enum-types.h"
#include "bandi-util.h"

struct _BandiCluster
{
  GObject parent_instance;

  gint64  id;
  char *acronym;
  char *name;
  char *ecosystem;
  char **areas;
  char **keywords;
  char *website;
  int  members;
  char **horizon_parts;

};

G_DEFINE_FINAL_TYPE (BandiCluster, bandi_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACRONYM,
  PROP_NAME,
  PROP_ECOSYSTEM,
  PROP_AREAS,
  PROP_KEYWORDS,
  PROP_WEBSITE,
  PROP_MEMBERS,
  PROP_HORIZON_PARTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_cluster_finalize (GObject *object)
{
  BandiCluster *self = BANDI_CLUSTER (object);

  g_free (self->acronym);
  g_free (self->name);
  g_free (self->ecosystem);
  g_strfreev (self->areas);
  g_strfreev (self->keywords);
  g_free (self->website);
  g_strfreev (self->horizon_parts);

  G_OBJECT_CLASS (bandi_cluster_parent_class)->finalize (object);
}

static void
bandi_cluster_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BandiCluster *self = BANDI_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ECOSYSTEM:
      g_value_set_string (value, self->ecosystem);
      break;
    case PROP_AREAS:
      g_value_set_boxed (value, self->areas);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->keywords);
      break;
    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;
    case PROP_MEMBERS:
      g_value_set_int (value, self->members);
      break;
    case PROP_HORIZON_PARTS:
      g_value_set_boxed (value, self->horizon_parts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_cluster_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BandiCluster *self = BANDI_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      bandi_cluster_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACRONYM:
      bandi_cluster_set_acronym (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      bandi_cluster_set_name (self, g_value_get_string (value));
      break;
    case PROP_ECOSYSTEM:
      bandi_cluster_set_ecosystem (self, g_value_get_string (value));
      break;
    case PROP_AREAS:
      bandi_cluster_set_areas (self, g_value_get_boxed (value));
      break;
    case PROP_KEYWORDS:
      bandi_cluster_set_keywords (self, g_value_get_boxed (value));
      break;
    case PROP_WEBSITE:
      bandi_cluster_set_website (self, g_value_get_string (value));
      break;
    case PROP_MEMBERS:
      bandi_cluster_set_members (self, g_value_get_int (value));
      break;
    case PROP_HORIZON_PARTS:
      bandi_cluster_set_horizon_parts (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_cluster_class_init (BandiClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_cluster_finalize;
  object_class->get_property = bandi_cluster_get_property;
  object_class->set_property = bandi_cluster_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ECOSYSTEM] =
    g_param_spec_string ("ecosystem", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREAS] =
    g_param_spec_boxed ("areas", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_int ("members", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HORIZON_PARTS] =
    g_param_spec_boxed ("horizon-parts", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_cluster_init (BandiCluster *self)
{
  self->members = -1;
}

BandiCluster *
bandi_cluster_new (void)
{
  return g_object_new (BANDI_TYPE_CLUSTER, NULL);
}

gint64
bandi_cluster_get_id (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), 0);
  return self->id;
}

void
bandi_cluster_set_id (BandiCluster *self,
                      gint64        id)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
bandi_cluster_get_acronym (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return self->acronym;
}

void
bandi_cluster_set_acronym (BandiCluster *self,
                           const char   *acronym)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_str (&self->acronym, acronym))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACRONYM]);
}

const char *
bandi_cluster_get_name (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return self->name;
}

void
bandi_cluster_set_name (BandiCluster *self,
                        const char   *name)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
bandi_cluster_get_ecosystem (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return self->ecosystem;
}

void
bandi_cluster_set_ecosystem (BandiCluster *self,
                             const char   *ecosystem)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_str (&self->ecosystem, ecosystem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ECOSYSTEM]);
}

const char * const *
bandi_cluster_get_areas (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return (const char * const *) self->areas;
}

void
bandi_cluster_set_areas (BandiCluster       *self,
                         const char * const *areas)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_strv (&self->areas, areas))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREAS]);
}

const char * const *
bandi_cluster_get_keywords (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return (const char * const *) self->keywords;
}

void
bandi_cluster_set_keywords (BandiCluster       *self,
                            const char * const *keywords)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_strv (&self->keywords, keywords))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYWORDS]);
}

const char *
bandi_cluster_get_website (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return self->website;
}

void
bandi_cluster_set_website (BandiCluster *self,
                           const char   *website)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_str (&self->website, website))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEBSITE]);
}

int
bandi_cluster_get_members (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), 0);
  return self->members;
}

void
bandi_cluster_set_members (BandiCluster *self,
                           int           members)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (self->members != members)
    {
      self->members = members;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
    }
}

const char * const *
bandi_cluster_get_horizon_parts (BandiCluster *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER (self), NULL);
  return (const char * const *) self->horizon_parts;
}

void
bandi_cluster_set_horizon_parts (BandiCluster       *self,
                                 const char * const *horizon_parts)
{
  g_return_if_fail (BANDI_IS_CLUSTER (self));

  if (bandi_set_strv (&self->horizon_parts, horizon_parts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZON_PARTS]);
}
