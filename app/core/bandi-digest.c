/* bandi-digest.c
 *
 * What goes in the digest is decided once; each format only says how a
 * heading, an item and a line of an item are written and how text is
 * escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-digest"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-digest.h"
#include "bandi-export-text.h"
#include "bandi-zone.h"

typedef struct {
  BandiCall *call;
  gint64     next;   /* its next deadline, G_MAXINT64 when none */
} DigestCall;

typedef struct {
  BandiProposal *proposal;
  BandiCall     *call;
} DigestProposal;

struct _BandiDigest
{
  GObject parent_instance;

  BandiCluster *cluster;
  gint64        now;
  guint         weeks;
  GArray       *upcoming;   /* DigestCall */
  GArray       *recent;     /* DigestCall */
  GArray       *proposals;  /* DigestProposal */
};

G_DEFINE_FINAL_TYPE (BandiDigest, bandi_digest, G_TYPE_OBJECT)

static void
digest_call_clear (gpointer data)
{
  g_clear_object (&((DigestCall *) data)->call);
}

static void
digest_proposal_clear (gpointer data)
{
  DigestProposal *p = data;

  g_clear_object (&p->proposal);
  g_clear_object (&p->call);
}

static void
bandi_digest_finalize (GObject *object)
{
  BandiDigest *self = BANDI_DIGEST (object);

  g_clear_object (&self->cluster);
  g_array_unref (self->upcoming);
  g_array_unref (self->recent);
  g_array_unref (self->proposals);

  G_OBJECT_CLASS (bandi_digest_parent_class)->finalize (object);
}

static void
bandi_digest_class_init (BandiDigestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bandi_digest_finalize;
}

static void
bandi_digest_init (BandiDigest *self)
{
  self->upcoming = g_array_new (FALSE, FALSE, sizeof (DigestCall));
  self->recent = g_array_new (FALSE, FALSE, sizeof (DigestCall));
  self->proposals = g_array_new (FALSE, FALSE, sizeof (DigestProposal));
  g_array_set_clear_func (self->upcoming, digest_call_clear);
  g_array_set_clear_func (self->recent, digest_call_clear);
  g_array_set_clear_func (self->proposals, digest_proposal_clear);
}

/**
 * bandi_digest_new:
 * @weeks: how far ahead deadlines are listed; at least 1
 */
BandiDigest *
bandi_digest_new (BandiCluster *cluster,
                  gint64        now_unix,
                  guint         weeks)
{
  BandiDigest *self;

  g_return_val_if_fail (BANDI_IS_CLUSTER (cluster), NULL);

  self = g_object_new (BANDI_TYPE_DIGEST, NULL);
  self->cluster = g_object_ref (cluster);
  self->now = now_unix;
  self->weeks = MAX (weeks, 1);

  return self;
}

static gint64
window_end (BandiDigest *self)
{
  return self->now + (gint64) self->weeks * 7 * 24 * 3600;
}

static gint64
next_deadline (BandiCall *call,
               gint64     now)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  gint64 next = G_MAXINT64;

  for (guint i = 0; i < deadlines->len; i++)
    {
      gint64 t = bandi_deadline_to_unix (g_ptr_array_index (deadlines, i));

      if (t >= now && t < next)
        next = t;
    }

  return next;
}

static void
insert_sorted (GArray    *calls,
               BandiCall *call,
               gint64     next)
{
  DigestCall entry = { g_object_ref (call), next };
  guint i = 0;

  while (i < calls->len && g_array_index (calls, DigestCall, i).next <= next)
    i++;
  g_array_insert_val (calls, i, entry);
}

gboolean
bandi_digest_add_call (BandiDigest *self,
                       BandiCall   *call)
{
  gint64 next;
  gboolean open_ended;

  g_return_val_if_fail (BANDI_IS_DIGEST (self), FALSE);
  g_return_val_if_fail (BANDI_IS_CALL (call), FALSE);

  if (bandi_call_get_withdrawn (call))
    return FALSE;

  next = next_deadline (call, self->now);
  if (next <= window_end (self))
    {
      insert_sorted (self->upcoming, call, next);
      return TRUE;
    }

  /* Regional calls may have no closing date: open until funds run out. */
  open_ended = bandi_call_get_deadlines (call)->len == 0;
  if (bandi_call_get_first_seen (call) >= self->now - BANDI_DIGEST_NEW_DAYS * 24 * 3600 &&
      bandi_call_get_status (call) != BANDI_CALL_STATUS_CLOSED &&
      (next != G_MAXINT64 || open_ended))
    {
      insert_sorted (self->recent, call, next);
      return TRUE;
    }

  return FALSE;
}

