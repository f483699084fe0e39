/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "comptoir-money.h"

static const gint valid_rates[] = { 2000, 1000, 550, 210 };

/* Rounds numerator / denominator half away from zero, as French
 * tax rules and the receipts printed by every till expect. */
gint64
comptoir_money_div_round (gint64 numerator,
                          gint64 denominator)
{
  gint64 q, r;

  g_return_val_if_fail (denominator != 0, 0);

  if (denominator < 0)
    {
      numerator = -numerator;
      denominator = -denominator;
    }

  q = numerator / denominator;
  r = numerator % denominator;

  if (r < 0)
    r = -r;
  if (2 * r >= denominator)
    q += numerator < 0 ? -1 : 1;

  return q;
}

/* Price of a quantity in milli-units (grams, millilitres, 1000 a piece). */
gint64
comptoir_money_mul_milli (gint64 unit_price_cents,
                          gint64 quantity_milli)
{
  return comptoir_money_div_round (unit_price_cents * quantity_milli, 1000);
}

/* VAT contained in a VAT-inclusive amount: ttc * rate / (10000 + rate). */
gint64
comptoir_vat_from_ttc (gint64 ttc_cents,
                       gint   rate_bp)
{
  g_return_val_if_fail (rate_bp >= 0, 0);

  return comptoir_money_div_round (ttc_cents * rate_bp, 10000 + rate_bp);
}

gboolean
comptoir_vat_rate_is_valid (gint rate_bp)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_rates); i++)
    if (valid_rates[i] == rate_bp)
      return TRUE;
  return FALSE;
}

void
comptoir_vat_breakdown_init (ComptoirVatBreakdown *breakdown)
{
  memset (breakdown, 0, sizeof *breakdown);
}

/* Lines are summed per rate first and VAT is extracted once per rate:
 * extracting per line and summing would drift by a cent per line. */
gboolean
comptoir_vat_breakdown_add (ComptoirVatBreakdown *breakdown,
                            gint                  rate_bp,
                            gint64                ttc_cents)
{
  guint i;

  for (i = 0; i < breakdown->n_rates; i++)
    if (breakdown->rates[i].rate_bp == rate_bp)
      break;

  if (i == breakdown->n_rates)
    {
      if (breakdown->n_rates == COMPTOIR_VAT_MAX_RATES)
        return FALSE;
      /* Keep rates sorted, highest first, as receipts print them. */
      while (i > 0 && breakdown->rates[i - 1].rate_bp < rate_bp)
        {
          breakdown->rates[i] = breakdown->rates[i - 1];
          i--;
        }
      memset (&breakdown->rates[i], 0, sizeof breakdown->rates[i]);
      breakdown->rates[i].rate_bp = rate_bp;
      breakdown->n_rates++;
    }

  breakdown->rates[i].total_cents += ttc_cents;
  return TRUE;
}

/* By construction base + vat == total for each rate, so the per-rate
 * totals add up to the ticket total to the cent. */
void
comptoir_vat_breakdown_finish (ComptoirVatBreakdown *breakdown)
{
  breakdown->total_cents = 0;
  breakdown->base_cents = 0;
  breakdown->vat_cents = 0;

  for (guint i = 0; i < breakdown->n_rates; i++)
    {
      ComptoirVatLine *line = &breakdown->rates[i];

      line->vat_cents = comptoir_vat_from_ttc (line->total_cents, line->rate_bp);
      line->base_cents = line->total_cents - line->vat_cents;
      breakdown->total_cents += line->total_cents;
      breakdown->base_cents += line->base_cents;
      breakdown->vat_cents += line->vat_cents;
    }
}

/* "1 234,50 €" style is left to the UI's locale; this is the plain
 * form used in lists, CSV and the CLI: "-12.34" with a dot. */
char *
comptoir_money_format (gint64 cents)
{
  guint64 a = cents < 0 ? -(guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          a / 100, (guint) (a % 100));
}

