/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-catalog.h"
#include "comptoir-scale-rules.h"

G_BEGIN_DECLS

/* What a code read at the till means: a product, with the weight or
 * price a scale label or a GS1 code carries. */
typedef struct {
  /* The product read, or NULL when the code is a member's card. */
  ComptoirProduct *product;
  char            *member_id;         /* the card's member, or NULL */
  /* Milli-units to sell: the label's weight, else 1000 (one piece). */
  gint64           quantity_milli;
  /* The price the label fixes for the line, or -1 to use the product's. */
  gint64           unit_price_cents;
  /* TRUE for a weighed product scanned without a weight: ask for one. */
  gboolean         needs_weight;
  char            *lot;               /* GS1 AI 10, or NULL */
  GDate            best_before;       /* GS1 AI 15, invalid when absent */
  GDate            expiry;            /* GS1 AI 17, invalid when absent */
} ComptoirScan;

/* Resolves in the order a till needs: a product's own barcode or code,
 * then a member's card, then the shop's scale label rules, then GS1 data. An unknown or
 * malformed code is an error that says what to do. */
gboolean comptoir_scan_resolve (ComptoirCatalog    *catalog,
                                ComptoirScaleRules *rules,
                                const char         *text,
                                ComptoirScan       *out,
                                GError            **error);
void     comptoir_scan_clear   (ComptoirScan       *scan);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirScan, comptoir_scan_clear)

G_END_DECLS
