/* bandi-call-details.c
 *
 * Every field of one call, in boxed lists as GNOME apps show properties:
 * its deadlines in the user's zone (with the call's own zone under them
 * when it differs), what the call is, its funding, its status; then the
 * description, keywords, the clusters it is suggested for, the user's
 * star and notes, and the history of its deadline changes. Text from
 * sources is always shown as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-call-details"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-call-details.h"
#include "bandi-format.h"
#include "bandi-relevance.h"

#define NOTE_SAVE_DELAY_MS 800

struct _BandiCallDetails
{
  GtkWidget      parent_instance;

  BandiContext  *context;
  BandiCall     *call;
  guint          note_timer;
  gboolean       loading;

  /* template children */
  GtkLabel      *title_label;
  GtkLabel      *identifier_label;
  GtkLabel      *suggested_label;
  GtkToggleButton *star_button;
  GtkWidget     *open_button;
  GtkWidget     *edit_button;     /* for calls added by hand only */
  GtkWidget     *delete_button;
  GtkListBox    *deadlines_list;
  GtkListBox    *call_list;
  GtkWidget     *funding_group;
  GtkListBox    *funding_list;
  GtkListBox    *status_list;
  GtkWidget     *description_group;
  GtkLabel      *description_label;
  GtkWidget     *keywords_group;
  GtkLabel      *keywords_label;
  GtkTextView   *notes_view;
  GtkWidget     *history_group;
  GtkListBox    *history_list;
};

G_DEFINE_FINAL_TYPE (BandiCallDetails, bandi_call_details, GTK_TYPE_WIDGET)

