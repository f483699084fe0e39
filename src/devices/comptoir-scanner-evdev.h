/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "comptoir-device-error.h"

G_BEGIN_DECLS

/* A barcode scanner read as its own input device
 * (/dev/input/by-id/usb-…-event-kbd) rather than through the desktop's
 * keyboard. The device is grabbed, so its key presses reach neither the
 * desktop nor the focused field; they are decoded as a US keyboard means
 * them, and every Enter completes a code. A code whose keys were lost,
 * were not typable, or stopped for more than a second is dropped: the
 * cashier scans again.
 *
 * Signals are emitted from the thread-default main context of the
 * thread that opened the device:
 *   "code" (const char *code): a complete code, GS1 group separators
 *     included as 0x1D;
 *   "disconnected" (const GError *error): the device went away or failed
 *     (COMPTOIR_DEVICE_ERROR_DISCONNECTED when unplugged); nothing is
 *     read from it any more. */
#define COMPTOIR_TYPE_SCANNER_EVDEV (comptoir_scanner_evdev_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirScannerEvdev, comptoir_scanner_evdev, COMPTOIR, SCANNER_EVDEV, GObject)

/* Opens and grabs the evdev node at path; the grab and the device are
 * released when the last reference goes. */
ComptoirScannerEvdev *comptoir_scanner_evdev_open     (const char            *path,
                                                       GError               **error);
const char           *comptoir_scanner_evdev_get_path (ComptoirScannerEvdev  *self);

G_END_DECLS
