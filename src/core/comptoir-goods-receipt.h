/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* Goods received by scanning, against a purchase order or not.
 *
 * A receipt is reference data (its status); its lines are what the order
 * expected, or what turned up; what was received is only the sum of the
 * scan facts, so two receivers on two machines add up and a paused
 * receipt resumes on any machine (the state is nothing but the facts).
 *
 * How a code is read, in this order:
 *   1. a GS1 element string (GS1-128, DataMatrix, "(01)…"): its GTIN (AI 01)
 *      goes through 2 and 3; its lot (AI 10), best-before (AI 15) and use-by
 *      (AI 17) dates are recorded with the scan; its net weight (AI 310n)
 *      is the quantity of a weighed product;
 *   2. one of our products' barcodes: ONE UNIT of that product (a piece,
 *      or, for goods sold by weight or volume, a weight to give);
 *   3. the receipt's supplier's barcode for one of its catalogue items:
 *      ONE CASE when the item's pack is more than one unit (pack_milli >
 *      1000), else one unit. That is how a case barcode is told from a
 *      unit barcode: the unit's is ours (what the till sells), the case's
 *      only the supplier knows. A code that is both is a unit;
 *   4. the supplier's reference (typed from the delivery note): one case
 *      or one unit by the same rule;
 *   5. our internal product code (typed): one unit.
 * The line is then the receipt's line of that supplier item, else of that
 * product; a product not on the order gets a new line, marked unexpected.
 * A supplier's item not linked to our catalogue whose barcode is one of
 * our products' is linked to it by the scan (the scan proves it).
 * A code that leads to none of our products is NOT_FOUND and counts
 * nothing: link it to a product (comptoir_goods_receipt_link_barcode) or
 * create the product (…_create_product), which then counts the scan.
 *
 * Quantities are milli-units of the product's unit (1000 a piece, grams
 * for goods sold by the kg); money is cents excluding VAT per unit (per
 * kg, per litre), as suppliers bill. */

typedef enum {
  COMPTOIR_RECEIPT_OPEN,
  COMPTOIR_RECEIPT_VALIDATED,
  COMPTOIR_RECEIPT_CANCELLED,
} ComptoirReceiptStatus;

typedef enum {
  COMPTOIR_RECEIPT_LINE_WAITING,     /* ordered, nothing received yet */
  COMPTOIR_RECEIPT_LINE_SHORT,       /* less than ordered */
  COMPTOIR_RECEIPT_LINE_COMPLETE,    /* exactly what was ordered */
  COMPTOIR_RECEIPT_LINE_OVER,        /* more than ordered */
  COMPTOIR_RECEIPT_LINE_UNEXPECTED,  /* not on the order */
  COMPTOIR_RECEIPT_LINE_NO_ORDER,    /* a receipt without an order expects nothing */
} ComptoirReceiptLineState;

/* What the line's scans say of one lot (lot and dates as labelled). */
typedef struct {
  char   *lot;             /* NULL: no lot on the label */
  GDate   best_before;     /* invalid when absent */
  GDate   use_by;          /* invalid when absent */
  gint64  quantity_milli;
  gint64  damaged_milli;
} ComptoirReceiptLot;

typedef struct {
  char                    *id;
  char                    *product_id;           /* NULL: not linked to our catalogue yet */
  char                    *supplier_product_id;  /* or NULL */
  char                    *supplier_ref;         /* or NULL */
  char                    *label;
  char                    *barcode;              /* the supplier's, or NULL */
  ComptoirUnit             unit;
  gint64                   expected_milli;
  gint64                   pack_milli;           /* units in a case times 1000 */
  gint64                   price_cents;          /* per unit, as ordered; -1: none */
  gint64                   note_price_cents;     /* on the delivery note; -1: as ordered */
  gboolean                 unexpected;
  gint64                   received_milli;       /* sum of the scans, damaged ones included */
  gint64                   damaged_milli;
  guint                    n_scans;
  ComptoirReceiptLineState state;
  GArray                  *lots;                 /* ComptoirReceiptLot; load only, else NULL */
} ComptoirReceiptLine;

typedef enum {
  COMPTOIR_RECEIPT_SCAN_COUNTED,       /* one scan fact written */
  COMPTOIR_RECEIPT_SCAN_FOUND,         /* comptoir_goods_receipt_find: nothing counted */
  COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT,  /* goods sold by weight, no weight on the code: nothing
                                        * counted; ask for it and call …_count with line.id */
  COMPTOIR_RECEIPT_SCAN_NOT_FOUND,     /* no product of ours: nothing written; link or create */
} ComptoirReceiptScanStatus;

/* Everything the receiving screen shows after a scan. The calls below
 * fill it from scratch: clear it (g_auto) before filling it again. */
