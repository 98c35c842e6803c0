/* bandi-proposal-editor.c
 *
 * Every change goes into the proposal at once and is written to the store
 * shortly after (or at once by bandi_proposal_editor_flush(), which the
 * window calls when the editor is left and the editor calls when it is
 * unmapped or disposed), so closing never loses an edit. A date or an
 * amount that does not parse is marked and not taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-call-chooser.h"
#include "bandi-countdown.h"
#include "bandi-date-entry.h"
#include "bandi-format.h"
#include "bandi-milestone-row.h"
#include "bandi-proposal-editor-private.h"
#include "bandi-proposal-steps.h"

#define SAVE_DELAY_MS 400


G_DEFINE_FINAL_TYPE (BandiProposalEditor, bandi_proposal_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_CALL,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BandiProposalStatus statuses[] = {
  BANDI_PROPOSAL_STATUS_IDEA,
  BANDI_PROPOSAL_STATUS_DRAFTING,
  BANDI_PROPOSAL_STATUS_SUBMITTED,
  BANDI_PROPOSAL_STATUS_UNDER_EVALUATION,
  BANDI_PROPOSAL_STATUS_FUNDED,
  BANDI_PROPOSAL_STATUS_REJECTED,
  BANDI_PROPOSAL_STATUS_WITHDRAWN,
};

static const BandiProposalRole roles[] = {
  BANDI_PROPOSAL_ROLE_COORDINATOR,
  BANDI_PROPOSAL_ROLE_PARTNER,
};

/* Saving */

static void
set_row_error (AdwEntryRow *row,
               const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
}



static gboolean
save_now (BandiProposalEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (!self->dirty || self->proposal == NULL || self->store == NULL)
    return TRUE;

  bandi_proposal_editor_apply_checked (self);
  /* The change is this user's, whoever made the previous one. */
  bandi_proposal_set_updated_by (self->proposal, g_get_user_name ());

  if (!bandi_store_save_proposal (self->store, self->proposal, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot save the proposal: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, 0));
      return FALSE;
    }

  self->dirty = FALSE;
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BandiProposalEditor *self = user_data;

  self->save_timeout = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

void
bandi_proposal_editor_changed (BandiProposalEditor *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

gboolean
bandi_proposal_editor_flush (BandiProposalEditor *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL_EDITOR (self), FALSE);

  return save_now (self);
}

/* The target call */

static void
update_call_row (BandiProposalEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BandiDeadline *deadline = NULL;

  if (self->call != NULL)
    {
      g_autofree char *when = NULL;

      deadline = bandi_call_get_next_deadline (self->call, g_date_time_to_unix (now));
      if (deadline == NULL)
        deadline = bandi_call_get_last_deadline (self->call);
      when = deadline ? bandi_format_deadline (deadline) : g_strdup (_("No deadline"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_row),
                                     bandi_call_get_external_id (self->call));
      adw_action_row_set_subtitle (self->call_row, bandi_call_get_title (self->call));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->call_countdown), when);
    }
  else if (self->proposal != NULL && bandi_proposal_get_call_external_id (self->proposal) != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_row),
                                     bandi_proposal_get_call_external_id (self->proposal));
      adw_action_row_set_subtitle (self->call_row, _("This call is no longer in the store"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->call_row), _("No call chosen"));
      adw_action_row_set_subtitle (self->call_row, _("Choose one Bandi knows, or type a name and deadline below"));
    }

  bandi_countdown_update (self->call_countdown, deadline, FALSE, FALSE, now);
  gtk_widget_set_visible (self->open_call_button, self->call != NULL);
  gtk_widget_set_visible (self->clear_call_button,
                          self->proposal != NULL && bandi_proposal_get_call_external_id (self->proposal) != NULL);
}

static void
load_call (BandiProposalEditor *self)
{
  const char *source, *external_id;

  g_clear_object (&self->call);
  if (self->proposal == NULL || self->store == NULL)
    return;

  source = bandi_proposal_get_call_source (self->proposal);
  external_id = bandi_proposal_get_call_external_id (self->proposal);
  if (source != NULL && external_id != NULL)
    self->call = bandi_store_find_call (self->store, source, external_id, NULL);
}

