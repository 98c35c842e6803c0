/* bandi-context.c
 *
 * What every view of a window shows comes from here, as GNOME Calendar's
 * views share one context: the store, the plugins (for the sources'
 * names), the settings, the calls, clusters and proposals read from the
 * store, and one clock. Views take the context when they are built and
 * listen to its signals; whatever changes the store through the context
 * (a sync, a star, a cluster or proposal saved or deleted) is followed by
 * the signal that makes every view show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-context"

#include "config.h"

#include "bandi-context.h"

#define CLOCK_SECONDS 60

struct _BandiContext
{
  GObject            parent_instance;

  BandiStore        *store;
  BandiPluginLoader *loader;
  GSettings         *settings;
  BandiSync         *sync;
  GListModel        *calls;
  GListModel        *clusters;
  GListModel        *proposals;
  GHashTable        *calls_by_id;  /* gint64 id → BandiCall, borrowed from calls */
  GDateTime         *now;
  guint              clock_id;
  gboolean           loaded;
};

G_DEFINE_FINAL_TYPE (BandiContext, bandi_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADER,
  PROP_SETTINGS,
  PROP_SYNC,
  PROP_NOW,
  N_PROPS
};

enum {
  CALLS_CHANGED,
  CLUSTERS_CHANGED,
  PROPOSALS_CHANGED,
  CALL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The calls in the order every list starts from */

typedef struct {
  gint64     group;  /* 0 ahead, 1 closed, 2 none */
  gint64     key;
  BandiCall *call;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  if (ea->group != eb->group)
    return ea->group < eb->group ? -1 : 1;
  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return g_strcmp0 (bandi_call_get_external_id (ea->call), bandi_call_get_external_id (eb->call));
}

GListModel *
bandi_calls_sort_by_deadline (GListModel *calls,
                              gint64      now_unix)
{
  guint n = g_list_model_get_n_items (calls);
  g_autofree SortEntry *entries = g_new (SortEntry, n);
  g_autofree gpointer *items = g_new (gpointer, n);
  GListStore *sorted = g_list_store_new (BANDI_TYPE_CALL);

  for (guint i = 0; i < n; i++)
    {
      BandiCall *call = g_list_model_get_item (calls, i);
      BandiDeadline *next = bandi_call_get_next_deadline (call, now_unix);

      entries[i].call = call;
      if (next == NULL)
        entries[i].group = 2, entries[i].key = 0;
      else if (bandi_deadline_is_past (next, now_unix))
        entries[i].group = 1, entries[i].key = -bandi_deadline_sort_key (next);
      else
        entries[i].group = 0, entries[i].key = bandi_deadline_sort_key (next);
    }
  qsort (entries, n, sizeof (SortEntry), sort_entry_compare);
  for (guint i = 0; i < n; i++)
    items[i] = entries[i].call;
  g_list_store_splice (sorted, 0, 0, items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (entries[i].call);

  return G_LIST_MODEL (sorted);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GPtrArray *
bandi_calls_distinct_values (GListModel  *calls,
                             const char *(*get) (BandiCall *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (calls);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);
      const char *value = get (call);

      /* The calls own the strings and outlive this array. */
      if (value != NULL && *value != '\0' && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, (gpointer) value);
    }
  g_ptr_array_sort (values, compare_strings);
  return values;
}

static void
tick (BandiContext *self)
{
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

static gboolean
clock_cb (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

static void
index_calls (BandiContext *self)
{
  guint n = g_list_model_get_n_items (self->calls);

  g_hash_table_remove_all (self->calls_by_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (self->calls, i);
      gint64 *id = g_new (gint64, 1);

      *id = bandi_call_get_id (call);
      /* The list keeps the call alive until the next reload. */
      g_hash_table_insert (self->calls_by_id, id, call);
    }
}

gboolean
bandi_context_reload_clusters (BandiContext  *self,
                               GError       **error)
{
  g_autoptr(GListModel) clusters = NULL;

  g_return_val_if_fail (BANDI_IS_CONTEXT (self), FALSE);

  clusters = bandi_store_list_clusters (self->store, error);
  if (clusters == NULL)
    return FALSE;
  g_set_object (&self->clusters, clusters);
  g_signal_emit (self, signals[CLUSTERS_CHANGED], 0);
  return TRUE;
}

gboolean
bandi_context_reload_proposals (BandiContext  *self,
                                GError       **error)
{
  g_autoptr(GListModel) proposals = NULL;

  g_return_val_if_fail (BANDI_IS_CONTEXT (self), FALSE);

  proposals = bandi_store_list_proposals (self->store, NULL, error);
  if (proposals == NULL)
    return FALSE;
  g_set_object (&self->proposals, proposals);
  g_signal_emit (self, signals[PROPOSALS_CHANGED], 0);
  return TRUE;
}

gboolean
bandi_context_reload (BandiContext  *self,
                      GError       **error)
{
  BandiCallQuery query = { 0 };
  g_autoptr(GListModel) stored = NULL;

  g_return_val_if_fail (BANDI_IS_CONTEXT (self), FALSE);

  stored = bandi_store_list_calls (self->store, &query, error);
  if (stored == NULL)
    return FALSE;
  tick (self);
  g_clear_object (&self->calls);
  self->calls = bandi_calls_sort_by_deadline (stored, g_date_time_to_unix (self->now));
  index_calls (self);
  self->loaded = TRUE;

  /* The clusters first: the calls views show relevance for one. */
  if (!bandi_context_reload_clusters (self, error))
    return FALSE;
  g_signal_emit (self, signals[CALLS_CHANGED], 0);
  return bandi_context_reload_proposals (self, error);
}

gboolean
bandi_context_set_starred (BandiContext  *self,
                           BandiCall     *call,
                           gboolean       starred,
                           GError       **error)
{
  BandiCall *own;

  g_return_val_if_fail (BANDI_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (!bandi_store_set_starred (self->store, call, starred, error))
    return FALSE;
  own = bandi_context_find_call (self, bandi_call_get_id (call));
  if (own != NULL)
    bandi_call_set_starred (own, starred);
  g_signal_emit (self, signals[CALL_CHANGED], 0, own != NULL ? own : call);
  return TRUE;
}

static void
sync_running_cb (BandiContext *self)
{
  g_autoptr(GError) error = NULL;

  if (bandi_sync_get_running (self->sync))
    return;
  if (!bandi_context_reload (self, &error))
    g_warning ("Cannot read the store after a sync: %s", error->message);
}

/* Getters */

BandiStore *
bandi_context_get_store (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->store;
}

BandiPluginLoader *
bandi_context_get_loader (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->loader;
}

GSettings *
bandi_context_get_settings (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->settings;
}

GListModel *
bandi_context_get_calls (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->calls;
}

GListModel *
bandi_context_get_clusters (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->clusters;
}

GListModel *
bandi_context_get_proposals (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->proposals;
}

BandiCall *
bandi_context_find_call (BandiContext *self,
                         gint64        id)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return g_hash_table_lookup (self->calls_by_id, &id);
}

GDateTime *
bandi_context_get_now (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), NULL);
  return self->now;
}

gint64
bandi_context_get_now_unix (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), 0);
  return g_date_time_to_unix (self->now);
}