typedef struct {
  ComptoirReceiptScanStatus status;
  ComptoirReceiptLine       line;         /* the line after the scan; empty for NOT_FOUND */
  char                     *scan_id;      /* COUNTED: the fact written, to undo it */
  gint64                    counted_milli;/* COUNTED: what it added (a case: pack_milli) */
  gboolean                  is_case;      /* the code is a case's */
  gboolean                  new_line;     /* the scan added the line */
  gboolean                  completes;    /* it brought the line to exactly what was ordered */
  gboolean                  exceeds;      /* the line now has more than was ordered */
  char                     *lot;          /* read from the code (AI 10), or NULL */
  GDate                     best_before;  /* AI 15, invalid when absent */
  GDate                     use_by;       /* AI 17, invalid when absent */
  char                     *code;         /* what a link would record: the GTIN of a GS1 code */
  char                     *message;      /* one translated sentence for the screen */
  /* NOT_FOUND of an item the supplier's catalogue knows: to fill the form
   * that creates the product (else NULL, -1). */
  char                     *supplier_product_id;
  char                     *suggested_name;
  gint64                    suggested_price_cents;
  gint64                    suggested_pack_milli;
} ComptoirReceiptScanResult;

typedef struct {
  char                 *id;
  char                 *supplier_id;
  char                 *supplier_name;
  char                 *order_id;      /* or NULL */
  char                 *order_number;  /* or NULL */
  char                 *started_at;
  char                 *validated_at;  /* or NULL */
  ComptoirReceiptStatus status;
  char                 *note;
  GArray               *lines;         /* ComptoirReceiptLine, ordered lines first, in order */
} ComptoirGoodsReceipt;

/* An open receipt, to resume it. */
typedef struct {
  char   *id;
  char   *supplier_name;
  char   *order_number;    /* or NULL */
  char   *started_at;
  guint   n_lines;
  guint   n_lines_received;  /* lines with something received */
  gint64  n_scans;
  char   *last_scan_at;    /* or NULL */
} ComptoirReceiptSummary;

typedef enum {
  COMPTOIR_RECEIPT_MISSING,
  COMPTOIR_RECEIPT_EXTRA,
  COMPTOIR_RECEIPT_UNEXPECTED,
  COMPTOIR_RECEIPT_DAMAGED,
  COMPTOIR_RECEIPT_PRICE,
} ComptoirReceiptDiscrepancyKind;

typedef struct {
  ComptoirReceiptDiscrepancyKind kind;
  char        *line_id;
  char        *product_id;
  char        *label;
  ComptoirUnit unit;
  gint64       pack_milli;
  gint64       expected_milli;   /* MISSING, EXTRA, UNEXPECTED (0); else -1 */
  gint64       received_milli;   /* MISSING, EXTRA, UNEXPECTED, DAMAGED (the damaged quantity) */
  gint64       expected_cents;   /* PRICE: as ordered; else -1 */
  gint64       actual_cents;     /* PRICE: on the delivery note; else -1 */
  char        *message;          /* translated, for the list and the claim */
} ComptoirReceiptDiscrepancy;

/* What …_create_product makes of an unknown code. */
typedef struct {
  const char  *name;
  const char  *code;                 /* our internal code; NULL: the barcode */
  ComptoirUnit unit;
  gint64       price_cents;          /* sale price, VAT included */
  int          vat_bp;
  const char  *category_id;          /* or NULL */
  gint64       purchase_price_cents; /* per unit excluding VAT; -1: unknown */
  gint64       pack_milli;           /* 0 or 1000: the code is a unit's */
} ComptoirReceiptNewProduct;

/* Starts a receipt of supplier_id's goods, against order_id (its lines
 * copied: expected quantity, pack size, price) or none (NULL). An order
 * that already has an open receipt resumes it (*out_resumed TRUE): one
 * delivery, one receipt, whichever machine started it. Returns its id. */
char      *comptoir_goods_receipt_start       (ComptoirDb                 *db,
                                               const char                 *supplier_id,
                                               const char                 *order_id,
                                               gboolean                   *out_resumed,
                                               GError                    **error);

/* Reads code (see above) and counts one unit or one case on its line. */
gboolean   comptoir_goods_receipt_scan        (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               const char                 *code,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);
/* The same reading, the line found (or added) but nothing counted:
 * status FOUND, NEEDS_WEIGHT or NOT_FOUND; for typed counts. */
gboolean   comptoir_goods_receipt_find        (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               const char                 *code,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);
/* A typed count on a line: quantity_milli of the product's unit (a
 * weight for goods sold by weight), negative to take some back (never
 * below nothing received); lot and dates as labelled (NULL or invalid:
 * none); damaged: received but unfit to sell. */
