/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "comptoir-catalog.h"

G_BEGIN_DECLS

/* The catalogue as a GListModel of ComptoirProduct that holds only the
 * row ids of the current query; a product object exists only while a
 * row shows it (plus a small cache), so 100,000 products cost 800 KB. */
#define COMPTOIR_TYPE_PRODUCT_LIST (comptoir_product_list_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirProductList, comptoir_product_list, COMPTOIR, PRODUCT_LIST, GObject)

ComptoirProductList *comptoir_product_list_new          (ComptoirCatalog     *catalog);
ComptoirCatalog     *comptoir_product_list_get_catalog  (ComptoirProductList *self);
const char          *comptoir_product_list_get_text     (ComptoirProductList *self);
ComptoirProductSort  comptoir_product_list_get_sort     (ComptoirProductList *self);
gboolean             comptoir_product_list_get_descending (ComptoirProductList *self);
gboolean             comptoir_product_list_get_loading  (ComptoirProductList *self);

/* Runs the query off the main thread; a newer call supersedes an older
 * one still running. */
void                 comptoir_product_list_query        (ComptoirProductList *self,
                                                         const char          *text,
                                                         ComptoirProductSort  sort,
                                                         gboolean             descending);
gboolean             comptoir_product_list_query_sync   (ComptoirProductList *self,
                                                         const char          *text,
                                                         ComptoirProductSort  sort,
                                                         gboolean             descending,
                                                         GError             **error);
/* Re-reads one product after it was saved, so every row showing it
 * updates; a new product is added at the top. Returns its position. */
guint                comptoir_product_list_refresh      (ComptoirProductList *self,
                                                         ComptoirProduct     *product);

G_END_DECLS
