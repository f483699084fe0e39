/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-core.h"

static void
test_div_round (void)
{
  static const struct { gint64 n, d, expected; } cases[] = {
    { 5, 10, 1 },      /* half rounds away from zero */
    { 4, 10, 0 },
    { 15, 10, 2 },
    { 25, 10, 3 },
    { -5, 10, -1 },
    { -15, 10, -2 },
    { -4, 10, 0 },
    { 14, 10, 1 },
    { 0, 7, 0 },
    { 1, 3, 0 },
    { 2, 3, 1 },
    { -2, 3, -1 },
    { 7, -2, -4 },
    { G_GINT64_CONSTANT (922337203685477580), 10, G_GINT64_CONSTANT (92233720368547758) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, cases[i].n, cases[i].d);
      g_assert_cmpint (comptoir_money_div_round (cases[i].n, cases[i].d), ==, cases[i].expected);
    }
}

static void
test_vat_from_ttc (void)
{
  /* Hand-checked: VAT = TTC × rate / (1 + rate), half away from zero. */
  static const struct { gint64 ttc; gint rate; gint64 vat; } cases[] = {
    { 120, 2000, 20 },
    { 100, 2000, 17 },      /* 16.67 */
    { 1000, 2000, 167 },    /* 166.67 */
    { 110, 1000, 10 },
    { 105, 550, 5 },        /* 5.47 */
    { 211, 550, 11 },       /* exactly 11 */
    { 102, 210, 2 },        /* 2.098 */
    { 1, 2000, 0 },         /* 0.1667 */
    { 3, 2000, 1 },         /* 0.5 → 1 */
    { -3, 2000, -1 },       /* refunds mirror sales */
    { -100, 2000, -17 },
    { 0, 550, 0 },
    { 999999, 550, 52133 }, /* 52132.66 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (comptoir_vat_from_ttc (cases[i].ttc, cases[i].rate), ==, cases[i].vat);
}

static void
test_mul_milli (void)
{
  g_assert_cmpint (comptoir_money_mul_milli (399, 1000), ==, 399);     /* 1 piece */
  g_assert_cmpint (comptoir_money_mul_milli (399, 3000), ==, 1197);
  g_assert_cmpint (comptoir_money_mul_milli (299, 1235), ==, 369);     /* 1.235 kg: 369.265 */
  g_assert_cmpint (comptoir_money_mul_milli (250, 1002), ==, 251);     /* 250.5 → 251 */
  g_assert_cmpint (comptoir_money_mul_milli (250, -1002), ==, -251);
}

static void
test_breakdown_example (void)
{
  ComptoirVatBreakdown b;

  comptoir_vat_breakdown_init (&b);
  g_assert_true (comptoir_vat_breakdown_add (&b, 550, 199));
  g_assert_true (comptoir_vat_breakdown_add (&b, 2000, 450));
  g_assert_true (comptoir_vat_breakdown_add (&b, 550, 305));
  g_assert_true (comptoir_vat_breakdown_add (&b, 1000, 1200));
  comptoir_vat_breakdown_finish (&b);

  g_assert_cmpuint (b.n_rates, ==, 3);
  g_assert_cmpint (b.rates[0].rate_bp, ==, 2000);
  g_assert_cmpint (b.rates[1].rate_bp, ==, 1000);
  g_assert_cmpint (b.rates[2].rate_bp, ==, 550);
  g_assert_cmpint (b.rates[2].total_cents, ==, 504);
  g_assert_cmpint (b.rates[2].vat_cents, ==, 26);   /* 26.27 */
  g_assert_cmpint (b.rates[2].base_cents, ==, 478);
  g_assert_cmpint (b.rates[0].vat_cents, ==, 75);
  g_assert_cmpint (b.rates[1].vat_cents, ==, 109);  /* 109.09 */
  g_assert_cmpint (b.total_cents, ==, 2154);
  g_assert_cmpint (b.base_cents + b.vat_cents, ==, b.total_cents);
}

/* Any mix of lines, rates and signs: per-rate totals add up to the ticket
 * total to the cent, base + VAT = TTC per rate, and VAT is within half a
 * cent of the exact rational value. */
static void
test_breakdown_random (void)
{
  static const gint rates[] = { 2000, 1000, 550, 210 };
  GRand *rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 20000; round++)
    {
      ComptoirVatBreakdown b;
      guint n_lines = g_rand_int_range (rand, 1, 60);
      gint64 ticket_total = 0;
      gint64 per_rate[4] = { 0 };
      gint64 sum_total = 0, sum_vat = 0, sum_base = 0;

      comptoir_vat_breakdown_init (&b);
      for (guint i = 0; i < n_lines; i++)
        {
          guint r = g_rand_int_range (rand, 0, 4);
          gint64 unit = g_rand_int_range (rand, 1, 100000);
          gint64 qty = g_rand_boolean (rand) ? 1000 * g_rand_int_range (rand, 1, 12)
                                             : g_rand_int_range (rand, 1, 5000);
          gint64 line = comptoir_money_mul_milli (unit, qty);

          if (g_rand_int_range (rand, 0, 10) == 0)
            line = -line;  /* refunds and voids */
          g_assert_true (comptoir_vat_breakdown_add (&b, rates[r], line));
          ticket_total += line;
          per_rate[r] += line;
        }
      comptoir_vat_breakdown_finish (&b);

      for (guint i = 0; i < b.n_rates; i++)
        {
          ComptoirVatLine *l = &b.rates[i];
          guint r;

          for (r = 0; rates[r] != l->rate_bp; r++)
            ;
          g_assert_cmpint (l->total_cents, ==, per_rate[r]);
          g_assert_cmpint (l->base_cents + l->vat_cents, ==, l->total_cents);
          /* |vat × (10000 + rate) − ttc × rate| ≤ (10000 + rate) / 2 */
          g_assert_cmpint (ABS (l->vat_cents * (10000 + l->rate_bp) - l->total_cents * l->rate_bp),
                           <=, (10000 + l->rate_bp) / 2);
          if (i > 0)
            g_assert_cmpint (b.rates[i - 1].rate_bp, >, l->rate_bp);
          sum_total += l->total_cents;
          sum_vat += l->vat_cents;
          sum_base += l->base_cents;
        }

      g_assert_cmpint (sum_total, ==, ticket_total);
      g_assert_cmpint (b.total_cents, ==, ticket_total);
      g_assert_cmpint (b.vat_cents, ==, sum_vat);
      g_assert_cmpint (b.base_cents, ==, sum_base);
      g_assert_cmpint (b.base_cents + b.vat_cents, ==, ticket_total);
    }

  g_rand_free (rand);
}