gboolean
bandi_context_get_loaded (BandiContext *self)
{
  g_return_val_if_fail (BANDI_IS_CONTEXT (self), FALSE);
  return self->loaded;
}

/* GObject */

BandiContext *
bandi_context_new (BandiStore        *store,
                   BandiPluginLoader *loader,
                   GSettings         *settings,
                   BandiSync         *sync)
{
  return g_object_new (BANDI_TYPE_CONTEXT,
                       "store", store,
                       "loader", loader,
                       "settings", settings,
                       "sync", sync,
                       NULL);
}

static void
bandi_context_constructed (GObject *object)
{
  BandiContext *self = BANDI_CONTEXT (object);

  G_OBJECT_CLASS (bandi_context_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->loader != NULL && self->settings != NULL);
  if (self->sync != NULL)
    g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (sync_running_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
bandi_context_dispose (GObject *object)
{
  BandiContext *self = BANDI_CONTEXT (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_hash_table_remove_all (self->calls_by_id);
  g_clear_object (&self->calls);
  g_clear_object (&self->clusters);
  g_clear_object (&self->proposals);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->loader);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bandi_context_parent_class)->dispose (object);
}

static void
bandi_context_finalize (GObject *object)
{
  BandiContext *self = BANDI_CONTEXT (object);

  g_hash_table_unref (self->calls_by_id);
  g_date_time_unref (self->now);

  G_OBJECT_CLASS (bandi_context_parent_class)->finalize (object);
}

static void
bandi_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BandiContext *self = BANDI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BandiContext *self = BANDI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_LOADER:
      self->loader = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SYNC:
      self->sync = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_context_class_init (BandiContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bandi_context_constructed;
  object_class->dispose = bandi_context_dispose;
  object_class->finalize = bandi_context_finalize;
  object_class->get_property = bandi_context_get_property;
  object_class->set_property = bandi_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BANDI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, BANDI_TYPE_PLUGIN_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, BANDI_TYPE_SYNC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The calls (and so the list from bandi_context_get_calls()) were read again. */
  signals[CALLS_CHANGED] =
    g_signal_new ("calls-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLUSTERS_CHANGED] =
    g_signal_new ("clusters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PROPOSALS_CHANGED] =
    g_signal_new ("proposals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* One call's star changed (the call is the context's own object). */
  signals[CALL_CHANGED] =
    g_signal_new ("call-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);
}

static void
bandi_context_init (BandiContext *self)
{
  self->calls = G_LIST_MODEL (g_list_store_new (BANDI_TYPE_CALL));
  self->clusters = G_LIST_MODEL (g_list_store_new (BANDI_TYPE_CLUSTER));
  self->proposals = G_LIST_MODEL (g_list_store_new (BANDI_TYPE_PROPOSAL));
  self->calls_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->now = g_date_time_new_now_local ();
  self->clock_id = g_timeout_add_seconds (CLOCK_SECONDS, clock_cb, self);
}
