/* bandi-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-enums"

#include "config.h"

#include "bandi-enums.h"

static const char * const call_status_names[] = {
  "unknown", "forthcoming", "open", "closed",
};

static const char * const role_names[] = {
  "coordinator", "partner",
};

static const char * const proposal_status_names[] = {
  "idea", "drafting", "submitted", "under-evaluation", "funded", "rejected", "withdrawn",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             int                *out)
{
  for (guint i = 0; str != NULL && i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i], str) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
bandi_call_status_to_string (BandiCallStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (call_status_names))
    return call_status_names[BANDI_CALL_STATUS_UNKNOWN];
  return call_status_names[status];
}

gboolean
bandi_call_status_from_string (const char      *str,
                               BandiCallStatus *out_status)
{
  int v;

  if (!lookup_name (call_status_names, G_N_ELEMENTS (call_status_names), str, &v))
    return FALSE;
  *out_status = (BandiCallStatus) v;
  return TRUE;
}

const char *
bandi_proposal_role_to_string (BandiProposalRole role)
{
  if ((guint) role >= G_N_ELEMENTS (role_names))
    return role_names[BANDI_PROPOSAL_ROLE_PARTNER];
  return role_names[role];
}

gboolean
bandi_proposal_role_from_string (const char        *str,
                                 BandiProposalRole *out_role)
{
  int v;

  if (!lookup_name (role_names, G_N_ELEMENTS (role_names), str, &v))
    return FALSE;
  *out_role = (BandiProposalRole) v;
  return TRUE;
}

const char *
bandi_proposal_status_to_string (BandiProposalStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (proposal_status_names))
    return proposal_status_names[BANDI_PROPOSAL_STATUS_IDEA];
  return proposal_status_names[status];
}

gboolean
bandi_proposal_status_from_string (const char          *str,
                                   BandiProposalStatus *out_status)
{
  int v;

  if (!lookup_name (proposal_status_names, G_N_ELEMENTS (proposal_status_names), str, &v))
    return FALSE;
  *out_status = (BandiProposalStatus) v;
  return TRUE;
}
