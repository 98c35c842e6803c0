/* bandi-lombardia-source.c — Regione Lombardia's calls (Bandi Online)
 *
 * As docs/sources.md describes them: the open-data dataset
 * bukx-h2uy through the SODA API, sequential pages of
 * BANDI_LOMBARDIA_PAGE_SIZE rows in a stable order until a short page;
 * then, for the calls kept, their pages on Bandi Online, at most
 * MAX_PAGE_READS at a time and only for calls that are new, whose row
 * changed since the last sync, or whose page was read longer ago than
 * :page-max-age (an extension may show on the page while the row stays the
 * same). A page that cannot be read leaves the dataset's date-only
 * deadline and a warning; one that cannot be read again leaves what it
 * said last time, and a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-lombardia"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bandi-lombardia-cache.h"
#include "bandi-lombardia-dataset.h"
#include "bandi-lombardia-page.h"
#include "bandi-lombardia-source.h"

#define SETTINGS_SCHEMA "io.github.bandi.Bandi.Lombardia"
#define MAX_PAGE_READS  4
#define DEFAULT_PAGE_MAX_AGE (24 * 60 * 60)

struct _BandiLombardiaSource
{
  BandiSource parent_instance;

  gboolean  research_only;
  char     *portal_base;
  guint     page_max_age;
};

G_DEFINE_FINAL_TYPE (BandiLombardiaSource, bandi_lombardia_source, BANDI_TYPE_SOURCE)

enum {
  PROP_0,
  PROP_RESEARCH_ONLY,
  PROP_PORTAL_BASE,
  PROP_PAGE_MAX_AGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One call kept from the dataset. */
typedef struct {
  BandiLombardiaRow *row;
  BandiCall         *call;
  char              *page_url;
  char              *fingerprint;
  gboolean           read_page;  /* new, changed or read too long ago */
  gboolean           refresh;    /* the last: what it said then stands if reading fails */
} Item;

typedef struct {
  char                *endpoint;
  char                *today;
  char                *portal_base;
  gboolean             research_only;
  guint                page_max_age;
  gint64               now_unix;
  guint                offset;
  guint                dataset_page;
  char                *last_page_codes;  /* checksum of the codes of the page before */
  SoupMessage         *msg;
  GPtrArray           *items;      /* Item */
  GHashTable          *seen;       /* codice, owned by items */
  BandiLombardiaCache *cache;
  guint                next_read;  /* index in items of the next call to consider */
  guint                in_flight;
  guint                to_read;
  guint                read;
} FetchData;

static void
item_free (Item *item)
{
  bandi_lombardia_row_free (item->row);
  g_clear_object (&item->call);
  g_free (item->page_url);
  g_free (item->fingerprint);
  g_free (item);
}

static void
fetch_data_free (FetchData *data)
{
  g_free (data->endpoint);
  g_free (data->today);
  g_free (data->portal_base);
  g_free (data->last_page_codes);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->seen, g_hash_table_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->cache, bandi_lombardia_cache_free);
  g_free (data);
}

/* The end */

static void
finish (GTask *task)
{
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Losing the cache costs page reads next time, nothing else. */
  if (!bandi_lombardia_cache_save (data->cache, &error))
    g_debug ("Could not save the page cache: %s", error->message);

  calls = g_ptr_array_new_full (data->items->len, g_object_unref);
  for (guint i = 0; i < data->items->len; i++)
    {
      Item *item = g_ptr_array_index (data->items, i);

      g_ptr_array_add (calls, g_steal_pointer (&item->call));
    }

  bandi_source_report_progress (BANDI_SOURCE (self), 1.0, NULL);
  g_task_return_pointer (task, g_steal_pointer (&calls), (GDestroyNotify) g_ptr_array_unref);
}

/* The pages on Bandi Online */

typedef struct {
  GTask       *task;
  Item        *item;
  SoupMessage *msg;
} PageRead;

static void read_more_pages (GTask *task);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(GTask) task = read->task;
  g_autoptr(SoupMessage) msg G_GNUC_UNUSED = read->msg;   /* released at the end */
  Item *item = read->item;
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  BandiLombardiaPage page;

  g_free (read);
  data->in_flight--;
  data->read++;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body != NULL)
    {
      gsize length;
      const char *html = g_bytes_get_data (body, &length);

      if (bandi_lombardia_parse_page (html, length, &page, &error))
        {
          bandi_lombardia_cache_store (data->cache, item->row->codice, item->fingerprint,
                                       data->now_unix, &page);
          bandi_lombardia_apply_dates (item->call, item->row, &page, data->now_unix);
        }
    }

  /* A page not read again keeps its cache entry as it was: it is tried
   * again next time, and what it said last time stands meanwhile. */
  if (error != NULL && item->refresh && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    bandi_source_add_warning (BANDI_SOURCE (self),
                              /* Translators: "The page of call RLO1… (https://…) could not be read again: HTTP 503…" */
                              _("The page of call %s (%s) could not be read again: %s; "
                                "its deadline is the one the page gave when last read"),
                              item->row->codice, item->page_url, error->message);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    bandi_source_add_warning (BANDI_SOURCE (self),
                              /* Translators: "The page of call RLO1… (https://…) could not be read: HTTP 404…" */
                              _("The page of call %s (%s) could not be read: %s; "
                                "its deadline is the dataset’s closing date, without a time"),
                              item->row->codice, item->page_url, error->message);

  progress = g_strdup_printf (_("Read %u of %u call pages"), data->read, data->to_read);
  bandi_source_report_progress (BANDI_SOURCE (self),
                                data->to_read > 0 ? (double) data->read / data->to_read : 1.0,
                                progress);

  read_more_pages (g_steal_pointer (&task));
}

