/* bandi-relevance.c — how relevant a call is to a cluster
 *
 * A cluster's keywords and technology areas are its terms. A term matches
 * a text when its words appear there in a row, each word of four letters
 * or more as the start of a word ("energ" matches "energia" and
 * "energy"), shorter ones as whole words. Case, accents and common
 * Italian and English stop words do not count.
 *
 * Score: each distinct term found in the title adds 30, found only in the
 * keywords or the identifier 20, plus 10 more when the term has several
 * words; the call's Horizon Europe part being one of the cluster's adds
 * 50. Capped at 100. A single word in a title is not enough to suggest a
 * call; two, a phrase plus a keyword, or the Horizon part are.
 *
 * The normalised words of clusters and calls are kept on the objects,
 * together with copies of the texts they came from, and rebuilt when
 * those texts change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-relevance"

#include "config.h"

#include <string.h>

#include "bandi-relevance.h"

#define TITLE_HIT       30
#define OTHER_HIT       20
#define PHRASE_BONUS    10
#define HORIZON_PART    50
#define MIN_PREFIX_LEN  4

static const char * const stop_words[] = {
  "a", "ad", "agli", "ai", "al", "alla", "alle", "and", "con", "da", "dal", "dalla",
  "degli", "dei", "del", "della", "delle", "dello", "di", "e", "ed", "for", "gli", "i",
  "il", "in", "la", "le", "lo", "nei", "nel", "nella", "nelle", "of", "on", "or", "per",
  "su", "sul", "sulla", "the", "to", "un", "una", "uno", "with",
};

static gboolean
is_stop_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (strcmp (stop_words[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* Normalised words of one or more texts: lower-case ASCII letters and
 * digits, stop words dropped. Texts are separated by an empty word, which
 * no term word matches, so a phrase never spans two keywords. */
typedef struct {
  char        *buffer;
  const char **words;   /* into buffer; NULL-terminated */
  guint        n_words;
} Words;

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->buffer, g_free);
  g_clear_pointer (&w->words, g_free);
  w->n_words = 0;
}

static void
words_init (Words              *w,
            const char * const *texts)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint t = 0; texts != NULL && texts[t] != NULL; t++)
    {
      g_autofree char *ascii = g_str_to_ascii (texts[t], "C");
      const char *p = ascii;

      if (t > 0)
        {
          gsize start = buffer->len;

          g_string_append_c (buffer, '\0');
          g_array_append_val (starts, start);
        }

      while (*p != '\0')
        {
          gsize start;

          while (*p != '\0' && !g_ascii_isalnum (*p))
            p++;
          if (*p == '\0')
            break;

          start = buffer->len;
          while (g_ascii_isalnum (*p))
            g_string_append_c (buffer, g_ascii_tolower (*p++));
          g_string_append_c (buffer, '\0');

          if (is_stop_word (buffer->str + start))
            g_string_truncate (buffer, start);
          else
            g_array_append_val (starts, start);
        }
    }

  w->n_words = starts->len;
  w->buffer = g_string_free (g_steal_pointer (&buffer), FALSE);
  w->words = g_new (const char *, starts->len + 1);
  for (guint i = 0; i < starts->len; i++)
    w->words[i] = w->buffer + g_array_index (starts, gsize, i);
  w->words[starts->len] = NULL;
}

/* @term_word starts @text_word, and is either long enough to count as a
 * stem or all of it. */
static gboolean
word_matches (const char *term_word,
              const char *text_word)
{
  guint n;

  for (n = 0; term_word[n] != '\0'; n++)
    if (term_word[n] != text_word[n])
      return FALSE;

  return n >= MIN_PREFIX_LEN || text_word[n] == '\0';
}

/* Does @term (its words in a row) occur in @text at word @i? */
static gboolean
term_at (const Words *text,
         guint        i,
         const Words *term)
{
  if (i + term->n_words > text->n_words)
    return FALSE;

  for (guint j = 0; j < term->n_words; j++)
    if (!word_matches (term->words[j], text->words[i + j]))
      return FALSE;

  return TRUE;
}

static gboolean
strv_same (const char * const *a,
           const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

/* What a cluster's texts become. */
typedef struct {
  char  **keywords;   /* copies of the sources, to notice edits */
  char  **areas;
  GArray *terms;      /* of Words, distinct, by first letter */
  guint   first[257]; /* terms starting with byte c: first[c] … first[c + 1] - 1 */
} ClusterTerms;

static void
cluster_terms_free (ClusterTerms *ct)
{
  g_strfreev (ct->keywords);
  g_strfreev (ct->areas);
  g_array_unref (ct->terms);
  g_free (ct);
}

static void
add_terms (GArray             *terms,
           GHashTable         *seen,
           const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      const char *one[] = { texts[i], NULL };
      Words w = { NULL, };
      g_autofree char *key = NULL;

      words_init (&w, one);
      key = g_strjoinv (" ", (char **) w.words);
      if (w.n_words == 0 || g_hash_table_contains (seen, key))
        {
          words_clear (&w);
          continue;
        }

      g_hash_table_add (seen, g_steal_pointer (&key));
      g_array_append_val (terms, w);
    }
}

static int
compare_first_letter (gconstpointer a,
                      gconstpointer b)
{
  const Words *wa = a;
  const Words *wb = b;

  return (guchar) wa->words[0][0] - (guchar) wb->words[0][0];
}

