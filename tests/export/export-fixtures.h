/* export-fixtures.h — calls and proposals the export tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-caldav-publisher.h"
#include "bandi-call.h"
#include "bandi-proposal.h"

G_BEGIN_DECLS

/* A two-stage Horizon Europe topic: stage 1 on 18 April 2024 at 17:00
 * Europe/Brussels (summer time), stage 2 on 16 January 2025 at 17:00
 * (winter time). */
BandiCall     *fixture_horizon_call   (const char *identifier,
                                       const char *title);
/* A regional call closing on a date with no time (7 September 2026). */
BandiCall     *fixture_lombardia_call (void);
/* A proposal of LE2C (coordinator, drafting) with a timed and a date-only
 * milestone, the second done. */
BandiProposal *fixture_proposal       (void);

/* Publishes @export with @publisher, without retries, iterating the
 * default main context until it is done. */
BandiCaldavReport *fixture_publish     (BandiCaldavPublisher *publisher,
                                        BandiIcalExport      *export,
                                        gboolean              dry_run,
                                        GError              **error);

/* The Unix time of a UTC wall-clock time. */
gint64         fixture_utc            (int year,
                                       int month,
                                       int day,
                                       int hour,
                                       int minute);

G_END_DECLS
