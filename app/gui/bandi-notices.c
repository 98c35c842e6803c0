/* bandi-notices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-format.h"
#include "bandi-notices.h"

/* A moved deadline older than this is not news any more. */
#define MOVED_NEWS_DAYS 14

struct _BandiNotices
{
  GObject       parent_instance;

  GApplication *application; /* weak */
  BandiStore   *store;
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (BandiNotices, bandi_notices, G_TYPE_OBJECT)

static void
bandi_notices_finalize (GObject *object)
{
  BandiNotices *self = BANDI_NOTICES (object);

  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bandi_notices_parent_class)->finalize (object);
}

static void
bandi_notices_class_init (BandiNoticesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bandi_notices_finalize;
}

static void
bandi_notices_init (BandiNotices *self)
{
}

BandiNotices *
bandi_notices_new (GApplication *application,
                   BandiStore   *store,
                   GSettings    *settings)
{
  BandiNotices *self = g_object_new (BANDI_TYPE_NOTICES, NULL);

  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  return self;
}

/* Sends one notice unless @key says it was sent; remembers it. */
static gboolean
notify_once (BandiNotices *self,
             const char   *key,
             const char   *title,
             const char   *body,
             const char   *action,
             gint64        target)
{
  g_autofree char *seen = bandi_store_get_state (self->store, key);
  g_autoptr(GError) error = NULL;

  if (seen != NULL)
    return FALSE;

  if (self->application != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, action, "x", target);
      g_application_send_notification (self->application, key, notification);
    }

  if (!bandi_store_set_state (self->store, key, "1", &error))
    g_warning ("Cannot remember notice %s: %s", key, error->message);
  return TRUE;
}

/* The smallest reminder day count that @days is within, or -1. */
static int
reminder_for (GVariant *reminders,
              int       days)
{
  gsize n;
  const gint32 *values = g_variant_get_fixed_array (reminders, &n, sizeof (gint32));
  int best = -1;

  for (gsize i = 0; i < n; i++)
    if (values[i] >= 0 && days <= values[i] && (best < 0 || values[i] < best))
      best = values[i];
  return best;
}

static guint
check_call (BandiNotices *self,
            BandiCall    *call,
            GVariant     *reminders,
            GDateTime    *now)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  g_autoptr(GPtrArray) changes = NULL;
  gint64 now_unix = g_date_time_to_unix (now);
  const char *ident = bandi_call_get_external_id (call);
  guint sent = 0;

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *d = g_ptr_array_index (deadlines, i);
      g_autofree char *storage = NULL;
      g_autofree char *key = NULL;
      g_autofree char *when = NULL;
      g_autofree char *relative = NULL;
      g_autofree char *title = NULL;
      int r;

      if (bandi_deadline_is_past (d, now_unix))
        continue;
      r = reminder_for (reminders, bandi_format_days_until (d, now));
      if (r < 0)
        continue;

      storage = bandi_deadline_to_storage (d);
      key = g_strdup_printf ("notice/deadline/%" G_GINT64_FORMAT "/%u/%s/%d",
                             bandi_call_get_id (call), bandi_deadline_get_stage (d), storage, r);
      when = bandi_format_deadline (d);
      relative = bandi_format_when (d, now);
      /* Translators: %s is a call identifier, then when ("tomorrow at 09:00") */
      title = g_strdup_printf (_("Deadline of %s: %s"), ident, relative);
      if (notify_once (self, key, title, when, "app.show-call", bandi_call_get_id (call)))
        sent++;
    }

  changes = bandi_store_list_deadline_changes (self->store, bandi_call_get_id (call), NULL);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      BandiDeadlineChange *change = g_ptr_array_index (changes, i);
      g_autofree char *key = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (change->old_value == NULL || change->new_value == NULL ||
          change->changed_at < now_unix - MOVED_NEWS_DAYS * 24 * 3600)
        continue;
      key = g_strdup_printf ("notice/moved/%" G_GINT64_FORMAT "/%u/%" G_GINT64_FORMAT,
                             change->call_id, change->stage, change->changed_at);
      /* Translators: %s is a call identifier */
      title = g_strdup_printf (_("The deadline of %s moved"), ident);
      /* Translators: the old and the new deadline */
      old_text = bandi_format_history_value (change->old_value, change->stage);
      new_text = bandi_format_history_value (change->new_value, change->stage);
      body = g_strdup_printf (_("From %s to %s"), old_text, new_text);
      if (notify_once (self, key, title, body, "app.show-call", change->call_id))
        sent++;
    }

  return sent;
}

