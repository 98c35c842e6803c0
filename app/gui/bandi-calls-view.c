/* bandi-calls-view.c
 *
 * A GtkColumnView over the stored calls, filtered in place: kind (upcoming,
 * all, starred), search (the store's FTS index gives the matching ids),
 * source, programme, status, deadline window and cluster relevance. What
 * each row needs often (next deadline, relevance) is computed once per
 * call and kept in tables, so filtering 20,000 calls stays cheap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-call-model.h"
#include "bandi-calls-view-private.h"
#include "bandi-format.h"
#include "bandi-relevance.h"


G_DEFINE_FINAL_TYPE (BandiCallsView, bandi_calls_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_RELEVANCE_CLUSTER,
  PROP_N_SHOWN,
  N_PROPS
};

enum {
  CALL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
call_key (BandiCall *call)
{
  return bandi_call_get_id (call);
}

/* Per-call tables */

static void
reset_clock (BandiCallsView *self)
{
  g_clear_pointer (&self->now_dt, g_date_time_unref);
  self->now_dt = g_date_time_ref (bandi_context_get_now (self->context));
  self->now = g_date_time_to_unix (self->now_dt);
}

static void
rebuild_next_deadlines (BandiCallsView *self)
{
  guint n = self->calls ? g_list_model_get_n_items (self->calls) : 0;

  g_hash_table_remove_all (self->next_deadline);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (self->calls, i);
      BandiDeadline *next = bandi_call_get_next_deadline (call, self->now);
      gint64 *key;
      gint64 *value;

      if (next == NULL)
        continue;
      key = g_new (gint64, 1);
      value = g_new (gint64, 1);
      *key = call_key (call);
      *value = bandi_deadline_to_unix (next);
      g_hash_table_insert (self->next_deadline, key, value);
    }
}

gboolean
bandi_calls_view_next_deadline (BandiCallsView *self,
                                BandiCall      *call,
                                gint64         *out)
{
  gint64 key = call_key (call);
  gint64 *value = g_hash_table_lookup (self->next_deadline, &key);

  if (value == NULL)
    return FALSE;
  *out = *value;
  return TRUE;
}

