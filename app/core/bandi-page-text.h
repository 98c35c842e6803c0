/* bandi-page-text.h — the readable text of a web page, for watching it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The page's main content as lines of plain text: inside <main> (else
 * <article>, else <body>), without scripts, styles, navigation, headers,
 * footers, asides and forms, and without what changes at every visit
 * (clocks to the second, nonces and other long tokens of letters and
 * digits; a time such as "ore 12:00" stays). Two visits of an unchanged
 * page give the same text. */
char  *bandi_page_text_readable (const char *html,
                                 gsize       len);

/* The lines of @new_text that @old_text does not have, in order. */
GStrv  bandi_page_text_added    (const char *old_text,
                                 const char *new_text);

G_END_DECLS