static ClusterTerms *
cluster_terms (BandiCluster *cluster)
{
  static GQuark quark;
  const char * const *keywords = bandi_cluster_get_keywords (cluster);
  const char * const *areas = bandi_cluster_get_areas (cluster);
  g_autoptr(GHashTable) seen = NULL;
  ClusterTerms *ct;

  if (quark == 0)
    quark = g_quark_from_static_string ("bandi-relevance-terms");

  ct = g_object_get_qdata (G_OBJECT (cluster), quark);
  if (ct != NULL && strv_same ((const char * const *) ct->keywords, keywords) &&
      strv_same ((const char * const *) ct->areas, areas))
    return ct;

  ct = g_new0 (ClusterTerms, 1);
  ct->keywords = g_strdupv ((char **) keywords);
  ct->areas = g_strdupv ((char **) areas);
  ct->terms = g_array_new (FALSE, FALSE, sizeof (Words));
  g_array_set_clear_func (ct->terms, (GDestroyNotify) words_clear);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_terms (ct->terms, seen, keywords);
  add_terms (ct->terms, seen, areas);
  g_array_sort (ct->terms, compare_first_letter);
  for (guint c = 0, t = 0; c < 257; c++)
    {
      while (t < ct->terms->len && (guchar) g_array_index (ct->terms, Words, t).words[0][0] < c)
        t++;
      ct->first[c] = t;
    }

  g_object_set_qdata_full (G_OBJECT (cluster), quark, ct, (GDestroyNotify) cluster_terms_free);
  return ct;
}

/* What a call's texts become. */
typedef struct {
  char  *title;       /* copies of the sources, to notice edits */
  char  *external_id;
  char **keywords;
  Words  title_words;
  Words  other_words; /* keywords, then the identifier */
} CallWords;

static void
call_words_free (CallWords *cw)
{
  g_free (cw->title);
  g_free (cw->external_id);
  g_strfreev (cw->keywords);
  words_clear (&cw->title_words);
  words_clear (&cw->other_words);
  g_free (cw);
}

static CallWords *
call_words (BandiCall *call)
{
  static GQuark quark;
  const char *title = bandi_call_get_title (call);
  const char *external_id = bandi_call_get_external_id (call);
  const char * const *keywords = bandi_call_get_keywords (call);
  g_autoptr(GStrvBuilder) other = g_strv_builder_new ();
  g_auto(GStrv) other_texts = NULL;
  const char *title_texts[] = { title, NULL };
  CallWords *cw;

  if (quark == 0)
    quark = g_quark_from_static_string ("bandi-relevance-words");

  cw = g_object_get_qdata (G_OBJECT (call), quark);
  if (cw != NULL && g_strcmp0 (cw->title, title) == 0 &&
      g_strcmp0 (cw->external_id, external_id) == 0 &&
      strv_same ((const char * const *) cw->keywords, keywords))
    return cw;

  if (keywords != NULL)
    g_strv_builder_addv (other, (const char **) keywords);
  if (external_id != NULL)
    g_strv_builder_add (other, external_id);
  other_texts = g_strv_builder_end (other);

  cw = g_new0 (CallWords, 1);
  cw->title = g_strdup (title);
  cw->external_id = g_strdup (external_id);
  cw->keywords = g_strdupv ((char **) keywords);
  words_init (&cw->title_words, title_texts);
  words_init (&cw->other_words, (const char * const *) other_texts);

  g_object_set_qdata_full (G_OBJECT (call), quark, cw, (GDestroyNotify) call_words_free);
  return cw;
}

static gboolean
in_horizon_parts (BandiCluster *cluster,
                  const char   *part)
{
  const char * const *parts = bandi_cluster_get_horizon_parts (cluster);

  if (part == NULL || *part == '\0')
    return FALSE;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    if (g_ascii_strcasecmp (parts[i], part) == 0)
      return TRUE;

  return FALSE;
}

/* Raises hits[t] to @level for each term t found in @text: only the terms
 * starting with the letter of a word are tried there. */
static void
find_terms (const ClusterTerms *ct,
            const Words        *text,
            guint8              level,
            guint8             *hits)
{
  for (guint i = 0; i < text->n_words; i++)
    {
      guchar c = text->words[i][0];

      for (guint t = ct->first[c]; t < ct->first[c + 1]; t++)
        if (hits[t] < level && term_at (text, i, &g_array_index (ct->terms, Words, t)))
          hits[t] = level;
    }
}

guint
bandi_relevance_score (BandiCluster *cluster,
                       BandiCall    *call)
{
  ClusterTerms *ct;
  CallWords *cw;
  g_autofree guint8 *hits = NULL;
  guint score = 0;

  g_return_val_if_fail (BANDI_IS_CLUSTER (cluster), 0);
  g_return_val_if_fail (BANDI_IS_CALL (call), 0);

  ct = cluster_terms (cluster);
  cw = call_words (call);

  hits = g_new0 (guint8, ct->terms->len + 1);
  find_terms (ct, &cw->title_words, 2, hits);
  find_terms (ct, &cw->other_words, 1, hits);

  for (guint t = 0; t < ct->terms->len; t++)
    {
      if (hits[t] == 0)
        continue;
      score += hits[t] == 2 ? TITLE_HIT : OTHER_HIT;
      if (g_array_index (ct->terms, Words, t).n_words > 1)
        score += PHRASE_BONUS;
    }

  if (in_horizon_parts (cluster, bandi_call_get_programme_part (call)))
    score += HORIZON_PART;

  return MIN (score, 100);
}

gboolean
bandi_relevance_is_suggested (BandiCluster *cluster,
                              BandiCall    *call)
{
  return bandi_relevance_score (cluster, call) >= BANDI_RELEVANCE_SUGGESTED;
}
