/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-core.h"

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Pâtes", "pates" },
    { "Œufs frais", "oeufs frais" },
    { "ÉPINARDS", "epinards" },
    { "Crème fraîche", "creme fraiche" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = comptoir_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fts_query (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "pate", "\"pate\"*" },
    { "  pâtes   bio ", "\"pâtes\"* \"bio\"*" },
    { "l'huile", "\"l\"* \"huile\"*" },
    { "\"; DROP TABLE product; --", "\"DROP\"* \"TABLE\"* \"product\"*" },
    { "3017620", "\"3017620\"*" },
    { "***", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = comptoir_text_fts_query (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/text/fold", test_fold);
  g_test_add_func ("/comptoir/core/text/fts-query", test_fts_query);
  return g_test_run ();
}
