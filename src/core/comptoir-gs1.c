/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-gs1"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-error.h"
#include "comptoir-gs1.h"
#include "comptoir-gs1-private.h"

static GDate
today_or_now (const GDate *today)
{
  GDate date;

  g_date_clear (&date, 1);
  if (today != NULL && g_date_valid (today))
    date = *today;
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  return date;
}

/* Reads YYMMDD (GS1 dates: AI 11, 13, 15, 17…). When allow_day_zero,
 * DD = 00 means the last day of the month. today may be NULL for the
 * current date; it decides the century. */
gboolean
comptoir_gs1_parse_date (const char  *yymmdd,
                         const GDate *today,
                         gboolean     allow_day_zero,
                         GDate       *out,
                         GError     **error)
{
  GDate now;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = today_or_now (today);
  if (yymmdd == NULL || strlen (yymmdd) != 6
      || !_comptoir_gs1_read_date (yymmdd, &now, allow_day_zero, out))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a real date written as YYMMDD (year, month, day). Check "
                     "the digits."),
                   yymmdd != NULL ? yymmdd : "");
      return FALSE;
    }
  return TRUE;
}

static void
element_free (gpointer data)
{
  ComptoirGs1Element *element = data;

  g_free (element->ai);
  g_free (element->value);
  g_free (element);
}

static ComptoirGs1Data *
data_new (void)
{
  ComptoirGs1Data *data = g_new0 (ComptoirGs1Data, 1);

  g_date_clear (&data->production_date, 1);
  g_date_clear (&data->due_date, 1);
  g_date_clear (&data->packaging_date, 1);
  g_date_clear (&data->best_before_date, 1);
  g_date_clear (&data->sell_by_date, 1);
  g_date_clear (&data->expiry_date, 1);
  data->elements = g_ptr_array_new_with_free_func (element_free);
  return data;
}

void
comptoir_gs1_data_free (ComptoirGs1Data *data)
{
  if (data == NULL)
    return;
  g_free (data->gtin);
  g_free (data->ean13);
  g_free (data->content_gtin);
  g_free (data->batch);
  g_free (data->serial);
  g_ptr_array_unref (data->elements);
  g_free (data);
}

/* The value of the first element with that AI, or NULL. */
const char *
comptoir_gs1_data_get_value (const ComptoirGs1Data *data,
                             const char            *ai)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (ai != NULL, NULL);

  for (guint i = 0; i < data->elements->len; i++)
    {
      const ComptoirGs1Element *element = g_ptr_array_index (data->elements, i);

      if (strcmp (element->ai, ai) == 0)
        return element->value;
    }
  return NULL;
}

ComptoirGs1Symbology
comptoir_gs1_detect_symbology (const char *text,
                               gssize      length)
{
  static const struct { char id[3]; ComptoirGs1Symbology symbology; } aim[] = {
    { "C1", COMPTOIR_GS1_SYMBOLOGY_GS1_128 },
    { "d2", COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX },
    { "Q3", COMPTOIR_GS1_SYMBOLOGY_QR },
    { "e0", COMPTOIR_GS1_SYMBOLOGY_DATABAR },
    { "J1", COMPTOIR_GS1_SYMBOLOGY_DOTCODE },
  };

  if (text == NULL)
    return COMPTOIR_GS1_SYMBOLOGY_NONE;
  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return COMPTOIR_GS1_SYMBOLOGY_NONE;

  if (text[0] == ']' && length >= 3)
    {
      for (guint i = 0; i < G_N_ELEMENTS (aim); i++)
        if (text[1] == aim[i].id[0] && text[2] == aim[i].id[1])
          return aim[i].symbology;
      if (g_ascii_isalpha (text[1]) && g_ascii_isalnum (text[2]))
        return COMPTOIR_GS1_SYMBOLOGY_OTHER;
    }
  if (text[0] == '(')
    return COMPTOIR_GS1_SYMBOLOGY_BRACKETED;
  if (text[0] == COMPTOIR_GS1_GS)
    return COMPTOIR_GS1_SYMBOLOGY_GS;
  return COMPTOIR_GS1_SYMBOLOGY_NONE;
}

