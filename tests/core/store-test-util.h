/* store-test-util.h — small helpers shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bandi-store.h"
#include "source-test-util.h"
#include "store-fixtures.h"

G_BEGIN_DECLS

/* A call of @source with only an identifier, a title and @deadline
 * (nullable). */
BandiCall  *test_simple_call   (const char    *source,
                                const char    *external_id,
                                const char    *title,
                                BandiDeadline *deadline);
/* A deadline @days from now, at the current time of day, in Brussels. */
BandiDeadline *test_deadline_in_days (guint stage,
                                      int   days);
/* Runs @sql on its own connection to @path; returns the first column of
 * the first row as an integer (0 if no row). */
gint64      test_sql_int       (const char    *path,
                                const char    *sql);
/* Same, for the text of the first column; NULL if no row. */
char       *test_sql_text      (const char    *path,
                                const char    *sql);
/* The external ids of a model of calls, in order, joined with spaces. */
char       *test_call_ids      (GListModel    *model);

G_END_DECLS
