/* bandi-export-dialog.c
 *
 * A cluster and everything are the scopes of bandi-ical-scope (the calls
 * suggested for the cluster and the starred ones; with proposals, their
 * milestones, manual deadlines and target calls); the selected calls and
 * the calls shown are exported as given. Withdrawn calls are left out;
 * closed ones too, for a cluster and everything, unless asked for (a
 * publication keeps their events already in the calendar).
 * SEQUENCE counts the moves the store recorded, so calendars update their
 * events.
 *
 * The same choice can go to the CalDAV calendar of Preferences instead of
 * a file. A publication replaces what Bandi published before, so only the
 * scopes that stay the same from one day to the next (a cluster,
 * everything) can be published: not a selection, not a filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-export-dialog.h"
#include "bandi-ical-scope.h"
#include "bandi-publish.h"

struct _BandiExportDialog
{
  AdwMessageDialog  parent_instance;

  BandiStore       *store;
  GSettings        *settings;
  GListModel       *selected;
  GListModel       *shown;
  GListModel       *clusters;
  GtkWindow        *parent;
  gboolean          publishing;

  GtkCheckButton   *selected_check;
  GtkCheckButton   *shown_check;
  GtkCheckButton   *cluster_check;
  GtkDropDown      *cluster_dropdown;
  GtkCheckButton   *everything_check;
  GtkCheckButton   *proposals_check;
  GtkCheckButton   *closed_check;
  GtkWidget        *publish_note;
};

G_DEFINE_FINAL_TYPE (BandiExportDialog, bandi_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_FINISHED,
  SIGNAL_PUBLISH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_calls (GListModel *calls)
{
  return calls ? g_list_model_get_n_items (calls) : 0;
}

static void
update_choices (BandiExportDialog *self)
{
  g_autofree char *selected = NULL;
  g_autofree char *shown = NULL;
  BandiExportScope scope = bandi_export_dialog_get_scope (self);
  gboolean set_up;
  gboolean publishable;

  selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The _selected call", "The %u _selected calls",
                                           n_calls (self->selected)), n_calls (self->selected));
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The call _shown", "The %u calls _shown",
                                        n_calls (self->shown)), n_calls (self->shown));
  gtk_check_button_set_label (self->selected_check, selected);
  gtk_check_button_set_label (self->shown_check, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->selected_check), !self->publishing && n_calls (self->selected) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->shown_check), !self->publishing && n_calls (self->shown) > 0);
  set_up = bandi_publish_is_set_up (self->settings);
  publishable = scope == BANDI_EXPORT_SCOPE_CLUSTER || scope == BANDI_EXPORT_SCOPE_EVERYTHING;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "publish", set_up && publishable);
  /* Says why publishing is greyed out. */
  if (!set_up)
    gtk_label_set_text (GTK_LABEL (self->publish_note), _("Set up a calendar in Preferences first"));
  else if (!publishable)
    gtk_label_set_text (GTK_LABEL (self->publish_note),
                        _("Only a cluster’s calls or every call can be published to the calendar: "
                          "publishing replaces what was published before."));
  gtk_widget_set_visible (self->publish_note, !set_up || !publishable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cluster_dropdown), scope == BANDI_EXPORT_SCOPE_CLUSTER);
  /* A list of calls has no proposals of its own, and is exported as
   * given, closed calls included. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->proposals_check),
                            scope == BANDI_EXPORT_SCOPE_CLUSTER || scope == BANDI_EXPORT_SCOPE_EVERYTHING);
  gtk_widget_set_sensitive (GTK_WIDGET (self->closed_check),
                            scope == BANDI_EXPORT_SCOPE_CLUSTER || scope == BANDI_EXPORT_SCOPE_EVERYTHING);
}

static void
scope_toggled_cb (BandiExportDialog *self)
{
  update_choices (self);
}

/* Filling the export */

static guint
store_sequence (BandiCall *call,
                guint      stage,
                gpointer   user_data)
{
  return bandi_store_count_deadline_changes (BANDI_STORE (user_data), bandi_call_get_id (call), stage);
}

static void
add_calls (BandiIcalExport *export,
           BandiStore      *store,
           GListModel      *calls)
{
  bandi_ical_export_set_sequence_func (export, store_sequence, store);
  for (guint i = 0; i < n_calls (calls); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);

      if (!bandi_call_get_withdrawn (call))
        bandi_ical_export_add_call (export, call);
    }
}

