/* bandi-call-limits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-call"

#include "config.h"

#include <string.h>

#include "bandi-call-limits.h"
#include "bandi-text.h"
#include "bandi-util.h"

gboolean
bandi_call_set_text (char       **field,
                     const char  *value,
                     gsize        max_bytes)
{
  g_autofree char *cut = NULL;

  if (value != NULL && strlen (value) > max_bytes)
    value = cut = bandi_text_truncate (value, max_bytes);

  return bandi_set_str (field, value);
}

gboolean
bandi_call_set_url_text (char       **field,
                         const char  *value)
{
  if (value != NULL && strlen (value) > BANDI_CALL_MAX_URL_BYTES)
    value = NULL;

  return bandi_set_str (field, value);
}

gboolean
bandi_call_set_keyword_list (char               ***field,
                             const char * const   *value)
{
  g_autoptr(GPtrArray) capped = NULL;

  if (value == NULL)
    return bandi_set_strv (field, NULL);

  capped = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; value[i] != NULL && i < BANDI_CALL_MAX_KEYWORDS; i++)
    g_ptr_array_add (capped, bandi_text_truncate (value[i], BANDI_CALL_MAX_KEYWORD_BYTES));
  g_ptr_array_add (capped, NULL);

  return bandi_set_strv (field, (const char * const *) capped->pdata);
}
