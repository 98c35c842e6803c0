/* bandi-store-clusters.c — the clusters, seeded with the nine CTL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bandi-store-private.h"

#define CLUSTERS_RESOURCE "/io/github/bandi/Bandi/core/clusters.json"

#define CLUSTER_SELECT \
  "SELECT id, acronym, name, ecosystem, areas, keywords, website, members, horizon_parts" \
  " FROM clusters"

static BandiCluster *
cluster_from_row (sqlite3_stmt *stmt)
{
  BandiCluster *cluster = bandi_cluster_new ();
  g_auto(GStrv) areas = bandi_store_split_strv (bandi_store_column_text (stmt, 4));
  g_auto(GStrv) keywords = bandi_store_split_strv (bandi_store_column_text (stmt, 5));
  g_auto(GStrv) parts = bandi_store_split_strv (bandi_store_column_text (stmt, 8));

  bandi_cluster_set_id (cluster, sqlite3_column_int64 (stmt, 0));
  bandi_cluster_set_acronym (cluster, bandi_store_column_text (stmt, 1));
  bandi_cluster_set_name (cluster, bandi_store_column_text (stmt, 2));
  bandi_cluster_set_ecosystem (cluster, bandi_store_column_text (stmt, 3));
  bandi_cluster_set_areas (cluster, (const char * const *) areas);
  bandi_cluster_set_keywords (cluster, (const char * const *) keywords);
  bandi_cluster_set_website (cluster, bandi_store_column_text (stmt, 6));
  bandi_cluster_set_members (cluster, sqlite3_column_int (stmt, 7));
  bandi_cluster_set_horizon_parts (cluster, (const char * const *) parts);

  return cluster;
}

/* ?1 acronym … ?8 horizon parts; ?9 the id when updating */
static gboolean
write_cluster (BandiStore    *self,
               BandiCluster  *cluster,
               GError       **error)
{
  static const char insert_sql[] =
    "INSERT INTO clusters (acronym, name, ecosystem, areas, keywords, website, members, horizon_parts)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  static const char update_sql[] =
    "UPDATE clusters SET acronym = ?1, name = ?2, ecosystem = ?3, areas = ?4, keywords = ?5,"
    "  website = ?6, members = ?7, horizon_parts = ?8 WHERE id = ?9";
  gint64 id = bandi_cluster_get_id (cluster);
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autofree char *acronym = g_strdup (bandi_cluster_get_acronym (cluster));
  g_autofree char *areas = bandi_store_join_strv (bandi_cluster_get_areas (cluster));
  g_autofree char *keywords = bandi_store_join_strv (bandi_cluster_get_keywords (cluster));
  g_autofree char *parts = bandi_store_join_strv (bandi_cluster_get_horizon_parts (cluster));
  int rc;

  if (acronym != NULL)
    g_strstrip (acronym);
  if (acronym == NULL || *acronym == '\0')
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT,
                           _("A cluster needs an acronym"));
      return FALSE;
    }

  stmt = bandi_store_stmt (self, id > 0 ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, acronym, -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 2, bandi_cluster_get_name (cluster));
  bandi_store_bind_text (stmt, 3, bandi_cluster_get_ecosystem (cluster));
  bandi_store_bind_text (stmt, 4, areas);
  bandi_store_bind_text (stmt, 5, keywords);
  bandi_store_bind_text (stmt, 6, bandi_cluster_get_website (cluster));
  sqlite3_bind_int (stmt, 7, MAX (bandi_cluster_get_members (cluster), 0));
  bandi_store_bind_text (stmt, 8, parts);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 9, id);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT,
                   _("There is already a cluster with the acronym “%s”"), acronym);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bandi_store_fail (self, rc, "Saving a cluster", error);

  if (id > 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                   _("The cluster “%s” is no longer in the database"), acronym);
      return FALSE;
    }

  if (id <= 0)
    bandi_cluster_set_id (cluster, sqlite3_last_insert_rowid (self->db));
  bandi_cluster_set_acronym (cluster, acronym);

  return TRUE;
}

