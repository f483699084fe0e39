/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-goods-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-goods-receipt-private.h"
#include "comptoir-id.h"
#include "comptoir-purchase-order.h"
#include "comptoir-quantity.h"

/* A receipt, its lines and what their scans add up to; starting,
 * loading, listing and cancelling. Scanning is in
 * comptoir-goods-receipt-scan.c, validation in
 * comptoir-goods-receipt-validate.c. */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
comptoir_receipt_line_clear (ComptoirReceiptLine *line)
{
  g_clear_pointer (&line->id, g_free);
  g_clear_pointer (&line->product_id, g_free);
  g_clear_pointer (&line->supplier_product_id, g_free);
  g_clear_pointer (&line->supplier_ref, g_free);
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->barcode, g_free);
  g_clear_pointer (&line->lots, g_array_unref);
}

void
comptoir_receipt_scan_result_clear (ComptoirReceiptScanResult *result)
{
  comptoir_receipt_line_clear (&result->line);
  g_clear_pointer (&result->scan_id, g_free);
  g_clear_pointer (&result->lot, g_free);
  g_clear_pointer (&result->code, g_free);
  g_clear_pointer (&result->message, g_free);
  g_clear_pointer (&result->supplier_product_id, g_free);
  g_clear_pointer (&result->suggested_name, g_free);
}

void
comptoir_goods_receipt_clear (ComptoirGoodsReceipt *receipt)
{
  g_clear_pointer (&receipt->id, g_free);
  g_clear_pointer (&receipt->supplier_id, g_free);
  g_clear_pointer (&receipt->supplier_name, g_free);
  g_clear_pointer (&receipt->order_id, g_free);
  g_clear_pointer (&receipt->order_number, g_free);
  g_clear_pointer (&receipt->started_at, g_free);
  g_clear_pointer (&receipt->validated_at, g_free);
  g_clear_pointer (&receipt->note, g_free);
  g_clear_pointer (&receipt->lines, g_array_unref);
}

void
comptoir_receipt_summary_free (ComptoirReceiptSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->supplier_name);
  g_free (summary->order_number);
  g_free (summary->started_at);
  g_free (summary->last_scan_at);
  g_free (summary);
}

void
comptoir_receipt_discrepancy_free (ComptoirReceiptDiscrepancy *discrepancy)
{
  if (discrepancy == NULL)
    return;
  g_free (discrepancy->line_id);
  g_free (discrepancy->product_id);
  g_free (discrepancy->label);
  g_free (discrepancy->message);
  g_free (discrepancy);
}

