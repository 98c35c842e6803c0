/* bandi-caldav-publisher.c
 *
 * A publication: PROPFIND (Depth: 1) lists the calendar's resources and
 * their ETags; each item is compared with what this machine last published
 * there (the store's "caldav:<url>" state: resource → ETag and SHA-256 of
 * the text sent) and with what the server holds now; then PUTs and DELETEs
 * run, a few at a time. An item is unchanged when its text hashes the same
 * and the server still has the ETag we got: nothing is sent for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-caldav"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bandi-caldav-listing.h"
#include "bandi-caldav-publisher.h"
#include "bandi-http.h"

#define STATE_PREFIX "caldav:"
#define MAX_IN_FLIGHT 2
#define PROPFIND_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" \
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>\n"

G_DEFINE_QUARK (bandi-caldav-error-quark, bandi_caldav_error)

struct _BandiCaldavPublisher
{
  GObject parent_instance;

  BandiStore  *store;
  char        *url;
  char        *user;
  char        *password;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (BandiCaldavPublisher, bandi_caldav_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_URL,
  PROP_USER,
  PROP_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What this machine last published to a resource. */
typedef struct {
  char *etag;
  char *hash;
} Published;

typedef enum {
  OP_CREATE,
  OP_UPDATE,
  OP_DELETE,
} OpKind;

typedef struct {
  OpKind  kind;
  char   *resource;
  char   *summary;    /* NULL for a deletion */
  char   *etag;       /* If-Match for an update or a deletion */
  char   *hash;
  GBytes *body;
  gboolean unconditional;
  SoupMessage *msg;
  GTask  *task;
} Op;

typedef struct {
  GUri       *collection;
  char       *state_key;
  BandiIcalExport *export;
  SoupMessage *propfind;
  GHashTable *state;      /* resource → Published */
  gboolean    state_changed;
  GQueue      pending;    /* Op */
  guint       in_flight;
  BandiCaldavReport *report;
} Publish;

void
bandi_caldav_report_free (BandiCaldavReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->failures);
  g_free (report);
}

static void
failure_free (gpointer data)
{
  BandiCaldavFailure *failure = data;

  g_free (failure->resource);
  g_free (failure->summary);
  g_free (failure->message);
  g_free (failure);
}

static void
published_free (gpointer data)
{
  Published *published = data;

  g_free (published->etag);
  g_free (published->hash);
  g_free (published);
}

static void
op_free (Op *op)
{
  g_free (op->resource);
  g_free (op->summary);
  g_free (op->etag);
  g_free (op->hash);
  g_clear_pointer (&op->body, g_bytes_unref);
  g_clear_object (&op->msg);
  g_free (op);
}

static void
publish_free (Publish *publish)
{
  g_clear_pointer (&publish->collection, g_uri_unref);
  g_free (publish->state_key);
  g_clear_object (&publish->export);
  g_clear_object (&publish->propfind);
  g_clear_pointer (&publish->state, g_hash_table_unref);
  g_queue_clear_full (&publish->pending, (GDestroyNotify) op_free);
  bandi_caldav_report_free (publish->report);
  g_free (publish);
}