gboolean   comptoir_goods_receipt_count       (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               const char                 *line_id,
                                               gint64                      quantity_milli,
                                               const char                 *lot,
                                               const GDate                *best_before,
                                               const GDate                *use_by,
                                               gboolean                    damaged,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);
/* Takes a scan back with a negative one, once. */
gboolean   comptoir_goods_receipt_undo        (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               const char                 *scan_id,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);

/* An unknown code is our product_id's from now on, and the scan counts.
 * pack_milli 0: as the supplier's catalogue says, else a unit. A unit's
 * code (pack_milli 1000, 8 to 13 digits) becomes one of the product's
 * barcodes, so the till sells it too; a case's goes into the supplier's
 * catalogue for the product, never into ours (the till would sell a case
 * at the price of a unit): as its barcode when it is an EAN, else (a
 * GTIN-14, an internal code) as a reference of theirs. A code the
 * supplier's catalogue knows links that catalogue item (and its lines on
 * this receipt). */
gboolean   comptoir_goods_receipt_link_barcode (ComptoirDb                *db,
                                               const char                 *receipt_id,
                                               const char                 *code,
                                               const char                 *product_id,
                                               gint64                      pack_milli,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);
/* Creates the product of an unknown code on the spot, then as above. */
gboolean   comptoir_goods_receipt_create_product (ComptoirDb              *db,
                                               const char                 *receipt_id,
                                               const char                 *code,
                                               const ComptoirReceiptNewProduct *product,
                                               ComptoirReceiptScanResult  *out,
                                               GError                    **error);
/* Links a line (an order line of a catalogue item not linked yet) to our
 * product, and the supplier's item with it. */
gboolean   comptoir_goods_receipt_link_line   (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               const char                 *line_id,
                                               const char                 *product_id,
                                               GError                    **error);
/* The delivery note's price per unit for the line (-1: as ordered). */
gboolean   comptoir_goods_receipt_set_note_price (ComptoirDb              *db,
                                               const char                 *receipt_id,
                                               const char                 *line_id,
                                               gint64                      price_cents,
                                               GError                    **error);

/* The whole receipt: its lines with what was received, lots and dates. */
gboolean   comptoir_goods_receipt_load        (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               ComptoirGoodsReceipt       *out,
                                               GError                    **error);
/* Open receipts, oldest first. (element-type ComptoirReceiptSummary) */
GPtrArray *comptoir_goods_receipt_list_open   (ComptoirDb                 *db,
                                               GError                    **error);

/* What validation would find. (element-type ComptoirReceiptDiscrepancy) */
GPtrArray *comptoir_goods_receipt_discrepancies_preview (ComptoirDb        *db,
                                               const char                 *receipt_id,
                                               GError                    **error);
/* In one transaction: the stock movements (reason "receipt", unit cost
 * the note's price, else the order's; damaged goods stay out of stock),
 * the discrepancy facts, the receipt validated, and its order marked
 * received when anything of it was received (a short delivery too: what
 * is missing is in the discrepancies, for the claim, and a new order
 * asks for it again). Refused, writing nothing, while something received
 * is on a line not linked to a product. Returns what was found. */
GPtrArray *comptoir_goods_receipt_validate    (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               GError                    **error);
/* Abandons an open receipt: its scans stay (facts), nothing is stocked. */
gboolean   comptoir_goods_receipt_cancel      (ComptoirDb                 *db,
                                               const char                 *receipt_id,
                                               GError                    **error);

/* "14", "14 (2 cases + 2)", "2.500 kg": how a line's count reads. */
char      *comptoir_goods_receipt_format_quantity (ComptoirUnit            unit,
                                               gint64                      pack_milli,
                                               gint64                      quantity_milli);

void       comptoir_receipt_line_clear        (ComptoirReceiptLine        *line);
void       comptoir_receipt_scan_result_clear (ComptoirReceiptScanResult  *result);
void       comptoir_goods_receipt_clear       (ComptoirGoodsReceipt       *receipt);
void       comptoir_receipt_summary_free      (ComptoirReceiptSummary     *summary);
void       comptoir_receipt_discrepancy_free  (ComptoirReceiptDiscrepancy *discrepancy);
const char *comptoir_receipt_discrepancy_kind_to_string (ComptoirReceiptDiscrepancyKind kind);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirReceiptLine, comptoir_receipt_line_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirReceiptScanResult, comptoir_receipt_scan_result_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirGoodsReceipt, comptoir_goods_receipt_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirReceiptSummary, comptoir_receipt_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirReceiptDiscrepancy, comptoir_receipt_discrepancy_free)

G_END_DECLS
