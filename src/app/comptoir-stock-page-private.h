/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-inventory-view.h"
#include "comptoir-scan-screen.h"
#include "comptoir-stock-page.h"

G_BEGIN_DECLS

struct _ComptoirStockPage
{
  GtkWidget              parent_instance;

  AdwViewStack          *views;
  GtkLabel              *valuation_label;

  /* Levels (comptoir-stock-levels.c) */
  GtkSearchEntry        *search_entry;
  GtkListBox            *results_list;
  GtkStack              *detail_stack;
  GtkLabel              *product_name;
  GtkLabel              *product_subtitle;
  GtkLabel              *negative_label;
  GtkLabel              *quantity_label;
  GtkLabel              *value_label;
  GtkLabel              *cost_label;
  GtkLabel              *cost_caption;
  GtkLabel              *last_in_label;
  GtkLabel              *last_out_label;
  AdwEntryRow           *minimum_row;
  GtkWidget             *movements_box;
  GtkWidget             *no_movements_label;
  GtkColumnView         *movements_table;

  /* The lists */
  GtkStack              *reorder_stack;
  GtkScrolledWindow     *reorder_scroll;
  GtkLabel              *reorder_summary;
  GtkColumnView         *reorder_table;
  GtkStack              *unsold_stack;
  GtkScrolledWindow     *unsold_scroll;
  GtkLabel              *unsold_summary;
  GtkDropDown           *weeks_choice;
  GtkColumnView         *unsold_table;
  GtkStack              *expiring_stack;
  GtkScrolledWindow     *expiring_scroll;
  GtkLabel              *expiring_summary;
  GtkDropDown           *days_choice;
  GtkColumnView         *expiring_table;

  ComptoirInventoryView *inventory_view;

  ComptoirCatalog       *catalog;
  ComptoirDb            *db;
  ComptoirScaleRules    *rules;
  ComptoirProduct       *product;            /* on Levels */
  GCancellable          *search_cancellable;
  ComptoirScanSounds    *sounds;
  AdwToast              *toast;
};

/* The page's single toast, from anywhere inside it (the inventory view
 * too). */
void  _comptoir_stock_page_show_message (GtkWidget         *inside,
                                         const char        *message);
/* The valuation line at the bottom, read again after a change. */
void  _comptoir_stock_page_update_valuation (ComptoirStockPage *self);

/* How the stock screens write things for a person. */
/* "12.40 €", with the locale's decimal mark. */
char *_comptoir_stock_format_money      (gint64             cents);
/* "12", "1,500 kg"; signed: "+2", "-3" (0 stays "0"). */
char *_comptoir_stock_format_quantity   (ComptoirUnit       unit,
                                         gint64             quantity_milli,
                                         gboolean           signed_);
/* A stored UTC time as the shop's local day and time, "never" for none. */
char *_comptoir_stock_format_at         (const char        *at);

/* comptoir-stock-levels.c */
void  _comptoir_stock_levels_class_init (GtkWidgetClass    *widget_class);
void  _comptoir_stock_levels_init       (ComptoirStockPage *self);
/* A scanner's burst: the product's stock. */
void  _comptoir_stock_levels_scan       (ComptoirStockPage *self,
                                         const char        *code);
/* Reads the product shown again, after a change or when shown. */
void  _comptoir_stock_levels_refresh    (ComptoirStockPage *self);
void  _comptoir_stock_levels_dispose    (ComptoirStockPage *self);

/* comptoir-stock-dialogs.c: each asks, records through the core, then
 * refreshes Levels; errors are said in the page's toast. */
void  _comptoir_stock_ask_loss          (ComptoirStockPage *self);
void  _comptoir_stock_ask_correct       (ComptoirStockPage *self);
void  _comptoir_stock_ask_transfer      (ComptoirStockPage *self);

G_END_DECLS