static void
bandi_caldav_publisher_finalize (GObject *object)
{
  BandiCaldavPublisher *self = BANDI_CALDAV_PUBLISHER (object);

  g_clear_object (&self->store);
  g_free (self->url);
  g_free (self->user);
  if (self->password != NULL)
    {
      memset (self->password, 0, strlen (self->password));
      g_free (self->password);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (bandi_caldav_publisher_parent_class)->finalize (object);
}

static void
bandi_caldav_publisher_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BandiCaldavPublisher *self = BANDI_CALDAV_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_caldav_publisher_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BandiCaldavPublisher *self = BANDI_CALDAV_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;
    case PROP_PASSWORD:
      self->password = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_caldav_publisher_class_init (BandiCaldavPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_caldav_publisher_finalize;
  object_class->get_property = bandi_caldav_publisher_get_property;
  object_class->set_property = bandi_caldav_publisher_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BANDI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_caldav_publisher_init (BandiCaldavPublisher *self)
{
  self->session = bandi_http_session_new ();
}

BandiCaldavPublisher *
bandi_caldav_publisher_new (BandiStore *store,
                            const char *url,
                            const char *user,
                            const char *password)
{
  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (BANDI_TYPE_CALDAV_PUBLISHER,
                       "store", store,
                       "url", url,
                       "user", user,
                       "password", password,
                       NULL);
}

const char *
bandi_caldav_publisher_get_url (BandiCaldavPublisher *self)
{
  g_return_val_if_fail (BANDI_IS_CALDAV_PUBLISHER (self), NULL);
  return self->url;
}

const char *
bandi_caldav_publisher_get_user (BandiCaldavPublisher *self)
{
  g_return_val_if_fail (BANDI_IS_CALDAV_PUBLISHER (self), NULL);
  return self->user;
}

SoupSession *
bandi_caldav_publisher_get_session (BandiCaldavPublisher *self)
{
  g_return_val_if_fail (BANDI_IS_CALDAV_PUBLISHER (self), NULL);
  return self->session;
}

/* Requests */

static SoupMessage *
new_message (BandiCaldavPublisher *self,
             const char           *method,
             GUri                 *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (method, uri);

  if (self->user != NULL && *self->user != '\0')
    bandi_http_message_set_credentials (msg, self->user, self->password);
  return msg;
}

static const char *
host_of (Publish *publish)
{
  const char *host = g_uri_get_host (publish->collection);

  return host ? host : "?";
}

/* The error for the calendar as a whole, from what bandi-http said. */
static GError *
calendar_error (Publish      *publish,
                SoupMessage  *msg,
                const GError *error)
{
  guint status = soup_message_get_status (msg);

  if (g_error_matches (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS))
    {
      if (status == SOUP_STATUS_UNAUTHORIZED)
        return g_error_new (BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_AUTH,
                            _("%s refused the user name or password (HTTP 401)"),
                            host_of (publish));
      if (status == SOUP_STATUS_FORBIDDEN)
        return g_error_new (BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_AUTH,
                            _("%s does not let this user use the calendar (HTTP 403)"),
                            host_of (publish));
      if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
        return g_error_new (BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_NOT_CALENDAR,
                            _("There is no calendar at this address on %s (HTTP %u)"),
                            host_of (publish), status);
      return g_error_new_literal (BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_FAILED, error->message);
    }

  if (g_error_matches (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_NETWORK) ||
      g_error_matches (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_TIMEOUT))
    return g_error_new (BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_UNREACHABLE,
                        _("Could not reach the calendar server: %s"), error->message);

  return g_error_copy (error);
}

/* State */

static GHashTable *
load_state (BandiCaldavPublisher *self,
            const char           *key)
{
  GHashTable *state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, published_free);
  g_autofree char *text = bandi_store_get_state (self->store, key);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *resources;
  g_autoptr(GList) names = NULL;

  if (text == NULL)
    return state;

  root = json_parser_load_from_data (parser, text, -1, NULL) ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "resources"))
    {
      /* Then every item looks new: it is put again, nothing is lost. */
      g_warning ("Unreadable CalDAV state “%s”: starting afresh", key);
      return state;
    }

  resources = json_object_get_object_member (json_node_get_object (root), "resources");
  names = resources ? json_object_get_members (resources) : NULL;
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (resources, l->data);
      Published *published;

      if (entry == NULL)
        continue;
      published = g_new0 (Published, 1);
      published->etag = g_strdup (json_object_get_string_member_with_default (entry, "etag", ""));
      published->hash = g_strdup (json_object_get_string_member_with_default (entry, "hash", ""));
      g_hash_table_insert (state, g_strdup (l->data), published);
    }

  return state;
}

