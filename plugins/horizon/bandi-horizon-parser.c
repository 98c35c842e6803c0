/* bandi-horizon-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-horizon"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bandi-horizon-parser.h"
#include "bandi-horizon-values.h"

/* The programmes of the Portal that Bandi names. */
static const struct {
  const char *code;
  const char *name;
} programmes[] = {
  { "43108390", "Horizon Europe" },
  { "43152860", "Digital Europe" },
  { "43252405", "LIFE" },
  { "43252476", "Single Market Programme" },
  { "43332642", "EU4Health" },
  { "43353764", "Erasmus+" },
  { "43251567", "Connecting Europe Facility" },
  { "44181033", "European Defence Fund" },
  { "43251589", "Citizens, Equality, Rights and Values" },
  { "43298916", "Euratom" },
  { "31045243", "Horizon 2020" },
};

const char *
bandi_horizon_programme_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (programmes); i++)
    if (strcmp (programmes[i].code, code) == 0)
      return programmes[i].name;

  return NULL;
}

char *
bandi_horizon_programme_part (const char *identifier)
{
  g_auto(GStrv) parts = NULL;
  const char *part;

  if (identifier == NULL)
    return NULL;

  /* HORIZON-CL5-2024-D2-01-03 → CL5; DIGITAL-2024-AI-06 has none. */
  parts = g_strsplit (identifier, "-", 3);
  if (parts[0] == NULL || parts[1] == NULL)
    return NULL;

  part = parts[1];
  if (*part == '\0' || g_ascii_isdigit (*part))
    return NULL;

  return g_ascii_strup (part, -1);
}

/* Distinct non-blank values, squeezed, in order. */
static void
add_distinct (GPtrArray  *values,
              const char *value)
{
  g_autofree char *squeezed = bandi_text_squeeze (value);

  if (squeezed == NULL || *squeezed == '\0')
    return;

  for (guint i = 0; i < values->len; i++)
    if (strcmp (g_ptr_array_index (values, i), squeezed) == 0)
      return;

  g_ptr_array_add (values, g_steal_pointer (&squeezed));
}

static char *
join_values (GPtrArray *values)
{
  if (values->len == 0)
    return NULL;

  g_ptr_array_add (values, NULL);
  return g_strjoinv (", ", (char **) values->pdata);
}

/* Keywords: an array of strings, of which one may be a JSON array itself. */
static void
read_keywords (BandiCall  *call,
               JsonObject *meta)
{
  g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
  guint n = bandi_horizon_meta_length (meta, "keywords");

  for (guint i = 0; i < n; i++)
    {
      const char *s = bandi_horizon_meta_nth (meta, "keywords", i);
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;

      if (s == NULL)
        continue;

      if (*bandi_horizon_skip_blanks (s) == '[')
        {
          parser = json_parser_new_immutable ();
          if ((root = bandi_json_load_answer (parser, s, -1, NULL)) != NULL &&
              JSON_NODE_HOLDS_ARRAY (root))
            {
              JsonArray *array = json_node_get_array (root);

              for (guint j = 0; j < json_array_get_length (array); j++)
                add_distinct (keywords, bandi_horizon_node_string (json_array_get_element (array, j)));
              continue;
            }
        }

      add_distinct (keywords, s);
    }

  if (keywords->len > 0)
    {
      g_ptr_array_add (keywords, NULL);
      bandi_call_set_keywords (call, (const char * const *) keywords->pdata);
    }
}

static void
read_programme (BandiCall  *call,
                JsonObject *meta)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint n = bandi_horizon_meta_length (meta, "frameworkProgramme");

  for (guint i = 0; i < n; i++)
    {
      const char *code = bandi_horizon_meta_nth (meta, "frameworkProgramme", i);
      const char *name = bandi_horizon_programme_name (code);

      add_distinct (names, name ? name : code);
    }

  joined = join_values (names);
  bandi_call_set_programme (call, joined);
}

