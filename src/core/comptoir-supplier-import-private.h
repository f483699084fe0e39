/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-supplier-import.h"

G_BEGIN_DECLS

/* In-tree only: the report comptoir_supplier_import() fills. */
struct _ComptoirSupplierImportReport
{
  ComptoirImportReport          *lines;
  ComptoirSupplierMapping       *mapping;
  ComptoirSupplierMappingSource  source;
  gboolean                       saved_did_not_fit;  /* a saved mapping was there, the file lacks its columns */
  guint                          n_linked;
  GArray                        *price_changes;      /* ComptoirPurchasePriceChange */
};

void _comptoir_purchase_price_change_clear (gpointer change);

G_END_DECLS
