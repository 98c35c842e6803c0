/* bandi-cli-list.c — `bandi-cli list`: stored calls, deadlines in order
 *
 * The human output is one line per deadline, soonest first, in the user's
 * locale and time zone. --json prints one array, a stable contract:
 *
 *   [ { "source": "horizon", "id": "HORIZON-…", "call_id": "…" | null,
 *       "title": "…" | null, "programme": "…" | null, "status": "open",
 *       "url": "…" | null, "budget_eur": 1000000 | null,
 *       "deadlines": [ { "stage": 1, "label": "…" | null,
 *                        "at": "2024-04-18T17:00:00+02:00" | null,
 *                        "date": "2024-04-18" | null,
 *                        "zone": "Europe/Brussels" | null } ],
 *       "warnings": [ "a time was stated but could not be read: …" ] } ]
 *
 * "at" and "zone" are set for a deadline with a time, "date" for one
 * without; calls come in the store's order (next deadline first).
 * "warnings" (empty when the source read the call well) say what to check
 * on the call's page; the human output prints them under the call's lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bandi-cli.h"

void
bandi_cli_json_add_deadline (JsonBuilder   *builder,
              BandiDeadline *deadline)
{
  g_autofree char *at = bandi_deadline_format_rfc3339 (deadline);
  g_autofree char *date = NULL;

  if (!bandi_deadline_has_time (deadline))
    date = bandi_deadline_format_date (deadline);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_int_value (builder, bandi_deadline_get_stage (deadline));
  bandi_cli_json_add_string (builder, "label", bandi_deadline_get_label (deadline));
  bandi_cli_json_add_string (builder, "at", at);
  bandi_cli_json_add_string (builder, "date", date);
  bandi_cli_json_add_string (builder, "zone", bandi_deadline_get_zone (deadline));
  json_builder_end_object (builder);
}

static void
add_call (JsonBuilder *builder,
          BandiCall   *call)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  double budget = bandi_call_get_budget (call);
  const char * const *warnings = bandi_call_get_warnings (call);

  json_builder_begin_object (builder);
  bandi_cli_json_add_string (builder, "source", bandi_call_get_source_id (call));
  bandi_cli_json_add_string (builder, "id", bandi_call_get_external_id (call));
  bandi_cli_json_add_string (builder, "call_id", bandi_call_get_call_id (call));
  bandi_cli_json_add_string (builder, "title", bandi_call_get_title (call));
  bandi_cli_json_add_string (builder, "programme", bandi_call_get_programme (call));
  bandi_cli_json_add_string (builder, "status", bandi_call_status_to_string (bandi_call_get_status (call)));
  bandi_cli_json_add_string (builder, "url", bandi_call_get_url (call));

  json_builder_set_member_name (builder, "budget_eur");
  if (budget >= 0)
    json_builder_add_double_value (builder, budget);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "deadlines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < deadlines->len; i++)
    bandi_cli_json_add_deadline (builder, g_ptr_array_index (deadlines, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    json_builder_add_string_value (builder, warnings[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
print_json (GListModel *calls)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (calls);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);

      add_call (builder, call);
    }
  json_builder_end_array (builder);
  bandi_cli_print_json (builder);
}

/* One line of the human list. */
typedef struct {
  BandiCall     *call;
  BandiDeadline *deadline;  /* NULL for a call without deadlines */
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;
  gint64 ka, kb;

  /* Calls without a deadline ("until funds run out") come last. */
  if (ra->deadline == NULL || rb->deadline == NULL)
    return (ra->deadline == NULL) - (rb->deadline == NULL);

  ka = bandi_deadline_sort_key (ra->deadline);
  kb = bandi_deadline_sort_key (rb->deadline);

  return (ka > kb) - (ka < kb);
}

/* A timed deadline in the user's own zone, named, so that it cannot be
 * misread; a date-only one as its calendar day, never shifted. */
static char *
format_when (BandiDeadline *deadline)
{
  g_autoptr(GDateTime) when = bandi_deadline_dup_local (deadline);
  g_autoptr(GDateTime) local = NULL;

  if (!bandi_deadline_has_time (deadline))
    /* TRANSLATORS: a date without time, see strftime(3) */
    return g_date_time_format (when, _("%a %x"));

  local = g_date_time_to_local (when);
  /* TRANSLATORS: a date and time with the zone abbreviation, see strftime(3) */
  return g_date_time_format (local, _("%a %x %H:%M %Z"));
}

static void
print_human (GListModel *calls)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint n = g_list_model_get_n_items (calls);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (calls, i);
      GPtrArray *deadlines = bandi_call_get_deadlines (call);
      Row row = { call, NULL };

      /* @calls holds the reference; the rows only borrow it. */
      for (guint j = 0; j < deadlines->len; j++)
        {
          row.deadline = g_ptr_array_index (deadlines, j);
          g_array_append_val (rows, row);
        }
      if (deadlines->len == 0)
        g_array_append_val (rows, row);
    }

  if (rows->len == 0)
    {
      g_print ("%s\n", _("No calls."));
      return;
    }

  g_array_sort (rows, compare_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const char *title = bandi_call_get_title (row->call);
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;

      if (row->deadline != NULL)
        {
          const char *label = bandi_deadline_get_label (row->deadline);

          when = format_when (row->deadline);
          if (label != NULL)
            what = g_strdup_printf ("%s (%s)", title ? title : "", label);
        }
      else
        {
          when = g_strdup (_("no deadline"));
        }

      /* TRANSLATORS: one deadline: when, the call's status, source and
       * identifier, then its title */
      g_print (_("%s  [%s]  %s %s  %s\n"),
               when,
               bandi_call_status_to_string (bandi_call_get_status (row->call)),
               bandi_call_get_source_id (row->call),
               bandi_call_get_external_id (row->call),
               what ? what : (title ? title : ""));

      for (const char * const *w = bandi_call_get_warnings (row->call); w != NULL && *w != NULL; w++)
        /* TRANSLATORS: under a deadline's line, what the source could
         * not read well in its call */
        g_print (_("    warning: %s\n"), *w);
    }
}

int
bandi_cli_list (BandiCliContext  *ctx,
                int               argc,
                char            **argv)
{
  g_autofree char *source_id = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  BandiCallQuery query = { NULL, };
  BandiStore *store;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_id,
      N_("Only the calls of source ID"), N_("ID") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster,
      N_("Only the calls suggested for the cluster ACRONYM"), N_("ACRONYM") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only the calls with STATUS: open, forthcoming or closed"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON array, for scripts"), NULL },
    { NULL }
  };

  if (!bandi_cli_parse_options ("list", NULL,
                                _("Lists the stored calls’ deadlines, soonest first."),
                                entries, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("list: unexpected argument “%s”"), argv[1]);
      return 2;
    }

  if (status != NULL)
    {
      if (!bandi_call_status_from_string (status, &query.status) ||
          query.status == BANDI_CALL_STATUS_UNKNOWN)
        {
          bandi_cli_error (_("list: invalid --status “%s”: use open, forthcoming or closed"), status);
          return 2;
        }
      query.filter_status = TRUE;
    }

  query.source_id = source_id;
  query.cluster_acronym = cluster;

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  calls = bandi_store_list_calls (store, &query, &error);
  if (calls == NULL)
    {
      bandi_cli_error ("list: %s", error->message);
      /* An unknown cluster is a wrong argument. */
      return g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND) ? 2 : 1;
    }

  if (json)
    print_json (calls);
  else
    print_human (calls);

  return 0;
}
