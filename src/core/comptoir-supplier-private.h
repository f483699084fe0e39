/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db-query-private.h"
#include "comptoir-supplier.h"
#include "comptoir-text.h"

G_BEGIN_DECLS

/* In-tree only: what the supplier, catalogue import, pricing and order
 * files share. */

char     *_comptoir_supplier_dup_import_mapping  (ComptoirDb   *db,
                                                  const char   *supplier_id,
                                                  GError      **error);
gboolean  _comptoir_supplier_set_import_mapping  (ComptoirDb   *db,
                                                  const char   *supplier_id,
                                                  const char   *json,
                                                  GError      **error);
/* Whether line to be saved is valid, with the message of its first
 * problem; barcode is normalized in place. */
gboolean  _comptoir_supplier_product_validate    (ComptoirDb               *db,
                                                  ComptoirSupplierProduct  *product,
                                                  GError                  **error);
/* Writes the line through the write API, without checking it again. */
gboolean  _comptoir_supplier_product_write       (ComptoirDb               *db,
                                                  ComptoirSupplierProduct  *product,
                                                  GError                  **error);

G_END_DECLS