/* Starts page reads up to MAX_PAGE_READS in flight; finishes @task (owned)
 * when every page is read. */
static void
read_more_pages (GTask *task)
{
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  SoupSession *session = bandi_source_get_session (BANDI_SOURCE (self));

  while (data->in_flight < MAX_PAGE_READS && data->next_read < data->items->len &&
         !g_cancellable_is_cancelled (cancellable))
    {
      Item *item = g_ptr_array_index (data->items, data->next_read++);
      SoupMessage *msg;
      PageRead *read;

      if (!item->read_page)
        continue;

      msg = soup_message_new (SOUP_METHOD_GET, item->page_url);
      if (msg == NULL)
        {
          bandi_source_add_warning (BANDI_SOURCE (self),
                                    _("The page address of call %s, “%s”, is not valid"),
                                    item->row->codice, item->page_url);
          data->read++;
          continue;
        }

      read = g_new0 (PageRead, 1);
      read->task = g_object_ref (task);
      read->item = item;
      read->msg = msg;
      soup_message_headers_replace (soup_message_get_request_headers (read->msg),
                                    "Accept", "text/html");
      data->in_flight++;
      bandi_http_send_async (session, read->msg, cancellable, page_cb, read);
    }

  if (data->in_flight == 0 &&
      (data->next_read >= data->items->len || g_cancellable_is_cancelled (cancellable)))
    finish (task);

  g_object_unref (task);
}

/* Every call gets its dataset dates; the ones whose page is known from the
 * last sync get that too. The pages not known, or known from too long ago,
 * are read. */
static void
start_page_reads (GTask *task)
{
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);

  for (guint i = 0; i < data->items->len; i++)
    {
      Item *item = g_ptr_array_index (data->items, i);
      BandiLombardiaPage page;
      BandiLombardiaCacheHit hit;

      hit = bandi_lombardia_cache_lookup (data->cache, item->row->codice, item->fingerprint,
                                          data->now_unix, data->page_max_age, &page);
      if (hit != BANDI_LOMBARDIA_CACHE_MISS)
        bandi_lombardia_cache_keep (data->cache, item->row->codice);

      item->read_page = hit != BANDI_LOMBARDIA_CACHE_FRESH;
      item->refresh = hit == BANDI_LOMBARDIA_CACHE_STALE;
      if (item->read_page)
        data->to_read++;
      bandi_lombardia_apply_dates (item->call, item->row,
                                   hit != BANDI_LOMBARDIA_CACHE_MISS ? &page : NULL,
                                   data->now_unix);
    }

  if (data->to_read > 0)
    bandi_source_report_progress (BANDI_SOURCE (self), 0.0,
                                  _("Reading the calls’ pages on Bandi Online"));

  read_more_pages (task);
}

/* The dataset */

static void fetch_dataset_page (GTask *task);

static void
add_rows (BandiLombardiaSource *self,
          FetchData            *data,
          GPtrArray            *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      BandiLombardiaRow *row = g_ptr_array_index (rows, i);
      Item *item;

      if (data->research_only && !bandi_lombardia_row_is_research (row))
        continue;

      /* A row that moved between two pages while they were read. */
      if (g_hash_table_contains (data->seen, row->codice))
        continue;

      item = g_new0 (Item, 1);
      item->row = g_steal_pointer (&rows->pdata[i]);
      item->page_url = bandi_lombardia_page_url (data->portal_base, item->row->codice);
      item->fingerprint = bandi_lombardia_row_fingerprint (item->row, item->page_url);
      item->call = bandi_lombardia_row_to_call (item->row, item->page_url);
      g_hash_table_add (data->seen, item->row->codice);
      g_ptr_array_add (data->items, item);
    }
}

