/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-gs1"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-error.h"
#include "comptoir-gs1-private.h"

/* Application identifiers, after the GS1 General Specifications and the
 * GS1 Barcode Syntax Dictionary. Only those a shop may meet on goods or
 * delivery labels are listed; any other AI is refused by name. */

#define AI(ai, min, max, fmt, chk, name) { ai, 0, FALSE, min, max, fmt, chk, name }
#define AI_N(ai, max_n, min, max, fmt, name) { ai, max_n, TRUE, min, max, fmt, CHECK_NONE, name }

static const AiSpec ai_specs[] = {
  AI ("00", 18, 18, FORMAT_N, CHECK_DIGIT, N_("SSCC shipping container code")),
  AI ("01", 14, 14, FORMAT_N, CHECK_DIGIT, N_("GTIN trade item number")),
  AI ("02", 14, 14, FORMAT_N, CHECK_DIGIT, N_("GTIN of the contained items")),
  AI ("10", 1, 20, FORMAT_X, CHECK_NONE, N_("batch or lot number")),
  AI ("11", 6, 6, FORMAT_N, CHECK_DATE, N_("production date")),
  AI ("12", 6, 6, FORMAT_N, CHECK_DATE, N_("due date")),
  AI ("13", 6, 6, FORMAT_N, CHECK_DATE, N_("packaging date")),
  AI ("15", 6, 6, FORMAT_N, CHECK_DATE, N_("best before date")),
  AI ("16", 6, 6, FORMAT_N, CHECK_DATE, N_("sell by date")),
  AI ("17", 6, 6, FORMAT_N, CHECK_DATE, N_("expiry date")),
  AI ("20", 2, 2, FORMAT_N, CHECK_NONE, N_("product variant")),
  AI ("21", 1, 20, FORMAT_X, CHECK_NONE, N_("serial number")),
  AI ("22", 1, 20, FORMAT_X, CHECK_NONE, N_("consumer product variant")),
  AI ("240", 1, 30, FORMAT_X, CHECK_NONE, N_("additional product identification")),
  AI ("241", 1, 30, FORMAT_X, CHECK_NONE, N_("customer part number")),
  AI ("242", 1, 6, FORMAT_N, CHECK_NONE, N_("made-to-order variation number")),
  AI ("250", 1, 30, FORMAT_X, CHECK_NONE, N_("secondary serial number")),
  AI ("251", 1, 30, FORMAT_X, CHECK_NONE, N_("reference to source entity")),
  AI ("30", 1, 8, FORMAT_N, CHECK_NONE, N_("variable count of items")),
  AI ("37", 1, 8, FORMAT_N, CHECK_NONE, N_("count of trade items")),

  AI_N ("310", 5, 6, 6, FORMAT_N, N_("net weight in kilograms")),
  AI_N ("311", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("312", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("313", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("314", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("315", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("316", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("320", 5, 6, 6, FORMAT_N, N_("net weight in pounds")),
  AI_N ("321", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("322", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("323", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("324", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("325", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("326", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("327", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("328", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("329", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("330", 5, 6, 6, FORMAT_N, N_("gross weight in kilograms")),
  AI_N ("331", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("332", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("333", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("334", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("335", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("336", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("337", 5, 6, 6, FORMAT_N, N_("kilograms per square metre")),
  AI_N ("340", 5, 6, 6, FORMAT_N, N_("gross weight in pounds")),
  AI_N ("341", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("342", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("343", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("344", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("345", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("346", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("347", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("348", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("349", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("350", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("351", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("352", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("353", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("354", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("355", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("356", 5, 6, 6, FORMAT_N, N_("net weight in troy ounces")),
  AI_N ("357", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("360", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("361", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("362", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("363", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("364", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("365", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("366", 5, 6, 6, FORMAT_N, N_("trade measure")),
  AI_N ("367", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("368", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("369", 5, 6, 6, FORMAT_N, N_("logistic measure")),
  AI_N ("390", 9, 1, 15, FORMAT_N, N_("amount payable")),
  AI_N ("391", 9, 4, 18, FORMAT_N, N_("amount payable with its currency")),
  AI_N ("392", 9, 1, 15, FORMAT_N, N_("price")),
  AI_N ("393", 9, 4, 18, FORMAT_N, N_("price with its currency")),
  AI_N ("394", 4, 4, 4, FORMAT_N, N_("coupon discount percentage")),
  AI_N ("395", 5, 6, 6, FORMAT_N, N_("amount payable per unit of measure")),

  AI ("400", 1, 30, FORMAT_X, CHECK_NONE, N_("purchase order number")),
  AI ("401", 1, 30, FORMAT_X, CHECK_NONE, N_("consignment number")),
  AI ("402", 17, 17, FORMAT_N, CHECK_DIGIT, N_("shipment identification number")),
  AI ("403", 1, 30, FORMAT_X, CHECK_NONE, N_("routing code")),
  AI ("410", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("411", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("412", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("413", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("414", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("415", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("416", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("417", 13, 13, FORMAT_N, CHECK_DIGIT, N_("GLN location number")),
  AI ("420", 1, 20, FORMAT_X, CHECK_NONE, N_("ship-to postal code")),
  AI ("421", 4, 12, FORMAT_N3_X, CHECK_NONE, N_("ship-to postal code with its country")),
  AI ("422", 3, 3, FORMAT_N, CHECK_NONE, N_("country of origin")),
  AI ("423", 3, 15, FORMAT_N, CHECK_NONE, N_("country of initial processing")),
  AI ("424", 3, 3, FORMAT_N, CHECK_NONE, N_("country of processing")),
  AI ("425", 3, 15, FORMAT_N, CHECK_NONE, N_("country of disassembly")),
  AI ("426", 3, 3, FORMAT_N, CHECK_NONE, N_("country of the full process chain")),

  AI ("7001", 13, 13, FORMAT_N, CHECK_NONE, N_("NATO stock number")),
  AI ("7002", 1, 30, FORMAT_X, CHECK_NONE, N_("carcass classification")),
  AI ("7003", 10, 10, FORMAT_N, CHECK_DATETIME, N_("expiry date and time")),
  AI ("7004", 1, 4, FORMAT_N, CHECK_NONE, N_("active potency")),
  AI ("7005", 1, 12, FORMAT_X, CHECK_NONE, N_("catch area")),
  AI ("7006", 6, 6, FORMAT_N, CHECK_DATETIME, N_("first freeze date")),
  AI ("7007", 6, 12, FORMAT_N, CHECK_NONE, N_("harvest date")),
  AI ("7008", 1, 3, FORMAT_X, CHECK_NONE, N_("species")),
  AI ("7009", 1, 10, FORMAT_X, CHECK_NONE, N_("fishing gear type")),
  AI ("7010", 1, 2, FORMAT_X, CHECK_NONE, N_("production method")),
  AI_N ("703", 9, 4, 30, FORMAT_N3_X, N_("approval number of the processor")),
  AI ("8005", 6, 6, FORMAT_N, CHECK_NONE, N_("price per unit of measure")),
  AI ("8008", 8, 12, FORMAT_N, CHECK_DATETIME, N_("production date and time")),
  AI ("8020", 1, 25, FORMAT_X, CHECK_NONE, N_("payment slip reference")),
  AI ("8200", 1, 70, FORMAT_X, CHECK_NONE, N_("packaging web address")),

  AI ("90", 1, 30, FORMAT_X, CHECK_NONE, N_("information agreed between partners")),
  AI ("91", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("92", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("93", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("94", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("95", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("96", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("97", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("98", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
  AI ("99", 1, 90, FORMAT_X, CHECK_NONE, N_("company internal information")),
};

#undef AI
#undef AI_N

/* GS1 General Specifications, "element strings with predefined length":
 * an AI starting with one of these digit pairs has a fixed length and is
 * never followed by a separator. The length counts the AI's own digits. */
guint
_comptoir_gs1_predefined_length (const char *ai)
{
  static const struct { char pair[3]; guint8 length; } table[] = {
    { "00", 20 }, { "01", 16 }, { "02", 16 }, { "03", 16 }, { "04", 18 },
    { "11", 8 }, { "12", 8 }, { "13", 8 }, { "14", 8 }, { "15", 8 },
    { "16", 8 }, { "17", 8 }, { "18", 8 }, { "19", 8 }, { "20", 4 },
    { "31", 10 }, { "32", 10 }, { "33", 10 }, { "34", 10 }, { "35", 10 },
    { "36", 10 }, { "41", 16 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (ai[0] == table[i].pair[0] && ai[1] == table[i].pair[1])
      return table[i].length;
  return 0;
}

/* How many digits an AI has, from its first two (to name an unknown AI). */
static guint
ai_length_from_prefix (const char *pair)
{
  int n = (pair[0] - '0') * 10 + (pair[1] - '0');

  if (n <= 22 || n == 30 || n == 37 || n >= 90)
    return 2;
  if ((n >= 23 && n <= 29) || (n >= 40 && n <= 42))
    return 3;
  return 4;
}

/* GS1 AI encodable character set 82. */
static gboolean
is_cset82 (char c)
{
  if (g_ascii_isalnum (c))
    return TRUE;
  return c != '\0' && strchr ("!\"%&'()*+,-./:;<=>?_", c) != NULL;
}

const char *
_comptoir_gs1_spec_name (const AiSpec *spec)
{
  return _(spec->name);
}

static int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Six digits YYMMDD to a date. The century follows the GS1 rule: the year
 * is taken within 49 years before and 50 years after today's. */
gboolean
_comptoir_gs1_read_date (const char  *yymmdd,
                         const GDate *today,
                         gboolean     allow_day_zero,
                         GDate       *out)
{
  int yy, mm, dd, current, century, diff, year;

  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (yymmdd[i]))
      return FALSE;

  yy = two_digits (yymmdd);
  mm = two_digits (yymmdd + 2);
  dd = two_digits (yymmdd + 4);

  current = g_date_get_year (today);
  century = current - current % 100;
  diff = yy - current % 100;
  if (diff >= 51)
    year = century - 100 + yy;
  else if (diff <= -50)
    year = century + 100 + yy;
  else
    year = century + yy;

  if (mm < 1 || mm > 12 || year < 1 || !g_date_valid_year (year))
    return FALSE;
  if (dd == 0)
    {
      if (!allow_day_zero)
        return FALSE;
      dd = g_date_get_days_in_month (mm, year);
    }
  if (!g_date_valid_dmy (dd, mm, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, dd, mm, year);
  return TRUE;
}

/* Finds the AI at p (digits available: avail). Returns the spec and the
 * AI's length, or NULL with an error naming the AI. */
const AiSpec *
_comptoir_gs1_lookup_ai (const char *p,
                         gsize       avail,
                         guint      *ai_len,
                         GError    **error)
{
  char ai[5] = { 0 };
  guint n_digits = 0;

  while (n_digits < 4 && n_digits < avail && g_ascii_isdigit (p[n_digits]))
    n_digits++;
  memcpy (ai, p, n_digits);

  if (n_digits >= 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ai_specs); i++)
        {
          const AiSpec *spec = &ai_specs[i];
          gsize len = strlen (spec->ai);

          if (len > n_digits || strncmp (spec->ai, ai, len) != 0)
            continue;
          if (!spec->family)
            {
              *ai_len = len;
              return spec;
            }
          if (n_digits < len + 1)
            {
              n_digits = 0;  /* the decimal digit is missing: incomplete */
              break;
            }
          if ((guint) (ai[len] - '0') > spec->max_n)
            {
              ai[len + 1] = '\0';
              g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The code contains application identifier (AI) %s, which does "
                             "not exist: for the %s, the last digit of the AI (the number of "
                             "decimals) goes from 0 to %u. Scan the code again, or enter the "
                             "item by hand."),
                           ai, _comptoir_gs1_spec_name (spec), spec->max_n);
              return NULL;
            }
          *ai_len = len + 1;
          return spec;
        }
    }

  if (n_digits < 2)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The GS1 code is incomplete or damaged: an application identifier (AI) "
                     "of two to four digits was expected where it ends or has other "
                     "characters. Scan the code again, or enter the item by hand."));
      return NULL;
    }

  ai[MIN (n_digits, ai_length_from_prefix (ai))] = '\0';
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("The code contains application identifier (AI) %s, which Comptoir does not "
                 "know. Scan the product’s own barcode instead, or enter the item by hand."),
               ai);
  return NULL;
}

gboolean
_comptoir_gs1_check_value (const AiSpec *spec,
                           const char   *ai,
                           const char   *value,
                           gsize         len,
                           const GDate  *today,
                           GError      **error)
{
  if (len == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The %s (AI %s) is empty. Scan the code again, or enter the item by hand."),
                   _comptoir_gs1_spec_name (spec), ai);
      return FALSE;
    }
  if (len < spec->min_len && spec->min_len == spec->max_len)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The %s (AI %s) is too short: it needs %u character. "
                                "Scan the code again, or enter the item by hand.",
                                "The %s (AI %s) is too short: it needs %u characters. "
                                "Scan the code again, or enter the item by hand.",
                                spec->min_len),
                   _comptoir_gs1_spec_name (spec), ai, spec->min_len);
      return FALSE;
    }
  if (len < spec->min_len)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The %s (AI %s) is too short: it needs at least %u character. "
                                "Scan the code again, or enter the item by hand.",
                                "The %s (AI %s) is too short: it needs at least %u characters. "
                                "Scan the code again, or enter the item by hand.",
                                spec->min_len),
                   _comptoir_gs1_spec_name (spec), ai, spec->min_len);
      return FALSE;
    }
  if (len > spec->max_len && spec->min_len == spec->max_len)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The %s (AI %s) is too long: it has exactly %u character. "
                                "Scan the code again, or enter the item by hand.",
                                "The %s (AI %s) is too long: it has exactly %u characters. "
                                "Scan the code again, or enter the item by hand.",
                                spec->max_len),
                   _comptoir_gs1_spec_name (spec), ai, spec->max_len);
      return FALSE;
    }
  if (len > spec->max_len)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The %s (AI %s) is too long: it can have at most %u character; "
                                "a separator may be missing after it. Scan the code again, or "
                                "enter the item by hand.",
                                "The %s (AI %s) is too long: it can have at most %u characters; "
                                "a separator may be missing after it. Scan the code again, or "
                                "enter the item by hand.",
                                spec->max_len),
                   _comptoir_gs1_spec_name (spec), ai, spec->max_len);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      gboolean numeric = spec->format == FORMAT_N || (spec->format == FORMAT_N3_X && i < 3);

      if (numeric && !g_ascii_isdigit (value[i]))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The %s (AI %s) must be made of digits, but the code has other "
                         "characters there. Scan the code again, or enter the item by hand."),
                       _comptoir_gs1_spec_name (spec), ai);
          return FALSE;
        }
      if (!numeric && !is_cset82 (value[i]))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The %s (AI %s) contains a character that a GS1 code cannot hold. "
                         "Scan the code again, or enter the item by hand."),
                       _comptoir_gs1_spec_name (spec), ai);
          return FALSE;
        }
    }

  switch (spec->check)
    {
    case CHECK_NONE:
      break;

    case CHECK_DIGIT:
      {
        int expected = comptoir_gtin_check_digit (value, len - 1);

        if (expected != value[len - 1] - '0')
          {
            g_autofree char *text = g_strndup (value, len);

            g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                         _("The %s (AI %s) %s is not valid: its last digit should be %d. "
                           "Scan the code again, or enter the item by hand."),
                         _comptoir_gs1_spec_name (spec), ai, text, expected);
            return FALSE;
          }
      }
      break;

    case CHECK_DATE:
    case CHECK_DATETIME:
      {
        GDate date;
        gboolean ok = _comptoir_gs1_read_date (value, today, spec->check == CHECK_DATE, &date);
        static const int limits[] = { 23, 59, 59 };

        if (spec->check == CHECK_DATETIME)
          {
            /* Hours, minutes, seconds: whole pairs, each within its range. */
            ok = ok && (len - 6) % 2 == 0 && (len - 6) / 2 <= G_N_ELEMENTS (limits);
            for (gsize i = 0; ok && 6 + 2 * i < len; i++)
              ok = two_digits (value + 6 + 2 * i) <= limits[i];
          }
        if (!ok)
          {
            g_autofree char *text = g_strndup (value, len);

            g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                         spec->check == CHECK_DATE
                           ? _("The %s (AI %s) “%s” is not a real date (it is written YYMMDD: "
                               "year, month, day). Scan the code again, or enter the item by "
                               "hand.")
                           : _("The %s (AI %s) “%s” is not a real date and time (it is written "
                               "YYMMDD for year, month, day, then hours, minutes and seconds as "
                               "needed). Scan the code again, or enter the item by hand."),
                         _comptoir_gs1_spec_name (spec), ai, text);
            return FALSE;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
