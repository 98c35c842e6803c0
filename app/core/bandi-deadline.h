/* bandi-deadline.h — one deadline (or opening date) of a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BANDI_TYPE_DEADLINE (bandi_deadline_get_type ())
G_DECLARE_FINAL_TYPE (BandiDeadline, bandi_deadline, BANDI, DEADLINE, GObject)

/* A deadline is either
 *  - timed: a wall-clock time in a named IANA zone (e.g. 17:00 Europe/Brussels),
 *    which together define one instant; or
 *  - date-only: a calendar day with no time (iCal VALUE=DATE).
 * Each has a stage (1, 2, … or a cut-off number) and a human label.
 */

BandiDeadline *bandi_deadline_new_timed      (guint        stage,
                                              const char  *label,
                                              GDateTime   *local,
                                              const char  *zone);
BandiDeadline *bandi_deadline_new_local      (guint        stage,
                                              const char  *label,
                                              int          year,
                                              int          month,
                                              int          day,
                                              int          hour,
                                              int          minute,
                                              int          second,
                                              const char  *zone);
BandiDeadline *bandi_deadline_new_date       (guint        stage,
                                              const char  *label,
                                              int          year,
                                              int          month,
                                              int          day);
BandiDeadline *bandi_deadline_new_from_storage (guint        stage,
                                                const char  *label,
                                                const char  *value,
                                                const char  *zone,
                                                GError     **error);

guint          bandi_deadline_get_stage      (BandiDeadline *self);
void           bandi_deadline_set_stage      (BandiDeadline *self,
                                              guint          stage);
const char    *bandi_deadline_get_label      (BandiDeadline *self);
void           bandi_deadline_set_label      (BandiDeadline *self,
                                              const char    *label);
gboolean       bandi_deadline_has_time       (BandiDeadline *self);
const char    *bandi_deadline_get_zone       (BandiDeadline *self);
void           bandi_deadline_get_date       (BandiDeadline *self,
                                              int           *year,
                                              int           *month,
                                              int           *day);
GDateTime     *bandi_deadline_dup_local      (BandiDeadline *self);
gint64         bandi_deadline_to_unix        (BandiDeadline *self);
gint64         bandi_deadline_sort_key       (BandiDeadline *self);
char          *bandi_deadline_to_storage     (BandiDeadline *self);
char          *bandi_deadline_format_rfc3339 (BandiDeadline *self);
char          *bandi_deadline_format_date    (BandiDeadline *self);
gboolean       bandi_deadline_equal          (BandiDeadline *a,
                                              BandiDeadline *b);
gboolean       bandi_deadline_is_past        (BandiDeadline *self,
                                              gint64         now_unix);

G_END_DECLS
