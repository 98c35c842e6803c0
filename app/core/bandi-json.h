/* bandi-json.h — reading the JSON that came from the network
 *
 * json-glib recurses once per level of nesting, on the thread that parses:
 * an answer of a few hundred kilobytes made of "[[[[…" overflows any
 * stack. Every JSON read from the network goes through
 * bandi_json_load_answer(), which measures the nesting first (a linear
 * scan) and refuses what no real answer needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest real answers (a Horizon page and the budget overview held in
 * its strings, a Socrata dataset page, a WordPress post list) nest fewer
 * than 10 levels; json-glib uses a few hundred bytes of stack a level, so
 * 256 levels are far from any stack and from any answer. */
#define BANDI_JSON_MAX_DEPTH 256

/* How deep the arrays and objects of @data (@len bytes, -1 if
 * nul-terminated) nest, as json-glib reads it: brackets inside strings
 * ('…' too, which json-glib accepts) and inside C comments do not count.
 * Malformed JSON may count deeper than json-glib would get, never less. */
guint     bandi_json_get_depth   (const char  *data,
                                  gssize       len);

/* Parses @data (@len bytes, -1 if nul-terminated), an answer from the
 * network, into @parser, and returns its root (owned by @parser). NULL,
 * with a BANDI_SOURCE_ERROR_INVALID_RESPONSE whose message is valid UTF-8
 * and safe to show, when the answer is empty or blank, nested deeper than
 * BANDI_JSON_MAX_DEPTH (then json-glib never sees it), or not JSON. */
JsonNode *bandi_json_load_answer (JsonParser  *parser,
                                  const char  *data,
                                  gssize       len,
                                  GError     **error);

G_END_DECLS
