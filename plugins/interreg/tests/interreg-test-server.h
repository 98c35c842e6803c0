/* interreg-test-server.h — a stand-in for the Interreg programme sites
 *
 * A SoupServer on 127.0.0.1 that answers each path with a fixture file
 * from tests/data, or the file at an absolute path (or an HTTP 500), and
 * counts the requests per path.
 * The presets' paths start routed to their good fixtures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The path of each preset's URL, as the server sees it. */
#define PATH_ITALIA_SVIZZERA "/wps/portal/site/interreg-italia-svizzera/avvisi/aperti"
#define PATH_ALPINE_SPACE    "/for-applicants/how-to-apply/"
#define PATH_CENTRAL_EUROPE  "/calls-for-proposals/"
#define PATH_EURO_MED        "/en/get-involved/"
#define PATH_INTERREG_EUROPE "/next-call-for-projects"
#define PATH_ITALIA_AUSTRIA  "/it/calendario-bandi.csv"

/* Routes' files that make the server answer HTTP 500, or 403 (what
 * Interreg Europe answers automated readers). */
#define FAIL_500 "HTTP 500"
#define FAIL_403 "HTTP 403"

typedef struct {
  SoupServer *server;
  char       *base;     /* http://127.0.0.1:PORT */
  GHashTable *routes;   /* path → fixture file, or FAIL_500 */
  GHashTable *hits;     /* path → number of requests */
} ItServer;

ItServer *it_server_new   (void);
void      it_server_free  (ItServer   *server);
void      it_server_route (ItServer   *server,
                           const char *path,
                           const char *file);
guint     it_server_hits  (ItServer   *server,
                           const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItServer, it_server_free)

G_END_DECLS
