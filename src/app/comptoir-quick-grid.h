/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* Big buttons for the goods that carry no barcode (loose fruit, bulk),
 * one tab per category. Emits "product-chosen" with the product. */
#define COMPTOIR_TYPE_QUICK_GRID (comptoir_quick_grid_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirQuickGrid, comptoir_quick_grid, COMPTOIR, QUICK_GRID, GtkWidget)

gboolean comptoir_quick_grid_set_catalog (ComptoirQuickGrid  *self,
                                          ComptoirCatalog    *catalog,
                                          GError            **error);

G_END_DECLS
