/* bandi-page-watch.c — checks the watched pages for changes
 *
 * Next to the sync, not inside it: the CLI and the app run it after a
 * sync, with the sync's HTTP session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-http.h"
#include "bandi-page-text.h"
#include "bandi-page-watch.h"
#include "bandi-source.h"

struct _BandiPageWatch
{
  GObject      parent_instance;

  BandiStore  *store;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (BandiPageWatch, bandi_page_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GPtrArray   *pages;   /* of BandiWatchedPage */
  guint        next;
  SoupMessage *msg;
} Check;

static void
check_free (Check *check)
{
  g_clear_pointer (&check->pages, g_ptr_array_unref);
  g_clear_object (&check->msg);
  g_free (check);
}

static void check_next (GTask *task);

/* What reading @page gave: @body, or @error. */
static void
record (BandiWatchedPage *page,
        GBytes           *body,
        const GError     *error,
        gint64            now)
{
  g_autofree char *text = NULL;
  gsize len;
  const char *data;

  page->last_checked = now;
  g_clear_pointer (&page->error, g_free);
  g_clear_pointer (&page->added, g_strfreev);
  g_free (page->status);

  if (body == NULL)
    {
      page->status = g_strdup ("failed");
      page->error = g_strdup (error->message);
      return;
    }

  data = g_bytes_get_data (body, &len);
  text = bandi_page_text_readable (data, len);

  if (page->text == NULL)
    page->status = g_strdup ("recorded");
  else if (g_strcmp0 (page->text, text) == 0)
    page->status = g_strdup ("unchanged");
  else
    {
      page->status = g_strdup ("changed");
      page->last_changed = now;
      page->added = bandi_page_text_added (page->text, text);
    }

  g_free (page->text);
  page->text = g_steal_pointer (&text);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BandiPageWatch *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);
  BandiWatchedPage *page = g_ptr_array_index (check->pages, check->next);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  GError *store_error = NULL;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  record (page, body, error, g_get_real_time () / G_USEC_PER_SEC);
  if (!bandi_store_update_watched_page (self->store, page, &store_error))
    {
      g_task_return_error (task, store_error);
      return;
    }

  check->next++;
  check_next (g_steal_pointer (&task));
}

static void
check_next (GTask *task)
{
  BandiPageWatch *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);

  g_clear_object (&check->msg);

  while (check->next < check->pages->len)
    {
      BandiWatchedPage *page = g_ptr_array_index (check->pages, check->next);
      GError *store_error = NULL;

      check->msg = soup_message_new (SOUP_METHOD_GET, page->url);
      if (check->msg != NULL)
        {
          bandi_http_send_async (self->session, check->msg, g_task_get_cancellable (task),
                                 send_cb, task);
          return;
        }

      {
        g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                               _("“%s” is not a web address"), page->url);

        record (page, NULL, error, g_get_real_time () / G_USEC_PER_SEC);
      }
      if (!bandi_store_update_watched_page (self->store, page, &store_error))
        {
          g_task_return_error (task, store_error);
          g_object_unref (task);
          return;
        }
      check->next++;
    }

  g_task_return_pointer (task, g_ptr_array_ref (check->pages), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

GPtrArray *
bandi_page_watch_adopt (BandiPageWatch  *self,
                        GPtrArray       *sources,
                        GError         **error)
{
  g_autoptr(GPtrArray) watched = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) bandi_watched_page_free);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);  /* names and addresses */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (BANDI_IS_PAGE_WATCH (self), NULL);

  watched = bandi_store_list_watched_pages (self->store, error);
  if (watched == NULL)
    return NULL;
  for (guint k = 0; k < watched->len; k++)
    {
      BandiWatchedPage *other = g_ptr_array_index (watched, k);

      g_hash_table_add (known, other->name);
      g_hash_table_add (known, other->url);
    }

  for (guint i = 0; i < sources->len; i++)
    {
      g_auto(GStrv) pages = bandi_source_dup_pages_to_watch (g_ptr_array_index (sources, i));

      for (guint j = 0; pages[j] != NULL && pages[j + 1] != NULL; j += 2)
        {
          BandiWatchedPage *page;

          if (g_hash_table_contains (known, pages[j]) || g_hash_table_contains (known, pages[j + 1]))
            continue;
          if (!bandi_store_add_watched_page (self->store, pages[j], pages[j + 1], now, error))
            return NULL;

          page = g_new0 (BandiWatchedPage, 1);
          page->name = g_strdup (pages[j]);
          page->url = g_strdup (pages[j + 1]);
          page->added_at = now;
          page->status = g_strdup ("new");
          g_ptr_array_add (added, page);
          g_hash_table_add (known, page->name);
          g_hash_table_add (known, page->url);
        }
    }

  return g_steal_pointer (&added);
}

void
bandi_page_watch_check_async (BandiPageWatch      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Check *check;
  GError *error = NULL;

  g_return_if_fail (BANDI_IS_PAGE_WATCH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_page_watch_check_async);

  check = g_new0 (Check, 1);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  check->pages = bandi_store_list_watched_pages (self->store, &error);
  if (check->pages == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The task's reference goes from request to request. */
  check_next (task);
}

GPtrArray *
bandi_page_watch_check_finish (BandiPageWatch  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bandi_page_watch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BandiPageWatch *self = BANDI_PAGE_WATCH (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_page_watch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BandiPageWatch *self = BANDI_PAGE_WATCH (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_page_watch_constructed (GObject *object)
{
  BandiPageWatch *self = BANDI_PAGE_WATCH (object);

  G_OBJECT_CLASS (bandi_page_watch_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = bandi_http_session_new ();
}

static void
bandi_page_watch_dispose (GObject *object)
{
  BandiPageWatch *self = BANDI_PAGE_WATCH (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (bandi_page_watch_parent_class)->dispose (object);
}

static void
bandi_page_watch_class_init (BandiPageWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bandi_page_watch_constructed;
  object_class->dispose = bandi_page_watch_dispose;
  object_class->get_property = bandi_page_watch_get_property;
  object_class->set_property = bandi_page_watch_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BANDI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_page_watch_init (BandiPageWatch *self)
{
}

BandiPageWatch *
bandi_page_watch_new (BandiStore  *store,
                      SoupSession *session)
{
  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  return g_object_new (BANDI_TYPE_PAGE_WATCH, "store", store, "session", session, NULL);
}
