/* bandi-calls-filters.c
 *
 * The filters of the calls view: the function that lets a call through,
 * the source, programme and cluster lists
 * filled from the calls and clusters shown, and their state read once for
 * the filter function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calls-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-calls-view-private.h"
#include "bandi-format.h"
#include "bandi-relevance.h"

/* Filtering: kind, search, source, programme, status, deadline window,
 * cluster relevance. */
gboolean
bandi_calls_view_filter_func (gpointer item,
                              gpointer user_data)
{
  BandiCallsView *self = user_data;
  BandiCall *call = item;
  const char *source = self->state.source;
  const char *programme = self->state.programme;
  guint status = self->state.status;
  guint window = self->state.window;
  gboolean has_next;
  gint64 next = 0;
  gint64 key;

  if (bandi_call_get_withdrawn (call))
    return FALSE;
  if (self->kind == BANDI_CALLS_KIND_STARRED && !bandi_call_get_starred (call))
    return FALSE;

  if (self->search_ids != NULL)
    {
      key = bandi_call_get_id (call);
      if (!g_hash_table_contains (self->search_ids, &key))
        return FALSE;
    }

  has_next = bandi_calls_view_next_deadline (self, call, &next);
  if (self->kind == BANDI_CALLS_KIND_UPCOMING && (!has_next || next < self->now))
    return FALSE;
  /* A cluster's suggestions are calls it can still apply to, unless the
   * closed ones are asked for. The dates say it, whatever the status. */
  if (self->fixed_cluster != NULL && status != STATUS_CLOSED && window != WINDOW_CLOSED &&
      (has_next ? next < self->now : bandi_call_get_status (call) == BANDI_CALL_STATUS_CLOSED))
    return FALSE;
  if (source != NULL && g_strcmp0 (source, bandi_call_get_source_id (call)) != 0)
    return FALSE;
  if (programme != NULL && g_strcmp0 (programme, bandi_call_get_programme (call)) != 0)
    return FALSE;

  switch (status)
    {
    case STATUS_OPEN:
      if (bandi_call_get_status (call) != BANDI_CALL_STATUS_OPEN)
        return FALSE;
      break;
    case STATUS_FORTHCOMING:
      if (bandi_call_get_status (call) != BANDI_CALL_STATUS_FORTHCOMING)
        return FALSE;
      break;
    case STATUS_CLOSED:
      if (bandi_call_get_status (call) != BANDI_CALL_STATUS_CLOSED)
        return FALSE;
      break;
    case STATUS_UNKNOWN:
      if (bandi_call_get_status (call) != BANDI_CALL_STATUS_UNKNOWN)
        return FALSE;
      break;
    default:
      break;
    }

  switch (window)
    {
    case WINDOW_7:
    case WINDOW_30:
    case WINDOW_90:
      {
        int days = window == WINDOW_7 ? 7 : window == WINDOW_30 ? 30 : 90;

        if (!has_next || next < self->now || next > self->now + (gint64) days * 86400)
          return FALSE;
      }
      break;
    case WINDOW_CLOSED:
      if (!has_next || next >= self->now)
        return FALSE;
      break;
    default:
      break;
    }

  if (self->state.suggested_only &&
      bandi_calls_view_relevance_of (self, call) < BANDI_RELEVANCE_SUGGESTED)
    return FALSE;

  return TRUE;
}

const char *
bandi_calls_view_selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first entry of the source and programme lists means "any". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

/* The filters button counts the filters set; Clear Filters shows then. */
static void
update_filters_button (BandiCallsView *self)
{
  guint n = (self->state.source != NULL) + (self->state.programme != NULL) +
            (self->state.status != 0) + (self->state.window != 0) +
            (self->fixed_cluster == NULL && self->state.suggested_only);
  g_autofree char *label = bandi_format_filters_label (n);

  gtk_menu_button_set_label (self->filters_button, label);
  gtk_widget_set_visible (self->clear_button, n > 0);
}