static void
save_state (BandiCaldavPublisher *self,
            Publish              *publish)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!publish->state_changed)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_object (builder);
  names = g_list_sort (g_hash_table_get_keys (publish->state), (GCompareFunc) strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    {
      Published *published = g_hash_table_lookup (publish->state, l->data);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, published->etag);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, published->hash);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  if (!bandi_store_set_state (self->store, publish->state_key, text, &error))
    g_warning ("Could not remember what was published to the calendar: %s", error->message);
  publish->state_changed = FALSE;
}

static void
remember (Publish    *publish,
          const char *resource,
          const char *etag,
          const char *hash)
{
  Published *published = g_new0 (Published, 1);

  published->etag = g_strdup (etag ? etag : "");
  published->hash = g_strdup (hash);
  g_hash_table_replace (publish->state, g_strdup (resource), published);
  publish->state_changed = TRUE;
}

static void
forget (Publish    *publish,
        const char *resource)
{
  if (g_hash_table_remove (publish->state, resource))
    publish->state_changed = TRUE;
}

/* Running the writes */

static void run_ops (GTask *task);

static void
add_failure (Publish    *publish,
             Op         *op,
             const char *message)
{
  BandiCaldavFailure *failure = g_new0 (BandiCaldavFailure, 1);

  failure->resource = g_strdup (op->resource);
  failure->summary = g_strdup (op->summary);
  failure->message = g_strdup (message);
  g_ptr_array_add (publish->report->failures, failure);
}

static void send_op (GTask *task,
                     Op    *op);

static void
op_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Op *op = user_data;
  GTask *task = op->task;
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  status = soup_message_get_status (op->msg);
  publish->in_flight--;

  /* Changed or created on the server since the listing: Bandi's text is
   * the reference for its own items, so write it anyway (once). */
  if (error != NULL && status == SOUP_STATUS_PRECONDITION_FAILED && !op->unconditional)
    {
      op->unconditional = TRUE;
      g_clear_object (&op->msg);
      send_op (task, op);
      return;
    }

  if (op->kind == OP_DELETE)
    {
      if (error == NULL || status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
        {
          forget (publish, op->resource);
          publish->report->n_deleted++;
        }
      else
        add_failure (publish, op, error->message);
    }
  else if (error == NULL)
    {
      const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (op->msg), "ETag");

      remember (publish, op->resource, etag, op->hash);
      if (op->kind == OP_CREATE)
        publish->report->n_created++;
      else
        publish->report->n_updated++;
    }
  else
    add_failure (publish, op, error->message);

  op_free (op);
  run_ops (task);
}

static void
send_op (GTask *task,
         Op    *op)
{
  BandiCaldavPublisher *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (op->resource, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH_ELEMENT, FALSE);
  g_autoptr(GUri) uri = g_uri_parse_relative (publish->collection, escaped, G_URI_FLAGS_ENCODED, NULL);
  SoupMessageHeaders *headers;

  g_assert (uri != NULL);
  op->task = task;
  op->msg = new_message (self, op->kind == OP_DELETE ? "DELETE" : "PUT", uri);
  headers = soup_message_get_request_headers (op->msg);

  if (op->kind != OP_DELETE)
    bandi_http_message_set_body (op->msg, "text/calendar; charset=utf-8", op->body);
  if (!op->unconditional)
    {
      if (op->kind == OP_CREATE)
        soup_message_headers_replace (headers, "If-None-Match", "*");
      else if (op->etag != NULL && *op->etag != '\0')
        soup_message_headers_replace (headers, "If-Match", op->etag);
    }

  publish->in_flight++;
  bandi_http_send_async (self->session, op->msg, g_task_get_cancellable (task), op_done_cb, op);
}

static void
run_ops (GTask *task)
{
  BandiCaldavPublisher *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  while (publish->in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&publish->pending) &&
         !g_cancellable_is_cancelled (cancellable))
    send_op (task, g_queue_pop_head (&publish->pending));

  if (publish->in_flight > 0)
    return;

  /* Done, or cancelled with nothing left in flight: keep what was done. */
  save_state (self, publish);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&publish->report),
                           (GDestroyNotify) bandi_caldav_report_free);
  g_object_unref (task);
}

