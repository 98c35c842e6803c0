/* bench-data.h — 20,000 calls that look like the Funding & Tenders
 * Portal's: varied titles, keywords and descriptions of realistic length
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-store.h"

G_BEGIN_DECLS

#define BENCH_SOURCE "horizon"

/* Call @i (deterministic): one of 16 themes, so a word of a theme is in
 * one call of 16. */
BandiCall *bench_call        (guint   i);
GPtrArray *bench_calls       (guint   n);
/* The words of the themes, for searches */
const char *bench_theme_word (guint   theme);

/* The process's resident set: now, and its peak (VmRSS, VmHWM), in KiB */
gsize      bench_rss_kib     (gboolean peak);

G_END_DECLS
