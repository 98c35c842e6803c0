/* bandi-call.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-call"

#include "config.h"

#include "bandi-call.h"
#include "bandi-call-limits.h"
#include "bandi-enum-types.h"
#include "bandi-util.h"

struct _BandiCall
{
  GObject parent_instance;

  gint64  id;
  char *source_id;
  char *external_id;
  char *call_id;
  char *call_title;
  char *title;
  char *programme;
  char *programme_part;
  char *action_type;
  char *deadline_model;
  BandiCallStatus status;
  BandiDeadline *opening;
  double  budget;
  int  expected_grants;
  double  min_contribution;
  double  max_contribution;
  char *url;
  char **keywords;
  char *description;
  gint64  first_seen;
  gint64  last_changed;
  gboolean  withdrawn;
  gboolean  starred;
  char *note;
  GPtrArray *deadlines;

};

G_DEFINE_FINAL_TYPE (BandiCall, bandi_call, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_ID,
  PROP_EXTERNAL_ID,
  PROP_CALL_ID,
  PROP_CALL_TITLE,
  PROP_TITLE,
  PROP_PROGRAMME,
  PROP_PROGRAMME_PART,
  PROP_ACTION_TYPE,
  PROP_DEADLINE_MODEL,
  PROP_STATUS,
  PROP_OPENING,
  PROP_BUDGET,
  PROP_EXPECTED_GRANTS,
  PROP_MIN_CONTRIBUTION,
  PROP_MAX_CONTRIBUTION,
  PROP_URL,
  PROP_KEYWORDS,
  PROP_DESCRIPTION,
  PROP_FIRST_SEEN,
  PROP_LAST_CHANGED,
  PROP_WITHDRAWN,
  PROP_STARRED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_call_finalize (GObject *object)
{
  BandiCall *self = BANDI_CALL (object);

  g_free (self->source_id);
  g_free (self->external_id);
  g_free (self->call_id);
  g_free (self->call_title);
  g_free (self->title);
  g_free (self->programme);
  g_free (self->programme_part);
  g_free (self->action_type);
  g_free (self->deadline_model);
  g_clear_object (&self->opening);
  g_free (self->url);
  g_strfreev (self->keywords);
  g_free (self->description);
  g_free (self->note);

  g_clear_pointer (&self->deadlines, g_ptr_array_unref);


  G_OBJECT_CLASS (bandi_call_parent_class)->finalize (object);
}

static void
bandi_call_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BandiCall *self = BANDI_CALL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;
    case PROP_CALL_ID:
      g_value_set_string (value, self->call_id);
      break;
    case PROP_CALL_TITLE:
      g_value_set_string (value, self->call_title);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROGRAMME:
      g_value_set_string (value, self->programme);
      break;
    case PROP_PROGRAMME_PART:
      g_value_set_string (value, self->programme_part);
      break;
    case PROP_ACTION_TYPE:
      g_value_set_string (value, self->action_type);
      break;
    case PROP_DEADLINE_MODEL:
      g_value_set_string (value, self->deadline_model);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OPENING:
      g_value_set_object (value, self->opening);
      break;
    case PROP_BUDGET:
      g_value_set_double (value, self->budget);
      break;
    case PROP_EXPECTED_GRANTS:
      g_value_set_int (value, self->expected_grants);
      break;
    case PROP_MIN_CONTRIBUTION:
      g_value_set_double (value, self->min_contribution);
      break;
    case PROP_MAX_CONTRIBUTION:
      g_value_set_double (value, self->max_contribution);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->keywords);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_FIRST_SEEN:
      g_value_set_int64 (value, self->first_seen);
      break;
    case PROP_LAST_CHANGED:
      g_value_set_int64 (value, self->last_changed);
      break;
    case PROP_WITHDRAWN:
      g_value_set_boolean (value, self->withdrawn);
      break;
    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_call_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BandiCall *self = BANDI_CALL (object);

  switch (prop_id)
    {
    case PROP_ID:
      bandi_call_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SOURCE_ID:
      bandi_call_set_source_id (self, g_value_get_string (value));
      break;
    case PROP_EXTERNAL_ID:
      bandi_call_set_external_id (self, g_value_get_string (value));
      break;
    case PROP_CALL_ID:
      bandi_call_set_call_id (self, g_value_get_string (value));
      break;
    case PROP_CALL_TITLE:
      bandi_call_set_call_title (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      bandi_call_set_title (self, g_value_get_string (value));
      break;
    case PROP_PROGRAMME:
      bandi_call_set_programme (self, g_value_get_string (value));
      break;
    case PROP_PROGRAMME_PART:
      bandi_call_set_programme_part (self, g_value_get_string (value));
      break;
    case PROP_ACTION_TYPE:
      bandi_call_set_action_type (self, g_value_get_string (value));
      break;
    case PROP_DEADLINE_MODEL:
      bandi_call_set_deadline_model (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      bandi_call_set_status (self, g_value_get_enum (value));
      break;
    case PROP_OPENING:
      bandi_call_set_opening (self, g_value_get_object (value));
      break;
    case PROP_BUDGET:
      bandi_call_set_budget (self, g_value_get_double (value));
      break;
    case PROP_EXPECTED_GRANTS:
      bandi_call_set_expected_grants (self, g_value_get_int (value));
      break;
    case PROP_MIN_CONTRIBUTION:
      bandi_call_set_min_contribution (self, g_value_get_double (value));
      break;
    case PROP_MAX_CONTRIBUTION:
      bandi_call_set_max_contribution (self, g_value_get_double (value));
      break;
    case PROP_URL:
      bandi_call_set_url (self, g_value_get_string (value));
      break;
    case PROP_KEYWORDS:
      bandi_call_set_keywords (self, g_value_get_boxed (value));
      break;
    case PROP_DESCRIPTION:
      bandi_call_set_description (self, g_value_get_string (value));
      break;
    case PROP_FIRST_SEEN:
      bandi_call_set_first_seen (self, g_value_get_int64 (value));
      break;
    case PROP_LAST_CHANGED:
      bandi_call_set_last_changed (self, g_value_get_int64 (value));
      break;
    case PROP_WITHDRAWN:
      bandi_call_set_withdrawn (self, g_value_get_boolean (value));
      break;
    case PROP_STARRED:
      bandi_call_set_starred (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      bandi_call_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_call_class_init (BandiCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_call_finalize;
  object_class->get_property = bandi_call_get_property;
  object_class->set_property = bandi_call_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_ID] =
    g_param_spec_string ("call-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_TITLE] =
    g_param_spec_string ("call-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_string ("programme", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_PART] =
    g_param_spec_string ("programme-part", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TYPE] =
    g_param_spec_string ("action-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE_MODEL] =
    g_param_spec_string ("deadline-model", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BANDI_TYPE_CALL_STATUS, BANDI_CALL_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENING] =
    g_param_spec_object ("opening", NULL, NULL, BANDI_TYPE_DEADLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDGET] =
    g_param_spec_double ("budget", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPECTED_GRANTS] =
    g_param_spec_int ("expected-grants", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_CONTRIBUTION] =
    g_param_spec_double ("min-contribution", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CONTRIBUTION] =
    g_param_spec_double ("max-contribution", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_SEEN] =
    g_param_spec_int64 ("first-seen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_CHANGED] =
    g_param_spec_int64 ("last-changed", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITHDRAWN] =
    g_param_spec_boolean ("withdrawn", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_call_init (BandiCall *self)
{
  self->status = BANDI_CALL_STATUS_UNKNOWN;
  self->budget = -1.0;
  self->expected_grants = -1;
  self->min_contribution = -1.0;
  self->max_contribution = -1.0;

  self->deadlines = g_ptr_array_new_with_free_func (g_object_unref);

}

BandiCall *
bandi_call_new (void)
{
  return g_object_new (BANDI_TYPE_CALL, NULL);
}

gint64
bandi_call_get_id (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->id;
}

void
bandi_call_set_id (BandiCall *self,
                   gint64     id)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
bandi_call_get_source_id (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->source_id;
}

void
bandi_call_set_source_id (BandiCall  *self,
                          const char *source_id)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->source_id, source_id, BANDI_CALL_MAX_ID_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

const char *
bandi_call_get_external_id (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->external_id;
}

void
bandi_call_set_external_id (BandiCall  *self,
                            const char *external_id)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->external_id, external_id, BANDI_CALL_MAX_ID_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
}

const char *
bandi_call_get_call_id (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->call_id;
}

void
bandi_call_set_call_id (BandiCall  *self,
                        const char *call_id)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->call_id, call_id, BANDI_CALL_MAX_ID_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_ID]);
}

const char *
bandi_call_get_call_title (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->call_title;
}

void
bandi_call_set_call_title (BandiCall  *self,
                           const char *call_title)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->call_title, call_title, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_TITLE]);
}

const char *
bandi_call_get_title (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->title;
}

void
bandi_call_set_title (BandiCall  *self,
                      const char *title)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->title, title, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bandi_call_get_programme (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->programme;
}

void
bandi_call_set_programme (BandiCall  *self,
                          const char *programme)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->programme, programme, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

const char *
bandi_call_get_programme_part (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->programme_part;
}

void
bandi_call_set_programme_part (BandiCall  *self,
                               const char *programme_part)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->programme_part, programme_part, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_PART]);
}

const char *
bandi_call_get_action_type (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->action_type;
}

void
bandi_call_set_action_type (BandiCall  *self,
                            const char *action_type)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->action_type, action_type, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_TYPE]);
}

const char *
bandi_call_get_deadline_model (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->deadline_model;
}

void
bandi_call_set_deadline_model (BandiCall  *self,
                               const char *deadline_model)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->deadline_model, deadline_model, BANDI_CALL_MAX_TITLE_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE_MODEL]);
}

BandiCallStatus
bandi_call_get_status (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->status;
}

void
bandi_call_set_status (BandiCall       *self,
                       BandiCallStatus  status)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

BandiDeadline *
bandi_call_get_opening (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->opening;
}

void
bandi_call_set_opening (BandiCall     *self,
                        BandiDeadline *opening)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (g_set_object (&self->opening, opening))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING]);
}

double
bandi_call_get_budget (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->budget;
}

void
bandi_call_set_budget (BandiCall *self,
                       double     budget)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->budget != budget)
    {
      self->budget = budget;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
    }
}

int
bandi_call_get_expected_grants (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->expected_grants;
}

void
bandi_call_set_expected_grants (BandiCall *self,
                                int        expected_grants)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->expected_grants != expected_grants)
    {
      self->expected_grants = expected_grants;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_GRANTS]);
    }
}

double
bandi_call_get_min_contribution (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->min_contribution;
}

void
bandi_call_set_min_contribution (BandiCall *self,
                                 double     min_contribution)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->min_contribution != min_contribution)
    {
      self->min_contribution = min_contribution;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CONTRIBUTION]);
    }
}

double
bandi_call_get_max_contribution (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->max_contribution;
}

void
bandi_call_set_max_contribution (BandiCall *self,
                                 double     max_contribution)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->max_contribution != max_contribution)
    {
      self->max_contribution = max_contribution;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONTRIBUTION]);
    }
}

const char *
bandi_call_get_url (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->url;
}

void
bandi_call_set_url (BandiCall  *self,
                    const char *url)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_url_text (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char * const *
bandi_call_get_keywords (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return (const char * const *) self->keywords;
}

void
bandi_call_set_keywords (BandiCall          *self,
                         const char * const *keywords)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_keyword_list (&self->keywords, keywords))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYWORDS]);
}

const char *
bandi_call_get_description (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->description;
}

void
bandi_call_set_description (BandiCall  *self,
                            const char *description)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_call_set_text (&self->description, description, BANDI_CALL_MAX_DESCRIPTION_BYTES))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
bandi_call_get_first_seen (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->first_seen;
}

void
bandi_call_set_first_seen (BandiCall *self,
                           gint64     first_seen)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->first_seen != first_seen)
    {
      self->first_seen = first_seen;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_SEEN]);
    }
}

gint64
bandi_call_get_last_changed (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->last_changed;
}

void
bandi_call_set_last_changed (BandiCall *self,
                             gint64     last_changed)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->last_changed != last_changed)
    {
      self->last_changed = last_changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHANGED]);
    }
}

gboolean
bandi_call_get_withdrawn (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->withdrawn;
}

void
bandi_call_set_withdrawn (BandiCall *self,
                          gboolean   withdrawn)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->withdrawn != !!withdrawn)
    {
      self->withdrawn = !!withdrawn;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN]);
    }
}

gboolean
bandi_call_get_starred (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), 0);
  return self->starred;
}

void
bandi_call_set_starred (BandiCall *self,
                        gboolean   starred)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (self->starred != !!starred)
    {
      self->starred = !!starred;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
    }
}

const char *
bandi_call_get_note (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->note;
}

void
bandi_call_set_note (BandiCall  *self,
                     const char *note)
{
  g_return_if_fail (BANDI_IS_CALL (self));

  if (bandi_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}


/**
 * bandi_call_get_deadlines:
 *
 * Returns: (transfer none) (element-type BandiDeadline): the deadlines,
 * sorted by stage
 */