/* Planning */

static char *
resource_name (const char *uid)
{
  return g_strconcat (uid, ".ics", NULL);
}

/* A call that left the scope because it closed: its events stay. */
static gboolean
export_keeps (BandiIcalExport *export,
              const char      *resource)
{
  g_autofree char *uid = g_strndup (resource, strlen (resource) - strlen (".ics"));

  return bandi_ical_export_keeps_uid (export, uid);
}

static void
plan (Publish            *publish,
      BandiCaldavListing *listing)
{
  g_autoptr(GHashTable) exported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) known = NULL;
  guint n_items = bandi_ical_export_get_n_items (publish->export);

  for (guint i = 0; i < n_items; i++)
    {
      char *resource = resource_name (bandi_ical_export_get_item_uid (publish->export, i));
      g_autoptr(GBytes) body = bandi_ical_export_dup_item_bytes (publish->export, i);
      g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
      const char *server_etag = g_hash_table_lookup (listing->resources, resource);
      Published *published = g_hash_table_lookup (publish->state, resource);
      Op *op;

      if (!g_hash_table_add (exported, resource))
        continue;  /* the same item twice */

      if (server_etag != NULL && published != NULL && strcmp (published->hash, hash) == 0 &&
          (strcmp (published->etag, server_etag) == 0 || *published->etag == '\0'))
        {
          /* The server did not give an ETag when we wrote: take its word. */
          if (*published->etag == '\0' && *server_etag != '\0')
            remember (publish, resource, server_etag, hash);
          publish->report->n_unchanged++;
          continue;
        }

      op = g_new0 (Op, 1);
      op->kind = server_etag != NULL ? OP_UPDATE : OP_CREATE;
      op->resource = g_strdup (resource);
      op->summary = bandi_ical_export_dup_item_summary (publish->export, i);
      op->etag = g_strdup (server_etag);
      op->hash = g_steal_pointer (&hash);
      op->body = g_steal_pointer (&body);
      g_queue_push_tail (&publish->pending, op);
    }

  /* What we published that the export no longer holds. */
  known = g_hash_table_get_keys (publish->state);
  known = g_list_sort (known, (GCompareFunc) strcmp);
  for (GList *l = known; l != NULL; l = l->next)
    {
      const char *resource = l->data;
      const char *server_etag = g_hash_table_lookup (listing->resources, resource);
      Op *op;

      if (g_hash_table_contains (exported, resource))
        continue;
      if (server_etag != NULL && export_keeps (publish->export, resource))
        {
          publish->report->n_unchanged++;
          continue;
        }
      if (server_etag == NULL)
        {
          /* Already gone from the server. */
          forget (publish, resource);
          continue;
        }

      op = g_new0 (Op, 1);
      op->kind = OP_DELETE;
      op->resource = g_strdup (resource);
      op->etag = g_strdup (server_etag);
      g_queue_push_tail (&publish->pending, op);
    }
}

static void
count_planned (Publish *publish)
{
  for (GList *l = publish->pending.head; l != NULL; l = l->next)
    {
      Op *op = l->data;

      if (op->kind == OP_CREATE)
        publish->report->n_created++;
      else if (op->kind == OP_UPDATE)
        publish->report->n_updated++;
      else
        publish->report->n_deleted++;
    }
}

static GUri *parse_collection (const char  *url,
                               GError     **error);

