/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "comptoir-db.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

typedef enum {
  COMPTOIR_PRODUCT_SORT_NAME,
  COMPTOIR_PRODUCT_SORT_CODE,
  COMPTOIR_PRODUCT_SORT_PRICE,
  COMPTOIR_PRODUCT_SORT_VAT,
  COMPTOIR_PRODUCT_SORT_CATEGORY,
  COMPTOIR_PRODUCT_SORT_UNIT,
  COMPTOIR_PRODUCT_SORT_ACTIVE,
  COMPTOIR_N_PRODUCT_SORTS
} ComptoirProductSort;

/* A problem with one field of a form, said so that a person can fix it. */
typedef struct {
  char *field;    /* property name, e.g. "name", "barcodes" */
  char *message;  /* translated */
} ComptoirFieldError;

void comptoir_field_error_free (ComptoirFieldError *error);

typedef struct {
  char *id;
  char *name;
  int   default_vat_bp;
} ComptoirCategory;

void comptoir_category_free (ComptoirCategory *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirCategory, comptoir_category_free)

#define COMPTOIR_TYPE_CATALOG (comptoir_catalog_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirCatalog, comptoir_catalog, COMPTOIR, CATALOG, GObject)

ComptoirCatalog *comptoir_catalog_new              (ComptoirDb        *db);
ComptoirDb      *comptoir_catalog_get_db           (ComptoirCatalog   *self);

gint64           comptoir_catalog_count_products   (ComptoirCatalog   *self,
                                                    GError           **error);
ComptoirProduct *comptoir_catalog_get_by_rowid     (ComptoirCatalog   *self,
                                                    gint64             rowid,
                                                    GError           **error);
ComptoirProduct *comptoir_catalog_get_by_id        (ComptoirCatalog   *self,
                                                    const char        *id,
                                                    GError           **error);
ComptoirProduct *comptoir_catalog_lookup_barcode   (ComptoirCatalog   *self,
                                                    const char        *barcode,
                                                    GError           **error);
ComptoirProduct *comptoir_catalog_lookup           (ComptoirCatalog   *self,
                                                    const char        *code_or_barcode,
                                                    GError           **error);

GArray          *comptoir_catalog_search           (ComptoirCatalog   *self,
                                                    const char        *text,
                                                    ComptoirProductSort sort,
                                                    gboolean           descending,
                                                    GError           **error);
void             comptoir_catalog_search_async     (ComptoirCatalog   *self,
                                                    const char        *text,
                                                    ComptoirProductSort sort,
                                                    gboolean           descending,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
GArray          *comptoir_catalog_search_finish    (ComptoirCatalog   *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
const char      *comptoir_catalog_get_order_sql    (ComptoirProductSort sort,
                                                    gboolean           descending);

GPtrArray       *comptoir_catalog_validate_product (ComptoirCatalog   *self,
                                                    ComptoirProduct   *product);
gboolean         comptoir_catalog_save_product     (ComptoirCatalog   *self,
                                                    ComptoirProduct   *product,
                                                    GError           **error);

GPtrArray       *comptoir_catalog_list_categories  (ComptoirCatalog   *self,
                                                    GError           **error);
char            *comptoir_catalog_ensure_category  (ComptoirCatalog   *self,
                                                    const char        *name,
                                                    int                default_vat_bp,
                                                    GError           **error);

/* Products on the till's quick grid (active ones), in one category or in all
 * when category_id is NULL, by name (sort key). Array of ComptoirProduct*, owned. */
GPtrArray *comptoir_catalog_list_quick            (ComptoirCatalog *self, const char *category_id, GError **error);
/* Categories with at least one active quick product, by name. Array of ComptoirCategory*, owned. */
GPtrArray *comptoir_catalog_list_quick_categories (ComptoirCatalog *self, GError **error);

/* In-tree: why the prices of products saved from now on change, for
 * their price_change facts ("manual", "import"; NULL: "manual"). */
void       _comptoir_catalog_set_price_reason    (ComptoirCatalog *self, const char *reason);

G_END_DECLS
