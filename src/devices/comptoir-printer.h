/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "comptoir-device-error.h"

G_BEGIN_DECLS

/* Where receipt printer bytes go: a device node the kernel's printer
 * driver made (/dev/usb/lp0), or the printer itself over USB through
 * libusb, which detaches the kernel driver while Comptoir holds the
 * printer and gives it back afterwards. Writes are blocking: call them
 * from a worker thread in the UI. */
#define COMPTOIR_TYPE_PRINTER (comptoir_printer_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirPrinter, comptoir_printer, COMPTOIR, PRINTER, GObject)

ComptoirPrinter *comptoir_printer_open_device     (const char       *path,
                                                   GError          **error);
/* vendor_id 0: the first device with a USB printer-class interface;
 * product_id 0: any product of that vendor. */
ComptoirPrinter *comptoir_printer_open_usb        (guint16           vendor_id,
                                                   guint16           product_id,
                                                   GError          **error);
/* Sends everything or fails saying what to check. */
gboolean         comptoir_printer_write           (ComptoirPrinter  *self,
                                                   GBytes           *bytes,
                                                   GError          **error);
/* Gives the printer back (to the kernel driver, for USB); also done when
 * the last reference goes. Idempotent. */
void             comptoir_printer_close           (ComptoirPrinter  *self);
/* For messages: "/dev/usb/lp0", "USB 04b8:0e15 (bus 1, device 2)". */
const char      *comptoir_printer_get_description (ComptoirPrinter  *self);

/* "04b8:0e15" or "04b8" (any product of the vendor), hexadecimal. */
gboolean         comptoir_usb_id_parse            (const char       *text,
                                                   guint16          *out_vendor_id,
                                                   guint16          *out_product_id);

G_END_DECLS
