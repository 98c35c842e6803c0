/* test-twin.c — a second plugin claiming the id of test-good
 *
 * It sorts after test-good.so, so the loader finds it second and marks it
 * a duplicate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-twin"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_TWIN_SOURCE (test_twin_source_get_type ())
G_DECLARE_FINAL_TYPE (TestTwinSource, test_twin_source, TEST, TWIN_SOURCE, BandiSource)

struct _TestTwinSource
{
  BandiSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestTwinSource, test_twin_source, BANDI_TYPE_SOURCE)

static void
test_twin_source_class_init (TestTwinSourceClass *klass)
{
}

static void
test_twin_source_init (TestTwinSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self), "test-good", "Twin of the good test source",
                         NULL, NULL, NULL);
}

BANDI_DEFINE_SOURCE_PLUGIN (test_twin_source_get_type)
