/* bandi-cli-proposals.c — `bandi-cli proposals`: a cluster's proposals
 *
 *   bandi-cli proposals add --cluster ACRONYM --title TITLE [--call CALL_ID]
 *                           [--status STATUS] [--by NAME]
 *   bandi-cli proposals list [--cluster ACRONYM] [--json]
 *   bandi-cli proposals set ID [--status STATUS] [--title TITLE] [--by NAME]
 *   bandi-cli proposals delete ID
 *
 * `add` prints the new proposal's id. --call names a stored call by its
 * identifier (any source's), else it is kept as the name of a call no
 * source knows. --by names the officer making the change (default: the
 * user's login name), recorded in the proposal's history. --json prints
 * one array, a stable contract:
 *
 *   [ { "id": 3, "uid": "…", "cluster": "LE2C" | null, "title": "…" | null,
 *       "call_id": "HORIZON-…" | null, "status": "drafting",
 *       "milestones": [ { "title": "…" | null, "done": false,
 *                         "due": { as in `list --json` } | null } ],
 *       "updated_at": "2026-12-06T03:00:00Z", "updated_by": "…" | null } ]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-cli.h"

#define STATUSES "idea|drafting|submitted|evaluation|funded|rejected|withdrawn"

static const char *
call_id_of (BandiProposal *proposal)
{
  const char *external_id = bandi_proposal_get_call_external_id (proposal);

  return external_id != NULL ? external_id : bandi_proposal_get_manual_call (proposal);
}

static void
add_milestone (JsonBuilder    *builder,
               BandiMilestone *milestone)
{
  BandiDeadline *due = bandi_milestone_get_due (milestone);

  json_builder_begin_object (builder);
  bandi_cli_json_add_string (builder, "title", bandi_milestone_get_title (milestone));
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, bandi_milestone_get_done (milestone));
  json_builder_set_member_name (builder, "due");
  if (due != NULL)
    bandi_cli_json_add_deadline (builder, due);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_proposal (JsonBuilder   *builder,
              BandiProposal *proposal)
{
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_utc (bandi_proposal_get_updated (proposal));
  g_autofree char *updated_at = updated ? g_date_time_format_iso8601 (updated) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, bandi_proposal_get_id (proposal));
  bandi_cli_json_add_string (builder, "uid", bandi_proposal_get_uid (proposal));
  bandi_cli_json_add_string (builder, "cluster", bandi_proposal_get_cluster_acronym (proposal));
  bandi_cli_json_add_string (builder, "title", bandi_proposal_get_title (proposal));
  bandi_cli_json_add_string (builder, "call_id", call_id_of (proposal));
  bandi_cli_json_add_string (builder, "status",
                             bandi_proposal_status_to_string (bandi_proposal_get_status (proposal)));
  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  for (guint i = 0; i < milestones->len; i++)
    add_milestone (builder, g_ptr_array_index (milestones, i));
  json_builder_end_array (builder);
  bandi_cli_json_add_string (builder, "updated_at", updated_at);
  bandi_cli_json_add_string (builder, "updated_by", bandi_proposal_get_updated_by (proposal));
  json_builder_end_object (builder);
}

static int
run_list (BandiStore *store,
          const char *cluster,
          gboolean    json)
{
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  proposals = bandi_store_list_proposals (store, cluster, &error);
  if (proposals == NULL)
    {
      bandi_cli_error (_("proposals: %s"), error->message);
      return 1;
    }

  n = g_list_model_get_n_items (proposals);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);

      if (json)
        add_proposal (builder, proposal);
      else
        g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", bandi_proposal_get_id (proposal),
                 bandi_proposal_get_cluster_acronym (proposal) ? bandi_proposal_get_cluster_acronym (proposal) : "-",
                 bandi_proposal_status_to_string (bandi_proposal_get_status (proposal)),
                 bandi_proposal_get_title (proposal) ? bandi_proposal_get_title (proposal) : "");
    }
  json_builder_end_array (builder);
  if (json)
    bandi_cli_print_json (builder);

  return 0;
}

/* Points @proposal at the stored call @call_id of any source, else names
 * it as a call no source knows. */
static void
set_call (BandiCliContext *ctx,
          BandiStore      *store,
          BandiProposal   *proposal,
          const char      *call_id)
{
  g_autoptr(GPtrArray) sources = bandi_plugin_loader_get_sources (ctx->loader);

  for (guint i = 0; i < sources->len; i++)
    {
      const char *source_id = bandi_source_get_id (g_ptr_array_index (sources, i));
      g_autoptr(BandiCall) call = bandi_store_find_call (store, source_id, call_id, NULL);

      if (call != NULL)
        {
          bandi_proposal_set_call_source (proposal, source_id);
          bandi_proposal_set_call_external_id (proposal, call_id);
          return;
        }
    }

  bandi_proposal_set_manual_call (proposal, call_id);
}

/* Parses @text into @out; prints the usage error and returns FALSE */
static gboolean
parse_status (const char          *text,
              BandiProposalStatus *out)
{
  if (bandi_proposal_status_from_string (text, out))
    return TRUE;

  bandi_cli_error (_("proposals: unknown status “%s” (one of %s)"), text, STATUSES);
  return FALSE;
}

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 id;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      *out = (gint64) id;
      return TRUE;
    }

  bandi_cli_error (_("proposals: “%s” is not a proposal id (see “bandi-cli proposals list”)"),
                   text ? text : "");
  return FALSE;
}

