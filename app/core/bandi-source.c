/* bandi-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-source"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-source-private.h"
#include "bandi-util.h"

typedef struct
{
  char        *id;
  char        *name;
  char        *description;
  char        *icon_name;
  char        *default_endpoint;
  char        *endpoint;
  char        *settings_schema;
  gboolean     enabled;
  SoupSession *session;
  GPtrArray   *warnings;
  GPtrArray   *pages_to_watch;  /* name, url, name, url… */
  char        *previous_answer;
  char        *answer;
  gint64       answer_valid_until;
  gboolean     keeps_previous;
  guint        max_pages;
  guint        max_calls;
  guint        n_pages;
  gboolean     incomplete;
  guint        n_records;
  guint        n_unreadable;
  gboolean     empty_allowed;
  GStrv        answer_scope;
} BandiSourcePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BandiSource, bandi_source, G_TYPE_OBJECT)

G_DEFINE_QUARK (bandi-source-error-quark, bandi_source_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_DEFAULT_ENDPOINT,
  PROP_ENDPOINT,
  PROP_ENABLED,
  PROP_SESSION,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
bandi_source_finalize (GObject *object)
{
  BandiSource *self = BANDI_SOURCE (object);
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_free (priv->id);
  g_free (priv->name);
  g_free (priv->description);
  g_free (priv->icon_name);
  g_free (priv->default_endpoint);
  g_free (priv->endpoint);
  g_free (priv->settings_schema);
  g_clear_object (&priv->session);
  g_clear_pointer (&priv->warnings, g_ptr_array_unref);
  g_clear_pointer (&priv->pages_to_watch, g_ptr_array_unref);
  g_free (priv->previous_answer);
  g_free (priv->answer);
  g_strfreev (priv->answer_scope);

  G_OBJECT_CLASS (bandi_source_parent_class)->finalize (object);
}

static void
bandi_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BandiSource *self = BANDI_SOURCE (object);
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, priv->description);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_DEFAULT_ENDPOINT:
      g_value_set_string (value, priv->default_endpoint);
      break;
    case PROP_ENDPOINT:
      /* The setting as stored: "" means the default. */
      g_value_set_string (value, priv->endpoint ? priv->endpoint : "");
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, priv->enabled);
      break;
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_source_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BandiSource *self = BANDI_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      bandi_source_set_endpoint (self, g_value_get_string (value));
      break;
    case PROP_ENABLED:
      bandi_source_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_SESSION:
      bandi_source_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_source_class_init (BandiSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_source_finalize;
  object_class->get_property = bandi_source_get_property;
  object_class->set_property = bandi_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFAULT_ENDPOINT] =
    g_param_spec_string ("default-endpoint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BandiSource::progress:
   * @fraction: in [0, 1], or -1 when unknown
   * @message: (nullable): what is being done, for the user
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);
}

static void
bandi_source_init (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  priv->enabled = TRUE;
  priv->warnings = g_ptr_array_new_with_free_func (g_free);
  priv->pages_to_watch = g_ptr_array_new_with_free_func (g_free);
}

void
bandi_source_set_info (BandiSource *self,
                       const char  *id,
                       const char  *name,
                       const char  *description,
                       const char  *icon_name,
                       const char  *default_endpoint)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (id != NULL);

  bandi_set_str (&priv->id, id);
  bandi_set_str (&priv->name, name ? name : id);
  bandi_set_str (&priv->description, description);
  bandi_set_str (&priv->icon_name, icon_name);
  bandi_set_str (&priv->default_endpoint, default_endpoint);
}

void
bandi_source_set_settings_schema (BandiSource *self,
                                  const char  *schema_id)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  bandi_set_str (&priv->settings_schema, schema_id);
}

#define DEFINE_GETTER(field)                                               \
  const char *                                                             \
  bandi_source_get_##field (BandiSource *self)                             \
  {                                                                        \
    BandiSourcePrivate *priv = bandi_source_get_instance_private (self);   \
    g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);                   \
    return priv->field;                                                    \
  }

DEFINE_GETTER (id)
DEFINE_GETTER (name)
DEFINE_GETTER (description)
DEFINE_GETTER (icon_name)
DEFINE_GETTER (default_endpoint)
DEFINE_GETTER (settings_schema)

#undef DEFINE_GETTER

