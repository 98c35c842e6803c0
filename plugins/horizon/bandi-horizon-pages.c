/* bandi-horizon-pages.c — the pages of one answer of the search API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-horizon"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-horizon-pages.h"

/* What the answer string starts with: a new parser may read the same bytes
 * differently, so an answer of another version is never recognised. */
#define ANSWER_TAG "horizon-pages-1/" PACKAGE_VERSION

struct _BandiHorizonPages
{
  BandiHorizonCollector *collector;
  GStrv                  previous;  /* checksum of each page of the previous answer */
  guint                  n_previous;
  GPtrArray             *checksums; /* of each page taken */
  GPtrArray             *put_off;   /* GBytes: pages not read (yet) */
  gboolean               replaying; /* every page so far is the previous answer's */
  guint                  window;
  gint64                 total;
  guint                  expected;
};

static GStrv
parse_answer (const char *answer,
              guint      *out_n_pages)
{
  g_auto(GStrv) fields = NULL;
  guint n;

  *out_n_pages = 0;
  if (answer == NULL)
    return NULL;

  fields = g_strsplit (answer, " ", -1);
  n = g_strv_length (fields);
  if (n < 2 || !g_str_equal (fields[0], ANSWER_TAG))
    return NULL;

  *out_n_pages = n - 1;
  return g_strdupv (fields + 1);
}

BandiHorizonPages *
bandi_horizon_pages_new (const char *source_id,
                         gint64      now_unix,
                         const char *previous,
                         guint       window)
{
  BandiHorizonPages *self = g_new0 (BandiHorizonPages, 1);

  self->collector = bandi_horizon_collector_new (source_id, now_unix);
  self->previous = parse_answer (previous, &self->n_previous);
  self->checksums = g_ptr_array_new_with_free_func (g_free);
  self->put_off = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->replaying = self->previous != NULL;
  self->window = window;
  self->total = -1;
  self->expected = self->n_previous;

  return self;
}

void
bandi_horizon_pages_free (BandiHorizonPages *self)
{
  if (self == NULL)
    return;

  bandi_horizon_collector_free (self->collector);
  g_strfreev (self->previous);
  g_ptr_array_unref (self->checksums);
  g_ptr_array_unref (self->put_off);
  g_free (self);
}

/* Reads page @page into the collector; its number of results in *@out_n. */
static gboolean
read_page (BandiHorizonPages  *self,
           GBytes             *body,
           guint               page,
           guint              *out_n,
           GPtrArray          *warnings,
           GError            **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gint64 total = -1;

  if (!bandi_horizon_collector_add_page (self->collector, body, &total, out_n, found, error))
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (warnings, g_strdup_printf (_("Page %u: %s"), page,
                                                (const char *) g_ptr_array_index (found, i)));

  /* Pages that the query can give: all of totalResults within the window. */
  self->total = total;
  if (total >= 0)
    self->expected = (guint) ((MIN (total, self->window) + BANDI_HORIZON_PAGE_SIZE - 1) /
                              BANDI_HORIZON_PAGE_SIZE);
  return TRUE;
}

gboolean
bandi_horizon_pages_add (BandiHorizonPages  *self,
                         GBytes             *body,
                         gboolean           *out_done,
                         guint              *out_page,
                         GPtrArray          *warnings,
                         GError            **error)
{
  guint page = self->checksums->len + 1;
  char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, body);
  guint n_results = 0;

  g_ptr_array_add (self->checksums, checksum);
  *out_page = page;

  if (self->replaying && page <= self->n_previous &&
      g_str_equal (checksum, self->previous[page - 1]))
    {
      /* The same page as last time: where the previous answer stopped, so
       * does this one. */
      g_ptr_array_add (self->put_off, g_bytes_ref (body));
      *out_done = page == self->n_previous;
      return TRUE;
    }

  if (self->replaying)
    {
      /* The answer differs from here: read what was put off first. */
      self->replaying = FALSE;
      for (guint i = 0; i < self->put_off->len; i++)
        {
          *out_page = i + 1;
          if (!read_page (self, g_ptr_array_index (self->put_off, i), i + 1, &n_results, warnings, error))
            return FALSE;
        }
      g_ptr_array_set_size (self->put_off, 0);
      *out_page = page;
    }

  if (!read_page (self, body, page, &n_results, warnings, error))
    return FALSE;

  *out_done = n_results < BANDI_HORIZON_PAGE_SIZE ||
              (self->total >= 0 && (gint64) page * BANDI_HORIZON_PAGE_SIZE >= self->total) ||
              (gint64) page * BANDI_HORIZON_PAGE_SIZE >= self->window;
  return TRUE;
}

guint
bandi_horizon_pages_get_expected (BandiHorizonPages *self)
{
  return self->expected;
}

gboolean
bandi_horizon_pages_is_previous (BandiHorizonPages *self)
{
  return self->replaying && self->checksums->len == self->n_previous;
}

void
bandi_horizon_pages_get_counts (BandiHorizonPages *self,
                                guint             *out_n_records,
                                guint             *out_n_skipped)
{
  bandi_horizon_collector_get_counts (self->collector, out_n_records, out_n_skipped);
}

gint64
bandi_horizon_pages_get_total (BandiHorizonPages *self)
{
  return self->total;
}

char *
bandi_horizon_pages_dup_answer (BandiHorizonPages *self,
                                gint64            *out_valid_until)
{
  g_autoptr(GString) answer = g_string_new (ANSWER_TAG);

  for (guint i = 0; i < self->checksums->len; i++)
    {
      g_string_append_c (answer, ' ');
      g_string_append (answer, g_ptr_array_index (self->checksums, i));
    }

  *out_valid_until = bandi_horizon_collector_get_next_change (self->collector);
  return g_string_free (g_steal_pointer (&answer), FALSE);
}

GPtrArray *
bandi_horizon_pages_steal_calls (BandiHorizonPages *self)
{
  return bandi_horizon_collector_steal_calls (self->collector);
}
