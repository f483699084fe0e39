/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-quantity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-error.h"
#include "comptoir-quantity.h"

#define MAX_GRAMS G_GINT64_CONSTANT (1000000)

static gboolean
bad_weight (const char  *text,
            GError     **error)
{
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("“%s” is not a weight: type grams (350) or kilograms with a comma (0,350)."), text);
  return FALSE;
}

gboolean
comptoir_weight_parse (const char  *text,
                       gint64      *out_grams,
                       GError     **error)
{
  g_autofree char *clean = g_strstrip (g_ascii_strdown (text, -1));
  gboolean kilos = FALSE, decimal = FALSE;
  gint64 whole = 0, fraction = 0;
  guint n_decimals = 0, n_digits = 0;
  const char *p = clean;
  gint64 grams;

  g_return_val_if_fail (text != NULL && out_grams != NULL, FALSE);

  for (; g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
    {
      if (*p == ',' || *p == '.')
        {
          if (decimal)
            return bad_weight (text, error);
          decimal = TRUE;
        }
      else if (decimal)
        {
          if (++n_decimals > 3)
            return bad_weight (text, error);
          fraction = fraction * 10 + (*p - '0');
        }
      else
        {
          if (++n_digits > 7)
            return bad_weight (text, error);
          whole = whole * 10 + (*p - '0');
        }
    }
  while (*p == ' ')
    p++;
  if (g_str_equal (p, "kg"))
    kilos = TRUE;
  else if (!g_str_equal (p, "g") && *p != '\0')
    return bad_weight (text, error);
  if (n_digits == 0 && n_decimals == 0)
    return bad_weight (text, error);

  /* A decimal point means kilograms: nobody weighs tenths of a gram. */
  if (decimal && g_str_equal (p, "g"))
    return bad_weight (text, error);
  if (decimal || kilos)
    {
      for (guint i = n_decimals; i < 3; i++)
        fraction *= 10;
      grams = whole * 1000 + fraction;
    }
  else
    grams = whole;

  if (grams <= 0 || grams > MAX_GRAMS)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s: a weight is more than 0 and at most 1000 kg."), text);
      return FALSE;
    }
  *out_grams = grams;
  return TRUE;
}

gboolean
comptoir_pieces_parse (const char *text,
                       gint64     *out_pieces)
{
  guint64 pieces;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 9999, &pieces, NULL))
    return FALSE;
  *out_pieces = (gint64) pieces;
  return TRUE;
}

char *
comptoir_quantity_format (ComptoirUnit unit,
                          gint64       quantity_milli)
{
  const char *sign = quantity_milli < 0 ? "-" : "";
  guint64 magnitude = (guint64) ABS (quantity_milli);

  switch (unit)
    {
    case COMPTOIR_UNIT_KG:
      /* TRANSLATORS: a weight on a ticket line: sign, whole kg, the decimal
       * mark of your language, grams: "0,350 kg" in French */
      return g_strdup_printf (_("%s%llu.%03llu kg"), sign,
                              (unsigned long long) (magnitude / 1000), (unsigned long long) (magnitude % 1000));
    case COMPTOIR_UNIT_LITRE:
      return g_strdup_printf (_("%s%llu.%03llu L"), sign,
                              (unsigned long long) (magnitude / 1000), (unsigned long long) (magnitude % 1000));
    case COMPTOIR_UNIT_PIECE:
    default:
      if (magnitude % 1000 == 0)
        return g_strdup_printf ("%s%llu", sign, (unsigned long long) (magnitude / 1000));
      return g_strdup_printf (_("%s%llu.%03llu"), sign,
                              (unsigned long long) (magnitude / 1000), (unsigned long long) (magnitude % 1000));
    }
}