static gboolean
add_element (ComptoirGs1Data *data,
             const AiSpec    *spec,
             const char      *ai_text,
             guint            ai_len,
             const char      *value,
             gsize            len,
             const GDate     *today,
             GError         **error)
{
  g_autofree char *ai = g_strndup (ai_text, ai_len);
  ComptoirGs1Element *element;
  const char *before;

  if (!_comptoir_gs1_check_value (spec, ai, value, len, today, error))
    return FALSE;

  /* An AI given twice must say the same thing twice. */
  before = comptoir_gs1_data_get_value (data, ai);
  if (before != NULL)
    {
      if (strlen (before) == len && memcmp (before, value, len) == 0)
        return TRUE;
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code gives two different values for the %s (AI %s). Scan the code "
                     "again, or enter the item by hand."),
                   _comptoir_gs1_spec_name (spec), ai);
      return FALSE;
    }

  element = g_new0 (ComptoirGs1Element, 1);
  element->ai = g_steal_pointer (&ai);
  element->value = g_strndup (value, len);
  g_ptr_array_add (data->elements, element);
  return TRUE;
}

/* The element string as a scanner sends it: AI, value, and a GS after
 * each value that has no predefined length, unless it is the last. */
static gboolean
parse_raw (ComptoirGs1Data *data,
           const char      *start,
           const char      *end,
           const GDate     *today,
           GError         **error)
{
  const char *p = start;

  while (p < end)
    {
      const AiSpec *spec;
      guint ai_len = 0;
      guint fixed;
      gsize n = 0;
      const char *ai = p;

      if (*p == COMPTOIR_GS1_GS)
        {
          /* A leading FNC1, or a separator after a predefined length. */
          p++;
          continue;
        }

      spec = _comptoir_gs1_lookup_ai (p, end - p, &ai_len, error);
      if (spec == NULL)
        return FALSE;
      p += ai_len;

      fixed = _comptoir_gs1_predefined_length (ai);
      if (fixed != 0)
        {
          gsize want = fixed - ai_len;

          while (n < want && p + n < end && p[n] != COMPTOIR_GS1_GS)
            n++;
          if (n < want)
            {
              g_autofree char *ai_text = g_strndup (ai, ai_len);

              g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The %s (AI %s) is cut short: it needs %u character. "
                                        "Scan the code again, or enter the item by hand.",
                                        "The %s (AI %s) is cut short: it needs %u characters. "
                                        "Scan the code again, or enter the item by hand.",
                                        want),
                           _comptoir_gs1_spec_name (spec), ai_text, (guint) want);
              return FALSE;
            }
        }
      else
        {
          while (p + n < end && p[n] != COMPTOIR_GS1_GS && n < spec->max_len)
            n++;
          /* Stopped by the maximum length with more data and no separator:
           * harmless for an AI of fixed length, ambiguous otherwise. */
          if (p + n < end && p[n] != COMPTOIR_GS1_GS && spec->min_len != spec->max_len)
            {
              while (p + n < end && p[n] != COMPTOIR_GS1_GS)
                n++;
            }
        }

      if (!add_element (data, spec, ai, ai_len, p, n, today, error))
        return FALSE;
      p += n;
    }

  return TRUE;
}

/* The human-readable form: "(01)03012345678900(10)LOT42". Spaces around
 * elements, as people type them, are allowed. */
