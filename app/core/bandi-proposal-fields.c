/* bandi-proposal-fields.c — a proposal's fields by name, as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposal"

#include "config.h"

#include "bandi-proposal-fields.h"

/* The properties a user edits; the rest (ids, times, uid) are the
 * store's. The manual deadline is its storage text with its zone. */
static const char * const field_names[] = {
  "cluster-acronym", "call-source", "call-external-id", "manual-call", "manual-deadline",
  "programme", "acronym", "title", "role", "partners", "requested-budget",
  "eu-contribution", "status", "owner", "notes", NULL
};

const char * const *
bandi_proposal_field_names (void)
{
  return field_names;
}

static char *
deadline_text (BandiDeadline *deadline)
{
  g_autofree char *stored = NULL;
  const char *zone;

  if (deadline == NULL)
    return NULL;

  stored = bandi_deadline_to_storage (deadline);
  zone = bandi_deadline_get_zone (deadline);
  return zone != NULL ? g_strdup_printf ("%s %s", stored, zone) : g_steal_pointer (&stored);
}

char *
bandi_proposal_dup_field (BandiProposal *proposal,
                          const char    *name)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (BANDI_IS_PROPOSAL (proposal), NULL);

  if (g_strcmp0 (name, "manual-deadline") == 0)
    return deadline_text (bandi_proposal_get_manual_deadline (proposal));
  if (g_strcmp0 (name, "status") == 0)
    return g_strdup (bandi_proposal_status_to_string (bandi_proposal_get_status (proposal)));
  if (g_strcmp0 (name, "role") == 0)
    return g_strdup (bandi_proposal_role_to_string (bandi_proposal_get_role (proposal)));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (proposal), name);
  g_return_val_if_fail (pspec != NULL, NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (proposal), name, &value);
  if (G_VALUE_HOLDS_DOUBLE (&value))
    {
      double amount = g_value_get_double (&value);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return amount < 0 ? NULL : g_strdup (g_ascii_dtostr (buffer, sizeof buffer, amount));
    }

  g_return_val_if_fail (G_VALUE_HOLDS_STRING (&value), NULL);
  return g_value_dup_string (&value);
}
