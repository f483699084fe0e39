/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A keyboard-wedge barcode scanner types its code as a burst of key
 * presses a few milliseconds apart, ended by Enter. The presses are those
 * of a US keyboard whatever layout the till uses: on a French AZERTY
 * layout the digits of "3017620422003" arrive as "\"&à&…". This reader
 * therefore works from hardware key codes (Linux evdev numbering, as
 * GDK's hardware keycode minus 8 and as an evdev device reports them),
 * and tells a burst from a person typing by the gaps between presses. */
typedef struct _ComptoirKeyboardScan ComptoirKeyboardScan;

typedef enum {
  COMPTOIR_KEY_SHIFT = 1 << 0,
  COMPTOIR_KEY_CONTROL = 1 << 1,
} ComptoirKeyModifiers;

typedef enum {
  COMPTOIR_KEY_PENDING,   /* part of what may be a burst; keep listening */
  COMPTOIR_KEY_TYPING,    /* too slow or not a code key: a person typing */
  COMPTOIR_KEY_BURST_END, /* Enter ending a burst: the code is ready */
} ComptoirKeyResult;

/* Gaps up to this long keep a burst going: scanners send a key every
 * 1–20 ms; a person's fastest runs are over 50 ms apart. */
#define COMPTOIR_KEYBOARD_SCAN_MAX_GAP_US 35000
/* Shorter bursts are keyboard chords or auto-repeat, not codes. */
#define COMPTOIR_KEYBOARD_SCAN_MIN_LENGTH 4

ComptoirKeyboardScan *comptoir_keyboard_scan_new   (void);
void                  comptoir_keyboard_scan_free  (ComptoirKeyboardScan *self);
void                  comptoir_keyboard_scan_reset (ComptoirKeyboardScan *self);
/* One key press. On COMPTOIR_KEY_BURST_END, *out_code receives the code
 * (GS1 group separators included as 0x1D) and the reader starts afresh. */
ComptoirKeyResult     comptoir_keyboard_scan_feed  (ComptoirKeyboardScan *self,
                                                    guint                 evdev_code,
                                                    ComptoirKeyModifiers  modifiers,
                                                    gint64                time_us,
                                                    char                **out_code);
/* The character a US keyboard gives for this key, or 0 for keys that
 * type none. Digits come out as digits shifted or not, so a scanner set
 * up for AZERTY (which holds Shift for digits) reads the same. */
gunichar              comptoir_keyboard_scan_decode (guint                evdev_code,
                                                     ComptoirKeyModifiers modifiers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirKeyboardScan, comptoir_keyboard_scan_free)

G_END_DECLS
