/* bandi-enums.h — enumerations of the Bandi model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BANDI_CALL_STATUS_UNKNOWN,
  BANDI_CALL_STATUS_FORTHCOMING,
  BANDI_CALL_STATUS_OPEN,
  BANDI_CALL_STATUS_CLOSED,
} BandiCallStatus;

typedef enum {
  BANDI_PROPOSAL_ROLE_COORDINATOR,
  BANDI_PROPOSAL_ROLE_PARTNER,
} BandiProposalRole;

typedef enum {
  BANDI_PROPOSAL_STATUS_IDEA,
  BANDI_PROPOSAL_STATUS_DRAFTING,
  BANDI_PROPOSAL_STATUS_SUBMITTED,
  BANDI_PROPOSAL_STATUS_UNDER_EVALUATION,
  BANDI_PROPOSAL_STATUS_FUNDED,
  BANDI_PROPOSAL_STATUS_REJECTED,
  BANDI_PROPOSAL_STATUS_WITHDRAWN,
} BandiProposalStatus;

#define BANDI_PROPOSAL_STATUS_LAST BANDI_PROPOSAL_STATUS_WITHDRAWN

/* Stable, untranslated names: used in the database, the CLI and JSON. */
const char          *bandi_call_status_to_string       (BandiCallStatus      status);
gboolean             bandi_call_status_from_string     (const char          *str,
                                                        BandiCallStatus     *out_status);
const char          *bandi_proposal_role_to_string     (BandiProposalRole    role);
gboolean             bandi_proposal_role_from_string   (const char          *str,
                                                        BandiProposalRole   *out_role);
const char          *bandi_proposal_status_to_string   (BandiProposalStatus  status);
gboolean             bandi_proposal_status_from_string (const char          *str,
                                                        BandiProposalStatus *out_status);

G_END_DECLS