void
bandi_calls_view_clear_filters (BandiCallsView *self)
{
  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->source_dropdown, 0);
  gtk_drop_down_set_selected (self->programme_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->window_dropdown, 0);
  gtk_toggle_button_set_active (self->suggested_button, FALSE);
  self->updating_dropdowns = FALSE;
  bandi_calls_view_refilter_now (self);
}

/* Reads the filter widgets once, not for each of 20,000 calls. */
void
bandi_calls_view_read_filter_state (BandiCallsView *self)
{
  self->state.source = bandi_calls_view_selected_string (self->source_dropdown);
  self->state.programme = bandi_calls_view_selected_string (self->programme_dropdown);
  self->state.status = gtk_drop_down_get_selected (self->status_dropdown);
  self->state.window = gtk_drop_down_get_selected (self->window_dropdown);
  self->state.suggested_only = self->fixed_cluster != NULL ||
                               gtk_toggle_button_get_active (self->suggested_button);
  update_filters_button (self);
}

static void
fill_string_dropdown (GtkDropDown *dropdown,
                      const char  *any,
                      GPtrArray   *values)
{
  const char *selected = bandi_calls_view_selected_string (dropdown);
  g_autofree char *keep = g_strdup (selected);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint position = 0;

  gtk_string_list_append (list, any);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (values, i));
      if (g_strcmp0 (keep, g_ptr_array_index (values, i)) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
}

/* What the source filter shows for an entry: the source's name, else the
 * entry as it is ("Any source", a source no longer installed). */
static char *
source_label (GtkStringObject *item,
              BandiCallsView  *self)
{
  const char *id = gtk_string_object_get_string (item);
  BandiSource *source = bandi_plugin_loader_find_source (bandi_context_get_loader (self->context), id);

  return g_strdup (source != NULL ? bandi_source_get_name (source) : id);
}

void
bandi_calls_view_refill_dropdowns (BandiCallsView *self)
{
  g_autoptr(GPtrArray) sources = bandi_calls_distinct_values (self->calls, bandi_call_get_source_id);
  g_autoptr(GPtrArray) programmes = bandi_calls_distinct_values (self->calls, bandi_call_get_programme);

  self->updating_dropdowns = TRUE;
  fill_string_dropdown (self->source_dropdown, _("Any source"), sources);
  fill_string_dropdown (self->programme_dropdown, _("Any programme"), programmes);
  self->updating_dropdowns = FALSE;
  /* The old lists, which the filter state points into, are gone. */
  bandi_calls_view_read_filter_state (self);
}

/* The position of the relevance cluster in the cluster list (0: none) */
static guint
cluster_position (BandiCallsView *self)
{
  GListModel *clusters = bandi_context_get_clusters (self->context);
  guint n = g_list_model_get_n_items (clusters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (bandi_cluster_get_acronym (cluster), self->relevance_cluster) == 0)
        return i + 1;
    }
  return 0;
}

/* Only when the clusters change: replacing the list while its popup
 * reports a choice would free what the popup is still notifying. */
void
bandi_calls_view_refill_cluster_dropdown (BandiCallsView *self)
{
  GListModel *clusters = bandi_context_get_clusters (self->context);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (clusters);

  gtk_string_list_append (list, _("No cluster"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);

      gtk_string_list_append (list, bandi_cluster_get_acronym (cluster));
    }
  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->cluster_dropdown, cluster_position (self));
  self->updating_dropdowns = FALSE;
}

/* Shows the relevance cluster as chosen, in the same list. */
void
bandi_calls_view_select_cluster (BandiCallsView *self)
{
  guint position = cluster_position (self);

  if (gtk_drop_down_get_selected (self->cluster_dropdown) == position)
    return;
  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->cluster_dropdown, position);
  self->updating_dropdowns = FALSE;
}

void
bandi_calls_view_init_filters (BandiCallsView *self)
{
  g_autoptr(GtkExpression) label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                G_CALLBACK (source_label), self, NULL);

  gtk_drop_down_set_expression (self->source_dropdown, label);
}
