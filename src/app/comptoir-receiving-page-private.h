/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-receiving-page.h"
#include "comptoir-scan-screen.h"

G_BEGIN_DECLS

struct _ComptoirReceivingPage
{
  GtkWidget        parent_instance;

  GtkStack        *stack;
  GtkListBox      *open_list;
  GtkWidget       *open_title;
  GtkLabel        *receipt_title;
  GtkEntry        *scan_entry;
  GtkWidget       *last_box;
  GtkLabel        *last_name;
  GtkLabel        *last_count;
  GtkLabel        *last_message;
  GtkWidget       *undo_button;
  GtkLabel        *progress_label;
  GtkScrolledWindow *lines_scroll;
  GtkListBox      *lines_list;

  ComptoirCatalog *catalog;
  ComptoirDb      *db;
  char            *receipt_id;
  char            *last_scan_id;   /* what Undo takes back */
  char            *last_line_id;   /* highlighted in the list */
  AdwToast        *toast;
  ComptoirScanSounds *sounds;
};

/* COMPTOIR_SCAN_SOUND_DONE: a line is now complete. */
void _comptoir_receiving_page_play         (ComptoirReceivingPage      *self,
                                            ComptoirScanSound           sound);
void _comptoir_receiving_page_show_message (ComptoirReceivingPage      *self,
                                            const char                 *message);
/* After a count: the big panel, the sound, the lines. */
void _comptoir_receiving_page_show_result  (ComptoirReceivingPage      *self,
                                            const ComptoirReceiptScanResult *result);
void _comptoir_receiving_page_show_error   (ComptoirReceivingPage      *self,
                                            const char                 *code,
                                            const char                 *message);
void _comptoir_receiving_page_focus_scan   (ComptoirReceivingPage      *self);
void _comptoir_receiving_page_back_to_list (ComptoirReceivingPage      *self);

/* comptoir-receiving-dialogs.c */
void _comptoir_receiving_ask_start         (ComptoirReceivingPage      *self);
void _comptoir_receiving_ask_unknown       (ComptoirReceivingPage      *self,
                                            const ComptoirReceiptScanResult *result,
                                            const char                 *code);
void _comptoir_receiving_ask_weight        (ComptoirReceivingPage      *self,
                                            const ComptoirReceiptScanResult *result);
void _comptoir_receiving_ask_validate      (ComptoirReceivingPage      *self);
void _comptoir_receiving_ask_cancel        (ComptoirReceivingPage      *self);

G_END_DECLS
