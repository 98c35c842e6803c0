/* test-http.c — a source plugin reading calls as JSON over HTTP
 *
 * The format, served by the tests from a SoupServer on 127.0.0.1:
 *
 *   { "calls": [ { "id": "T-1", "call_id": "T", "title": "…",
 *                  "programme": "…", "status": "open", "url": "…",
 *                  "budget": 1000000,
 *                  "deadlines": [ { "stage": 1, "label": "…",
 *                                   "at": "2031-03-04T17:00:00",
 *                                   "zone": "Europe/Brussels" },
 *                                 { "stage": 2, "date": "2031-09-01" } ] } ] }
 *
 * "at" is a wall-clock time in "zone"; "date" a day without time. A call
 * that cannot be read is skipped with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-http"

#include "config.h"

#include <json-glib/json-glib.h>

#include "bandi-source.h"

#define TEST_TYPE_HTTP_SOURCE (test_http_source_get_type ())
G_DECLARE_FINAL_TYPE (TestHttpSource, test_http_source, TEST, HTTP_SOURCE, BandiSource)

struct _TestHttpSource
{
  BandiSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestHttpSource, test_http_source, BANDI_TYPE_SOURCE)

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
add_deadline (BandiCall   *call,
              JsonNode    *node,
              GError     **error)
{
  g_autoptr(BandiDeadline) deadline = NULL;
  JsonObject *object;
  const char *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           "a deadline is not an object");
      return FALSE;
    }

  object = json_node_get_object (node);
  value = get_string (object, "at");
  if (value == NULL)
    value = get_string (object, "date");
  if (value == NULL)
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           "a deadline has neither “at” nor “date”");
      return FALSE;
    }

  deadline = bandi_deadline_new_from_storage (json_object_get_int_member_with_default (object, "stage", 1),
                                              get_string (object, "label"),
                                              value, get_string (object, "zone"), error);
  if (deadline == NULL)
    return FALSE;

  bandi_call_add_deadline (call, deadline);
  return TRUE;
}

static BandiCall *
parse_call (JsonNode  *node,
            GError   **error)
{
  g_autoptr(BandiCall) call = NULL;
  BandiCallStatus status = BANDI_CALL_STATUS_UNKNOWN;
  JsonObject *object;
  JsonArray *deadlines;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           "a call is not an object");
      return NULL;
    }

  object = json_node_get_object (node);
  id = get_string (object, "id");
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           "a call has no id");
      return NULL;
    }

  call = bandi_call_new ();
  bandi_call_set_source_id (call, "test-http");
  bandi_call_set_external_id (call, id);
  bandi_call_set_call_id (call, get_string (object, "call_id"));
  bandi_call_set_title (call, get_string (object, "title"));
  bandi_call_set_programme (call, get_string (object, "programme"));
  bandi_call_set_url (call, get_string (object, "url"));
  if (get_string (object, "status") != NULL)
    bandi_call_status_from_string (get_string (object, "status"), &status);
  bandi_call_set_status (call, status);
  bandi_call_set_budget (call, json_object_get_double_member_with_default (object, "budget", -1));

  deadlines = get_array (object, "deadlines");
  for (guint i = 0; deadlines != NULL && i < json_array_get_length (deadlines); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!add_deadline (call, json_array_get_element (deadlines, i), &local_error))
        {
          g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                       "call %s: %s", id, local_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&call);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BandiSource *source = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *array = NULL;
  gsize size;
  const char *data;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bandi_source_report_progress (source, 0.5, "Reading calls");

  data = g_bytes_get_data (body, &size);
  if (json_parser_load_from_data (parser, data, size, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        array = get_array (json_node_get_object (root), "calls");
    }

  if (array == NULL)
    {
      g_autofree char *what = bandi_http_describe_body (msg, body);

      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                               "Not a list of test calls (%s)", what);
      return;
    }

  calls = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) call_error = NULL;
      BandiCall *call = parse_call (json_array_get_element (array, i), &call_error);

      if (call != NULL)
        g_ptr_array_add (calls, call);
      else
        bandi_source_add_warning (source, "Skipped a call: %s", call_error->message);
    }

  bandi_source_report_progress (source, 1.0, NULL);
  g_task_return_pointer (task, g_steal_pointer (&calls), (GDestroyNotify) g_ptr_array_unref);
}

static void
test_http_source_fetch_async (BandiSource         *source,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *endpoint = bandi_source_get_endpoint (source);
  SoupMessage *msg;

  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, &error);
  if (uri == NULL)
    {
      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                               "Invalid endpoint “%s”: %s", endpoint, error->message);
      return;
    }

  msg = soup_message_new_from_uri ("GET", uri);
  g_task_set_task_data (task, msg, g_object_unref);
  bandi_source_report_progress (source, 0.0, "Downloading calls");
  bandi_http_send_async (bandi_source_get_session (source), msg,
                         cancellable, sent_cb, g_steal_pointer (&task));
}

static GPtrArray *
test_http_source_fetch_finish (BandiSource   *source,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_http_source_class_init (TestHttpSourceClass *klass)
{
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  source_class->fetch_async = test_http_source_fetch_async;
  source_class->fetch_finish = test_http_source_fetch_finish;
}

static void
test_http_source_init (TestHttpSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self), "test-http", "HTTP test source",
                         "Calls as JSON from a local test server", NULL,
                         "http://127.0.0.1:9/calls.json");
}

BANDI_DEFINE_SOURCE_PLUGIN (test_http_source_get_type)