gboolean
bandi_digest_add_proposal (BandiDigest   *self,
                           BandiProposal *proposal,
                           BandiCall     *call)
{
  BandiProposalStatus status;
  DigestProposal entry;

  g_return_val_if_fail (BANDI_IS_DIGEST (self), FALSE);
  g_return_val_if_fail (BANDI_IS_PROPOSAL (proposal), FALSE);
  g_return_val_if_fail (call == NULL || BANDI_IS_CALL (call), FALSE);

  status = bandi_proposal_get_status (proposal);
  if (status != BANDI_PROPOSAL_STATUS_IDEA && status != BANDI_PROPOSAL_STATUS_DRAFTING)
    return FALSE;

  entry.proposal = g_object_ref (proposal);
  entry.call = call ? g_object_ref (call) : NULL;
  g_array_append_val (self->proposals, entry);
  return TRUE;
}

guint
bandi_digest_get_n_calls (BandiDigest *self)
{
  g_return_val_if_fail (BANDI_IS_DIGEST (self), 0);
  return self->upcoming->len + self->recent->len;
}

/* Formats: each writes plain text given to it escaped for itself; @uri
 * is NULL or a safe web address (bandi_export_text_web_uri()). */

typedef struct {
  void  (*begin)        (GString *out, const char *title, const char *intro);
  void  (*section)      (GString *out, const char *heading);
  void  (*section_end)  (GString *out);
  void  (*note)         (GString *out, const char *text);
  void  (*item_begin)   (GString *out, const char *title, const char *uri, const char *detail);
  void  (*item_line)    (GString *out, const char *line);
  void  (*item_end)     (GString *out);
  void  (*end)          (GString *out);
} Format;

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *line = bandi_export_text_one_line (text);
  g_autofree char *escaped = g_markup_escape_text (line, -1);

  g_string_append (out, escaped);
}

static void
html_begin (GString    *out,
            const char *title,
            const char *intro)
{
  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_html (out, title);
  g_string_append (out, "</title>\n</head>\n<body>\n<h1>");
  append_html (out, title);
  g_string_append (out, "</h1>\n<p>");
  append_html (out, intro);
  g_string_append (out, "</p>\n");
}

static void
html_section (GString    *out,
              const char *heading)
{
  g_string_append (out, "<h2>");
  append_html (out, heading);
  g_string_append (out, "</h2>\n<ul>\n");
}

static void
html_section_end (GString *out)
{
  g_string_append (out, "</ul>\n");
}

static void
html_note (GString    *out,
           const char *text)
{
  g_string_append (out, "<li>");
  append_html (out, text);
  g_string_append (out, "</li>\n");
}

static void
html_item_begin (GString    *out,
                 const char *title,
                 const char *uri,
                 const char *detail)
{
  g_string_append (out, "<li><strong>");
  if (uri != NULL)
    {
      g_autofree char *href = g_markup_escape_text (uri, -1);

      g_string_append_printf (out, "<a href=\"%s\">", href);
      append_html (out, title);
      g_string_append (out, "</a>");
    }
  else
    append_html (out, title);
  g_string_append (out, "</strong>");
  if (detail != NULL)
    {
      g_string_append (out, " — ");
      append_html (out, detail);
    }
}

static void
html_item_line (GString    *out,
                const char *line)
{
  g_string_append (out, "<br>\n");
  append_html (out, line);
}

static void
html_item_end (GString *out)
{
  g_string_append (out, "</li>\n");
}

static void
html_end (GString *out)
{
  g_string_append (out, "</body>\n</html>\n");
}

static const Format html_format = {
  html_begin, html_section, html_section_end, html_note,
  html_item_begin, html_item_line, html_item_end, html_end,
};

/* Every character that means something inside a Markdown line gets a
 * backslash (CommonMark lets any ASCII punctuation be escaped). Text never
 * starts a line, so block syntax (#, -, 1.) cannot be reached. */
