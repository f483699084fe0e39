/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <linux/input-event-codes.h>

#include "comptoir-core.h"

/* Evdev codes of the US number row, 0 to 9. */
static const guint digit_keys[10] = { KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9 };

/* Types `code` as a scanner would, one key every `gap_us`, then Enter;
 * returns what the reader made of the Enter. */
static ComptoirKeyResult
type_code (ComptoirKeyboardScan  *scan,
           const char            *code,
           ComptoirKeyModifiers   modifiers,
           gint64                 start_us,
           gint64                 gap_us,
           char                 **out_code)
{
  gint64 t = start_us;

  for (const char *p = code; *p != '\0'; p++, t += gap_us)
    {
      ComptoirKeyResult result;

      if (g_ascii_isdigit (*p))
        result = comptoir_keyboard_scan_feed (scan, digit_keys[*p - '0'], modifiers, t, NULL);
      else if (*p == 0x1d)
        result = comptoir_keyboard_scan_feed (scan, KEY_RIGHTBRACE, COMPTOIR_KEY_CONTROL, t, NULL);
      else if (*p == ']')
        result = comptoir_keyboard_scan_feed (scan, KEY_RIGHTBRACE, 0, t, NULL);
      else if (*p == 'C')
        result = comptoir_keyboard_scan_feed (scan, KEY_C, COMPTOIR_KEY_SHIFT, t, NULL);
      else
        g_assert_not_reached ();
      if (gap_us <= COMPTOIR_KEYBOARD_SCAN_MAX_GAP_US)
        g_assert_cmpint (result, ==, COMPTOIR_KEY_PENDING);
    }
  return comptoir_keyboard_scan_feed (scan, KEY_ENTER, 0, t, out_code);
}

static void
test_burst (void)
{
  g_autoptr (ComptoirKeyboardScan) scan = comptoir_keyboard_scan_new ();
  g_autofree char *code = NULL;
  g_autofree char *shifted = NULL;
  g_autofree char *gs1 = NULL;

  /* What a US-layout scanner sends, whatever the till's layout. */
  g_assert_cmpint (type_code (scan, "3017620422003", 0, 1000000, 4000, &code), ==, COMPTOIR_KEY_BURST_END);
  g_assert_cmpstr (code, ==, "3017620422003");

  /* A scanner set up for AZERTY holds Shift for each digit. */
  g_assert_cmpint (type_code (scan, "2101234003506", COMPTOIR_KEY_SHIFT, 2000000, 4000, &shifted), ==, COMPTOIR_KEY_BURST_END);
  g_assert_cmpstr (shifted, ==, "2101234003506");

  /* GS1-128 with its AIM identifier and a group separator. */
  g_assert_cmpint (type_code (scan, "]C1100123\x1d" "3103000350", 0, 3000000, 2000, &gs1), ==, COMPTOIR_KEY_BURST_END);
  g_assert_cmpstr (gs1, ==, "]C1100123\x1d" "3103000350");
}

static void
test_typing (void)
{
  g_autoptr (ComptoirKeyboardScan) scan = comptoir_keyboard_scan_new ();
  g_autofree char *code = NULL;
  g_autofree char *after = NULL;
  gint64 t = 5000000;

  /* A person typing a code digit by digit, 120 ms apart. */
  g_assert_cmpint (type_code (scan, "3017620422003", 0, t, 120000, &code), ==, COMPTOIR_KEY_TYPING);
  g_assert_null (code);

  /* Too short to be a code, even fast. */
  g_assert_cmpint (type_code (scan, "12", 0, t + 2000000, 3000, &code), ==, COMPTOIR_KEY_TYPING);
  g_assert_null (code);

  /* One slow gap inside breaks the burst: the Enter after it is typing. */
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_3, 0, t + 3000000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_0, 0, t + 3004000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_1, 0, t + 3008000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_7, 0, t + 3012000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_ENTER, 0, t + 3500000, &code), ==, COMPTOIR_KEY_TYPING);
  g_assert_null (code);

  /* A key that types nothing a scanner sends (Escape) breaks it too. */
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_3, 0, t + 4000000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_ESC, 0, t + 4001000, NULL), ==, COMPTOIR_KEY_TYPING);
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_0, 0, t + 4002000, NULL), ==, COMPTOIR_KEY_TYPING);

  /* A person types "3", waits, then scans: the scan stands on its own. */
  /* (a lone key may start a burst as far as the reader can tell) */
  g_assert_cmpint (comptoir_keyboard_scan_feed (scan, KEY_3, 0, t + 6000000, NULL), ==, COMPTOIR_KEY_PENDING);
  g_assert_cmpint (type_code (scan, "3017620422003", 0, t + 7000000, 4000, &after), ==, COMPTOIR_KEY_BURST_END);
  g_assert_cmpstr (after, ==, "3017620422003");
}

static void
test_decode (void)
{
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_Q, 0), ==, 'q');
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_A, COMPTOIR_KEY_SHIFT), ==, 'A');
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_KP7, 0), ==, '7');
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_MINUS, COMPTOIR_KEY_SHIFT), ==, '_');
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_F8, 0), ==, 0x1d);
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_C, COMPTOIR_KEY_CONTROL), ==, 0);
  g_assert_cmpint (comptoir_keyboard_scan_decode (KEY_F1, 0), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/keyboard-scan/burst", test_burst);
  g_test_add_func ("/comptoir/core/keyboard-scan/typing", test_typing);
  g_test_add_func ("/comptoir/core/keyboard-scan/decode", test_decode);
  return g_test_run ();
}
