/* bandi-interreg-date-private.h — the tokens of the date parser, shared with the
 * sentence reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bandi-interreg-date-words.h"

G_BEGIN_DECLS

typedef struct {
  TokType     type;
  int         a, b, c;
  const char *zone;
  char       *text;
  gsize       start, end;  /* byte offsets in Parse.normal */
  gboolean    used;
} Token;

typedef struct {
  const char *text;   /* the whole input, for messages */
  const char *normal; /* what is tokenized: interreg_date_normalise (text) */
  GPtrArray  *tokens; /* of Token */
} Parse;

static inline Token *
tok_at (Parse *parse,
        guint  i)
{
  return i < parse->tokens->len ? g_ptr_array_index (parse->tokens, i) : NULL;
}

void      interreg_date_token_free (gpointer     data);
char     *interreg_date_normalise  (const char  *text);
gboolean  interreg_date_tokenize   (Parse       *parse,
                                    gboolean     lenient,
                                    GError     **error);

/* Index of the next token after @i that is not a separator or one of the
 * words allowed inside a date ("1st of July", "10 di luglio"). */
guint     interreg_date_next_part  (Parse       *parse,
                                    guint        i);
gboolean  interreg_date_is_day     (Token       *tok);
gboolean  interreg_date_is_year    (Token       *tok);

G_END_DECLS
