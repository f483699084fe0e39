/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Sale prices from purchase prices, as French cooperatives set them: a
 * fixed coefficient on the purchase price excluding VAT (the markup),
 * then the VAT, which is a tax and not margin:
 *
 *   sale price TTC = purchase price HT × (1 + markup) × (1 + VAT rate)
 *
 * computed in integers and rounded once, at the end, to the nearest cent
 * (half away from zero): 1.00 € HT at 20 % markup and 5.5 % VAT sells
 * at 1.266 → 1.27 €. Rounding the HT sale price first would move some
 * prices by a cent for nothing.
 *
 * The markup is the product's, else its category's, else the shop's
 * (setting "stock.default-markup", 2000 basis points, ×1.20 by default).
 * The purchase price is the supplier's named, or else the highest of the
 * product's active suppliers, so that the sale price covers whichever
 * delivers. Products without a linked, priced catalogue line keep the
 * price a person gave them.
 *
 * Every change of a sale price is a dated price_change fact, with its
 * reason: 'markup' here, 'manual' from the product editor, 'import' from
 * a product file. */

typedef enum {
  COMPTOIR_MARKUP_FROM_PRODUCT,
  COMPTOIR_MARKUP_FROM_CATEGORY,
  COMPTOIR_MARKUP_FROM_SHOP,
} ComptoirMarkupSource;

gint64     comptoir_pricing_sale_price (gint64      purchase_cents,
                                        int         markup_bp,
                                        int         vat_bp);
/* "×1.20": the coefficient a markup means, as coops say it. */
char      *comptoir_pricing_format_coefficient (int  markup_bp);
/* The same with the locale's decimal mark, for people: "×1,20" in French. */
char      *comptoir_pricing_format_coefficient_local (int  markup_bp);
/* Reads a coefficient as people type it: "1,3", "1.30", "x1.3", "×1,20"
 * (at most four decimals), from 1 to 11; *out_bp is the markup it means
 * in basis points (1.30: 3000). Anything else is refused with a message
 * saying what is expected, and *out_bp is left alone. */
gboolean   comptoir_pricing_parse_coefficient  (const char  *text,
                                                int         *out_bp,
                                                GError     **error);

typedef struct {
  char                 *product_id;
  char                 *code;
  char                 *name;
  char                 *supplier_name;   /* whose purchase price it is */
  gint64                purchase_cents;  /* HT, of one unit */
  int                   markup_bp;
  ComptoirMarkupSource  markup_source;
  int                   vat_bp;
  gint64                old_cents;       /* TTC, the current sale price */
  gint64                new_cents;       /* TTC */
} ComptoirPriceProposal;

void       comptoir_price_proposal_free (ComptoirPriceProposal *proposal);

/* The active products whose sale price the markup would change, by
 * name; supplier_id NULL: every supplier's. ComptoirPriceProposal*. */
GPtrArray *comptoir_pricing_preview    (ComptoirDb   *db,
                                        const char   *supplier_id,
                                        GError      **error);
/* Applies what comptoir_pricing_preview() lists now, in one transaction:
 * each product's price (that field alone) and a price_change fact.
 * out_applied (may be NULL): the proposals applied. */
gboolean   comptoir_pricing_apply      (ComptoirDb   *db,
                                        const char   *supplier_id,
                                        GPtrArray   **out_applied,
                                        GError      **error);

/* The markup the product sells at and where it comes from: its own, else
 * its category's, else the shop's. */
gboolean   comptoir_pricing_get_product_markup  (ComptoirDb            *db,
                                                 const char            *product_id,
                                                 int                   *out_markup_bp,
                                                 ComptoirMarkupSource  *out_source,
                                                 GError               **error);
/* The markup of the category's products that have none of their own:
 * the category's, else the shop's; category_id NULL: the shop's. */
gboolean   comptoir_pricing_get_category_markup (ComptoirDb            *db,
                                                 const char            *category_id,
                                                 int                   *out_markup_bp,
                                                 ComptoirMarkupSource  *out_source,
                                                 GError               **error);

/* markup_bp -1: none (the category's or the shop's then applies). */
gboolean   comptoir_pricing_set_product_markup  (ComptoirDb  *db,
                                                 const char  *product_id,
                                                 int          markup_bp,
                                                 GError     **error);
gboolean   comptoir_pricing_set_category_markup (ComptoirDb  *db,
                                                 const char  *category_id,
                                                 int          markup_bp,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirPriceProposal, comptoir_price_proposal_free)

G_END_DECLS
