/* bandi-ical-scope.h — what of the store goes into an export
 *
 * The scopes of issue 7 as the command line and the GUI give them: every
 * call, one source's, calls with a status, or a cluster's (the calls
 * suggested for it and the starred ones), optionally with proposals (the
 * cluster's, or all) — their milestones, their manual deadlines, and the
 * deadlines of the calls they target even when the scope would leave them
 * out. Withdrawn calls are never exported, so a publication deletes them.
 *
 * Closed calls (bandi_call_is_closed(): every deadline past) are left out
 * unless the scope includes them or asks for the status closed: exporting
 * a cluster gives what is still ahead, not years of past deadlines. A call
 * left out because it closed is kept by the export
 * (bandi_ical_export_keep_call()): its events already in a CalDAV calendar
 * stay there, as a record of what the team went for; only withdrawn calls
 * and calls that left the scope otherwise are deleted from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-ical-export.h"
#include "bandi-store.h"

G_BEGIN_DECLS

/* Zero-initialise, then set what you need. */
typedef struct {
  const char      *cluster_acronym;  /* NULL: every call */
  const char      *source_id;        /* NULL: any source */
  gboolean         filter_status;
  BandiCallStatus  status;
  gboolean         with_proposals;
  gboolean         include_closed;
  gint64           now_unix;         /* what "closed" is measured at; 0: now */
} BandiIcalScope;

/* The calls of @scope (its proposals aside), each once; the closed ones
 * only if the scope includes them. */
GPtrArray *bandi_ical_scope_list_calls (BandiStore           *store,
                                        const BandiIcalScope *scope,
                                        GError              **error);

/* Called for each proposal with the call it targets, or NULL when it
 * targets none or a call no source knows (or withdrawn). */
typedef void (*BandiIcalScopeProposalFunc) (BandiProposal *proposal,
                                            BandiCall     *call,
                                            gpointer       user_data);

/* Calls @func for each proposal of @cluster_acronym (NULL: all), in the
 * store's order. Fails when the store cannot be read. */
gboolean   bandi_ical_scope_foreach_proposal (BandiStore                 *store,
                                              const char                 *cluster_acronym,
                                              BandiIcalScopeProposalFunc  func,
                                              gpointer                    user_data,
                                              GError                    **error);

/* Adds the calls and proposals of @scope to @export, in the store's order,
 * and makes SEQUENCE the number of times the store saw each deadline move.
 * @store must outlive @export. Fails for an unknown cluster. */
gboolean   bandi_ical_scope_fill       (BandiIcalExport      *export,
                                        BandiStore           *store,
                                        const BandiIcalScope *scope,
                                        GError              **error);

G_END_DECLS
