/* bandi-dashboard-view.c
 *
 * A cluster's figures (bandi-figures.h: proposals by status, submitted,
 * funded, success rate and money, by programme and year) and its
 * milestones ahead; the figures export as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-dashboard-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bandi-countdown.h"
#include "bandi-dashboard-view.h"
#include "bandi-figures.h"
#include "bandi-format.h"

#define MAX_MILESTONES 10

typedef struct {
  BandiMilestone *milestone;
  BandiProposal  *proposal;
} Upcoming;

struct _BandiDashboardView
{
  GtkWidget   parent_instance;

  BandiStore *store;
  char       *cluster;
  BandiFigures *figures;
  GArray     *upcoming;   /* of Upcoming, soonest first */
  GPtrArray  *rows;       /* rows added to the groups */
  gboolean    stale;      /* to reload when next mapped */

  AdwToastOverlay      *toast_overlay;
  GtkLabel             *scope_label;
  GtkFlowBox           *figures_box;
  AdwPreferencesGroup  *status_group;
  AdwPreferencesGroup  *programme_group;
  AdwPreferencesGroup  *milestones_group;
};

G_DEFINE_FINAL_TYPE (BandiDashboardView, bandi_dashboard_view, GTK_TYPE_WIDGET)

static void
upcoming_clear (Upcoming *upcoming)
{
  g_clear_object (&upcoming->milestone);
  g_clear_object (&upcoming->proposal);
}

static int
compare_upcoming (gconstpointer a,
                  gconstpointer b)
{
  gint64 ka = bandi_deadline_sort_key (bandi_milestone_get_due (((const Upcoming *) a)->milestone));
  gint64 kb = bandi_deadline_sort_key (bandi_milestone_get_due (((const Upcoming *) b)->milestone));

  return (ka > kb) - (ka < kb);
}

/* The milestones ahead of @proposals, soonest first. */
static void
collect_upcoming (BandiDashboardView *self,
                  GListModel         *proposals)
{
  gint64 now_unix = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      GPtrArray *milestones = bandi_proposal_get_milestones (proposal);

      for (guint j = 0; j < milestones->len; j++)
        {
          BandiMilestone *milestone = g_ptr_array_index (milestones, j);
          BandiDeadline *due = bandi_milestone_get_due (milestone);
          Upcoming upcoming;

          if (bandi_milestone_get_done (milestone) || due == NULL || bandi_deadline_is_past (due, now_unix))
            continue;
          upcoming.milestone = g_object_ref (milestone);
          upcoming.proposal = g_object_ref (proposal);
          g_array_append_val (self->upcoming, upcoming);
        }
    }

  g_array_sort (self->upcoming, compare_upcoming);
}

/* Showing */

static void
add_row (BandiDashboardView  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear (BandiDashboardView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  g_clear_pointer (&self->figures, bandi_figures_free);
  g_array_set_size (self->upcoming, 0);
}

static void
add_figure (BandiDashboardView *self,
            const char         *value,
            const char         *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);
  g_autofree char *name = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (value_label, "title-1");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (value_label, 12);
  gtk_widget_set_margin_bottom (caption_label, 12);
  gtk_widget_set_margin_start (caption_label, 6);
  gtk_widget_set_margin_end (caption_label, 6);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_flow_box_append (self->figures_box, box);
}

static char *
format_rate (const BandiFiguresLine *line)
{
  double rate;

  if (!bandi_figures_line_success_rate (line, &rate))
    return g_strdup ("—");
  /* Translators: a percentage */
  return g_strdup_printf (_("%.0f%%"), rate * 100);
}

static char *
format_money_or_dash (double euros)
{
  return euros > 0 ? bandi_format_money (euros) : g_strdup ("—");
}