guint
bandi_calls_view_relevance_of (BandiCallsView *self,
                               BandiCall      *call)
{
  gint64 key = call_key (call);
  gpointer value;
  guint score;

  if (self->cluster == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->relevance, &key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  score = bandi_relevance_score (self->cluster, call);
  g_hash_table_insert (self->relevance, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (score + 1));
  return score;
}

static void
update_empty_state (BandiCallsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->calls ? g_list_model_get_n_items (self->calls) : 0;

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  gtk_widget_set_visible (self->sync_button, total == 0);
  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Calls Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Sync to fetch the open and forthcoming calls of the sources enabled in Preferences."));
    }
  else if (self->kind == BANDI_CALLS_KIND_STARRED && self->search_ids == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "starred-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Starred Calls"));
      adw_status_page_set_description (self->empty_page,
                                       _("Star a call in its details to keep it here."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Calls"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words or filters."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
filter_now (BandiCallsView  *self,
            GtkFilterChange  change)
{
  self->filter_stale = FALSE;
  bandi_calls_view_read_filter_state (self);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
}

/* A view not on screen applies new calls and filters when it is next
 * mapped: the window's four calls views would otherwise each index the
 * calls at start-up and refilter them at every keystroke. */
static void
refilter_with (BandiCallsView   *self,
               GtkFilterChange   change)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->filter_stale = TRUE;
  else
    filter_now (self, change);
}

void
bandi_calls_view_refilter_now (BandiCallsView *self)
{
  refilter_with (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filter_changed_cb (BandiCallsView *self)
{
  if (self->updating_dropdowns)
    return;
  bandi_calls_view_refilter_now (self);
}

static void
row_activated_cb (BandiCallsView *self,
                  guint           position)
{
  g_autoptr(BandiCall) call = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (call != NULL)
    g_signal_emit (self, signals[CALL_ACTIVATED], 0, call);
}

static void
cluster_selected_cb (BandiCallsView *self)
{
  if (self->updating_dropdowns)
    return;
  bandi_calls_view_set_relevance_cluster (self, bandi_calls_view_selected_string (self->cluster_dropdown));
}

/* Resolves relevance_cluster (or the fixed one) to a cluster object. */
static void
update_cluster (BandiCallsView *self)
{
  const char *acronym = self->fixed_cluster ? self->fixed_cluster : self->relevance_cluster;
  GListModel *clusters = bandi_context_get_clusters (self->context);
  guint n = g_list_model_get_n_items (clusters);

  g_clear_object (&self->cluster);
  g_hash_table_remove_all (self->relevance);
  for (guint i = 0; acronym != NULL && *acronym != '\0' && i < n; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (bandi_cluster_get_acronym (cluster), acronym) == 0)
        self->cluster = g_steal_pointer (&cluster);
    }
  /* Narrow, it stays hidden with the identifier (set_compact). */
  gtk_column_view_column_set_visible (self->columns[COL_RELEVANCE],
                                      self->cluster != NULL &&
                                      gtk_column_view_column_get_visible (self->columns[COL_ID]));
  bandi_calls_view_fit_title (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->suggested_button), self->cluster != NULL);
}

static void
apply_calls (BandiCallsView *self)
{
  self->calls_stale = FALSE;
  reset_clock (self);
  rebuild_next_deadlines (self);
  g_hash_table_remove_all (self->relevance);
  bandi_calls_view_refill_dropdowns (self);
  gtk_filter_list_model_set_model (self->filtered, self->calls);
  filter_now (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
ensure_current (BandiCallsView *self)
{
  if (self->calls_stale)
    apply_calls (self);
  else if (self->filter_stale)
    filter_now (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* What the context says changed */

static void
calls_changed_cb (BandiCallsView *self)
{
  g_set_object (&self->calls, bandi_context_get_calls (self->context));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    apply_calls (self);
  else
    self->calls_stale = TRUE;
}

static void
clusters_changed_cb (BandiCallsView *self)
{
  bandi_calls_view_refill_cluster_dropdown (self);
  update_cluster (self);
  bandi_calls_view_refilter_now (self);
}

static gboolean
refilter_idle_cb (gpointer user_data)
{
  BandiCallsView *self = user_data;

  self->refilter_idle = 0;
  bandi_calls_view_refilter_now (self);
  return G_SOURCE_REMOVE;
}

/* A call starred or not: Starred shows it or not, once the star that
 * changed (maybe in one of its rows) is done with it. */
static void
call_changed_cb (BandiCallsView *self)
{
  if (self->kind == BANDI_CALLS_KIND_STARRED && self->refilter_idle == 0)
    self->refilter_idle = g_idle_add (refilter_idle_cb, self);
}

/* The clock moved: deadlines may have passed. */
static void
now_changed_cb (BandiCallsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      reset_clock (self);
      rebuild_next_deadlines (self);
      filter_now (self, GTK_FILTER_CHANGE_DIFFERENT);
    }
  else
    self->calls_stale = TRUE;
}

/* Public API */

BandiCallsView *
bandi_calls_view_new (BandiContext   *context,
                      BandiCallsKind  kind)
{
  return g_object_new (BANDI_TYPE_CALLS_VIEW,
                       "context", context,
                       "kind", kind,
                       NULL);
}

BandiContext *
bandi_calls_view_get_context (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), NULL);
  return self->context;
}

void
bandi_calls_view_set_fixed_cluster (BandiCallsView *self,
                                    const char     *acronym)
{
  g_return_if_fail (BANDI_IS_CALLS_VIEW (self));

  g_free (self->fixed_cluster);
  self->fixed_cluster = g_strdup (acronym);
  gtk_widget_set_visible (GTK_WIDGET (self->cluster_dropdown), acronym == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_button), acronym == NULL);
  update_cluster (self);
  bandi_calls_view_refilter_now (self);
}

const char *
bandi_calls_view_get_relevance_cluster (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), NULL);
  return self->relevance_cluster ? self->relevance_cluster : "";
}

