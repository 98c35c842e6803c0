/* test-no-symbol.c — a module that is not a Bandi plugin: no entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

G_MODULE_EXPORT int test_no_symbol_answer (void);

G_MODULE_EXPORT int
test_no_symbol_answer (void)
{
  return 42;
}
