/* bandi-pending-views.c — stand-ins for views built on the gui2 branch
 *
 * meson.build compiles this file only while one of the views below has no
 * source file of its own, with BANDI_PENDING_<VIEW> defined for each such
 * view; the stand-in has the public API of its header and shows nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-pending-views"

#include "config.h"

#include "bandi-dashboard-view.h"
#include "bandi-preferences-window.h"
#include "bandi-proposal-editor.h"
#include "bandi-proposals-view.h"

#ifdef BANDI_PENDING_PROPOSALS_VIEW
struct _BandiProposalsView
{
  GtkWidget   parent_instance;
  BandiStore *store;
  char       *cluster;
};

G_DEFINE_FINAL_TYPE (BandiProposalsView, bandi_proposals_view, GTK_TYPE_WIDGET)

static void
bandi_proposals_view_finalize (GObject *object)
{
  BandiProposalsView *self = BANDI_PROPOSALS_VIEW (object);

  g_clear_object (&self->store);
  g_free (self->cluster);
  G_OBJECT_CLASS (bandi_proposals_view_parent_class)->finalize (object);
}

static void
bandi_proposals_view_class_init (BandiProposalsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bandi_proposals_view_finalize;
  g_signal_new ("proposal-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_PROPOSAL);
}

static void
bandi_proposals_view_init (BandiProposalsView *self)
{
}

BandiProposalsView *
bandi_proposals_view_new (void)
{
  return g_object_new (BANDI_TYPE_PROPOSALS_VIEW, NULL);
}

void
bandi_proposals_view_set_store (BandiProposalsView *self,
                                BandiStore         *store)
{
  g_set_object (&self->store, store);
}

void
bandi_proposals_view_set_cluster (BandiProposalsView *self,
                                  const char         *acronym)
{
  g_free (self->cluster);
  self->cluster = g_strdup (acronym);
}

const char *
bandi_proposals_view_get_cluster (BandiProposalsView *self)
{
  return self->cluster;
}

void
bandi_proposals_view_reload (BandiProposalsView *self)
{
}

guint
bandi_proposals_view_get_n_proposals (BandiProposalsView *self)
{
  return 0;
}
#endif

#ifdef BANDI_PENDING_PROPOSAL_EDITOR
struct _BandiProposalEditor
{
  GtkWidget      parent_instance;
  BandiProposal *proposal;
};

G_DEFINE_FINAL_TYPE (BandiProposalEditor, bandi_proposal_editor, GTK_TYPE_WIDGET)

static void
bandi_proposal_editor_finalize (GObject *object)
{
  g_clear_object (&BANDI_PROPOSAL_EDITOR (object)->proposal);
  G_OBJECT_CLASS (bandi_proposal_editor_parent_class)->finalize (object);
}

static void
bandi_proposal_editor_class_init (BandiProposalEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bandi_proposal_editor_finalize;
  g_signal_new ("show-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);
  g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bandi_proposal_editor_init (BandiProposalEditor *self)
{
}

BandiProposalEditor *
bandi_proposal_editor_new (void)
{
  return g_object_new (BANDI_TYPE_PROPOSAL_EDITOR, NULL);
}

void
bandi_proposal_editor_set_store (BandiProposalEditor *self,
                                 BandiStore          *store)
{
}

void
bandi_proposal_editor_set_clusters (BandiProposalEditor *self,
                                    GListModel          *clusters)
{
}

void
bandi_proposal_editor_set_calls (BandiProposalEditor *self,
                                 GListModel          *calls)
{
}

void
bandi_proposal_editor_set_proposal (BandiProposalEditor *self,
                                    BandiProposal       *proposal)
{
  g_set_object (&self->proposal, proposal);
}

BandiProposal *
bandi_proposal_editor_get_proposal (BandiProposalEditor *self)
{
  return self->proposal;
}

gboolean
bandi_proposal_editor_flush (BandiProposalEditor *self)
{
  return TRUE;
}
#endif

#ifdef BANDI_PENDING_DASHBOARD_VIEW
struct _BandiDashboardView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BandiDashboardView, bandi_dashboard_view, GTK_TYPE_WIDGET)

static void
bandi_dashboard_view_class_init (BandiDashboardViewClass *klass)
{
}

static void
bandi_dashboard_view_init (BandiDashboardView *self)
{
}

BandiDashboardView *
bandi_dashboard_view_new (void)
{
  return g_object_new (BANDI_TYPE_DASHBOARD_VIEW, NULL);
}

void
bandi_dashboard_view_set_store (BandiDashboardView *self,
                                BandiStore         *store)
{
}

void
bandi_dashboard_view_set_cluster (BandiDashboardView *self,
                                  const char         *acronym)
{
}

void
bandi_dashboard_view_reload (BandiDashboardView *self)
{
}

char *
bandi_dashboard_view_to_csv (BandiDashboardView *self)
{
  return g_strdup ("");
}
#endif

#ifdef BANDI_PENDING_PREFERENCES_WINDOW
struct _BandiPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BandiPreferencesWindow, bandi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
bandi_preferences_window_class_init (BandiPreferencesWindowClass *klass)
{
}

static void
bandi_preferences_window_init (BandiPreferencesWindow *self)
{
}

BandiPreferencesWindow *
bandi_preferences_window_new (BandiStore        *store,
                              BandiPluginLoader *loader,
                              GSettings         *settings)
{
  return g_object_new (BANDI_TYPE_PREFERENCES_WINDOW, NULL);
}
#endif
