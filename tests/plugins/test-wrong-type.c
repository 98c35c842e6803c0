/* test-wrong-type.c — a plugin whose entry point returns a type that is
 * not a BandiSource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wrong-type"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_NOT_A_SOURCE (test_not_a_source_get_type ())
G_DECLARE_FINAL_TYPE (TestNotASource, test_not_a_source, TEST, NOT_A_SOURCE, GObject)

struct _TestNotASource
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TestNotASource, test_not_a_source, G_TYPE_OBJECT)

static void
test_not_a_source_class_init (TestNotASourceClass *klass)
{
}

static void
test_not_a_source_init (TestNotASource *self)
{
}

BANDI_DEFINE_SOURCE_PLUGIN (test_not_a_source_get_type)
