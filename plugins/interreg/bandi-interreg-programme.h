/* bandi-interreg-programme.h — one Interreg programme: where it publishes calls,
 * which adapter reads it, and the rules that find the calls in it
 *
 * Presets ship in the module as the resource
 * /io/github/bandi/Bandi/interreg/presets.json:
 *
 *   { "defaults": { "ADAPTER": { RULES }, … },
 *     "programmes": [ { "id": "alpine-space", "name": "Interreg Alpine Space",
 *                       "url": "https://…", "adapter": "rss",
 *                       "zone": "Europe/Brussels", "rules": { RULES } }, … ] }
 *
 * Adapters: "rss" and "atom" (news feeds), "wordpress" (the JSON of
 * wp-json/wp/v2/posts or pages), "html" (a page read with the rules),
 * "ical" (an iCalendar feed whose events are deadlines), "csv" (a
 * calendar of calls as a CSV file, one call a row).
 *
 * RULES are regular expressions (PCRE, as GRegex reads them); a rule's
 * value is its named group "v", else its first group, else the whole match:
 *  - "item" (html): each match is one call; without it the page is one call
 *  - "title", "link" (html): within an item
 *  - "match": an entry is a call only if its title (or category) matches
 *  - "exclude": an entry whose title matches is not a call
 *  - "code": the call's code ("Call 4"), which becomes its stable id
 *  - "opening": the opening date
 *  - "closing": the deadline; every match is one deadline, stage 1, 2, …,
 *    labelled by the group "label" when it takes part
 * A "csv" programme names its columns instead of rules: "columns": {
 * "title": NAMES, "link": NAMES, "code": NAMES, "opening": NAMES,
 * "closing": NAMES }, where NAMES is a column's name or an array of the
 * names it may have (header cells, case aside); every "closing" column
 * present is a deadline, stage 1, 2, … Without "columns" the defaults'
 * "csv" columns apply.
 * In any rule "{date}" stands for a day–month–year date with an optional
 * time and zone, as most pages write one. Feeds and WordPress entries are
 * searched as plain text; html items as their HTML. "zone" is where a time
 * with no zone is (Europe/Brussels when absent).
 *
 * A preset may also give "followed": false (it is off until the user
 * follows it) and a "note": what is known of the site, or why it is off.
 *
 * Custom programmes (the "custom-programmes" setting) give only name, url,
 * adapter and optionally id (else their name makes it: "Interreg NEXT MED"
 * is "interreg-next-med") and zone, and take the "defaults" rules of their
 * adapter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bandi-source.h"

G_BEGIN_DECLS

typedef enum {
  INTERREG_ADAPTER_FEED,
  INTERREG_ADAPTER_WORDPRESS,
  INTERREG_ADAPTER_HTML,
  INTERREG_ADAPTER_ICAL,
  INTERREG_ADAPTER_CSV,
} InterregAdapter;

/* The columns of a CSV calendar: for each, the names it may have (the
 * first found is used); every "closing" column found is one deadline. */
typedef struct {
  GStrv title;
  GStrv link;
  GStrv code;
  GStrv opening;
  GStrv closing;
} InterregColumns;

typedef struct {
  char            *id;
  char            *name;      /* also the calls' programme */
  char            *url;       /* where the calls are published */
  char            *adapter_name;
  InterregAdapter  adapter;
  char            *zone;
  gboolean         custom;
  gboolean         followed_by_default; /* "followed": false leaves a preset off */
  char            *note;      /* why it is off, or what to know; may be NULL */

  GRegex          *item;
  GRegex          *title;
  GRegex          *link;
  GRegex          *match;
  GRegex          *exclude;
  GRegex          *code;
  GRegex          *opening;
  GRegex          *closing;

  InterregColumns  columns;   /* csv */
} InterregProgramme;

void                interreg_programme_free      (InterregProgramme *programme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InterregProgramme, interreg_programme_free)

/* The adapter names a programme may give, NULL-terminated. */
const char * const *interreg_adapter_names       (void);

/* The URL to fetch: @url itself when @endpoint is NULL or empty; else
 * @endpoint's scheme, host and port (and path, as a prefix) with the path
 * and query of @url — how tests and mirrors stand in for every preset. */
char               *interreg_programme_dup_fetch_url (InterregProgramme  *programme,
                                                      const char         *endpoint,
                                                      GError            **error);

/* "Call 4 – Thematic projects" → "call-4-thematic-projects" */
char               *interreg_slugify             (const char         *text);

/* What "{date}" stands for in a rule, alone. (transfer none) */
GRegex             *interreg_date_regex          (void);

/* The value of @rule in @haystack at its first match, or NULL. */
char               *interreg_rule_extract        (GRegex             *rule,
                                                  const char         *haystack);

typedef struct _InterregCatalogue InterregCatalogue;

/* The presets compiled into the module. */
InterregCatalogue  *interreg_catalogue_new       (GError            **error);
void                interreg_catalogue_free      (InterregCatalogue  *catalogue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InterregCatalogue, interreg_catalogue_free)

/* (element-type InterregProgramme) (transfer none) */
GPtrArray          *interreg_catalogue_get_presets (InterregCatalogue *catalogue);
InterregProgramme  *interreg_catalogue_find_preset (InterregCatalogue *catalogue,
                                                    const char        *id);

/* Parses the "custom-programmes" setting. Each programme that cannot be
 * used (a missing field, an unknown adapter, a URL that is not http(s),
 * an id taken by a preset or given twice) is left out with a message in
 * @problems; a setting that is not a JSON array fails. */
GPtrArray          *interreg_catalogue_parse_custom (InterregCatalogue *catalogue,
                                                     const char        *json,
                                                     GPtrArray         *problems,
                                                     GError           **error);

G_END_DECLS