void
bandi_calls_view_set_relevance_cluster (BandiCallsView *self,
                                        const char     *acronym)
{
  g_return_if_fail (BANDI_IS_CALLS_VIEW (self));

  if (acronym != NULL && *acronym == '\0')
    acronym = NULL;
  if (g_strcmp0 (self->relevance_cluster, acronym) == 0)
    return;
  g_free (self->relevance_cluster);
  self->relevance_cluster = g_strdup (acronym);
  bandi_calls_view_select_cluster (self);
  update_cluster (self);
  bandi_calls_view_refilter_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEVANCE_CLUSTER]);
}

void
bandi_calls_view_set_search_text (BandiCallsView *self,
                                  const char     *text)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (BANDI_IS_CALLS_VIEW (self));

  if (*stripped != '\0')
    {
      ids = bandi_store_search_call_ids (bandi_context_get_store (self->context), stripped, &error);
      if (ids == NULL)
        g_warning ("Cannot search calls: %s", error->message);
    }
  bandi_calls_view_set_search_ids (self, ids);
}

/* Typing one more letter narrows the matches: only the calls shown need
 * to be checked again, and none when the same calls match. Returns FALSE
 * when nothing changes. */
static gboolean
search_change (GHashTable      *old_ids,
               GHashTable      *new_ids,
               GtkFilterChange *change)
{
  GHashTableIter iter;
  gpointer key;

  *change = GTK_FILTER_CHANGE_DIFFERENT;
  if (new_ids == NULL)
    {
      *change = GTK_FILTER_CHANGE_LESS_STRICT;
      return TRUE;
    }
  if (old_ids == NULL)
    {
      *change = GTK_FILTER_CHANGE_MORE_STRICT;
      return TRUE;
    }
  if (g_hash_table_size (new_ids) > g_hash_table_size (old_ids))
    return TRUE;
  g_hash_table_iter_init (&iter, new_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (old_ids, key))
      return TRUE;
  *change = GTK_FILTER_CHANGE_MORE_STRICT;
  return g_hash_table_size (new_ids) != g_hash_table_size (old_ids);
}

void
bandi_calls_view_set_search_ids (BandiCallsView *self,
                                 GHashTable     *ids)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean changed;

  g_return_if_fail (BANDI_IS_CALLS_VIEW (self));

  if (ids == NULL && self->search_ids == NULL)
    return;
  /* A hidden view refilters when shown: no need to compare. */
  changed = !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
            search_change (self->search_ids, ids, &change);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  self->search_ids = ids ? g_hash_table_ref (ids) : NULL;
  if (changed)
    refilter_with (self, change);
}

void
bandi_calls_view_set_compact (BandiCallsView *self,
                              gboolean        compact)
{
  g_return_if_fail (BANDI_IS_CALLS_VIEW (self));

  gtk_column_view_column_set_visible (self->columns[COL_DEADLINE], !compact);
  gtk_column_view_column_set_visible (self->columns[COL_PROGRAMME], !compact);
  gtk_column_view_column_set_visible (self->columns[COL_ID], !compact);
  gtk_column_view_column_set_visible (self->columns[COL_STATUS], !compact);
  gtk_column_view_column_set_visible (self->columns[COL_RELEVANCE], !compact && self->cluster != NULL);
  /* Wide enough for its Italian header, "Giorni rimasti". */
  gtk_column_view_column_set_fixed_width (self->columns[COL_DAYS], compact ? 110 : 115);
  bandi_calls_view_fit_title (self);
}

guint
bandi_calls_view_get_n_shown (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GListModel *
bandi_calls_view_get_shown (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), NULL);

  ensure_current (self);
  return G_LIST_MODEL (self->sorted);
}

