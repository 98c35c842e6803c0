/* bandi-interreg-source.c — calls of the Interreg programmes
 *
 * There is no common feed of Interreg calls: each followed programme (a
 * preset, or one the user added) is fetched from its own site and read by
 * its adapter and rules. One programme failing leaves a warning that names
 * it; the fetch fails only when every programme failed.
 *
 * The endpoint setting, when set, replaces the scheme, host and port of
 * every preset's URL (keeping its path and query), so that tests and
 * mirrors can stand in for all the programme sites at once. Custom
 * programmes are fetched at the address the user gave.
 *
 * Hosts read and change the programmes through properties, without this
 * plugin's headers: "programmes" and "custom-programmes" (bound to the
 * settings), "catalogue" (every programme as a JSON array of {id, name,
 * url, adapter, zone, custom, note, followed}), "adapters" (the adapter names)
 * and "custom-problems" (why custom programmes cannot be used).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-interreg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bandi-interreg-source.h"
#include "bandi-interreg-entry.h"
#include "bandi-interreg-programme.h"

#define SETTINGS_SCHEMA "io.github.bandi.Bandi.Interreg"

struct _BandiInterregSource
{
  BandiSource         parent_instance;

  InterregCatalogue  *catalogue;        /* NULL if the presets cannot be read */
  GError             *catalogue_error;
  char              **programmes;
  char               *custom_programmes;
};

G_DEFINE_FINAL_TYPE (BandiInterregSource, bandi_interreg_source, BANDI_TYPE_SOURCE)

enum {
  PROP_0,
  PROP_PROGRAMMES,
  PROP_CUSTOM_PROGRAMMES,
  PROP_CATALOGUE,
  PROP_ADAPTERS,
  PROP_CUSTOM_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every programme the source knows, followed or not, as a JSON array of
 * {id, name, url, adapter, zone, custom, note, followed}: what `bandi-cli
 * interreg list` and the preferences show. */
static char *
dup_catalogue_json (BandiInterregSource *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) custom = NULL;
  GPtrArray *lists[2] = { NULL, NULL };

  if (self->catalogue != NULL)
    {
      lists[0] = interreg_catalogue_get_presets (self->catalogue);
      custom = interreg_catalogue_parse_custom (self->catalogue, self->custom_programmes,
                                                problems, NULL);
      lists[1] = custom;
    }

  json_builder_begin_array (builder);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
        {
          InterregProgramme *programme = g_ptr_array_index (lists[l], i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, programme->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, programme->name);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, programme->url);
          json_builder_set_member_name (builder, "adapter");
          json_builder_add_string_value (builder, programme->adapter_name);
          json_builder_set_member_name (builder, "zone");
          json_builder_add_string_value (builder, programme->zone);
          json_builder_set_member_name (builder, "custom");
          json_builder_add_boolean_value (builder, programme->custom);
          json_builder_set_member_name (builder, "note");
          if (programme->note != NULL)
            json_builder_add_string_value (builder, programme->note);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "followed");
          json_builder_add_boolean_value (builder,
                                          self->programmes != NULL &&
                                          g_strv_contains ((const char * const *) self->programmes,
                                                           programme->id));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Why the custom programmes, or some of them, cannot be used: what
 * `bandi-cli interreg` and the preferences report. */
static GStrv
dup_custom_problems (BandiInterregSource *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) custom = NULL;
  g_autoptr(GError) error = NULL;

  if (self->catalogue == NULL)
    g_ptr_array_add (problems, g_strdup (self->catalogue_error->message));
  else
    {
      custom = interreg_catalogue_parse_custom (self->catalogue, self->custom_programmes,
                                                problems, &error);
      if (custom == NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
    }

  g_ptr_array_add (problems, NULL);
  return (GStrv) g_ptr_array_steal (problems, NULL);
}

static void
bandi_interreg_source_set_programmes (BandiInterregSource *self,
                                      const char * const  *programmes)
{
  if (self->programmes != NULL && programmes != NULL &&
      g_strv_equal ((const char * const *) self->programmes, programmes))
    return;
  if (self->programmes == NULL && programmes == NULL)
    return;

  g_strfreev (self->programmes);
  self->programmes = g_strdupv ((char **) programmes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMMES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

static void
bandi_interreg_source_set_custom_programmes (BandiInterregSource *self,
                                             const char          *json)
{
  if (g_strcmp0 (self->custom_programmes, json) == 0)
    return;

  g_free (self->custom_programmes);
  self->custom_programmes = g_strdup (json);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_PROGRAMMES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_PROBLEMS]);
}