GPtrArray *
bandi_call_get_deadlines (BandiCall *self)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);
  return self->deadlines;
}

static int
compare_stage (gconstpointer a,
               gconstpointer b)
{
  BandiDeadline *da = *(BandiDeadline **) a;
  BandiDeadline *db = *(BandiDeadline **) b;
  guint sa = bandi_deadline_get_stage (da);
  guint sb = bandi_deadline_get_stage (db);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return (bandi_deadline_sort_key (da) > bandi_deadline_sort_key (db)) -
         (bandi_deadline_sort_key (da) < bandi_deadline_sort_key (db));
}

/**
 * bandi_call_add_deadline:
 * @deadline: (transfer none): a deadline; a reference is taken
 *
 * Adds @deadline, keeping the list sorted by stage. A deadline with the
 * same stage as an existing one replaces it.
 */
void
bandi_call_add_deadline (BandiCall     *self,
                         BandiDeadline *deadline)
{
  g_return_if_fail (BANDI_IS_CALL (self));
  g_return_if_fail (BANDI_IS_DEADLINE (deadline));

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (self->deadlines, i);

      if (bandi_deadline_get_stage (d) == bandi_deadline_get_stage (deadline))
        {
          g_ptr_array_remove_index (self->deadlines, i);
          break;
        }
    }

  g_ptr_array_add (self->deadlines, g_object_ref (deadline));
  g_ptr_array_sort (self->deadlines, compare_stage);
}

