/* bandi-cli-calls.c — `bandi-cli calls`: calls added by hand, for funders
 * no source reads
 *
 *   bandi-cli calls add --title T [--url U] [--deadline D]… [--funder F]
 *                       [--programme P] [--budget N] [--note N]
 *   bandi-cli calls edit ID [the same options]
 *   bandi-cli calls delete ID
 *
 * `add` prints the new call's id ("m-" and 8 hex digits), the "id" that
 * `list --json` gives it, with "source": "manual". A deadline is a date,
 * then optionally a time, then optionally a zone (bandi-date-input.h):
 * "2027-03-15" is date-only (an all-day deadline); "2027-03-15 17:00" is
 * 17:00 in the user's own time zone (TZ, else the system's); "2027-03-15
 * 17:00 Europe/Brussels" is 17:00 in Brussels. Dates may also be typed in
 * the locale's order (15/03/2027 in Italian). `edit` changes what its
 * options give: an empty value clears a field, and --deadline, given once
 * or more, replaces all the deadlines. The note is the call's description:
 * searched, used for relevance and exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bandi-cli.h"
#include "bandi-date-input.h"
#include "bandi-zone.h"

typedef struct {
  char  *title;
  char  *url;
  char  *funder;
  char  *programme;
  char  *budget;
  char  *note;
  char **deadlines;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->title);
  g_free (fields->url);
  g_free (fields->funder);
  g_free (fields->programme);
  g_free (fields->budget);
  g_free (fields->note);
  g_strfreev (fields->deadlines);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static gboolean
fields_given (const Fields *fields)
{
  return fields->title || fields->url || fields->funder || fields->programme ||
         fields->budget || fields->note || fields->deadlines;
}

/* Sets on @call what @fields give; FALSE after printing what is wrong. */
static gboolean
apply_fields (const char   *action,
              const Fields *fields,
              BandiCall    *call)
{
  if (fields->budget != NULL)
    {
      char *end = NULL;
      double budget = *fields->budget ? g_ascii_strtod (fields->budget, &end) : -1;

      if (*fields->budget && (end == fields->budget || *end != '\0' || budget < 0))
        {
          bandi_cli_error (_("calls %s: --budget “%s” is not an amount in euros (e.g. 2500000)"),
                           action, fields->budget);
          return FALSE;
        }
      bandi_call_set_budget (call, budget);
    }

  if (fields->deadlines != NULL)
    {
      bandi_call_clear_deadlines (call);
      for (guint i = 0; fields->deadlines[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BandiDeadline) deadline =
            bandi_date_input_parse_deadline (fields->deadlines[i], NULL, bandi_zone_local (),
                                             i + 1, &error);

          if (deadline == NULL)
            {
              bandi_cli_error (_("calls %s: --deadline: %s"), action, error->message);
              return FALSE;
            }
          bandi_call_add_deadline (call, deadline);
        }
    }

  if (fields->title != NULL)
    bandi_call_set_title (call, fields->title);
  if (fields->url != NULL)
    bandi_call_set_url (call, *fields->url ? fields->url : NULL);
  if (fields->funder != NULL)
    bandi_call_set_programme_part (call, *fields->funder ? fields->funder : NULL);
  if (fields->programme != NULL)
    bandi_call_set_programme (call, *fields->programme ? fields->programme : NULL);
  if (fields->note != NULL)
    bandi_call_set_description (call, *fields->note ? fields->note : NULL);

  return TRUE;
}

/* The stored call added by hand with the id @id; NULL after printing why. */
static BandiCall *
find_manual (BandiStore *store,
             const char *action,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  BandiCall *call = bandi_store_find_call (store, BANDI_MANUAL_SOURCE_ID, id, &error);

  if (call == NULL)
    {
      if (g_error_matches (error, BANDI_STORE_ERROR, BANDI_STORE_ERROR_NOT_FOUND))
        bandi_cli_error (_("calls %s: no call added by hand has the id “%s” (see “bandi-cli list --source manual --json”)"),
                         action, id);
      else
        bandi_cli_error (_("calls %s: %s"), action, error->message);
    }

  return call;
}

