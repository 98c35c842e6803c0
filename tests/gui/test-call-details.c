/* test-call-details.c — one call's page, in a zone other than the call's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "bandi-call-details.h"
#include "bandi-format.h"
#include "gui-fixtures.h"
#include "views-test-util.h"

/* The user is in New York; Horizon deadlines are 17:00 in Brussels. */
#define USER_ZONE "America/New_York"

typedef struct {
  BandiStore       *store;
  BandiContext     *context;
  BandiCallDetails *details;
  GtkWindow        *window;
} Fixture;

static BandiCall *
find_call (Fixture    *f,
           const char *external_id)
{
  const char *source = g_str_has_prefix (external_id, "HORIZON") ? "horizon" : "lombardia";
  g_autoptr(GError) error = NULL;
  BandiCall *call = bandi_store_find_call (f->store, source, external_id, &error);

  g_assert_no_error (error);
  return call;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = views_test_open_store (0);
  f->context = views_test_context (f->store);
  f->details = bandi_call_details_new (f->context);
  f->window = views_test_show (GTK_WIDGET (f->details));
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

/* The deadline's time in New York, computed here from the instant. */
static char *
expected_local_time (BandiDeadline *deadline)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (USER_ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (bandi_deadline_to_unix (deadline));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%H:%M");
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_BATTERIES);
  BandiDeadline *stage1 = g_ptr_array_index (bandi_call_get_deadlines (call), 0);
  g_autofree char *local_time = expected_local_time (stage1);
  g_autofree char *money = bandi_format_money (12000000);
  GtkWidget *root = GTK_WIDGET (f->details);
  g_autofree char *shown = NULL;
  g_autofree char *own_zone = NULL;
  g_autofree char *subtitle = NULL;
  const struct {
    const char *title;
    const char *field;
    const char *value;
  } groups[] = {
    { "Call", "Parent call", "HORIZON-CL5-2027-D2-01" },
    { "Funding", "Budget", money },
    /* The source's name, not its id */
    { "Status", "Source", "EU Funding & Tenders — Horizon Europe" },
  };
  GtkLabel *title;
  GtkLabel *when;

  bandi_call_details_set_call (f->details, call);
  views_test_flush ();

  /* Plain text, never markup. */
  title = views_test_find_label (root, FIXTURE_BATTERIES_TITLE);
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_nonnull (views_test_find_label (root, "Expected outcome: <i>safer</i> cells & 50% less cobalt.\nScope: pilot lines."));
  g_assert_nonnull (views_test_find_label (root, "batteries, energy storage, <script>"));
  g_assert_nonnull (views_test_find_label (root, "HORIZON-CL5-2027-D2-01"));
  g_assert_nonnull (views_test_find_label (root, money));

  /* Both stages, in the user's zone with Brussels' own time under it. */
  shown = bandi_format_deadline_long (stage1, &own_zone);
  g_assert_nonnull (strstr (shown, local_time));
  g_assert_cmpstr (own_zone, ==, "17:00 in Europe/Brussels");
  subtitle = g_strdup_printf ("%s\n%s", shown, own_zone);
  when = views_test_find_label (root, subtitle);
  g_assert_nonnull (when);
  g_assert_nonnull (views_test_find_label (root, "Stage 2"));

  /* Grouped in boxed lists of rows, each field a row's title and value. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GtkLabel *heading = views_test_find_label (root, groups[i].title);
      GtkLabel *field;
      GtkWidget *group;
      GtkWidget *list;
      GtkWidget *row;

      g_assert_nonnull (heading);
      group = gtk_widget_get_ancestor (GTK_WIDGET (heading), ADW_TYPE_PREFERENCES_GROUP);
      g_assert_nonnull (group);
      field = views_test_find_label (group, groups[i].field);
      g_assert_nonnull (field);
      row = gtk_widget_get_ancestor (GTK_WIDGET (field), ADW_TYPE_ACTION_ROW);
      g_assert_nonnull (row);
      list = gtk_widget_get_parent (row);
      g_assert_true (GTK_IS_LIST_BOX (list));
      g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, groups[i].value);
    }
}

/* The plugins' own labels are recognised (to be shown translated); a
 * programme's own words pass as they are; no label names the stage. */
static void
test_stage_labels (void)
{
  const struct {
    const char *label;
    guint       stage;
    const char *shown;
  } cases[] = {
    { "Deadline", 1, "Deadline" },
    { "Stage 2", 2, "Stage 2" },
    { "Cut-off 3", 3, "Cut-off 3" },
    { "Stage 2 (full proposals)", 2, "Stage 2 (full proposals)" },
    { "Termine per le domande", 1, "Termine per le domande" },
    { "", 4, "Stage 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BandiDeadline) deadline = bandi_deadline_new_date (cases[i].stage, cases[i].label, 2027, 1, 20);
      g_autofree char *shown = bandi_format_stage (deadline);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }

  /* In Italian, from the catalog just built. */
  {
    g_autoptr(BandiDeadline) deadline = bandi_deadline_new_date (1, "Deadline", 2027, 1, 20);
    g_autoptr(BandiDeadline) stage = bandi_deadline_new_date (2, "Stage 2", 2027, 1, 20);
    g_autoptr(BandiDeadline) own = bandi_deadline_new_date (1, "Termine per le domande", 2027, 1, 20);
    g_autofree char *saved_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
    g_autofree char *saved_dir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
    g_autofree char *deadline_shown = NULL;
    g_autofree char *stage_shown = NULL;
    g_autofree char *own_shown = NULL;
    g_autofree char *model_shown = NULL;
    g_autofree char *action_shown = NULL;

    /* LANGUAGE picks the catalog whatever locales the machine has, as long
     * as the locale is not plain C. */
    g_assert_nonnull (setlocale (LC_MESSAGES, "C.UTF-8"));
    g_setenv ("LANGUAGE", "it", TRUE);
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
    textdomain (GETTEXT_PACKAGE);

    deadline_shown = bandi_format_stage (deadline);
    stage_shown = bandi_format_stage (stage);
    own_shown = bandi_format_stage (own);
    model_shown = g_strdup (bandi_format_deadline_model ("multiple cut-off"));
    action_shown = bandi_format_action_types ("HORIZON Innovation Actions, Other Actions");

    g_unsetenv ("LANGUAGE");
    bindtextdomain (GETTEXT_PACKAGE, saved_dir);
    setlocale (LC_MESSAGES, saved_locale);
    textdomain (GETTEXT_PACKAGE);

    g_assert_cmpstr (deadline_shown, ==, "Scadenza");
    g_assert_cmpstr (stage_shown, ==, "Fase 2");
    g_assert_cmpstr (own_shown, ==, "Termine per le domande");
    /* Deadline models and types of action in words (fails on the old
     * code: the portal's terms, in English). */
    g_assert_cmpstr (model_shown, ==, "Più scadenze intermedie (cut-off)");
    g_assert_cmpstr (action_shown, ==, "Azione di innovazione (IA), Other Actions");
  }
  g_assert_cmpstr (bandi_format_deadline_model ("two-stage"), ==, "Two stages");
  g_assert_cmpstr (bandi_format_deadline_model ("something new"), ==, "something new");
}

static void
test_local_time_is_the_instant (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_BATTERIES);
  BandiDeadline *stage1 = g_ptr_array_index (bandi_call_get_deadlines (call), 0);
  g_autofree char *local_time = expected_local_time (stage1);
  g_autofree char *shown = bandi_format_deadline (stage1);
  g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (bandi_deadline_to_unix (stage1));
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, brussels);

  /* The instant is 17:00 in Brussels, five or six hours earlier here. */
  g_assert_cmpint (g_date_time_get_hour (there), ==, 17);
  g_assert_cmpint (g_date_time_get_minute (there), ==, 0);
  g_assert_true (g_str_equal (local_time, "11:00") || g_str_equal (local_time, "12:00"));
  g_assert_nonnull (strstr (shown, local_time));
}

