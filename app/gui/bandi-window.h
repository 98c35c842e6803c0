/* bandi-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-application.h"

G_BEGIN_DECLS

#define BANDI_TYPE_WINDOW (bandi_window_get_type ())
G_DECLARE_FINAL_TYPE (BandiWindow, bandi_window, BANDI, WINDOW, AdwApplicationWindow)

BandiWindow *bandi_window_new            (BandiApplication *application);
/* Shows a sidebar section: "upcoming", "all", "starred", "calendar",
 * "proposals", "dashboard" or "cluster:ACRONYM". */
void         bandi_window_show_section   (BandiWindow      *self,
                                          const char       *section);
void         bandi_window_show_call_id   (BandiWindow      *self,
                                          gint64            call_id);
void         bandi_window_show_proposal_id (BandiWindow    *self,
                                            gint64          proposal_id);

G_END_DECLS
