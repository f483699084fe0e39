/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-core.h"

static void
test_uuid7_format (void)
{
  g_autofree char *id = comptoir_uuid7_new_at (G_GINT64_CONSTANT (1700000000123));

  g_assert_true (comptoir_uuid7_is_valid (id));
  g_assert_cmpint (id[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", id[19]));
  g_assert_cmpint (comptoir_uuid7_get_unix_ms (id), >=, G_GINT64_CONSTANT (1700000000123));
  g_assert_false (comptoir_uuid7_is_valid ("01234567-89ab-4def-8123-456789abcdef"));
  g_assert_false (comptoir_uuid7_is_valid ("not an id"));
}

static void
test_uuid7_monotonic (void)
{
  g_autofree char *previous = comptoir_uuid7_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 now = g_get_real_time () / 1000;

  /* Same millisecond many times, and a clock that steps back an hour:
   * ids still strictly increase and never repeat. */
  for (guint i = 0; i < 20000; i++)
    {
      gint64 at = i < 10000 ? now : now - 3600 * 1000;
      char *id = comptoir_uuid7_new_at (at);

      g_assert_cmpstr (id, >, previous);
      g_assert_true (g_hash_table_add (seen, id));
      g_free (previous);
      previous = g_strdup (id);
    }
}

static void
test_hlc (void)
{
  ComptoirHlc hlc;
  gint64 a, b, c, d, e;

  comptoir_hlc_init (&hlc, 0);
  a = comptoir_hlc_now_at (&hlc, 1000);
  g_assert_cmpint (COMPTOIR_HLC_PHYSICAL (a), ==, 1000);
  g_assert_cmpint (COMPTOIR_HLC_LOGICAL (a), ==, 0);

  b = comptoir_hlc_now_at (&hlc, 1000);          /* same ms */
  g_assert_cmpint (b, >, a);
  g_assert_cmpint (COMPTOIR_HLC_LOGICAL (b), ==, 1);

  c = comptoir_hlc_now_at (&hlc, 500);           /* wall clock stepped back */
  g_assert_cmpint (c, >, b);
  g_assert_cmpint (COMPTOIR_HLC_PHYSICAL (c), ==, 1000);

  d = comptoir_hlc_receive (&hlc, ((gint64) 5000 << 16) | 7, 1200);  /* remote ahead */
  g_assert_cmpint (d, >, ((gint64) 5000 << 16) | 7);
  g_assert_cmpint (COMPTOIR_HLC_PHYSICAL (d), ==, 5000);

  e = comptoir_hlc_now_at (&hlc, 6000);          /* wall clock catches up */
  g_assert_cmpint (e, ==, (gint64) 6000 << 16);

  comptoir_hlc_init (&hlc, e);                   /* restart resumes after the last */
  g_assert_cmpint (comptoir_hlc_now_at (&hlc, 10), >, e);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/uuid7/format", test_uuid7_format);
  g_test_add_func ("/comptoir/core/uuid7/monotonic", test_uuid7_monotonic);
  g_test_add_func ("/comptoir/core/hlc/rules", test_hlc);
  return g_test_run ();
}
