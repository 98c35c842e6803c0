/* bandi-countdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bandi-countdown"

#include "config.h"

#include <glib/gi18n.h>

#include "bandi-countdown.h"
#include "bandi-format.h"

void
bandi_countdown_update (GtkLabel      *label,
                        BandiDeadline *deadline,
                        gboolean       is_milestone,
                        gboolean       done,
                        GDateTime     *now)
{
  static const char *classes[] = { "error", "warning", "dim-label" };
  const char *urgency = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  if (deadline == NULL)
    {
      gtk_label_set_text (label, "");
      return;
    }

  if (is_milestone && done)
    {
      gtk_label_set_text (label, _("Done"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }

  urgency = bandi_format_urgency_class (deadline, now);
  if (is_milestone && g_strcmp0 (urgency, "past") == 0)
    {
      gtk_label_set_text (label, _("Overdue"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      return;
    }

  text = bandi_format_days_left (deadline, now);
  gtk_label_set_text (label, text);
  if (g_strcmp0 (urgency, "urgent") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else if (g_strcmp0 (urgency, "soon") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else if (g_strcmp0 (urgency, "past") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}
