/* bandi-ical-export.h — deadlines and milestones as iCalendar (RFC 5545)
 *
 * A BandiIcalExport collects calendar items — one VEVENT per deadline stage
 * of a call, one VTODO (or VEVENT) per milestone of a proposal — and writes
 * them either as one VCALENDAR (a file to import) or one VCALENDAR per item
 * (a CalDAV resource). Every timed item carries TZID with a VTIMEZONE built
 * by libical from the system time zone database; date-only items are
 * VALUE=DATE. UIDs are derived from what identifies the item (source and
 * external id and stage for a deadline), so they are the same on every
 * export and every machine, and the output for the same data is the same
 * bytes (DTSTAMP is the time the data last changed, not the export time).
 * The export keeps references to the objects added and writes their text
 * when asked: change them only after the last write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bandi-call.h"
#include "bandi-proposal.h"

G_BEGIN_DECLS

/* How many times the deadline of @stage of @call has moved: the SEQUENCE of
 * its event. */
typedef guint (*BandiIcalSequenceFunc) (BandiCall *call,
                                        guint      stage,
                                        gpointer   user_data);

#define BANDI_TYPE_ICAL_EXPORT (bandi_ical_export_get_type ())
G_DECLARE_FINAL_TYPE (BandiIcalExport, bandi_ical_export, BANDI, ICAL_EXPORT, GObject)

BandiIcalExport *bandi_ical_export_new                     (void);

/* Settings; change them before adding items. */
void             bandi_ical_export_set_reminder_days       (BandiIcalExport       *self,
                                                            const int             *days,
                                                            gsize                  n_days);
void             bandi_ical_export_set_milestones_as_events (BandiIcalExport      *self,
                                                            gboolean               as_events);
/* An extra category for every item, e.g. the cluster the export is for. */
void             bandi_ical_export_set_category            (BandiIcalExport       *self,
                                                            const char            *category);
void             bandi_ical_export_set_sequence_func       (BandiIcalExport       *self,
                                                            BandiIcalSequenceFunc  func,
                                                            gpointer               user_data);
/* DTSTAMP of items whose data carries no change time (Unix seconds);
 * defaults to the time the export was created. */
void             bandi_ical_export_set_fallback_stamp      (BandiIcalExport       *self,
                                                            gint64                 unix_time);

/* One VEVENT per deadline; a call without deadlines adds nothing. */
void             bandi_ical_export_add_call                (BandiIcalExport       *self,
                                                            BandiCall             *call);
/* The milestones not yet done or done, and the manual deadline of a
 * proposal whose call no source knows (a proposal on a known call is
 * covered by that call's events). */
void             bandi_ical_export_add_proposal            (BandiIcalExport       *self,
                                                            BandiProposal         *proposal);

/* Leaves the events of @call's deadlines where they were published: a
 * CalDAV publication neither writes nor deletes them (a call that closed
 * stays in the calendar it was published to). A file export ignores it. */
void             bandi_ical_export_keep_call               (BandiIcalExport       *self,
                                                            BandiCall             *call);
gboolean         bandi_ical_export_keeps_uid               (BandiIcalExport       *self,
                                                            const char            *uid);

guint            bandi_ical_export_get_n_items             (BandiIcalExport       *self);
const char      *bandi_ical_export_get_item_uid            (BandiIcalExport       *self,
                                                            guint                  index);
char            *bandi_ical_export_dup_item_summary        (BandiIcalExport       *self,
                                                            guint                  index);
/* A complete VCALENDAR holding item @index and the VTIMEZONE it uses. */
GBytes          *bandi_ical_export_dup_item_bytes          (BandiIcalExport       *self,
                                                            guint                  index);
/* One VCALENDAR with every item, in the order they were added. */
GBytes          *bandi_ical_export_to_bytes                (BandiIcalExport       *self);
/* The same, written to @stream in pieces (the calendar is never whole in
 * memory); @stream is not closed. */
gboolean         bandi_ical_export_write                   (BandiIcalExport       *self,
                                                            GOutputStream         *stream,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
/* Written to a temporary file renamed into place when complete. */
gboolean         bandi_ical_export_write_file              (BandiIcalExport       *self,
                                                            GFile                 *file,
                                                            GCancellable          *cancellable,
                                                            GError               **error);

/* "<40 hex digits>@bandi.github.io" */
char            *bandi_ical_deadline_uid                   (const char            *source_id,
                                                            const char            *external_id,
                                                            guint                  stage);

G_END_DECLS