/* The codes of a page's rows, in order, as one checksum */
static char *
checksum_codes (GPtrArray *rows)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < rows->len; i++)
    {
      const BandiLombardiaRow *row = g_ptr_array_index (rows, i);

      g_checksum_update (checksum, (const guchar *) row->codice, strlen (row->codice) + 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
dataset_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *codes = NULL;
  const char *text;
  gsize length;
  guint n_records = 0;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  text = g_bytes_get_data (body, &length);
  rows = bandi_lombardia_parse_rows (text, length, &n_records, skipped, &error);
  if (rows == NULL)
    {
      g_autofree char *described = bandi_http_describe_body (data->msg, body);

      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                               /* Translators: "…page 2 of the open-data register: not valid JSON (…) — HTTP 200, text/html, …" */
                               _("Regione Lombardia’s open-data portal did not send calls for page %u "
                                 "of the register: %s — %s"),
                               data->dataset_page, error->message, described);
      return;
    }

  for (guint i = 0; i < skipped->len; i++)
    bandi_source_add_warning (BANDI_SOURCE (self), "%s", (const char *) g_ptr_array_index (skipped, i));
  bandi_source_count_records (BANDI_SOURCE (self), n_records, MIN (skipped->len, n_records));

  /* A server that ignores $offset sends the same rows for every page:
   * there is no telling what the pages not sent hold. */
  codes = checksum_codes (rows);
  if (rows->len > 0 && g_strcmp0 (codes, data->last_page_codes) == 0)
    {
      bandi_source_set_incomplete (BANDI_SOURCE (self),
                                   _("Page %u of the register of regional calls repeats the page "
                                     "before; reading stopped there, and the calls it may have "
                                     "left out are kept as they were"),
                                   data->dataset_page);
      start_page_reads (g_steal_pointer (&task));
      return;
    }
  g_free (data->last_page_codes);
  data->last_page_codes = g_steal_pointer (&codes);

  add_rows (self, data, rows);
  if (!bandi_source_check_n_calls (BANDI_SOURCE (self), data->items->len, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  progress = g_strdup_printf (_("Read page %u of the register of regional calls"), data->dataset_page);
  bandi_source_report_progress (BANDI_SOURCE (self), -1.0, progress);

  if (n_records < BANDI_LOMBARDIA_PAGE_SIZE)
    {
      start_page_reads (g_steal_pointer (&task));
      return;
    }

  data->offset += n_records;
  data->dataset_page++;
  fetch_dataset_page (g_steal_pointer (&task));
}

static void
fetch_dataset_page (GTask *task)
{
  BandiLombardiaSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (!bandi_source_count_page (BANDI_SOURCE (self), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  uri = bandi_lombardia_query_uri (data->endpoint, data->today, data->offset, &error);
  g_clear_object (&data->msg);
  if (uri != NULL)
    data->msg = soup_message_new (SOUP_METHOD_GET, uri);
  if (data->msg == NULL)
    {
      if (error == NULL)
        g_set_error (&error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                     _("The endpoint “%s” is not a valid address"), data->endpoint);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (data->msg),
                                "Accept", "application/json");
  bandi_http_send_async (bandi_source_get_session (BANDI_SOURCE (self)), data->msg,
                         g_task_get_cancellable (task), dataset_cb, task);
}

static void
bandi_lombardia_source_fetch_async (BandiSource         *source,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  BandiLombardiaSource *self = BANDI_LOMBARDIA_SOURCE (source);
  g_autofree char *cache_path = bandi_lombardia_cache_default_path ();
  GTask *task;
  FetchData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_lombardia_source_fetch_async);

  data = g_new0 (FetchData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  data->endpoint = g_strdup (bandi_source_get_endpoint (source));
  data->today = bandi_lombardia_today ();
  data->portal_base = g_strdup (bandi_lombardia_source_get_portal_base (self));
  data->research_only = self->research_only;
  data->page_max_age = self->page_max_age;
  data->now_unix = g_get_real_time () / G_USEC_PER_SEC;
  data->dataset_page = 1;
  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  data->seen = g_hash_table_new (g_str_hash, g_str_equal);
  data->cache = bandi_lombardia_cache_load (cache_path);

  bandi_source_report_progress (source, -1.0, _("Asking Regione Lombardia’s open-data portal"));
  fetch_dataset_page (task);
}

static GPtrArray *
bandi_lombardia_source_fetch_finish (BandiSource   *source,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

gboolean
bandi_lombardia_source_get_research_only (BandiLombardiaSource *self)
{
  g_return_val_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self), FALSE);

  return self->research_only;
}

void
bandi_lombardia_source_set_research_only (BandiLombardiaSource *self,
                                          gboolean              research_only)
{
  g_return_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self));

  research_only = !!research_only;
  if (self->research_only == research_only)
    return;

  self->research_only = research_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESEARCH_ONLY]);
}

const char *
bandi_lombardia_source_get_portal_base (BandiLombardiaSource *self)
{
  g_return_val_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self), NULL);

  return self->portal_base != NULL ? self->portal_base : BANDI_LOMBARDIA_DEFAULT_PORTAL;
}

