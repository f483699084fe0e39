/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-goods-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-goods-receipt-private.h"

/* Counts typed on a line (a weight, a number of pieces, damaged goods)
 * and scans taken back: facts like the scans, never an edited total. */

/* More than this in one count is a typing slip (a million pieces, a
 * thousand tonnes). */
#define MAX_COUNT_MILLI G_GINT64_CONSTANT (1000000000)

typedef struct {
  ComptoirReceiptScanFact    fact;
  ComptoirReceiptScanResult *out;
} Count;

static gboolean
count_in_transaction (ComptoirDb  *db,
                      gpointer     user_data,
                      GError     **error)
{
  Count *count = user_data;
  const ComptoirReceiptScanFact *fact = &count->fact;
  ComptoirReceiptScanResult *out = count->out;
  g_auto (ComptoirReceiptHead) head = { 0 };
  ComptoirReceiptLine *line = &out->line;
  gint64 q = fact->quantity_milli;

  if (!_comptoir_goods_receipt_head (db, fact->receipt_id, TRUE, &head, error) ||
      !_comptoir_goods_receipt_read_line (db, fact->receipt_id, fact->line_id, line, error))
    return FALSE;

  if (q == 0 || q > MAX_COUNT_MILLI || q < -MAX_COUNT_MILLI)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           q == 0 ? _("Type how many were received (a negative number takes some back).")
                                  : _("That is far too much for one count: check the number you typed."));
      return FALSE;
    }
  if (line->unit == COMPTOIR_UNIT_PIECE && q % 1000 != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is counted in whole pieces: type a whole number."), line->label);
      return FALSE;
    }
  if (line->received_milli + q < 0 || (fact->damaged && line->damaged_milli + q < 0))
    {
      g_autofree char *had = comptoir_goods_receipt_format_quantity (
        line->unit, line->pack_milli, fact->damaged ? line->damaged_milli : line->received_milli);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   fact->damaged ? _("Only %s of “%s” were counted damaged: take back at most that much.")
                                 : _("Only %s of “%s” were received: take back at most that much."),
                   had, line->label);
      return FALSE;
    }

  out->status = COMPTOIR_RECEIPT_SCAN_COUNTED;
  out->counted_milli = q;
  out->lot = g_strdup (fact->lot);
  if (fact->best_before != NULL)
    out->best_before = *fact->best_before;
  if (fact->use_by != NULL)
    out->use_by = *fact->use_by;
  if (!_comptoir_receipt_insert_scan (db, fact, &out->scan_id, error))
    return FALSE;
  return _comptoir_receipt_describe_counted (db, fact->receipt_id, fact->line_id, out, error);
}

gboolean
comptoir_goods_receipt_count (ComptoirDb                 *db,
                              const char                 *receipt_id,
                              const char                 *line_id,
                              gint64                      quantity_milli,
                              const char                 *lot,
                              const GDate                *best_before,
                              const GDate                *use_by,
                              gboolean                    damaged,
                              ComptoirReceiptScanResult  *out,
                              GError                    **error)
{
  Count count = { { receipt_id, line_id, quantity_milli, lot, best_before, use_by, damaged, NULL }, out };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL && line_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return _comptoir_receipt_run (db, count_in_transaction, &count, out, error);
}

gboolean
comptoir_goods_receipt_undo (ComptoirDb                 *db,
                             const char                 *receipt_id,
                             const char                 *scan_id,
                             ComptoirReceiptScanResult  *out,
                             GError                    **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *line_id = NULL;
  g_autofree char *lot = NULL;
  GDate best_before, use_by;
  Count count = { { receipt_id, NULL, 0, NULL, &best_before, &use_by, FALSE, scan_id }, out };
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = comptoir_db_prepare (db,
                              "SELECT line_id, quantity_milli, lot, best_before, use_by, damaged, undoes, "
                              " EXISTS (SELECT 1 FROM goods_receipt_scan u WHERE u.undoes = s.id) "
                              "FROM goods_receipt_scan s WHERE s.id = ?1 AND s.receipt_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, receipt_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                             _("This receipt has no such scan. Load the receipt again to see its counts."));
      else
        comptoir_db_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL || sqlite3_column_int (stmt, 7))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           sqlite3_column_int (stmt, 7)
                             ? _("This scan was already undone.")
                             : _("This is an undo already: scan the goods again instead."));
      return FALSE;
    }

  line_id = _comptoir_db_column_dup (stmt, 0);
  count.fact.line_id = line_id;
  count.fact.quantity_milli = -sqlite3_column_int64 (stmt, 1);
  lot = _comptoir_db_column_dup (stmt, 2);
  count.fact.lot = lot;
  _comptoir_receipt_date_from_iso ((const char *) sqlite3_column_text (stmt, 3), &best_before);
  _comptoir_receipt_date_from_iso ((const char *) sqlite3_column_text (stmt, 4), &use_by);
  count.fact.damaged = sqlite3_column_int (stmt, 5) != 0;
  g_clear_pointer (&stmt, comptoir_stmt_release);

  return _comptoir_receipt_run (db, count_in_transaction, &count, out, error);
}