static char *
chosen_cluster (BandiExportDialog *self)
{
  g_autoptr(BandiCluster) cluster = NULL;
  guint position = gtk_drop_down_get_selected (self->cluster_dropdown);

  if (self->clusters == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  cluster = g_list_model_get_item (self->clusters, position);
  return cluster ? g_strdup (bandi_cluster_get_acronym (cluster)) : NULL;
}

static BandiIcalExport *
build_export (BandiExportDialog  *self,
              GError            **error)
{
  g_autoptr(BandiIcalExport) export = bandi_ical_export_new ();
  g_autoptr(GVariant) days = g_settings_get_value (self->settings, "reminder-days");
  g_autofree char *cluster = NULL;
  BandiIcalScope scope = { 0 };
  gsize n_days;
  const gint32 *reminders = g_variant_get_fixed_array (days, &n_days, sizeof (gint32));

  bandi_ical_export_set_reminder_days (export, reminders, n_days);
  bandi_ical_export_set_milestones_as_events (export, g_settings_get_boolean (self->settings, "milestones-as-events"));
  scope.with_proposals = gtk_check_button_get_active (self->proposals_check);
  scope.include_closed = gtk_check_button_get_active (self->closed_check);

  switch (bandi_export_dialog_get_scope (self))
    {
    case BANDI_EXPORT_SCOPE_SELECTED:
      add_calls (export, self->store, self->selected);
      break;

    case BANDI_EXPORT_SCOPE_SHOWN:
      add_calls (export, self->store, self->shown);
      break;

    case BANDI_EXPORT_SCOPE_CLUSTER:
      cluster = chosen_cluster (self);
      if (cluster == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a cluster to export"));
          return NULL;
        }
      bandi_ical_export_set_category (export, cluster);
      scope.cluster_acronym = cluster;
      if (!bandi_ical_scope_fill (export, self->store, &scope, error))
        return NULL;
      break;

    case BANDI_EXPORT_SCOPE_EVERYTHING:
      if (!bandi_ical_scope_fill (export, self->store, &scope, error))
        return NULL;
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&export);
}

gboolean
bandi_export_dialog_write (BandiExportDialog  *self,
                           GFile              *file,
                           guint              *out_n_events,
                           GError            **error)
{
  g_autoptr(BandiIcalExport) export = NULL;

  g_return_val_if_fail (BANDI_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  export = build_export (self, error);
  if (export == NULL || !bandi_ical_export_write_file (export, file, NULL, error))
    return FALSE;
  if (out_n_events != NULL)
    *out_n_events = bandi_ical_export_get_n_items (export);
  return TRUE;
}

/* Asking for the file */

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     BandiExportDialog *self)
{
  BandiIcalExport *export = g_object_get_data (G_OBJECT (chooser), "export");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bandi_ical_export_write_file (export, file, NULL, &error);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, file,
                     error ? 0 : bandi_ical_export_get_n_items (export), error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
response_cb (BandiExportDialog *self,
             const char        *response)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(BandiIcalExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0 && g_strcmp0 (response, "publish") != 0)
    return;

  /* The dialog is destroyed after this answer: read the store now. */
  export = build_export (self, &error);
  if (export == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, NULL, 0, error);
      return;
    }
  if (g_str_equal (response, "publish"))
    {
      g_signal_emit (self, signals[SIGNAL_PUBLISH], 0, export);
      return;
    }

  if (bandi_export_dialog_get_scope (self) == BANDI_EXPORT_SCOPE_CLUSTER)
    cluster = chosen_cluster (self);
  name = g_strdup_printf ("bandi-%s.ics", cluster ? cluster : _("deadlines"));

  chooser = gtk_file_chooser_native_new (_("Export Deadlines"), self->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "export", g_steal_pointer (&export), g_object_unref);
  /* Kept for emitting "finished" once the file is written. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Public API */

BandiExportDialog *
bandi_export_dialog_new (GtkWindow  *parent,
                         BandiStore *store,
                         GSettings  *settings)
{
  BandiExportDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BANDI_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  self->clusters = bandi_store_list_clusters (store, &error);
  if (self->clusters == NULL)
    g_warning ("Cannot list the clusters: %s", error->message);
  gtk_drop_down_set_model (self->cluster_dropdown, self->clusters);
  gtk_check_button_set_active (self->everything_check, TRUE);
  update_choices (self);
  return self;
}

void
bandi_export_dialog_set_selected_calls (BandiExportDialog *self,
                                        GListModel        *calls)
{
  g_return_if_fail (BANDI_IS_EXPORT_DIALOG (self));

  g_set_object (&self->selected, calls);
  if (n_calls (calls) > 0)
    gtk_check_button_set_active (self->selected_check, TRUE);
  else if (bandi_export_dialog_get_scope (self) == BANDI_EXPORT_SCOPE_SELECTED)
    gtk_check_button_set_active (self->everything_check, TRUE);
  update_choices (self);
}

void
bandi_export_dialog_set_shown_calls (BandiExportDialog *self,
                                     GListModel        *calls)
{
  g_return_if_fail (BANDI_IS_EXPORT_DIALOG (self));

  g_set_object (&self->shown, calls);
  if (n_calls (calls) > 0 && bandi_export_dialog_get_scope (self) == BANDI_EXPORT_SCOPE_EVERYTHING)
    gtk_check_button_set_active (self->shown_check, TRUE);
  else if (n_calls (calls) == 0 && bandi_export_dialog_get_scope (self) == BANDI_EXPORT_SCOPE_SHOWN)
    gtk_check_button_set_active (self->everything_check, TRUE);
  update_choices (self);
}

void
bandi_export_dialog_set_cluster (BandiExportDialog *self,
                                 const char        *acronym)
{
  g_return_if_fail (BANDI_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < n_calls (self->clusters); i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (g_strcmp0 (bandi_cluster_get_acronym (cluster), acronym) == 0)
        {
          gtk_drop_down_set_selected (self->cluster_dropdown, i);
          gtk_check_button_set_active (self->cluster_check, TRUE);
        }
    }
  update_choices (self);
}

void
bandi_export_dialog_set_scope (BandiExportDialog *self,
                               BandiExportScope   scope)
{
  GtkCheckButton *checks[] = {
    self->selected_check, self->shown_check, self->cluster_check, self->everything_check,
  };

  g_return_if_fail (BANDI_IS_EXPORT_DIALOG (self));
  g_return_if_fail (scope <= BANDI_EXPORT_SCOPE_EVERYTHING);

  gtk_check_button_set_active (checks[scope], TRUE);
  update_choices (self);
}

void
bandi_export_dialog_set_publishing (BandiExportDialog *self,
                                    gboolean           publishing)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  g_return_if_fail (BANDI_IS_EXPORT_DIALOG (self));

  self->publishing = !!publishing;
  if (self->publishing)
    {
      adw_message_dialog_set_heading (dialog, _("Publish to Calendar"));
      adw_message_dialog_set_body (dialog, _("Deadlines become events of the calendar set up in Preferences. "
                                             "Events Bandi published there before that are not in this choice "
                                             "are removed."));
      adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_DEFAULT);
      adw_message_dialog_set_default_response (dialog, "publish");
      if (bandi_export_dialog_get_scope (self) != BANDI_EXPORT_SCOPE_CLUSTER)
        gtk_check_button_set_active (self->everything_check, TRUE);
    }
  update_choices (self);
}

