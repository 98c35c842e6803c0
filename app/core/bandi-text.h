/* bandi-text.h — text helpers for sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes HTML character references (named, decimal, hex). */
char *bandi_text_decode_entities (const char *text);

/* HTML to readable plain text: tags dropped (script and style with their
 * content), entities decoded, block elements and <br> become line breaks,
 * list items become "• item" lines, runs of blanks collapsed. */
char *bandi_text_html_to_plain   (const char *html);

/* Collapses whitespace runs to one space and trims; NULL stays NULL.
 * Invalid UTF-8 comes out repaired (U+FFFD), here and in
 * bandi_text_html_to_plain(). */
char *bandi_text_squeeze         (const char *text);

/* At most @max_chars characters of valid UTF-8, control characters shown as
 * spaces, "…" appended when cut: safe to put in an error message. */
char *bandi_text_preview         (const char *data,
                                  gsize       len,
                                  gsize       max_chars);

/* A copy of @text of at most @max_bytes bytes (at least 4): when longer, cut
 * at a character boundary and ended with "…". NULL stays NULL. */
char *bandi_text_truncate        (const char *text,
                                  gsize       max_bytes);

G_END_DECLS