static char **
json_strv (JsonObject *object,
           const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return NULL;

  array = json_object_get_array_member (object, member);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

/* Part of creating the schema: adds the clusters of the data file in
 * the resource, in the migration's transaction. Never run again, so a
 * user who deletes every cluster keeps none. */
gboolean
bandi_store_seed_clusters (BandiStore  *self,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  bytes = g_resources_lookup_data (CLUSTERS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_FAILED,
                           "clusters.json does not hold an array");
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autoptr(BandiCluster) cluster = bandi_cluster_new ();
      g_auto(GStrv) areas = json_strv (object, "areas");
      g_auto(GStrv) keywords = json_strv (object, "keywords");
      g_auto(GStrv) parts = json_strv (object, "horizon_parts");

      bandi_cluster_set_acronym (cluster, json_object_get_string_member_with_default (object, "acronym", NULL));
      bandi_cluster_set_name (cluster, json_object_get_string_member_with_default (object, "name", NULL));
      bandi_cluster_set_ecosystem (cluster, json_object_get_string_member_with_default (object, "ecosystem", NULL));
      bandi_cluster_set_areas (cluster, (const char * const *) areas);
      bandi_cluster_set_keywords (cluster, (const char * const *) keywords);
      bandi_cluster_set_website (cluster, json_object_get_string_member_with_default (object, "website", NULL));
      bandi_cluster_set_members (cluster, json_object_get_int_member_with_default (object, "members", 0));
      bandi_cluster_set_horizon_parts (cluster, (const char * const *) parts);

      if (!write_cluster (self, cluster, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): a #GListModel of #BandiCluster by acronym */
GListModel *
bandi_store_list_clusters (BandiStore  *self,
                           GError     **error)
{
  static const char sql[] = CLUSTER_SELECT " ORDER BY acronym COLLATE NOCASE";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (BANDI_TYPE_CLUSTER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BandiCluster) cluster = cluster_from_row (stmt);

      g_list_store_append (store, cluster);
    }
  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading clusters", error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Returns: (transfer full): the cluster (acronyms match case-blind), or
 * %NULL with %BANDI_STORE_ERROR_NOT_FOUND */
BandiCluster *
bandi_store_find_cluster (BandiStore  *self,
                          const char  *acronym,
                          GError     **error)
{
  static const char sql[] = CLUSTER_SELECT " WHERE acronym = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);
  g_return_val_if_fail (acronym != NULL, NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, acronym, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cluster_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                 _("There is no cluster “%s”"), acronym);
  else
    bandi_store_fail (self, rc, "Reading a cluster", error);

  return NULL;
}

/**
 * bandi_store_save_cluster:
 *
 * Adds @cluster (id 0; its new id is set) or updates it. A duplicate
 * acronym gives %BANDI_STORE_ERROR_CONSTRAINT.
 */
gboolean
bandi_store_save_cluster (BandiStore    *self,
                          BandiCluster  *cluster,
                          GError       **error)
{
  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CLUSTER (cluster), FALSE);

  return write_cluster (self, cluster, error);
}

/**
 * bandi_store_delete_cluster:
 *
 * Removes @cluster. Its proposals stay, without a cluster. The id of
 * @cluster goes back to 0, so saving it again adds it back (undo).
 */
gboolean
bandi_store_delete_cluster (BandiStore    *self,
                            BandiCluster  *cluster,
                            GError       **error)
{
  static const char sql[] = "DELETE FROM clusters WHERE id = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CLUSTER (cluster), FALSE);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bandi_cluster_get_id (cluster));
  if (!bandi_store_step_done (self, stmt, "Deleting a cluster", error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                   _("The cluster “%s” is no longer in the database"),
                   bandi_cluster_get_acronym (cluster));
      return FALSE;
    }

  bandi_cluster_set_id (cluster, 0);
  return TRUE;
}