static void
signal_cb (BandiCallDetails *details,
           BandiCall        *call,
           BandiCall       **out)
{
  g_set_object (out, call);
}

static void
test_star_and_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_FOOD);
  g_autoptr(BandiCall) reread = NULL;
  GtkWidget *star;
  GtkTextView *notes;

  bandi_call_details_set_call (f->details, call);

  /* Stars go through the window's win.star-call; with no window to
   * save it, the star shows what is stored. */
  star = views_test_find_named (GTK_WIDGET (f->details), GTK_TYPE_TOGGLE_BUTTON, "Star this call");
  g_assert_nonnull (star);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (star), TRUE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  /* A star saved elsewhere shows here. */
  g_assert_true (bandi_context_set_starred (f->context, call, TRUE, NULL));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));

  /* The only text view, which has no tooltip. */
  notes = GTK_TEXT_VIEW (views_test_find_named (GTK_WIDGET (f->details), GTK_TYPE_TEXT_VIEW, NULL));
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Ask <AFIL> & LAC", -1);
  bandi_call_details_flush (f->details);

  reread = find_call (f, FIXTURE_FOOD);
  g_assert_true (bandi_call_get_starred (reread));
  g_assert_cmpstr (bandi_call_get_note (reread), ==, "Ask <AFIL> & LAC");
}

