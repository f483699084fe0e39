/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The message dialogs the pages ask their questions in: the question,
 * one or a few fields, and Enter in a field answering it, as the person
 * may hold a scanner in the other hand. */

/* A dialog over the window that shows page. */
AdwMessageDialog *comptoir_dialog_new            (GtkWidget        *page,
                                                  const char       *heading,
                                                  const char       *body);
/* An entry whose placeholder also names it for assistive technologies. */
GtkWidget        *comptoir_dialog_entry_new      (const char       *placeholder,
                                                  const char       *text);
/* Enter in entry (a GtkEntry or an AdwEntryRow) answers response, when
 * that response is enabled. */
void              comptoir_dialog_enter_responds (AdwMessageDialog *dialog,
                                                  GtkWidget        *entry,
                                                  const char       *response);

G_END_DECLS