static gboolean
parse_bracketed (ComptoirGs1Data *data,
                 const char      *start,
                 const char      *end,
                 const GDate     *today,
                 GError         **error)
{
  const char *p = start;

  while (p < end)
    {
      const AiSpec *spec;
      const char *ai;
      const char *value;
      guint ai_len = 0;
      gsize digits = 0;
      gsize n;

      if (*p == ' ')
        {
          p++;
          continue;
        }

      if (*p != '(')
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The GS1 code is not written correctly: each application identifier "
                         "must be in parentheses, as in (01)03012345678900(10)LOT42. Check "
                         "what was typed, or scan the code."));
          return FALSE;
        }
      ai = ++p;
      while (p + digits < end && g_ascii_isdigit (p[digits]) && digits < 5)
        digits++;
      if (p + digits >= end || p[digits] != ')' || digits < 2 || digits > 4)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The GS1 code is not written correctly: an application identifier "
                         "in parentheses must be two to four digits, as in (01) or (3103). "
                         "Check what was typed, or scan the code."));
          return FALSE;
        }

      spec = _comptoir_gs1_lookup_ai (ai, digits, &ai_len, error);
      if (spec == NULL)
        return FALSE;
      if (ai_len != digits)
        {
          g_autofree char *ai_text = g_strndup (ai, digits);

          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The code contains application identifier (AI) %s, which Comptoir "
                         "does not know. Scan the product’s own barcode instead, or enter the "
                         "item by hand."),
                       ai_text);
          return FALSE;
        }

      p += digits + 1;
      while (p < end && *p == ' ')
        p++;
      value = p;
      while (p < end && *p != '(')
        p++;
      n = p - value;
      while (n > 0 && value[n - 1] == ' ')
        n--;

      if (n == 0)
        {
          g_autofree char *ai_text = g_strndup (ai, ai_len);

          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The %s (AI %s) has no value. Check what was typed, or scan the code."),
                       _comptoir_gs1_spec_name (spec), ai_text);
          return FALSE;
        }

      if (!add_element (data, spec, ai, ai_len, value, n, today, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
power_of_ten (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

static gint64
parse_digits (const char *digits)
{
  gint64 value = 0;

  for (const char *p = digits; *p; p++)
    value = value * 10 + (*p - '0');
  return value;
}

/* value / divisor, rounded half away from zero; both are non-negative. */
static gint64
div_round (gint64 value,
           gint64 divisor)
{
  return (value + divisor / 2) / divisor;
}

static gboolean
read_price (ComptoirGs1Data          *data,
            const ComptoirGs1Element *element,
            const char               *digits,
            GError                  **error)
{
  guint decimals = element->ai[3] - '0';
  gint64 value = parse_digits (digits);

  if (data->has_price)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code gives its price twice. Scan the code again, or enter the item "
                     "by hand."));
      return FALSE;
    }

  if (decimals <= 2)
    data->price_cents = value * power_of_ten (2 - decimals);
  else
    {
      gint64 divisor = power_of_ten (decimals - 2);

      if (value % divisor != 0)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The price in the code (AI %s) has a fraction of a cent, which cannot "
                         "be charged. Enter the price by hand."),
                       element->ai);
          return FALSE;
        }
      data->price_cents = value / divisor;
    }
  data->has_price = TRUE;
  return TRUE;
}

static gboolean
read_weight (ComptoirGs1Data          *data,
             const ComptoirGs1Element *element,
             gboolean                  pounds,
             GError                  **error)
{
  guint decimals = element->ai[3] - '0';
  gint64 value = parse_digits (element->value);

  if (data->has_net_weight)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code gives its net weight twice. Scan the code again, or weigh the "
                     "item."));
      return FALSE;
    }

  if (pounds)
    {
      /* 1 lb = 453.59237 g exactly: grams = value × 45359237 / 10^(n + 5). */
      data->net_weight_milli = div_round (value * G_GINT64_CONSTANT (45359237),
                                          power_of_ten (decimals + 5));
    }
  else if (decimals <= 3)
    data->net_weight_milli = value * power_of_ten (3 - decimals);
  else
    data->net_weight_milli = div_round (value, power_of_ten (decimals - 3));

  data->has_net_weight = TRUE;
  data->net_weight_from_pounds = pounds;
  return TRUE;
}

