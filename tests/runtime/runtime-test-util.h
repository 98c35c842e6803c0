/* runtime-test-util.h — helpers shared by the loader, sync and CLI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-plugin-loader.h"
#include "bandi-store.h"
#include "bandi-sync.h"
#include "source-test-util.h"

G_BEGIN_DECLS

/* Points BANDI_PLUGIN_PATH at the test plugins only and adds their schema
 * to GSETTINGS_SCHEMA_DIR. Call before g_test_run(). */
void        rt_setup_environment   (void);

/* The calls of @source_id that are not withdrawn, in the store's order. */
GListModel *rt_list_calls          (BandiStore    *store,
                                    const char    *source_id);

G_END_DECLS

G_BEGIN_DECLS

/* What the test server at RtServer::url answers. */
typedef enum {
  RT_SERVE_FIXTURE,   /* the file RtServer::fixture from fixtures/, as JSON */
  RT_SERVE_STALL,     /* nothing, ever */
  RT_SERVE_ERROR,     /* HTTP 500 */
  RT_SERVE_HUGE,      /* RT_HUGE_SIZE bytes */
  RT_SERVE_HTML,      /* a maintenance page instead of JSON */
} RtServeMode;

#define RT_HUGE_SIZE (2 * 1024 * 1024)

typedef struct {
  SoupServer  *server;
  char        *url;       /* http://127.0.0.1:PORT/calls.json */
  RtServeMode  mode;
  const char  *fixture;
  guint        hits;
  GPtrArray   *paused;
} RtServer;

RtServer *rt_server_new  (void);
void      rt_server_free (RtServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RtServer, rt_server_free)

G_END_DECLS
