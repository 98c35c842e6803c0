/* crash-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "crash-common.h"

char *
crash_proposal_title (const char *key,
                      guint       rev)
{
  return g_strdup_printf ("%s r%u", key, rev);
}

gboolean
crash_parse_proposal_title (const char  *title,
                            char       **out_key,
                            guint       *out_rev)
{
  const char *space = title ? strrchr (title, ' ') : NULL;
  guint64 rev;

  if (space == NULL || space[1] != 'r' ||
      !g_ascii_string_to_unsigned (space + 2, 10, 0, G_MAXUINT, &rev, NULL))
    return FALSE;

  *out_key = g_strndup (title, space - title);
  *out_rev = (guint) rev;
  return TRUE;
}

guint
crash_parse_note (const char *note)
{
  guint64 rev;

  if (note == NULL || note[0] != 'r' ||
      !g_ascii_string_to_unsigned (note + 1, 10, 1, G_MAXUINT, &rev, NULL))
    return 0;
  return (guint) rev;
}
