/* bandi-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bandi-sync.h"
#include "bandi-source-private.h"

struct _BandiSync
{
  GObject parent_instance;

  BandiStore  *store;
  SoupSession *session;
  GTask       *task;      /* the run in progress; owned by its callbacks */
  double       progress;
  guint        timeout_s;
};

G_DEFINE_FINAL_TYPE (BandiSync, bandi_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  SOURCE_STARTED,
  SOURCE_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One source's part of a run. */
typedef struct {
  GTask        *task;        /* (owned) the run, kept alive until this source is done */
  BandiSource  *source;
  gulong        progress_id;
  double        fraction;
  GCancellable *cancellable; /* this source's: the run's, or its deadline */
  GCancellable *parent;      /* the run's */
  gulong        cancelled_id;
  guint         timeout_id;
  gboolean      timed_out;
} SourceRun;

typedef struct {
  GPtrArray *runs;          /* SourceRun */
  GPtrArray *failures;      /* "Name: message" of each failed source */
  guint      n_pending;
} RunData;

static void
source_run_stop_clock (SourceRun *run)
{
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  if (run->cancelled_id != 0)
    g_cancellable_disconnect (run->parent, run->cancelled_id);
  run->cancelled_id = 0;
}

static void
source_run_free (SourceRun *run)
{
  source_run_stop_clock (run);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->parent);
  g_clear_signal_handler (&run->progress_id, run->source);
  g_clear_object (&run->source);
  g_free (run);
}

static void
run_data_free (RunData *data)
{
  g_ptr_array_unref (data->runs);
  g_ptr_array_unref (data->failures);
  g_free (data);
}