const char *
bandi_source_get_endpoint (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  if (priv->endpoint != NULL && *priv->endpoint != '\0')
    return priv->endpoint;
  return priv->default_endpoint;
}

void
bandi_source_set_endpoint (BandiSource *self,
                           const char  *endpoint)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  g_autofree char *stripped = NULL;

  g_return_if_fail (BANDI_IS_SOURCE (self));

  if (endpoint != NULL)
    stripped = g_strstrip (g_strdup (endpoint));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (bandi_set_str (&priv->endpoint, stripped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
}

gboolean
bandi_source_get_enabled (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);
  return priv->enabled;
}

void
bandi_source_set_enabled (BandiSource *self,
                          gboolean     enabled)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  enabled = !!enabled;
  if (priv->enabled != enabled)
    {
      priv->enabled = enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }
}

/**
 * bandi_source_get_session:
 *
 * Returns: (transfer none): the session to send requests with
 */
SoupSession *
bandi_source_get_session (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  if (priv->session == NULL)
    priv->session = bandi_http_session_new ();

  return priv->session;
}

void
bandi_source_set_session (BandiSource *self,
                          SoupSession *session)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));

  if (g_set_object (&priv->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
bandi_source_report_progress (BandiSource *self,
                              double       fraction,
                              const char  *message)
{
  g_return_if_fail (BANDI_IS_SOURCE (self));

  if (fraction > 1.0)
    fraction = 1.0;
  g_signal_emit (self, signals[PROGRESS], 0, fraction, message);
}

void
bandi_source_add_warning (BandiSource *self,
                          const char  *format,
                          ...)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  va_list args;
  char *message;

  g_return_if_fail (BANDI_IS_SOURCE (self));

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("%s: %s", priv->id, message);
  g_ptr_array_add (priv->warnings, message);
}

void
bandi_source_add_page_to_watch (BandiSource *self,
                                const char  *name,
                                const char  *url)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (name != NULL && url != NULL);

  g_ptr_array_add (priv->pages_to_watch, g_strdup (name));
  g_ptr_array_add (priv->pages_to_watch, g_strdup (url));
}

/* Returns: (transfer full): the pages to watch of the last fetch */
GStrv
bandi_source_dup_pages_to_watch (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  for (guint i = 0; i < priv->pages_to_watch->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (priv->pages_to_watch, i));

  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): the warnings of the last fetch */
GStrv
bandi_source_dup_warnings (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  GStrv strv;

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  strv = g_new0 (char *, priv->warnings->len + 1);
  for (guint i = 0; i < priv->warnings->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (priv->warnings, i));

  return strv;
}

/* Returns: (nullable): the answer the store holds calls for, if still valid */
const char *
bandi_source_get_previous_answer (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  return priv->previous_answer;
}

void
bandi_source_set_previous_answer (BandiSource *self,
                                  const char  *answer)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  bandi_set_str (&priv->previous_answer, answer);
}

void
bandi_source_set_answer (BandiSource *self,
                         const char  *answer,
                         gint64       valid_until_unix)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  bandi_set_str (&priv->answer, answer);
  priv->answer_valid_until = valid_until_unix;
}

/* Returns: (nullable): the answer of the last fetch, and until when it is valid */
const char *
bandi_source_get_answer (BandiSource *self,
                         gint64      *out_valid_until_unix)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  if (out_valid_until_unix != NULL)
    *out_valid_until_unix = priv->answer_valid_until;
  return priv->answer;
}

void
bandi_source_keep_previous_calls (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (priv->previous_answer != NULL);

  priv->keeps_previous = TRUE;
}

gboolean
bandi_source_get_keeps_previous_calls (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);

  return priv->keeps_previous;
}

static guint
get_max_calls (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  return priv->max_calls > 0 ? priv->max_calls : BANDI_SOURCE_DEFAULT_MAX_CALLS;
}

void
bandi_source_fetch_async (BandiSource         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  BandiSourceClass *klass;

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_ptr_array_set_size (priv->warnings, 0);
  g_ptr_array_set_size (priv->pages_to_watch, 0);
  g_clear_pointer (&priv->answer, g_free);
  priv->answer_valid_until = 0;
  priv->keeps_previous = FALSE;
  priv->n_pages = 0;
  priv->incomplete = FALSE;
  priv->n_records = 0;
  priv->n_unreadable = 0;
  g_clear_pointer (&priv->answer_scope, g_strfreev);

  klass = BANDI_SOURCE_GET_CLASS (self);
  if (klass->fetch_async == NULL || klass->fetch_finish == NULL)
    {
      g_task_report_new_error (self, callback, user_data, bandi_source_fetch_async,
                               BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED,
                               "Source “%s” cannot fetch", priv->id);
      return;
    }

  klass->fetch_async (self, cancellable, callback, user_data);
}