static void
choose_call (BandiProposalEditor *self,
             BandiCall           *call)
{
  if (self->proposal == NULL)
    return;

  bandi_proposal_set_call_source (self->proposal, bandi_call_get_source_id (call));
  bandi_proposal_set_call_external_id (self->proposal, bandi_call_get_external_id (call));
  bandi_proposal_set_programme (self->proposal, bandi_call_get_programme (call));
  /* The call's own deadlines apply now. */
  bandi_proposal_set_manual_call (self->proposal, NULL);
  bandi_proposal_set_manual_deadline (self->proposal, NULL);
  g_set_object (&self->call, call);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->manual_call_row), "");
  bandi_date_entry_set_deadline (self->manual_deadline_entry, NULL);
  gtk_label_set_text (self->manual_countdown, "");
  self->deadline_edited = FALSE;
  self->loading = FALSE;

  update_call_row (self);
  bandi_proposal_editor_changed (self);
}

static void
open_call_clicked_cb (BandiProposalEditor *self)
{
  if (self->call != NULL)
    g_signal_emit (self, signals[SIGNAL_SHOW_CALL], 0, self->call);
}

static void
clear_call_clicked_cb (BandiProposalEditor *self)
{
  if (self->proposal == NULL)
    return;
  bandi_proposal_set_call_source (self->proposal, NULL);
  bandi_proposal_set_call_external_id (self->proposal, NULL);
  g_clear_object (&self->call);
  update_call_row (self);
  bandi_proposal_editor_changed (self);
}

/* The fields */

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
text_changed_cb (BandiProposalEditor *self,
                 AdwEntryRow         *row)
{
  const char *text = entry_text (row);

  if (self->loading || self->proposal == NULL)
    return;

  if (row == self->acronym_row)
    bandi_proposal_set_acronym (self->proposal, text);
  else if (row == self->title_row)
    bandi_proposal_set_title (self->proposal, text);
  else if (row == self->owner_row)
    bandi_proposal_set_owner (self->proposal, text);
  else if (row == self->partners_row)
    bandi_proposal_set_partners (self->proposal, text);
  else if (row == self->manual_call_row)
    bandi_proposal_set_manual_call (self->proposal, *text ? text : NULL);
  else
    g_return_if_reached ();
  bandi_proposal_editor_changed (self);
}

static void
manual_deadline_changed_cb (BandiProposalEditor *self)
{
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->loading || self->proposal == NULL)
    return;

  deadline = bandi_date_entry_dup_deadline (self->manual_deadline_entry, 1);
  now = g_date_time_new_now_local ();
  bandi_countdown_update (self->manual_countdown, deadline, FALSE, FALSE, now);
  self->deadline_edited = TRUE;
  bandi_proposal_editor_changed (self);
}

static void
money_changed_cb (BandiProposalEditor *self,
                  AdwEntryRow         *row)
{
  double euros;

  if (self->loading || self->proposal == NULL)
    return;

  set_row_error (row, bandi_format_parse_money (entry_text (row), &euros)
                        ? NULL : _("Type an amount in euro, such as 1.500.000"));
  if (row == self->requested_row)
    self->requested_edited = TRUE;
  else
    self->contribution_edited = TRUE;
  bandi_proposal_editor_changed (self);
}

void
bandi_proposal_editor_apply_checked (BandiProposalEditor *self)
{
  double euros;

  if (self->requested_edited && bandi_format_parse_money (entry_text (self->requested_row), &euros))
    bandi_proposal_set_requested_budget (self->proposal, euros);
  if (self->contribution_edited && bandi_format_parse_money (entry_text (self->contribution_row), &euros))
    bandi_proposal_set_eu_contribution (self->proposal, euros);
  if (self->deadline_edited && bandi_date_entry_get_error (self->manual_deadline_entry) == NULL)
    {
      g_autoptr(BandiDeadline) deadline = bandi_date_entry_dup_deadline (self->manual_deadline_entry, 1);

      bandi_proposal_set_manual_deadline (self->proposal, deadline);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (BANDI_IS_MILESTONE_ROW (row))
      bandi_milestone_row_apply (BANDI_MILESTONE_ROW (row));
}

static void
choice_changed_cb (BandiProposalEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  guint role = adw_combo_row_get_selected (self->role_row);

  if (self->loading || self->proposal == NULL)
    return;
  if (status < G_N_ELEMENTS (statuses))
    {
      gboolean was_preparing = bandi_proposal_is_in_preparation (bandi_proposal_get_status (self->proposal));

      bandi_proposal_set_status (self->proposal, statuses[status]);
      if (was_preparing && !bandi_proposal_is_in_preparation (statuses[status]))
        bandi_proposal_editor_close_preparation (self);
    }
  if (role < G_N_ELEMENTS (roles))
    bandi_proposal_set_role (self->proposal, roles[role]);
  bandi_proposal_editor_changed (self);
}

static void
cluster_selected_cb (BandiProposalEditor *self)
{
  g_autoptr(BandiCluster) cluster = NULL;
  guint selected = adw_combo_row_get_selected (self->cluster_row);

  if (self->loading || self->proposal == NULL || self->clusters == NULL ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  cluster = g_list_model_get_item (self->clusters, selected);
  if (cluster == NULL)
    return;
  bandi_proposal_set_cluster_id (self->proposal, bandi_cluster_get_id (cluster));
  bandi_proposal_set_cluster_acronym (self->proposal, bandi_cluster_get_acronym (cluster));
  bandi_proposal_editor_changed (self);
}

static void
notes_changed_cb (BandiProposalEditor *self,
                  GtkTextBuffer       *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || self->proposal == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  bandi_proposal_set_notes (self->proposal, text);
  bandi_proposal_editor_changed (self);
}

/* Deleting */

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    BandiProposalEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->proposal == NULL)
    return;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->dirty = FALSE;
  /* A new proposal never typed in was never stored. */
  if (bandi_proposal_get_id (self->proposal) != 0 &&
      !bandi_store_delete_proposal (self->store, self->proposal, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot delete the proposal: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, 5));
      return;
    }
  bandi_proposal_editor_set_proposal (self, NULL);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0);
}

