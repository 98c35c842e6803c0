/* bandi-proposals-view.c
 *
 * One group per status, in the order a proposal goes through them; each
 * row shows the acronym, the title, the cluster (when every cluster is
 * shown) and the proposal's next step, with how long until it: before
 * submission its next milestone or the call's deadline, whichever comes
 * first; after it the next milestone (the evaluation's expected date), or
 * the outcome.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-countdown.h"
#include "bandi-format.h"
#include "bandi-proposal-steps.h"
#include "bandi-proposals-view.h"

struct _BandiProposalsView
{
  GtkWidget   parent_instance;

  BandiStore *store;
  char       *cluster;
  guint       n_proposals;
  GPtrArray  *groups;      /* the AdwPreferencesGroups added by reload */
  gboolean    stale;       /* to reload when next mapped */

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkBox        *groups_box;
};

G_DEFINE_FINAL_TYPE (BandiProposalsView, bandi_proposals_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PROPOSAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The deadline a proposal works towards: its call's next one (else the
 * call's last), or the manual deadline. Transfer full; NULL when none. */
static BandiDeadline *
target_deadline (BandiStore    *store,
                 BandiProposal *proposal,
                 gint64         now_unix)
{
  const char *source = bandi_proposal_get_call_source (proposal);
  const char *external_id = bandi_proposal_get_call_external_id (proposal);
  BandiDeadline *deadline = bandi_proposal_get_manual_deadline (proposal);

  if (source != NULL && external_id != NULL)
    {
      g_autoptr(BandiCall) call = bandi_store_find_call (store, source, external_id, NULL);

      if (call != NULL)
        {
          BandiDeadline *next = bandi_call_get_next_deadline (call, now_unix);

          if (next == NULL)
            next = bandi_call_get_last_deadline (call);
          return next ? g_object_ref (next) : NULL;
        }
    }

  return deadline ? g_object_ref (deadline) : NULL;
}

/* The proposal's next step in words; *@out_due gets its date, if any
 * (transfer none: the milestone's or @deadline). */
static char *
next_step (BandiProposal  *proposal,
           BandiDeadline  *deadline,
           BandiDeadline **out_due)
{
  BandiProposalStatus status = bandi_proposal_get_status (proposal);
  gboolean preparing = bandi_proposal_is_in_preparation (status);
  BandiMilestone *milestone = bandi_proposal_get_next_milestone (proposal);
  BandiDeadline *due = milestone ? bandi_milestone_get_due (milestone) : NULL;
  const char *title = milestone ? bandi_milestone_get_title (milestone) : NULL;

  *out_due = NULL;
  if (due != NULL &&
      (!preparing || deadline == NULL || bandi_deadline_sort_key (due) <= bandi_deadline_sort_key (deadline)))
    {
      g_autofree char *when = bandi_format_deadline (due);

      *out_due = due;
      /* Translators: a milestone, then when it is due */
      return g_strdup_printf (_("Next: %s, %s"), title && *title ? title : _("milestone"), when);
    }
  if (preparing && deadline != NULL)
    {
      g_autofree char *when = bandi_format_deadline (deadline);

      *out_due = deadline;
      /* Translators: when the call closes */
      return g_strdup_printf (_("Call deadline: %s"), when);
    }
  if (status == BANDI_PROPOSAL_STATUS_SUBMITTED || status == BANDI_PROPOSAL_STATUS_UNDER_EVALUATION)
    return g_strdup (_("Waiting for the outcome of the evaluation"));
  if (!preparing)
    {
      g_autoptr(GDateTime) changed = g_date_time_new_from_unix_local (bandi_proposal_get_status_changed (proposal));
      g_autofree char *date = bandi_format_date (changed);

      /* Translators: an outcome (Funded, Rejected, Withdrawn), then since when */
      return g_strdup_printf (_("%s since %s"), bandi_format_proposal_status (status), date);
    }
  return NULL;
}

static void
row_activated_cb (BandiProposalsView *self,
                  AdwActionRow       *row)
{
  BandiProposal *proposal = g_object_get_data (G_OBJECT (row), "proposal");

  g_signal_emit (self, signals[SIGNAL_PROPOSAL_ACTIVATED], 0, proposal);
}

static GtkWidget *
proposal_row_new (BandiProposalsView *self,
                  BandiProposal      *proposal,
                  GDateTime          *now)
{
  const char *acronym = bandi_proposal_get_acronym (proposal);
  const char *title = bandi_proposal_get_title (proposal);
  const char *cluster = bandi_proposal_get_cluster_acronym (proposal);
  g_autoptr(BandiDeadline) deadline = target_deadline (self->store, proposal, g_date_time_to_unix (now));
  g_autoptr(GString) subtitle = g_string_new (title);
  BandiDeadline *due = NULL;
  g_autofree char *step = next_step (proposal, deadline, &due);
  GtkWidget *row, *countdown;

  if (self->cluster == NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, cluster ? cluster : _("No cluster"));
    }
  if (step != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", step);

  row = bandi_format_plain_row (acronym && *acronym ? acronym : _("Untitled proposal"),
                                subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  countdown = gtk_label_new (NULL);
  gtk_widget_add_css_class (countdown, "numeric");
  bandi_countdown_update (GTK_LABEL (countdown), due, FALSE, FALSE, now);
  gtk_widget_set_tooltip_text (countdown, step);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), countdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "proposal", g_object_ref (proposal), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
clear_groups (BandiProposalsView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
show_error (BandiProposalsView *self,
            const GError       *error)
{
  /* A status page's description is markup */
  g_autofree char *reason = g_markup_escape_text (error->message, -1);

  adw_status_page_set_title (self->empty_page, _("Cannot Read the Proposals"));
  adw_status_page_set_description (self->empty_page, reason);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
reload_now (BandiProposalsView *self)
{
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *groups[BANDI_PROPOSAL_STATUS_LAST + 1] = { NULL };
  guint counts[BANDI_PROPOSAL_STATUS_LAST + 1] = { 0 };

  self->stale = FALSE;
  clear_groups (self);
  self->n_proposals = 0;
  if (self->store == NULL)
    return;

  proposals = bandi_store_list_proposals (self->store, self->cluster, &error);
  if (proposals == NULL)
    {
      show_error (self, error);
      return;
    }
  self->n_proposals = g_list_model_get_n_items (proposals);

  /* The groups in status order, rows in the store's order. */
  for (guint status = 0; status <= BANDI_PROPOSAL_STATUS_LAST; status++)
    {
      groups[status] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[status]),
                                       bandi_format_proposal_status (status));
    }

  for (guint i = 0; i < self->n_proposals; i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      BandiProposalStatus status = bandi_proposal_get_status (proposal);

      if (status > BANDI_PROPOSAL_STATUS_LAST)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[status]),
                                 proposal_row_new (self, proposal, now));
      counts[status]++;
    }

  for (guint status = 0; status <= BANDI_PROPOSAL_STATUS_LAST; status++)
    {
      g_autofree char *count = NULL;

      if (counts[status] == 0)
        {
          g_object_ref_sink (groups[status]);
          g_object_unref (groups[status]);
          continue;
        }
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposal", "%u proposals",
                                            counts[status]), counts[status]);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[status]), count);
      gtk_box_append (self->groups_box, groups[status]);
      g_ptr_array_add (self->groups, groups[status]);
    }

  adw_status_page_set_title (self->empty_page, _("No Proposals"));
  adw_status_page_set_description (self->empty_page,
                                   _("The proposals a cluster prepares show here, grouped by status"));
  gtk_stack_set_visible_child_name (self->stack, self->n_proposals > 0 ? "list" : "empty");
}