const char *
comptoir_receipt_discrepancy_kind_to_string (ComptoirReceiptDiscrepancyKind kind)
{
  static const char *names[] = { "missing", "extra", "unexpected", "damaged", "price" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

static void
lot_clear (gpointer data)
{
  g_free (((ComptoirReceiptLot *) data)->lot);
}

static void
line_clear_func (gpointer data)
{
  comptoir_receipt_line_clear (data);
}

char *
_comptoir_receipt_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
_comptoir_receipt_date_from_iso (const char *text,
                                 GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (text != NULL && sscanf (text, "%4u-%2u-%2u", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    g_date_set_dmy (out, d, m, y);
}

char *
comptoir_goods_receipt_format_quantity (ComptoirUnit unit,
                                        gint64       pack_milli,
                                        gint64       quantity_milli)
{
  g_autofree char *total = comptoir_quantity_format (unit, quantity_milli);
  g_autofree char *cases = NULL;
  g_autofree char *rest = NULL;
  gint64 magnitude = ABS (quantity_milli);
  gint64 n_cases;

  /* Cases are counted for goods sold by the piece; a crate of something
   * sold by weight is weighed, its count of crates says little. */
  if (unit != COMPTOIR_UNIT_PIECE || pack_milli <= 1000 || magnitude < pack_milli)
    return g_steal_pointer (&total);

  n_cases = magnitude / pack_milli;
  cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld case", "%lld cases", n_cases),
                           (long long) n_cases);
  if (magnitude % pack_milli == 0)
    /* TRANSLATORS: a count of units, then in cases: "12 (2 cases)" */
    return g_strdup_printf (_("%s (%s)"), total, cases);
  rest = comptoir_quantity_format (unit, magnitude % pack_milli);
  /* TRANSLATORS: a count of units, then in cases and units: "14 (2 cases + 2)" */
  return g_strdup_printf (_("%s (%s + %s)"), total, cases, rest);
}

void
_comptoir_receipt_head_clear (ComptoirReceiptHead *head)
{
  g_clear_pointer (&head->supplier_id, g_free);
  g_clear_pointer (&head->order_id, g_free);
}

static ComptoirReceiptStatus
status_from_string (const char *text)
{
  if (g_strcmp0 (text, "validated") == 0)
    return COMPTOIR_RECEIPT_VALIDATED;
  if (g_strcmp0 (text, "cancelled") == 0)
    return COMPTOIR_RECEIPT_CANCELLED;
  return COMPTOIR_RECEIPT_OPEN;
}

gboolean
_comptoir_goods_receipt_head (ComptoirDb           *db,
                              const char           *receipt_id,
                              gboolean              must_be_open,
                              ComptoirReceiptHead  *out,
                              GError              **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT supplier_id, order_id, status FROM goods_receipt WHERE id = ?1", error);
  int rc;

  memset (out, 0, sizeof *out);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("There is no receipt %s. List the open receipts to resume one, or start a new one."),
                   receipt_id != NULL ? receipt_id : "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  out->supplier_id = _comptoir_db_column_dup (stmt, 0);
  out->order_id = _comptoir_db_column_dup (stmt, 1);
  out->status = status_from_string (column_text (stmt, 2));
  if (must_be_open && out->status != COMPTOIR_RECEIPT_OPEN)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           out->status == COMPTOIR_RECEIPT_VALIDATED
                             ? _("This receipt is already validated and its goods are in stock. "
                                 "Start a new receipt for goods that came later.")
                             : _("This receipt was cancelled. Start a new receipt."));
      _comptoir_receipt_head_clear (out);
      return FALSE;
    }
  return TRUE;
}

static ComptoirReceiptLineState
line_state (gboolean has_order,
            gboolean unexpected,
            gint64   expected,
            gint64   received)
{
  if (unexpected)
    return COMPTOIR_RECEIPT_LINE_UNEXPECTED;
  if (!has_order)
    return COMPTOIR_RECEIPT_LINE_NO_ORDER;
  if (received <= 0 && expected > 0)
    return COMPTOIR_RECEIPT_LINE_WAITING;
  if (received < expected)
    return COMPTOIR_RECEIPT_LINE_SHORT;
  return received == expected ? COMPTOIR_RECEIPT_LINE_COMPLETE : COMPTOIR_RECEIPT_LINE_OVER;
}

/* The columns read_row() expects, and the scans they add up. */
#define LINE_SELECT                                                                          \
  "SELECT l.id, l.product_id, l.supplier_product_id, sp.supplier_ref, l.label, l.barcode, "  \
  "coalesce (p.unit, 'piece'), l.expected_milli, l.pack_milli, l.price_cents, "              \
  "l.note_price_cents, l.unexpected, r.order_id IS NOT NULL, "                               \
  "coalesce (sum (s.quantity_milli), 0), "                                                   \
  "coalesce (sum (CASE WHEN s.damaged THEN s.quantity_milli ELSE 0 END), 0), count (s.id) "  \
  "FROM goods_receipt_line l JOIN goods_receipt r ON r.id = l.receipt_id "                   \
  "LEFT JOIN product p ON p.id = l.product_id "                                              \
  "LEFT JOIN supplier_product sp ON sp.id = l.supplier_product_id "                          \
  "LEFT JOIN goods_receipt_scan s ON s.line_id = l.id "

static void
read_row (sqlite3_stmt        *stmt,
          ComptoirReceiptLine *line)
{
  ComptoirUnit unit = COMPTOIR_UNIT_PIECE;

  memset (line, 0, sizeof *line);
  line->id = _comptoir_db_column_dup (stmt, 0);
  line->product_id = _comptoir_db_column_dup (stmt, 1);
  line->supplier_product_id = _comptoir_db_column_dup (stmt, 2);
  line->supplier_ref = _comptoir_db_column_dup (stmt, 3);
  line->label = _comptoir_db_column_dup (stmt, 4);
  line->barcode = _comptoir_db_column_dup (stmt, 5);
  comptoir_unit_from_string (column_text (stmt, 6), &unit);
  line->unit = unit;
  line->expected_milli = sqlite3_column_int64 (stmt, 7);
  line->pack_milli = sqlite3_column_int64 (stmt, 8);
  line->price_cents = _comptoir_db_column_int_or (stmt, 9, -1);
  line->note_price_cents = _comptoir_db_column_int_or (stmt, 10, -1);
  line->unexpected = sqlite3_column_int (stmt, 11) != 0;
  line->received_milli = sqlite3_column_int64 (stmt, 13);
  line->damaged_milli = sqlite3_column_int64 (stmt, 14);
  line->n_scans = (guint) sqlite3_column_int64 (stmt, 15);
  line->state = line_state (sqlite3_column_int (stmt, 12) != 0, line->unexpected,
                            line->expected_milli, line->received_milli);
}

gboolean
_comptoir_goods_receipt_read_line (ComptoirDb           *db,
                                   const char           *receipt_id,
                                   const char           *line_id,
                                   ComptoirReceiptLine  *out,
                                   GError              **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, LINE_SELECT "WHERE l.id = ?1 AND l.receipt_id = ?2 GROUP BY l.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, line_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, receipt_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_row (stmt, out);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("This receipt has no line %s. Load the receipt again to see its lines."),
                 line_id != NULL ? line_id : "");
  else
    comptoir_db_set_error (db, error);
  return FALSE;
}

