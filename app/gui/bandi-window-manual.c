/* bandi-window-manual.c
 *
 * The window's actions on the calls added by hand: win.add-call (the main
 * menu's Add Call…), and win.edit-call and win.delete-call on the call the
 * details page shows. After each, the context reads the store again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-context.h"
#include "bandi-format.h"
#include "bandi-manual-call-dialog.h"
#include "bandi-window-private.h"

/* The call of the details page, when it was added by hand. */
static BandiCall *
shown_manual_call (BandiWindow *self)
{
  BandiCall *call = self->details ? bandi_call_details_get_call (self->details) : NULL;

  if (call == NULL || g_strcmp0 (bandi_call_get_source_id (call), BANDI_MANUAL_SOURCE_ID) != 0)
    return NULL;
  return call;
}

/* The context reads the store again: every view follows. */
static void
reload (BandiWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bandi_context_reload (self->context, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (error->message, 0));
}

static void
added_cb (BandiWindow *self,
          BandiCall   *call)
{
  reload (self);
  bandi_window_show_call (self, call);
}

static void
edited_cb (BandiWindow *self,
           BandiCall   *call)
{
  reload (self);
  bandi_call_details_set_call (self->details, call);
  bandi_window_update_header (self);
}

static void
open_dialog (BandiWindow *self,
             BandiCall   *call,
             GCallback    saved)
{
  BandiManualCallDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = bandi_manual_call_dialog_new (GTK_WINDOW (self), self->store, call);
  g_signal_connect_object (dialog, "saved", saved, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_call_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_dialog (BANDI_WINDOW (widget), NULL, G_CALLBACK (added_cb));
}

static void
edit_call_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  BandiCall *call = shown_manual_call (self);

  if (call != NULL)
    open_dialog (self, call, G_CALLBACK (edited_cb));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BandiWindow      *self)
{
  BandiCall *call = g_object_get_data (G_OBJECT (dialog), "call");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!bandi_store_delete_manual_call (self->store, bandi_call_get_id (call), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, bandi_format_plain_toast (error->message, 0));
      return;
    }

  bandi_window_go_back (self);
  reload (self);
}

static void
delete_call_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BandiWindow *self = BANDI_WINDOW (widget);
  BandiCall *call = shown_manual_call (self);
  GtkWidget *dialog;

  if (call == NULL || self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("Its deadlines leave the lists, the calendar and the next exports. "
                                     "Proposals made for it keep its title and deadline."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     bandi_call_get_title (call));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "call", g_object_ref (call), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bandi_window_add_manual_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-call", NULL, add_call_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-call", NULL, edit_call_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-call", NULL, delete_call_activated);
}
