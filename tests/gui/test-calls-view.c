/* test-calls-view.c — the list of calls over a prepared store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-calls-view.h"
#include "bandi-format.h"
#include "bandi-relevance.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

#define N_BULK 60

typedef struct {
  BandiStore     *store;
  BandiContext   *context;
  GListModel     *calls;
  BandiCallsView *view;
  GtkWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = views_test_open_store (N_BULK);
  f->context = views_test_context (f->store);
  f->calls = bandi_context_get_calls (f->context);
  f->view = bandi_calls_view_new (f->context, GPOINTER_TO_INT (data));
  f->window = views_test_show (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  views_test_flush ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

static gboolean
shown_has (BandiCallsView *view,
           const char     *external_id)
{
  g_autoptr(BandiCall) call = gui_fixture_find (bandi_calls_view_get_shown (view), external_id);

  return call != NULL;
}

static void
test_upcoming_sorted (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 previous = 0;

  /* Every stored call but the closed one has a deadline ahead. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_BULK + FIXTURE_N_KNOWN - 1);
  g_assert_false (shown_has (f->view, FIXTURE_CLOSED));
  g_assert_true (shown_has (f->view, FIXTURE_ALPINE));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (shown, i);
      BandiDeadline *next = bandi_call_get_next_deadline (call, now);
      gint64 at = bandi_deadline_sort_key (next);

      g_assert_false (bandi_deadline_is_past (next, now));
      g_assert_cmpint (at, >=, previous);
      previous = at;
    }
}

static void
test_all_includes_closed (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  g_autoptr(BandiCall) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_BULK + FIXTURE_N_KNOWN);
  /* Closed calls come after every call still open. */
  last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  g_assert_cmpstr (bandi_call_get_external_id (last), ==, FIXTURE_CLOSED);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);

  bandi_calls_view_set_search_text (f->view, "HORIZON-CL5-2027-D2");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_BATTERIES));

  bandi_calls_view_set_search_text (f->view, "batter");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_BATTERIES));

  bandi_calls_view_set_search_text (f->view, "collabora");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_LOMBARDIA));

  bandi_calls_view_set_search_text (f->view, "nosuchwordanywhere");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* Operators and quotes are plain text, not an FTS error. */
  bandi_calls_view_set_search_text (f->view, "\"AND (");
  bandi_calls_view_set_search_text (f->view, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_BULK + FIXTURE_N_KNOWN);
}

static GtkDropDown *
find_dropdown (Fixture    *f,
               const char *tooltip)
{
  GtkWidget *dropdown = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, tooltip);

  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
select_string (GtkDropDown *dropdown,
               const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  GtkDropDown *source = find_dropdown (f, "Source");
  GtkDropDown *status = find_dropdown (f, "Status");
  GtkDropDown *window = find_dropdown (f, "Deadline");
  GtkDropDown *programme = find_dropdown (f, "Programme");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint expected = 0;

  select_string (source, "lombardia");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_LOMBARDIA));
  /* The filter shows the source's name, not its id */
  views_test_flush ();
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (source),
                                           "Regione Lombardia — Bandi (Call Hub, Collabora&Innova…)"));
  g_assert_null (views_test_find_label (GTK_WIDGET (source), "lombardia"));
  gtk_drop_down_set_selected (source, 0);

  gtk_drop_down_set_selected (status, 2);  /* Forthcoming */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_ALPINE));
  gtk_drop_down_set_selected (status, 0);

  select_string (programme, "Interreg Alpine Space");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (programme, 0);

  /* Within 7 days: counted independently from the deadlines. */
  for (guint i = 0; i < g_list_model_get_n_items (f->calls); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (f->calls, i);
      BandiDeadline *next = bandi_call_get_next_deadline (call, now);
      gint64 at = next ? bandi_deadline_to_unix (next) : 0;

      if (next != NULL && at >= now && at <= now + 7 * 86400)
        expected++;
    }
  gtk_drop_down_set_selected (window, 1);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  g_assert_true (shown_has (f->view, FIXTURE_BATTERIES));
  g_assert_false (shown_has (f->view, FIXTURE_FOOD));

  gtk_drop_down_set_selected (window, 4);  /* Closed */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_CLOSED));
}

static void
test_starred (Fixture       *f,
              gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  g_autoptr(BandiCall) call = gui_fixture_find (f->calls, FIXTURE_FOOD);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->view), "No Starred Calls"));

  bandi_context_set_starred (f->context, call, TRUE, &error);
  g_assert_no_error (error);
  views_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f->view, FIXTURE_FOOD));
}

