/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* Inventory counts, the Stock section's last view: the counts in
 * progress and past, and the count screen, built for a scanner as the
 * receiving screen is: each scan adds one to the product's count (or
 * what a scale label weighs), "12*code" twelve, and the screen shows
 * counted against expected; validation posts the differences. The
 * Stock page reads the scanner and hands the bursts to
 * comptoir_inventory_view_handle_code. */
#define COMPTOIR_TYPE_INVENTORY_VIEW (comptoir_inventory_view_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirInventoryView, comptoir_inventory_view, COMPTOIR, INVENTORY_VIEW, GtkWidget)

void        comptoir_inventory_view_set_catalog  (ComptoirInventoryView *self,
                                                  ComptoirCatalog       *catalog);
/* Opens an open count on the count screen. */
gboolean    comptoir_inventory_view_open         (ComptoirInventoryView *self,
                                                  const char            *count_id,
                                                  GError               **error);
/* What a scanner's burst (or a code typed then Enter) does. */
void        comptoir_inventory_view_handle_code  (ComptoirInventoryView *self,
                                                  const char            *text);
/* The count on screen, NULL on the list of counts. */
const char *comptoir_inventory_view_get_count_id (ComptoirInventoryView *self);
/* Reads the counts or the count shown again (another machine counts too). */
void        comptoir_inventory_view_reload       (ComptoirInventoryView *self);

G_END_DECLS
