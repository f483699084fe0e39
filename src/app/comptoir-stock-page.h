/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The stock, as the movements make it (DESIGN.md): one product's stock,
 * value and last movements, found by scanning it, with the losses,
 * corrections and transfers a person records by hand; the products to
 * reorder, those that do not sell, the lots about to expire, the value
 * of the whole stock; and inventory counts (comptoir-inventory-view.h). */
#define COMPTOIR_TYPE_STOCK_PAGE (comptoir_stock_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirStockPage, comptoir_stock_page, COMPTOIR, STOCK_PAGE, GtkWidget)

void        comptoir_stock_page_set_catalog    (ComptoirStockPage *self,
                                                ComptoirCatalog   *catalog);
/* Levels, To Reorder, Unsold, Expiring, Inventory: "levels", "reorder",
 * "unsold", "expiring", "inventory". */
void        comptoir_stock_page_set_view       (ComptoirStockPage *self,
                                                const char        *name);
/* What a scanner's burst does on Levels: shows the stock of the product
 * the code names (our barcode or code, a scale label, a GS1 code). */
gboolean    comptoir_stock_page_show_code      (ComptoirStockPage *self,
                                                const char        *code,
                                                GError           **error);
void        comptoir_stock_page_show_product   (ComptoirStockPage *self,
                                                const char        *product_id);
/* The product shown on Levels, NULL when none is. */
const char *comptoir_stock_page_get_product_id (ComptoirStockPage *self);

G_END_DECLS
