/* bandi-ical-scope.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-ical"

#include "config.h"

#include "bandi-ical-scope.h"

static guint
store_sequence (BandiCall *call,
                guint      stage,
                gpointer   user_data)
{
  return bandi_store_count_deadline_changes (BANDI_STORE (user_data), bandi_call_get_id (call), stage);
}

/* Adds @call unless @added (call ids) has it. */
static void
add_call (BandiIcalExport *export,
          BandiCall       *call,
          GHashTable      *added)
{
  gint64 id = bandi_call_get_id (call);

  if (g_hash_table_contains (added, &id))
    return;
  g_hash_table_add (added, g_memdup2 (&id, sizeof id));
  bandi_ical_export_add_call (export, call);
}

/* Appends the calls of @model not yet in @seen (call ids) to @calls. */
static void
collect_calls (GPtrArray  *calls,
               GListModel *model,
               GHashTable *seen)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (model, i);
      gint64 id = bandi_call_get_id (call);

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (calls, g_steal_pointer (&call));
    }
}

gboolean
bandi_ical_scope_foreach_proposal (BandiStore                 *store,
                                   const char                 *cluster_acronym,
                                   BandiIcalScopeProposalFunc  func,
                                   gpointer                    user_data,
                                   GError                    **error)
{
  g_autoptr(GListModel) proposals = NULL;
  guint n;

  g_return_val_if_fail (BANDI_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  proposals = bandi_store_list_proposals (store, cluster_acronym, error);
  if (proposals == NULL)
    return FALSE;

  n = g_list_model_get_n_items (proposals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      const char *source = bandi_proposal_get_call_source (proposal);
      const char *external_id = bandi_proposal_get_call_external_id (proposal);
      g_autoptr(BandiCall) call = NULL;

      if (source != NULL && external_id != NULL && *external_id != '\0')
        {
          g_autoptr(GError) local_error = NULL;

          call = bandi_store_find_call (store, source, external_id, &local_error);
          if (call == NULL && !g_error_matches (local_error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (call != NULL && bandi_call_get_withdrawn (call))
            g_clear_object (&call);
        }

      func (proposal, call, user_data);
    }

  return TRUE;
}

typedef struct {
  BandiIcalExport *export;
  GHashTable      *added;
} AddProposal;

/* The proposal's events leave its call's deadlines to the call. */
static void
add_proposal (BandiProposal *proposal,
              BandiCall     *call,
              gpointer       user_data)
{
  AddProposal *add = user_data;

  if (call != NULL)
    add_call (add->export, call, add->added);
  bandi_ical_export_add_proposal (add->export, proposal);
}

static gboolean
includes_closed (const BandiIcalScope *scope)
{
  return scope->include_closed ||
         (scope->filter_status && scope->status == BANDI_CALL_STATUS_CLOSED);
}

/* The calls of @scope, their ids added to @seen; with @closed non-NULL,
 * the closed ones left out go there instead, and not into @seen (a
 * proposal can still bring its call). */
static GPtrArray *
list_calls (BandiStore           *store,
            const BandiIcalScope *scope,
            GHashTable           *seen,
            GPtrArray            *closed,
            GError              **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GListModel) suggested = NULL;
  BandiCallQuery query = { NULL, };
  gint64 now = scope->now_unix != 0 ? scope->now_unix : g_get_real_time () / G_USEC_PER_SEC;

  query.source_id = scope->source_id;
  query.filter_status = scope->filter_status;
  query.status = scope->status;
  query.cluster_acronym = scope->cluster_acronym;

  suggested = bandi_store_list_calls (store, &query, error);
  if (suggested == NULL)
    return NULL;
  collect_calls (calls, suggested, seen);

  if (scope->cluster_acronym != NULL)
    {
      g_autoptr(GListModel) starred = NULL;

      query.cluster_acronym = NULL;
      query.starred_only = TRUE;
      starred = bandi_store_list_calls (store, &query, error);
      if (starred == NULL)
        return NULL;
      collect_calls (calls, starred, seen);
    }

  if (includes_closed (scope))
    return g_steal_pointer (&calls);

  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < calls->len; i++)
    {
      BandiCall *call = g_ptr_array_index (calls, i);
      gint64 id = bandi_call_get_id (call);

      if (!bandi_call_is_closed (call, now))
        g_ptr_array_add (open, g_object_ref (call));
      else
        {
          g_hash_table_remove (seen, &id);
          if (closed != NULL)
            g_ptr_array_add (closed, g_object_ref (call));
        }
    }

  return g_steal_pointer (&open);
}

/**
 * bandi_ical_scope_list_calls:
 *
 * Returns: (transfer full) (element-type BandiCall): the calls of @scope, or %NULL with
 *   @error set
 */
GPtrArray *
bandi_ical_scope_list_calls (BandiStore           *store,
                             const BandiIcalScope *scope,
                             GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  return list_calls (store, scope, seen, NULL, error);
}

/**
 * bandi_ical_scope_fill:
 *
 * Returns: %FALSE with @error set when the store could not be read or the
 *   cluster is unknown; @export may then hold part of the scope.
 */
gboolean
bandi_ical_scope_fill (BandiIcalExport      *export,
                       BandiStore           *store,
                       const BandiIcalScope *scope,
                       GError              **error)
{
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) closed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) calls = NULL;
  AddProposal add;

  g_return_val_if_fail (BANDI_IS_ICAL_EXPORT (export), FALSE);
  g_return_val_if_fail (BANDI_IS_STORE (store), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  bandi_ical_export_set_sequence_func (export, store_sequence, store);

  calls = list_calls (store, scope, added, closed, error);
  if (calls == NULL)
    return FALSE;
  for (guint i = 0; i < calls->len; i++)
    bandi_ical_export_add_call (export, g_ptr_array_index (calls, i));
  for (guint i = 0; i < closed->len; i++)
    bandi_ical_export_keep_call (export, g_ptr_array_index (closed, i));

  if (!scope->with_proposals)
    return TRUE;
  add.export = export;
  add.added = added;
  return bandi_ical_scope_foreach_proposal (store, scope->cluster_acronym, add_proposal, &add, error);
}
