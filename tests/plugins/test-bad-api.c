/* test-bad-api.c — a plugin built for a newer plugin API than Bandi's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-bad-api"

#include "config.h"

#include "bandi-source.h"

#define TEST_TYPE_BAD_API_SOURCE (test_bad_api_source_get_type ())
G_DECLARE_FINAL_TYPE (TestBadApiSource, test_bad_api_source, TEST, BAD_API_SOURCE, BandiSource)

struct _TestBadApiSource
{
  BandiSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TestBadApiSource, test_bad_api_source, BANDI_TYPE_SOURCE)

static void
test_bad_api_source_class_init (TestBadApiSourceClass *klass)
{
}

static void
test_bad_api_source_init (TestBadApiSource *self)
{
  bandi_source_set_info (BANDI_SOURCE (self), "test-bad-api", "Future test source",
                         NULL, NULL, NULL);
}

G_MODULE_EXPORT GType bandi_source_plugin_query (guint *api_version);

G_MODULE_EXPORT GType
bandi_source_plugin_query (guint *api_version)
{
  *api_version = BANDI_SOURCE_API_VERSION + 1;
  return test_bad_api_source_get_type ();
}