static gboolean
read_lots (ComptoirDb  *db,
           const char  *receipt_id,
           GArray      *lines,
           GError     **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT s.line_id, s.lot, s.best_before, s.use_by, sum (s.quantity_milli), "
                         "sum (CASE WHEN s.damaged THEN s.quantity_milli ELSE 0 END) "
                         "FROM goods_receipt_line l JOIN goods_receipt_scan s ON s.line_id = l.id "
                         "WHERE l.receipt_id = ?1 "
                         "GROUP BY s.line_id, s.lot, s.best_before, s.use_by "
                         "HAVING sum (s.quantity_milli) <> 0 "
                         "ORDER BY s.line_id, s.use_by, s.best_before, s.lot",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirReceiptLine *line = &g_array_index (lines, ComptoirReceiptLine, i);

      line->lots = g_array_new (FALSE, TRUE, sizeof (ComptoirReceiptLot));
      g_array_set_clear_func (line->lots, lot_clear);
      g_hash_table_insert (by_id, line->id, line);
    }

  sqlite3_bind_text (stmt, 1, receipt_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirReceiptLine *line = g_hash_table_lookup (by_id, column_text (stmt, 0));
      ComptoirReceiptLot lot = { 0 };

      if (line == NULL)
        continue;
      lot.lot = _comptoir_db_column_dup (stmt, 1);
      _comptoir_receipt_date_from_iso (column_text (stmt, 2), &lot.best_before);
      _comptoir_receipt_date_from_iso (column_text (stmt, 3), &lot.use_by);
      lot.quantity_milli = sqlite3_column_int64 (stmt, 4);
      lot.damaged_milli = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (line->lots, lot);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

GArray *
_comptoir_goods_receipt_read_lines (ComptoirDb  *db,
                                    const char  *receipt_id,
                                    gboolean     with_lots,
                                    GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, LINE_SELECT "WHERE l.receipt_id = ?1 GROUP BY l.id ORDER BY l.unexpected, l.id",
                         error);
  g_autoptr (GArray) lines = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  lines = g_array_new (FALSE, TRUE, sizeof (ComptoirReceiptLine));
  g_array_set_clear_func (lines, line_clear_func);
  sqlite3_bind_text (stmt, 1, receipt_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirReceiptLine line;

      read_row (stmt, &line);
      g_array_append_val (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  if (with_lots && !read_lots (db, receipt_id, lines, error))
    return NULL;
  return g_steal_pointer (&lines);
}

char *
_comptoir_receipt_line_describe (const ComptoirReceiptLine *line)
{
  g_autofree char *received = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                      line->received_milli);
  g_autofree char *expected = comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli,
                                                                      line->expected_milli);

  switch (line->state)
    {
    case COMPTOIR_RECEIPT_LINE_COMPLETE:
      /* TRANSLATORS: product, quantity received, quantity ordered */
      return g_strdup_printf (_("%s: %s received of %s ordered — complete"), line->label, received, expected);
    case COMPTOIR_RECEIPT_LINE_OVER:
      return g_strdup_printf (_("%s: %s received of %s ordered — more than ordered"), line->label, received,
                              expected);
    case COMPTOIR_RECEIPT_LINE_UNEXPECTED:
      return g_strdup_printf (_("%s: %s received — not on the order"), line->label, received);
    case COMPTOIR_RECEIPT_LINE_NO_ORDER:
      return g_strdup_printf (_("%s: %s received"), line->label, received);
    case COMPTOIR_RECEIPT_LINE_WAITING:
    case COMPTOIR_RECEIPT_LINE_SHORT:
    default:
      return g_strdup_printf (_("%s: %s received of %s ordered"), line->label, received, expected);
    }
}

/* ---- Starting ---------------------------------------------------------- */

typedef struct {
  const char *supplier_id;
  const char *order_id;
  char       *receipt_id;
  gboolean    resumed;
} Start;

