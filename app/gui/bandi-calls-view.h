/* bandi-calls-view.h — the list of calls with search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-context.h"

G_BEGIN_DECLS

typedef enum {
  BANDI_CALLS_KIND_UPCOMING,  /* a deadline still ahead */
  BANDI_CALLS_KIND_ALL,
  BANDI_CALLS_KIND_STARRED,
} BandiCallsKind;

#define BANDI_TYPE_CALLS_VIEW (bandi_calls_view_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallsView, bandi_calls_view, BANDI, CALLS_VIEW, GtkWidget)

/* A view of @context's calls, which follows its changes. */
BandiCallsView *bandi_calls_view_new            (BandiContext   *context,
                                                 BandiCallsKind  kind);
BandiContext   *bandi_calls_view_get_context    (BandiCallsView *self);
/* A fixed cluster: its suggested calls only, no cluster choice. */
void            bandi_calls_view_set_fixed_cluster (BandiCallsView *self,
                                                    const char     *acronym);
/* The cluster whose relevance is shown ("" for none); a property. */
const char     *bandi_calls_view_get_relevance_cluster (BandiCallsView *self);
void            bandi_calls_view_set_relevance_cluster (BandiCallsView *self,
                                                        const char     *acronym);
/* Applies a search at once (the caller debounces typing). */
void            bandi_calls_view_set_search_text (BandiCallsView *self,
                                                  const char     *text);
/* The same with the ids bandi_store_search_call_ids() gave (NULL: no
 * search), for several views sharing one query. */
void            bandi_calls_view_set_search_ids (BandiCallsView *self,
                                                 GHashTable     *ids);
void            bandi_calls_view_set_compact    (BandiCallsView *self,
                                                 gboolean        compact);
/* How many calls the filters let through (the "n-shown" property) */
guint           bandi_calls_view_get_n_shown    (BandiCallsView *self);
/* The calls shown, after filters and sorting. */
GListModel     *bandi_calls_view_get_shown      (BandiCallsView *self);
/* Moves the focus to the calls shown; FALSE when none. */
gboolean        bandi_calls_view_focus_results  (BandiCallsView *self);
/* Opens the first call shown; FALSE when none. */
gboolean        bandi_calls_view_activate_first (BandiCallsView *self);

G_END_DECLS
