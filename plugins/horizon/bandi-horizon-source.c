/* bandi-horizon-source.c
 *
 * Forthcoming and open grant topics from the search API of the EU Funding &
 * Tenders Portal, as docs/sources.md describes it: POST,
 * multipart/form-data with JSON parts, sorted by identifier, sequential
 * pages of 100 within the API's window of 10,000 results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-horizon"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bandi-horizon-pages.h"
#include "bandi-horizon-source.h"

#define DEFAULT_ENDPOINT "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
#define SETTINGS_SCHEMA  "io.github.bandi.Bandi.Horizon"
#define HORIZON_EUROPE   "43108390"

struct _BandiHorizonSource
{
  BandiSource parent_instance;

  char **programmes;
};

G_DEFINE_FINAL_TYPE (BandiHorizonSource, bandi_horizon_source, BANDI_TYPE_SOURCE)

enum {
  PROP_0,
  PROP_PROGRAMMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GUri                  *endpoint;
  GBytes                *body;
  char                  *content_type;
  BandiHorizonPages     *pages;     /* NULL while a page is being read */
  SoupMessage           *msg;
  guint                  page;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_pointer (&data->endpoint, g_uri_unref);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data->content_type);
  g_clear_pointer (&data->pages, bandi_horizon_pages_free);
  g_clear_object (&data->msg);
  g_free (data);
}

/* One page read on a worker thread, so that the fetch's main context (the
 * application's, in the GUI) goes on meanwhile. The pages are handed over
 * to the worker with the page and handed back once it is done; if the
 * fetch is cancelled meanwhile, they stay here and go with the read. Only
 * plain data: it may be freed on the worker. */
typedef struct {
  BandiHorizonPages     *pages;
  GBytes                *body;
  GPtrArray             *warnings;
  gboolean               done;
  guint                  failed;    /* the page that is not search results */
} PageRead;

static void
page_read_free (PageRead *read)
{
  g_clear_pointer (&read->pages, bandi_horizon_pages_free);
  g_bytes_unref (read->body);
  g_ptr_array_unref (read->warnings);
  g_free (read);
}

static void
page_read_thread (GTask        *read_task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PageRead *read = task_data;
  GError *error = NULL;

  if (bandi_horizon_pages_add (read->pages, read->body, &read->done, &read->failed,
                               read->warnings, &error))
    g_task_return_boolean (read_task, TRUE);
  else
    g_task_return_error (read_task, error);
}

/* The request */