static void
show (BandiDashboardView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const BandiFiguresLine *totals = bandi_figures_get_totals (self->figures);
  g_autofree char *count = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *funded = NULL;
  g_autofree char *rate = format_rate (totals);
  g_autofree char *requested = format_money_or_dash (totals->contribution);
  g_autofree char *won = format_money_or_dash (totals->won);

  gtk_label_set_text (self->scope_label,
                      self->cluster ? self->cluster : _("All Clusters"));

  count = bandi_format_count (bandi_figures_line_count (totals));
  submitted = bandi_format_count (bandi_figures_line_submitted (totals));
  funded = bandi_format_count (totals->by_status[BANDI_PROPOSAL_STATUS_FUNDED]);
  add_figure (self, count, _("Proposals"));
  add_figure (self, submitted, _("Submitted"));
  add_figure (self, funded, _("Funded"));
  add_figure (self, rate, _("Success rate"));
  add_figure (self, requested, _("EU contribution requested"));
  add_figure (self, won, _("EU contribution won"));

  for (guint status = 0; status < BANDI_FIGURES_N_STATUSES; status++)
    {
      g_autofree char *n = bandi_format_count (totals->by_status[status]);
      GtkWidget *row = bandi_format_plain_row (bandi_format_proposal_status (status), NULL);
      GtkWidget *label = gtk_label_new (n);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      add_row (self, self->status_group, row);
    }

  for (guint i = 0; i < bandi_figures_get_n_lines (self->figures); i++)
    {
      const BandiFiguresLine *line = bandi_figures_get_line (self->figures, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *line_rate = format_rate (line);
      g_autofree char *line_won = format_money_or_dash (line->won);
      const char *programme = *line->programme ? line->programme : _("Programme not given");

      if (bandi_figures_line_submitted (line) == 0)
        continue;
      /* Translators: a programme, then a year */
      title = g_strdup_printf (_("%s, %d"), programme, line->year);
      /* Translators: counts of proposals, a success rate, an amount won */
      subtitle = g_strdup_printf (_("%u submitted, %u funded · success rate %s · won %s"),
                                  bandi_figures_line_submitted (line), line->by_status[BANDI_PROPOSAL_STATUS_FUNDED],
                                  line_rate, line_won);
      add_row (self, self->programme_group, bandi_format_plain_row (title, subtitle));
    }
  if (bandi_figures_line_submitted (totals) == 0)
    add_row (self, self->programme_group, bandi_format_plain_row (_("No proposal submitted yet"), NULL));

  for (guint i = 0; i < self->upcoming->len && i < MAX_MILESTONES; i++)
    {
      Upcoming *upcoming = &g_array_index (self->upcoming, Upcoming, i);
      BandiDeadline *due = bandi_milestone_get_due (upcoming->milestone);
      const char *acronym = bandi_proposal_get_acronym (upcoming->proposal);
      const char *title = bandi_milestone_get_title (upcoming->milestone);
      g_autofree char *when = bandi_format_deadline (due);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", acronym && *acronym ? acronym : _("Untitled proposal"), when);
      GtkWidget *row = bandi_format_plain_row (title && *title ? title : _("Untitled milestone"), subtitle);
      GtkWidget *countdown = gtk_label_new (NULL);

      bandi_countdown_update (GTK_LABEL (countdown), due, TRUE, FALSE, now);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), countdown);
      add_row (self, self->milestones_group, row);
    }
  if (self->upcoming->len == 0)
    add_row (self, self->milestones_group, bandi_format_plain_row (_("No milestone ahead"), NULL));
}

static void
reload_now (BandiDashboardView *self)
{
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  clear (self);
  if (self->store == NULL)
    return;

  proposals = bandi_store_list_proposals (self->store, self->cluster, &error);
  if (proposals != NULL)
    self->figures = bandi_figures_compute (self->store, self->cluster, 0, 0, &error);
  if (self->figures == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot read the proposals: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, 5));
      return;
    }
  collect_upcoming (self, proposals);
  show (self);
}

static void
ensure_loaded (BandiDashboardView *self)
{
  if (self->stale)
    reload_now (self);
}

/* A view not on screen reloads when it is next mapped. */
void
bandi_dashboard_view_reload (BandiDashboardView *self)
{
  g_return_if_fail (BANDI_IS_DASHBOARD_VIEW (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
}

/* The figures as CSV: see bandi_figures_to_csv(). */
char *
bandi_dashboard_view_to_csv (BandiDashboardView *self)
{
  g_return_val_if_fail (BANDI_IS_DASHBOARD_VIEW (self), NULL);

  ensure_loaded (self);
  /* No store, or it could not be read: the header alone. */
  return bandi_figures_to_csv (&self->figures, self->figures ? 1 : 0);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    BandiDashboardView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      csv = bandi_dashboard_view_to_csv (self);
      if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, NULL, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          /* Translators: %s is a file name */
          text = g_strdup_printf (_("Saved %s"), name);
        }
      else
        text = g_strdup_printf (_("Cannot save the figures: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (text, 5));
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (BandiDashboardView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("bandi-%s-%s.csv", self->cluster ? self->cluster : "all", date);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Figures"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Public API */

void
bandi_dashboard_view_set_store (BandiDashboardView *self,
                                BandiStore         *store)
{
  g_return_if_fail (BANDI_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (store == NULL || BANDI_IS_STORE (store));

  if (g_set_object (&self->store, store))
    bandi_dashboard_view_reload (self);
}

void
bandi_dashboard_view_set_cluster (BandiDashboardView *self,
                                  const char         *acronym)
{
  g_return_if_fail (BANDI_IS_DASHBOARD_VIEW (self));

  if (acronym != NULL && *acronym == '\0')
    acronym = NULL;
  g_free (self->cluster);
  self->cluster = g_strdup (acronym);
  bandi_dashboard_view_reload (self);
}

BandiDashboardView *
bandi_dashboard_view_new (void)
{
  return g_object_new (BANDI_TYPE_DASHBOARD_VIEW, NULL);
}

static void
bandi_dashboard_view_dispose (GObject *object)
{
  BandiDashboardView *self = BANDI_DASHBOARD_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_DASHBOARD_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->figures, bandi_figures_free);
  g_clear_pointer (&self->upcoming, g_array_unref);
  g_clear_pointer (&self->cluster, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bandi_dashboard_view_parent_class)->dispose (object);
}

static void
bandi_dashboard_view_map (GtkWidget *widget)
{
  ensure_loaded (BANDI_DASHBOARD_VIEW (widget));
  GTK_WIDGET_CLASS (bandi_dashboard_view_parent_class)->map (widget);
}

static void
bandi_dashboard_view_class_init (BandiDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_dashboard_view_dispose;
  widget_class->map = bandi_dashboard_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, status_group);
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, programme_group);
  gtk_widget_class_bind_template_child (widget_class, BandiDashboardView, milestones_group);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
bandi_dashboard_view_init (BandiDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->upcoming = g_array_new (FALSE, TRUE, sizeof (Upcoming));
  g_array_set_clear_func (self->upcoming, (GDestroyNotify) upcoming_clear);
  self->rows = g_ptr_array_new ();
}
