/* bandi-window-keys.c
 *
 * Keys that work wherever the focus is: the window sees them before the
 * focused widget does (Alt+Left would otherwise move the focus to the
 * sidebar, and Page Up would move the sidebar's selection). Down from the
 * search entry moves into the results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-window"

#include "config.h"

#include "bandi-window-private.h"

#define MODIFIERS (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)

/* Page Up, Page Down and Home on the calendar page, unless text is being
 * edited (Home moves the cursor there). */
static gboolean
calendar_key (BandiWindow *self,
              guint        keyval)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *action;

  if (!BANDI_IS_CALENDAR_VIEW (page))
    return FALSE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = "calendar.previous";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = "calendar.next";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = "calendar.today";
      break;
    default:
      return FALSE;
    }
  return gtk_widget_activate_action (page, action, NULL);
}

static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BandiWindow           *self)
{
  state &= MODIFIERS;
  if (state == GDK_ALT_MASK && (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left))
    {
      bandi_window_go_back (self);
      return TRUE;
    }
  if (state == 0)
    return calendar_key (self, keyval);
  return FALSE;
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BandiWindow           *self)
{
  BandiCallsView *view;

  if ((state & MODIFIERS) != 0 || (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down))
    return FALSE;
  view = bandi_window_current_calls_view (self);
  return view != NULL && bandi_calls_view_focus_results (view);
}

void
bandi_window_add_key_controllers (BandiWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *search_keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (keys, "bandi-window-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_event_controller_set_name (search_keys, "bandi-search-keys");
  gtk_event_controller_set_propagation_phase (search_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (search_keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);
}
