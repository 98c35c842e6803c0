/* crash-common.h — what test-crash-kills and crash-child agree on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store-fixtures.h"

G_BEGIN_DECLS

/* Calls a sync merges each time, and how many of them get notes */
#define CRASH_N_CALLS  2000
#define CRASH_N_NOTED  50

/* A proposal at revision @rev has this many milestones: a save that kept
 * the proposal but not its milestones (or the reverse) shows. */
static inline guint
crash_n_milestones (guint rev)
{
  return rev % 3 + 1;
}

/* "KEY rREV" */
char     *crash_proposal_title       (const char  *key,
                                      guint        rev);
gboolean  crash_parse_proposal_title (const char  *title,
                                      char       **out_key,
                                      guint       *out_rev);
/* "rREV" → REV; no note → 0 */
guint     crash_parse_note           (const char  *note);

G_END_DECLS
