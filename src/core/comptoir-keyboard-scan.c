/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-keyboard-scan"

#include "config.h"

#include <linux/input-event-codes.h>

#include "comptoir-keyboard-scan.h"

#define GROUP_SEPARATOR 0x1d
/* A code longer than any GS1 element string is not a scan. */
#define MAX_CODE 128

struct _ComptoirKeyboardScan
{
  GString *code;
  gint64   last_time_us;
  gboolean broken;  /* a slow or foreign key: typing until the next Enter */
};

typedef struct {
  guint16 code;
  char    plain;
  char    shifted;
} KeyChar;

/* The US layout, as scanners assume it. */
static const KeyChar us_keys[] = {
  { KEY_1, '1', '1' }, { KEY_2, '2', '2' }, { KEY_3, '3', '3' }, { KEY_4, '4', '4' },
  { KEY_5, '5', '5' }, { KEY_6, '6', '6' }, { KEY_7, '7', '7' }, { KEY_8, '8', '8' },
  { KEY_9, '9', '9' }, { KEY_0, '0', '0' },
  { KEY_KP1, '1', '1' }, { KEY_KP2, '2', '2' }, { KEY_KP3, '3', '3' }, { KEY_KP4, '4', '4' },
  { KEY_KP5, '5', '5' }, { KEY_KP6, '6', '6' }, { KEY_KP7, '7', '7' }, { KEY_KP8, '8', '8' },
  { KEY_KP9, '9', '9' }, { KEY_KP0, '0', '0' },
  { KEY_KPMINUS, '-', '-' }, { KEY_KPPLUS, '+', '+' }, { KEY_KPDOT, '.', '.' },
  { KEY_KPASTERISK, '*', '*' }, { KEY_KPSLASH, '/', '/' },
  { KEY_Q, 'q', 'Q' }, { KEY_W, 'w', 'W' }, { KEY_E, 'e', 'E' }, { KEY_R, 'r', 'R' },
  { KEY_T, 't', 'T' }, { KEY_Y, 'y', 'Y' }, { KEY_U, 'u', 'U' }, { KEY_I, 'i', 'I' },
  { KEY_O, 'o', 'O' }, { KEY_P, 'p', 'P' }, { KEY_A, 'a', 'A' }, { KEY_S, 's', 'S' },
  { KEY_D, 'd', 'D' }, { KEY_F, 'f', 'F' }, { KEY_G, 'g', 'G' }, { KEY_H, 'h', 'H' },
  { KEY_J, 'j', 'J' }, { KEY_K, 'k', 'K' }, { KEY_L, 'l', 'L' }, { KEY_Z, 'z', 'Z' },
  { KEY_X, 'x', 'X' }, { KEY_C, 'c', 'C' }, { KEY_V, 'v', 'V' }, { KEY_B, 'b', 'B' },
  { KEY_N, 'n', 'N' }, { KEY_M, 'm', 'M' },
  { KEY_MINUS, '-', '_' }, { KEY_EQUAL, '=', '+' }, { KEY_LEFTBRACE, '[', '{' },
  { KEY_RIGHTBRACE, ']', '}' }, { KEY_SEMICOLON, ';', ':' }, { KEY_APOSTROPHE, '\'', '"' },
  { KEY_GRAVE, '`', '~' }, { KEY_BACKSLASH, '\\', '|' }, { KEY_COMMA, ',', '<' },
  { KEY_DOT, '.', '>' }, { KEY_SLASH, '/', '?' }, { KEY_SPACE, ' ', ' ' },
};

gunichar
comptoir_keyboard_scan_decode (guint                evdev_code,
                               ComptoirKeyModifiers modifiers)
{
  /* Scanners send the GS1 group separator as Ctrl+] (ASCII 0x1D is
   * "control ]" on a terminal) or as F8, depending on their setup. */
  if ((evdev_code == KEY_RIGHTBRACE && (modifiers & COMPTOIR_KEY_CONTROL)) || evdev_code == KEY_F8)
    return GROUP_SEPARATOR;
  if (modifiers & COMPTOIR_KEY_CONTROL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (us_keys); i++)
    if (us_keys[i].code == evdev_code)
      return (modifiers & COMPTOIR_KEY_SHIFT) ? us_keys[i].shifted : us_keys[i].plain;
  return 0;
}

static gboolean
is_modifier_key (guint evdev_code)
{
  switch (evdev_code)
    {
    case KEY_LEFTSHIFT:
    case KEY_RIGHTSHIFT:
    case KEY_LEFTCTRL:
    case KEY_RIGHTCTRL:
    case KEY_LEFTALT:
    case KEY_RIGHTALT:
    case KEY_CAPSLOCK:
    case KEY_NUMLOCK:
      return TRUE;
    default:
      return FALSE;
    }
}

ComptoirKeyboardScan *
comptoir_keyboard_scan_new (void)
{
  ComptoirKeyboardScan *self = g_new0 (ComptoirKeyboardScan, 1);

  self->code = g_string_new (NULL);
  return self;
}

void
comptoir_keyboard_scan_free (ComptoirKeyboardScan *self)
{
  if (self == NULL)
    return;
  g_string_free (self->code, TRUE);
  g_free (self);
}

void
comptoir_keyboard_scan_reset (ComptoirKeyboardScan *self)
{
  g_string_truncate (self->code, 0);
  self->broken = FALSE;
  self->last_time_us = 0;
}

ComptoirKeyResult
comptoir_keyboard_scan_feed (ComptoirKeyboardScan *self,
                             guint                 evdev_code,
                             ComptoirKeyModifiers  modifiers,
                             gint64                time_us,
                             char                **out_code)
{
  gboolean in_time;
  gunichar c;

  g_return_val_if_fail (self != NULL, COMPTOIR_KEY_TYPING);

  /* Shift and Control come as presses of their own: they carry no
   * character and do not start or stop a burst. */
  if (is_modifier_key (evdev_code))
    return self->broken ? COMPTOIR_KEY_TYPING : COMPTOIR_KEY_PENDING;

  in_time = self->code->len > 0 && time_us - self->last_time_us <= COMPTOIR_KEYBOARD_SCAN_MAX_GAP_US;
  self->last_time_us = time_us;

  if (evdev_code == KEY_ENTER || evdev_code == KEY_KPENTER)
    {
      gboolean burst = !self->broken && in_time &&
                       g_utf8_strlen (self->code->str, -1) >= COMPTOIR_KEYBOARD_SCAN_MIN_LENGTH;

      if (burst && out_code != NULL)
        *out_code = g_strdup (self->code->str);
      comptoir_keyboard_scan_reset (self);
      return burst ? COMPTOIR_KEY_BURST_END : COMPTOIR_KEY_TYPING;
    }

  c = comptoir_keyboard_scan_decode (evdev_code, modifiers);

  /* A slow key starts over: what came before was typed by hand, and a
   * scan may begin right now (a person types "3", then scans). */
  if (self->code->len > 0 && !in_time)
    {
      g_string_truncate (self->code, 0);
      self->broken = FALSE;
    }
  if (c == 0 || self->code->len >= MAX_CODE)
    {
      self->broken = TRUE;
      return COMPTOIR_KEY_TYPING;
    }
  if (self->broken)
    return COMPTOIR_KEY_TYPING;

  g_string_append_unichar (self->code, c);
  return COMPTOIR_KEY_PENDING;
}
