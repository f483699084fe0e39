/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-inventory-view.h"
#include "comptoir-scan-screen.h"

G_BEGIN_DECLS

struct _ComptoirInventoryView
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkWidget          *open_title;
  GtkListBox         *open_list;
  GtkWidget          *past_title;
  GtkListBox         *past_list;
  GtkLabel           *count_title;
  GtkEntry           *scan_entry;
  GtkWidget          *last_box;
  GtkLabel           *last_name;
  GtkLabel           *last_count;
  GtkLabel           *last_message;
  GtkWidget          *undo_button;
  GtkLabel           *progress_label;
  GtkScrolledWindow  *lines_scroll;
  GtkColumnView      *lines_table;

  ComptoirCatalog    *catalog;
  ComptoirDb         *db;
  ComptoirScaleRules *rules;
  char               *count_id;
  char               *last_product_id;  /* highlighted; what Undo takes back */
  gint64              last_quantity;    /* the last entry; 0: nothing to take back */
  ComptoirScanSounds *sounds;
};

void _comptoir_inventory_view_focus_scan   (ComptoirInventoryView *self);
void _comptoir_inventory_view_back_to_list (ComptoirInventoryView *self);
/* The big panel in red, the error sound. */
void _comptoir_inventory_view_show_error   (ComptoirInventoryView *self,
                                            const char            *what,
                                            const char            *message);
/* Counts what code names: quantity_milli, or what the code says
 * (COMPTOIR_INVENTORY_QUANTITY_FROM_CODE, then from_code is that
 * quantity, for Undo). */
void _comptoir_inventory_view_add          (ComptoirInventoryView *self,
                                            const char            *code,
                                            gint64                 quantity_milli,
                                            gint64                 from_code);
/* Says something in the Stock page's toast. */
void _comptoir_inventory_view_show_message (ComptoirInventoryView *self,
                                            const char            *message);

/* comptoir-inventory-dialogs.c */
void _comptoir_inventory_ask_start         (ComptoirInventoryView *self);
void _comptoir_inventory_ask_weight        (ComptoirInventoryView *self,
                                            const char            *code,
                                            ComptoirProduct       *product);
void _comptoir_inventory_ask_validate      (ComptoirInventoryView *self);
void _comptoir_inventory_ask_cancel        (ComptoirInventoryView *self);

G_END_DECLS
