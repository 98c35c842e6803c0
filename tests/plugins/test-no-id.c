/* test-no-id.c — a source that never sets its id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-no-id"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_NO_ID_SOURCE (test_no_id_source_get_type ())
G_DECLARE_FINAL_TYPE (TestNoIdSource, test_no_id_source, TEST, NO_ID_SOURCE, BandiSource)

struct _TestNoIdSource
{
  BandiSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestNoIdSource, test_no_id_source, BANDI_TYPE_SOURCE)

static void
test_no_id_source_class_init (TestNoIdSourceClass *klass)
{
}

static void
test_no_id_source_init (TestNoIdSource *self)
{
}

BANDI_DEFINE_SOURCE_PLUGIN (test_no_id_source_get_type)
