/* test-text.c — HTML to text and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-text.h"

static void
test_entities (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "R&amp;I &lt;b&gt;", "R&I <b>" },
    { "Citt&agrave; &egrave; &#8364;&#x20AC; &euro;", "Città è €€ €" },
    { "caf&eacute;&nbsp;bar", "café bar" },
    { "AT&T &unknown; &#0; &#xZZ; & alone", "AT&T &unknown; &#0; &#xZZ; & alone" },
    { "&#x110000;", "&#x110000;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bandi_text_decode_entities (cases[i].in);
      g_assert_cmpstr (got, ==, cases[i].out);
    }
  g_assert_null (bandi_text_decode_entities (NULL));
}

static void
test_html_to_plain (void)
{
  const char *html =
    "<div class=\"x\"><p><span>Expected Outcome:</span></p>"
    "<p>Project results are expected to contribute to:</p>"
    "<ul><li>Reduced <strong>costs</strong>;</li><li>Better&nbsp;water &amp; energy</li></ul>"
    "<script>var a = '<p>no</p>';</script><style>p{}</style>"
    "<!-- comment <p> -->"
    "<p>Line one<br/>Line two</p>"
    "<table><tr><td>A</td><td>B</td></tr></table>"
    "<a href=\"x>y\" title='a>b'>link</a> 3 < 4</div>";
  g_autofree char *text = bandi_text_html_to_plain (html);

  g_assert_cmpstr (text, ==,
                   "Expected Outcome:\n\n"
                   "Project results are expected to contribute to:\n\n"
                   "• Reduced costs;\n"
                   "• Better water & energy\n\n"
                   "Line one\nLine two\n\n"
                   "A B\n\n"
                   "link 3 < 4");

  {
    /* A tag cuts what looks like a reference: it stays text. An entity
     * that is a line break breaks the line; a lone '&' with no ';' for
     * pages stays as it is. */
    g_autofree char *split = bandi_text_html_to_plain ("Q&am<b>p;</b>A &#10; next &#x2028;x &amp; y & z");

    g_assert_cmpstr (split, ==, "Q&amp;A\nnext x & y & z");
  }
}

static void
test_squeeze (void)
{
  g_autofree char *a = bandi_text_squeeze ("  a \t b\n\nc  ");
  g_autofree char *b = bandi_text_squeeze ("");
  /* Unicode blanks and no-break spaces collapse; \v is not a blank */
  g_autofree char *c = bandi_text_squeeze ("\xc2\xa0" "caf\xc3\xa9\xe2\x80\x83\xe3\x80\x80x\vy ");
  /* A sequence cut short by the end of the text is not read past it, and
   * comes out as U+FFFD: the output is always valid UTF-8 */
  static const char cut[] = { 'a', ' ', '\xc3', '\0' };
  g_autofree char *d = bandi_text_squeeze (cut);

  g_assert_cmpstr (a, ==, "a b c");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "caf\xc3\xa9 x\vy");
  g_assert_cmpstr (d, ==, "a \xef\xbf\xbd");
  g_assert_null (bandi_text_squeeze (NULL));
}

static void
test_preview (void)
{
  g_autofree char *a = bandi_text_preview ("abc\ndef", 7, 10);
  g_autofree char *b = bandi_text_preview ("abcdefghij", 10, 4);
  g_autofree char *c = bandi_text_preview ("\xff\xfe ok", 5, 10);
  g_autofree char *d = bandi_text_preview ("città", 6, 4);

  g_assert_cmpstr (a, ==, "abc def");
  g_assert_cmpstr (b, ==, "abcd…");
  g_assert_true (g_utf8_validate (c, -1, NULL));
  g_assert_cmpstr (d, ==, "citt…");
}

static void
test_truncate (void)
{
  g_autofree char *short_text = bandi_text_truncate ("città", 6);
  /* "città" is 6 bytes: 8 bytes leave 5 for the text before "…", and the
   * two bytes of "à" are not split */
  g_autofree char *accent = bandi_text_truncate ("cittàcittà", 8);
  g_autofree char *plain = bandi_text_truncate ("abcdefghij", 8);

  g_assert_cmpstr (short_text, ==, "città");
  g_assert_cmpstr (accent, ==, "citt…");
  g_assert_cmpstr (plain, ==, "abcde…");
  g_assert_cmpuint (strlen (plain), ==, 8);
  g_assert_null (bandi_text_truncate (NULL, 8));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/entities", test_entities);
  g_test_add_func ("/text/html-to-plain", test_html_to_plain);
  g_test_add_func ("/text/squeeze", test_squeeze);
  g_test_add_func ("/text/preview", test_preview);
  g_test_add_func ("/text/truncate", test_truncate);

  return g_test_run ();
}
