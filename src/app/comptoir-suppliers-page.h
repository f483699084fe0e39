/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The shop's suppliers: their terms, their catalogue imported from the
 * CSV files they send (purchase prices compared side by side before
 * they change), sale prices set from the purchase prices, and the
 * orders made to them, suggested from the sales and the stock, checked
 * against their minimum and franco, marked sent and exported. */
#define COMPTOIR_TYPE_SUPPLIERS_PAGE (comptoir_suppliers_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirSuppliersPage, comptoir_suppliers_page, COMPTOIR, SUPPLIERS_PAGE, GtkWidget)

void        comptoir_suppliers_page_set_catalog     (ComptoirSuppliersPage *self,
                                                     ComptoirCatalog       *catalog);
/* Shows that supplier as if picked in the list; FALSE when there is none. */
gboolean    comptoir_suppliers_page_show_supplier   (ComptoirSuppliersPage *self,
                                                     const char            *supplier_id);
/* The supplier shown, NULL when none. */
const char *comptoir_suppliers_page_get_supplier    (ComptoirSuppliersPage *self);
/* The New Supplier dialog; the supplier it creates is then shown. */
void        comptoir_suppliers_page_new_supplier    (ComptoirSuppliersPage *self);
/* Checks file as a trial run of the import of the catalogue of the
 * supplier shown, shows what it would do (the purchase prices that
 * change side by side) and imports it when the person says so: what
 * Import Catalogue… does once a file is chosen. */
void        comptoir_suppliers_page_import_file     (ComptoirSuppliersPage *self,
                                                     GFile                 *file);
/* Shows the order in the order view; FALSE (and a message) when it
 * cannot be read. */
gboolean    comptoir_suppliers_page_show_order      (ComptoirSuppliersPage *self,
                                                     const char            *order_id);
/* The order shown, NULL when none. */
const char *comptoir_suppliers_page_get_order       (ComptoirSuppliersPage *self);
/* Writes the order shown as CSV to file: what Export CSV… does once a
 * file is chosen. */
void        comptoir_suppliers_page_export_order    (ComptoirSuppliersPage *self,
                                                     GFile                 *file);

G_END_DECLS