void
bandi_call_clear_deadlines (BandiCall *self)
{
  g_return_if_fail (BANDI_IS_CALL (self));
  g_ptr_array_set_size (self->deadlines, 0);
}

/**
 * bandi_call_get_next_deadline:
 *
 * Returns: (transfer none) (nullable): the first deadline not yet past at
 * @now_unix, else the last one, else %NULL
 */
BandiDeadline *
bandi_call_get_next_deadline (BandiCall *self,
                              gint64     now_unix)
{
  BandiDeadline *best = NULL;

  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (self->deadlines, i);

      if (bandi_deadline_is_past (d, now_unix))
        continue;
      if (best == NULL || bandi_deadline_sort_key (d) < bandi_deadline_sort_key (best))
        best = d;
    }

  return best ? best : bandi_call_get_last_deadline (self);
}

/* Returns: (transfer none) (nullable): the latest deadline */
BandiDeadline *
bandi_call_get_last_deadline (BandiCall *self)
{
  BandiDeadline *last = NULL;

  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (self->deadlines, i);

      if (last == NULL || bandi_deadline_sort_key (d) > bandi_deadline_sort_key (last))
        last = d;
    }

  return last;
}

gboolean
bandi_call_is_closed (BandiCall *self,
                      gint64     now_unix)
{
  g_return_val_if_fail (BANDI_IS_CALL (self), FALSE);

  if (self->deadlines->len == 0)
    return self->status == BANDI_CALL_STATUS_CLOSED;

  for (guint i = 0; i < self->deadlines->len; i++)
    if (!bandi_deadline_is_past (g_ptr_array_index (self->deadlines, i), now_unix))
      return FALSE;

  return TRUE;
}

