/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-purchase-order.h"
#include "comptoir-supplier.h"

G_BEGIN_DECLS

/* In-tree only: what the order files share. */

/* Adds or sets a line of a draft the caller holds a transaction on;
 * suggested_milli -1 and explanation NULL leave what a suggestion said
 * as it is. */
gboolean _comptoir_purchase_order_write_line (ComptoirDb                    *db,
                                              const char                    *order_id,
                                              const ComptoirSupplierProduct *line,
                                              gint64                         packs,
                                              gint64                         suggested_milli,
                                              const char                    *explanation,
                                              GError                       **error);
/* The local day of now plus days, as YYYY-MM-DD. */
char    *_comptoir_purchase_order_day_after  (GDateTime                     *now,
                                              int                            days);
/* "12", "1.5", "0.350 kg": a quantity for a sentence or a file; mark
 * is the decimal mark. */
char    *_comptoir_purchase_order_format_quantity (ComptoirUnit              unit,
                                                   gint64                    milli,
                                                   gboolean                  with_unit,
                                                   char                      mark);

G_END_DECLS
