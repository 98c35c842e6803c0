/* bandi-horizon-values.h — the values of a search API record, for the
 * parser's files only
 *
 * In `metadata` every value is meant to be an array of strings, but a lone
 * string is accepted too; blank strings count as missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *bandi_horizon_skip_blanks    (const char  *p);
gboolean    bandi_horizon_is_blank       (const char  *s);
/* The string held by @node, or NULL */
const char *bandi_horizon_node_string    (JsonNode    *node);
/* A non-blank string member of @object, or NULL */
const char *bandi_horizon_object_string  (JsonObject  *object,
                                          const char  *key);
/* A finite, non-negative number, written as a number or a string */
gboolean    bandi_horizon_node_number    (JsonNode    *node,
                                          double      *out);
guint       bandi_horizon_meta_length    (JsonObject  *meta,
                                          const char  *key);
/* The @i-th string of @key, or NULL if it is not a non-blank string. */
const char *bandi_horizon_meta_nth       (JsonObject  *meta,
                                          const char  *key,
                                          guint        i);
/* The first non-blank string of @key, or NULL */
const char *bandi_horizon_meta_first     (JsonObject  *meta,
                                          const char  *key);

/* The budget overview: this topic's actions among the whole call's. */
typedef struct {
  gboolean   found;
  double     budget;
  gboolean   has_budget;
  double     grants;
  gboolean   has_grants;
  double     min_contribution;
  double     max_contribution;
  GPtrArray *deadline_dates;   /* const char *, owned by the parser */
  const char *deadline_model;
} BandiHorizonBudget;

/* Adds to @budget what the overview @text (JSON in a string) says of the
 * actions of topic @identifier, parsing it with @parser. Returns FALSE if
 * the overview cannot be read. */
gboolean    bandi_horizon_read_budget_overview (BandiHorizonBudget *budget,
                                                JsonParser         *parser,
                                                const char         *text,
                                                const char         *identifier);

G_END_DECLS
