/* test-proposals-cli.c — bandi-cli proposals: add, list, set, delete
 *
 * Runs the built bandi-cli ($BANDI_CLI) with the test's private XDG
 * directories, and reads back what it stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bandi-store.h"
#include "cli-test-util.h"

typedef struct {
  char *out;
  char *err;
} Fixture;

static int
run_cli (Fixture            *f,
         const char * const *args)
{
  return cli_test_run (g_getenv ("BANDI_CLI"), "UTC", "memory", args, &f->out, &f->err);
}

#define RUN(f, ...) run_cli ((f), (const char *[]) { __VA_ARGS__, NULL })

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->out);
  g_free (f->err);
}

/* `proposals list --json` (of @cluster, or all), as an array */
static JsonArray *
list_json (Fixture    *f,
           const char *cluster)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (cluster != NULL)
    g_assert_cmpint (RUN (f, "proposals", "list", "--cluster", cluster, "--json"), ==, 0);
  else
    g_assert_cmpint (RUN (f, "proposals", "list", "--json"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static gint64
add (Fixture    *f,
     const char *cluster,
     const char *title)
{
  gint64 id;

  g_assert_cmpint (RUN (f, "proposals", "add", "--cluster", cluster, "--title", title), ==, 0);
  id = g_ascii_strtoll (f->out, NULL, 10);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_add_list (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) afil = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *proposal;
  gint64 id;

  g_assert_cmpint (RUN (f, "proposals", "add", "--cluster", "LE2C", "--title", "Batterie alpine",
                        "--call", "HORIZON-CL5-2024-D2-01-03", "--status", "drafting",
                        "--by", "giulia"), ==, 0);
  id = g_ascii_strtoll (f->out, NULL, 10);
  g_assert_cmpint (id, >, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", id);
  g_assert_cmpstr (f->out, ==, id_text);
  add (f, "AFIL", "Fabbrica 5.0");

  all = list_json (f, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 2);
  afil = list_json (f, "afil");
  g_assert_cmpuint (json_array_get_length (afil), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (afil, 0), "title"),
                   ==, "Fabbrica 5.0");

  for (guint i = 0; i < 2; i++)
    {
      proposal = json_array_get_object_element (all, i);
      if (json_object_get_int_member (proposal, "id") == id)
        break;
    }
  g_assert_cmpint (json_object_get_int_member (proposal, "id"), ==, id);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (proposal, "uid")));
  g_assert_cmpstr (json_object_get_string_member (proposal, "cluster"), ==, "LE2C");
  g_assert_cmpstr (json_object_get_string_member (proposal, "title"), ==, "Batterie alpine");
  g_assert_cmpstr (json_object_get_string_member (proposal, "call_id"), ==, "HORIZON-CL5-2024-D2-01-03");
  g_assert_cmpstr (json_object_get_string_member (proposal, "status"), ==, "drafting");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (proposal, "milestones")), ==, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (proposal, "updated_at"), "Z"));
  g_assert_cmpstr (json_object_get_string_member (proposal, "updated_by"), ==, "giulia");
}

/* Milestones come with their title and due time in their zone */
static void
test_list_milestones (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  JsonArray *milestones;
  JsonObject *due;

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = bandi_store_default_path ();
    g_autoptr(BandiStore) store = bandi_store_open (path, &error);
    g_autoptr(BandiProposal) proposal = bandi_proposal_new ();
    g_autoptr(BandiMilestone) milestone = bandi_milestone_new ();
    g_autoptr(BandiDeadline) at = bandi_deadline_new_local (1, NULL, 2027, 3, 10, 12, 0, 0, "Europe/Rome");

    g_assert_no_error (error);
    bandi_proposal_set_cluster_acronym (proposal, "LE2C");
    bandi_proposal_set_title (proposal, "Batterie alpine");
    bandi_milestone_set_title (milestone, "Bozza ai partner");
    bandi_milestone_set_due (milestone, at);
    bandi_proposal_add_milestone (proposal, milestone);
    g_assert_true (bandi_store_save_proposal (store, proposal, &error));
    g_assert_no_error (error);
  }

  all = list_json (f, "LE2C");
  milestones = json_object_get_array_member (json_array_get_object_element (all, 0), "milestones");
  g_assert_cmpuint (json_array_get_length (milestones), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (milestones, 0), "title"),
                   ==, "Bozza ai partner");
  due = json_object_get_object_member (json_array_get_object_element (milestones, 0), "due");
  g_assert_cmpstr (json_object_get_string_member (due, "at"), ==, "2027-03-10T12:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (due, "zone"), ==, "Europe/Rome");
}