/* The same with the locale's decimal mark, for people: "2,35" in French. */
char *
comptoir_money_format_local (gint64 cents)
{
  char *text = comptoir_money_format (cents);
  const char *mark = localeconv ()->decimal_point;
  char *dot = strchr (text, '.');

  if (dot != NULL && mark != NULL && mark[0] != '\0' && mark[1] == '\0')
    *dot = mark[0];
  return text;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || g_str_has_prefix (p, "\xc2\xa0") || g_str_has_prefix (p, "\xe2\x80\xaf"))
    p += (*p == ' ' || *p == '\t') ? 1 : (((guchar) *p == 0xc2) ? 2 : 3);
  return p;
}

/* Accepts what a person or a French spreadsheet writes: "2,35", "2.35",
 * "2,35 €", "€2.35", "1 234,5", "-0,10". More than two decimals is
 * refused rather than silently rounded. */
gboolean
comptoir_money_parse (const char *text,
                      gint64     *out_cents)
{
  const char *p;
  gboolean negative = FALSE, seen_digit = FALSE, seen_sep = FALSE;
  guint64 units = 0;
  guint decimals = 0, n_dec = 0;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  p = skip_spaces (text);
  if (g_str_has_prefix (p, "\xe2\x82\xac"))
    p = skip_spaces (p + 3);
  if (*p == '-')
    {
      negative = TRUE;
      p = skip_spaces (p + 1);
    }
  else if (*p == '+')
    p = skip_spaces (p + 1);

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          if (seen_sep)
            {
              if (++n_dec > 2)
                return FALSE;
              decimals = decimals * 10 + (*p - '0');
            }
          else
            {
              if (units > G_MAXINT64 / 1000)
                return FALSE;
              units = units * 10 + (*p - '0');
            }
        }
      else if ((*p == ',' || *p == '.') && !seen_sep)
        seen_sep = TRUE;
      else if (!seen_sep && (*p == ' ' || (guchar) *p == 0xc2 || (guchar) *p == 0xe2) && seen_digit)
        {
          /* Thousands separator: plain, no-break or narrow no-break space. */
          const char *q = skip_spaces (p);
          if (!g_ascii_isdigit (*q))
            break;
          p = q - 1;
        }
      else
        break;
    }

  p = skip_spaces (p);
  if (g_str_has_prefix (p, "\xe2\x82\xac"))
    p = skip_spaces (p + 3);
  else if (g_ascii_strncasecmp (p, "EUR", 3) == 0)
    p = skip_spaces (p + 3);

  if (*p != '\0' || !seen_digit)
    return FALSE;

  if (n_dec == 1)
    decimals *= 10;

  *out_cents = (gint64) (units * 100 + decimals) * (negative ? -1 : 1);
  return TRUE;
}

char *
comptoir_vat_rate_format (gint rate_bp)
{
  const char *mark = localeconv ()->decimal_point;

  if (mark == NULL || *mark == '\0')
    mark = ".";
  if (rate_bp % 100 == 0)
    return g_strdup_printf ("%d %%", rate_bp / 100);
  if (rate_bp % 10 == 0)
    return g_strdup_printf ("%d%s%d %%", rate_bp / 100, mark, (rate_bp % 100) / 10);
  return g_strdup_printf ("%d%s%02d %%", rate_bp / 100, mark, rate_bp % 100);
}

/* "20", "20 %", "5,5", "5.5%", "2.10" → basis points; only the French
 * rates are accepted. */
gboolean
comptoir_vat_rate_parse (const char *text,
                         gint       *out_rate_bp)
{
  g_autofree char *copy = NULL;
  gint64 hundredths;
  char *pct;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  pct = strchr (copy, '%');
  if (pct != NULL)
    {
      if (*g_strstrip (pct + 1) != '\0')
        return FALSE;
      *pct = '\0';
    }

  if (!comptoir_money_parse (copy, &hundredths) || hundredths < 0 || hundredths > 10000)
    return FALSE;
  if (!comptoir_vat_rate_is_valid ((gint) hundredths))
    return FALSE;

  *out_rate_bp = (gint) hundredths;
  return TRUE;
}
