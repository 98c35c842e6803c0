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

static GtkColumnViewColumn *
find_column (Fixture    *f,
             const char *title)
{
  GtkColumnView *columns = GTK_COLUMN_VIEW (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *list;

  g_assert_nonnull (columns);
  list = gtk_column_view_get_columns (columns);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

/* A deadline column beside the countdown: the date and time in the
 * user's zone and locale; a closed call keeps its date (fails on the old
 * code: no such column). */
static void
test_deadline_column (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BandiCall) batteries = gui_fixture_find (f->calls, FIXTURE_BATTERIES);
  g_autoptr(BandiCall) closed = gui_fixture_find (f->calls, FIXTURE_CLOSED);
  BandiCall *calls[] = { batteries, closed };

  g_assert_nonnull (find_column (f, "Deadline"));
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      GPtrArray *deadlines = bandi_call_get_deadlines (calls[i]);
      BandiDeadline *first = g_ptr_array_index (deadlines, 0);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (bandi_deadline_to_unix (first));
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *day = g_date_time_format (local, "%a %-d %b");
      g_autofree char *expected = NULL;

      /* 17:00 in Brussels is 17:00 in Rome, the test's zone. */
      g_assert_cmpint (g_date_time_get_hour (local), ==, 17);
      if (g_date_time_get_year (local) != g_date_time_get_year (bandi_context_get_now (f->context)))
        {
          g_free (day);
          day = g_date_time_format (local, "%a %-d %b %Y");
        }
      expected = g_strdup_printf ("%s, 17:00", day);
      bandi_calls_view_set_search_text (f->view, bandi_call_get_external_id (calls[i]));
      views_test_flush ();
      if (views_test_find_label (GTK_WIDGET (f->view), expected) == NULL)
        g_test_message ("no label %s", expected);
      g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->view), expected));
    }
}

static gboolean
title_sorted (GListModel *shown,
              gboolean    descending)
{
  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(BandiCall) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(BandiCall) b = g_list_model_get_item (shown, i);
      int order = g_utf8_collate (bandi_call_get_title (a), bandi_call_get_title (b));

      if (descending ? order < 0 : order > 0)
        return FALSE;
    }
  return TRUE;
}

/* A column's header sorts by it (fails on the old code: no sorter). */
static void
test_sort_by_header (Fixture       *f,
                     gconstpointer  data)
{
  GtkColumnView *columns = GTK_COLUMN_VIEW (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkColumnViewColumn *title = find_column (f, "Title");
  GListModel *shown = bandi_calls_view_get_shown (f->view);
  g_autoptr(BandiCall) first = NULL;

  g_assert_false (title_sorted (shown, FALSE));
  g_assert_nonnull (gtk_column_view_column_get_sorter (title));
  gtk_column_view_sort_by_column (columns, title, GTK_SORT_ASCENDING);
  g_assert_true (title_sorted (shown, FALSE));
  gtk_column_view_sort_by_column (columns, title, GTK_SORT_DESCENDING);
  g_assert_true (title_sorted (shown, TRUE));
  /* Back to the order by deadline: the batteries' is the first ahead. */
  gtk_column_view_sort_by_column (columns, NULL, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (bandi_call_get_external_id (first), ==, FIXTURE_BATTERIES);
}

/* A cluster's suggestions leave out closed calls, unless they are asked
 * for (fails on the old code: they followed the open ones). */
static void
test_suggestions_open_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BandiCluster) afil = bandi_store_find_cluster (f->store, "AFIL", NULL);
  g_autoptr(BandiCall) closed = gui_fixture_find (f->calls, FIXTURE_CLOSED);

  g_assert_true (bandi_relevance_is_suggested (afil, closed));
  bandi_calls_view_set_fixed_cluster (f->view, "AFIL");
  g_assert_cmpuint (bandi_calls_view_get_n_shown (f->view), >, 0);
  g_assert_false (shown_has (f->view, FIXTURE_CLOSED));
  gtk_drop_down_set_selected (find_dropdown (f, "Status"), 3);  /* Closed */
  g_assert_true (shown_has (f->view, FIXTURE_CLOSED));
}