static void
propfind_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BandiCaldavPublisher *self = g_task_get_source_object (task);
  Publish *publish = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BandiCaldavListing) listing = NULL;
  g_autofree char *moved_to = NULL;

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, calendar_error (publish, publish->propfind, error));
      return;
    }
  if (soup_message_get_status (publish->propfind) != SOUP_STATUS_MULTI_STATUS)
    {
      g_task_return_new_error (task, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_NOT_CALENDAR,
                               _("%s did not answer as a CalDAV server (HTTP %u instead of 207)"),
                               host_of (publish), soup_message_get_status (publish->propfind));
      return;
    }

  /* Redirected (within the origin, when there are credentials): the
   * calendar is where the redirect led. */
  g_clear_pointer (&publish->collection, g_uri_unref);
  moved_to = g_uri_to_string (soup_message_get_uri (publish->propfind));
  publish->collection = parse_collection (moved_to, NULL);
  g_assert (publish->collection != NULL);

  listing = bandi_caldav_listing_parse (publish->collection, body, &error);
  if (listing == NULL)
    {
      g_task_return_new_error (task, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_FAILED,
                               "%s", error->message);
      return;
    }
  if (!listing->has_collection || !listing->is_calendar)
    {
      g_task_return_new_error (task, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_NOT_CALENDAR,
                               _("The address on %s is not a calendar"), host_of (publish));
      return;
    }

  publish->state = load_state (self, publish->state_key);
  plan (publish, listing);

  if (publish->report->dry_run)
    {
      count_planned (publish);
      g_task_return_pointer (task, g_steal_pointer (&publish->report),
                             (GDestroyNotify) bandi_caldav_report_free);
      return;
    }

  run_ops (g_steal_pointer (&task));
}

/* The collection's URI, its path ending in a slash. */
static GUri *
parse_collection (const char  *url,
                  GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_INVALID_URL,
                   _("“%s” is not a calendar address"), url);
      return NULL;
    }
  if (!bandi_http_uri_is_allowed (uri, error))
    return NULL;
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL)
    {
      g_set_error (error, BANDI_CALDAV_ERROR, BANDI_CALDAV_ERROR_INVALID_URL,
                   _("The calendar address must not hold a user name or password"));
      return NULL;
    }

  path = g_str_has_suffix (g_uri_get_path (uri), "/") ?
    g_strdup (g_uri_get_path (uri)) : g_strconcat (g_uri_get_path (uri), "/", NULL);
  return g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                      g_uri_get_port (uri), path, NULL, NULL);
}

void
bandi_caldav_publisher_publish_async (BandiCaldavPublisher *self,
                                      BandiIcalExport      *export,
                                      gboolean              dry_run,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *collection_url = NULL;
  GError *error = NULL;
  Publish *publish;

  g_return_if_fail (BANDI_IS_CALDAV_PUBLISHER (self));
  g_return_if_fail (BANDI_IS_ICAL_EXPORT (export));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_caldav_publisher_publish_async);

  publish = g_new0 (Publish, 1);
  g_queue_init (&publish->pending);
  publish->export = g_object_ref (export);
  publish->report = g_new0 (BandiCaldavReport, 1);
  publish->report->dry_run = !!dry_run;
  publish->report->failures = g_ptr_array_new_with_free_func (failure_free);
  g_task_set_task_data (task, publish, (GDestroyNotify) publish_free);

  publish->collection = parse_collection (self->url, &error);
  if (publish->collection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  collection_url = g_uri_to_string (publish->collection);
  publish->state_key = g_strconcat (STATE_PREFIX, collection_url, NULL);

  publish->propfind = new_message (self, "PROPFIND", publish->collection);
  soup_message_headers_replace (soup_message_get_request_headers (publish->propfind), "Depth", "1");
  body = g_bytes_new_static (PROPFIND_BODY, strlen (PROPFIND_BODY));
  bandi_http_message_set_body (publish->propfind, "application/xml; charset=utf-8", body);

  bandi_http_send_async (self->session, publish->propfind, cancellable,
                         propfind_cb, g_steal_pointer (&task));
}

/**
 * bandi_caldav_publisher_publish_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
BandiCaldavReport *
bandi_caldav_publisher_publish_finish (BandiCaldavPublisher  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
