/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-suppliers-page.h"

G_BEGIN_DECLS

typedef enum {
  TERMS_CONTACT,
  TERMS_EMAIL,
  TERMS_PHONE,
  TERMS_ADDRESS,
  TERMS_ORDER_DAYS,
  TERMS_LEAD,
  TERMS_MINIMUM,
  TERMS_FRANCO,
  TERMS_NOTES,
  N_TERMS
} TermsField;

/* The widgets of one line of the order shown, updated in place when its
 * packs change so that the spin button being used keeps the focus. */
typedef struct {
  char          *supplier_product_id;
  GtkSpinButton *packs;     /* NULL once the order is no longer a draft */
  GtkLabel      *units;
  GtkLabel      *total;
  GtkWidget     *name;
} OrderRow;

/* Shared by comptoir-suppliers-page.c (the list, the supplier shown,
 * navigation), comptoir-supplier-detail.c (terms, catalogue, orders),
 * comptoir-supplier-import-ui.c (catalogue import, sale prices),
 * comptoir-order-suggest-ui.c and comptoir-order-view.c. */
struct _ComptoirSuppliersPage
{
  GtkWidget             parent_instance;

  GtkWidget            *box;            /* the only child, unparented on dispose */
  GtkSearchEntry       *search_entry;
  GtkStack             *results_stack;
  GtkListBox           *results;
  AdwStatusPage        *no_results;
  GtkStack             *detail_stack;
  GtkLabel             *name_label;
  GtkLabel             *summary_label;
  AdwViewStack         *view_stack;
  AdwPreferencesGroup  *terms_group;
  GtkLabel             *catalogue_count;
  GtkStack             *catalogue_stack;
  GtkColumnView        *catalogue_view;
  GtkLabel             *orders_count;
  GtkStack             *orders_stack;
  GtkListBox           *orders_list;
  GtkLabel             *order_title;
  GtkLabel             *order_status;
  GtkLabel             *order_dates;
  GtkBox               *order_warnings;
  GtkGrid              *order_grid;
  GtkLabel             *order_total;

  GtkLabel             *terms_values[N_TERMS];
  GListStore           *catalogue;      /* ComptoirCatalogueItem, of the supplier shown */

  ComptoirCatalog      *catalog;
  ComptoirDb           *db;
  ComptoirSupplier      supplier;       /* shown; id NULL while none is */
  ComptoirPurchaseOrder order;          /* in the order view; id NULL while none is */
  GArray               *order_rows;     /* OrderRow, of the order shown */
  AdwToast             *toast;          /* weak: the page's message now shown */
  gboolean              filling;        /* the list is being rebuilt: selections are not the person's */
  gboolean              order_filling;  /* spin buttons being set: changes are not the person's */
  GFile                *import_file;    /* being checked or imported, or waiting for the person's go */
  char                 *import_supplier_id;  /* whose catalogue import_file is */
  char                 *import_supplier_name;
};

/* comptoir-suppliers-page.c */
/* Shown in the page's toast, escaped (toast titles are markup). */
void      _comptoir_suppliers_page_show_message (ComptoirSuppliersPage *self,
                                                 const char            *message);
/* The list and the supplier shown read again, after a change. */
void      _comptoir_suppliers_page_reload       (ComptoirSuppliersPage *self);
GtkWindow *_comptoir_suppliers_page_get_window  (ComptoirSuppliersPage *self);
/* "12,50 €", in the shop's way of writing money. */
char     *_comptoir_suppliers_format_euros      (gint64                 cents);
/* "6", "1.5", "5 kg": a quantity of milli-units of unit. */
char     *_comptoir_suppliers_format_quantity   (ComptoirUnit           unit,
                                                 gint64                 milli);
/* "10/03/2025 14:02" from an ISO 8601 time, "10/03/2025" from a day;
 * "" when there is none. */
char     *_comptoir_suppliers_format_time       (const char            *iso);
char     *_comptoir_suppliers_format_day        (const char            *iso_day);
/* A label for a table's cell, left or right aligned. */
GtkWidget *_comptoir_suppliers_cell_new         (const char            *text,
                                                 float                  xalign);
/* A table of rows of texts (NULL-terminated arrays) as a dialog shows
 * it: the header first; the first n_text_columns are left aligned (the
 * last of them wraps), the others are amounts, right aligned. */
GtkWidget *_comptoir_suppliers_table_new        (const char * const    *header,
                                                 guint                  n_text_columns,
                                                 GPtrArray             *rows,
                                                 const char            *css_class);
/* child in a scrolled window as tall as it needs up to max_height. */
GtkWidget *_comptoir_suppliers_scrolled_new     (GtkWidget             *child,
                                                 int                    max_height);

/* comptoir-supplier-detail.c */
void      _comptoir_suppliers_page_init_detail  (ComptoirSuppliersPage *self);
/* Terms, catalogue and orders of self->supplier. */
void      _comptoir_suppliers_page_fill_detail  (ComptoirSuppliersPage *self);
void      _comptoir_suppliers_page_fill_orders  (ComptoirSuppliersPage *self);

/* comptoir-supplier-import-ui.c: "supplier.import" (a CSV file checked
 * by a trial run, imported on the person's go) and
 * "supplier.update-prices". */
void      _comptoir_suppliers_page_class_add_import_actions (GtkWidgetClass *widget_class);

/* comptoir-order-suggest-ui.c: "supplier.suggest-order". */
void      _comptoir_suppliers_page_class_add_suggest_action (GtkWidgetClass *widget_class);

/* comptoir-order-view.c: the order view and its "order.*" actions. */
void      _comptoir_suppliers_page_class_add_order_actions  (GtkWidgetClass *widget_class);
void      _comptoir_suppliers_page_init_order   (ComptoirSuppliersPage *self);
void      _comptoir_suppliers_page_clear_order  (ComptoirSuppliersPage *self);
/* Reads self->order.id again and shows it; FALSE with the reason when
 * it cannot be read. */
gboolean  _comptoir_suppliers_page_load_order   (ComptoirSuppliersPage *self,
                                                 GError               **error);
void      _comptoir_suppliers_page_update_order_actions (ComptoirSuppliersPage *self);

G_END_DECLS