static void
bandi_interreg_source_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BandiInterregSource *self = BANDI_INTERREG_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMMES:
      g_value_set_boxed (value, self->programmes);
      break;
    case PROP_CUSTOM_PROGRAMMES:
      g_value_set_string (value, self->custom_programmes);
      break;
    case PROP_CATALOGUE:
      g_value_take_string (value, dup_catalogue_json (self));
      break;
    case PROP_ADAPTERS:
      g_value_set_boxed (value, interreg_adapter_names ());
      break;
    case PROP_CUSTOM_PROBLEMS:
      g_value_take_boxed (value, dup_custom_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_interreg_source_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BandiInterregSource *self = BANDI_INTERREG_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMMES:
      bandi_interreg_source_set_programmes (self, g_value_get_boxed (value));
      break;
    case PROP_CUSTOM_PROGRAMMES:
      bandi_interreg_source_set_custom_programmes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* One programme being fetched. */
typedef struct {
  InterregProgramme *programme;  /* owned by the catalogue or FetchData */
  SoupMessage       *msg;
  GPtrArray         *calls;
  GError            *error;
} Job;

typedef struct {
  GPtrArray *custom;    /* of InterregProgramme */
  GPtrArray *jobs;      /* of Job */
  guint      n_pending;
  gint64     now_unix;
} FetchData;

static void
job_free (Job *job)
{
  g_clear_object (&job->msg);
  g_clear_pointer (&job->calls, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
fetch_data_free (FetchData *data)
{
  g_clear_pointer (&data->jobs, g_ptr_array_unref);
  g_clear_pointer (&data->custom, g_ptr_array_unref);
  g_free (data);
}

/* Reads a programme's answer; fails with an error that says what could
 * not be read. */
static GPtrArray *
read_programme (BandiInterregSource  *self,
                Job                  *job,
                GBytes               *body,
                gint64                now_unix,
                GError              **error)
{
  InterregProgramme *programme = job->programme;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) local_error = NULL;

  entries = interreg_entries_read (programme, body, warnings, &local_error);
  if (entries != NULL)
    calls = interreg_entries_to_calls (programme, entries, now_unix, warnings, &local_error);

  for (guint i = 0; i < warnings->len; i++)
    bandi_source_add_warning (BANDI_SOURCE (self), "%s: %s", programme->name,
                              (const char *) g_ptr_array_index (warnings, i));

  /* A page whose rules find nothing is watched instead, at the address
   * it was read from. */
  if (calls == NULL && programme->adapter == INTERREG_ADAPTER_HTML &&
      g_error_matches (local_error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND))
    {
      g_autofree char *read_from = g_uri_to_string (soup_message_get_uri (job->msg));

      bandi_source_add_page_to_watch (BANDI_SOURCE (self), programme->name, read_from);
    }

  if (calls == NULL)
    {
      /* What came instead says why: an error page, a PNG, a login wall… */
      if (g_error_matches (local_error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE) ||
          g_error_matches (local_error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND))
        {
          g_autofree char *described = bandi_http_describe_body (job->msg, body);

          /* Translators: a programme, what could not be read, and what
           * the answer was ("HTTP 200, text/html, starts with …") */
          g_set_error (error, local_error->domain, local_error->code, _("%s: %s (%s)"),
                       programme->name, local_error->message, described);
          return NULL;
        }

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", programme->name);
      return NULL;
    }

  return g_steal_pointer (&calls);
}

static void
finish_fetch (GTask *task)
{
  BandiInterregSource *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_failed = 0;
  Job *failed = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i < data->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (data->jobs, i);

      if (job->error != NULL)
        {
          n_failed++;
          failed = job;
          if (failures->len > 0)
            g_string_append (failures, "; ");
          g_string_append (failures, job->error->message);
          continue;
        }

      for (guint j = 0; j < job->calls->len; j++)
        g_ptr_array_add (calls, g_object_ref (g_ptr_array_index (job->calls, j)));
    }

  if (n_failed > 0 && n_failed == data->jobs->len)
    {
      if (n_failed == 1)
        g_task_return_error (task, g_error_copy (failed->error));
      else
        g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED,
                                 _("Every Interreg programme failed: %s"), failures->str);
      return;
    }

  for (guint i = 0; i < data->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (data->jobs, i);

      /* What the programmes that failed listed before is not withdrawn. */
      if (job->error != NULL)
        bandi_source_set_incomplete (BANDI_SOURCE (self),
                                     /* Translators: %s is why a programme could not be read */
                                     _("%s; its calls are kept as they were"),
                                     job->error->message);
    }

  g_task_return_pointer (task, g_steal_pointer (&calls), (GDestroyNotify) g_ptr_array_unref);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  BandiInterregSource *self;
  FetchData *data;
  guint done;

  job = user_data;
  task = g_object_steal_data (G_OBJECT (job->msg), "bandi-interreg-task");
  self = g_task_get_source_object (task);
  data = g_task_get_task_data (task);

  body = bandi_http_send_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL && g_error_matches (error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS) &&
      soup_message_get_status (job->msg) == SOUP_STATUS_FORBIDDEN)
    /* Translators: %s is a programme; its site answered HTTP 403 */
    g_set_error (&job->error, BANDI_HTTP_ERROR, BANDI_HTTP_ERROR_STATUS,
                 _("%s: the site refuses automated reading (HTTP 403)"), job->programme->name);
  else if (body == NULL)
    g_propagate_prefixed_error (&job->error, g_steal_pointer (&error), "%s: ", job->programme->name);
  else
    job->calls = read_programme (self, job, body, data->now_unix, &job->error);

  data->n_pending--;
  done = data->jobs->len - data->n_pending;
  bandi_source_report_progress (BANDI_SOURCE (self), (double) done / data->jobs->len,
                                job->programme->name);

  if (data->n_pending == 0)
    finish_fetch (task);
}

