/* test-fail.c — a source plugin whose fetch always fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-fail"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_FAIL_SOURCE (test_fail_source_get_type ())
G_DECLARE_FINAL_TYPE (TestFailSource, test_fail_source, TEST, FAIL_SOURCE, BandiSource)

struct _TestFailSource
{
  BandiSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestFailSource, test_fail_source, BANDI_TYPE_SOURCE)

static void
test_fail_source_fetch_async (BandiSource         *source,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);

  bandi_source_add_warning (source, "About to fail");
  g_task_return_new_error (task, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_FAILED,
                           "The failing test source failed as it always does");
}

static GPtrArray *
test_fail_source_fetch_finish (BandiSource   *source,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_fail_source_class_init (TestFailSourceClass *klass)
{
  BandiSourceClass *source_class = BANDI_SOURCE_CLASS (klass);

  source_class->fetch_async = test_fail_source_fetch_async;
  source_class->fetch_finish = test_fail_source_fetch_finish;
}

static void
test_fail_source_init (TestFailSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self), "test-fail", "Failing test source",
                         NULL, NULL, "https://fail.invalid/");
}

BANDI_DEFINE_SOURCE_PLUGIN (test_fail_source_get_type)