BandiExportScope
bandi_export_dialog_get_scope (BandiExportDialog *self)
{
  g_return_val_if_fail (BANDI_IS_EXPORT_DIALOG (self), BANDI_EXPORT_SCOPE_EVERYTHING);

  if (gtk_check_button_get_active (self->selected_check) && n_calls (self->selected) > 0)
    return BANDI_EXPORT_SCOPE_SELECTED;
  if (gtk_check_button_get_active (self->shown_check) && n_calls (self->shown) > 0)
    return BANDI_EXPORT_SCOPE_SHOWN;
  if (gtk_check_button_get_active (self->cluster_check))
    return BANDI_EXPORT_SCOPE_CLUSTER;
  return BANDI_EXPORT_SCOPE_EVERYTHING;
}

/* GObject */

static void
bandi_export_dialog_dispose (GObject *object)
{
  BandiExportDialog *self = BANDI_EXPORT_DIALOG (object);

  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->selected);
  g_clear_object (&self->shown);
  g_clear_object (&self->clusters);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_export_dialog_parent_class)->dispose (object);
}

static void
bandi_export_dialog_class_init (BandiExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_export_dialog_dispose;

  /* The file written (NULL if cancelled), how many events it holds, and
   * the error when it could not be written. */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_UINT, G_TYPE_ERROR);

  /* The export chosen, to publish to the calendar of Preferences. */
  signals[SIGNAL_PUBLISH] =
    g_signal_new ("publish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_ICAL_EXPORT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, selected_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, shown_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, cluster_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, everything_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, proposals_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, closed_check);
  gtk_widget_class_bind_template_child (widget_class, BandiExportDialog, publish_note);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
}

static void
bandi_export_dialog_init (BandiExportDialog *self)
{
  g_autoptr(GtkExpression) acronym = gtk_property_expression_new (BANDI_TYPE_CLUSTER, NULL, "acronym");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_expression (self->cluster_dropdown, acronym);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}