enum {
  PREPARE_PROPOSAL,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_field (GtkListBox *list,
           const char *title,
           const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = bandi_format_plain_row (title, value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static void
add_money_field (GtkListBox *list,
                 const char *title,
                 double      euros)
{
  g_autofree char *text = NULL;

  if (euros < 0)
    return;
  text = bandi_format_money (euros);
  add_field (list, title, text);
}

/* A deadline's row: its date and time in the user's zone, and under them
 * its time in the call's own zone when that differs. */
static GtkWidget *
deadline_row_new (const char    *title,
                  BandiDeadline *deadline)
{
  g_autofree char *own_zone = NULL;
  g_autofree char *when = bandi_format_deadline_long (deadline, &own_zone);
  g_autofree char *subtitle = own_zone ? g_strdup_printf ("%s\n%s", when, own_zone) : NULL;
  GtkWidget *row = bandi_format_plain_row (title, subtitle ? subtitle : when);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
fill_fields (BandiCallDetails *self)
{
  BandiCall *call = self->call;
  g_autofree char *action_types = bandi_format_action_types (bandi_call_get_action_type (call));
  g_autofree char *grants = NULL;
  g_autofree char *first_seen = bandi_format_unix_time (bandi_call_get_first_seen (call));
  g_autofree char *last_changed = bandi_format_unix_time (bandi_call_get_last_changed (call));
  BandiSource *source;

  clear_list (self->call_list);
  add_field (self->call_list, _("Identifier"), bandi_format_call_code (call));
  add_field (self->call_list, _("Parent call"), bandi_call_get_call_id (call));
  add_field (self->call_list, _("Parent call title"), bandi_call_get_call_title (call));
  add_field (self->call_list, _("Programme"), bandi_call_get_programme (call));
  /* A call added by hand keeps its funder there. */
  add_field (self->call_list,
             g_strcmp0 (bandi_call_get_source_id (call), BANDI_MANUAL_SOURCE_ID) == 0
             ? _("Funder") : _("Programme part"),
             bandi_call_get_programme_part (call));
  add_field (self->call_list, _("Type of action"), action_types);
  add_field (self->call_list, _("Deadline model"), bandi_format_deadline_model (bandi_call_get_deadline_model (call)));

  clear_list (self->funding_list);
  add_money_field (self->funding_list, _("Budget"), bandi_call_get_budget (call));
  if (bandi_call_get_expected_grants (call) >= 0)
    {
      grants = bandi_format_count ((guint) bandi_call_get_expected_grants (call));
      add_field (self->funding_list, _("Expected grants"), grants);
    }
  add_money_field (self->funding_list, _("Minimum EU contribution per grant"), bandi_call_get_min_contribution (call));
  add_money_field (self->funding_list, _("Maximum EU contribution per grant"), bandi_call_get_max_contribution (call));
  gtk_widget_set_visible (self->funding_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->funding_list)) != NULL);

  clear_list (self->status_list);
  add_field (self->status_list, _("Status"), bandi_call_get_withdrawn (call)
                                             ? _("No longer listed by its source")
                                             : bandi_format_call_status (bandi_call_get_status (call)));
  source = bandi_plugin_loader_find_source (bandi_context_get_loader (self->context),
                                            bandi_call_get_source_id (call));
  add_field (self->status_list, _("Source"),
             source != NULL ? bandi_source_get_name (source)
             : g_strcmp0 (bandi_call_get_source_id (call), BANDI_MANUAL_SOURCE_ID) == 0 ? _("Added by hand")
             : bandi_call_get_source_id (call));
  add_field (self->status_list, _("Public page"), bandi_call_get_url (call));
  add_field (self->status_list, _("First seen"), first_seen);
  add_field (self->status_list, _("Last changed"), last_changed);
}

static void
fill_deadlines (BandiCallDetails *self)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (self->call);
  BandiDeadline *opening = bandi_call_get_opening (self->call);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  clear_list (self->deadlines_list);
  if (opening != NULL)
    gtk_list_box_append (self->deadlines_list, deadline_row_new (_("Opening"), opening));
  if (deadlines->len == 0)
    gtk_list_box_append (self->deadlines_list,
                         bandi_format_plain_row (_("No deadline given"),
                                                 _("Open until the funds run out, or the source does not say.")));

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *stage = bandi_format_stage (deadline);
      g_autofree char *left = bandi_format_days_left (deadline, now);
      const char *urgency = bandi_format_urgency_class (deadline, now);
      GtkWidget *row = deadline_row_new (stage, deadline);
      GtkWidget *label = gtk_label_new (left);

      gtk_widget_add_css_class (label, "days-left");
      if (urgency != NULL)
        gtk_widget_add_css_class (label, urgency);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->deadlines_list, row);
    }

  /* What the source could not read well ("a time was stated but could
   * not be read: …"): to be checked on the call's page. */
  for (const char * const *w = bandi_call_get_warnings (self->call); w != NULL && *w != NULL; w++)
    {
      GtkWidget *row = bandi_format_plain_row (_("Check on the call’s page"), *w);

      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_widget_add_css_class (row, "warning");
      gtk_list_box_append (self->deadlines_list, row);
    }
}

static void
fill_history (BandiCallDetails *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->history_list);
  if (bandi_call_get_id (self->call) == 0)
    {
      gtk_widget_set_visible (self->history_group, FALSE);
      return;
    }

  changes = bandi_store_list_deadline_changes (bandi_context_get_store (self->context),
                                               bandi_call_get_id (self->call), &error);
  if (changes == NULL)
    g_warning ("Cannot read the deadline history: %s", error->message);
  gtk_widget_set_visible (self->history_group, changes != NULL && changes->len > 0);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      BandiDeadlineChange *change = g_ptr_array_index (changes, i);
      g_autofree char *old_text = bandi_format_history_value (change->old_value, change->stage);
      g_autofree char *new_text = bandi_format_history_value (change->new_value, change->stage);
      g_autofree char *when = bandi_format_unix_time (change->changed_at);
      /* Translators: a stage number, then when the change was seen */
      g_autofree char *title = g_strdup_printf (_("Stage %u, changed %s"), change->stage, when);
      /* Translators: the old deadline, then the new one */
      g_autofree char *subtitle = g_strdup_printf (_("%s → %s"), old_text, new_text);
      GtkWidget *row = bandi_format_plain_row (title, subtitle);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
