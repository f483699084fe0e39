/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COMPTOIR_BARCODE_INVALID,
  COMPTOIR_BARCODE_EAN8,
  COMPTOIR_BARCODE_UPCA,
  COMPTOIR_BARCODE_EAN13,
} ComptoirBarcodeKind;

int                 comptoir_gtin_check_digit (const char *digits,
                                               gsize       len);
ComptoirBarcodeKind comptoir_barcode_classify (const char *text);
char               *comptoir_barcode_normalize (const char *text,
                                                GError    **error);

G_END_DECLS
