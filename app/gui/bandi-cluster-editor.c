/* bandi-cluster-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cluster-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cluster-editor.h"

#define SAVE_DELAY_MS 400

struct _BandiClusterEditor
{
  GtkWidget     parent_instance;

  BandiStore   *store;
  BandiCluster *cluster;
  guint         save_timeout;
  gboolean      dirty;
  gboolean      loading;

  GtkWidget    *box;
  AdwWindowTitle *window_title;
  AdwEntryRow  *acronym_row;
  AdwEntryRow  *name_row;
  GtkLabel     *error_label;
  AdwEntryRow  *areas_row;
  AdwEntryRow  *keywords_row;
  AdwEntryRow  *parts_row;
  GtkWidget    *remove_button;
};

G_DEFINE_FINAL_TYPE (BandiClusterEditor, bandi_cluster_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  SIGNAL_REMOVED,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "a, b ,, c" → { "a", "b", "c" } */
static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (*part != '\0')
        g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

static void
set_list_entry (AdwEntryRow        *row,
                const char * const *list)
{
  g_autofree char *text = list ? g_strjoinv (", ", (char **) list) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (BandiClusterEditor *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_title (BandiClusterEditor *self)
{
  const char *acronym = bandi_cluster_get_acronym (self->cluster);
  gboolean stored = bandi_cluster_get_id (self->cluster) > 0;

  adw_window_title_set_title (self->window_title,
                              stored && acronym ? acronym : _("New Cluster"));
  adw_window_title_set_subtitle (self->window_title, bandi_cluster_get_name (self->cluster));
  gtk_widget_set_visible (self->remove_button, stored);
}

static gboolean
save_now (BandiClusterEditor *self)
{
  g_autofree char *acronym = g_strstrip (g_strdup (entry_text (self->acronym_row)));
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_row)));
  g_auto(GStrv) areas = split_list (entry_text (self->areas_row));
  g_auto(GStrv) keywords = split_list (entry_text (self->keywords_row));
  g_auto(GStrv) parts = split_list (entry_text (self->parts_row));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (!self->dirty || self->store == NULL)
    return TRUE;

  if (*acronym == '\0' || *name == '\0')
    {
      show_error (self, _("A cluster needs an acronym and a name; it is saved once it has both."));
      return FALSE;
    }

  bandi_cluster_set_acronym (self->cluster, acronym);
  bandi_cluster_set_name (self->cluster, name);
  bandi_cluster_set_areas (self->cluster, (const char * const *) areas);
  bandi_cluster_set_keywords (self->cluster, (const char * const *) keywords);
  bandi_cluster_set_horizon_parts (self->cluster, (const char * const *) parts);

  if (!bandi_store_save_cluster (self->store, self->cluster, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT))
        text = g_strdup_printf (_("Another cluster is called “%s”: choose another acronym."), acronym);
      else
        text = g_strdup_printf (_("Cannot save the cluster: %s"), error->message);
      show_error (self, text);
      return FALSE;
    }

  self->dirty = FALSE;
  show_error (self, NULL);
  update_title (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BandiClusterEditor *self = user_data;

  self->save_timeout = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (BandiClusterEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

gboolean
bandi_cluster_editor_flush (BandiClusterEditor *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER_EDITOR (self), FALSE);

  return save_now (self);
}

static void
back_clicked_cb (BandiClusterEditor *self)
{
  save_now (self);
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
remove_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    BandiClusterEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->dirty = FALSE;
  if (!bandi_store_delete_cluster (self->store, self->cluster, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot remove the cluster: %s"), error->message);

      show_error (self, text);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_REMOVED], 0);
}

static void
remove_clicked_cb (BandiClusterEditor *self)
{
  const char *acronym = bandi_cluster_get_acronym (self->cluster);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n;

  save_now (self);
  proposals = bandi_store_list_proposals (self->store, acronym, &error);
  if (proposals == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (proposals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      const char *name = bandi_proposal_get_acronym (proposal);

      g_string_append_printf (names, "%s%s", i ? ", " : "", name && *name ? name : _("Untitled proposal"));
    }

  if (n == 0)
    body = g_strdup (_("No proposal belongs to it."));
  else
    /* Translators: the second %s lists the proposals' acronyms */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Its %u proposal stays, without a cluster: %s.",
                                         "Its %u proposals stay, without a cluster: %s.", n),
                            n, names->str);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, body);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), acronym);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

BandiClusterEditor *
bandi_cluster_editor_new (BandiStore   *store,
                          BandiCluster *cluster)
{
  BandiClusterEditor *self;
  const char *acronym, *name;

  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (cluster == NULL || BANDI_IS_CLUSTER (cluster), NULL);

  self = g_object_new (BANDI_TYPE_CLUSTER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->cluster = cluster ? g_object_ref (cluster) : bandi_cluster_new ();

  acronym = bandi_cluster_get_acronym (self->cluster);
  name = bandi_cluster_get_name (self->cluster);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->acronym_row), acronym ? acronym : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  set_list_entry (self->areas_row, bandi_cluster_get_areas (self->cluster));
  set_list_entry (self->keywords_row, bandi_cluster_get_keywords (self->cluster));
  set_list_entry (self->parts_row, bandi_cluster_get_horizon_parts (self->cluster));
  self->loading = FALSE;
  update_title (self);

  return self;
}

BandiCluster *
bandi_cluster_editor_get_cluster (BandiClusterEditor *self)
{
  g_return_val_if_fail (BANDI_IS_CLUSTER_EDITOR (self), NULL);

  return self->cluster;
}

static void
bandi_cluster_editor_unmap (GtkWidget *widget)
{
  save_now (BANDI_CLUSTER_EDITOR (widget));
  GTK_WIDGET_CLASS (bandi_cluster_editor_parent_class)->unmap (widget);
}

static void
bandi_cluster_editor_dispose (GObject *object)
{
  BandiClusterEditor *self = BANDI_CLUSTER_EDITOR (object);

  save_now (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_CLUSTER_EDITOR);
  g_clear_object (&self->cluster);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_cluster_editor_parent_class)->dispose (object);
}

static void
bandi_cluster_editor_class_init (BandiClusterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_cluster_editor_dispose;
  widget_class->unmap = bandi_cluster_editor_unmap;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-cluster-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, areas_row);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, parts_row);
  gtk_widget_class_bind_template_child (widget_class, BandiClusterEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
bandi_cluster_editor_init (BandiClusterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
