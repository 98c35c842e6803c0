/* bandi-call-limits.h — how much text a call may hold
 *
 * A call's text comes from the network. The limits are far above anything
 * a source has published, so that no user ever meets them, and low enough
 * that a hostile answer cannot have megabytes stored, listed, exported and
 * published as one title. Longer text is cut at a character boundary and
 * ends with "…".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Source, topic, call identifiers: Horizon's are some 40 characters, the
 * longest (Interreg: a programme and a page's address) a few hundred. */
#define BANDI_CALL_MAX_ID_BYTES          1024
/* Titles, and the short labels (programme, its part, type of action,
 * deadline model): the longest real titles are some 400 characters. */
#define BANDI_CALL_MAX_TITLE_BYTES       2048
/* A page's address: the sources' are under 300 characters, and 8 kB is
 * what web servers commonly accept at most. An address cut short would
 * lead elsewhere: a longer one is dropped, not cut. */
#define BANDI_CALL_MAX_URL_BYTES         8192
/* The description, as plain text: the longest Horizon topics (scope,
 * expected outcome and conditions) hold some 40 kB. */
#define BANDI_CALL_MAX_DESCRIPTION_BYTES (256 * 1024)
/* Keywords: Horizon topics give at most a few dozen, each a few words. */
#define BANDI_CALL_MAX_KEYWORDS          256
#define BANDI_CALL_MAX_KEYWORD_BYTES     256

/* Sets *@field to @value cut to @max_bytes; TRUE if it changed. */
gboolean bandi_call_set_text     (char               **field,
                                  const char          *value,
                                  gsize                max_bytes);
/* Sets *@field to @value, an address, or to NULL when it is longer than
 * BANDI_CALL_MAX_URL_BYTES; TRUE if it changed. */
gboolean bandi_call_set_url_text (char               **field,
                                  const char          *value);
/* Sets *@field to the first BANDI_CALL_MAX_KEYWORDS of @value, each cut
 * to BANDI_CALL_MAX_KEYWORD_BYTES; TRUE if it changed. */
gboolean bandi_call_set_keyword_list (char            ***field,
                                      const char * const *value);

G_END_DECLS
