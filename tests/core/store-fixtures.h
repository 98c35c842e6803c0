/* store-fixtures.h — calls and proposals for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-store.h"

G_BEGIN_DECLS

#define FIXTURE_SOURCE "horizon"

/* Horizon-like topic number @i: identifier HORIZON-CL5-2024-D3-01-<i>,
 * two stages at 17:00 Europe/Brussels (2024-04-18 and 2024-09-17),
 * opening 2024-01-10 (date only). @variant goes into the title, so that
 * calls of two variants differ. */
/* The external id of fixture_call (@i, …) */
char       *fixture_external_id (guint     i);
BandiCall  *fixture_call      (guint       i,
                               guint       variant);
/* (element-type BandiCall): fixture_call (0 … n - 1, variant) */
GPtrArray  *fixture_calls     (guint       n,
                               guint       variant);
BandiProposal *fixture_proposal (const char *title);

G_END_DECLS
