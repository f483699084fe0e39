/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-pricing.h"

G_BEGIN_DECLS

/* In-tree only: records that a product's sale price went from old_cents
 * to new_cents, now, as a price_change fact. reason: "manual",
 * "markup" or "import"; purchase_cents -1 when no purchase price is
 * behind it. Inside the caller's transaction. */
gboolean _comptoir_pricing_record_change (ComptoirDb  *db,
                                          const char  *product_id,
                                          gint64       old_cents,
                                          gint64       new_cents,
                                          const char  *reason,
                                          gint64       purchase_cents,
                                          GError     **error);

G_END_DECLS
