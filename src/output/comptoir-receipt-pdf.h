/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "comptoir-core.h"
#include "comptoir-output-error.h"

G_BEGIN_DECLS

/* A receipt (or a Z report) as the paper would show it, for a till with
 * no printer, an e-mailed receipt or an on-screen preview: the rows of
 * comptoir_receipt_layout() in a monospace font on a page as wide as the
 * paper roll (80 mm for 48 columns, 58 mm for 32), the shop name and the
 * total in large type, the ticket barcode drawn by zint. Sizes are in
 * points (1/72 inch). */

double   comptoir_receipt_page_width  (guint         columns);
double   comptoir_receipt_page_height (GPtrArray    *rows,
                                       guint         columns);
/* Draws on cr from (0, 0), one page wide and tall. */
gboolean comptoir_receipt_draw        (cairo_t      *cr,
                                       GPtrArray    *rows,
                                       guint         columns,
                                       GError      **error);

gboolean comptoir_receipt_pdf_write_rows (GPtrArray             *rows,
                                          guint                  columns,
                                          const char            *path,
                                          GError               **error);
gboolean comptoir_receipt_pdf_write      (const ComptoirReceipt *receipt,
                                          guint                  columns,
                                          const char            *path,
                                          GError               **error);
/* An image for a preview at dpi dots per inch (96 for a screen). */
gboolean comptoir_receipt_png_write      (GPtrArray             *rows,
                                          guint                  columns,
                                          double                 dpi,
                                          const char            *path,
                                          GError               **error);

G_END_DECLS
