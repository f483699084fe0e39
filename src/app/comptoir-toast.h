/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A page's messages, in the toast overlay of its window: one toast at a
 * time, a new message replacing the one shown rather than queuing
 * behind it. The text is escaped (toast titles are markup) and the toast
 * is never dismissed early: libadwaita before 1.3 frees a toast
 * dismissed during its show animation twice. slot is the page's weak
 * pointer to the toast shown, cleared when it goes. */
void comptoir_toast_show (GtkWidget   *page,
                          AdwToast   **slot,
                          const char  *message);

G_END_DECLS
