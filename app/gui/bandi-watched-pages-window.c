/* bandi-watched-pages-window.c — the web pages watched for changes: what
 * each sync found there, the lines that came with the last change, and a
 * way to open, add and remove them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-watched-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-http.h"
#include "bandi-page-watch.h"
#include "bandi-watched-pages-window.h"

struct _BandiWatchedPagesWindow
{
  AdwPreferencesWindow  parent_instance;

  BandiStore           *store;
  GPtrArray            *rows;  /* the pages' rows, (transfer none) */

  AdwEntryRow          *name_row;
  AdwEntryRow          *url_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *pages_group;
  GtkWidget            *empty_row;
};

G_DEFINE_FINAL_TYPE (BandiWatchedPagesWindow, bandi_watched_pages_window, ADW_TYPE_PREFERENCES_WINDOW)

static void reload (BandiWatchedPagesWindow *self);

/* What a page's status means to its reader. */
static char *
describe (BandiWatchedPage *page)
{
  g_autofree char *checked = NULL;
  const char *status;

  if (g_strcmp0 (page->status, "failed") == 0)
    /* Translators: %s says why a watched page could not be read */
    return g_strdup_printf (_("Could not be read: %s"), page->error ? page->error : "");
  if (g_strcmp0 (page->status, "changed") == 0)
    status = _("Changed at the last sync");
  else if (g_strcmp0 (page->status, "unchanged") == 0)
    status = _("Unchanged");
  else if (g_strcmp0 (page->status, "recorded") == 0)
    status = _("Read once; changes are reported from the next sync");
  else
    return g_strdup (_("Read at the next sync"));

  if (page->last_checked == 0)
    return g_strdup (status);

  {
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (page->last_checked);

    /* Translators: a date and time, see strftime(3) */
    checked = g_date_time_format (when, _("%x %H:%M"));
  }
  /* Translators: a watched page's status, then when it was last read */
  return g_strdup_printf (_("%s — checked %s"), status, checked);
}

static void
open_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), url, GDK_CURRENT_TIME);
}

static void
remove_clicked_cb (GtkButton               *button,
                   BandiWatchedPagesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autoptr(GError) error = NULL;

  if (!bandi_store_remove_watched_page (self->store, name, &error))
    g_warning ("Cannot remove the watched page %s: %s", name, error->message);
  reload (self);
}

static GtkWidget *
suffix_button (const char *icon_name,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
page_row (BandiWatchedPagesWindow *self,
          BandiWatchedPage        *page)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = describe (page);
  g_autofree char *full_subtitle = g_strconcat (page->url, "\n", subtitle, NULL);
  GtkWidget *open = suffix_button ("web-browser-symbolic", _("Open Page"));
  GtkWidget *remove = suffix_button ("user-trash-symbolic", _("Stop Watching"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), page->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), full_subtitle);

  g_object_set_data_full (G_OBJECT (open), "url", g_strdup (page->url), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), open);
  g_object_set_data_full (G_OBJECT (remove), "name", g_strdup (page->name), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  /* What came with the last change */
  for (guint i = 0; page->added != NULL && page->added[i] != NULL; i++)
    {
      GtkWidget *line = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), page->added[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                         page->added != NULL && page->added[0] != NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (page->status, "changed") == 0);

  return row;
}

static void
reload (BandiWatchedPagesWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->pages_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  pages = bandi_store_list_watched_pages (self->store, &error);
  if (pages == NULL)
    {
      g_warning ("Cannot read the watched pages: %s", error->message);
      return;
    }

  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *row = page_row (self, g_ptr_array_index (pages, i));

      adw_preferences_group_add (self->pages_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, pages->len == 0);
}

static void
show_error (BandiWatchedPagesWindow *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The same checks as `bandi-cli watch add`: a name, and an address the
 * sync may read. */
static void
add_clicked_cb (BandiWatchedPagesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    {
      show_error (self, _("Give the page a name."));
      return;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      show_error (self, _("The address is not a web address."));
      return;
    }
  if (!bandi_http_uri_is_allowed (uri, &error) ||
      !bandi_store_add_watched_page (self->store, name, url, g_get_real_time () / G_USEC_PER_SEC, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  reload (self);
}

static void
bandi_watched_pages_window_dispose (GObject *object)
{
  BandiWatchedPagesWindow *self = BANDI_WATCHED_PAGES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), BANDI_TYPE_WATCHED_PAGES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bandi_watched_pages_window_parent_class)->dispose (object);
}

static void
bandi_watched_pages_window_class_init (BandiWatchedPagesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bandi_watched_pages_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bandi/Bandi/bandi-watched-pages-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BandiWatchedPagesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BandiWatchedPagesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, BandiWatchedPagesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, BandiWatchedPagesWindow, pages_group);
  gtk_widget_class_bind_template_child (widget_class, BandiWatchedPagesWindow, empty_row);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
bandi_watched_pages_window_init (BandiWatchedPagesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

BandiWatchedPagesWindow *
bandi_watched_pages_window_new (BandiStore *store)
{
  BandiWatchedPagesWindow *self;

  g_return_val_if_fail (BANDI_IS_STORE (store), NULL);

  self = g_object_new (BANDI_TYPE_WATCHED_PAGES_WINDOW, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  pages = bandi_page_watch_check_finish (BANDI_PAGE_WATCH (object), result, &error);
  if (pages == NULL)
    {
      g_warning ("Cannot check the watched pages: %s", error->message);
      return;
    }

  for (guint i = 0; i < pages->len; i++)
    {
      BandiWatchedPage *page = g_ptr_array_index (pages, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *id = NULL;

      if (g_strcmp0 (page->status, "changed") != 0)
        continue;

      {
        /* Translators: %s is the name of a watched web page */
        g_autofree char *title = g_strdup_printf (_("“%s” has changed"), page->name);

        notification = g_notification_new (title);
      }
      g_notification_set_body (notification, page->added != NULL && page->added[0] != NULL
                                             ? page->added[0] : page->url);
      g_notification_set_default_action (notification, "app.watched-pages");
      id = g_strconcat ("watched-page-", page->name, NULL);
      g_application_send_notification (application, id, notification);
    }
}

void
bandi_watched_pages_check (GApplication *application,
                           BandiStore   *store,
                           SoupSession  *session,
                           GPtrArray    *sources)
{
  g_autoptr(BandiPageWatch) watch = NULL;
  g_autoptr(GPtrArray) adopted = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (BANDI_IS_STORE (store));

  watch = bandi_page_watch_new (store, session);
  adopted = bandi_page_watch_adopt (watch, sources, &error);
  if (adopted == NULL)
    g_warning ("Cannot watch the pages the sources could not read: %s", error->message);
  bandi_page_watch_check_async (watch, NULL, checked_cb, g_object_ref (application));
}