static void
delete_clicked_cb (BandiProposalEditor *self)
{
  GtkWidget *dialog;
  const char *acronym;

  if (self->proposal == NULL)
    return;

  acronym = bandi_proposal_get_acronym (self->proposal);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Delete the Proposal?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its milestones will be deleted."),
                                  acronym && *acronym ? acronym : _("Untitled proposal"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Loading a proposal */

static void
select_cluster (BandiProposalEditor *self)
{
  guint n = self->clusters ? g_list_model_get_n_items (self->clusters) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->proposal != NULL && i < n; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (bandi_cluster_get_id (cluster) == bandi_proposal_get_cluster_id (self->proposal) ||
          g_strcmp0 (bandi_cluster_get_acronym (cluster),
                     bandi_proposal_get_cluster_acronym (self->proposal)) == 0)
        selected = i;
    }
  adw_combo_row_set_selected (self->cluster_row, selected);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  set_row_error (row, NULL);
}

static void
set_money_entry (AdwEntryRow *row,
                 double       euros)
{
  g_autofree char *text = euros >= 0 ? bandi_format_money (euros) : NULL;

  set_entry (row, text);
}

static void
load_proposal (BandiProposalEditor *self)
{
  BandiProposal *p = self->proposal;
  BandiDeadline *deadline = p ? bandi_proposal_get_manual_deadline (p) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->loading = TRUE;
  self->requested_edited = self->contribution_edited = self->deadline_edited = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), p != NULL);
  set_entry (self->acronym_row, p ? bandi_proposal_get_acronym (p) : NULL);
  set_entry (self->title_row, p ? bandi_proposal_get_title (p) : NULL);
  set_entry (self->owner_row, p ? bandi_proposal_get_owner (p) : NULL);
  set_entry (self->partners_row, p ? bandi_proposal_get_partners (p) : NULL);
  set_entry (self->manual_call_row, p ? bandi_proposal_get_manual_call (p) : NULL);
  /* A manual deadline is shown and typed in its own zone, else the user's. */
  bandi_date_entry_set_zone (self->manual_deadline_entry,
                             deadline && bandi_deadline_has_time (deadline)
                             ? bandi_deadline_get_zone (deadline) : bandi_format_local_zone ());
  bandi_date_entry_set_deadline (self->manual_deadline_entry, deadline);
  bandi_countdown_update (self->manual_countdown, deadline, FALSE, FALSE, now);
  set_money_entry (self->requested_row, p ? bandi_proposal_get_requested_budget (p) : -1);
  set_money_entry (self->contribution_row, p ? bandi_proposal_get_eu_contribution (p) : -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            p && bandi_proposal_get_notes (p) ? bandi_proposal_get_notes (p) : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (p != NULL && statuses[i] == bandi_proposal_get_status (p))
      adw_combo_row_set_selected (self->status_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (p != NULL && roles[i] == bandi_proposal_get_role (p))
      adw_combo_row_set_selected (self->role_row, i);
  select_cluster (self);

  bandi_proposal_editor_fill_milestones (self);

  load_call (self);
  update_call_row (self);

  self->loading = FALSE;
}

/* Public API */

void
bandi_proposal_editor_set_store (BandiProposalEditor *self,
                                 BandiStore          *store)
{
  g_return_if_fail (BANDI_IS_PROPOSAL_EDITOR (self));
  g_return_if_fail (store == NULL || BANDI_IS_STORE (store));

  save_now (self);
  g_set_object (&self->store, store);
  bandi_call_chooser_set_store (self->call_chooser, store);
}

void
bandi_proposal_editor_set_clusters (BandiProposalEditor *self,
                                    GListModel          *clusters)
{
  g_return_if_fail (BANDI_IS_PROPOSAL_EDITOR (self));

  if (!g_set_object (&self->clusters, clusters))
    return;
  self->loading = TRUE;
  adw_combo_row_set_model (self->cluster_row, clusters);
  select_cluster (self);
  self->loading = FALSE;
}

void
bandi_proposal_editor_set_calls (BandiProposalEditor *self,
                                 GListModel          *calls)
{
  g_return_if_fail (BANDI_IS_PROPOSAL_EDITOR (self));

  if (!g_set_object (&self->calls, calls))
    return;
  bandi_call_chooser_set_calls (self->call_chooser, calls);
}

void
bandi_proposal_editor_set_proposal (BandiProposalEditor *self,
                                    BandiProposal       *proposal)
{
  g_return_if_fail (BANDI_IS_PROPOSAL_EDITOR (self));
  g_return_if_fail (proposal == NULL || BANDI_IS_PROPOSAL (proposal));

  if (proposal == self->proposal)
    return;
  save_now (self);
  self->dirty = FALSE;
  g_set_object (&self->proposal, proposal);
  load_proposal (self);
}

BandiProposal *
bandi_proposal_editor_get_proposal (BandiProposalEditor *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL_EDITOR (self), NULL);

  return self->proposal;
}

