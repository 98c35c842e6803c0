/* bandi-cli-commands.h — the commands of bandi-cli, one line each
 *
 * This file is included with BANDI_CLI_COMMAND (name, summary) defined:
 * bandi-cli.h turns each line into the prototype of bandi_cli_NAME(),
 * bandi-cli.c into an entry of its dispatch table. To add a command, add
 * its line here (in the order of `bandi-cli --help`) and its file
 * bandi-cli-NAME.c to meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
BANDI_CLI_COMMAND (sources, N_("List the source plugins found, loaded or refused, and why"))
BANDI_CLI_COMMAND (sync,    N_("Fetch the enabled sources, or those named, into the database"))
BANDI_CLI_COMMAND (list,    N_("List the stored calls’ deadlines in order"))
BANDI_CLI_COMMAND (calls,   N_("Add, edit or delete a call of a funder no source reads"))
BANDI_CLI_COMMAND (export,  N_("Write the deadlines to an iCalendar file"))
BANDI_CLI_COMMAND (publish, N_("Publish the deadlines to a CalDAV calendar"))
BANDI_CLI_COMMAND (digest,  N_("Print a cluster’s digest for its members’ newsletter"))
BANDI_CLI_COMMAND (figures, N_("Print each cluster’s proposals in figures"))
BANDI_CLI_COMMAND (interreg, N_("List, follow or add Interreg programmes"))
BANDI_CLI_COMMAND (watch,   N_("Add, list or remove web pages watched for changes"))
BANDI_CLI_COMMAND (proposals, N_("Add, list, change or delete the clusters’ proposals"))