static gboolean
interpret (ComptoirGs1Data *data,
           const GDate     *today,
           GError         **error)
{
  for (guint i = 0; i < data->elements->len; i++)
    {
      const ComptoirGs1Element *element = g_ptr_array_index (data->elements, i);
      const char *ai = element->ai;
      GDate *date = NULL;

      if (strcmp (ai, "01") == 0)
        {
          data->gtin = g_strdup (element->value);
          if (element->value[0] == '0')
            data->ean13 = g_strdup (element->value + 1);
        }
      else if (strcmp (ai, "02") == 0)
        data->content_gtin = g_strdup (element->value);
      else if (strcmp (ai, "10") == 0)
        data->batch = g_strdup (element->value);
      else if (strcmp (ai, "21") == 0)
        data->serial = g_strdup (element->value);
      else if (strcmp (ai, "11") == 0)
        date = &data->production_date;
      else if (strcmp (ai, "12") == 0)
        date = &data->due_date;
      else if (strcmp (ai, "13") == 0)
        date = &data->packaging_date;
      else if (strcmp (ai, "15") == 0)
        date = &data->best_before_date;
      else if (strcmp (ai, "16") == 0)
        date = &data->sell_by_date;
      else if (strcmp (ai, "17") == 0)
        date = &data->expiry_date;
      else if (g_str_has_prefix (ai, "310") || g_str_has_prefix (ai, "320"))
        {
          if (!read_weight (data, element, ai[1] == '2', error))
            return FALSE;
        }
      else if (g_str_has_prefix (ai, "392"))
        {
          if (!read_price (data, element, element->value, error))
            return FALSE;
        }
      else if (g_str_has_prefix (ai, "393"))
        {
          if (!read_price (data, element, element->value + 3, error))
            return FALSE;
          memcpy (data->price_currency, element->value, 3);
          data->price_currency[3] = '\0';
        }

      if (date != NULL)
        {
          gboolean ok = _comptoir_gs1_read_date (element->value, today, TRUE, date);

          g_assert (ok);  /* checked when the element was read */
        }
    }

  return TRUE;
}

/* Reads a GS1 element string. length may be -1 for a nul-terminated text;
 * trailing CR/LF are ignored. today decides the century of two-digit
 * years (NULL: the current date). Returns NULL with an error that can be
 * shown to the cashier as it is when the text is not valid GS1 data; when
 * comptoir_gs1_detect_symbology() says COMPTOIR_GS1_SYMBOLOGY_NONE the
 * text may simply be some other kind of code. */
ComptoirGs1Data *
comptoir_gs1_parse (const char   *text,
                    gssize        length,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr (ComptoirGs1Data) data = NULL;
  ComptoirGs1Symbology symbology;
  const char *p;
  const char *end;
  GDate now;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    length = 0, text = "";
  if (length < 0)
    length = strlen (text);
  end = text + length;
  while (end > text && (end[-1] == '\n' || end[-1] == '\r'))
    end--;

  symbology = comptoir_gs1_detect_symbology (text, end - text);
  p = text;
  switch (symbology)
    {
    case COMPTOIR_GS1_SYMBOLOGY_OTHER:
      {
        char id[4] = { text[0], text[1], text[2], '\0' };

        g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                     _("This barcode holds no GS1 data (the scanner reports its type as %s). "
                       "Scan the product’s own barcode instead, or enter the item by hand."),
                     id);
        return NULL;
      }

    case COMPTOIR_GS1_SYMBOLOGY_GS1_128:
    case COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX:
    case COMPTOIR_GS1_SYMBOLOGY_QR:
    case COMPTOIR_GS1_SYMBOLOGY_DATABAR:
    case COMPTOIR_GS1_SYMBOLOGY_DOTCODE:
      p += 3;
      break;

    case COMPTOIR_GS1_SYMBOLOGY_NONE:
    case COMPTOIR_GS1_SYMBOLOGY_BRACKETED:
    case COMPTOIR_GS1_SYMBOLOGY_GS:
    default:
      break;
    }

  while (p < end && *p == COMPTOIR_GS1_GS)
    p++;
  if (p == end)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code holds no GS1 data. Scan it again, or enter the item by hand."));
      return NULL;
    }

  now = today_or_now (today);
  data = data_new ();
  data->symbology = symbology;

  if (*p == '(')
    ok = parse_bracketed (data, p, end, &now, error);
  else
    ok = parse_raw (data, p, end, &now, error);

  if (!ok || !interpret (data, &now, error))
    return NULL;

  return g_steal_pointer (&data);
}