static int
save (BandiStore    *store,
      BandiProposal *proposal,
      const char    *by)
{
  g_autoptr(GError) error = NULL;

  bandi_proposal_set_updated_by (proposal, by != NULL ? by : g_get_user_name ());
  if (!bandi_store_save_proposal (store, proposal, &error))
    {
      bandi_cli_error (_("proposals: %s"), error->message);
      return 1;
    }

  return 0;
}

static int
run_add (BandiCliContext *ctx,
         BandiStore      *store,
         const char      *cluster,
         const char      *title,
         const char      *call_id,
         const char      *status,
         const char      *by)
{
  g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
  BandiProposalStatus value = BANDI_PROPOSAL_STATUS_IDEA;
  int result;

  if (cluster == NULL || *cluster == '\0' || title == NULL || *title == '\0')
    {
      bandi_cli_error (_("proposals add: --cluster and --title are required"));
      return 2;
    }
  if (status != NULL && !parse_status (status, &value))
    return 2;

  bandi_proposal_set_cluster_acronym (proposal, cluster);
  bandi_proposal_set_title (proposal, title);
  bandi_proposal_set_status (proposal, value);
  if (call_id != NULL && *call_id != '\0')
    set_call (ctx, store, proposal, call_id);

  result = save (store, proposal, by);
  if (result == 0)
    g_print ("%" G_GINT64_FORMAT "\n", bandi_proposal_get_id (proposal));
  return result;
}

static BandiProposal *
find (BandiStore *store,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  BandiProposal *proposal = bandi_store_get_proposal (store, id, &error);

  if (proposal == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      bandi_cli_error (_("proposals: proposal %s: %s"), id_text, error->message);
    }
  return proposal;
}

static int
run_set (BandiStore *store,
         gint64      id,
         const char *title,
         const char *status,
         const char *by)
{
  g_autoptr(BandiProposal) proposal = NULL;
  BandiProposalStatus value = BANDI_PROPOSAL_STATUS_IDEA;

  if (title == NULL && status == NULL)
    {
      bandi_cli_error (_("proposals set: nothing to change (--status or --title)"));
      return 2;
    }
  if (title != NULL && *title == '\0')
    {
      bandi_cli_error (_("proposals set: the title cannot be empty"));
      return 2;
    }
  if (status != NULL && !parse_status (status, &value))
    return 2;

  proposal = find (store, id);
  if (proposal == NULL)
    return 1;

  if (title != NULL)
    bandi_proposal_set_title (proposal, title);
  if (status != NULL)
    bandi_proposal_set_status (proposal, value);
  return save (store, proposal, by);
}

static int
run_delete (BandiStore *store,
            gint64      id)
{
  g_autoptr(BandiProposal) proposal = find (store, id);
  g_autoptr(GError) error = NULL;

  if (proposal == NULL)
    return 1;

  if (!bandi_store_delete_proposal (store, proposal, &error))
    {
      bandi_cli_error (_("proposals: %s"), error->message);
      return 1;
    }

  return 0;
}

int
bandi_cli_proposals (BandiCliContext  *ctx,
                     int               argc,
                     char            **argv)
{
  g_autofree char *cluster = NULL;
  g_autofree char *title = NULL;
  g_autofree char *call_id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *by = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster,
      N_("The cluster ACRONYM (add: required; list: only its proposals)"), N_("ACRONYM") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The proposal’s title"), N_("TITLE") },
    { "call", 0, 0, G_OPTION_ARG_STRING, &call_id, N_("The call the proposal answers"), N_("CALL_ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("The proposal’s status: idea, drafting, submitted, evaluation, funded, rejected or withdrawn"), N_("STATUS") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who makes the change, for the history (default: your login name)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list: print JSON"), NULL },
    { NULL }
  };
  BandiStore *store;
  const char *action;
  gint64 id = 0;

  if (!bandi_cli_parse_options ("proposals", "add|list|set ID|delete ID",
                                _("Adds, lists, changes or deletes the proposals clusters prepare."),
                                entries, &argc, &argv))
    return 2;

  action = argc > 1 ? argv[1] : NULL;
  if (g_strcmp0 (action, "add") != 0 && g_strcmp0 (action, "list") != 0 &&
      g_strcmp0 (action, "set") != 0 && g_strcmp0 (action, "delete") != 0)
    {
      bandi_cli_error (_("proposals: say add, list, set ID or delete ID"));
      return 2;
    }
  if (g_strcmp0 (action, "set") == 0 || g_strcmp0 (action, "delete") == 0)
    {
      if (argc != 3 || !parse_id (argv[2], &id))
        return 2;
    }
  else if (argc != 2)
    {
      bandi_cli_error (_("proposals: unexpected argument “%s”"), argv[2]);
      return 2;
    }

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  if (g_strcmp0 (action, "add") == 0)
    return run_add (ctx, store, cluster, title, call_id, status, by);
  if (g_strcmp0 (action, "list") == 0)
    return run_list (store, cluster, json);
  if (g_strcmp0 (action, "set") == 0)
    return run_set (store, id, title, status, by);
  return run_delete (store, id);
}
