/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-dialog.h"

AdwMessageDialog *
comptoir_dialog_new (GtkWidget  *page,
                     const char *heading,
                     const char *body)
{
  GtkRoot *root = gtk_widget_get_root (page);

  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     heading, body));
}

GtkWidget *
comptoir_dialog_entry_new (const char *placeholder,
                           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  return entry;
}

/* libadwaita 1.2 may leave the default response's button unrealized,
 * so an entry's Enter answers the dialog itself, after the entry's own
 * handling is over. */
static gboolean
respond_later (gpointer data)
{
  AdwMessageDialog *dialog = data;
  const char *response = g_object_get_data (G_OBJECT (dialog), "enter-response");

  if (gtk_widget_get_visible (GTK_WIDGET (dialog)) && adw_message_dialog_has_response (dialog, response) &&
      adw_message_dialog_get_response_enabled (dialog, response))
    {
      adw_message_dialog_response (dialog, response);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_object_unref (dialog);
  return G_SOURCE_REMOVE;
}

static void
on_entry_activate (GtkWidget        *entry,
                   AdwMessageDialog *dialog)
{
  g_idle_add (respond_later, g_object_ref (dialog));
}

void
comptoir_dialog_enter_responds (AdwMessageDialog *dialog,
                                GtkWidget        *entry,
                                const char       *response)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  g_object_set_data_full (G_OBJECT (dialog), "enter-response", g_strdup (response), g_free);
  g_signal_connect (entry, ADW_IS_ENTRY_ROW (entry) ? "entry-activated" : "activate",
                    G_CALLBACK (on_entry_activate), dialog);
}
