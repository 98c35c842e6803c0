/* test-calendar-view.c — deadlines on the day they fall in the user's zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-calendar-view.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

typedef struct {
  BandiStore        *store;
  BandiContext      *context;
  BandiCalendarView *view;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiCall) late = bandi_call_new ();
  g_autoptr(BandiDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;

  f->store = views_test_open_store (20);

  /* 23:30 in London on 10 March 2030 is 00:30 on the 11th in Rome. */
  deadline = bandi_deadline_new_local (1, NULL, 2030, 3, 10, 23, 30, 0, "Europe/London");
  bandi_call_set_external_id (late, "LATE-LONDON");
  bandi_call_set_title (late, "Late in London");
  bandi_call_add_deadline (late, deadline);
  g_ptr_array_add (extra, g_object_ref (late));
  bandi_store_merge_calls (f->store, "london", extra, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);

  f->context = views_test_context (f->store);
  f->view = bandi_calendar_view_new (f->context);
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

static void
test_local_day (Fixture       *f,
                gconstpointer  data)
{
  bandi_calendar_view_set_month (f->view, 2030, 3);
  g_assert_cmpuint (bandi_calendar_view_count_day (f->view, 10), ==, 0);
  g_assert_cmpuint (bandi_calendar_view_count_day (f->view, 11), ==, 1);
}

/* Counts, independently of the view, the deadlines whose instant falls on
 * @day of this month in the local zone. */
static guint
count_local (GListModel *calls,
             int         year,
             int         month,
             int         day)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);
      GPtrArray *deadlines = bandi_call_get_deadlines (call);

      for (guint j = 0; j < deadlines->len; j++)
        {
          BandiDeadline *d = g_ptr_array_index (deadlines, j);
          int y, m, dd;

          if (bandi_deadline_has_time (d))
            {
              g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (bandi_deadline_to_unix (d));

              g_date_time_get_ymd (local, &y, &m, &dd);
            }
          else
            bandi_deadline_get_date (d, &y, &m, &dd);
          if (y == year && m == month && dd == day)
            count++;
        }
    }
  return count;
}

static void
test_counts_match (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BandiDeadline) in_three = gui_fixture_deadline (1, 3, 17, "Europe/Brussels");
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (bandi_deadline_to_unix (in_three));
  int y, m, d;
  guint total = 0;

  g_date_time_get_ymd (local, &y, &m, &d);
  bandi_calendar_view_set_month (f->view, y, m);
  /* The batteries topic and the bulk topic due the same day. */
  g_assert_cmpuint (bandi_calendar_view_count_day (f->view, d), >=, 1);
  for (int day = 1; day <= 31; day++)
    {
      guint expected = count_local (bandi_context_get_calls (f->context), y, m, day);

      g_assert_cmpuint (bandi_calendar_view_count_day (f->view, day), ==, expected);
      total += expected;
    }
  g_assert_cmpuint (total, >, 0);
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month;

  bandi_calendar_view_set_month (f->view, 2029, 12);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.next", NULL);
  bandi_calendar_view_get_month (f->view, &year, &month);
  g_assert_cmpint (year, ==, 2030);
  g_assert_cmpint (month, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous", NULL);
  bandi_calendar_view_get_month (f->view, &year, &month);
  g_assert_cmpint (year, ==, 2029);
  g_assert_cmpint (month, ==, 11);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.today", NULL);
  bandi_calendar_view_get_month (f->view, &year, &month);
  g_assert_cmpint (year, ==, g_date_time_get_year (now));
  g_assert_cmpint (month, ==, g_date_time_get_month (now));
}

static void
activated_cb (BandiCalendarView *view,
              BandiCall         *call,
              BandiCall        **out)
{
  g_set_object (out, call);
}

