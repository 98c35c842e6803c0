/* bandi-proposal-fields.h — a proposal's fields by name, as text
 *
 * What a change, its history and a shared copy compare: each field a
 * user edits, named as in the proposal's history, with its value as
 * text (NULL when not set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-proposal.h"

G_BEGIN_DECLS

/* The fields' names, NULL-terminated */
const char * const *bandi_proposal_field_names (void);

/* The value of field @name of @proposal as text; NULL when not set */
char *bandi_proposal_dup_field (BandiProposal *proposal,
                                const char    *name);

G_END_DECLS