static void
test_parse (void)
{
  static const struct { const char *text; gboolean ok; gint64 cents; } cases[] = {
    { "2,35", TRUE, 235 },
    { "2.35", TRUE, 235 },
    { "2,3", TRUE, 230 },
    { "2", TRUE, 200 },
    { "  2,35 € ", TRUE, 235 },
    { "€2.35", TRUE, 235 },
    { "2,35 EUR", TRUE, 235 },
    { "1 234,50", TRUE, 123450 },
    { "1\xc2\xa0" "234,50", TRUE, 123450 },
    { "1\xe2\x80\xaf" "234,50 €", TRUE, 123450 },
    { "-0,10", TRUE, -10 },
    { "0", TRUE, 0 },
    { ",5", TRUE, 50 },
    { "2,355", FALSE, 0 },  /* no silent rounding */
    { "", FALSE, 0 },
    { "abc", FALSE, 0 },
    { "2,3,4", FALSE, 0 },
    { "2 €x", FALSE, 0 },
    { "--2", FALSE, 0 },
    { "99999999999999999999", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = -1;
      gboolean ok = comptoir_money_parse (cases[i].text, &cents);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_format (void)
{
  static const struct { gint64 cents; const char *text; } cases[] = {
    { 235, "2.35" }, { 5, "0.05" }, { 0, "0.00" }, { -10, "-0.10" },
    { 123456789, "1234567.89" }, { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comptoir_money_format (cases[i].cents);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_vat_rates (void)
{
  static const struct { const char *text; gboolean ok; gint bp; } cases[] = {
    { "20", TRUE, 2000 }, { "20 %", TRUE, 2000 }, { "5,5", TRUE, 550 }, { "5.5%", TRUE, 550 },
    { "2,1", TRUE, 210 }, { "2.10", TRUE, 210 }, { "10", TRUE, 1000 },
    { "19,6", FALSE, 0 }, { "7", FALSE, 0 }, { "-20", FALSE, 0 }, { "20 %%", FALSE, 0 }, { "x", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint bp = 0;
      g_assert_cmpint (comptoir_vat_rate_parse (cases[i].text, &bp), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (bp, ==, cases[i].bp);
    }

  for (guint i = 0; i < 4; i++)
    {
      static const gint bps[] = { 2000, 1000, 550, 210 };
      static const char *texts[] = { "20 %", "10 %", "5.5 %", "2.1 %" };  /* C locale */
      g_autofree char *text = comptoir_vat_rate_format (bps[i]);
      g_assert_cmpstr (text, ==, texts[i]);
      g_assert_true (comptoir_vat_rate_is_valid (bps[i]));
    }
  g_assert_false (comptoir_vat_rate_is_valid (1960));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/money/div-round", test_div_round);
  g_test_add_func ("/comptoir/core/money/mul-milli", test_mul_milli);
  g_test_add_func ("/comptoir/core/money/parse", test_parse);
  g_test_add_func ("/comptoir/core/money/format", test_format);
  g_test_add_func ("/comptoir/core/vat/from-ttc", test_vat_from_ttc);
  g_test_add_func ("/comptoir/core/vat/rates", test_vat_rates);
  g_test_add_func ("/comptoir/core/vat/breakdown-example", test_breakdown_example);
  g_test_add_func ("/comptoir/core/vat/breakdown-random", test_breakdown_random);
  return g_test_run ();
}
