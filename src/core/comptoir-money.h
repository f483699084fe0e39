/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is gint64 cents, VAT rates are basis points (2000 = 20 %).
 * No floating point ever touches either. */

#define COMPTOIR_VAT_MAX_RATES 8

typedef struct {
  gint   rate_bp;
  gint64 total_cents;  /* VAT-inclusive (TTC) */
  gint64 base_cents;   /* HT */
  gint64 vat_cents;
} ComptoirVatLine;

typedef struct {
  guint           n_rates;
  ComptoirVatLine rates[COMPTOIR_VAT_MAX_RATES];
  gint64          total_cents;
  gint64          base_cents;
  gint64          vat_cents;
} ComptoirVatBreakdown;

gint64   comptoir_money_div_round (gint64 numerator, gint64 denominator);
gint64   comptoir_money_mul_milli (gint64 unit_price_cents, gint64 quantity_milli);
gint64   comptoir_vat_from_ttc    (gint64 ttc_cents, gint rate_bp);
gboolean comptoir_vat_rate_is_valid (gint rate_bp);

void     comptoir_vat_breakdown_init (ComptoirVatBreakdown *breakdown);
gboolean comptoir_vat_breakdown_add  (ComptoirVatBreakdown *breakdown,
                                      gint                  rate_bp,
                                      gint64                ttc_cents);
void     comptoir_vat_breakdown_finish (ComptoirVatBreakdown *breakdown);

char    *comptoir_money_format    (gint64 cents);
char    *comptoir_money_format_local (gint64 cents);
gboolean comptoir_money_parse     (const char *text,
                                   gint64     *out_cents);
char    *comptoir_vat_rate_format (gint rate_bp);
gboolean comptoir_vat_rate_parse  (const char *text,
                                   gint       *out_rate_bp);

G_END_DECLS