BandiProposalEditor *
bandi_proposal_editor_new (void)
{
  return g_object_new (BANDI_TYPE_PROPOSAL_EDITOR, NULL);
}

/* GObject */

/* Once shown, the editor puts the cursor at the end of the acronym: GTK
 * moves the focus from the page left to the first field here with its
 * text selected, which the first key typed would replace. */
static gboolean
focus_idle_cb (gpointer user_data)
{
  BandiProposalEditor *self = user_data;
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->acronym_row));

  self->focus_idle = 0;
  if (GTK_IS_TEXT (text))
    {
      gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
      gtk_editable_select_region (text, -1, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
bandi_proposal_editor_map (GtkWidget *widget)
{
  BandiProposalEditor *self = BANDI_PROPOSAL_EDITOR (widget);

  GTK_WIDGET_CLASS (bandi_proposal_editor_parent_class)->map (widget);
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  self->focus_idle = g_idle_add (focus_idle_cb, self);
}

static void
bandi_proposal_editor_unmap (GtkWidget *widget)
{
  g_clear_handle_id (&BANDI_PROPOSAL_EDITOR (widget)->focus_idle, g_source_remove);
  save_now (BANDI_PROPOSAL_EDITOR (widget));
  GTK_WIDGET_CLASS (bandi_proposal_editor_parent_class)->unmap (widget);
}

static void
bandi_proposal_editor_dispose (GObject *object)
{
  BandiProposalEditor *self = BANDI_PROPOSAL_EDITOR (object);

  save_now (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_PROPOSAL_EDITOR);
  g_clear_object (&self->call);
  g_clear_object (&self->proposal);
  g_clear_object (&self->calls);
  g_clear_object (&self->clusters);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_proposal_editor_parent_class)->dispose (object);
}

static void
bandi_proposal_editor_class_init (BandiProposalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_proposal_editor_dispose;
  widget_class->map = bandi_proposal_editor_map;
  widget_class->unmap = bandi_proposal_editor_unmap;

  /* The user wants to see the target call. */
  signals[SIGNAL_SHOW_CALL] =
    g_signal_new ("show-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);
  /* The proposal was deleted from the store. */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BANDI_TYPE_CALL_CHOOSER);
  g_type_ensure (BANDI_TYPE_DATE_ENTRY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-proposal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, call_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, call_countdown);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, open_call_button);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, clear_call_button);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, call_chooser);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, manual_call_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, manual_deadline_entry);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, manual_countdown);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, requested_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, contribution_row);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, manual_deadline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, money_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cluster_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_call_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_call_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_call);
  gtk_widget_class_bind_template_callback_full (widget_class, "add_milestone_clicked_cb",
                                                G_CALLBACK (bandi_proposal_editor_add_milestone));
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
bandi_proposal_editor_init (BandiProposalEditor *self)
{
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) acronym = gtk_property_expression_new (BANDI_TYPE_CLUSTER, NULL, "acronym");

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, bandi_format_proposal_status (statuses[i]));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (role_names, bandi_format_proposal_role (roles[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_names));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (role_names));
  adw_combo_row_set_expression (self->cluster_row, acronym);


  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  load_proposal (self);
}