static void
test_chip_opens_call (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BandiCall) activated = NULL;
  GtkWidget *chip;

  g_signal_connect (f->view, "call-activated", G_CALLBACK (activated_cb), &activated);
  bandi_calendar_view_set_month (f->view, 2030, 3);
  chip = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London");
  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  g_assert_nonnull (activated);
  g_assert_cmpstr (bandi_call_get_external_id (activated), ==, "LATE-LONDON");
}

/* The programme-N class of @chip; exactly one. */
static char *
programme_class (GtkWidget *chip)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (chip);
  char *found = NULL;

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "programme-"))
      {
        g_assert_null (found);
        found = g_strdup (classes[i]);
      }
  g_assert_nonnull (found);
  return found;
}

/* Chips take their programme's colour: the main programmes never share
 * one, and calls of one programme all have it. */
static void
test_chip_colours (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *programme;
  } calls[] = {
    { "COLOUR-HE-1", "Horizon Europe" },
    { "COLOUR-HE-2", "Horizon Europe" },
    { "COLOUR-INTERREG", "Interreg Alpine Space" },
    { "COLOUR-RL", "Regione Lombardia" },
    { "COLOUR-LIFE", "LIFE" },
    { "COLOUR-DIGITAL", "Digital Europe" },
  };
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) colours = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      BandiCall *call = bandi_call_new ();
      g_autoptr(BandiDeadline) deadline = bandi_deadline_new_local (1, NULL, 2031, 5, 1 + 2 * (int) i, 12, 0, 0,
                                                                    "Europe/Rome");

      bandi_call_set_external_id (call, calls[i].id);
      bandi_call_set_title (call, calls[i].id);
      bandi_call_set_programme (call, calls[i].programme);
      bandi_call_add_deadline (call, deadline);
      g_ptr_array_add (extra, call);
    }
  bandi_store_merge_calls (f->store, "colours", extra, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  bandi_context_reload (f->context, &error);
  g_assert_no_error (error);
  bandi_calendar_view_set_month (f->view, 2031, 5);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      GtkWidget *chip = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, calls[i].id);
      char *colour;
      const char *same;

      g_assert_nonnull (chip);
      g_assert_true (gtk_widget_has_css_class (chip, "deadline-chip"));
      colour = programme_class (chip);
      same = g_hash_table_lookup (colours, calls[i].programme);
      if (same != NULL)
        {
          g_assert_cmpstr (colour, ==, same);
          g_free (colour);
          continue;
        }
      /* No other programme has this colour. */
      for (GList *l = g_hash_table_get_values (colours); l != NULL; l = g_list_delete_link (l, l))
        g_assert_cmpstr (l->data, !=, colour);
      g_hash_table_insert (colours, (gpointer) calls[i].programme, colour);
    }
  g_assert_cmpuint (g_hash_table_size (colours), ==, 5);
}

/* A day's chip shows the call's title, cut at its end, the identifier in
 * its tooltip (fails on the old code: the identifier, cut in the
 * middle). */
static void
test_chip_shows_title (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *chip;
  GtkWidget *label;

  bandi_calendar_view_set_month (f->view, 2030, 3);
  chip = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London");
  g_assert_nonnull (chip);
  label = gtk_button_get_child (GTK_BUTTON (chip));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chip), "LATE-LONDON"));
}

static gboolean
agenda_lists (GtkWidget  *widget,
              const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (agenda_lists (child, title))
      return TRUE;
  return FALSE;
}

/* The agenda lists the next deadlines from the month on display, however
 * far (fails on the old code: the coming 42 days only, from today). */
static void
test_agenda_from_month (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BandiDeadline) alpine = gui_fixture_deadline (1, 60, 0, NULL);
  int year, month, day;

  views_test_flush ();
  g_assert_true (agenda_lists (GTK_WIDGET (f->view), "Generated topic 0 on clean energy"));

  /* Two months on, from the first of that month. */
  bandi_deadline_get_date (alpine, &year, &month, &day);
  bandi_calendar_view_set_month (f->view, year, month);
  views_test_flush ();
  g_assert_true (agenda_lists (GTK_WIDGET (f->view), "Alpine Space fifth call"));
  g_assert_false (agenda_lists (GTK_WIDGET (f->view), "Generated topic 0 on clean energy"));

  /* A month with no deadline from it on: none listed. */
  bandi_calendar_view_set_month (f->view, 2040, 1);
  views_test_flush ();
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->view), "No deadline from this month on."));
}