static void
append_markdown (GString    *out,
                 const char *text)
{
  g_autofree char *line = bandi_export_text_one_line (text);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>&|~!", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
markdown_begin (GString    *out,
                const char *title,
                const char *intro)
{
  g_string_append (out, "# ");
  append_markdown (out, title);
  g_string_append (out, "\n\n");
  append_markdown (out, intro);
  g_string_append_c (out, '\n');
}

static void
markdown_section (GString    *out,
                  const char *heading)
{
  g_string_append (out, "\n## ");
  append_markdown (out, heading);
  g_string_append (out, "\n\n");
}

static void
markdown_section_end (GString *out)
{
}

static void
markdown_note (GString    *out,
               const char *text)
{
  g_string_append (out, "- ");
  append_markdown (out, text);
  g_string_append_c (out, '\n');
}

static void
markdown_item_begin (GString    *out,
                     const char *title,
                     const char *uri,
                     const char *detail)
{
  g_string_append (out, uri != NULL ? "- **[" : "- **");
  append_markdown (out, title);
  if (uri != NULL)
    g_string_append_printf (out, "](<%s>)", uri);
  g_string_append (out, "**");
  if (detail != NULL)
    {
      g_string_append (out, " — ");
      append_markdown (out, detail);
    }
}

static void
markdown_item_line (GString    *out,
                    const char *line)
{
  /* A hard line break, indented to stay in the list item. */
  g_string_append (out, "  \n  ");
  append_markdown (out, line);
}

static void
markdown_item_end (GString *out)
{
  g_string_append_c (out, '\n');
}

static void
markdown_end (GString *out)
{
}

static const Format markdown_format = {
  markdown_begin, markdown_section, markdown_section_end, markdown_note,
  markdown_item_begin, markdown_item_line, markdown_item_end, markdown_end,
};

/* Content */

/* "LABEL: VALUE"; nothing when @value is NULL or empty. */
static void
add_line (const Format *format,
          GString      *out,
          const char   *label,
          const char   *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  /* Translators: a label and its value, a line of the digest */
  line = g_strdup_printf (_("%s: %s"), label, value);
  format->item_line (out, line);
}

static void
add_call (BandiDigest  *self,
          const Format *format,
          GString      *out,
          BandiCall    *call)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);
  const char *title = bandi_call_get_title (call);
  const char *identifier = bandi_export_text_call_identifier (call);
  g_autofree char *uri = bandi_export_text_web_uri (bandi_call_get_url (call));
  g_autofree char *programme = NULL;
  g_autofree char *budget = bandi_export_text_money (bandi_call_get_budget (call));

  format->item_begin (out, title && *title ? title : identifier, uri,
                      g_strcmp0 (identifier, title) != 0 ? identifier : NULL);

  if (bandi_call_get_programme_part (call) != NULL && *bandi_call_get_programme_part (call) != '\0')
    programme = g_strdup_printf ("%s — %s", bandi_call_get_programme (call),
                                 bandi_call_get_programme_part (call));
  else
    programme = g_strdup (bandi_call_get_programme (call));
  add_line (format, out, _("Programme"), programme);

  for (guint i = 0; i < deadlines->len; i++)
    {
      BandiDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *when = NULL;
      g_autofree char *stage = NULL;

      if (bandi_deadline_to_unix (deadline) < self->now)
        continue;
      when = bandi_export_text_deadline (deadline, BANDI_EXPORT_ZONE);
      stage = bandi_export_text_stage (call, deadline);
      if (stage != NULL)
        {
          /* Translators: a deadline, then which stage of the call it closes */
          g_autofree char *both = g_strdup_printf (_("%s (%s)"), when, stage);

          add_line (format, out, _("Deadline"), both);
        }
      else
        add_line (format, out, _("Deadline"), when);
    }
  if (deadlines->len == 0)
    add_line (format, out, _("Deadline"), _("none given (open until funds run out)"));

  add_line (format, out, _("Budget"), budget);
  format->item_end (out);
}

static const char *
proposal_status_name (BandiProposalStatus status)
{
  return status == BANDI_PROPOSAL_STATUS_IDEA ? _("idea") : _("drafting");
}

