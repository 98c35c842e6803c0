/* fuzz-text.c — core's text helpers: HTML to plain text, entities,
 * previews of bodies for error messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bandi-text.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autofree char *preview = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *squeezed = NULL;

  fuzz_init ();

  /* Any bytes, not NUL-terminated: always valid UTF-8, never too long. */
  preview = bandi_text_preview ((const char *) data, size, 40);
  g_assert_nonnull (preview);
  g_assert_true (g_utf8_validate (preview, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (preview, -1), <=, 41);

  plain = bandi_text_html_to_plain (text);
  decoded = bandi_text_decode_entities (text);
  squeezed = bandi_text_squeeze (text);

  /* Whatever came in, what goes out is valid UTF-8 ... */
  g_assert_true (g_utf8_validate (plain, -1, NULL));
  g_assert_true (g_utf8_validate (squeezed, -1, NULL));
  /* ... and entity decoding keeps valid text valid: no character
   * reference may decode to a surrogate, a NUL or past U+10FFFF. */
  if (g_utf8_validate (text, -1, NULL))
    g_assert_true (g_utf8_validate (decoded, -1, NULL));

  return 0;
}
