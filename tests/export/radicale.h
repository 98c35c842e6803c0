/* radicale.h — a real CalDAV server (Debian's radicale) for the tests
 *
 * Started on 127.0.0.1 on a free port with its storage in @dir; with a
 * user, Basic authentication against a plain htpasswd file. The program
 * comes from BANDI_TEST_RADICALE, set by meson.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  GPid   pid;
  guint  port;
  char  *base_url;  /* "http://127.0.0.1:PORT/" */
} Radicale;

/* @user and @password NULL: no authentication. */
Radicale *radicale_start          (const char *dir,
                                   const char *user,
                                   const char *password);
void      radicale_stop           (Radicale   *radicale);

/* A port nothing listens on (for an unreachable server). */
guint     radicale_free_port      (void);

/* Creates the calendar collection @path ("bandi/deadlines/") and its
 * parent; returns its URL. */
char     *radicale_make_calendar  (Radicale   *radicale,
                                   const char *path,
                                   const char *user,
                                   const char *password);

/* Sends @method to @url with @body (may be NULL); returns the status. */
guint     radicale_request        (const char *method,
                                   const char *url,
                                   const char *user,
                                   const char *password,
                                   const char *content_type,
                                   const char *body);

/* What python3-caldav reads back from the calendar at @url: its "items"
 * (uid, summary, sequence, start {unix|date}) as a JSON object. */
JsonObject *radicale_read_back    (const char *url,
                                   const char *user,
                                   const char *password);

G_END_DECLS
