/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-core.h"

static void
test_classify (void)
{
  static const struct { const char *code; ComptoirBarcodeKind kind; } cases[] = {
    { "3017620422003", COMPTOIR_BARCODE_EAN13 },
    { "3017620422004", COMPTOIR_BARCODE_INVALID },   /* wrong check digit */
    { "5449000000996", COMPTOIR_BARCODE_EAN13 },
    { "96385074", COMPTOIR_BARCODE_EAN8 },
    { "96385075", COMPTOIR_BARCODE_INVALID },
    { "036000291452", COMPTOIR_BARCODE_UPCA },
    { "036000291453", COMPTOIR_BARCODE_INVALID },
    { "2012345000001", COMPTOIR_BARCODE_EAN13 },     /* in-store prefix 2 */
    { "301762042200", COMPTOIR_BARCODE_INVALID },    /* 12 digits, bad UPC check */
    { "30176204220", COMPTOIR_BARCODE_INVALID },     /* 11 digits */
    { "30176204220a3", COMPTOIR_BARCODE_INVALID },
    { "", COMPTOIR_BARCODE_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].code);
      g_assert_cmpint (comptoir_barcode_classify (cases[i].code), ==, cases[i].kind);
    }
  g_assert_cmpint (comptoir_barcode_classify (NULL), ==, COMPTOIR_BARCODE_INVALID);
}

static void
test_normalize (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *upc = comptoir_barcode_normalize ("036000291452", &error);
  g_autofree char *ean = comptoir_barcode_normalize (" 3017620422003 ", &error);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (upc, ==, "0036000291452");
  g_assert_cmpint (comptoir_barcode_classify (upc), ==, COMPTOIR_BARCODE_EAN13);
  g_assert_cmpstr (ean, ==, "3017620422003");

  bad = comptoir_barcode_normalize ("3017620422004", &error);
  g_assert_null (bad);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));  /* says which digit is expected */
  g_clear_error (&error);

  bad = comptoir_barcode_normalize ("12345", &error);
  g_assert_null (bad);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  bad = comptoir_barcode_normalize ("ABC", &error);
  g_assert_null (bad);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

/* Every 12-digit body has exactly one valid check digit. */
static void
test_check_digit_exhaustive (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 5000; i++)
    {
      char code[14];
      guint valid = 0;

      for (guint j = 0; j < 12; j++)
        code[j] = '0' + g_rand_int_range (rand, 0, 10);
      code[13] = '\0';
      for (char d = '0'; d <= '9'; d++)
        {
          code[12] = d;
          valid += comptoir_barcode_classify (code) == COMPTOIR_BARCODE_EAN13;
        }
      g_assert_cmpuint (valid, ==, 1);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/barcode/classify", test_classify);
  g_test_add_func ("/comptoir/core/barcode/normalize", test_normalize);
  g_test_add_func ("/comptoir/core/barcode/check-digit", test_check_digit_exhaustive);
  return g_test_run ();
}
