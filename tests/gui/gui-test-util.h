/* gui-test-util.h — hosting widgets under test in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store-test-util.h"

G_BEGIN_DECLS

/* g_test_init (isolated dirs) and libadwaita, with the store's clusters
 * seeded at the default path. */
void        gui_test_init         (int         *argc,
                                   char      ***argv);
/* Fills @store with what the widget tests look at:
 *  calls (source "horizon", programme "Horizon Europe"):
 *   HORIZON-CL5-2027-D3-01-01 due in 5 days, …-02 in 20 days (its title
 *   holds markup), …-03 in 60 days;
 *  proposals:
 *   BATT4EU   AFIL  drafting   Horizon Europe, on call …-01, 450,000 / 400,000,
 *             milestones "Internal submission" in 3 days, "Kick-off" done
 *   SMARTFAB  AFIL  submitted  Horizon Europe, manual 2025-04-22 17:00 Brussels,
 *             1,000,000 / 800,000
 *   AIRQ      AFIL  funded     LIFE, manual 2025-09-10, 600,000 / 360,000
 *   GUI_TEST_MARKUP_ACRONYM  LE2C  rejected  Interreg Europe, manual
 *             2024-05-31, 300,000 / 240,000
 *   IDEA1     LE2C  idea       no programme, no deadline, no money */
#define GUI_TEST_MARKUP_ACRONYM "<b>BOLD</b> & Co"
#define GUI_TEST_MARKUP_TITLE "Batteries <b>& more</b>"
void        gui_test_fill_store   (BandiStore  *store);
/* A window of @width × @height holding @child, shown. */
GtkWindow  *gui_test_window       (GtkWidget   *child,
                                   int          width,
                                   int          height);
/* Runs the main loop for @ms milliseconds. */
void        gui_test_wait         (guint        ms);
/* The first descendant of @root (itself included) of @type whose title
 * (AdwPreferencesRow), label (GtkButton, GtkLabel) or tooltip is @text. */
GtkWidget  *gui_test_find         (GtkWidget   *root,
                                   GType        type,
                                   const char  *text);
/* Every descendant of @root of @type, in tree order. */
GPtrArray  *gui_test_find_all     (GtkWidget   *root,
                                   GType        type);
/* The template child @name of @widget (of type @widget_type). */
gpointer    gui_test_child        (gpointer     widget,
                                   GType        widget_type,
                                   const char  *name);
/* The open AdwMessageDialog, or NULL. */
AdwMessageDialog *gui_test_find_message_dialog (void);
G_END_DECLS
