/* views-test-util.h — set-up shared by the calls, details, calendar and window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-context.h"

G_BEGIN_DECLS

/* Sets TZ to @zone (before anything reads it), the XDG user dirs to a
 * new temporary directory, then g_test_init() and GTK + libadwaita.
 * Without a display, prints a TAP plan that skips everything and exits. */
void        views_test_init        (int         *argc,
                                  char      ***argv,
                                  const char  *zone);
/* g_test_run(), then removes the temporary directory. */
int         views_test_run         (void);
/* Runs the main context until nothing is pending. */
void        views_test_flush       (void);
/* Runs the main context until @done (a gboolean) is TRUE, at most 10 s. */
void        views_test_wait        (const gboolean *done);
/* A new store at the default path, filled by gui_fixture_fill (@n_bulk). */
BandiStore *views_test_open_store  (guint        n_bulk);
/* A context over @store with the plugins found and the application's
 * settings, the store read. */
BandiContext *views_test_context   (BandiStore  *store);
/* The first GtkLabel under @root whose text is @text, or NULL. */
GtkLabel   *views_test_find_label  (GtkWidget   *root,
                                  const char  *text);
/* The first widget of @type under @root whose button label or tooltip
 * is @name, or NULL. */
GtkWidget  *views_test_find_named  (GtkWidget   *root,
                                  GType        type,
                                  const char  *name);
/* The first widget under @root, depth first and @root included, for which
 * @match is TRUE; or NULL. */
GtkWidget  *views_test_find        (GtkWidget   *root,
                                  gboolean   (*match) (GtkWidget *));
/* A window showing @child, presented and drawn. */
GtkWindow  *views_test_show        (GtkWidget   *child);
/* The application on a store filled by gui_fixture_fill (@n_bulk), its
 * window shown, with no sync and no desktop notices. Once per process:
 * GTK exports the application on the session bus. */
GtkApplication *views_test_start_app (guint      n_bulk);

G_END_DECLS