/* The programmes to fetch, in the order the setting lists them. */
static GPtrArray *
followed_programmes (BandiInterregSource  *self,
                     FetchData            *data,
                     GError              **error)
{
  g_autoptr(GPtrArray) followed = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) custom_error = NULL;

  data->custom = interreg_catalogue_parse_custom (self->catalogue, self->custom_programmes,
                                                  problems, &custom_error);
  if (data->custom == NULL)
    {
      bandi_source_add_warning (BANDI_SOURCE (self), "%s", custom_error->message);
      data->custom = g_ptr_array_new ();
    }
  for (guint i = 0; i < problems->len; i++)
    bandi_source_add_warning (BANDI_SOURCE (self), "%s", (char *) g_ptr_array_index (problems, i));

  for (guint i = 0; self->programmes != NULL && self->programmes[i] != NULL; i++)
    {
      const char *id = self->programmes[i];
      InterregProgramme *programme = interreg_catalogue_find_preset (self->catalogue, id);

      for (guint j = 0; programme == NULL && j < data->custom->len; j++)
        if (g_strcmp0 (((InterregProgramme *) g_ptr_array_index (data->custom, j))->id, id) == 0)
          programme = g_ptr_array_index (data->custom, j);

      if (programme == NULL)
        {
          bandi_source_add_warning (BANDI_SOURCE (self),
                                    _("The followed programme “%s” is neither a preset nor a custom programme"),
                                    id);
          continue;
        }
      if (!g_ptr_array_find (followed, programme, NULL))
        g_ptr_array_add (followed, programme);
    }

  if (followed->len == 0 && self->programmes != NULL && self->programmes[0] != NULL)
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                           _("None of the followed Interreg programmes can be fetched"));
      return NULL;
    }

  return g_steal_pointer (&followed);
}

