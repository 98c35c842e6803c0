/* bandi-horizon-values.c — the values of a search API record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-horizon"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bandi-source.h"

#include "bandi-horizon-values.h"

const char *
bandi_horizon_skip_blanks (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

const char *
bandi_horizon_node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

gboolean
bandi_horizon_is_blank (const char *s)
{
  return s == NULL || *bandi_horizon_skip_blanks (s) == '\0';
}

guint
bandi_horizon_meta_length (JsonObject *meta,
             const char *key)
{
  JsonNode *node = json_object_get_member (meta, key);

  if (node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node));

  return bandi_horizon_node_string (node) != NULL ? 1 : 0;
}

/* The @i-th string of @key, or NULL if it is not a non-blank string. */
const char *
bandi_horizon_meta_nth (JsonObject *meta,
          const char *key,
          guint       i)
{
  JsonNode *node = json_object_get_member (meta, key);
  const char *s = NULL;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (i < json_array_get_length (array))
        s = bandi_horizon_node_string (json_array_get_element (array, i));
    }
  else if (i == 0)
    s = bandi_horizon_node_string (node);

  return bandi_horizon_is_blank (s) ? NULL : s;
}

const char *
bandi_horizon_meta_first (JsonObject *meta,
            const char *key)
{
  guint n = bandi_horizon_meta_length (meta, key);

  for (guint i = 0; i < n; i++)
    {
      const char *s = bandi_horizon_meta_nth (meta, key, i);

      if (s != NULL)
        return s;
    }

  return NULL;
}

const char *
bandi_horizon_object_string (JsonObject *object,
               const char *key)
{
  const char *s = bandi_horizon_node_string (json_object_get_member (object, key));

  return bandi_horizon_is_blank (s) ? NULL : s;
}

gboolean
bandi_horizon_node_number (JsonNode *node,
             double   *out)
{
  const char *s;
  char *end = NULL;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;
    case G_TYPE_STRING:
      s = bandi_horizon_skip_blanks (json_node_get_string (node));
      value = g_ascii_strtod (s, &end);
      if (end == s || *bandi_horizon_skip_blanks (end) != '\0')
        return FALSE;
      break;
    default:
      return FALSE;
    }

  if (!isfinite (value) || value < 0)
    return FALSE;

  *out = value;
  return TRUE;
}

/* The budget overview */

/* "HORIZON-CL5-2024-D2-01-03 - HORIZON-RIA HORIZON Research and Innovation
 * Actions" belongs to HORIZON-CL5-2024-D2-01-03, not to …-01-03-two-stage. */
static gboolean
action_is_topic (const char *action,
                 const char *identifier)
{
  gsize n = strlen (identifier);
  char next;

  if (action == NULL)
    return FALSE;

  action = bandi_horizon_skip_blanks (action);
  if (g_ascii_strncasecmp (action, identifier, n) != 0)
    return FALSE;

  next = action[n];
  return next == '\0' || (!g_ascii_isalnum (next) && next != '-' && next != '_');
}

static void
read_action (BandiHorizonBudget *budget,
             JsonObject  *action)
{
  JsonNode *node;
  double value;

  budget->found = TRUE;

  node = json_object_get_member (action, "budgetYearMap");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *years = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *amount;

      json_object_iter_init (&iter, years);
      while (json_object_iter_next (&iter, NULL, &amount))
        if (bandi_horizon_node_number (amount, &value))
          {
            budget->budget += value;
            budget->has_budget = TRUE;
          }
    }

  if (bandi_horizon_node_number (json_object_get_member (action, "expectedGrants"), &value))
    {
      budget->grants += value;
      budget->has_grants = TRUE;
    }
  if (bandi_horizon_node_number (json_object_get_member (action, "minContribution"), &value) &&
      (budget->min_contribution < 0 || value < budget->min_contribution))
    budget->min_contribution = value;
  if (bandi_horizon_node_number (json_object_get_member (action, "maxContribution"), &value) &&
      value > budget->max_contribution)
    budget->max_contribution = value;

  if (budget->deadline_model == NULL)
    budget->deadline_model = bandi_horizon_object_string (action, "deadlineModel");

  node = json_object_get_member (action, "deadlineDates");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *dates = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (dates); i++)
        {
          const char *date = bandi_horizon_node_string (json_array_get_element (dates, i));

          if (!bandi_horizon_is_blank (date))
            g_ptr_array_add (budget->deadline_dates, (gpointer) date);
        }
    }
}

/* Returns FALSE if the overview is there but cannot be read. */
gboolean
bandi_horizon_read_budget_overview (BandiHorizonBudget *budget,
                      JsonParser  *parser,
                      const char  *text,
                      const char  *identifier)
{
  JsonNode *root;
  JsonNode *map_node;
  JsonObjectIter iter;
  JsonNode *actions;

  if ((root = bandi_json_load_answer (parser, text, -1, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  map_node = json_object_get_member (json_node_get_object (root), "budgetTopicActionMap");
  if (map_node == NULL || JSON_NODE_HOLDS_NULL (map_node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (map_node))
    return FALSE;

  json_object_iter_init (&iter, json_node_get_object (map_node));
  while (json_object_iter_next (&iter, NULL, &actions))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (actions))
        continue;

      array = json_node_get_array (actions);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *action = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (action) &&
              action_is_topic (bandi_horizon_object_string (json_node_get_object (action), "action"), identifier))
            read_action (budget, json_node_get_object (action));
        }
    }

  return TRUE;
}
