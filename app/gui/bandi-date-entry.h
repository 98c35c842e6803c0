/* bandi-date-entry.h — a date typed or picked, and a time, as people write
 * them
 *
 * A date field in the locale's order (dd/mm/yyyy in Italian) with a
 * calendar popover, a time field (hh:mm; empty for an all-day date, or
 * "13:00 Europe/Brussels" for another zone), the zone said in words
 * ("local time", "Brussels time") and, under them, why what is typed is
 * refused. Reading is bandi-date-input.h's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bandi-deadline.h"

G_BEGIN_DECLS

#define BANDI_TYPE_DATE_ENTRY (bandi_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (BandiDateEntry, bandi_date_entry, BANDI, DATE_ENTRY, GtkWidget)

BandiDateEntry *bandi_date_entry_new          (void);
/* The zone of a time typed without one (default: the user's own). */
void            bandi_date_entry_set_zone     (BandiDateEntry *self,
                                               const char     *zone);
/* Shows @deadline (NULL: empty); emits no ::changed. */
void            bandi_date_entry_set_deadline (BandiDateEntry *self,
                                               BandiDeadline  *deadline);
/* What is typed, as a deadline of @stage; NULL when empty or refused. */
BandiDeadline  *bandi_date_entry_dup_deadline (BandiDateEntry *self,
                                               guint           stage);
/* The names assistive technologies give the date and time fields
 * (default: "Date" and "Time"). */
void            bandi_date_entry_set_labels   (BandiDateEntry *self,
                                               const char     *date_label,
                                               const char     *time_label);
/* TRUE when nothing is typed. */
gboolean        bandi_date_entry_is_empty     (BandiDateEntry *self);
/* Why what is typed is refused, in words; NULL when it is a deadline or
 * empty. */
const char     *bandi_date_entry_get_error    (BandiDateEntry *self);

G_END_DECLS