static void
test_open_page_only_web (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BandiCall) web = find_call (f, FIXTURE_BATTERIES);
  g_autoptr(BandiCall) script = find_call (f, FIXTURE_LOMBARDIA);
  GtkWidget *open;

  bandi_call_details_set_call (f->details, web);
  open = views_test_find_named (GTK_WIDGET (f->details), GTK_TYPE_BUTTON, "_Open Public Page");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_sensitive (open));

  bandi_call_details_set_call (f->details, script);
  g_assert_false (gtk_widget_get_sensitive (open));
}

static void
test_prepare_proposal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_BATTERIES);
  g_autoptr(BandiCall) prepared = NULL;
  GtkWidget *button;

  bandi_call_details_set_call (f->details, call);
  g_signal_connect (f->details, "prepare-proposal", G_CALLBACK (signal_cb), &prepared);
  button = views_test_find_named (GTK_WIDGET (f->details), GTK_TYPE_BUTTON, "_Prepare a Proposal");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (prepared);
  g_assert_cmpstr (bandi_call_get_external_id (prepared), ==, FIXTURE_BATTERIES);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_BATTERIES);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BandiDeadline) moved = gui_fixture_deadline (1, 10, 17, "Europe/Brussels");
  g_autoptr(BandiDeadline) old = g_object_ref (g_ptr_array_index (bandi_call_get_deadlines (call), 0));
  g_autofree char *old_text = bandi_format_deadline (old);
  g_autofree char *new_text = bandi_format_deadline (moved);
  g_autofree char *expected = g_strdup_printf ("%s → %s", old_text, new_text);
  g_autoptr(BandiCall) reread = NULL;
  g_autoptr(GError) error = NULL;

  bandi_call_add_deadline (call, moved);
  g_ptr_array_add (calls, g_object_ref (call));
  bandi_store_merge_calls (f->store, "horizon", calls, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);

  reread = find_call (f, FIXTURE_BATTERIES);
  bandi_call_details_set_call (f->details, reread);
  g_assert_nonnull (views_test_find_label (GTK_WIDGET (f->details), expected));
}

/* What the source could not read well is shown with the deadlines. */
static void
test_warnings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BandiCall) call = find_call (f, FIXTURE_BATTERIES);
  const char *warning = "a time was stated but could not be read: “10 December 2024 <b>both</b> at 13:00 CET”";
  GtkWidget *root = GTK_WIDGET (f->details);

  bandi_call_details_set_call (f->details, call);
  views_test_flush ();
  g_assert_null (views_test_find_label (root, "Check on the call’s page"));

  bandi_call_add_warning (call, warning);
  bandi_call_details_set_call (f->details, call);
  views_test_flush ();
  g_assert_nonnull (views_test_find_label (root, "Check on the call’s page"));
  g_assert_nonnull (views_test_find_label (root, warning));
}

int
main (int   argc,
      char *argv[])
{
  views_test_init (&argc, &argv, USER_ZONE);

  g_test_add ("/call-details/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/call-details/local-time-is-the-instant", Fixture, NULL, fixture_set_up,
              test_local_time_is_the_instant, fixture_tear_down);
  g_test_add ("/call-details/star-and-note", Fixture, NULL, fixture_set_up, test_star_and_note, fixture_tear_down);
  g_test_add ("/call-details/open-page-only-web", Fixture, NULL, fixture_set_up,
              test_open_page_only_web, fixture_tear_down);
  g_test_add ("/call-details/prepare-proposal", Fixture, NULL, fixture_set_up,
              test_prepare_proposal, fixture_tear_down);
  g_test_add_func ("/call-details/stage-labels", test_stage_labels);
  g_test_add ("/call-details/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/call-details/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);

  return views_test_run ();
}
