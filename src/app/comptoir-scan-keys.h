/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A keyboard-wedge scanner on a screen with a scan field: every key the
 * widget receives goes through ComptoirKeyboardScan first, so that a
 * burst is read from the key codes as the scanner means them (digits on
 * an AZERTY keyboard too); the entry is emptied and func gets the code.
 * Typing goes to the entry as usual. entry NULL: the field that has the
 * focus, if any, is emptied (the burst's keys went to it), for a screen
 * with several fields. */
typedef void (*ComptoirScanKeysFunc) (gpointer    user_data,
                                      const char *code);

void comptoir_scan_keys_attach (GtkWidget            *widget,
                                GtkEditable          *entry,
                                ComptoirScanKeysFunc  func,
                                gpointer              user_data);

G_END_DECLS
