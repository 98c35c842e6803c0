/* bandi-cli.h — shared state of bandi-cli's commands
 *
 * Each command lives in its own file, bandi-cli-NAME.c, as
 *   int bandi_cli_NAME (BandiCliContext *ctx, int argc, char **argv);
 * where argv[0] is the command name, and is listed in bandi-cli-commands.h.
 * It returns the exit status: 0 on success, 1 when the work failed (e.g. a
 * source failed to sync), 2 on a usage error. Errors go to stderr, results
 * to stdout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bandi-ical-export.h"
#include "bandi-plugin-loader.h"
#include "bandi-store.h"

G_BEGIN_DECLS

typedef struct {
  BandiPluginLoader *loader;     /* plugins found, settings bound */
  GHashTable        *endpoints;  /* source id → URI from --endpoint */
  char              *db_path;    /* --database, else the default path */
  BandiStore        *store;      /* opened on first bandi_cli_context_get_store() */
} BandiCliContext;

/* Opens the store on first use; prints the error and returns NULL on failure. */
BandiStore *bandi_cli_context_get_store (BandiCliContext *ctx);

/* Prints "bandi-cli: MESSAGE" to stderr. */
void        bandi_cli_error             (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);

/* Adds the member @name to @builder's object: @value, or null. */
void        bandi_cli_json_add_string   (JsonBuilder *builder,
                                         const char  *name,
                                         const char  *value);
/* Prints what @builder built as indented JSON and a newline, UTF-8 as is
 * whatever the locale (g_print() would convert it). */
void        bandi_cli_print_json        (JsonBuilder *builder);

/* Parses a command's own options (@entries may be NULL), leaving its other
 * arguments in @argv. --help prints the command's help and exits. On a
 * usage error prints it and returns FALSE: the command then returns 2. */
gboolean    bandi_cli_parse_options     (const char          *command,
                                         const char          *parameters,
                                         const char          *summary,
                                         const GOptionEntry  *entries,
                                         int                 *argc,
                                         char              ***argv);

/* What export and publish take from the store (bandi-cli-export.c): their
 * entries include BANDI_CLI_SCOPE_ENTRIES (&scope). */
typedef struct {
  char     *cluster;
  char     *source;
  char     *status;
  gboolean  with_proposals;
  gboolean  include_closed;
} BandiCliScope;

#define BANDI_CLI_SCOPE_ENTRIES(scope) \
  { "cluster", 0, 0, G_OPTION_ARG_STRING, &(scope)->cluster, \
    N_("Only the calls suggested for or starred by the cluster ACRONYM"), N_("ACRONYM") }, \
  { "source", 0, 0, G_OPTION_ARG_STRING, &(scope)->source, \
    N_("Only the calls of source ID"), N_("ID") }, \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(scope)->status, \
    N_("Only the calls with STATUS: open, forthcoming or closed"), N_("STATUS") }, \
  { "with-proposals", 0, 0, G_OPTION_ARG_NONE, &(scope)->with_proposals, \
    N_("Add the proposals’ deadlines and milestones (the cluster’s, or all)"), NULL }, \
  { "include-closed", 0, 0, G_OPTION_ARG_NONE, &(scope)->include_closed, \
    N_("Add the closed calls, whose every deadline is past (publish keeps their events anyway)"), NULL }

void        bandi_cli_scope_clear       (BandiCliScope   *scope);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BandiCliScope, bandi_cli_scope_clear)
/* The export of @scope with the user's reminders and milestone setting;
 * NULL after printing the error, with *status_out the exit status. */
BandiIcalExport *bandi_cli_scope_export (BandiCliContext *ctx,
                                         const char      *command,
                                         BandiCliScope   *scope,
                                         int             *status_out);

/* A deadline as `list --json` gives it (bandi-cli-list.c) */
void        bandi_cli_json_add_deadline (JsonBuilder     *builder,
                                         BandiDeadline   *deadline);

#define BANDI_CLI_COMMAND(name, summary) \
  int bandi_cli_##name (BandiCliContext *ctx, int argc, char **argv);
#include "bandi-cli-commands.h"
#undef BANDI_CLI_COMMAND

G_END_DECLS