static void
test_set_delete (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = add (f, "LE2C", "Batterie alpine");
  gint64 other = add (f, "LE2C", "Reti intelligenti");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *other_text = g_strdup_printf ("%" G_GINT64_FORMAT, other);
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  JsonObject *proposal;

  g_assert_cmpint (RUN (f, "proposals", "set", id_text, "--status", "submitted", "--by", "maria"), ==, 0);
  g_assert_cmpint (RUN (f, "proposals", "set", id_text, "--title", "Batterie per le Alpi",
                        "--by", "luca"), ==, 0);
  g_assert_cmpint (RUN (f, "proposals", "delete", other_text), ==, 0);

  all = list_json (f, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 1);
  proposal = json_array_get_object_element (all, 0);
  g_assert_cmpint (json_object_get_int_member (proposal, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (proposal, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (proposal, "title"), ==, "Batterie per le Alpi");
  g_assert_cmpstr (json_object_get_string_member (proposal, "updated_by"), ==, "luca");

  /* Each change is in the history, with who made it */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = bandi_store_default_path ();
    g_autoptr(BandiStore) store = bandi_store_open (path, &error);
    BandiProposalChange *change;

    g_assert_no_error (error);
    history = bandi_store_list_proposal_history (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 2);
    change = g_ptr_array_index (history, 0);
    g_assert_cmpstr (change->field, ==, "status");
    g_assert_cmpstr (change->old_value, ==, "idea");
    g_assert_cmpstr (change->new_value, ==, "submitted");
    g_assert_cmpstr (change->changed_by, ==, "maria");
    change = g_ptr_array_index (history, 1);
    g_assert_cmpstr (change->field, ==, "title");
    g_assert_cmpstr (change->new_value, ==, "Batterie per le Alpi");
    g_assert_cmpstr (change->changed_by, ==, "luca");
  }
}

/* Usage errors exit 2, failures 1; neither changes what is stored */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add (f, "LE2C", "Batterie alpine");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonArray) all = NULL;

  g_assert_cmpint (RUN (f, "proposals"), ==, 2);
  g_assert_cmpint (RUN (f, "proposals", "add", "--title", "Senza cluster"), ==, 2);
  g_assert_nonnull (strstr (f->err, "--cluster"));
  g_assert_cmpint (RUN (f, "proposals", "add", "--cluster", "LE2C", "--title", "X", "--status", "won"), ==, 2);
  g_assert_nonnull (strstr (f->err, "won"));
  g_assert_cmpint (RUN (f, "proposals", "set", id_text), ==, 2);
  g_assert_cmpint (RUN (f, "proposals", "set", "abc", "--status", "funded"), ==, 2);
  g_assert_cmpint (RUN (f, "proposals", "set", id_text, "--status", "won"), ==, 2);
  g_assert_cmpint (RUN (f, "proposals", "delete"), ==, 2);

  g_assert_cmpint (RUN (f, "proposals", "add", "--cluster", "NOPE", "--title", "X"), ==, 1);
  g_assert_nonnull (strstr (f->err, "NOPE"));
  g_assert_cmpint (RUN (f, "proposals", "set", "999", "--status", "funded"), ==, 1);
  g_assert_cmpint (RUN (f, "proposals", "delete", "999"), ==, 1);

  all = list_json (f, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (all, 0), "status"),
                   ==, "idea");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/proposals-cli/add-list", Fixture, NULL, NULL, test_add_list, fixture_tear_down);
  g_test_add ("/proposals-cli/list-milestones", Fixture, NULL, NULL, test_list_milestones, fixture_tear_down);
  g_test_add ("/proposals-cli/set-delete", Fixture, NULL, NULL, test_set_delete, fixture_tear_down);
  g_test_add ("/proposals-cli/errors", Fixture, NULL, NULL, test_errors, fixture_tear_down);

  return g_test_run ();
}
