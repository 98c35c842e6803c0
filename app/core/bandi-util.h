/* bandi-util.h — small private helpers of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() is GLib 2.76; Bandi's minimum is 2.74. */
static inline gboolean
bandi_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

static inline gboolean
bandi_set_strv (char               ***strv_pointer,
                const char * const   *new_strv)
{
  char **copy;

  if (*strv_pointer == NULL && new_strv == NULL)
    return FALSE;
  if (*strv_pointer != NULL && new_strv != NULL &&
      g_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  copy = g_strdupv ((char **) new_strv);
  g_strfreev (*strv_pointer);
  *strv_pointer = copy;

  return TRUE;
}

G_END_DECLS