static JsonNode *
terms_filter (const char         *kind,
              const char         *field,
              const char * const *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, kind);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, field);
  if (values[1] == NULL && g_str_equal (kind, "term"))
    json_builder_add_string_value (builder, values[0]);
  else
    {
      json_builder_begin_array (builder);
      for (guint i = 0; values[i] != NULL; i++)
        json_builder_add_string_value (builder, values[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Grant topics, calls for proposals and cascade funding, forthcoming or
 * open, of the 2021–2027 period, in the chosen programmes. */
static GBytes *
build_query (const char * const *programmes)
{
  static const char * const types[] = { "1", "2", "8", NULL };
  static const char * const statuses[] = {
    BANDI_HORIZON_STATUS_FORTHCOMING, BANDI_HORIZON_STATUS_OPEN, NULL,
  };
  static const char * const period[] = { "2021 - 2027", NULL };
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bool");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "must");
  json_builder_begin_array (builder);
  json_builder_add_value (builder, terms_filter ("terms", "type", types));
  json_builder_add_value (builder, terms_filter ("terms", "status", statuses));
  json_builder_add_value (builder, terms_filter ("term", "programmePeriod", period));
  json_builder_add_value (builder, terms_filter ("terms", "frameworkProgramme", programmes));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  return g_bytes_new_take (json, strlen (json));
}

static GBytes *
json_part (const char *json)
{
  return g_bytes_new_static (json, strlen (json));
}

/* multipart/form-data whose parts are JSON, as the Portal's own page
 * sends them; a plain form would make the API ignore the filters. */
static GBytes *
build_body (const char * const  *programmes,
            char               **out_content_type)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) query = build_query (programmes);
  g_autoptr(GBytes) languages = json_part ("[\"en\"]");
  g_autoptr(GBytes) sort = json_part ("{\"field\":\"identifier\",\"order\":\"ASC\"}");
  GBytes *body = NULL;

  soup_multipart_append_form_file (multipart, "query", "blob", "application/json", query);
  soup_multipart_append_form_file (multipart, "languages", "blob", "application/json", languages);
  soup_multipart_append_form_file (multipart, "sort", "blob", "application/json", sort);
  soup_multipart_to_message (multipart, headers, &body);

  *out_content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  return body;
}

static GUri *
page_uri (GUri  *endpoint,
          guint  page)
{
  g_autofree char *query = NULL;
  const char *extra = g_uri_get_query (endpoint);

  query = g_strdup_printf ("%s%sapiKey=SEDIA&text=***&pageSize=%u&pageNumber=%u",
                           extra ? extra : "", extra ? "&" : "", BANDI_HORIZON_PAGE_SIZE, page);

  return g_uri_build (SOUP_HTTP_URI_FLAGS,
                      g_uri_get_scheme (endpoint),
                      g_uri_get_userinfo (endpoint),
                      g_uri_get_host (endpoint),
                      g_uri_get_port (endpoint),
                      g_uri_get_path (endpoint),
                      query,
                      NULL);
}

/* The fetch */

static void fetch_page (GTask *task);

/* The answer is complete: the same as last time, or its calls. */
static void
finish_fetch (BandiHorizonSource *self,
              GTask              *task,
              FetchData          *data)
{
  g_autofree char *answer = NULL;
  gint64 valid_until = 0;
  gint64 total;
  guint n_records, n_skipped;

  if (bandi_horizon_pages_is_previous (data->pages))
    {
      bandi_source_keep_previous_calls (BANDI_SOURCE (self));
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  bandi_horizon_pages_get_counts (data->pages, &n_records, &n_skipped);
  bandi_source_count_records (BANDI_SOURCE (self), n_records, n_skipped);

  /* Fewer results than the Portal announced (within the window it serves):
   * pages are missing, and what is not there was not withdrawn. */
  total = bandi_horizon_pages_get_total (data->pages);
  if (total >= 0 && n_records < MIN (total, BANDI_HORIZON_RESULT_WINDOW))
    {
      g_autofree char *announced = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      bandi_source_set_incomplete (BANDI_SOURCE (self),
                                   /* Translators: "The Portal announced 5000 results but sent 50; …" */
                                   _("The Portal announced %s results but sent %u; the calls "
                                     "it left out are kept as they were"),
                                   announced, n_records);
    }

  answer = bandi_horizon_pages_dup_answer (data->pages, &valid_until);
  bandi_source_set_answer (BANDI_SOURCE (self), answer, valid_until);
  g_task_return_pointer (task, bandi_horizon_pages_steal_calls (data->pages),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* Back on the fetch's main context with the page read (or not) */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BandiHorizonSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  PageRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  gint64 total;
  guint expected;

  /* The worker may still be reading: what it finds is dropped, with the
   * pages. Otherwise it is done, and the pages come back. */
  if (g_task_return_error_if_cancelled (task))
    return;

  data->pages = g_steal_pointer (&read->pages);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Only the page just received can be described: an earlier one was
       * put off (and was read fine last time). */
      g_autofree char *described = NULL;

      if (read->failed == data->page)
        described = bandi_http_describe_body (data->msg, read->body);
      else
        described = g_strdup (_("a page read before"));

      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                               /* Translators: "…page 2: the answer is not JSON (…) — HTTP 200, text/html, …" */
                               _("The Funding & Tenders Portal did not send search results for page %u: %s — %s"),
                               read->failed, error->message, described);
      return;
    }

  for (guint i = 0; i < read->warnings->len; i++)
    bandi_source_add_warning (BANDI_SOURCE (self), "%s", (const char *) g_ptr_array_index (read->warnings, i));

  expected = bandi_horizon_pages_get_expected (data->pages);
  total = bandi_horizon_pages_get_total (data->pages);
  if (read->done && total > BANDI_HORIZON_RESULT_WINDOW &&
      data->page * BANDI_HORIZON_PAGE_SIZE >= BANDI_HORIZON_RESULT_WINDOW)
    {
      /* A macro pasted into a msgid would not reach the catalogue. */
      g_autofree char *listed = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      bandi_source_add_warning (BANDI_SOURCE (self),
                                _("The Portal lists %s topics but serves only the first %u; "
                                  "select fewer programmes to see the others"),
                                listed, BANDI_HORIZON_RESULT_WINDOW);
    }

  if (expected > 0)
    progress = g_strdup_printf (_("Read page %u of %u"), data->page, MAX (expected, data->page));
  else
    progress = g_strdup_printf (_("Read page %u"), data->page);
  bandi_source_report_progress (BANDI_SOURCE (self),
                                read->done ? 1.0 : expected > 0 ? (double) data->page / expected : -1.0,
                                progress);

  if (read->done)
    {
      finish_fetch (self, task, data);
      return;
    }

  data->page++;
  fetch_page (g_steal_pointer (&task));
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GTask) read_task = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  PageRead *read;
  GBytes *body;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  read = g_new0 (PageRead, 1);
  read->pages = g_steal_pointer (&data->pages);
  read->body = body;
  read->warnings = g_ptr_array_new_with_free_func (g_free);

  /* No source object: the worker may drop the last reference to the read
   * task, and with it only thread-safe references (the cancellable, the
   * main context) may go. */
  read_task = g_task_new (NULL, cancellable, read_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read_task, page_read_thread);
  g_task_set_task_data (read_task, read, (GDestroyNotify) page_read_free);
  g_task_set_return_on_cancel (read_task, TRUE);
  g_task_run_in_thread (read_task, page_read_thread);
}