fill_suggested (BandiCallDetails *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *clusters = bandi_context_get_clusters (self->context);
  guint n = g_list_model_get_n_items (clusters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCluster) cluster = g_list_model_get_item (clusters, i);
      guint score = bandi_relevance_score (cluster, self->call);

      if (score < BANDI_RELEVANCE_SUGGESTED)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a cluster acronym and its relevance score out of 100 */
      g_string_append_printf (text, _("%s (%u)"), bandi_cluster_get_acronym (cluster), score);
    }

  if (text->len > 0)
    {
      /* Translators: %s is a list of clusters with their scores */
      g_autofree char *label = g_strdup_printf (_("Suggested for %s"), text->str);

      gtk_label_set_text (self->suggested_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_label), text->len > 0);
}

static void
fill (BandiCallDetails *self)
{
  const char *description;
  const char * const *keywords;
  g_autofree char *keywords_text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *note;
  gboolean manual;

  if (self->call == NULL)
    return;

  self->loading = TRUE;
  gtk_label_set_text (self->title_label, bandi_call_get_title (self->call));
  gtk_label_set_text (self->identifier_label, bandi_format_call_code (self->call));
  gtk_toggle_button_set_active (self->star_button, bandi_call_get_starred (self->call));
  gtk_widget_set_sensitive (self->open_button, bandi_format_is_web_uri (bandi_call_get_url (self->call)));
  gtk_widget_set_tooltip_text (self->open_button, bandi_call_get_url (self->call));
  manual = g_strcmp0 (bandi_call_get_source_id (self->call), BANDI_MANUAL_SOURCE_ID) == 0;
  gtk_widget_set_visible (gtk_widget_get_parent (self->edit_button), manual);
  gtk_widget_set_visible (gtk_widget_get_parent (self->delete_button), manual);

  description = bandi_call_get_description (self->call);
  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (self->description_group, description != NULL && *description != '\0');

  keywords = bandi_call_get_keywords (self->call);
  keywords_text = keywords ? g_strjoinv (", ", (char **) keywords) : NULL;
  gtk_label_set_text (self->keywords_label, keywords_text ? keywords_text : "");
  gtk_widget_set_visible (self->keywords_group, keywords_text != NULL && *keywords_text != '\0');

  note = bandi_call_get_note (self->call);
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);

  fill_deadlines (self);
  fill_fields (self);
  fill_history (self);
  fill_suggested (self);
  self->loading = FALSE;
}

static void
save_note (BandiCallDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->note_timer, g_source_remove);
  if (self->call == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, bandi_call_get_note (self->call) ? bandi_call_get_note (self->call) : "") == 0)
    return;
  if (!bandi_store_set_note (bandi_context_get_store (self->context), self->call, *text ? text : NULL, &error))
    g_warning ("Cannot save the note of %s: %s", bandi_call_get_external_id (self->call), error->message);
}

static gboolean
note_timer_cb (gpointer user_data)
{
  BandiCallDetails *self = user_data;

  self->note_timer = 0;
  save_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (BandiCallDetails *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->note_timer, g_source_remove);
  self->note_timer = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timer_cb, self);
}

/* Through the window's action, as every star is. */
static void
star_toggled_cb (BandiCallDetails *self)
{
  gboolean active = gtk_toggle_button_get_active (self->star_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            active ? "starred-symbolic" : "non-starred-symbolic");
  if (self->loading || self->call == NULL || bandi_call_get_starred (self->call) == active)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.star-call", "(xb)", bandi_call_get_id (self->call), active);
  /* Not saved: the star shows what is stored. */
  if (bandi_call_get_starred (self->call) != active)
    gtk_toggle_button_set_active (self->star_button, !active);
}

