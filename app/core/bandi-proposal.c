/* bandi-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-proposal"

#include "config.h"

#include "bandi-proposal.h"
#include "bandi-enum-types.h"
#include "bandi-util.h"

struct _BandiProposal
{
  GObject parent_instance;

  gint64  id;
  gint64  cluster_id;
  char *cluster_acronym;
  char *call_source;
  char *call_external_id;
  char *manual_call;
  BandiDeadline *manual_deadline;
  char *programme;
  char *acronym;
  char *title;
  BandiProposalRole role;
  char *partners;
  double  requested_budget;
  double  eu_contribution;
  BandiProposalStatus status;
  char *owner;
  char *notes;
  char *uid;
  char *updated_by;
  gint64  created;
  gint64  updated;
  gint64  status_changed;
  GPtrArray *milestones;

};

G_DEFINE_FINAL_TYPE (BandiProposal, bandi_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLUSTER_ID,
  PROP_CLUSTER_ACRONYM,
  PROP_CALL_SOURCE,
  PROP_CALL_EXTERNAL_ID,
  PROP_MANUAL_CALL,
  PROP_MANUAL_DEADLINE,
  PROP_PROGRAMME,
  PROP_ACRONYM,
  PROP_TITLE,
  PROP_ROLE,
  PROP_PARTNERS,
  PROP_REQUESTED_BUDGET,
  PROP_EU_CONTRIBUTION,
  PROP_STATUS,
  PROP_OWNER,
  PROP_NOTES,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_STATUS_CHANGED,
  PROP_UID,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bandi_proposal_finalize (GObject *object)
{
  BandiProposal *self = BANDI_PROPOSAL (object);

  g_free (self->cluster_acronym);
  g_free (self->call_source);
  g_free (self->call_external_id);
  g_free (self->manual_call);
  g_clear_object (&self->manual_deadline);
  g_free (self->programme);
  g_free (self->acronym);
  g_free (self->title);
  g_free (self->partners);
  g_free (self->owner);
  g_free (self->notes);
  g_free (self->uid);
  g_free (self->updated_by);

  g_clear_pointer (&self->milestones, g_ptr_array_unref);


  G_OBJECT_CLASS (bandi_proposal_parent_class)->finalize (object);
}

static void
bandi_proposal_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BandiProposal *self = BANDI_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CLUSTER_ID:
      g_value_set_int64 (value, self->cluster_id);
      break;
    case PROP_CLUSTER_ACRONYM:
      g_value_set_string (value, self->cluster_acronym);
      break;
    case PROP_CALL_SOURCE:
      g_value_set_string (value, self->call_source);
      break;
    case PROP_CALL_EXTERNAL_ID:
      g_value_set_string (value, self->call_external_id);
      break;
    case PROP_MANUAL_CALL:
      g_value_set_string (value, self->manual_call);
      break;
    case PROP_MANUAL_DEADLINE:
      g_value_set_object (value, self->manual_deadline);
      break;
    case PROP_PROGRAMME:
      g_value_set_string (value, self->programme);
      break;
    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_PARTNERS:
      g_value_set_string (value, self->partners);
      break;
    case PROP_REQUESTED_BUDGET:
      g_value_set_double (value, self->requested_budget);
      break;
    case PROP_EU_CONTRIBUTION:
      g_value_set_double (value, self->eu_contribution);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, self->updated_by);
      break;
    case PROP_STATUS_CHANGED:
      g_value_set_int64 (value, self->status_changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_proposal_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BandiProposal *self = BANDI_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      bandi_proposal_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLUSTER_ID:
      bandi_proposal_set_cluster_id (self, g_value_get_int64 (value));
      break;
    case PROP_CLUSTER_ACRONYM:
      bandi_proposal_set_cluster_acronym (self, g_value_get_string (value));
      break;
    case PROP_CALL_SOURCE:
      bandi_proposal_set_call_source (self, g_value_get_string (value));
      break;
    case PROP_CALL_EXTERNAL_ID:
      bandi_proposal_set_call_external_id (self, g_value_get_string (value));
      break;
    case PROP_MANUAL_CALL:
      bandi_proposal_set_manual_call (self, g_value_get_string (value));
      break;
    case PROP_MANUAL_DEADLINE:
      bandi_proposal_set_manual_deadline (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMME:
      bandi_proposal_set_programme (self, g_value_get_string (value));
      break;
    case PROP_ACRONYM:
      bandi_proposal_set_acronym (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      bandi_proposal_set_title (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      bandi_proposal_set_role (self, g_value_get_enum (value));
      break;
    case PROP_PARTNERS:
      bandi_proposal_set_partners (self, g_value_get_string (value));
      break;
    case PROP_REQUESTED_BUDGET:
      bandi_proposal_set_requested_budget (self, g_value_get_double (value));
      break;
    case PROP_EU_CONTRIBUTION:
      bandi_proposal_set_eu_contribution (self, g_value_get_double (value));
      break;
    case PROP_STATUS:
      bandi_proposal_set_status (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      bandi_proposal_set_owner (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      bandi_proposal_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      bandi_proposal_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED:
      bandi_proposal_set_updated (self, g_value_get_int64 (value));
      break;
    case PROP_UID:
      bandi_proposal_set_uid (self, g_value_get_string (value));
      break;
    case PROP_UPDATED_BY:
      bandi_proposal_set_updated_by (self, g_value_get_string (value));
      break;
    case PROP_STATUS_CHANGED:
      bandi_proposal_set_status_changed (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bandi_proposal_class_init (BandiProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bandi_proposal_finalize;
  object_class->get_property = bandi_proposal_get_property;
  object_class->set_property = bandi_proposal_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_int64 ("cluster-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ACRONYM] =
    g_param_spec_string ("cluster-acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_SOURCE] =
    g_param_spec_string ("call-source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_EXTERNAL_ID] =
    g_param_spec_string ("call-external-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANUAL_CALL] =
    g_param_spec_string ("manual-call", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANUAL_DEADLINE] =
    g_param_spec_object ("manual-deadline", NULL, NULL, BANDI_TYPE_DEADLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_string ("programme", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, BANDI_TYPE_PROPOSAL_ROLE, BANDI_PROPOSAL_ROLE_PARTNER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNERS] =
    g_param_spec_string ("partners", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUESTED_BUDGET] =
    g_param_spec_double ("requested-budget", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EU_CONTRIBUTION] =
    g_param_spec_double ("eu-contribution", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BANDI_TYPE_PROPOSAL_STATUS, BANDI_PROPOSAL_STATUS_IDEA,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_CHANGED] =
    g_param_spec_int64 ("status-changed", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bandi_proposal_init (BandiProposal *self)
{
  self->role = BANDI_PROPOSAL_ROLE_PARTNER;
  self->requested_budget = -1.0;
  self->eu_contribution = -1.0;
  self->status = BANDI_PROPOSAL_STATUS_IDEA;

  self->milestones = g_ptr_array_new_with_free_func (g_object_unref);

}

BandiProposal *
bandi_proposal_new (void)
{
  return g_object_new (BANDI_TYPE_PROPOSAL, NULL);
}

gint64
bandi_proposal_get_id (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->id;
}

void
bandi_proposal_set_id (BandiProposal *self,
                       gint64         id)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
bandi_proposal_get_cluster_id (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->cluster_id;
}

void
bandi_proposal_set_cluster_id (BandiProposal *self,
                               gint64         cluster_id)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->cluster_id != cluster_id)
    {
      self->cluster_id = cluster_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
    }
}

const char *
bandi_proposal_get_cluster_acronym (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->cluster_acronym;
}

void
bandi_proposal_set_cluster_acronym (BandiProposal *self,
                                    const char    *cluster_acronym)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->cluster_acronym, cluster_acronym))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ACRONYM]);
}

const char *
bandi_proposal_get_call_source (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->call_source;
}

void
bandi_proposal_set_call_source (BandiProposal *self,
                                const char    *call_source)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->call_source, call_source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_SOURCE]);
}

const char *
bandi_proposal_get_call_external_id (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->call_external_id;
}

void
bandi_proposal_set_call_external_id (BandiProposal *self,
                                     const char    *call_external_id)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->call_external_id, call_external_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_EXTERNAL_ID]);
}

const char *
bandi_proposal_get_manual_call (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->manual_call;
}

void
bandi_proposal_set_manual_call (BandiProposal *self,
                                const char    *manual_call)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->manual_call, manual_call))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANUAL_CALL]);
}

BandiDeadline *
bandi_proposal_get_manual_deadline (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->manual_deadline;
}

void
bandi_proposal_set_manual_deadline (BandiProposal *self,
                                    BandiDeadline *manual_deadline)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (g_set_object (&self->manual_deadline, manual_deadline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANUAL_DEADLINE]);
}

const char *
bandi_proposal_get_programme (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->programme;
}

void
bandi_proposal_set_programme (BandiProposal *self,
                              const char    *programme)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->programme, programme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

const char *
bandi_proposal_get_acronym (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->acronym;
}

void
bandi_proposal_set_acronym (BandiProposal *self,
                            const char    *acronym)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->acronym, acronym))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACRONYM]);
}

const char *
bandi_proposal_get_title (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->title;
}

void
bandi_proposal_set_title (BandiProposal *self,
                          const char    *title)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

BandiProposalRole
bandi_proposal_get_role (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->role;
}

void
bandi_proposal_set_role (BandiProposal     *self,
                         BandiProposalRole  role)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

const char *
bandi_proposal_get_partners (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->partners;
}

void
bandi_proposal_set_partners (BandiProposal *self,
                             const char    *partners)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->partners, partners))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

double
bandi_proposal_get_requested_budget (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->requested_budget;
}

void
bandi_proposal_set_requested_budget (BandiProposal *self,
                                     double         requested_budget)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->requested_budget != requested_budget)
    {
      self->requested_budget = requested_budget;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTED_BUDGET]);
    }
}

double
bandi_proposal_get_eu_contribution (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->eu_contribution;
}

void
bandi_proposal_set_eu_contribution (BandiProposal *self,
                                    double         eu_contribution)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->eu_contribution != eu_contribution)
    {
      self->eu_contribution = eu_contribution;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EU_CONTRIBUTION]);
    }
}

BandiProposalStatus
bandi_proposal_get_status (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->status;
}

void
bandi_proposal_set_status (BandiProposal       *self,
                           BandiProposalStatus  status)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

const char *
bandi_proposal_get_owner (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->owner;
}

void
bandi_proposal_set_owner (BandiProposal *self,
                          const char    *owner)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
bandi_proposal_get_notes (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->notes;
}

void
bandi_proposal_set_notes (BandiProposal *self,
                          const char    *notes)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gint64
bandi_proposal_get_created (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->created;
}

void
bandi_proposal_set_created (BandiProposal *self,
                            gint64         created)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->created != created)
    {
      self->created = created;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
}

gint64
bandi_proposal_get_updated (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->updated;
}

void
bandi_proposal_set_updated (BandiProposal *self,
                            gint64         updated)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->updated != updated)
    {
      self->updated = updated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
    }
}

gint64
bandi_proposal_get_status_changed (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), 0);
  return self->status_changed;
}

void
bandi_proposal_set_status_changed (BandiProposal *self,
                                   gint64         status_changed)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (self->status_changed != status_changed)
    {
      self->status_changed = status_changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_CHANGED]);
    }
}


/* The proposal's global identity, the same on every machine sharing it
 * (a UUID given when it is first stored); NULL until then. */
const char *
bandi_proposal_get_uid (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->uid;
}

void
bandi_proposal_set_uid (BandiProposal *self,
                        const char    *uid)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

/* Who made the last change: the officer's name, or NULL when unknown. */
const char *
bandi_proposal_get_updated_by (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->updated_by;
}

void
bandi_proposal_set_updated_by (BandiProposal *self,
                               const char    *updated_by)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));

  if (bandi_set_str (&self->updated_by, updated_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY]);
}

/* Returns: (transfer none) (element-type BandiMilestone) */
GPtrArray *
bandi_proposal_get_milestones (BandiProposal *self)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), NULL);
  return self->milestones;
}

void
bandi_proposal_add_milestone (BandiProposal  *self,
                              BandiMilestone *milestone)
{
  g_return_if_fail (BANDI_IS_PROPOSAL (self));
  g_return_if_fail (BANDI_IS_MILESTONE (milestone));

  g_ptr_array_add (self->milestones, g_object_ref (milestone));
}

gboolean
bandi_proposal_remove_milestone (BandiProposal  *self,
                                 BandiMilestone *milestone)
{
  g_return_val_if_fail (BANDI_IS_PROPOSAL (self), FALSE);

  return g_ptr_array_remove (self->milestones, milestone);
}
