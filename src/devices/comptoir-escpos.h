/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* ESC/POS, the command language of receipt printers (Epson and the many
 * printers that copy it): text in code page 858 (the Western European
 * page with €), bold and double size, the printer's own CODE 128 barcode,
 * feed and cut; and the pulse that opens a cash drawer wired to the
 * printer. Pure functions: the bytes go to a ComptoirPrinter. */

/* The bytes of the rows of a receipt or document, from the printer's
 * reset to the cut. */
GBytes *comptoir_escpos_encode_rows     (GPtrArray             *rows,
                                         guint                  columns);
GBytes *comptoir_escpos_encode_receipt  (const ComptoirReceipt *receipt,
                                         guint                  columns);
/* A plain text document (the Z report…) wrapped to the paper. */
GBytes *comptoir_escpos_encode_document (const char            *text,
                                         guint                  columns);
/* Opens the drawer on connector pin 2, as most drawers are wired. */
GBytes *comptoir_escpos_drawer_pulse    (void);

/* UTF-8 to code page 858: characters the page lacks become their
 * nearest ASCII ("œ" → "oe", "—" → "-", "Ÿ" → "Y") or "?". Control
 * characters pass through: callers give text, not commands. */
GBytes *comptoir_escpos_to_cp858        (const char            *text);

G_END_DECLS