static void
bandi_interreg_source_fetch_async (BandiSource         *source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  BandiInterregSource *self = BANDI_INTERREG_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GPtrArray) followed = NULL;
  GError *error = NULL;
  FetchData *data;
  SoupSession *session = bandi_source_get_session (source);
  const char *endpoint = bandi_source_get_endpoint (source);

  g_task_set_source_tag (task, bandi_interreg_source_fetch_async);

  if (self->catalogue == NULL)
    {
      g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                               _("The Interreg presets cannot be read: %s"),
                               self->catalogue_error->message);
      return;
    }

  data = g_new0 (FetchData, 1);
  data->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  data->now_unix = g_get_real_time () / G_USEC_PER_SEC;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  followed = followed_programmes (self, data, &error);
  if (followed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The answer speaks for the programmes followed: the calls of the
   * others are the user's choice to drop, not a suspect answer. */
  {
    g_autoptr(GStrvBuilder) scope = g_strv_builder_new ();
    g_auto(GStrv) prefixes = NULL;

    for (guint i = 0; i < followed->len; i++)
      {
        g_autofree char *prefix =
          g_strconcat (((InterregProgramme *) g_ptr_array_index (followed, i))->id, ":", NULL);

        g_strv_builder_add (scope, prefix);
      }
    prefixes = g_strv_builder_end (scope);
    bandi_source_set_answer_scope (source, (const char * const *) prefixes);
  }

  if (followed->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  /* Every job exists before the first request goes out, so that a
   * request finishing at once cannot find the set complete. */
  for (guint i = 0; i < followed->len; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->programme = g_ptr_array_index (followed, i);
      g_ptr_array_add (data->jobs, job);
    }
  data->n_pending = data->jobs->len;

  bandi_source_report_progress (source, 0.0, NULL);

  for (guint i = 0; i < data->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (data->jobs, i);
      g_autofree char *url = NULL;
      g_autoptr(GError) url_error = NULL;

      url = interreg_programme_dup_fetch_url (job->programme,
                                              job->programme->custom ? NULL : endpoint,
                                              &url_error);
      if (url != NULL && !bandi_source_count_page (source, &job->error))
        {
          if (--data->n_pending == 0)
            finish_fetch (task);
          continue;
        }
      if (url != NULL)
        job->msg = soup_message_new (SOUP_METHOD_GET, url);

      if (job->msg == NULL)
        {
          g_set_error (&job->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG,
                       _("%s: the address “%s” cannot be used"), job->programme->name,
                       url ? url : (endpoint ? endpoint : job->programme->url));
          if (--data->n_pending == 0)
            finish_fetch (task);
          continue;
        }

      g_object_set_data_full (G_OBJECT (job->msg), "bandi-interreg-task",
                              g_object_ref (task), g_object_unref);
      bandi_http_send_async (session, job->msg, cancellable, send_cb, job);
    }
}

static GPtrArray *
bandi_interreg_source_fetch_finish (BandiSource   *source,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bandi_interreg_source_finalize (GObject *object)
{
  BandiInterregSource *self = BANDI_INTERREG_SOURCE (object);

  g_clear_pointer (&self->catalogue, interreg_catalogue_free);
  g_clear_error (&self->catalogue_error);
  g_strfreev (self->programmes);
  g_free (self->custom_programmes);

  G_OBJECT_CLASS (bandi_interreg_source_parent_class)->finalize (object);
}

static void
bandi_interreg_source_class_init (BandiInterregSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  object_class->finalize = bandi_interreg_source_finalize;
  object_class->get_property = bandi_interreg_source_get_property;
  object_class->set_property = bandi_interreg_source_set_property;

  source_class->fetch_async = bandi_interreg_source_fetch_async;
  source_class->fetch_finish = bandi_interreg_source_fetch_finish;

  properties[PROP_PROGRAMMES] =
    g_param_spec_boxed ("programmes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM_PROGRAMMES] =
    g_param_spec_string ("custom-programmes", NULL, NULL, "[]",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_string ("catalogue", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADAPTERS] =
    g_param_spec_boxed ("adapters", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM_PROBLEMS] =
    g_param_spec_boxed ("custom-problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_interreg_source_init (BandiInterregSource *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  bandi_source_set_info (BANDI_SOURCE (self), "interreg",
                         _("Interreg programmes"),
                         _("Calls of the Interreg programmes open to Lombardy, read from each programme’s own site"),
                         "network-workgroup-symbolic", NULL);
  bandi_source_set_settings_schema (BANDI_SOURCE (self), SETTINGS_SCHEMA);
  /* One page a programme followed: there are fewer than 100 Interreg
   * programmes in 2021–2027; one programme has a few calls open at once. */
  bandi_source_set_limits (BANDI_SOURCE (self), 200, 5000);
  /* Between rounds of calls, no programme may have one open. */
  bandi_source_set_empty_allowed (BANDI_SOURCE (self), TRUE);

  self->custom_programmes = g_strdup ("[]");
  self->catalogue = interreg_catalogue_new (&self->catalogue_error);
  if (self->catalogue == NULL)
    {
      g_warning ("Cannot read the Interreg presets: %s", self->catalogue_error->message);
      return;
    }

  /* Every preset not marked off is followed until the setting says
   * otherwise. */
  for (guint i = 0; i < interreg_catalogue_get_presets (self->catalogue)->len; i++)
    {
      InterregProgramme *preset = g_ptr_array_index (interreg_catalogue_get_presets (self->catalogue), i);

      if (preset->followed_by_default)
        g_strv_builder_add (ids, preset->id);
    }
  self->programmes = g_strv_builder_end (ids);
}