gboolean
bandi_calls_view_focus_results (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), FALSE);

  ensure_current (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

gboolean
bandi_calls_view_activate_first (BandiCallsView *self)
{
  g_return_val_if_fail (BANDI_IS_CALLS_VIEW (self), FALSE);

  ensure_current (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return FALSE;
  row_activated_cb (self, 0);
  return TRUE;
}

/* GObject */

static void
bandi_calls_view_dispose (GObject *object)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (object);

  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  g_clear_handle_id (&self->fit_title_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_CALLS_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->calls);
  g_clear_object (&self->cluster);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bandi_calls_view_parent_class)->dispose (object);
}

static void
bandi_calls_view_finalize (GObject *object)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (object);

  g_clear_pointer (&self->next_deadline, g_hash_table_unref);
  g_clear_pointer (&self->relevance, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->now_dt, g_date_time_unref);
  g_free (self->relevance_cluster);
  g_free (self->fixed_cluster);

  G_OBJECT_CLASS (bandi_calls_view_parent_class)->finalize (object);
}

static void
bandi_calls_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_RELEVANCE_CLUSTER:
      g_value_set_string (value, bandi_calls_view_get_relevance_cluster (self));
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, bandi_calls_view_get_n_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_calls_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_RELEVANCE_CLUSTER:
      bandi_calls_view_set_relevance_cluster (self, g_value_get_string (value));
      break;
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
column_sorter_changed_cb (BandiCallsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  gtk_sort_list_model_set_sorter (self->sorted,
                                  gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE ? NULL : sorter);
}

/* calls.star-focused: the star of the row that has the focus (the stars
 * take no focus, so that Enter on a row always opens its call). */
static void
star_focused_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkToggleButton *star;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return;
  star = bandi_calls_view_row_star (focus);
  if (star != NULL)
    gtk_toggle_button_set_active (star, !gtk_toggle_button_get_active (star));
}

static void
bandi_calls_view_constructed (GObject *object)
{
  BandiCallsView *self = BANDI_CALLS_VIEW (object);

  G_OBJECT_CLASS (bandi_calls_view_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  reset_clock (self);
  g_signal_connect_object (self->context, "calls-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "clusters-changed", G_CALLBACK (clusters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "call-changed", G_CALLBACK (call_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::now", G_CALLBACK (now_changed_cb), self, G_CONNECT_SWAPPED);
  bandi_calls_view_refill_cluster_dropdown (self);
  update_cluster (self);
  calls_changed_cb (self);
  update_empty_state (self);
}

static void
bandi_calls_view_map (GtkWidget *widget)
{
  ensure_current (BANDI_CALLS_VIEW (widget));
  GTK_WIDGET_CLASS (bandi_calls_view_parent_class)->map (widget);
}

static void
bandi_calls_view_class_init (BandiCallsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bandi_calls_view_constructed;
  object_class->dispose = bandi_calls_view_dispose;
  object_class->finalize = bandi_calls_view_finalize;
  object_class->get_property = bandi_calls_view_get_property;
  object_class->set_property = bandi_calls_view_set_property;
  widget_class->map = bandi_calls_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BANDI_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, BANDI_CALLS_KIND_UPCOMING, BANDI_CALLS_KIND_STARRED,
                      BANDI_CALLS_KIND_UPCOMING,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* How many calls the filters let through: what the header counts. */
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEVANCE_CLUSTER] =
    g_param_spec_string ("relevance-cluster", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CALL_ACTIVATED] =
    g_signal_new ("call-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);

  gtk_widget_class_install_action (widget_class, "calls.star-focused", NULL, star_focused_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "calls.star-focused", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-calls-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, window_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, suggested_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BandiCallsView, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, bandi_calls_view_clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, cluster_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
bandi_calls_view_init (BandiCallsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->next_deadline = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->relevance = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (bandi_calls_view_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  bandi_calls_view_init_filters (self);
  bandi_calls_view_build_columns (self);
  /* In the context's order (by next deadline) until a header is clicked:
   * no sorter until then, so that filtering walks no sort. */
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (column_sorter_changed_cb), self);
  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (bandi_call_model_new (G_LIST_MODEL (self->sorted)))));
  gtk_column_view_set_model (self->column_view, self->selection);
}