static void
add_proposal (BandiDigest          *self,
              const Format         *format,
              GString              *out,
              const DigestProposal *entry)
{
  BandiProposal *proposal = entry->proposal;
  GPtrArray *milestones = bandi_proposal_get_milestones (proposal);
  const char *acronym = bandi_proposal_get_acronym (proposal);
  const char *title = bandi_proposal_get_title (proposal);
  g_autofree char *name = NULL;
  g_autofree char *call = NULL;
  g_autofree char *when = NULL;
  g_autofree char *milestone_text = NULL;
  BandiMilestone *next_milestone = NULL;
  gint64 next_milestone_time = G_MAXINT64;

  if (acronym != NULL && *acronym != '\0' && title != NULL && *title != '\0')
    name = g_strdup_printf ("%s — %s", acronym, title);
  else
    name = g_strdup (acronym && *acronym ? acronym : title);
  format->item_begin (out, name, NULL, NULL);

  if (entry->call != NULL)
    {
      gint64 next = next_deadline (entry->call, self->now);
      GPtrArray *deadlines = bandi_call_get_deadlines (entry->call);

      call = g_strdup (bandi_export_text_call_identifier (entry->call));
      for (guint i = 0; i < deadlines->len && when == NULL; i++)
        if (bandi_deadline_to_unix (g_ptr_array_index (deadlines, i)) == next)
          when = bandi_export_text_deadline (g_ptr_array_index (deadlines, i), BANDI_EXPORT_ZONE);
    }
  else
    {
      BandiDeadline *manual = bandi_proposal_get_manual_deadline (proposal);

      call = g_strdup (bandi_proposal_get_manual_call (proposal) ?
                       bandi_proposal_get_manual_call (proposal) :
                       bandi_proposal_get_call_external_id (proposal));
      if (manual != NULL && bandi_deadline_to_unix (manual) >= self->now)
        when = bandi_export_text_deadline (manual, BANDI_EXPORT_ZONE);
    }

  for (guint i = 0; i < milestones->len; i++)
    {
      BandiMilestone *milestone = g_ptr_array_index (milestones, i);
      BandiDeadline *due = bandi_milestone_get_due (milestone);
      gint64 t = due ? bandi_deadline_to_unix (due) : G_MAXINT64;

      if (!bandi_milestone_get_done (milestone) && due != NULL && t >= self->now &&
          t < next_milestone_time)
        {
          next_milestone = milestone;
          next_milestone_time = t;
        }
    }
  if (next_milestone != NULL)
    {
      g_autofree char *due = bandi_export_text_deadline (bandi_milestone_get_due (next_milestone),
                                                         BANDI_EXPORT_ZONE);

      /* Translators: a milestone, then when it is due */
      milestone_text = g_strdup_printf (_("%s, %s"), bandi_milestone_get_title (next_milestone), due);
    }

  add_line (format, out, _("Call"), call);
  add_line (format, out, _("Deadline"), when);
  add_line (format, out, _("Status"), proposal_status_name (bandi_proposal_get_status (proposal)));
  add_line (format, out, _("Role"),
            bandi_proposal_get_role (proposal) == BANDI_PROPOSAL_ROLE_COORDINATOR ?
            _("coordinator") : _("partner"));
  add_line (format, out, _("Next milestone"), milestone_text);
  format->item_end (out);
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, bandi_zone_lookup (BANDI_EXPORT_ZONE));

  /* Translators: a day, in g_date_time_format() syntax */
  return g_date_time_format (local, _("%-d %B %Y"));
}

char *
bandi_digest_render (BandiDigest       *self,
                     BandiDigestFormat  format_id)
{
  const Format *format = format_id == BANDI_DIGEST_FORMAT_HTML ? &html_format : &markdown_format;
  GString *out = g_string_new (NULL);
  g_autofree char *from = format_day (self->now);
  g_autofree char *to = format_day (window_end (self));
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (BANDI_IS_DIGEST (self), NULL);

  /* Translators: the digest's title; %s is a cluster's acronym */
  title = g_strdup_printf (_("Funding opportunities for %s"), bandi_cluster_get_acronym (self->cluster));
  /* Translators: the digest's first line: from one day to another */
  intro = g_strdup_printf (_("Deadlines from %s to %s; times are Italian time (Europe/Rome)."), from, to);
  format->begin (out, title, intro);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Deadlines in the coming week",
                                          "Deadlines in the coming %u weeks",
                                          self->weeks),
                             self->weeks);
  format->section (out, heading);
  for (guint i = 0; i < self->upcoming->len; i++)
    add_call (self, format, out, g_array_index (self->upcoming, DigestCall, i).call);
  if (self->upcoming->len == 0)
    format->note (out, _("No deadlines."));
  format->section_end (out);

  format->section (out, _("New calls"));
  for (guint i = 0; i < self->recent->len; i++)
    add_call (self, format, out, g_array_index (self->recent, DigestCall, i).call);
  if (self->recent->len == 0)
    format->note (out, _("No new calls this week."));
  format->section_end (out);

  if (self->proposals->len > 0)
    {
      format->section (out, _("Proposals in preparation"));
      for (guint i = 0; i < self->proposals->len; i++)
        add_proposal (self, format, out, &g_array_index (self->proposals, DigestProposal, i));
      format->section_end (out);
    }

  format->end (out);
  return g_string_free (out, FALSE);
}