static void
read_action_types (BandiCall  *call,
                   JsonObject *meta)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint n = bandi_horizon_meta_length (meta, "typesOfAction");

  for (guint i = 0; i < n; i++)
    add_distinct (types, bandi_horizon_meta_nth (meta, "typesOfAction", i));

  joined = join_values (types);
  bandi_call_set_action_type (call, joined);
}

/* Deadlines */

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  gint64 ta = bandi_deadline_sort_key (*(BandiDeadline **) a);
  gint64 tb = bandi_deadline_sort_key (*(BandiDeadline **) b);

  return (ta > tb) - (ta < tb);
}

static gboolean
model_is (const char *model,
          const char *word)
{
  g_autofree char *folded = NULL;

  if (model == NULL)
    return FALSE;

  folded = g_ascii_strdown (model, -1);
  return strstr (folded, word) != NULL;
}

/* One deadline per stage or cut-off, in time order, labelled. */
static void
add_deadlines (BandiCall  *call,
               GPtrArray  *texts,
               const char *model,
               const char *identifier,
               GPtrArray  *warnings)
{
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean two_stage = model_is (model, "two-stage") || model_is (model, "two stage");
  gboolean cut_offs = model_is (model, "cut-off") || model_is (model, "cutoff");

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      BandiDeadline *deadline = bandi_horizon_deadline_new (0, NULL, text);

      if (deadline == NULL)
        {
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("Topic %s: unreadable deadline “%s” left out"),
                                            identifier, text));
          continue;
        }
      g_ptr_array_add (deadlines, deadline);
    }

  g_ptr_array_sort (deadlines, compare_deadlines);

  /* The same instant listed twice is one deadline. */
  for (guint i = 1; i < deadlines->len;)
    {
      if (bandi_deadline_sort_key (g_ptr_array_index (deadlines, i - 1)) ==
          bandi_deadline_sort_key (g_ptr_array_index (deadlines, i)))
        g_ptr_array_remove_index (deadlines, i);
      else
        i++;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *label = NULL;

      /* Labels are stored data, in English like the Portal's own. */
      if (two_stage)
        label = g_strdup_printf ("Stage %u", i + 1);
      else if (cut_offs || deadlines->len > 1)
        label = g_strdup_printf ("Cut-off %u", i + 1);
      else
        label = g_strdup ("Deadline");

      bandi_deadline_set_stage (deadline, i + 1);
      bandi_deadline_set_label (deadline, label);
      bandi_call_add_deadline (call, deadline);
    }
}

/* Status */

static BandiCallStatus
status_from_code (const char *code)
{
  if (g_strcmp0 (code, BANDI_HORIZON_STATUS_FORTHCOMING) == 0)
    return BANDI_CALL_STATUS_FORTHCOMING;
  if (g_strcmp0 (code, BANDI_HORIZON_STATUS_OPEN) == 0)
    return BANDI_CALL_STATUS_OPEN;
  if (g_strcmp0 (code, BANDI_HORIZON_STATUS_CLOSED) == 0)
    return BANDI_CALL_STATUS_CLOSED;

  return BANDI_CALL_STATUS_UNKNOWN;
}

/* The start of a date-only opening: the start of that day in Brussels. */
static gint64
opening_instant (BandiDeadline *opening)
{
  g_autoptr(BandiDeadline) start = NULL;
  int year, month, day;

  if (bandi_deadline_has_time (opening))
    return bandi_deadline_to_unix (opening);

  bandi_deadline_get_date (opening, &year, &month, &day);
  start = bandi_deadline_new_local (0, NULL, year, month, day, 0, 0, 0, BANDI_HORIZON_ZONE);

  return bandi_deadline_to_unix (start);
}

/* The dates win over the code: an "open" topic whose last deadline has
 * passed is closed, a "forthcoming" one whose opening has come is open.
 * *@next_change becomes the first instant after @now_unix at which that
 * reading would change, if sooner. */
