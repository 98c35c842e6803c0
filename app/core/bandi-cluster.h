/* bandi-cluster.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BANDI_TYPE_CLUSTER (bandi_cluster_get_type ())
G_DECLARE_FINAL_TYPE (BandiCluster, bandi_cluster, BANDI, CLUSTER, GObject)

/* A Cluster Tecnologico Lombardo (or any group an officer adds). Horizon
 * parts are Pillar II cluster codes ("CL4", "CL5") used as a default for
 * relevance. */

BandiCluster       *bandi_cluster_new               (void);

gint64              bandi_cluster_get_id            (BandiCluster       *self);
void                bandi_cluster_set_id            (BandiCluster       *self,
                                                     gint64              id);
const char         *bandi_cluster_get_acronym       (BandiCluster       *self);
void                bandi_cluster_set_acronym       (BandiCluster       *self,
                                                     const char         *acronym);
const char         *bandi_cluster_get_name          (BandiCluster       *self);
void                bandi_cluster_set_name          (BandiCluster       *self,
                                                     const char         *name);
const char         *bandi_cluster_get_ecosystem     (BandiCluster       *self);
void                bandi_cluster_set_ecosystem     (BandiCluster       *self,
                                                     const char         *ecosystem);
const char * const *bandi_cluster_get_areas         (BandiCluster       *self);
void                bandi_cluster_set_areas         (BandiCluster       *self,
                                                     const char * const *areas);
const char * const *bandi_cluster_get_keywords      (BandiCluster       *self);
void                bandi_cluster_set_keywords      (BandiCluster       *self,
                                                     const char * const *keywords);
const char         *bandi_cluster_get_website       (BandiCluster       *self);
void                bandi_cluster_set_website       (BandiCluster       *self,
                                                     const char         *website);
int                 bandi_cluster_get_members       (BandiCluster       *self);
void                bandi_cluster_set_members       (BandiCluster       *self,
                                                     int                 members);
const char * const *bandi_cluster_get_horizon_parts (BandiCluster       *self);
void                bandi_cluster_set_horizon_parts (BandiCluster       *self,
                                                     const char * const *horizon_parts);


G_END_DECLS