/* The order's open receipt, whichever machine started it. */
static gboolean
open_receipt_of_order (ComptoirDb  *db,
                       Start       *start,
                       GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT id FROM goods_receipt WHERE order_id = ?1 AND status = 'open' "
                         "ORDER BY started_at, id LIMIT 1",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, start->order_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      start->receipt_id = _comptoir_db_column_dup (stmt, 0);
      start->resumed = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_order (ComptoirDb             *db,
             Start                  *start,
             ComptoirPurchaseOrder  *order,
             GError                **error)
{
  if (!comptoir_purchase_order_load (db, start->order_id, order, error))
    return FALSE;

  if (g_strcmp0 (order->supplier_id, start->supplier_id) != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Order %s is from %s, not from this supplier. Choose that supplier, or another order."),
                   order->number, order->supplier_name);
      return FALSE;
    }
  if (!open_receipt_of_order (db, start, error))
    return FALSE;
  if (start->resumed)
    return TRUE;
  switch (order->status)
    {
    case COMPTOIR_PURCHASE_ORDER_SENT:
      return TRUE;
    case COMPTOIR_PURCHASE_ORDER_DRAFT:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Order %s is still a draft: mark it sent, or receive the goods without an order."),
                   order->number);
      return FALSE;
    case COMPTOIR_PURCHASE_ORDER_RECEIVED:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Order %s was already received. Receive what came later without an order."),
                   order->number);
      return FALSE;
    case COMPTOIR_PURCHASE_ORDER_CANCELLED:
    default:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Order %s was cancelled. Receive the goods without an order."), order->number);
      return FALSE;
    }
}

/* One receipt line per catalogue item ordered (lines taken off the
 * order, at 0 packs, expect nothing and are left out). */
static gboolean
copy_order_lines (ComptoirDb                  *db,
                  Start                       *start,
                  const ComptoirPurchaseOrder *order,
                  GError                     **error)
{
  for (guint i = 0; i < order->lines->len; i++)
    {
      const ComptoirPurchaseOrderLine *ordered = &g_array_index (order->lines, ComptoirPurchaseOrderLine, i);
      g_autoptr (ComptoirChange) line = NULL;

      if (ordered->quantity_milli <= 0)
        continue;
      line = comptoir_change_new ("goods_receipt_line", NULL);
      comptoir_change_set_text (line, "receipt_id", start->receipt_id);
      comptoir_change_set_text (line, "product_id", ordered->product_id);
      comptoir_change_set_text (line, "supplier_product_id", ordered->supplier_product_id);
      comptoir_change_set_text (line, "label", ordered->label);
      comptoir_change_set_text (line, "barcode", ordered->barcode);
      comptoir_change_set_int (line, "expected_milli", ordered->quantity_milli);
      comptoir_change_set_int (line, "pack_milli", ordered->pack_milli > 0 ? ordered->pack_milli : 1000);
      if (ordered->price_cents >= 0)
        comptoir_change_set_int (line, "price_cents", ordered->price_cents);
      comptoir_change_set_bool (line, "unexpected", FALSE);
      if (!comptoir_db_apply_change (db, line, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
start_in_transaction (ComptoirDb  *db,
                      gpointer     user_data,
                      GError     **error)
{
  Start *start = user_data;
  g_autoptr (ComptoirChange) receipt = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autofree char *now = NULL;

  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT active FROM supplier WHERE id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, start->supplier_id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                             _("There is no such supplier. Choose the supplier from the list, or add it first."));
        return FALSE;
      }
  }

  /* An order's open receipt is resumed rather than started twice. */
  if (start->order_id != NULL && !check_order (db, start, &order, error))
    return FALSE;
  if (start->resumed)
    return TRUE;

  now = comptoir_timestamp_now ();
  receipt = comptoir_change_new ("goods_receipt", NULL);
  comptoir_change_set_text (receipt, "supplier_id", start->supplier_id);
  comptoir_change_set_text (receipt, "order_id", start->order_id);
  comptoir_change_set_text (receipt, "started_at", now);
  comptoir_change_set_text (receipt, "status", "open");
  if (!comptoir_db_apply_change (db, receipt, NULL, error))
    return FALSE;
  start->receipt_id = g_strdup (comptoir_change_get_row_id (receipt));

  return start->order_id == NULL || copy_order_lines (db, start, &order, error);
}

char *
comptoir_goods_receipt_start (ComptoirDb  *db,
                              const char  *supplier_id,
                              const char  *order_id,
                              gboolean    *out_resumed,
                              GError     **error)
{
  Start start = { supplier_id, order_id, NULL, FALSE };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  if (!comptoir_db_transaction (db, start_in_transaction, &start, error))
    {
      g_free (start.receipt_id);
      return NULL;
    }
  if (out_resumed != NULL)
    *out_resumed = start.resumed;
  return start.receipt_id;
}

/* ---- Reading ----------------------------------------------------------- */

gboolean
comptoir_goods_receipt_load (ComptoirDb            *db,
                             const char            *receipt_id,
                             ComptoirGoodsReceipt  *out,
                             GError               **error)
{
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = comptoir_db_prepare (db,
                              "SELECT r.id, r.supplier_id, s.name, r.order_id, o.number, r.started_at, "
                              "r.validated_at, r.status, r.note "
                              "FROM goods_receipt r JOIN supplier s ON s.id = r.supplier_id "
                              "LEFT JOIN purchase_order o ON o.id = r.order_id WHERE r.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                     _("There is no receipt %s. List the open receipts to resume one, or start a new one."),
                     receipt_id != NULL ? receipt_id : "");
      else
        comptoir_db_set_error (db, error);
      return FALSE;
    }

  receipt.id = _comptoir_db_column_dup (stmt, 0);
  receipt.supplier_id = _comptoir_db_column_dup (stmt, 1);
  receipt.supplier_name = _comptoir_db_column_dup (stmt, 2);
  receipt.order_id = _comptoir_db_column_dup (stmt, 3);
  receipt.order_number = _comptoir_db_column_dup (stmt, 4);
  receipt.started_at = _comptoir_db_column_dup (stmt, 5);
  receipt.validated_at = _comptoir_db_column_dup (stmt, 6);
  receipt.status = status_from_string (column_text (stmt, 7));
  receipt.note = _comptoir_db_column_dup (stmt, 8);
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (!(receipt.lines = _comptoir_goods_receipt_read_lines (db, receipt_id, TRUE, error)))
    return FALSE;

  *out = receipt;
  memset (&receipt, 0, sizeof receipt);
  return TRUE;
}