static void
fetch_page (GTask *task)
{
  BandiHorizonSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GUri) uri = NULL;
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

  uri = page_uri (data->endpoint, data->page);
  g_clear_object (&data->msg);
  data->msg = soup_message_new_from_uri (SOUP_METHOD_POST, uri);
  soup_message_headers_replace (soup_message_get_request_headers (data->msg),
                                "Accept", "application/json");
  bandi_http_message_set_body (data->msg, data->content_type, data->body);

  bandi_http_send_async (bandi_source_get_session (BANDI_SOURCE (self)), data->msg,
                         g_task_get_cancellable (task), page_cb, task);
}

static gboolean
programmes_are_valid (const char * const  *programmes,
                      GError             **error)
{
  if (programmes == NULL || programmes[0] == NULL)
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                           _("No EU programme is selected for the Funding & Tenders Portal"));
      return FALSE;
    }

  for (guint i = 0; programmes[i] != NULL; i++)
    {
      const char *p = programmes[i];

      while (g_ascii_isdigit (*p))
        p++;
      if (*programmes[i] == '\0' || *p != '\0')
        {
          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                       _("“%s” is not a programme code of the Funding & Tenders Portal"),
                       programmes[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
bandi_horizon_source_fetch_async (BandiSource         *source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  BandiHorizonSource *self = BANDI_HORIZON_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *endpoint = bandi_source_get_endpoint (source);
  const char * const *programmes = (const char * const *) self->programmes;
  FetchData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_horizon_source_fetch_async);

  if (!programmes_are_valid (programmes, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (FetchData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  data->endpoint = g_uri_parse (endpoint, SOUP_HTTP_URI_FLAGS, &error);
  if (data->endpoint == NULL)
    {
      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                               _("The address “%s” is not valid: %s"), endpoint, error->message);
      return;
    }

  data->body = build_body (programmes, &data->content_type);
  data->pages = bandi_horizon_pages_new (bandi_source_get_id (source),
                                         g_get_real_time () / G_USEC_PER_SEC,
                                         bandi_source_get_previous_answer (source),
                                         BANDI_HORIZON_RESULT_WINDOW);
  data->page = 1;

  bandi_source_report_progress (source, 0.0, _("Asking the Funding & Tenders Portal"));
  fetch_page (g_steal_pointer (&task));
}

static GPtrArray *
bandi_horizon_source_fetch_finish (BandiSource   *source,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

const char * const *
bandi_horizon_source_get_programmes (BandiHorizonSource *self)
{
  g_return_val_if_fail (BANDI_IS_HORIZON_SOURCE (self), NULL);

  return (const char * const *) self->programmes;
}

void
bandi_horizon_source_set_programmes (BandiHorizonSource *self,
                                     const char * const *programmes)
{
  g_return_if_fail (BANDI_IS_HORIZON_SOURCE (self));

  if (self->programmes != NULL && programmes != NULL &&
      g_strv_equal ((const char * const *) self->programmes, programmes))
    return;

  g_strfreev (self->programmes);
  self->programmes = g_strdupv ((char **) programmes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMMES]);
}

static void
bandi_horizon_source_finalize (GObject *object)
{
  BandiHorizonSource *self = BANDI_HORIZON_SOURCE (object);

  g_strfreev (self->programmes);

  G_OBJECT_CLASS (bandi_horizon_source_parent_class)->finalize (object);
}

static void
bandi_horizon_source_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BandiHorizonSource *self = BANDI_HORIZON_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMMES:
      g_value_set_boxed (value, self->programmes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_horizon_source_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BandiHorizonSource *self = BANDI_HORIZON_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMMES:
      bandi_horizon_source_set_programmes (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_horizon_source_class_init (BandiHorizonSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  object_class->finalize = bandi_horizon_source_finalize;
  object_class->get_property = bandi_horizon_source_get_property;
  object_class->set_property = bandi_horizon_source_set_property;

  source_class->fetch_async = bandi_horizon_source_fetch_async;
  source_class->fetch_finish = bandi_horizon_source_fetch_finish;

  /**
   * BandiHorizonSource:programmes:
   *
   * The frameworkProgramme codes of the Portal to fetch; Horizon Europe
   * (43108390) by default. Bound to the "programmes" key of the schema
   * io.github.bandi.Bandi.Horizon.
   */
  properties[PROP_PROGRAMMES] =
    g_param_spec_boxed ("programmes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_horizon_source_init (BandiHorizonSource *self)
{
  static const char * const default_programmes[] = { HORIZON_EUROPE, NULL };

  bandi_source_set_info (BANDI_SOURCE (self),
                         "horizon",
                         _("EU Funding & Tenders — Horizon Europe"),
                         _("Forthcoming and open grant topics of Horizon Europe and other EU "
                           "programmes, from the EU Funding & Tenders Portal"),
                         "web-browser-symbolic",
                         DEFAULT_ENDPOINT);
  bandi_source_set_settings_schema (BANDI_SOURCE (self), SETTINGS_SCHEMA);
  /* The API serves at most BANDI_HORIZON_RESULT_WINDOW results a query, in
   * pages of BANDI_HORIZON_PAGE_SIZE; a page more for an answer that says
   * nothing of its size. Duplicate rows of a topic only make it fewer. */
  bandi_source_set_limits (BANDI_SOURCE (self),
                           BANDI_HORIZON_RESULT_WINDOW / BANDI_HORIZON_PAGE_SIZE + 1,
                           BANDI_HORIZON_RESULT_WINDOW);

  self->programmes = g_strdupv ((char **) default_programmes);
}

BANDI_DEFINE_SOURCE_PLUGIN (bandi_horizon_source_get_type)
