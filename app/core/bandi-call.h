/* bandi-call.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bandi-deadline.h"
#include "bandi-enums.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL (bandi_call_get_type ())
G_DECLARE_FINAL_TYPE (BandiCall, bandi_call, BANDI, CALL, GObject)

/* One call or topic as a source reports it. Numbers that the source does not
 * give are -1 (budget, expected grants, contributions). Strings may be NULL.
 * The id is the store's row id (0 until stored); starred and note are the
 * user's, filled in by the store. Text from a source is capped far above
 * what any call needs (bandi-call-limits.h): longer text is cut, with "…",
 * and a longer address is dropped. */

BandiCall          *bandi_call_new                  (void);

gint64              bandi_call_get_id               (BandiCall          *self);
void                bandi_call_set_id               (BandiCall          *self,
                                                     gint64              id);
const char         *bandi_call_get_source_id        (BandiCall          *self);
void                bandi_call_set_source_id        (BandiCall          *self,
                                                     const char         *source_id);
const char         *bandi_call_get_external_id      (BandiCall          *self);
void                bandi_call_set_external_id      (BandiCall          *self,
                                                     const char         *external_id);
const char         *bandi_call_get_call_id          (BandiCall          *self);
void                bandi_call_set_call_id          (BandiCall          *self,
                                                     const char         *call_id);
const char         *bandi_call_get_call_title       (BandiCall          *self);
void                bandi_call_set_call_title       (BandiCall          *self,
                                                     const char         *call_title);
const char         *bandi_call_get_title            (BandiCall          *self);
void                bandi_call_set_title            (BandiCall          *self,
                                                     const char         *title);
const char         *bandi_call_get_programme        (BandiCall          *self);
void                bandi_call_set_programme        (BandiCall          *self,
                                                     const char         *programme);
const char         *bandi_call_get_programme_part   (BandiCall          *self);
void                bandi_call_set_programme_part   (BandiCall          *self,
                                                     const char         *programme_part);
const char         *bandi_call_get_action_type      (BandiCall          *self);
void                bandi_call_set_action_type      (BandiCall          *self,
                                                     const char         *action_type);
const char         *bandi_call_get_deadline_model   (BandiCall          *self);
void                bandi_call_set_deadline_model   (BandiCall          *self,
                                                     const char         *deadline_model);
BandiCallStatus     bandi_call_get_status           (BandiCall          *self);
void                bandi_call_set_status           (BandiCall          *self,
                                                     BandiCallStatus     status);
BandiDeadline      *bandi_call_get_opening          (BandiCall          *self);
void                bandi_call_set_opening          (BandiCall          *self,
                                                     BandiDeadline      *opening);
double              bandi_call_get_budget           (BandiCall          *self);
void                bandi_call_set_budget           (BandiCall          *self,
                                                     double              budget);
int                 bandi_call_get_expected_grants  (BandiCall          *self);
void                bandi_call_set_expected_grants  (BandiCall          *self,
                                                     int                 expected_grants);
double              bandi_call_get_min_contribution (BandiCall          *self);
void                bandi_call_set_min_contribution (BandiCall          *self,
                                                     double              min_contribution);
double              bandi_call_get_max_contribution (BandiCall          *self);
void                bandi_call_set_max_contribution (BandiCall          *self,
                                                     double              max_contribution);
const char         *bandi_call_get_url              (BandiCall          *self);
void                bandi_call_set_url              (BandiCall          *self,
                                                     const char         *url);
const char * const *bandi_call_get_keywords         (BandiCall          *self);
void                bandi_call_set_keywords         (BandiCall          *self,
                                                     const char * const *keywords);
const char         *bandi_call_get_description      (BandiCall          *self);
void                bandi_call_set_description      (BandiCall          *self,
                                                     const char         *description);
gint64              bandi_call_get_first_seen       (BandiCall          *self);
void                bandi_call_set_first_seen       (BandiCall          *self,
                                                     gint64              first_seen);
gint64              bandi_call_get_last_changed     (BandiCall          *self);
void                bandi_call_set_last_changed     (BandiCall          *self,
                                                     gint64              last_changed);
gboolean            bandi_call_get_withdrawn        (BandiCall          *self);
void                bandi_call_set_withdrawn        (BandiCall          *self,
                                                     gboolean            withdrawn);
gboolean            bandi_call_get_starred          (BandiCall          *self);
void                bandi_call_set_starred          (BandiCall          *self,
                                                     gboolean            starred);
const char         *bandi_call_get_note             (BandiCall          *self);
void                bandi_call_set_note             (BandiCall          *self,
                                                     const char         *note);

GPtrArray          *bandi_call_get_deadlines        (BandiCall          *self);
void                bandi_call_add_deadline         (BandiCall          *self,
                                                     BandiDeadline      *deadline);
void                bandi_call_clear_deadlines      (BandiCall          *self);
BandiDeadline      *bandi_call_get_next_deadline    (BandiCall          *self,
                                                     gint64              now_unix);
BandiDeadline      *bandi_call_get_last_deadline    (BandiCall          *self);
/* Closed at @now_unix: every deadline past; without deadlines, when its
 * source says so. The dates win over the status: a call marked closed
 * with a deadline ahead is not closed (a live deadline is never hidden),
 * and one marked open with every deadline past is. */
gboolean            bandi_call_is_closed            (BandiCall          *self,
                                                     gint64              now_unix);
char               *bandi_call_dup_fingerprint      (BandiCall          *self);


G_END_DECLS
