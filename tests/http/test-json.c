/* test-json.c — the JSON of an answer: measured before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-source.h"

/* @opening repeated @n times, "1", then @closing @n times */
static char *
nested (const char *opening,
        const char *closing,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, opening);
  g_string_append (s, "1");
  for (guint i = 0; i < n; i++)
    g_string_append (s, closing);

  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  const struct { const char *json; guint depth; } cases[] = {
    { "", 0 },
    { "1", 0 },
    { "[]", 1 },
    { "{\"a\":[1,{\"b\":[]}],\"c\":{}}", 4 },
    /* Not in strings, double- or single-quoted (json-glib reads both), nor
     * in comments; an escaped quote does not end a string */
    { "[\"[[[\\\"[[[\", '[[[', /* [[[ \" */ 1]", 1 },
    { "[\"\\\\\", [2]]", 2 },
    /* Closing more than was opened does not make the rest count less */
    { "]]]]}}[[", 2 },
    /* What cannot end is not counted as shallower */
    { "[[[\"", 3 },
    { "[/* no end [[[[", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (bandi_json_get_depth (cases[i].json, -1), ==, cases[i].depth);

  /* The length is honoured */
  g_assert_cmpuint (bandi_json_get_depth ("[[[[", 2), ==, 2);
  g_assert_cmpuint (bandi_json_get_depth (NULL, 0), ==, 0);
}

static void
test_load (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deepest = nested ("[", "]", BANDI_JSON_MAX_DEPTH);
  g_autofree char *deeper = nested ("{\"a\":", "}", BANDI_JSON_MAX_DEPTH + 1);
  JsonNode *root;

  root = bandi_json_load_answer (parser, deepest, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  root = bandi_json_load_answer (parser, deeper, -1, &error);
  g_assert_null (root);
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, "the answer is JSON nested 257 levels deep; refused");
  g_clear_error (&error);

  /* Empty or blank: no root; a parser used before does not give its old one */
  root = bandi_json_load_answer (parser, "", 0, &error);
  g_assert_null (root);
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, "the answer is empty");
  g_clear_error (&error);
  root = bandi_json_load_answer (parser, " \n\t", -1, &error);
  g_assert_null (root);
  g_assert_cmpstr (error->message, ==, "the answer is empty");
  g_clear_error (&error);

  /* Not JSON: json-glib's reason, made safe to show */
  root = bandi_json_load_answer (parser, "[1, \xff\xfe", 6, &error);
  g_assert_null (root);
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "the answer is not JSON ("));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* What made json-glib overflow the stack: a few hundred kilobytes of
 * brackets are refused, not parsed. */
static void
test_hostile (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = nested ("[", "]", 500000);
  g_autofree char *expected = g_strdup_printf ("the answer is JSON nested %u levels deep; refused", 500000);

  g_assert_null (bandi_json_load_answer (parser, deep, -1, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/load", test_load);
  g_test_add_func ("/json/hostile", test_hostile);

  return g_test_run ();
}
