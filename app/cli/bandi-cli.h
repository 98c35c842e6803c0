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

/* Parses a command's own options (@entries may be NULL), leaving its other
 * arguments in @argv. --help prints the command's help and exits. On a
 * usage error prints it and returns FALSE: the command then returns 2. */
gboolean    bandi_cli_parse_options     (const char          *command,
                                         const char          *parameters,
                                         const char          *summary,
                                         const GOptionEntry  *entries,
                                         int                 *argc,
                                         char              ***argv);

#define BANDI_CLI_COMMAND(name, summary) \
  int bandi_cli_##name (BandiCliContext *ctx, int argc, char **argv);
#include "bandi-cli-commands.h"
#undef BANDI_CLI_COMMAND

G_END_DECLS