void
bandi_lombardia_source_set_portal_base (BandiLombardiaSource *self,
                                        const char           *portal_base)
{
  g_return_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self));

  if (portal_base != NULL && *portal_base == '\0')
    portal_base = NULL;
  if (g_strcmp0 (self->portal_base, portal_base) == 0)
    return;

  g_free (self->portal_base);
  self->portal_base = g_strdup (portal_base);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTAL_BASE]);
}

guint
bandi_lombardia_source_get_page_max_age (BandiLombardiaSource *self)
{
  g_return_val_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self), 0);

  return self->page_max_age;
}

void
bandi_lombardia_source_set_page_max_age (BandiLombardiaSource *self,
                                         guint                 page_max_age)
{
  g_return_if_fail (BANDI_IS_LOMBARDIA_SOURCE (self));

  if (self->page_max_age == page_max_age)
    return;

  self->page_max_age = page_max_age;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_MAX_AGE]);
}

static void
bandi_lombardia_source_finalize (GObject *object)
{
  BandiLombardiaSource *self = BANDI_LOMBARDIA_SOURCE (object);

  g_free (self->portal_base);

  G_OBJECT_CLASS (bandi_lombardia_source_parent_class)->finalize (object);
}

static void
bandi_lombardia_source_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BandiLombardiaSource *self = BANDI_LOMBARDIA_SOURCE (object);

  switch (prop_id)
    {
    case PROP_RESEARCH_ONLY:
      g_value_set_boolean (value, self->research_only);
      break;
    case PROP_PORTAL_BASE:
      g_value_set_string (value, self->portal_base != NULL ? self->portal_base : "");
      break;
    case PROP_PAGE_MAX_AGE:
      g_value_set_uint (value, self->page_max_age);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_lombardia_source_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BandiLombardiaSource *self = BANDI_LOMBARDIA_SOURCE (object);

  switch (prop_id)
    {
    case PROP_RESEARCH_ONLY:
      bandi_lombardia_source_set_research_only (self, g_value_get_boolean (value));
      break;
    case PROP_PORTAL_BASE:
      bandi_lombardia_source_set_portal_base (self, g_value_get_string (value));
      break;
    case PROP_PAGE_MAX_AGE:
      bandi_lombardia_source_set_page_max_age (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_lombardia_source_class_init (BandiLombardiaSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  object_class->finalize = bandi_lombardia_source_finalize;
  object_class->get_property = bandi_lombardia_source_get_property;
  object_class->set_property = bandi_lombardia_source_set_property;

  source_class->fetch_async = bandi_lombardia_source_fetch_async;
  source_class->fetch_finish = bandi_lombardia_source_fetch_finish;

  /**
   * BandiLombardiaSource:research-only:
   *
   * Whether to keep only research-and-innovation calls
   * (bandi_lombardia_row_is_research()). Bound to the key of the same name
   * of io.github.bandi.Bandi.Lombardia.
   */
  properties[PROP_RESEARCH_ONLY] =
    g_param_spec_boolean ("research-only", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BandiLombardiaSource:portal-base:
   *
   * The origin of the Bandi Online portal where each call's page is; ""
   * for the default. Bound to the key of the same name.
   */
  properties[PROP_PORTAL_BASE] =
    g_param_spec_string ("portal-base", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BandiLombardiaSource:page-max-age:
   *
   * How old, in seconds, what a call's page said may be before the page is
   * read again although the call's dataset row did not change: a proroga
   * can show on the page alone. 0 reads every page at every sync.
   */
  properties[PROP_PAGE_MAX_AGE] =
    g_param_spec_uint ("page-max-age", NULL, NULL, 0, G_MAXUINT, DEFAULT_PAGE_MAX_AGE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_lombardia_source_init (BandiLombardiaSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self),
                         "lombardia",
                         _("Regione Lombardia — Bandi (Call Hub, Collabora&Innova…)"),
                         _("Open and forthcoming calls of Regione Lombardia, from the open-data "
                           "register of Bandi Online, with the exact closing time from each "
                           "call’s page"),
                         "mark-location-symbolic",
                         BANDI_LOMBARDIA_DEFAULT_ENDPOINT);
  bandi_source_set_settings_schema (BANDI_SOURCE (self), SETTINGS_SCHEMA);
  /* The register holds every call published on Bandi Online since 2015,
   * about 1,900 rows in 2026 (two pages): 20 pages, or 5,000 calls (each
   * read on its own page), are ten and more than twice that. */
  bandi_source_set_limits (BANDI_SOURCE (self), 20, 5000);

  self->research_only = TRUE;
  self->page_max_age = DEFAULT_PAGE_MAX_AGE;
}

BANDI_DEFINE_SOURCE_PLUGIN (bandi_lombardia_source_get_type)