static BandiCallStatus
status_from_dates (BandiCall       *call,
                   BandiCallStatus  status,
                   gint64           now_unix,
                   gint64          *next_change)
{
  BandiDeadline *last = bandi_call_get_last_deadline (call);
  BandiDeadline *opening = bandi_call_get_opening (call);
  gint64 closes = last != NULL ? bandi_deadline_to_unix (last) + 1 : G_MAXINT64;
  gint64 opens = opening != NULL ? opening_instant (opening) : G_MAXINT64;

  if (closes > now_unix)
    *next_change = MIN (*next_change, closes);
  if (opens > now_unix)
    *next_change = MIN (*next_change, opens);

  if (closes <= now_unix)
    return BANDI_CALL_STATUS_CLOSED;

  if ((status == BANDI_CALL_STATUS_OPEN || status == BANDI_CALL_STATUS_FORTHCOMING) &&
      opening != NULL)
    return opens <= now_unix ? BANDI_CALL_STATUS_OPEN : BANDI_CALL_STATUS_FORTHCOMING;

  return status;
}

/* The collector */

struct _BandiHorizonCollector
{
  char       *source_id;
  gint64      now_unix;
  gint64      next_change;
  GPtrArray  *calls;    /* BandiCall */
  GArray     *ranks;    /* guint, the preference of each call's copy */
  GHashTable *index;    /* identifier → position + 1 */
  JsonParser *inner;    /* for the JSON held in strings */
  guint       n_records; /* results read, and of them those skipped */
  guint       n_skipped;
};

BandiHorizonCollector *
bandi_horizon_collector_new (const char *source_id,
                             gint64      now_unix)
{
  BandiHorizonCollector *self = g_new0 (BandiHorizonCollector, 1);

  self->source_id = g_strdup (source_id);
  self->now_unix = now_unix;
  self->next_change = G_MAXINT64;
  self->calls = g_ptr_array_new_with_free_func (g_object_unref);
  self->ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->inner = json_parser_new ();

  return self;
}

void
bandi_horizon_collector_free (BandiHorizonCollector *self)
{
  if (self == NULL)
    return;

  g_free (self->source_id);
  g_ptr_array_unref (self->calls);
  g_array_unref (self->ranks);
  g_hash_table_unref (self->index);
  g_object_unref (self->inner);
  g_free (self);
}

guint
bandi_horizon_collector_get_n_calls (BandiHorizonCollector *self)
{
  return self->calls->len;
}

gint64
bandi_horizon_collector_get_next_change (BandiHorizonCollector *self)
{
  return self->next_change;
}

GPtrArray *
bandi_horizon_collector_steal_calls (BandiHorizonCollector *self)
{
  GPtrArray *calls = g_steal_pointer (&self->calls);

  self->calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_array_set_size (self->ranks, 0);
  g_hash_table_remove_all (self->index);

  return calls;
}

/* Which copy of a repeated topic to keep: the SEDIA data source (the other,
 * SEDIA_PRD_CENTRICITY, can lag behind), then English. */
static guint
record_rank (JsonObject *result,
             JsonObject *meta)
{
  const char *source = bandi_horizon_meta_first (meta, "DATASOURCE");
  const char *language = bandi_horizon_meta_first (meta, "language");
  guint rank = 0;

  if (source == NULL)
    source = bandi_horizon_object_string (result, "database");
  if (language == NULL)
    language = bandi_horizon_object_string (result, "language");

  if (source == NULL || strcmp (source, "SEDIA") == 0)
    rank += 2;
  if (language == NULL || g_ascii_strcasecmp (language, "en") == 0)
    rank += 1;

  return rank;
}

static void
set_squeezed (BandiCall  *call,
              void      (*setter) (BandiCall *, const char *),
              const char *value)
{
  g_autofree char *squeezed = bandi_text_squeeze (value);

  setter (call, squeezed);
}

