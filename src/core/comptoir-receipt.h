/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-money.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* The customer's receipt of a committed ticket, as French shops print
 * it: the shop's identity, date, ticket number and till, the lines, the
 * VAT by rate, the payments and change, and a barcode of the ticket for
 * refunds. Loading it reads only committed facts and settings; laying it
 * out gives rows that the text, ESC/POS and PDF renderers all draw, so
 * every output says the same thing. */

typedef struct {
  char         *label;
  gint64        quantity_milli;
  ComptoirUnit  unit;             /* of the product; a free line is a piece */
  gint64        unit_price_cents;
  gint          vat_bp;
  gint64        total_cents;
} ComptoirReceiptItem;

typedef struct {
  char   *method;                 /* "cash", "card"… as stored */
  gint64  amount_cents;
} ComptoirReceiptPayment;

typedef struct {
  char                 *ticket_id;
  gint64                number;
  char                 *till_code;
  char                 *closed_at;          /* ISO 8601 UTC, as stored */
  char                 *cashier;            /* NULL when none was recorded */
  gboolean              training;
  gboolean              refund;
  gint64                refund_of_number;   /* 0 unless a refund */
  char                 *refund_of_till;

  char                 *shop_name;
  char                 *shop_address;       /* lines separated by '\n' */
  char                 *shop_siret;
  char                 *shop_vat_number;
  char                 *footer;
  char                 *local_currency;     /* name of the local currency, may be empty */

  GArray               *items;              /* ComptoirReceiptItem */
  GArray               *payments;           /* ComptoirReceiptPayment */
  ComptoirVatBreakdown  vat;
  gint64                total_cents;
  gint64                change_cents;

  char                 *barcode;            /* data of the ticket barcode, NULL if none */
  guint                 copy;               /* 1 for the original, 2 for the first duplicate… */
} ComptoirReceipt;

typedef enum {
  COMPTOIR_RECEIPT_STYLE_NORMAL,
  /* Shop name: double width and height, centred; the text is at most
   * columns / 2 characters, not padded. */
  COMPTOIR_RECEIPT_STYLE_TITLE,
  /* Bold: duplicate, refund and training notices. */
  COMPTOIR_RECEIPT_STYLE_BOLD,
  /* The amount due: bold, double height. */
  COMPTOIR_RECEIPT_STYLE_TOTAL,
  /* The text is the barcode's data, drawn as a CODE 128 barcode with the
   * data readable under it, centred. */
  COMPTOIR_RECEIPT_STYLE_BARCODE,
} ComptoirReceiptStyle;

/* One printed line. Except for titles and barcodes the text is laid out
 * already: at most the receipt's width in characters, aligned with
 * spaces, no control character. */
typedef struct {
  ComptoirReceiptStyle  style;
  char                 *text;
} ComptoirReceiptRow;

#define COMPTOIR_RECEIPT_COLUMNS_80MM 48
#define COMPTOIR_RECEIPT_COLUMNS_58MM 32

ComptoirReceipt *comptoir_receipt_load            (ComptoirDb       *db,
                                                   const char       *ticket_id,
                                                   GError          **error);
ComptoirReceipt *comptoir_receipt_load_by_number  (ComptoirDb       *db,
                                                   const char       *till_code,
                                                   gint64            number,
                                                   GError          **error);
void             comptoir_receipt_free            (ComptoirReceipt  *receipt);

/* Records that receipt->copy was printed (a fact that replicates) and
 * moves the receipt on to the next copy, so the next print of the same
 * ticket is the next duplicate. Call it once the printer took the
 * receipt: a jammed first print must not turn the customer's only
 * receipt into a duplicate. A copy shown on screen is not a print. */
gboolean         comptoir_receipt_record_print    (ComptoirReceipt  *receipt,
                                                   ComptoirDb       *db,
                                                   GError          **error);

/* The id of the ticket whose receipt barcode was scanned, for refunds. */
char            *comptoir_receipt_lookup_barcode  (ComptoirDb       *db,
                                                   const char       *data,
                                                   GError          **error);

/* Rows of ComptoirReceiptRow for a printer of that many columns (32 to
 * 80; 48 on 80 mm paper, 32 on 58 mm). */
GPtrArray       *comptoir_receipt_layout          (const ComptoirReceipt *receipt,
                                                   guint                  columns);
/* Rows for a plain text document such as a Z report: each line cut to
 * the width at a space where it can, continued on the next row. */
GPtrArray       *comptoir_receipt_layout_document (const char       *text,
                                                   guint             columns);
/* Monospace text of rows: titles and barcodes centred. */
char            *comptoir_receipt_rows_to_text    (GPtrArray        *rows,
                                                   guint             columns);
char            *comptoir_receipt_format_text     (const ComptoirReceipt *receipt,
                                                   guint                  columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirReceipt, comptoir_receipt_free)

G_END_DECLS