static void
bandi_sync_finalize (GObject *object)
{
  BandiSync *self = BANDI_SYNC (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (bandi_sync_parent_class)->finalize (object);
}

static void
bandi_sync_constructed (GObject *object)
{
  BandiSync *self = BANDI_SYNC (object);

  G_OBJECT_CLASS (bandi_sync_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = bandi_http_session_new ();
}

static void
bandi_sync_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BandiSync *self = BANDI_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, bandi_sync_get_running (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_sync_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BandiSync *self = BANDI_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_TIMEOUT:
      bandi_sync_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_sync_class_init (BandiSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_sync_finalize;
  object_class->constructed = bandi_sync_constructed;
  object_class->get_property = bandi_sync_get_property;
  object_class->set_property = bandi_sync_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BANDI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BandiSync:timeout:
   *
   * The longest, in seconds, a source's fetch may take in a run; past it,
   * the fetch is stopped and the source fails (its stored calls stay).
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT / 1000, BANDI_SYNC_DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BandiSync::source-started:
   * @source: the #BandiSource whose fetch begins
   */
  signals[SOURCE_STARTED] =
    g_signal_new ("source-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BANDI_TYPE_SOURCE);

  /**
   * BandiSync::source-finished:
   * @source: the #BandiSource whose fetch ended
   * @status: (type gpointer): the source's `const BandiSourceStatus *`,
   *   valid during the emission; its last_error is set when it failed
   *
   * Emitted once the source's result is merged (or its error recorded).
   */
  signals[SOURCE_FINISHED] =
    g_signal_new ("source-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BANDI_TYPE_SOURCE, G_TYPE_POINTER);
}

static void
bandi_sync_init (BandiSync *self)
{
  self->timeout_s = BANDI_SYNC_DEFAULT_TIMEOUT_S;
}

guint
bandi_sync_get_timeout (BandiSync *self)
{
  g_return_val_if_fail (BANDI_IS_SYNC (self), 0);
  return self->timeout_s;
}

void
bandi_sync_set_timeout (BandiSync *self,
                        guint      timeout_s)
{
  g_return_if_fail (BANDI_IS_SYNC (self));
  g_return_if_fail (timeout_s > 0);

  if (self->timeout_s == timeout_s)
    return;
  self->timeout_s = timeout_s;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * bandi_sync_new:
 * @session: (nullable): the session every source shares; %NULL for a new
 *   one from bandi_http_session_new()
 */
BandiSync *
bandi_sync_new (BandiStore  *store,
                SoupSession *session)
{
  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);

  return g_object_new (BANDI_TYPE_SYNC, "store", store, "session", session, NULL);
}

gboolean
bandi_sync_get_running (BandiSync *self)
{
  g_return_val_if_fail (BANDI_IS_SYNC (self), FALSE);
  return self->task != NULL;
}

double
bandi_sync_get_progress (BandiSync *self)
{
  g_return_val_if_fail (BANDI_IS_SYNC (self), 0.0);
  return self->progress;
}

static void
set_progress (BandiSync *self,
              double     progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (progress != self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

static void
update_progress (BandiSync *self,
                 RunData   *data)
{
  double sum = 0.0;

  for (guint i = 0; i < data->runs->len; i++)
    sum += ((SourceRun *) g_ptr_array_index (data->runs, i))->fraction;

  set_progress (self, data->runs->len > 0 ? sum / data->runs->len : 1.0);
}

static void
source_progress_cb (BandiSource *source,
                    double       fraction,
                    const char  *message,
                    SourceRun   *run)
{
  BandiSync *self = g_task_get_source_object (run->task);

  /* Unknown progress (-1) leaves the source where it was. */
  if (fraction < 0.0)
    return;

  run->fraction = CLAMP (fraction, 0.0, 1.0);
  update_progress (self, g_task_get_task_data (run->task));
}

static void
finish_run (BandiSync *self,
            GTask     *task)
{
  RunData *data = g_task_get_task_data (task);

  self->task = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (data->failures->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (data->failures, NULL);
      list = g_strjoinv ("; ", (char **) data->failures->pdata);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not sync %s"), list);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* One source's result, merged on a worker thread. Nothing of the source
 * object crosses over: its id, answer and warnings are copied, and the
 * calls are handed over (the source is done with them). */
typedef struct {
  char               *store_path;
  char               *source_id;
  GPtrArray          *calls;            /* (nullable) NULL when the fetch failed */
  GError             *error;            /* the fetch's, then the merge's */
  GStrv               warnings;
  gboolean            keep_previous;
  char               *previous_answer;
  char               *answer;
  gint64              valid_until;
  BandiAnswerCheck    check;
  GStrv               scope;            /* check.scope's */
  gint64              now;
  BandiSourceStatus  *status;           /* the worker's answer */
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_free (job->store_path);
  g_free (job->source_id);
  g_clear_pointer (&job->calls, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_strfreev (job->warnings);
  g_free (job->previous_answer);
  g_free (job->answer);
  g_strfreev (job->scope);
  g_clear_pointer (&job->status, bandi_source_status_free);
  g_free (job);
}

static MergeJob *
merge_job_new (BandiSync   *self,
               BandiSource *source,
               GPtrArray   *calls,
               GError      *error)
{
  MergeJob *job = g_new0 (MergeJob, 1);

  job->store_path = g_strdup (bandi_store_get_path (self->store));
  job->source_id = g_strdup (bandi_source_get_id (source));
  job->calls = calls;
  job->error = error;
  job->warnings = bandi_source_dup_warnings (source);
  job->keep_previous = bandi_source_get_keeps_previous_calls (source);
  job->previous_answer = g_strdup (bandi_source_get_previous_answer (source));
  job->answer = g_strdup (bandi_source_get_answer (source, &job->valid_until));
  job->check.incomplete = bandi_source_get_incomplete (source);
  job->check.empty_allowed = bandi_source_get_empty_allowed (source);
  bandi_source_get_record_counts (source, &job->check.n_records, &job->check.n_unreadable);
  job->scope = g_strdupv ((char **) bandi_source_get_answer_scope (source));
  job->check.scope = (const char * const *) job->scope;
  job->now = g_get_real_time () / G_USEC_PER_SEC;

  if (job->calls == NULL && job->error == NULL)
    g_set_error (&job->error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED,
                 _("The source returned neither calls nor an error"));

  return job;
}

/* Why a suspect answer was not acted on, in words a user can act on */
static GError *
suspect_error (MergeJob              *job,
               const BandiMergeStats *stats)
{
  g_autofree char *why = NULL;

  if (job->calls->len == 0)
    why = g_strdup_printf (_("The answer lists no call at all, while %u were stored."),
                           stats->n_stored_before);
  else if (job->check.n_unreadable * 2 > job->check.n_records)
    why = g_strdup_printf (_("%u of the %u records of the answer could not be read."),
                           job->check.n_unreadable, job->check.n_records);
  else
    why = g_strdup_printf (_("The answer no longer lists %u of the %u calls stored."),
                           stats->n_held, stats->n_stored_before);

  return g_error_new (BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                      /* Translators: the first %s is one of "The answer lists no call at
                       * all, while 12 were stored." and the like */
                      _("%s The %u calls it leaves out are kept; if the next sync gets the "
                        "same answer, they will be withdrawn."),
                      why, stats->n_held);
}

/* Merges what the source found (or records why it found nothing) into
 * @store and sets @job's status as stored. */
static void
record_result (BandiStore *store,
               MergeJob   *job)
{
  const char *id = job->source_id;
  g_autoptr(GError) record_error = NULL;
  BandiMergeStats stats = { 0, };

  if (store == NULL)
    ;  /* could not be opened: job->error says why */
  else if (job->error == NULL && job->keep_previous)
    {
      /* The same answer as last time: its calls and warnings stand (not
       * those of a failed attempt since). */
      if (bandi_store_keep_answer (store, id, job->previous_answer, job->now, &stats,
                                   &job->error))
        {
          g_strfreev (job->warnings);
          job->warnings = bandi_store_dup_success_warnings (store, id);
        }
    }
  else if (job->error == NULL &&
           bandi_store_merge_answer (store, id, job->calls, job->answer, job->valid_until,
                                     &job->check, job->now, &stats, &job->error) &&
           stats.suspect)
    {
      job->error = suspect_error (job, &stats);
    }

  if (store != NULL &&
      !bandi_store_record_source_result (store, id, job->now, job->error,
                                         (const char * const *) job->warnings,
                                         job->error == NULL || stats.suspect ? &stats : NULL,
                                         &record_error))
    {
      /* What the store says now is the previous attempt's: report this one,
       * with the reason it could not be recorded. */
      if (job->error == NULL)
        job->error = g_steal_pointer (&record_error);
      else
        g_prefix_error (&job->error, "%s; ", record_error->message);
    }
  else if (store != NULL)
    job->status = bandi_store_get_source_status (store, id);

  if (job->status == NULL)
    {
      /* The store could not say: report what this attempt did. */
      job->status = g_new0 (BandiSourceStatus, 1);
      job->status->source_id = g_strdup (id);
      job->status->last_attempt = job->now;
      job->status->last_success = job->error == NULL ? job->now : 0;
      job->status->last_error = job->error != NULL ? g_strdup (job->error->message) : NULL;
      job->status->warnings = g_steal_pointer (&job->warnings);
      job->status->stats = stats;
    }
}

/* Merges are written one at a time, each on its own connection to the
 * store, so that the thread that runs the sync (the application's main
 * thread) never waits for a large source to be written. */
static GMutex merge_lock;

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MergeJob *job = task_data;
  g_autoptr(GError) open_error = NULL;
  BandiStore *store;

  g_mutex_lock (&merge_lock);
  store = bandi_store_open (job->store_path, &open_error);
  if (store == NULL && job->error == NULL)
    job->error = g_steal_pointer (&open_error);
  record_result (store, job);
  g_clear_object (&store);
  g_mutex_unlock (&merge_lock);

  g_task_return_boolean (task, TRUE);
}

/* One source is done: merged, failed or cancelled. */
static void
source_done (BandiSync    *self,
             SourceRun    *run,
             const GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&run->task);
  RunData *data = g_task_get_task_data (task);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_ptr_array_add (data->failures,
                     g_strdup_printf ("%s: %s", bandi_source_get_name (run->source), error->message));

  run->fraction = 1.0;
  update_progress (self, data);

  if (--data->n_pending == 0)
    finish_run (self, task);
}

static void
merge_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SourceRun *run = user_data;
  BandiSync *self = g_task_get_source_object (run->task);
  MergeJob *job = g_task_get_task_data (G_TASK (result));

  g_signal_emit (self, signals[SOURCE_FINISHED], 0, run->source, job->status);
  source_done (self, run, job->error);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BandiSource *source = BANDI_SOURCE (object);
  SourceRun *run = user_data;
  BandiSync *self = g_task_get_source_object (run->task);
  g_autoptr(GTask) merge = NULL;
  GPtrArray *calls;
  GError *error = NULL;

  g_clear_signal_handler (&run->progress_id, source);
  source_run_stop_clock (run);

  calls = bandi_source_fetch_finish (source, result, &error);

  if (run->timed_out && calls == NULL)
    {
      /* Stopped by its deadline, not by the user: a failure to record. */
      g_clear_error (&error);
      g_set_error (&error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The sync did not finish within %u second; stopped",
                                "The sync did not finish within %u seconds; stopped",
                                self->timeout_s),
                   self->timeout_s);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* An interrupted fetch says nothing about the source: nothing to record. */
      g_debug ("Fetch of %s cancelled", bandi_source_get_id (source));
      source_done (self, run, error);
      g_error_free (error);
      return;
    }

  /* Not cancellable: a result is recorded whole once it has arrived. No
   * source object: the worker may drop the last reference to the task, and
   * the sync (its session) must go on this thread; the run holds it. */
  merge = g_task_new (NULL, NULL, merge_cb, run);
  g_task_set_source_tag (merge, fetch_cb);
  g_task_set_task_data (merge, merge_job_new (self, source, calls, error),
                        (GDestroyNotify) merge_job_free);
  g_task_run_in_thread (merge, merge_thread);
}

static gboolean
deadline_cb (gpointer user_data)
{
  SourceRun *run = user_data;

  run->timeout_id = 0;
  run->timed_out = TRUE;
  g_debug ("Fetch of %s past its deadline: stopping it", bandi_source_get_id (run->source));
  g_cancellable_cancel (run->cancellable);

  return G_SOURCE_REMOVE;
}

static void
parent_cancelled_cb (GCancellable *parent,
                     SourceRun    *run)
{
  g_cancellable_cancel (run->cancellable);
}

/* The source's fetch gets a cancellable of its own, cancelled by the run's
 * or by its deadline. */
static void
start_clock (BandiSync    *self,
             SourceRun    *run,
             GCancellable *parent)
{
  run->cancellable = g_cancellable_new ();
  if (parent != NULL)
    {
      run->parent = g_object_ref (parent);
      run->cancelled_id = g_cancellable_connect (parent, G_CALLBACK (parent_cancelled_cb), run, NULL);
    }
  run->timeout_id = g_timeout_add_seconds (self->timeout_s, deadline_cb, run);
}

/**
 * bandi_sync_run_async:
 * @sources: (element-type BandiSource): the sources to fetch; the caller
 *   picks them (e.g. the enabled ones)
 */
void
bandi_sync_run_async (BandiSync           *self,
                      GPtrArray           *sources,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (BANDI_IS_SYNC (self));
  g_return_if_fail (sources != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bandi_sync_run_async);

  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is already running"));
      return;
    }

  data = g_new0 (RunData, 1);
  data->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) source_run_free);
  data->failures = g_ptr_array_new_with_free_func (g_free);
  data->n_pending = sources->len;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  self->task = task;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  set_progress (self, 0.0);

  if (sources->len == 0)
    {
      set_progress (self, 1.0);
      finish_run (self, task);
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      SourceRun *run = g_new0 (SourceRun, 1);

      run->source = g_object_ref (g_ptr_array_index (sources, i));
      run->task = g_object_ref (task);
      g_ptr_array_add (data->runs, run);
    }

  for (guint i = 0; i < data->runs->len; i++)
    {
      SourceRun *run = g_ptr_array_index (data->runs, i);

      g_autofree char *answer = NULL;

      answer = bandi_store_dup_answer (self->store, bandi_source_get_id (run->source),
                                       g_get_real_time () / G_USEC_PER_SEC);
      bandi_source_set_previous_answer (run->source, answer);
      bandi_source_set_session (run->source, self->session);
      run->progress_id = g_signal_connect (run->source, "progress",
                                           G_CALLBACK (source_progress_cb), run);
      start_clock (self, run, cancellable);
      g_signal_emit (self, signals[SOURCE_STARTED], 0, run->source);
      bandi_source_fetch_async (run->source, run->cancellable, fetch_cb, run);
    }
}

/**
 * bandi_sync_run_finish:
 *
 * Returns: %TRUE when every source succeeded; otherwise %FALSE with an
 * error naming each source that failed and why (or %G_IO_ERROR_CANCELLED)
 */
gboolean
bandi_sync_run_finish (BandiSync     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (BANDI_IS_SYNC (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