static guint
count_rows (GtkWidget  *widget,
            const char *title)
{
  guint n = ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, title);
  return n;
}

/* Narrow, the days show dots, and the chosen day's deadlines are listed
 * below the month (fails on the old code: three letters of a chip). */
static void
test_compact (Fixture       *f,
              gconstpointer  data)
{
  guint before;

  bandi_calendar_view_set_month (f->view, 2030, 3);
  bandi_calendar_view_set_compact (f->view, TRUE);
  views_test_flush ();
  g_assert_null (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
  before = count_rows (GTK_WIDGET (f->view), "Late in London");
  bandi_calendar_view_choose_day (f->view, 11);
  views_test_flush ();
  g_assert_cmpuint (count_rows (GTK_WIDGET (f->view), "Late in London"), ==, before + 1);

  bandi_calendar_view_set_compact (f->view, FALSE);
  views_test_flush ();
  g_assert_nonnull (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
  g_assert_cmpuint (count_rows (GTK_WIDGET (f->view), "Late in London"), ==, before);
}

/* The calendar filters by star, source and cluster (fails on the old
 * code: no filters). */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *starred = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, NULL);
  GtkWidget *source = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, "Source");
  GtkWidget *cluster = views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, "Calls suggested for a cluster");
  g_autoptr(BandiCall) late = bandi_store_find_call (f->store, "london", "LATE-LONDON", NULL);
  GListModel *sources;

  g_assert_nonnull (starred);
  g_assert_nonnull (source);
  g_assert_nonnull (cluster);
  bandi_calendar_view_set_month (f->view, 2030, 3);
  g_assert_nonnull (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (starred), TRUE);
  g_assert_null (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
  g_assert_true (bandi_context_set_starred (f->context, late, TRUE, NULL));
  g_assert_nonnull (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (starred), FALSE);

  /* "Any source", "horizon", "interreg", "lombardia", "london" (no plugin: its id) */
  sources = gtk_drop_down_get_model (GTK_DROP_DOWN (source));
  for (guint i = 1; i < g_list_model_get_n_items (sources); i++)
    {
      gtk_drop_down_set_selected (GTK_DROP_DOWN (source), i);
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (sources), i), "london") == 0)
        g_assert_nonnull (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
      else
        g_assert_null (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (source), 0);

  /* No cluster is suggested a call without keywords or programme. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cluster), 1);
  g_assert_null (views_test_find_named (GTK_WIDGET (f->view), GTK_TYPE_BUTTON, "Late in London"));
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, "Europe/Rome");

  g_test_add ("/calendar-view/local-day", Fixture, NULL, fixture_set_up, test_local_day, fixture_tear_down);
  g_test_add ("/calendar-view/counts-match", Fixture, NULL, fixture_set_up, test_counts_match, fixture_tear_down);
  g_test_add ("/calendar-view/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/calendar-view/chip-opens-call", Fixture, NULL, fixture_set_up,
              test_chip_opens_call, fixture_tear_down);
  g_test_add ("/calendar-view/chip-shows-title", Fixture, NULL, fixture_set_up, test_chip_shows_title,
              fixture_tear_down);
  g_test_add ("/calendar-view/agenda-from-month", Fixture, NULL, fixture_set_up, test_agenda_from_month,
              fixture_tear_down);
  g_test_add ("/calendar-view/compact", Fixture, NULL, fixture_set_up, test_compact, fixture_tear_down);
  g_test_add ("/calendar-view/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/calendar-view/chip-colours", Fixture, NULL, fixture_set_up, test_chip_colours, fixture_tear_down);

  return views_test_run ();
}
