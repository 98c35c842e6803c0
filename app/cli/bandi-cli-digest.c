/* bandi-cli-digest.c — `bandi-cli digest`: a cluster's weekly digest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-cli.h"
#include "bandi-digest.h"
#include "bandi-ical-scope.h"

#define MAX_WEEKS 52

static void
add_proposal (BandiProposal *proposal,
              BandiCall     *call,
              gpointer       digest)
{
  bandi_digest_add_proposal (digest, proposal, call);
}

int
bandi_cli_digest (BandiCliContext  *ctx,
                  int               argc,
                  char            **argv)
{
  g_autofree char *acronym = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BandiCluster) cluster = NULL;
  g_autoptr(BandiDigest) digest = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  gboolean with_proposals = FALSE;
  int weeks = BANDI_DIGEST_DEFAULT_WEEKS;
  BandiDigestFormat format = BANDI_DIGEST_FORMAT_MARKDOWN;
  BandiIcalScope scope = { NULL, };
  BandiStore *store;
  const GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &acronym,
      N_("The cluster ACRONYM the digest is for (required)"), N_("ACRONYM") },
    { "weeks", 0, 0, G_OPTION_ARG_INT, &weeks,
      N_("Deadlines in the next N weeks (default 4)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("html or markdown (default)"), N_("FORMAT") },
    { "with-proposals", 0, 0, G_OPTION_ARG_NONE, &with_proposals,
      N_("Add the cluster’s proposals in preparation"), NULL },
    { NULL }
  };

  if (!bandi_cli_parse_options ("digest", NULL,
                                _("Prints a cluster’s digest for its members’ newsletter: the "
                                  "relevant calls closing in the coming weeks and the new ones."),
                                entries, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("digest: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (acronym == NULL || *acronym == '\0')
    {
      bandi_cli_error (_("digest: --cluster ACRONYM is required"));
      return 2;
    }
  if (weeks < 1 || weeks > MAX_WEEKS)
    {
      bandi_cli_error (_("digest: --weeks must be between 1 and %d"), MAX_WEEKS);
      return 2;
    }
  if (format_name == NULL || strcmp (format_name, "markdown") == 0)
    format = BANDI_DIGEST_FORMAT_MARKDOWN;
  else if (strcmp (format_name, "html") == 0)
    format = BANDI_DIGEST_FORMAT_HTML;
  else
    {
      bandi_cli_error (_("digest: invalid --format “%s”: use html or markdown"), format_name);
      return 2;
    }

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  cluster = bandi_store_find_cluster (store, acronym, &error);
  if (cluster == NULL)
    {
      bandi_cli_error ("digest: %s", error->message);
      return g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND) ? 2 : 1;
    }

  scope.cluster_acronym = acronym;
  calls = bandi_ical_scope_list_calls (store, &scope, &error);
  if (calls == NULL)
    {
      bandi_cli_error ("digest: %s", error->message);
      return 1;
    }

  digest = bandi_digest_new (cluster, g_get_real_time () / G_USEC_PER_SEC, (guint) weeks);
  for (guint i = 0; i < calls->len; i++)
    bandi_digest_add_call (digest, g_ptr_array_index (calls, i));
  if (with_proposals && !bandi_ical_scope_foreach_proposal (store, acronym, add_proposal, digest, &error))
    {
      bandi_cli_error ("digest: %s", error->message);
      return 1;
    }

  text = bandi_digest_render (digest, format);
  g_print ("%s", text);

  return 0;
}
