/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-product.h"

G_BEGIN_DECLS

/* What a cashier types for a weight: "350" is grams, "0,350", "0.35 kg"
 * or "1,2kg" are kilograms, "350 g" grams. Up to 3 decimals of kg, more
 * than nothing and at most 1,000 kg. */
gboolean comptoir_weight_parse      (const char   *text,
                                     gint64       *out_grams,
                                     GError      **error);
/* A whole number of pieces, 1 to 9999, as typed before the multiply key. */
gboolean comptoir_pieces_parse      (const char   *text,
                                     gint64       *out_pieces);
/* "3", "0,350 kg", "1,5 L": how a ticket line shows its quantity. */
char    *comptoir_quantity_format   (ComptoirUnit  unit,
                                     gint64        quantity_milli);

G_END_DECLS