/* What the context says changed */

static void
call_changed_cb (BandiCallDetails *self,
                 BandiCall        *call)
{
  if (self->call == NULL || bandi_call_get_id (call) != bandi_call_get_id (self->call))
    return;
  self->loading = TRUE;
  gtk_toggle_button_set_active (self->star_button, bandi_call_get_starred (call));
  self->loading = FALSE;
}

/* After a sync, the call as read again (the context's own object). */
static void
calls_changed_cb (BandiCallDetails *self)
{
  BandiCall *own;

  if (self->call == NULL)
    return;
  own = bandi_context_find_call (self->context, bandi_call_get_id (self->call));
  if (own != NULL && own != self->call)
    bandi_call_details_set_call (self, own);
}

static void
clusters_changed_cb (BandiCallDetails *self)
{
  if (self->call != NULL)
    fill_suggested (self);
}

static void
open_clicked_cb (BandiCallDetails *self)
{
  const char *url = self->call ? bandi_call_get_url (self->call) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Only web pages: a source could give any scheme. */
  if (!bandi_format_is_web_uri (url))
    return;
#if GTK_CHECK_VERSION (4, 10, 0) && GDK_VERSION_MAX_ALLOWED >= GDK_VERSION_4_10
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (url);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
#endif
}

static void
prepare_clicked_cb (BandiCallDetails *self)
{
  if (self->call != NULL)
    g_signal_emit (self, signals[PREPARE_PROPOSAL], 0, self->call);
}

BandiCallDetails *
bandi_call_details_new (BandiContext *context)
{
  return g_object_new (BANDI_TYPE_CALL_DETAILS, "context", context, NULL);
}

void
bandi_call_details_set_call (BandiCallDetails *self,
                             BandiCall        *call)
{
  g_return_if_fail (BANDI_IS_CALL_DETAILS (self));

  save_note (self);
  g_set_object (&self->call, call);
  fill (self);
}

BandiCall *
bandi_call_details_get_call (BandiCallDetails *self)
{
  g_return_val_if_fail (BANDI_IS_CALL_DETAILS (self), NULL);
  return self->call;
}

void
bandi_call_details_flush (BandiCallDetails *self)
{
  g_return_if_fail (BANDI_IS_CALL_DETAILS (self));
  save_note (self);
}

static void
bandi_call_details_dispose (GObject *object)
{
  BandiCallDetails *self = BANDI_CALL_DETAILS (object);

  save_note (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANDI_TYPE_CALL_DETAILS);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->call);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bandi_call_details_parent_class)->dispose (object);
}

static void
bandi_call_details_constructed (GObject *object)
{
  BandiCallDetails *self = BANDI_CALL_DETAILS (object);

  G_OBJECT_CLASS (bandi_call_details_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  g_signal_connect_object (self->context, "call-changed", G_CALLBACK (call_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "calls-changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "clusters-changed", G_CALLBACK (clusters_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bandi_call_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BandiCallDetails *self = BANDI_CALL_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_call_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BandiCallDetails *self = BANDI_CALL_DETAILS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_call_details_class_init (BandiCallDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bandi_call_details_constructed;
  object_class->dispose = bandi_call_details_dispose;
  object_class->get_property = bandi_call_details_get_property;
  object_class->set_property = bandi_call_details_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BANDI_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PREPARE_PROPOSAL] =
    g_signal_new ("prepare-proposal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BANDI_TYPE_CALL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bandi/Bandi/bandi-call-details.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, identifier_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, suggested_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, star_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, open_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, delete_button);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, call_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, funding_group);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, funding_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, status_list);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, description_group);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, keywords_group);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, keywords_label);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, history_group);
  gtk_widget_class_bind_template_child (widget_class, BandiCallDetails, history_list);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, prepare_clicked_cb);
}

static void
bandi_call_details_init (BandiCallDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}