static guint
check_milestones (BandiNotices  *self,
                  BandiProposal *proposal,
                  GVariant      *reminders,
                  GDateTime     *now)
{
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);
  gint64 now_unix = g_date_time_to_unix (now);
  guint sent = 0;

  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *m = g_ptr_array_index (milestones, i);
      BandiDeadline *due = bandi_milestone_get_due (m);
      g_autofree char *storage = NULL;
      g_autofree char *key = NULL;
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *relative = NULL;
      g_autofree char *body = NULL;
      int r;

      if (due == NULL || bandi_milestone_get_done (m) || bandi_deadline_is_past (due, now_unix))
        continue;
      r = reminder_for (reminders, bandi_format_days_until (due, now));
      if (r < 0)
        continue;

      storage = bandi_deadline_to_storage (due);
      key = g_strdup_printf ("notice/milestone/%" G_GINT64_FORMAT "/%s/%d",
                             bandi_milestone_get_id (m), storage, r);
      /* Translators: a proposal's acronym, then a milestone's title */
      title = g_strdup_printf (_("%s: %s"), bandi_proposal_get_acronym (proposal),
                               bandi_milestone_get_title (m));
      when = bandi_format_deadline (due);
      relative = bandi_format_when (due, now);
      /* Translators: when in words ("tomorrow at 09:00"), then the date */
      body = g_strdup_printf (_("Due %s: %s"), relative, when);
      if (notify_once (self, key, title, body, "app.show-proposal", bandi_proposal_get_id (proposal)))
        sent++;
    }

  return sent;
}

guint
bandi_notices_check_at (BandiNotices *self,
                        GDateTime    *now)
{
  g_autoptr(GVariant) reminders = NULL;
  g_autoptr(GListModel) starred = NULL;
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  BandiCallQuery query = { 0 };
  guint sent = 0;

  g_return_val_if_fail (BANDI_IS_NOTICES (self), 0);

  reminders = g_settings_get_value (self->settings, "reminder-days");

  query.starred_only = TRUE;
  starred = bandi_store_list_calls (self->store, &query, NULL);
  for (guint i = 0; starred != NULL && i < g_list_model_get_n_items (starred); i++)
    {
      g_autoptr(BandiCall) call = g_list_model_get_item (starred, i);

      g_hash_table_add (seen, g_memdup2 (&(gint64) { bandi_call_get_id (call) }, sizeof (gint64)));
      sent += check_call (self, call, reminders, now);
    }

  proposals = bandi_store_list_proposals (self->store, NULL, NULL);
  for (guint i = 0; proposals != NULL && i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(BandiProposal) proposal = g_list_model_get_item (proposals, i);
      BandiProposalStatus status = bandi_proposal_get_status (proposal);
      g_autoptr(BandiCall) call = NULL;

      if (status != BANDI_PROPOSAL_STATUS_IDEA && status != BANDI_PROPOSAL_STATUS_DRAFTING)
        continue;
      sent += check_milestones (self, proposal, reminders, now);

      if (bandi_proposal_get_call_external_id (proposal) == NULL)
        continue;
      call = bandi_store_find_call (self->store,
                                    bandi_proposal_get_call_source (proposal),
                                    bandi_proposal_get_call_external_id (proposal),
                                    NULL);
      if (call != NULL && !g_hash_table_contains (seen, &(gint64) { bandi_call_get_id (call) }))
        {
          g_hash_table_add (seen, g_memdup2 (&(gint64) { bandi_call_get_id (call) }, sizeof (gint64)));
          sent += check_call (self, call, reminders, now);
        }
    }

  return sent;
}

GDateTime *
bandi_notices_next_check (GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) hour = g_date_time_add_hours (local, 1);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  today = g_date_time_new_local (y, m, d, 0, 0, 0);
  midnight = g_date_time_add_days (today, 1);
  return g_date_time_ref (g_date_time_compare (midnight, hour) < 0 ? midnight : hour);
}

guint
bandi_notices_check (BandiNotices *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self == NULL)
    return 0;
  return bandi_notices_check_at (self, now);
}
