/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-editor-discard.h"

typedef struct {
  ComptoirEditorDiscardFunc discard;
} DiscardData;

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *editor)
{
  DiscardData *data = g_object_get_data (G_OBJECT (dialog), "discard");

  if (g_strcmp0 (response, "discard") != 0)
    return;
  data->discard (editor);
}

void
comptoir_editor_ask_discard (GtkWindow                 *editor,
                             const char                *body,
                             ComptoirEditorDiscardFunc  discard)
{
  GtkWidget *dialog;
  DiscardData *data;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (discard != NULL);

  dialog = adw_message_dialog_new (editor, _("Discard Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (DiscardData, 1);
  data->discard = discard;
  g_object_set_data_full (G_OBJECT (dialog), "discard", data, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response), editor);
  gtk_window_present (GTK_WINDOW (dialog));
}
