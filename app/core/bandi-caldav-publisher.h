/* bandi-caldav-publisher.h — publishing an export to a CalDAV calendar (RFC 4791)
 *
 * Each item of a BandiIcalExport becomes its own resource, <uid>.ics, in
 * the calendar collection: created with If-None-Match: *, replaced with
 * If-Match and the ETag the server gave. Resources this machine published
 * that the export no longer holds are deleted, except those the export
 * keeps (the events of calls that closed: bandi_ical_export_keep_call());
 * resources others put in the calendar are never touched. What was published (resource → ETag and a
 * hash of its content) is remembered in the store, per calendar URL, so
 * that publishing again with nothing changed writes nothing.
 *
 * Requests go through bandi_http_send_async(): HTTPS outside loopback,
 * timeouts, retries. The password is given by the caller, who reads it
 * from the keyring with bandi-caldav-secret.h; it is never logged, and it
 * is sent only to the origin (scheme, host, port) of the calendar's
 * address: a redirect to another origin fails the request
 * (bandi_http_message_set_credentials()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "bandi-ical-export.h"
#include "bandi-store.h"

G_BEGIN_DECLS

#define BANDI_CALDAV_ERROR (bandi_caldav_error_quark ())

typedef enum {
  BANDI_CALDAV_ERROR_AUTH,          /* 401 or 403: user name or password refused */
  BANDI_CALDAV_ERROR_UNREACHABLE,   /* no connection, or no answer in time */
  BANDI_CALDAV_ERROR_NOT_CALENDAR,  /* nothing at the URL, or not a calendar */
  BANDI_CALDAV_ERROR_INVALID_URL,
  BANDI_CALDAV_ERROR_FAILED,        /* the server answered something else */
} BandiCaldavError;

GQuark bandi_caldav_error_quark (void);

typedef struct {
  char *resource;  /* "<uid>.ics" */
  char *summary;   /* the item's title; NULL for a deletion */
  char *message;
} BandiCaldavFailure;

/* What one publication did (or, dry, would do). A failure of one item does
 * not stop the others; it is listed in @failures and tried again next
 * time. */
typedef struct {
  gboolean   dry_run;
  guint      n_created;
  guint      n_updated;
  guint      n_deleted;
  guint      n_unchanged;
  GPtrArray *failures;   /* BandiCaldavFailure */
} BandiCaldavReport;

void bandi_caldav_report_free (BandiCaldavReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BandiCaldavReport, bandi_caldav_report_free)

#define BANDI_TYPE_CALDAV_PUBLISHER (bandi_caldav_publisher_get_type ())
G_DECLARE_FINAL_TYPE (BandiCaldavPublisher, bandi_caldav_publisher, BANDI, CALDAV_PUBLISHER, GObject)

/* @url: the calendar collection; @user and @password may be NULL for a
 * server without authentication. */
BandiCaldavPublisher *bandi_caldav_publisher_new           (BandiStore            *store,
                                                            const char            *url,
                                                            const char            *user,
                                                            const char            *password);
const char           *bandi_caldav_publisher_get_url       (BandiCaldavPublisher  *self);
const char           *bandi_caldav_publisher_get_user      (BandiCaldavPublisher  *self);
/* The session requests go through (tests shorten its limits). */
SoupSession          *bandi_caldav_publisher_get_session   (BandiCaldavPublisher  *self);

/* Publishes every item of @export; with @dry_run, only reads the calendar
 * and reports what publishing would write. Errors are for the calendar as
 * a whole (unreachable, refused, not a calendar); items that fail are in
 * the report. */
void                  bandi_caldav_publisher_publish_async  (BandiCaldavPublisher *self,
                                                             BandiIcalExport      *export,
                                                             gboolean              dry_run,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
BandiCaldavReport    *bandi_caldav_publisher_publish_finish (BandiCaldavPublisher *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
