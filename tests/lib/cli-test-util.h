/* cli-test-util.h — running bandi-cli from a test, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs the bandi-cli at @cli with @args (NULL-terminated) in the test's
 * private XDG directories, in C.UTF-8 with no LANGUAGE, in time zone @tz
 * and with GSETTINGS_BACKEND @settings_backend (NULL: inherited). The
 * default main context is iterated meanwhile, so that a server in this
 * process keeps answering; a minute at most. What bandi-cli printed
 * replaces *@out and *@err (freed first). Returns its exit status; killed
 * by a signal, the test fails with what it said. */
int cli_test_run (const char         *cli,
                  const char         *tz,
                  const char         *settings_backend,
                  const char * const *args,
                  char              **out,
                  char              **err);

G_END_DECLS
