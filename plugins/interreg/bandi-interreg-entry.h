/* bandi-interreg-entry.h — what an adapter reads, before the rules make it a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-interreg-programme.h"

G_BEGIN_DECLS

typedef struct {
  char          *title;         /* plain text */
  char          *link;          /* as written: absolute or relative; may be NULL */
  char          *haystack;      /* where "code", "opening" and "closing" look */
  gboolean       haystack_html; /* an HTML fragment (html) or plain text (feeds) */
  char          *description;   /* plain text */
  GStrv          categories;
  char          *uid;           /* iCalendar UID */
  GPtrArray     *deadlines;     /* read by the adapter itself (iCalendar, CSV), or NULL */
  BandiDeadline *opening;       /* read by the adapter itself (CSV), or NULL */
  GPtrArray     *warnings;      /* the call's own (strings), or NULL */
} InterregEntry;

InterregEntry *interreg_entry_new  (void);
void           interreg_entry_free (InterregEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InterregEntry, interreg_entry_free)

/* Each adapter reads a body into entries (element-type InterregEntry).
 * Problems that do not stop the reading go to @warnings (strings). */
GPtrArray *interreg_feed_read      (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);
GPtrArray *interreg_wordpress_read (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);
GPtrArray *interreg_html_read      (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);
GPtrArray *interreg_ical_read      (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);
GPtrArray *interreg_csv_read       (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);

/* The adapter of @programme on @body. */
GPtrArray *interreg_entries_read   (InterregProgramme *programme,
                                    GBytes            *body,
                                    GPtrArray         *warnings,
                                    GError           **error);

/* Applies the programme's rules: which entries are calls, their code,
 * opening and deadlines, stable external ids ("PROGRAMME:code" or
 * "PROGRAMME:host/path" of the call's page), status as of @now_unix.
 * Relative links are resolved against the programme's URL. Fails with
 * BANDI_SOURCE_ERROR_NOT_FOUND when an html programme yields no call. */
GPtrArray *interreg_entries_to_calls (InterregProgramme *programme,
                                      GPtrArray         *entries,
                                      gint64             now_unix,
                                      GPtrArray         *warnings,
                                      GError           **error);

/* "https://www.Example.eu/a/b/?utm_source=x#top" → "example.eu/a/b" */
char      *interreg_normalise_url  (const char        *url);

G_END_DECLS