static int
run_add (BandiStore   *store,
         const Fields *fields)
{
  g_autoptr(BandiCall) call = bandi_call_new ();
  g_autoptr(GError) error = NULL;

  if (!apply_fields ("add", fields, call))
    return 2;

  if (!bandi_store_add_manual_call (store, call, &error))
    {
      bandi_cli_error (_("calls add: %s"), error->message);
      return 1;
    }

  printf ("%s\n", bandi_call_get_external_id (call));
  return 0;
}

static int
run_edit (BandiStore   *store,
          const char   *id,
          const Fields *fields)
{
  g_autoptr(BandiCall) call = find_manual (store, "edit", id);
  g_autoptr(GError) error = NULL;

  if (call == NULL)
    return 1;
  if (!apply_fields ("edit", fields, call))
    return 2;

  if (!bandi_store_update_manual_call (store, call, &error))
    {
      bandi_cli_error (_("calls edit: %s"), error->message);
      return 1;
    }

  return 0;
}

static int
run_delete (BandiStore *store,
            const char *id)
{
  g_autoptr(BandiCall) call = find_manual (store, "delete", id);
  g_autoptr(GError) error = NULL;

  if (call == NULL)
    return 1;

  if (!bandi_store_delete_manual_call (store, bandi_call_get_id (call), &error))
    {
      bandi_cli_error (_("calls delete: %s"), error->message);
      return 1;
    }

  return 0;
}

int
bandi_cli_calls (BandiCliContext  *ctx,
                 int               argc,
                 char            **argv)
{
  g_auto(Fields) fields = { NULL, };
  BandiStore *store;
  const char *action;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &fields.title,
      N_("The call’s title"), N_("TITLE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &fields.url,
      N_("The call’s page"), N_("URL") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields.deadlines,
      N_("A deadline (repeatable): “2027-03-15” (all day), “2027-03-15 17:00” (your time zone) "
         "or “2027-03-15 17:00 Europe/Brussels”"), N_("DEADLINE") },
    { "funder", 0, 0, G_OPTION_ARG_STRING, &fields.funder,
      N_("Who funds it, e.g. Fondazione Cariplo"), N_("FUNDER") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &fields.programme,
      N_("The programme it belongs to"), N_("PROGRAMME") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &fields.budget,
      N_("Its budget in euros"), N_("EUROS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &fields.note,
      N_("What the call is about, searched and used for relevance"), N_("TEXT") },
    { NULL }
  };

  if (!bandi_cli_parse_options ("calls", _("add | edit ID | delete ID"),
                                _("Adds, edits or deletes a call of a funder no source reads. "
                                  "An empty value clears a field; --deadline replaces all the deadlines."),
                                entries, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      bandi_cli_error (_("calls: no action given (add, edit or delete)"));
      return 2;
    }
  action = argv[1];

  if (strcmp (action, "add") == 0)
    {
      if (argc > 2)
        {
          bandi_cli_error (_("calls add: unexpected argument “%s”"), argv[2]);
          return 2;
        }
      if (fields.title == NULL || *fields.title == '\0')
        {
          bandi_cli_error (_("calls add: --title is needed"));
          return 2;
        }
    }
  else if (strcmp (action, "edit") == 0 || strcmp (action, "delete") == 0)
    {
      if (argc != 3)
        {
          bandi_cli_error (_("calls %s: give the id of one call added by hand"), action);
          return 2;
        }
      if (strcmp (action, "edit") == 0 && !fields_given (&fields))
        {
          bandi_cli_error (_("calls edit: nothing to change (see “bandi-cli calls --help”)"));
          return 2;
        }
      if (strcmp (action, "delete") == 0 && fields_given (&fields))
        {
          bandi_cli_error (_("calls delete: takes no options but the id"));
          return 2;
        }
    }
  else
    {
      bandi_cli_error (_("calls: unknown action “%s” (add, edit or delete)"), action);
      return 2;
    }

  store = bandi_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  if (strcmp (action, "add") == 0)
    return run_add (store, &fields);
  if (strcmp (action, "edit") == 0)
    return run_edit (store, argv[2], &fields);
  return run_delete (store, argv[2]);
}
