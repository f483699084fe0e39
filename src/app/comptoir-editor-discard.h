/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the editor windows (product, member, supplier) share when they
 * are closed with unsaved edits: they ask first, as a volunteer called
 * away from the office must not lose a half-typed record silently. */

typedef void (*ComptoirEditorDiscardFunc) (GtkWindow *editor);

/* Presents "Discard Changes?" over editor, body saying what would be
 * lost; discard (editor) is called when the person says Discard. */
void comptoir_editor_ask_discard (GtkWindow                 *editor,
                                  const char                *body,
                                  ComptoirEditorDiscardFunc  discard);

G_END_DECLS
