/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-core.h"
#include "comptoir-gs1.h"

#define GS "\x1d"

/* "Today" for every test, so the century rule gives the same years
 * whenever the suite runs. */
static GDate *
make_date (int year,
           int month,
           int day)
{
  return g_date_new_dmy (day, month, year);
}

static char *
format_date (const GDate *date)
{
  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

typedef struct {
  const char          *text;
  ComptoirGs1Symbology symbology;
  const char          *gtin;
  const char          *ean13;
  const char          *batch;
  const char          *serial;
  const char          *expiry;       /* 17 */
  const char          *best_before;  /* 15 */
  const char          *production;   /* 11 */
  gint64               grams;        /* -1: no net weight */
  gint64               cents;        /* -1: no price */
  const char          *currency;
  guint                n_elements;
} ParseCase;

#define NO_WEIGHT (-1)
#define NO_PRICE (-1)

static const ParseCase parse_cases[] = {
  /* a GS1-128 with a GTIN only */
  { "]C10103017620422003", COMPTOIR_GS1_SYMBOLOGY_GS1_128, "03017620422003", "3017620422003",
    NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  /* a meat label: (01) + (17) + (10) + (3103), GS after the lot only */
  { "]C1" "0193012345678905" "17240630" "10LOT42" GS "3103001250", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    "93012345678905", NULL, "LOT42", NULL, "2024-06-30", NULL, NULL, 1250, NO_PRICE, "", 4 },
  /* the same label typed from its human-readable line */
  { "(01)93012345678905(17)240630(10)LOT42(3103)001250", COMPTOIR_GS1_SYMBOLOGY_BRACKETED,
    "93012345678905", NULL, "LOT42", NULL, "2024-06-30", NULL, NULL, 1250, NO_PRICE, "", 4 },
  { "(01) 93012345678905 (17) 240630 (10) LOT42 (3103) 001250", COMPTOIR_GS1_SYMBOLOGY_BRACKETED,
    "93012345678905", NULL, "LOT42", NULL, "2024-06-30", NULL, NULL, 1250, NO_PRICE, "", 4 },
  { "(01)03012345678902(10)LOT42", COMPTOIR_GS1_SYMBOLOGY_BRACKETED,
    "03012345678902", "3012345678902", "LOT42", NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  /* GS1 DataMatrix, AIs in any order, GS between variable fields */
  { "]d2" "10ABC-12/3" GS "21SER001" GS "17241231" "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX,
    "03017620422003", "3017620422003", "ABC-12/3", "SER001", "2024-12-31", NULL, NULL, NO_WEIGHT, NO_PRICE,
    "", 4 },
  /* a leading GS (FNC1 in first position), and a needless GS after a
   * predefined length; 15 with DD = 00 is the end of the month */
  { "]d2" GS "0103017620422003" GS "15250200", COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX,
    "03017620422003", "3017620422003", NULL, NULL, NULL, "2025-02-28", NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  { GS "0103017620422003" "10LOT", COMPTOIR_GS1_SYMBOLOGY_GS,
    "03017620422003", "3017620422003", "LOT", NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  /* no identifier at all, as a scanner set up without AIM prefixes sends it */
  { "0107612345678900" "17260100" "11240101", COMPTOIR_GS1_SYMBOLOGY_NONE,
    "07612345678900", "7612345678900", NULL, NULL, "2026-01-31", NULL, "2024-01-01", NO_WEIGHT, NO_PRICE,
    "", 3 },
  { "]Q3" "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_QR,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  { "]e0" "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_DATABAR,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  { "]J1" "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_DOTCODE,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  /* the Enter some scanners append */
  { "]C10103017620422003\r\n", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  /* prices, 392n: n decimals, in the local currency */
  { "]C1" "0103017620422003" "3922" "1299", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 1299, "", 2 },
  { "]C1" "3921" "12995" GS "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 129950, "", 2 },
  { "]C1" "3923" "12990", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 1299, "", 1 },
  { "]C1" "3920" "15", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 1500, "", 1 },
  { "]C1" "3922" "99999", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 99999, "", 1 },
  { "]C1" "3922" "0", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 0, "", 1 },
  /* 393n: ISO currency first */
  { "]C1" "3932" "978" "1299" GS "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    "03017620422003", "3017620422003", NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, 1299, "978", 2 },
  /* net weights, 310n: kg with n decimals → grams */
  { "]C1" "3103" "000000", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NO_PRICE, "", 1 },
  { "]C1" "3100" "000002", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2000, NO_PRICE, "", 1 },
  { "]C1" "3102" "000125", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1250, NO_PRICE, "", 1 },
  { "]C1" "3103" "999999", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 999999, NO_PRICE, "", 1 },
  { "]C1" "3104" "012345", COMPTOIR_GS1_SYMBOLOGY_GS1_128,   /* 1234.5 g */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1235, NO_PRICE, "", 1 },
  { "]C1" "3105" "012345", COMPTOIR_GS1_SYMBOLOGY_GS1_128,   /* 123.45 g */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 123, NO_PRICE, "", 1 },
  /* 320n: pounds, converted (1 lb = 453.59237 g) */
  { "]C1" "3202" "000100", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 454, NO_PRICE, "", 1 },
  { "]C1" "3200" "000010", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4536, NO_PRICE, "", 1 },
  /* DD = 00 in a leap year */
  { "]C1" "17240200", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, "2024-02-29", NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  /* the century: within 49 years before and 50 after 2024 */
  { "]C1" "17740101", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, "2074-01-01", NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  { "]C1" "11750101", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, "1975-01-01", NO_WEIGHT, NO_PRICE, "", 1 },
  /* a double GS is tolerated */
  { "]C1" "10LOT" GS GS "21X", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, "LOT", "X", NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  /* 422 has a fixed length without being predefined: read without its GS */
  { "]C1" "422250" "10LOT", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, "LOT", NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  { "]C1" "422250" GS "10LOT", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, "LOT", NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
  /* logistics: SSCC, contained GTIN and count */
  { "]C1" "00376104250021234569" "0203017620422003" "3712", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 3 },
  /* an AI given twice with the same value counts once */
  { "]C1" "10A" GS "10A", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, "A", NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 1 },
  /* meat and fish: approval number with country, date and time, internal data */
  { "]d2" "0193012345678905" "7030250FR35.238.001CE" GS "70032406301530" "800824063015" GS "91ABC",
    COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX,
    "93012345678905", NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 5 },
  { "]C1" "4109501101530003" "8200https://example.org/p?id=1&x=2", COMPTOIR_GS1_SYMBOLOGY_GS1_128,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NO_WEIGHT, NO_PRICE, "", 2 },
};

static void
test_parse (void)
{
  g_autoptr (GDate) today = NULL;

  today = make_date (2024, 6, 15);
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (ComptoirGs1Data) data = NULL;
      g_autofree char *expiry = NULL;
      g_autofree char *best_before = NULL;
      g_autofree char *production = NULL;

      g_test_message ("case %u: %s", i, c->text);
      data = comptoir_gs1_parse (c->text, -1, today, &error);
      g_assert_no_error (error);
      g_assert_nonnull (data);

      g_assert_cmpint (data->symbology, ==, c->symbology);
      g_assert_cmpstr (data->gtin, ==, c->gtin);
      g_assert_cmpstr (data->ean13, ==, c->ean13);
      g_assert_cmpstr (data->batch, ==, c->batch);
      g_assert_cmpstr (data->serial, ==, c->serial);
      expiry = format_date (&data->expiry_date);
      best_before = format_date (&data->best_before_date);
      production = format_date (&data->production_date);
      g_assert_cmpstr (expiry, ==, c->expiry);
      g_assert_cmpstr (best_before, ==, c->best_before);
      g_assert_cmpstr (production, ==, c->production);

      g_assert_cmpint (data->has_net_weight, ==, c->grams != NO_WEIGHT);
      if (c->grams != NO_WEIGHT)
        g_assert_cmpint (data->net_weight_milli, ==, c->grams);
      g_assert_cmpint (data->has_price, ==, c->cents != NO_PRICE);
      if (c->cents != NO_PRICE)
        g_assert_cmpint (data->price_cents, ==, c->cents);
      g_assert_cmpstr (data->price_currency, ==, c->currency);
      g_assert_cmpuint (data->elements->len, ==, c->n_elements);
    }
}

static void
test_elements (void)
{
  g_autoptr (GDate) today = make_date (2024, 6, 15);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirGs1Data) data = NULL;
  static const char *expected[][2] = {
    { "01", "93012345678905" },
    { "17", "240630" },
    { "10", "LOT42" },
    { "3103", "001250" },
    { "422", "250" },
  };

  data = comptoir_gs1_parse ("]C1" "0193012345678905" "17240630" "10LOT42" GS "3103001250" "422250", -1,
                             today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->elements->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ComptoirGs1Element *element = g_ptr_array_index (data->elements, i);

      g_assert_cmpstr (element->ai, ==, expected[i][0]);
      g_assert_cmpstr (element->value, ==, expected[i][1]);
      g_assert_cmpstr (comptoir_gs1_data_get_value (data, expected[i][0]), ==, expected[i][1]);
    }
  g_assert_null (comptoir_gs1_data_get_value (data, "21"));
  g_assert_false (data->net_weight_from_pounds);
  g_assert_false (g_date_valid (&data->best_before_date));
  g_assert_false (g_date_valid (&data->packaging_date));

  /* the logistic case: SSCC, content and count are in the list */
  g_clear_pointer (&data, comptoir_gs1_data_free);
  data = comptoir_gs1_parse ("]C1" "00376104250021234569" "0203017620422003" "3712", -1, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->content_gtin, ==, "03017620422003");
  g_assert_cmpstr (comptoir_gs1_data_get_value (data, "00"), ==, "376104250021234569");
  g_assert_cmpstr (comptoir_gs1_data_get_value (data, "37"), ==, "12");
  g_assert_null (data->gtin);

  /* pounds are flagged */
  g_clear_pointer (&data, comptoir_gs1_data_free);
  data = comptoir_gs1_parse ("(3202)000100", -1, today, &error);
  g_assert_no_error (error);
  g_assert_true (data->net_weight_from_pounds);
  g_assert_cmpint (data->net_weight_milli, ==, 454);

  /* an explicit length stops before what follows */
  g_clear_pointer (&data, comptoir_gs1_data_free);
  data = comptoir_gs1_parse ("]C10103017620422003GARBAGE", 19, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->gtin, ==, "03017620422003");

  /* Unmarked digits are ambiguous: a scale label reads as a serial
   * number. The header tells the till to trust such text only with a
   * GTIN; here is why. */
  g_clear_pointer (&data, comptoir_gs1_data_free);
  g_assert_cmpint (comptoir_gs1_detect_symbology ("2101234012505", -1), ==, COMPTOIR_GS1_SYMBOLOGY_NONE);
  data = comptoir_gs1_parse ("2101234012505", -1, today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->serial, ==, "01234012505");
  g_assert_null (data->gtin);

  /* other dates */
  g_clear_pointer (&data, comptoir_gs1_data_free);
  data = comptoir_gs1_parse ("]C1" "13240615" "16240620" "12240701", -1, today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&data->packaging_date), ==, 15);
  g_assert_cmpint (g_date_get_day (&data->sell_by_date), ==, 20);
  g_assert_cmpint (g_date_get_month (&data->due_date), ==, 7);
}

typedef struct {
  const char *text;
  gssize      length;
  const char *in_message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "", -1, "no GS1 data" },
  { "]C1", -1, "no GS1 data" },
  { GS, -1, "no GS1 data" },
  { "]C1" GS GS, -1, "no GS1 data" },
  { "\r\n", -1, "no GS1 data" },
  /* not GS1 at all, by the scanner's own account */
  { "]E03017620422003", -1, "]E0" },
  { "]C0ABC", -1, "]C0" },
  { "]d1HELLO", -1, "]d1" },
  /* truncated */
  { "]C1" "010301762042200", -1, "cut short" },
  { "]C1" "01", -1, "cut short" },
  { "]C1" "0103017620422003" "1724023", -1, "cut short" },
  { "]C1" "1724" GS "10A", -1, "cut short" },
  { "]C1" "0103017620422003" "310", -1, "application identifier" },
  { "]C1" "9", -1, "application identifier" },
  { "]C1" "ab", -1, "application identifier" },
  { "]C1" "0103017620422003" "-", -1, "application identifier" },
  /* check digits */
  { "]C1" "0103017620422004", -1, "should be 3" },
  { "(01)03012345678900", -1, "should be 2" },
  { "]C1" "00376104250021234560", -1, "should be 9" },
  { "]C1" "0203017620422000", -1, "should be 3" },
  { "]C1" "4109501101530000", -1, "should be 3" },
  /* characters */
  { "]C1" "01030176204220A3", -1, "digits" },
  { "]C1" "0103017620422003" "17ABCDEF", -1, "digits" },
  { "]C1" "3103" "00125X", -1, "digits" },
  { "]C1" "10LOT 42", -1, "cannot hold" },
  { "]C1" "10LOT#1", -1, "cannot hold" },
  { "]C1" "10LOT\0X", 9, "cannot hold" },
  { "(10)LOT" GS "42", -1, "cannot hold" },
  { "]C1" "21\xc3\xa9t\xc3\xa9", -1, "cannot hold" },
  /* dates that do not exist */
  { "]C1" "0103017620422003" "17241301", -1, "not a real date" },
  { "]C1" "0103017620422003" "17240230", -1, "not a real date" },
  { "]C1" "17230229", -1, "not a real date" },
  { "]C1" "15240001", -1, "not a real date" },
  { "]C1" "11241232", -1, "not a real date" },
  { "]C1" "70032406302460", -1, "not a real date" },
  { "]C1" "7006240600", -1, "not a real date" },
  { "]C1" "8008240630153", -1, "not a real date" },
  /* lengths */
  { "]C1" "10" "ABCDEFGHIJKLMNOPQRSTU", -1, "too long" },
  { "]C1" "10" "ABCDEFGHIJKLMNOPQRSTU" GS "21X", -1, "too long" },
  { "]C1" "10" GS "21X", -1, "empty" },
  { "]C1" "0103017620422003" "10", -1, "empty" },
  { "]C1" "3932" "978", -1, "too short" },
  { "]C1" "422" "25" GS "10A", -1, "too short" },
  { "(3103)00125", -1, "too short" },
  { "(01)03017620422003x(10)A", -1, "too long" },
  { "(01)03017620422003 junk", -1, "too long" },
  { "(01)", -1, "no value" },
  { "(10)   (21)A", -1, "no value" },
  /* the bracketed form itself */
  { "(01", -1, "two to four digits" },
  { "(1)2", -1, "two to four digits" },
  { "()", -1, "two to four digits" },
  { "(abc)", -1, "two to four digits" },
  { "(01234)5", -1, "two to four digits" },
  { "(01)03017620422003)", -1, "too long" },
  { "(01)03017620422003 x (10)A", -1, "too long" },
  /* unknown or impossible AIs, named */
  { "]C1" "0103017620422003" "4300ABC", -1, "4300" },
  { "(235)ABC", -1, "235" },
  { "(0101)03017620422003", -1, "0101" },
  { "(999)A", -1, "999" },
  { "]C1" "3106001250", -1, "3106" },
  { "]C1" "0103017620422003" "89", -1, "89" },
  /* contradictions */
  { "]C1" "10A" GS "10B", -1, "two different values" },
  { "(17)240630(17)240701", -1, "two different values" },
  { "]C1" "3103001250" "3203002756", -1, "net weight twice" },
  { "]C1" "3922" "1299" GS "3932" "9781299", -1, "price twice" },
  { "]C1" "3923" "12995", -1, "fraction of a cent" },
};

static void
test_errors (void)
{
  g_autoptr (GDate) today = make_date (2024, 6, 15);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (ComptoirGs1Data) data = NULL;
      g_autofree char *shown = g_strescape (c->text, NULL);

      g_test_message ("case %u: %s", i, shown);
      data = comptoir_gs1_parse (c->text, c->length, today, &error);
      g_assert_null (data);
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, c->in_message));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* never shows the GS control character, always says what to do */
      g_assert_null (strchr (error->message, '\x1d'));
      g_assert_true (strstr (error->message, "Scan") != NULL || strstr (error->message, "scan") != NULL
                     || strstr (error->message, "Enter") != NULL);
    }
}

static void
test_century (void)
{
  static const struct {
    int         year, month, day;  /* today */
    const char *yymmdd;
    const char *expected;
  } cases[] = {
    { 2024, 6, 15, "740101", "2074-01-01" },   /* +50 */
    { 2024, 6, 15, "750101", "1975-01-01" },   /* −49 */
    { 2024, 6, 15, "240615", "2024-06-15" },
    { 2024, 6, 15, "991231", "1999-12-31" },
    { 2024, 6, 15, "000101", "2000-01-01" },
    { 2099, 12, 31, "000101", "2100-01-01" },  /* rollover into the next century */
    { 2099, 12, 31, "490101", "2149-01-01" },
    { 2099, 12, 31, "500101", "2050-01-01" },
    { 2099, 12, 31, "000200", "2100-02-28" },  /* 2100 is not a leap year */
    { 2099, 12, 31, "990100", "2099-01-31" },
    { 2001, 1, 1, "990101", "1999-01-01" },
    { 2001, 1, 1, "510101", "2051-01-01" },
    { 2001, 1, 1, "520101", "1952-01-01" },
    { 2050, 1, 1, "000101", "2100-01-01" },
    { 2050, 1, 1, "010101", "2001-01-01" },
    { 2000, 2, 1, "000200", "2000-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDate) today = make_date (cases[i].year, cases[i].month, cases[i].day);
      g_autoptr (GError) error = NULL;
      g_autofree char *got = NULL;
      g_autofree char *text = g_strconcat ("]C117", cases[i].yymmdd, NULL);
      g_autoptr (ComptoirGs1Data) data = NULL;
      GDate date;

      g_test_message ("%s on %d-%d-%d", cases[i].yymmdd, cases[i].year, cases[i].month, cases[i].day);
      g_assert_true (comptoir_gs1_parse_date (cases[i].yymmdd, today, TRUE, &date, &error));
      g_assert_no_error (error);
      got = format_date (&date);
      g_assert_cmpstr (got, ==, cases[i].expected);

      /* the same through the parser */
      g_clear_pointer (&got, g_free);
      data = comptoir_gs1_parse (text, -1, today, &error);
      g_assert_no_error (error);
      got = format_date (&data->expiry_date);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_parse_date (void)
{
  g_autoptr (GDate) today = make_date (2024, 6, 15);
  static const char *bad[] = { "240200", "2402", "2402290", "24022a", "241301", "", "240231" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (comptoir_gs1_parse_date (bad[i], today, FALSE, &date, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    }
  g_assert_false (comptoir_gs1_parse_date (NULL, today, TRUE, &date, NULL));
  g_assert_true (comptoir_gs1_parse_date ("240229", today, FALSE, &date, NULL));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  /* without a "today", the current date decides the century: a date of
   * this year's comes back in this century */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *text = g_date_time_format (now, "%y0101");

    g_assert_true (comptoir_gs1_parse_date (text, NULL, FALSE, &date, NULL));
    g_assert_cmpint (g_date_get_year (&date), ==, g_date_time_get_year (now));
  }
}

static void
test_detect (void)
{
  static const struct { const char *text; ComptoirGs1Symbology symbology; } cases[] = {
    { "]C10103017620422003", COMPTOIR_GS1_SYMBOLOGY_GS1_128 },
    { "]d2", COMPTOIR_GS1_SYMBOLOGY_DATAMATRIX },
    { "]Q3", COMPTOIR_GS1_SYMBOLOGY_QR },
    { "]e0", COMPTOIR_GS1_SYMBOLOGY_DATABAR },
    { "]J1", COMPTOIR_GS1_SYMBOLOGY_DOTCODE },
    { "(01)03017620422003", COMPTOIR_GS1_SYMBOLOGY_BRACKETED },
    { GS "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_GS },
    { "]E03017620422003", COMPTOIR_GS1_SYMBOLOGY_OTHER },
    { "]C0ABC", COMPTOIR_GS1_SYMBOLOGY_OTHER },
    { "]Q1", COMPTOIR_GS1_SYMBOLOGY_OTHER },
    { "0103017620422003", COMPTOIR_GS1_SYMBOLOGY_NONE },
    { "3017620422003", COMPTOIR_GS1_SYMBOLOGY_NONE },
    { "]", COMPTOIR_GS1_SYMBOLOGY_NONE },
    { "]C", COMPTOIR_GS1_SYMBOLOGY_NONE },
    { "]]]", COMPTOIR_GS1_SYMBOLOGY_NONE },
    { "", COMPTOIR_GS1_SYMBOLOGY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (comptoir_gs1_detect_symbology (cases[i].text, -1), ==, cases[i].symbology);
    }
  g_assert_cmpint (comptoir_gs1_detect_symbology (NULL, -1), ==, COMPTOIR_GS1_SYMBOLOGY_NONE);
  g_assert_cmpint (comptoir_gs1_detect_symbology ("]C1", 2), ==, COMPTOIR_GS1_SYMBOLOGY_NONE);
}

/* Random input: the parser returns, with data or with an error but never
 * both or neither, and reads nothing out of bounds (the suite also runs
 * under AddressSanitizer and LeakSanitizer). */
static void
check_parse_returns (const char  *text,
                     gsize        len,
                     const GDate *today,
                     guint       *n_ok)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirGs1Data) data = NULL;
  /* a copy of exactly len bytes, so that reading one past is caught */
  g_autofree char *copy = g_memdup2 (text, len);

  data = comptoir_gs1_parse (copy, len, today, &error);
  if (data != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (data->elements->len, >, 0);
      if (data->gtin != NULL)
        g_assert_cmpuint (strlen (data->gtin), ==, 14);
      (*n_ok)++;
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  (void) comptoir_gs1_detect_symbology (copy, len);
}

static void
test_fuzz (void)
{
  static const char alphabet[] = "0123456789" "0123456789" "0123456789" GS GS "()]Cd21AZaz-./ \r";
  static const char *seeds[] = {
    "]C1" "0193012345678905" "17240630" "10LOT42" GS "3103001250",
    "(01)93012345678905(17)240630(10)LOT42(3103)001250",
    "]d2" "10ABC-12/3" GS "21SER001" GS "17241231" "0103017620422003",
    "]C1" "3932" "978" "1299" GS "0103017620422003",
    "]C1" "00376104250021234569" "0203017620422003" "3712",
  };
  g_autoptr (GDate) today = make_date (2024, 6, 15);
  GRand *rand = g_rand_new_with_seed (4242);
  guint n_ok = 0;

  for (guint i = 0; i < 20000; i++)
    {
      char text[96];
      gsize len;

      switch (i % 4)
        {
        case 0:  /* any bytes, NUL included */
          len = g_rand_int_range (rand, 0, sizeof text);
          for (gsize j = 0; j < len; j++)
            text[j] = (char) g_rand_int_range (rand, 0, 256);
          break;

        case 1:  /* characters that mean something to the parser */
          len = g_rand_int_range (rand, 0, sizeof text);
          for (gsize j = 0; j < len; j++)
            text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          if (len >= 3 && g_rand_boolean (rand))
            memcpy (text, "]C1", 3);
          break;

        default:  /* a real label, damaged: bytes changed, cut short */
          {
            const char *seed = seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))];
            guint n_changes = g_rand_int_range (rand, 0, 4);

            len = strlen (seed);
            memcpy (text, seed, len);
            for (guint k = 0; k < n_changes; k++)
              text[g_rand_int_range (rand, 0, len)] = g_rand_boolean (rand)
                                                        ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                                                        : (char) g_rand_int_range (rand, 0, 256);
            if (g_rand_boolean (rand))
              len = g_rand_int_range (rand, 0, len + 1);
          }
          break;
        }

      check_parse_returns (text, len, today, &n_ok);
    }

  /* the damaged labels did exercise both outcomes */
  g_test_message ("%u of 20000 inputs read as GS1 data", n_ok);
  g_assert_cmpuint (n_ok, >, 100);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/gs1/parse", test_parse);
  g_test_add_func ("/comptoir/core/gs1/elements", test_elements);
  g_test_add_func ("/comptoir/core/gs1/errors", test_errors);
  g_test_add_func ("/comptoir/core/gs1/century", test_century);
  g_test_add_func ("/comptoir/core/gs1/parse-date", test_parse_date);
  g_test_add_func ("/comptoir/core/gs1/detect", test_detect);
  g_test_add_func ("/comptoir/core/gs1/fuzz", test_fuzz);
  return g_test_run ();
}