/* The Portal gives an opening as a day: midnight, Brussels time. */
static BandiDeadline *
opening_new (const char *text)
{
  g_autoptr(BandiDeadline) opening = bandi_horizon_deadline_new (0, "Opening", text);
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  if (opening == NULL || !bandi_deadline_has_time (opening))
    return g_steal_pointer (&opening);

  local = bandi_deadline_dup_local (opening);
  if (local == NULL || g_date_time_get_hour (local) != 0 || g_date_time_get_minute (local) != 0 ||
      g_date_time_get_second (local) != 0)
    return g_steal_pointer (&opening);

  bandi_deadline_get_date (opening, &year, &month, &day);
  return bandi_deadline_new_date (0, "Opening", year, month, day);
}

static BandiCall *
call_from_record (BandiHorizonCollector *self,
                  JsonObject            *result,
                  JsonObject            *meta,
                  const char            *identifier,
                  GPtrArray             *warnings)
{
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autoptr(GPtrArray) deadline_texts = g_ptr_array_new ();
  g_autoptr(BandiDeadline) opening = NULL;
  g_autofree char *part = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  const char *text;
  const char *model;
  guint n_dates;
  BandiHorizonBudget budget = {
    .min_contribution = -1,
    .max_contribution = -1,
    .deadline_dates = g_ptr_array_new (),
  };

  bandi_call_set_source_id (call, self->source_id);
  bandi_call_set_external_id (call, identifier);

  set_squeezed (call, bandi_call_set_call_id, bandi_horizon_meta_first (meta, "callIdentifier"));
  set_squeezed (call, bandi_call_set_call_title, bandi_horizon_meta_first (meta, "callTitle"));
  text = bandi_horizon_meta_first (meta, "title");
  set_squeezed (call, bandi_call_set_title, text ? text : bandi_horizon_object_string (result, "content"));

  read_programme (call, meta);
  part = bandi_horizon_programme_part (identifier);
  bandi_call_set_programme_part (call, part);
  read_action_types (call, meta);
  read_keywords (call, meta);

  text = bandi_horizon_meta_first (meta, "descriptionByte");
  if (text != NULL)
    {
      g_autofree char *plain = bandi_text_html_to_plain (text);
      bandi_call_set_description (call, plain);
    }

  escaped = g_uri_escape_string (identifier, NULL, FALSE);
  url = g_strconcat (BANDI_HORIZON_TOPIC_URL, escaped, NULL);
  bandi_call_set_url (call, url);

  text = bandi_horizon_meta_first (meta, "budgetOverview");
  if (text != NULL && !bandi_horizon_read_budget_overview (&budget, self->inner, text, identifier))
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("Topic %s: unreadable budget overview left out"), identifier));
  if (budget.has_budget)
    bandi_call_set_budget (call, budget.budget);
  if (budget.has_grants && budget.grants <= G_MAXINT)
    bandi_call_set_expected_grants (call, (int) budget.grants);
  bandi_call_set_min_contribution (call, budget.min_contribution);
  bandi_call_set_max_contribution (call, budget.max_contribution);

  text = bandi_horizon_meta_first (meta, "startDate");
  if (text != NULL)
    {
      opening = opening_new (text);
      if (opening == NULL)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Topic %s: unreadable opening date “%s” left out"),
                                          identifier, text));
      bandi_call_set_opening (call, opening);
    }

  /* The deadlines of the record, else those of its budget overview. */
  n_dates = bandi_horizon_meta_length (meta, "deadlineDate");
  for (guint i = 0; i < n_dates; i++)
    if ((text = bandi_horizon_meta_nth (meta, "deadlineDate", i)) != NULL)
      g_ptr_array_add (deadline_texts, (gpointer) text);
  if (deadline_texts->len == 0)
    g_ptr_array_extend (deadline_texts, budget.deadline_dates, NULL, NULL);

  model = bandi_horizon_meta_first (meta, "deadlineModel");
  if (model == NULL)
    model = budget.deadline_model;
  set_squeezed (call, bandi_call_set_deadline_model, model);

  add_deadlines (call, deadline_texts, model, identifier, warnings);

  bandi_call_set_status (call,
                         status_from_dates (call,
                                            status_from_code (bandi_horizon_meta_first (meta, "status")),
                                            self->now_unix, &self->next_change));

  g_ptr_array_unref (budget.deadline_dates);

  return g_steal_pointer (&call);
}

