/* fuzz.h — what every fuzz target shares
 *
 * Each fuzz-NAME.c defines LLVMFuzzerTestOneInput(). With -Dfuzzing=true it
 * is linked with libFuzzer (build-aux/fuzz runs it); otherwise with
 * fuzz-replay.c, a test that runs it once on each seed and each kept crash
 * input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The input as a NUL-terminated string (text parsers take one). */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}

static inline void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", domain ? domain : "", message);
      /* SIGABRT, which libFuzzer catches and keeps the input of; GLib's
       * own fatal logs raise SIGTRAP, which it does not. */
      abort ();
    }
}

/* Criticals and warnings are bugs, as in the tests (G_DEBUG=fatal-criticals
 * is not set under libFuzzer). */
static inline void
fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_default_handler (fuzz_log_handler, NULL);
      g_once_init_leave (&done, 1);
    }
}