static void
hash_str (GChecksum  *sum,
          const char *str)
{
  static const guchar sep = 0x1f;

  if (str != NULL)
    g_checksum_update (sum, (const guchar *) str, -1);
  else
    g_checksum_update (sum, (const guchar *) "\x1e", 1);
  g_checksum_update (sum, &sep, 1);
}

static void
hash_deadline (GChecksum     *sum,
               BandiDeadline *d)
{
  g_autofree char *stage = NULL;
  g_autofree char *value = NULL;

  if (d == NULL)
    {
      hash_str (sum, NULL);
      return;
    }

  stage = g_strdup_printf ("%u", bandi_deadline_get_stage (d));
  value = bandi_deadline_to_storage (d);
  hash_str (sum, stage);
  hash_str (sum, bandi_deadline_get_label (d));
  hash_str (sum, value);
  hash_str (sum, bandi_deadline_get_zone (d));
}

/**
 * bandi_call_dup_fingerprint:
 *
 * A digest of everything the source reports about the call (not the
 * store's bookkeeping nor the user's star and note). Two syncs that see the
 * same call give the same fingerprint, so an unchanged call is not rewritten.
 */
char *
bandi_call_dup_fingerprint (BandiCall *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (BANDI_IS_CALL (self), NULL);

  hash_str (sum, self->source_id);
  hash_str (sum, self->external_id);
  hash_str (sum, self->call_id);
  hash_str (sum, self->call_title);
  hash_str (sum, self->title);
  hash_str (sum, self->programme);
  hash_str (sum, self->programme_part);
  hash_str (sum, self->action_type);
  hash_str (sum, self->deadline_model);
  hash_str (sum, bandi_call_status_to_string (self->status));
  hash_deadline (sum, self->opening);
  hash_str (sum, g_ascii_dtostr (num, sizeof num, self->budget));
  hash_str (sum, g_ascii_dtostr (num, sizeof num, self->expected_grants));
  hash_str (sum, g_ascii_dtostr (num, sizeof num, self->min_contribution));
  hash_str (sum, g_ascii_dtostr (num, sizeof num, self->max_contribution));
  hash_str (sum, self->url);
  for (guint i = 0; self->keywords && self->keywords[i]; i++)
    hash_str (sum, self->keywords[i]);
  hash_str (sum, "--");
  hash_str (sum, self->description);
  for (guint i = 0; i < self->deadlines->len; i++)
    hash_deadline (sum, g_ptr_array_index (self->deadlines, i));

  return g_strdup (g_checksum_get_string (sum));
}