static void
test_cluster_relevance (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  g_autoptr(BandiCluster) le2c = bandi_store_find_cluster (f->store, "LE2C", NULL);
  guint expected = 0;

  g_assert_nonnull (le2c);
  for (guint i = 0; i < g_list_model_get_n_items (f->calls); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (f->calls, i);

      if (bandi_relevance_is_suggested (le2c, call))
        expected++;
    }

  bandi_calls_view_set_fixed_cluster (f->view, "LE2C");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  g_assert_true (shown_has (f->view, FIXTURE_BATTERIES));

  /* The relevance cluster is a property, as GSettings binds it. */
  bandi_calls_view_set_fixed_cluster (f->view, NULL);
  g_object_set (f->view, "relevance-cluster", "LGCA", NULL);
  g_assert_cmpstr (bandi_calls_view_get_relevance_cluster (f->view), ==, "LGCA");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_BULK + FIXTURE_N_KNOWN);
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Choosing a cluster in the list's own popup, as a user does: the list
 * must not be replaced under the popup (a GLib critical, fatal here). */
static void
test_cluster_choice (Fixture       *f,
                     gconstpointer  data)
{
  GtkDropDown *cluster = find_dropdown (f, "Cluster whose relevance is shown");
  GListModel *model = gtk_drop_down_get_model (cluster);
  GtkListView *popup_list;
  guint le2c = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "LE2C") == 0)
      le2c = i;
  g_assert_cmpuint (le2c, !=, G_MAXUINT);

  g_signal_emit_by_name (cluster, "activate");
  views_test_flush ();
  popup_list = find_list_view (GTK_WIDGET (cluster));
  g_assert_nonnull (popup_list);
  /* What a click on the popup's row does */
  gtk_selection_model_select_item (gtk_list_view_get_model (popup_list), le2c, TRUE);
  g_signal_emit_by_name (popup_list, "activate", le2c);
  views_test_flush ();
  g_assert_cmpstr (bandi_calls_view_get_relevance_cluster (f->view), ==, "LE2C");
  g_assert_cmpuint (gtk_drop_down_get_selected (cluster), ==, le2c);
}

static void
test_plain_text (Fixture       *f,
                 gconstpointer  data)
{
  GtkLabel *label;

  bandi_calls_view_set_search_text (f->view, FIXTURE_BATTERIES);
  views_test_flush ();
  label = views_test_find_label (GTK_WIDGET (f->view), FIXTURE_BATTERIES_TITLE);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpstr (gtk_label_get_label (label), ==, FIXTURE_BATTERIES_TITLE);
}

static void
activated_cb (BandiCallsView *view,
              BandiCall      *call,
              BandiCall     **out)
{
  g_set_object (out, call);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BandiCall) activated = NULL;

  g_signal_connect (f->view, "call-activated", G_CALLBACK (activated_cb), &activated);
  bandi_calls_view_set_search_text (f->view, "collabora");
  g_assert_true (bandi_calls_view_activate_first (f->view));
  g_assert_nonnull (activated);
  g_assert_cmpstr (bandi_call_get_external_id (activated), ==, FIXTURE_LOMBARDIA);

  bandi_calls_view_set_search_text (f->view, "nosuchwordanywhere");
  g_assert_false (bandi_calls_view_activate_first (f->view));
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->view), "No Matching Calls"));
}

static void
test_days_left_classes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BandiCall) batteries = gui_fixture_find (f->calls, FIXTURE_BATTERIES);
  g_autoptr(BandiCall) food = gui_fixture_find (f->calls, FIXTURE_FOOD);
  g_autoptr(BandiCall) alpine = gui_fixture_find (f->calls, FIXTURE_ALPINE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 unix_now = g_date_time_to_unix (now);

  /* Red under 7 days, amber under 30, plain beyond. */
  g_assert_cmpstr (bandi_format_urgency_class (bandi_call_get_next_deadline (batteries, unix_now), now), ==, "urgent");
  g_assert_cmpstr (bandi_format_urgency_class (bandi_call_get_next_deadline (food, unix_now), now), ==, "soon");
  g_assert_null (bandi_format_urgency_class (bandi_call_get_next_deadline (alpine, unix_now), now));
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, "Europe/Rome");

  g_test_add ("/calls-view/upcoming-sorted", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_UPCOMING),
              fixture_set_up, test_upcoming_sorted, fixture_tear_down);
  g_test_add ("/calls-view/all-includes-closed", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_all_includes_closed, fixture_tear_down);
  g_test_add ("/calls-view/search", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/calls-view/filters", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/calls-view/starred", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_STARRED),
              fixture_set_up, test_starred, fixture_tear_down);
  g_test_add ("/calls-view/cluster-relevance", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_cluster_relevance, fixture_tear_down);
  g_test_add ("/calls-view/cluster-choice", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_cluster_choice, fixture_tear_down);
  g_test_add ("/calls-view/plain-text", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_plain_text, fixture_tear_down);
  g_test_add ("/calls-view/activate", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_UPCOMING),
              fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/calls-view/days-left-classes", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_UPCOMING),
              fixture_set_up, test_days_left_classes, fixture_tear_down);

  return views_test_run ();
}
