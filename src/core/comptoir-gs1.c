/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-gs1"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-error.h"
#include "comptoir-gs1.h"

/* Application identifiers, after the GS1 General Specifications and the
 * GS1 Barcode Syntax Dictionary. Only those a shop may meet on goods or
 * delivery labels are listed; any other AI is refused by name. */

typedef enum {
  FORMAT_N,     /* digits */
  FORMAT_X,     /* GS1 character set 82 */
  FORMAT_N3_X,  /* 3 digits (an ISO 3166 country), then character set 82 */
} Format;

typedef enum {
  CHECK_NONE,
  CHECK_DIGIT,     /* GS1 mod-10 check digit over the whole value */
  CHECK_DATE,      /* YYMMDD, DD = 00 allowed (end of month) */
  CHECK_DATETIME,  /* YYMMDD then HH, MM, SS pairs */
} Check;

typedef struct {
  const char *ai;       /* 2–4 digits; for a family, the 3 digits before n */
  guint8      max_n;    /* family: 4th digit 0..max_n; 0 and !family otherwise */
  gboolean    family;
  guint8      min_len;
  guint8      max_len;
  Format      format;
  Check       check;
  const char *name;     /* marked with N_() */
} AiSpec;

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
static guint
predefined_length (const char *ai)
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

static const char *
spec_name (const AiSpec *spec)
{
  return _(spec->name);
}

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

static int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Six digits YYMMDD to a date. The century follows the GS1 rule: the year
 * is taken within 49 years before and 50 years after today's. */
static gboolean
read_date (const char  *yymmdd,
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
  if (yymmdd == NULL || strlen (yymmdd) != 6 || !read_date (yymmdd, &now, allow_day_zero, out))
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

/* Finds the AI at p (digits available: avail). Returns the spec and the
 * AI's length, or NULL with an error naming the AI. */
static const AiSpec *
lookup_ai (const char *p,
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
                           ai, spec_name (spec), spec->max_n);
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

static gboolean
check_value (const AiSpec *spec,
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
                   spec_name (spec), ai);
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
                   spec_name (spec), ai, spec->min_len);
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
                   spec_name (spec), ai, spec->min_len);
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
                   spec_name (spec), ai, spec->max_len);
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
                   spec_name (spec), ai, spec->max_len);
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
                       spec_name (spec), ai);
          return FALSE;
        }
      if (!numeric && !is_cset82 (value[i]))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The %s (AI %s) contains a character that a GS1 code cannot hold. "
                         "Scan the code again, or enter the item by hand."),
                       spec_name (spec), ai);
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
                         spec_name (spec), ai, text, expected);
            return FALSE;
          }
      }
      break;

    case CHECK_DATE:
    case CHECK_DATETIME:
      {
        GDate date;
        gboolean ok = read_date (value, today, spec->check == CHECK_DATE, &date);
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
                         spec_name (spec), ai, text);
            return FALSE;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
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

  if (!check_value (spec, ai, value, len, today, error))
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
                   spec_name (spec), ai);
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

      spec = lookup_ai (p, end - p, &ai_len, error);
      if (spec == NULL)
        return FALSE;
      p += ai_len;

      fixed = predefined_length (ai);
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
                           spec_name (spec), ai_text, (guint) want);
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

      spec = lookup_ai (ai, digits, &ai_len, error);
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
                       spec_name (spec), ai_text);
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
          gboolean ok = read_date (element->value, today, TRUE, date);

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
