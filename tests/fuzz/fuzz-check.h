/* fuzz-check.h — what must hold of any call or deadline a parser returns,
 * whatever it was fed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-source.h"

G_BEGIN_DECLS

/* A deadline formats, and survives the store's round trip unchanged. */
void fuzz_check_deadline (BandiDeadline *deadline);

/* Each call names its source and id, its text is valid UTF-8 and its
 * deadlines pass fuzz_check_deadline(). */
void fuzz_check_calls    (GPtrArray     *calls,
                          const char    *source_id);

G_END_DECLS