static void
ensure_loaded (BandiProposalsView *self)
{
  if (self->stale)
    reload_now (self);
}

/* A row per proposal takes a while to build for hundreds of them: a view
 * not on screen reloads when it is next mapped. */
void
bandi_proposals_view_reload (BandiProposalsView *self)
{
  g_return_if_fail (BANDI_IS_PROPOSALS_VIEW (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
}

void
bandi_proposals_view_set_store (BandiProposalsView *self,
                                BandiStore         *store)
{
  g_return_if_fail (BANDI_IS_PROPOSALS_VIEW (self));
  g_return_if_fail (store == NULL || BANDI_IS_STORE (store));

  if (g_set_object (&self->store, store))
    bandi_proposals_view_reload (self);
}

void
bandi_proposals_view_set_cluster (BandiProposalsView *self,
                                  const char         *acronym)
{
  g_return_if_fail (BANDI_IS_PROPOSALS_VIEW (self));

  if (acronym != NULL && *acronym == '\0')
    acronym = NULL;
  g_free (self->cluster);
  self->cluster = g_strdup (acronym);
  bandi_proposals_view_reload (self);
}

const char *
bandi_proposals_view_get_cluster (BandiProposalsView *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSALS_VIEW (self), NULL);

  return self->cluster;
}

guint
bandi_proposals_view_get_n_proposals (BandiProposalsView *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSALS_VIEW (self), 0);

  ensure_loaded (self);
  return self->n_proposals;
}

BandiProposalsView *
bandi_proposals_view_new (void)
{
  return g_object_new (BANDI_TYPE_PROPOSALS_VIEW, NULL);
}

static void
bandi_proposals_view_dispose (GObject *object)
{
  BandiProposalsView *self = BANDI_PROPOSALS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_PROPOSALS_VIEW);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->cluster, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_proposals_view_parent_class)->dispose (object);
}

static void
bandi_proposals_view_map (GtkWidget *widget)
{
  ensure_loaded (BANDI_PROPOSALS_VIEW (widget));
  GTK_WIDGET_CLASS (bandi_proposals_view_parent_class)->map (widget);
}

static void
bandi_proposals_view_class_init (BandiProposalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_proposals_view_dispose;
  widget_class->map = bandi_proposals_view_map;

  signals[SIGNAL_PROPOSAL_ACTIVATED] =
    g_signal_new ("proposal-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_PROPOSAL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-proposals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiProposalsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BandiProposalsView, groups_box);
}

static void
bandi_proposals_view_init (BandiProposalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}