static void
add_record (BandiHorizonCollector *self,
            JsonNode              *node,
            guint                  position,
            GPtrArray             *warnings)
{
  JsonObject *result;
  JsonNode *meta_node;
  JsonObject *meta;
  g_autofree char *identifier = NULL;
  const char *reference;
  gpointer found;
  guint rank;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_ptr_array_add (warnings, g_strdup_printf (_("Result %u is not a record; skipped"), position));
      self->n_skipped++;
      return;
    }

  result = json_node_get_object (node);
  reference = bandi_horizon_object_string (result, "reference");
  meta_node = json_object_get_member (result, "metadata");
  meta = meta_node != NULL && JSON_NODE_HOLDS_OBJECT (meta_node) ? json_node_get_object (meta_node) : NULL;
  if (meta != NULL)
    identifier = bandi_text_squeeze (bandi_horizon_meta_first (meta, "identifier"));

  if (identifier == NULL || *identifier == '\0')
    {
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("A record without a topic identifier (reference “%s”) was skipped"),
                                        reference ? reference : "?"));
      self->n_skipped++;
      return;
    }

  rank = record_rank (result, meta);
  found = g_hash_table_lookup (self->index, identifier);

  if (found == NULL)
    {
      g_ptr_array_add (self->calls, call_from_record (self, result, meta, identifier, warnings));
      g_array_append_val (self->ranks, rank);
      g_hash_table_insert (self->index, g_steal_pointer (&identifier),
                           GUINT_TO_POINTER (self->calls->len));
    }
  else
    {
      guint i = GPOINTER_TO_UINT (found) - 1;

      if (rank > g_array_index (self->ranks, guint, i))
        {
          g_object_unref (g_ptr_array_index (self->calls, i));
          g_ptr_array_index (self->calls, i) = call_from_record (self, result, meta, identifier, warnings);
          g_array_index (self->ranks, guint, i) = rank;
        }
    }
}

gboolean
bandi_horizon_collector_add_page (BandiHorizonCollector *self,
                                  GBytes                *body,
                                  gint64                *out_total_results,
                                  guint                 *out_n_results,
                                  GPtrArray             *warnings,
                                  GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *page;
  JsonNode *results;
  JsonNode *total;
  JsonArray *array;
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);

  root = bandi_json_load_answer (parser, data, (gssize) len, error);
  if (root == NULL)
    return FALSE;

  results = NULL;
  page = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (page != NULL)
    results = json_object_get_member (page, "results");
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_set_error_literal (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE,
                           _("the answer is JSON but holds no list of results"));
      return FALSE;
    }

  total = json_object_get_member (page, "totalResults");
  if (out_total_results != NULL)
    *out_total_results = total != NULL && JSON_NODE_HOLDS_VALUE (total) &&
                         json_node_get_value_type (total) == G_TYPE_INT64 ?
                         json_node_get_int (total) : -1;

  array = json_node_get_array (results);
  for (guint i = 0; i < json_array_get_length (array); i++)
    add_record (self, json_array_get_element (array, i), i + 1, warnings);

  self->n_records += json_array_get_length (array);
  if (out_n_results != NULL)
    *out_n_results = json_array_get_length (array);

  return TRUE;
}

void
bandi_horizon_collector_get_counts (BandiHorizonCollector *self,
                                    guint                 *out_n_records,
                                    guint                 *out_n_skipped)
{
  *out_n_records = self->n_records;
  *out_n_skipped = self->n_skipped;
}
