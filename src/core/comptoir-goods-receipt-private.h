/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db-query-private.h"
#include "comptoir-goods-receipt.h"

G_BEGIN_DECLS

/* What the goods receipt's files share. */

typedef struct {
  char                 *supplier_id;
  char                 *order_id;  /* or NULL */
  ComptoirReceiptStatus status;
} ComptoirReceiptHead;

void       _comptoir_receipt_head_clear      (ComptoirReceiptHead  *head);
/* The receipt's supplier, order and status; with must_be_open, a
 * validated or cancelled receipt is an error that says so. */
gboolean   _comptoir_goods_receipt_head      (ComptoirDb           *db,
                                              const char           *receipt_id,
                                              gboolean              must_be_open,
                                              ComptoirReceiptHead  *out,
                                              GError              **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirReceiptHead, _comptoir_receipt_head_clear)

/* One line of the receipt with its received totals (no lots); NOT_FOUND
 * when the receipt has no such line. */
gboolean   _comptoir_goods_receipt_read_line (ComptoirDb           *db,
                                              const char           *receipt_id,
                                              const char           *line_id,
                                              ComptoirReceiptLine  *out,
                                              GError              **error);
/* Every line with its totals, ordered lines first; lots too when asked.
 * (element-type ComptoirReceiptLine) */
GArray    *_comptoir_goods_receipt_read_lines (ComptoirDb          *db,
                                               const char          *receipt_id,
                                               gboolean             with_lots,
                                               GError             **error);
/* "Label: 12 received of 24 ordered (2 cases of 6) — complete". */
char      *_comptoir_receipt_line_describe   (const ComptoirReceiptLine *line);

/* What a code says, for the receipt's supplier (see the header for the
 * order in which it is read). */
typedef struct {
  char        *clean;         /* the code as read, trimmed */
  char        *key;           /* the form that matched, or that a link records */
  gboolean     gs1;
  char        *lot;
  GDate        best_before;
  GDate        use_by;
  gboolean     has_weight;
  gint64       weight_milli;

  char        *product_id;    /* our product, or NULL: the code is unknown */
  char        *product_name;
  ComptoirUnit unit;
  gboolean     ours;          /* found by our own barcode or code */

  char        *sp_id;         /* the supplier's catalogue item, or NULL */
  char        *sp_product_id;
  char        *sp_name;
  char        *sp_ref;
  gint64       sp_pack;
  gint64       sp_price;      /* -1: none */
  gboolean     is_case;
} ComptoirReceiptReading;

void       _comptoir_receipt_reading_clear   (ComptoirReceiptReading *reading);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirReceiptReading, _comptoir_receipt_reading_clear)
/* A code matching nothing is no error: product_id and sp_id stay NULL. */
gboolean   _comptoir_goods_receipt_read_code (ComptoirDb             *db,
                                              const char             *supplier_id,
                                              const char             *code,
                                              ComptoirReceiptReading *out,
                                              GError                **error);

/* The scans' shared steps: a scan fact written (every column, one
 * statement shape), the line and its sentence after it, a result
 * emptied. */
typedef struct {
  const char  *receipt_id;
  const char  *line_id;
  gint64       quantity_milli;
  const char  *lot;            /* NULL or "": none */
  const GDate *best_before;    /* NULL or invalid: none */
  const GDate *use_by;
  gboolean     damaged;
  const char  *undoes;         /* the scan this one takes back, or NULL */
} ComptoirReceiptScanFact;

gboolean   _comptoir_receipt_insert_scan     (ComptoirDb                    *db,
                                              const ComptoirReceiptScanFact *fact,
                                              char                         **out_scan_id,
                                              GError                       **error);
gboolean   _comptoir_receipt_describe_counted (ComptoirDb               *db,
                                               const char               *receipt_id,
                                               const char               *line_id,
                                               ComptoirReceiptScanResult *out,
                                               GError                  **error);
void       _comptoir_receipt_result_init     (ComptoirReceiptScanResult *out);
/* Runs func in a transaction with out emptied first, and emptied again
 * when it fails: what the scan, count and link calls share. */
gboolean   _comptoir_receipt_run             (ComptoirDb                *db,
                                              ComptoirDbFunc             func,
                                              gpointer                   user_data,
                                              ComptoirReceiptScanResult *out,
                                              GError                   **error);

/* Links the supplier's item to our product, and the receipt's lines of
 * it that were not linked (their label becomes name). */
gboolean   _comptoir_goods_receipt_link_supplier_item (ComptoirDb  *db,
                                                       const char  *receipt_id,
                                                       const char  *sp_id,
                                                       const char  *product_id,
                                                       const char  *name,
                                                       GError     **error);

/* ISO 8601 day of a valid date, else NULL. */
char      *_comptoir_receipt_date_to_iso     (const GDate          *date);
void       _comptoir_receipt_date_from_iso   (const char           *text,
                                              GDate                *out);

G_END_DECLS
