/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-printer.h"

G_BEGIN_DECLS

/* The USB transport, in its own file; the printer object holds it. */
typedef struct _ComptoirUsbPrinter ComptoirUsbPrinter;

ComptoirUsbPrinter *_comptoir_usb_printer_open     (guint16              vendor_id,
                                                    guint16              product_id,
                                                    char               **out_description,
                                                    GError             **error);
gboolean            _comptoir_usb_printer_write    (ComptoirUsbPrinter  *usb,
                                                    const guint8        *data,
                                                    gsize                length,
                                                    const char          *description,
                                                    GError             **error);
void                _comptoir_usb_printer_close    (ComptoirUsbPrinter  *usb);

G_END_DECLS