GPtrArray *
comptoir_goods_receipt_list_open (ComptoirDb  *db,
                                  GError     **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_receipt_summary_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  /* Few receipts are open at a time: the per-receipt sums read each one's
   * lines and their scans by index. */
  stmt = comptoir_db_prepare (db,
                              "SELECT r.id, s.name, o.number, r.started_at, "
                              " (SELECT count (*) FROM goods_receipt_line l WHERE l.receipt_id = r.id), "
                              " (SELECT count (*) FROM goods_receipt_line l WHERE l.receipt_id = r.id AND "
                              "   (SELECT sum (quantity_milli) FROM goods_receipt_scan x WHERE x.line_id = l.id) > 0), "
                              " (SELECT count (*) FROM goods_receipt_line l JOIN goods_receipt_scan x "
                              "   ON x.line_id = l.id WHERE l.receipt_id = r.id), "
                              " (SELECT max (x.at) FROM goods_receipt_line l JOIN goods_receipt_scan x "
                              "   ON x.line_id = l.id WHERE l.receipt_id = r.id) "
                              "FROM goods_receipt r JOIN supplier s ON s.id = r.supplier_id "
                              "LEFT JOIN purchase_order o ON o.id = r.order_id "
                              "WHERE r.status = 'open' ORDER BY r.started_at, r.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirReceiptSummary *summary = g_new0 (ComptoirReceiptSummary, 1);

      summary->id = _comptoir_db_column_dup (stmt, 0);
      summary->supplier_name = _comptoir_db_column_dup (stmt, 1);
      summary->order_number = _comptoir_db_column_dup (stmt, 2);
      summary->started_at = _comptoir_db_column_dup (stmt, 3);
      summary->n_lines = (guint) sqlite3_column_int64 (stmt, 4);
      summary->n_lines_received = (guint) sqlite3_column_int64 (stmt, 5);
      summary->n_scans = sqlite3_column_int64 (stmt, 6);
      summary->last_scan_at = _comptoir_db_column_dup (stmt, 7);
      g_ptr_array_add (list, summary);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
comptoir_goods_receipt_cancel (ComptoirDb  *db,
                               const char  *receipt_id,
                               GError     **error)
{
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_autoptr (ComptoirChange) change = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!_comptoir_goods_receipt_head (db, receipt_id, TRUE, &head, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  change = comptoir_change_new ("goods_receipt", receipt_id);
  comptoir_change_set_text (change, "status", "cancelled");
  if (!comptoir_db_apply_change (db, change, NULL, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}
