/* bandi-cli-publish.c — `bandi-cli publish`: deadlines into a CalDAV calendar
 *
 * The calendar URL and user name come from Bandi's settings unless given;
 * the password from --password-file (read once, never printed), else from
 * the keyring entry Bandi keeps for that URL and user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bandi-caldav-publisher.h"
#include "bandi-caldav-secret.h"
#include "bandi-cli.h"

#define SETTINGS_SCHEMA "io.github.bandi.Bandi"
#define MAX_PASSWORD_FILE_SIZE 4096

typedef struct {
  GMainLoop         *loop;
  GAsyncResult      *result;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static void
wait_run (Wait *wait)
{
  wait->loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (wait->loop);
  g_clear_pointer (&wait->loop, g_main_loop_unref);
}

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* The first line of @path, without its line end. */
static char *
read_password_file (const char  *path,
                    GError     **error)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > MAX_PASSWORD_FILE_SIZE || memchr (contents, '\0', length) != NULL ||
      !g_utf8_validate (contents, (gssize) length, NULL))
    {
      memset (contents, 0, length);
      g_free (contents);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s does not hold a password (one line of text)"), path);
      return NULL;
    }
  contents[strcspn (contents, "\r\n")] = '\0';
  return contents;
}

static char *
lookup_password (const char *url,
                 const char *user)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL, };
  char *secret;
  char *password;

  bandi_caldav_password_lookup_async (url, user, NULL, wait_cb, &wait);
  wait_run (&wait);
  secret = bandi_caldav_password_lookup_finish (wait.result, &error);
  g_object_unref (wait.result);

  if (error != NULL)
    bandi_cli_error (_("publish: cannot read the password from the keyring (%s); "
                       "trying without one — use --password-file"), error->message);
  else if (secret == NULL)
    bandi_cli_error (_("publish: the keyring has no password for %s at %s; "
                       "trying without one — use --password-file"), user, url);

  password = g_strdup (secret);
  if (secret != NULL)
    bandi_caldav_password_free (secret);
  return password;
}

static void
print_report (const char        *url,
              BandiCaldavReport *report)
{
  if (report->dry_run)
    /* TRANSLATORS: counts of calendar resources a publication would write */
    g_print (_("Would publish to %s: %u new, %u updated, %u deleted, %u unchanged\n"),
             url, report->n_created, report->n_updated, report->n_deleted, report->n_unchanged);
  else
    g_print (_("Published to %s: %u new, %u updated, %u deleted, %u unchanged\n"),
             url, report->n_created, report->n_updated, report->n_deleted, report->n_unchanged);

  for (guint i = 0; i < report->failures->len; i++)
    {
      BandiCaldavFailure *failure = g_ptr_array_index (report->failures, i);

      /* TRANSLATORS: one event the server refused: its title (or resource
       * name), then why */
      bandi_cli_error (_("publish: failed: %s: %s"),
                       failure->summary ? failure->summary : failure->resource,
                       failure->message);
    }
}

int
bandi_cli_publish (BandiCliContext  *ctx,
                   int               argc,
                   char            **argv)
{
  g_auto(BandiCliScope) scope = { NULL, };
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password_file = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(BandiIcalExport) export = NULL;
  g_autoptr(BandiCaldavPublisher) publisher = NULL;
  g_autoptr(BandiCaldavReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  char *password = NULL;
  Wait wait = { NULL, };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only tell what publishing would write"), NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("The calendar collection (default: the one set in Bandi)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("The user name (default: the one set in Bandi)"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE (default: the keyring)"), N_("FILE") },
    BANDI_CLI_SCOPE_ENTRIES (&scope),
    { NULL }
  };

  if (!bandi_cli_parse_options ("publish", NULL,
                                _("Publishes the stored calls’ deadlines to a CalDAV calendar, one "
                                  "event per resource: new events are created, changed ones "
                                  "updated, those no longer exported deleted."),
                                entries, &argc, &argv))
    return 2;

  if (argc > 1)
    {
      bandi_cli_error (_("publish: unexpected argument “%s”"), argv[1]);
      return 2;
    }

  settings = g_settings_new (SETTINGS_SCHEMA);
  if (url == NULL)
    url = g_settings_get_string (settings, "caldav-url");
  if (user == NULL)
    user = g_settings_get_string (settings, "caldav-user");
  if (*url == '\0')
    {
      bandi_cli_error (_("publish: no calendar set up: give --url URL or set one in Bandi"));
      return 2;
    }

  export = bandi_cli_scope_export (ctx, "publish", &scope, &status);
  if (export == NULL)
    return status;

  if (password_file != NULL)
    {
      password = read_password_file (password_file, &error);
      if (password == NULL)
        {
          bandi_cli_error ("publish: %s", error->message);
          return 2;
        }
    }
  else if (*user != '\0')
    password = lookup_password (url, user);

  publisher = bandi_caldav_publisher_new (ctx->store, url, *user ? user : NULL, password);
  wipe (password);

  bandi_caldav_publisher_publish_async (publisher, export, dry_run, NULL, wait_cb, &wait);
  wait_run (&wait);
  report = bandi_caldav_publisher_publish_finish (publisher, wait.result, &error);
  g_object_unref (wait.result);

  if (report == NULL)
    {
      bandi_cli_error ("publish: %s", error->message);
      return 1;
    }

  print_report (url, report);
  return report->failures->len == 0 ? 0 : 1;
}
