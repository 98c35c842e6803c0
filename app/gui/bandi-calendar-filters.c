/* bandi-calendar-filters.c
 *
 * The calendar's filters: one source, the calls suggested for one
 * cluster, starred calls only. The lists to choose from follow the
 * context's calls and clusters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-calendar-view-private.h"
#include "bandi-format.h"
#include "bandi-relevance.h"

/* The position of @value in @values, plus one for "any"; 0 if absent */
static guint
position_of (GPtrArray  *values,
             const char *value)
{
  for (guint i = 0; value != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return i + 1;
  return 0;
}

void
bandi_calendar_view_refill_filters (BandiCalendarView *self)
{
  BandiPluginLoader *loader = bandi_context_get_loader (self->context);
  GListModel *clusters = bandi_context_get_clusters (self->context);
  g_autoptr(GtkStringList) source_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) acronyms = gtk_string_list_new (NULL);
  g_autofree char *source = g_strdup (self->filter.source);
  g_autofree char *cluster = g_strdup (self->filter.cluster ? bandi_cluster_get_acronym (self->filter.cluster) : NULL);
  guint cluster_position = 0;

  /* The old list holds the strings the filter points to. */
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  self->source_ids = bandi_calls_distinct_values (self->calls, bandi_call_get_source_id);
  gtk_string_list_append (source_names, _("Any source"));
  for (guint i = 0; i < self->source_ids->len; i++)
    {
      BandiSource *found = bandi_plugin_loader_find_source (loader, g_ptr_array_index (self->source_ids, i));

      gtk_string_list_append (source_names, found ? bandi_source_get_name (found)
                                                  : g_ptr_array_index (self->source_ids, i));
    }

  gtk_string_list_append (acronyms, _("Any cluster"));
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(BandiCluster) item = g_list_model_get_item (clusters, i);

      gtk_string_list_append (acronyms, bandi_cluster_get_acronym (item));
      if (g_strcmp0 (bandi_cluster_get_acronym (item), cluster) == 0)
        cluster_position = i + 1;
    }

  g_signal_handlers_block_by_func (self->source_dropdown, bandi_calendar_view_filter_changed, self);
  g_signal_handlers_block_by_func (self->cluster_dropdown, bandi_calendar_view_filter_changed, self);
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (source_names));
  gtk_drop_down_set_selected (self->source_dropdown, position_of (self->source_ids, source));
  gtk_drop_down_set_model (self->cluster_dropdown, G_LIST_MODEL (acronyms));
  gtk_drop_down_set_selected (self->cluster_dropdown, cluster_position);
  g_signal_handlers_unblock_by_func (self->source_dropdown, bandi_calendar_view_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->cluster_dropdown, bandi_calendar_view_filter_changed, self);
  bandi_calendar_view_read_filters (self);
}

void
bandi_calendar_view_read_filters (BandiCalendarView *self)
{
  guint source = gtk_drop_down_get_selected (self->source_dropdown);
  guint cluster = gtk_drop_down_get_selected (self->cluster_dropdown);
  GListModel *clusters = bandi_context_get_clusters (self->context);
  g_autofree char *label = NULL;
  guint n;

  self->filter.source = source > 0 && source <= self->source_ids->len
                        ? g_ptr_array_index (self->source_ids, source - 1) : NULL;
  g_clear_object (&self->filter.cluster);
  if (cluster > 0 && cluster <= g_list_model_get_n_items (clusters))
    self->filter.cluster = g_list_model_get_item (clusters, cluster - 1);
  self->filter.starred = gtk_check_button_get_active (self->starred_button);

  n = (self->filter.source != NULL) + (self->filter.cluster != NULL) + self->filter.starred;
  label = bandi_format_filters_label (n);
  gtk_menu_button_set_label (self->filters_button, label);
}

gboolean
bandi_calendar_view_shows (BandiCalendarView *self,
                           BandiCall         *call)
{
  if (self->filter.starred && !bandi_call_get_starred (call))
    return FALSE;
  if (self->filter.source != NULL && g_strcmp0 (self->filter.source, bandi_call_get_source_id (call)) != 0)
    return FALSE;
  return self->filter.cluster == NULL || bandi_relevance_is_suggested (self->filter.cluster, call);
}

void
bandi_calendar_view_free_filters (BandiCalendarView *self)
{
  g_clear_object (&self->filter.cluster);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
}
