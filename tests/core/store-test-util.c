/* store-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test-util.h"

BandiCall *
test_simple_call (const char    *source,
                  const char    *external_id,
                  const char    *title,
                  BandiDeadline *deadline)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, source);
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_title (call, title);
  if (deadline != NULL)
    bandi_call_add_deadline (call, deadline);

  return call;
}

BandiDeadline *
test_deadline_in_days (guint stage,
                       int   days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return bandi_deadline_new_timed (stage, NULL, then, "Europe/Brussels");
}

static sqlite3_stmt *
run (sqlite3    *db,
     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  stmt = run (db, sql);
  if (sqlite3_data_count (stmt) > 0)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  stmt = run (db, sql);
  if (sqlite3_data_count (stmt) > 0)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
test_call_ids (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, bandi_call_get_external_id (call));
    }

  ids = g_strv_builder_end (builder);
  return g_strjoinv (" ", ids);
}
