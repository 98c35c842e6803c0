/* bandi-store-pages.c — the web pages the user watches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-store-private.h"

void
bandi_watched_page_free (BandiWatchedPage *page)
{
  if (page == NULL)
    return;

  g_free (page->name);
  g_free (page->url);
  g_free (page->status);
  g_free (page->error);
  g_free (page->text);
  g_strfreev (page->added);
  g_free (page);
}

gboolean
bandi_store_add_watched_page (BandiStore  *self,
                              const char  *name,
                              const char  *url,
                              gint64       now,
                              GError     **error)
{
  static const char sql[] =
    "INSERT INTO watched_pages (name, url, added_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (name) DO NOTHING";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && url != NULL, FALSE);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, url, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!bandi_store_step_done (self, stmt, "Adding a watched page", error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_CONSTRAINT,
                   _("A watched page is already named “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
bandi_store_remove_watched_page (BandiStore  *self,
                                 const char  *name,
                                 GError     **error)
{
  static const char sql[] = "DELETE FROM watched_pages WHERE name = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!bandi_store_step_done (self, stmt, "Removing a watched page", error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND,
                   _("No watched page is named “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
bandi_store_list_watched_pages (BandiStore  *self,
                                GError     **error)
{
  static const char sql[] =
    "SELECT name, url, added_at, last_checked, last_changed, status, error, text, added"
    " FROM watched_pages ORDER BY name";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  int rc;

  g_return_val_if_fail (BANDI_IS_STORE (self), NULL);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_watched_page_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BandiWatchedPage *page = g_new0 (BandiWatchedPage, 1);

      page->name = g_strdup (bandi_store_column_text (stmt, 0));
      page->url = g_strdup (bandi_store_column_text (stmt, 1));
      page->added_at = sqlite3_column_int64 (stmt, 2);
      page->last_checked = sqlite3_column_int64 (stmt, 3);
      page->last_changed = sqlite3_column_int64 (stmt, 4);
      page->status = g_strdup (bandi_store_column_text (stmt, 5));
      page->error = g_strdup (bandi_store_column_text (stmt, 6));
      page->text = g_strdup (bandi_store_column_text (stmt, 7));
      page->added = bandi_store_split_strv (bandi_store_column_text (stmt, 8));
      g_ptr_array_add (pages, page);
    }

  if (rc != SQLITE_DONE)
    {
      bandi_store_fail (self, rc, "Reading the watched pages", error);
      return NULL;
    }

  return g_steal_pointer (&pages);
}

gboolean
bandi_store_update_watched_page (BandiStore              *self,
                                 const BandiWatchedPage  *page,
                                 GError                 **error)
{
  static const char sql[] =
    "UPDATE watched_pages SET last_checked = ?2, last_changed = ?3, status = ?4,"
    "  error = ?5, text = ?6, added = ?7"
    " WHERE name = ?1";
  g_autoptr(BandiCachedStmt) stmt = NULL;
  g_autofree char *added = NULL;

  g_return_val_if_fail (BANDI_IS_STORE (self), FALSE);
  g_return_val_if_fail (page != NULL && page->name != NULL && page->status != NULL, FALSE);

  stmt = bandi_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  added = bandi_store_join_strv ((const char * const *) page->added);
  sqlite3_bind_text (stmt, 1, page->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, page->last_checked);
  sqlite3_bind_int64 (stmt, 3, page->last_changed);
  sqlite3_bind_text (stmt, 4, page->status, -1, SQLITE_STATIC);
  bandi_store_bind_text (stmt, 5, page->error);
  bandi_store_bind_text (stmt, 6, page->text);
  bandi_store_bind_text (stmt, 7, added);

  return bandi_store_step_done (self, stmt, "Saving a watched page", error);
}
