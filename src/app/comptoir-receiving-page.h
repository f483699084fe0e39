/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* Receiving a delivery with a scanner and nothing else, on a laptop on
 * a pallet: big text, a sound on every scan, the scan field always
 * ready. Each scan counts a case or an item on its line and says how the
 * line stands against the order; unknown codes are linked to a product
 * or create one on the spot; validation lists what differs from the
 * order, then puts the goods in stock. */
#define COMPTOIR_TYPE_RECEIVING_PAGE (comptoir_receiving_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirReceivingPage, comptoir_receiving_page, COMPTOIR, RECEIVING_PAGE, GtkWidget)

void        comptoir_receiving_page_set_catalog (ComptoirReceivingPage *self,
                                                 ComptoirCatalog       *catalog);
/* Opens a receipt (started or resumed) on the scanning screen. */
gboolean    comptoir_receiving_page_open        (ComptoirReceivingPage *self,
                                                 const char            *receipt_id,
                                                 GError               **error);
/* What a scanner's burst does. */
void        comptoir_receiving_page_handle_code (ComptoirReceivingPage *self,
                                                 const char            *code);
/* The receipt on screen, NULL on the list of receipts. */
const char *comptoir_receiving_page_get_receipt_id (ComptoirReceivingPage *self);

G_END_DECLS
