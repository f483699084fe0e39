/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

#define COMPTOIR_TYPE_PRODUCTS_PAGE (comptoir_products_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirProductsPage, comptoir_products_page, COMPTOIR, PRODUCTS_PAGE, GtkWidget)

void                 comptoir_products_page_set_catalog  (ComptoirProductsPage *self,
                                                          ComptoirCatalog      *catalog);
ComptoirProductList *comptoir_products_page_get_list     (ComptoirProductsPage *self);
void                 comptoir_products_page_focus_search (ComptoirProductsPage *self);
void                 comptoir_products_page_new_product  (ComptoirProductsPage *self);
void                 comptoir_products_page_import_file  (ComptoirProductsPage *self,
                                                          GFile                *file);
GtkWidget           *comptoir_products_page_edit_product (ComptoirProductsPage *self,
                                                          guint                 position);

G_END_DECLS