/**
 * bandi_source_fetch_finish:
 *
 * Returns: (transfer container) (element-type BandiCall): the calls found
 */
GPtrArray *
bandi_source_fetch_finish (BandiSource   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  GPtrArray *calls;

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  if (g_async_result_is_tagged (result, bandi_source_fetch_async))
    return g_task_propagate_pointer (G_TASK (result), error);

  calls = BANDI_SOURCE_GET_CLASS (self)->fetch_finish (self, result, error);
  g_return_val_if_fail (calls != NULL || error == NULL || *error != NULL, NULL);

  if (calls != NULL && !bandi_source_check_n_calls (self, calls->len, error))
    g_clear_pointer (&calls, g_ptr_array_unref);

  return calls;
}

gboolean
bandi_source_check_n_calls (BandiSource  *self,
                            guint         n_calls,
                            GError      **error)
{
  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);

  if (n_calls <= get_max_calls (self))
    return TRUE;

  g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
               /* Translators: "The answer lists 60000 calls, more than the 50000 …" */
               _("The answer lists %u calls, more than the %u any real answer holds; refused"),
               n_calls, get_max_calls (self));
  return FALSE;
}

void
bandi_source_set_limits (BandiSource *self,
                         guint        max_pages,
                         guint        max_calls)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  priv->max_pages = max_pages;
  priv->max_calls = max_calls;
}

/**
 * bandi_source_count_page:
 *
 * Counts one more page of the fetch in progress, before it is asked for.
 *
 * Returns: %FALSE, with @error set, when the page would be past the
 *   source's bound: the fetch must stop and return @error
 */
gboolean
bandi_source_count_page (BandiSource  *self,
                         GError      **error)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  guint max_pages;

  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);

  max_pages = priv->max_pages > 0 ? priv->max_pages : BANDI_SOURCE_DEFAULT_MAX_PAGES;
  if (priv->n_pages >= max_pages)
    {
      g_set_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                   _("The answer did not end after %u pages, more than any real answer has; "
                     "stopped"),
                   max_pages);
      return FALSE;
    }

  priv->n_pages++;
  return TRUE;
}

void
bandi_source_set_incomplete (BandiSource *self,
                             const char  *format,
                             ...)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (BANDI_IS_SOURCE (self));

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  priv->incomplete = TRUE;
  bandi_source_add_warning (self, "%s", reason);
}

gboolean
bandi_source_get_incomplete (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);

  return priv->incomplete;
}

void
bandi_source_count_records (BandiSource *self,
                            guint        n_records,
                            guint        n_unreadable)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));
  g_return_if_fail (n_unreadable <= n_records);

  priv->n_records += n_records;
  priv->n_unreadable += n_unreadable;
}

void
bandi_source_get_record_counts (BandiSource *self,
                                guint       *out_n_records,
                                guint       *out_n_unreadable)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  *out_n_records = priv->n_records;
  *out_n_unreadable = priv->n_unreadable;
}

void
bandi_source_set_empty_allowed (BandiSource *self,
                                gboolean     allowed)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  priv->empty_allowed = !!allowed;
}

void
bandi_source_set_answer_scope (BandiSource        *self,
                               const char * const *prefixes)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_if_fail (BANDI_IS_SOURCE (self));

  g_strfreev (priv->answer_scope);
  priv->answer_scope = g_strdupv ((char **) prefixes);
}

/* Returns: (nullable): the prefixes of the external ids the last answer
 * speaks for; NULL for all */
const char * const *
bandi_source_get_answer_scope (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), NULL);

  return (const char * const *) priv->answer_scope;
}

gboolean
bandi_source_get_empty_allowed (BandiSource *self)
{
  BandiSourcePrivate *priv = bandi_source_get_instance_private (self);

  g_return_val_if_fail (BANDI_IS_SOURCE (self), FALSE);

  return priv->empty_allowed;
}