/* A call keyed "programme:slug" by its source shows no such key (fails
 * on the old code: the key was its identifier). */
static void
test_no_internal_keys (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) fetched = g_ptr_array_new_with_free_func (g_object_unref);
  BandiCall *call = bandi_call_new ();
  g_autoptr(BandiDeadline) deadline = gui_fixture_deadline (1, 9, 12, "Europe/Rome");
  g_autoptr(GError) error = NULL;

  bandi_call_set_external_id (call, "custom-atom-programme:interreg-xyz-first-call");
  bandi_call_set_title (call, "First call of a custom programme");
  bandi_call_set_programme (call, "Interreg XYZ");
  bandi_call_add_deadline (call, deadline);
  g_ptr_array_add (fetched, call);
  bandi_store_merge_calls (f->store, "interreg", fetched, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  bandi_context_reload (f->context, &error);
  g_assert_no_error (error);

  bandi_calls_view_set_search_text (f->view, "custom programme");
  views_test_flush ();
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->view), "First call of a custom programme"));
  g_assert_null (views_test_find_label (GTK_WIDGET (f->view), "custom-atom-programme:interreg-xyz-first-call"));
}

/* The title column takes the room the other columns leave (fails on the
 * old code: 200 px whatever the width). */
static void
test_title_takes_room (Fixture       *f,
                       gconstpointer  data)
{
  GtkColumnView *columns = GTK_COLUMN_VIEW (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *list = gtk_column_view_get_columns (columns);
  int others = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (columns));

  views_test_flush ();
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (gtk_column_view_column_get_visible (column) && g_strcmp0 (gtk_column_view_column_get_title (column), "Title") != 0)
        others += gtk_column_view_column_get_fixed_width (column);
    }
  /* 1100 px wide: 300 px and more for the titles. */
  g_assert_cmpint (width, >=, 1000);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (find_column (f, "Title")), ==, width - others);
  g_assert_cmpint (width - others, >, 250);
}

/* The filters are in a popover: its button counts those set, and Clear
 * Filters sets them back (fails on the old code: a bar of drop-downs
 * wider than the list in Italian). */
static void
test_filters_button (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *button = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_MENU_BUTTON, "Filter the calls");
  GtkWidget *clear = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "_Clear Filters");
  guint all = bandi_calls_view_get_n_shown (f->view);

  g_assert_nonnull (button);
  g_assert_nonnull (clear);
  g_assert_false (gtk_widget_get_visible (clear));
  gtk_drop_down_set_selected (find_dropdown (f, "Status"), 2);  /* Forthcoming */
  select_string (find_dropdown (f, "Source"), "interreg");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filters (2)");
  g_assert_true (gtk_widget_get_visible (clear));
  g_assert_cmpuint (bandi_calls_view_get_n_shown (f->view), ==, 1);

  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Filters");
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_cmpuint (bandi_calls_view_get_n_shown (f->view), ==, all);
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
  g_test_add ("/calls-view/deadline-column", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_deadline_column, fixture_tear_down);
  g_test_add ("/calls-view/sort-by-header", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/calls-view/suggestions-open-only", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_suggestions_open_only, fixture_tear_down);
  g_test_add ("/calls-view/no-internal-keys", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_no_internal_keys, fixture_tear_down);
  g_test_add ("/calls-view/title-takes-room", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_title_takes_room, fixture_tear_down);
  g_test_add ("/calls-view/filters-button", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_filters_button, fixture_tear_down);
  g_test_add ("/calls-view/plain-text", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_ALL),
              fixture_set_up, test_plain_text, fixture_tear_down);
  g_test_add ("/calls-view/activate", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_UPCOMING),
              fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/calls-view/days-left-classes", Fixture, GINT_TO_POINTER (BANDI_CALLS_KIND_UPCOMING),
              fixture_set_up, test_days_left_classes, fixture_tear_down);

  return views_test_run ();
}
