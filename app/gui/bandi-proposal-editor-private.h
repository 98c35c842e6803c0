/* bandi-proposal-editor-private.h — shared by the proposal editor's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-call-chooser.h"
#include "bandi-date-entry.h"
#include "bandi-proposal-editor.h"

G_BEGIN_DECLS

struct _BandiProposalEditor
{
  GtkWidget       parent_instance;

  BandiStore     *store;
  GListModel     *clusters;
  GListModel     *calls;
  BandiProposal  *proposal;
  BandiCall      *call;          /* the stored call targeted, if any */
  guint           save_timeout;
  guint           focus_idle;
  gboolean        dirty;
  gboolean        loading;
  /* Checked fields are taken when saving, and only once the user edited
   * them: what was typed half-way, or a value shown rounded, never
   * replaces a stored one. */
  gboolean        requested_edited;
  gboolean        contribution_edited;
  gboolean        deadline_edited;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow    *acronym_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *cluster_row;
  AdwComboRow    *status_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *owner_row;
  AdwEntryRow    *partners_row;
  AdwActionRow   *call_row;
  GtkLabel       *call_countdown;
  GtkWidget      *open_call_button;
  GtkWidget      *clear_call_button;
  BandiCallChooser *call_chooser;
  AdwEntryRow    *manual_call_row;
  BandiDateEntry *manual_deadline_entry;
  GtkLabel       *manual_countdown;
  AdwEntryRow    *requested_row;
  AdwEntryRow    *contribution_row;
  GtkListBox     *milestones_list;
  GtkTextView    *notes_view;
};

/* bandi-proposal-editor.c */
/* Something was edited: saved after a short delay. */
void bandi_proposal_editor_changed           (BandiProposalEditor *self);
/* Takes into the proposal the checked fields the user edited. */
void bandi_proposal_editor_apply_checked     (BandiProposalEditor *self);

/* bandi-proposal-editor-milestones.c */
void bandi_proposal_editor_fill_milestones   (BandiProposalEditor *self);
void bandi_proposal_editor_add_milestone     (BandiProposalEditor *self);
void bandi_proposal_editor_close_preparation (BandiProposalEditor *self);

G_END_DECLS
