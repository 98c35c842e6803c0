/* test-good.c — a well-formed source plugin that needs no network
 *
 * Its two calls carry a timed and a date-only deadline. Its "greeting"
 * property is bound to the test schema io.github.bandi.Bandi.Test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-good"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_GOOD_SOURCE (test_good_source_get_type ())
G_DECLARE_FINAL_TYPE (TestGoodSource, test_good_source, TEST, GOOD_SOURCE, BandiSource)

struct _TestGoodSource
{
  BandiSource parent_instance;

  char *greeting;
};

G_DEFINE_FINAL_TYPE (TestGoodSource, test_good_source, BANDI_TYPE_SOURCE)

enum {
  PROP_0,
  PROP_GREETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BandiCall *
make_call (const char    *external_id,
           const char    *title,
           BandiDeadline *deadline)
{
  BandiCall *call = bandi_call_new ();

  bandi_call_set_source_id (call, "test-good");
  bandi_call_set_external_id (call, external_id);
  bandi_call_set_title (call, title);
  bandi_call_set_status (call, BANDI_CALL_STATUS_OPEN);
  bandi_call_add_deadline (call, deadline);

  return call;
}

static void
test_good_source_fetch_async (BandiSource         *source,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(BandiDeadline) timed = NULL;
  g_autoptr(BandiDeadline) date = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_object_unref);

  timed = bandi_deadline_new_local (1, "Deadline", 2031, 3, 4, 17, 0, 0, "Europe/Brussels");
  date = bandi_deadline_new_date (1, "Closing date", 2031, 5, 6);
  g_ptr_array_add (calls, make_call ("GOOD-1", "A good call", timed));
  g_ptr_array_add (calls, make_call ("GOOD-2", "Another good call", date));

  bandi_source_report_progress (source, 1.0, NULL);
  g_task_return_pointer (task, calls, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
test_good_source_fetch_finish (BandiSource   *source,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_good_source_finalize (GObject *object)
{
  TestGoodSource *self = TEST_GOOD_SOURCE (object);

  g_free (self->greeting);

  G_OBJECT_CLASS (test_good_source_parent_class)->finalize (object);
}

static void
test_good_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TestGoodSource *self = TEST_GOOD_SOURCE (object);

  switch (prop_id)
    {
    case PROP_GREETING:
      g_value_set_string (value, self->greeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_good_source_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TestGoodSource *self = TEST_GOOD_SOURCE (object);

  switch (prop_id)
    {
    case PROP_GREETING:
      if (g_strcmp0 (self->greeting, g_value_get_string (value)) != 0)
        {
          g_free (self->greeting);
          self->greeting = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_good_source_class_init (TestGoodSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  object_class->finalize = test_good_source_finalize;
  object_class->get_property = test_good_source_get_property;
  object_class->set_property = test_good_source_set_property;
  source_class->fetch_async = test_good_source_fetch_async;
  source_class->fetch_finish = test_good_source_fetch_finish;

  properties[PROP_GREETING] =
    g_param_spec_string ("greeting", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
test_good_source_init (TestGoodSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self), "test-good", "Good test source",
                         "Two calls, no network", NULL, "https://good.invalid/");
  bandi_source_set_settings_schema (BANDI_SOURCE (self), "io.github.bandi.Bandi.Test");
}

BANDI_DEFINE_SOURCE_PLUGIN (test_good_source_get_type)
