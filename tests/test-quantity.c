/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-core.h"

static void
test_weight_parse (void)
{
  static const struct { const char *text; gint64 grams; } good[] = {
    { "350", 350 }, { "350 g", 350 }, { "350g", 350 }, { "0,350", 350 }, { "0.35", 350 },
    { "1,2 kg", 1200 }, { "1.2kg", 1200 }, { "2 kg", 2000 }, { ",5", 500 }, { " 12,345 ", 12345 },
    { "1000000", 1000000 },
  };
  static const char *bad[] = {
    "", "kg", "0", "0,000", "1,2345", "1,2,3", "12 lb", "-3", "350,5 g", "abc", "1000001", "99999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 grams = -1;

      g_assert_true (comptoir_weight_parse (good[i].text, &grams, &error));
      g_assert_no_error (error);
      g_assert_cmpint (grams, ==, good[i].grams);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 grams = -1;

      g_assert_false (comptoir_weight_parse (bad[i], &grams, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_assert_cmpint (grams, ==, -1);
    }
}

static void
test_pieces (void)
{
  gint64 n = 0;

  g_assert_true (comptoir_pieces_parse ("3", &n));
  g_assert_cmpint (n, ==, 3);
  g_assert_false (comptoir_pieces_parse ("0", &n));
  g_assert_false (comptoir_pieces_parse ("10000", &n));
  g_assert_false (comptoir_pieces_parse ("2,5", &n));
  g_assert_false (comptoir_pieces_parse ("", &n));
}

static void
test_format (void)
{
  static const struct { ComptoirUnit unit; gint64 milli; const char *text; } cases[] = {
    { COMPTOIR_UNIT_PIECE, 3000, "3" },
    { COMPTOIR_UNIT_PIECE, -1000, "-1" },
    { COMPTOIR_UNIT_KG, 350, "0.350 kg" },
    { COMPTOIR_UNIT_KG, 12345, "12.345 kg" },
    { COMPTOIR_UNIT_KG, -350, "-0.350 kg" },
    { COMPTOIR_UNIT_LITRE, 1500, "1.500 L" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comptoir_quantity_format (cases[i].unit, cases[i].milli);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/quantity/weight-parse", test_weight_parse);
  g_test_add_func ("/comptoir/core/quantity/pieces", test_pieces);
  g_test_add_func ("/comptoir/core/quantity/format", test_format);
  return g_test_run ();
}
