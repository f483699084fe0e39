/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-id.h"
#include "comptoir-stock-private.h"

/* Lists and valuation for the stock screens and reports. Each folds
 * first and then reads the balances alone: a list of thousands of
 * products must not read a tail per product. */

void
comptoir_stock_item_free (ComptoirStockItem *item)
{
  if (item == NULL)
    return;
  g_free (item->product_id);
  g_free (item->code);
  g_free (item->name);
  g_free (item->last_out);
  g_free (item->date);
  g_free (item->lot);
  g_free (item);
}

/* Columns 0-3 of every list: p.id, p.code, p.name, p.unit. */
#define PRODUCT_COLUMNS "p.id, p.code, p.name, p.unit"

ComptoirStockItem *
_comptoir_stock_item_new (sqlite3_stmt *stmt)
{
  ComptoirStockItem *item = g_new0 (ComptoirStockItem, 1);

  item->product_id = _comptoir_db_column_dup (stmt, 0);
  item->code = _comptoir_db_column_dup (stmt, 1);
  item->name = _comptoir_db_column_dup (stmt, 2);
  if (!comptoir_unit_from_string ((const char *) sqlite3_column_text (stmt, 3), &item->unit))
    item->unit = COMPTOIR_UNIT_PIECE;
  item->minimum_milli = -1;
  item->lot_quantity_milli = -1;
  return item;
}

static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_item_free);
}

static gboolean
step_done (ComptoirDb  *db,
           int          rc,
           GError     **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  comptoir_db_set_error (db, error);
  return FALSE;
}

GPtrArray *
comptoir_stock_list_low (ComptoirDb  *db,
                         GError     **error)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!comptoir_stock_fold (db, NULL, error))
    return NULL;
  /* Emptiest first: the stock as thousandths of the minimum (a minimum
   * of 0 lists only stock below zero). */
  stmt = comptoir_db_prepare (db,
                              "SELECT " PRODUCT_COLUMNS ", coalesce (b.quantity_milli, 0), coalesce (b.value_cents, 0), "
                              "p.stock_min_milli, b.last_out FROM product p "
                              "LEFT JOIN stock_balance b ON b.product_id = p.id "
                              "WHERE p.active = 1 AND p.stock_min_milli IS NOT NULL "
                              "AND coalesce (b.quantity_milli, 0) < p.stock_min_milli "
                              "ORDER BY coalesce (b.quantity_milli, 0) * 1000 / max (p.stock_min_milli, 1), p.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirStockItem *item = _comptoir_stock_item_new (stmt);

      item->quantity_milli = sqlite3_column_int64 (stmt, 4);
      item->value_cents = sqlite3_column_int64 (stmt, 5);
      item->minimum_milli = sqlite3_column_int64 (stmt, 6);
      item->last_out = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (items, item);
    }
  if (!step_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
comptoir_stock_list_unsold (ComptoirDb  *db,
                            guint        weeks,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GDateTime) clock = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) since = g_date_time_add_weeks (clock, -(int) MIN (weeks, 5200));
  /* As facts write `at`, so that the two compare as text. */
  g_autofree char *cutoff = g_date_time_format (since, "%Y-%m-%dT%H:%M:%S.%fZ");
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!comptoir_stock_fold (db, NULL, error))
    return NULL;
  /* Never sold: in stock since before then (its last delivery is older,
   * or unknown, as for the stock the shop started with). */
  stmt = comptoir_db_prepare (db,
                              "SELECT " PRODUCT_COLUMNS ", b.quantity_milli, b.value_cents, b.last_out "
                              "FROM stock_balance b JOIN product p ON p.id = b.product_id "
                              "WHERE b.quantity_milli > 0 AND (b.last_out < ?1 "
                              "OR (b.last_out IS NULL AND coalesce (b.last_in, '') < ?1)) "
                              "ORDER BY coalesce (b.last_out, ''), p.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirStockItem *item = _comptoir_stock_item_new (stmt);

      item->quantity_milli = sqlite3_column_int64 (stmt, 4);
      item->value_cents = sqlite3_column_int64 (stmt, 5);
      item->last_out = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (items, item);
    }
  if (!step_done (db, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

static int
compare_expiring (gconstpointer a,
                  gconstpointer b)
{
  const ComptoirStockItem *x = *(ComptoirStockItem * const *) a, *y = *(ComptoirStockItem * const *) b;
  int by_date = strcmp (x->date, y->date);

  return by_date != 0 ? by_date : g_utf8_collate (x->name, y->name);
}

/* The lots of the products that have one dated up to ?1, newest
 * delivery first per product, with the product's stock: scans summed
 * per receipt, lot and dates (a scan undone is a negative one). Only
 * validated receipts put goods in stock; damaged goods never did. The
 * dates are days, YYYY-MM-DD, as the receipt records them. */
#define EXPIRING_SQL \
  "WITH candidate AS (" \
  "  SELECT DISTINCT l.product_id FROM goods_receipt_scan s " \
  "  JOIN goods_receipt_line l ON l.id = s.line_id JOIN goods_receipt r ON r.id = s.receipt_id " \
  "  WHERE (s.use_by <= ?1 OR s.best_before <= ?1) AND r.status = 'validated' AND s.damaged = 0) " \
  "SELECT " PRODUCT_COLUMNS ", b.quantity_milli, b.value_cents, s.lot, s.use_by, s.best_before, " \
  "  sum (s.quantity_milli), max (coalesce (r.validated_at, s.at)) AS received " \
  "FROM goods_receipt_line l " \
  "JOIN goods_receipt r ON r.id = l.receipt_id " \
  "JOIN goods_receipt_scan s ON s.line_id = l.id " \
  "JOIN product p ON p.id = l.product_id " \
  "JOIN stock_balance b ON b.product_id = l.product_id " \
  "WHERE l.product_id IN candidate AND r.status = 'validated' AND s.damaged = 0 AND b.quantity_milli > 0 " \
  "GROUP BY l.product_id, l.receipt_id, s.lot, s.use_by, s.best_before " \
  "HAVING sum (s.quantity_milli) > 0 " \
  "ORDER BY l.product_id, received DESC"

GPtrArray *
comptoir_stock_list_expiring (ComptoirDb  *db,
                              guint        days,
                              GDateTime   *now,
                              GError     **error)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GDateTime) clock = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr (GDateTime) until = g_date_time_add_days (clock, (int) MIN (days, 36500));
  g_autofree char *limit = g_date_time_format (until, "%Y-%m-%d");
  g_autofree char *product = NULL;
  gint64 newer = 0;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!comptoir_stock_fold (db, NULL, error))
    return NULL;
  stmt = comptoir_db_prepare (db, EXPIRING_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, limit, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *product_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *use_by = (const char *) sqlite3_column_text (stmt, 7);
      const char *best_before = (const char *) sqlite3_column_text (stmt, 8);
      gint64 stock = sqlite3_column_int64 (stmt, 4), received = sqlite3_column_int64 (stmt, 9);
      gint64 left;
      ComptoirStockItem *item;

      /* The stock is the newest deliveries: what newer ones account
       * for of it, older lots are sold. */
      if (g_strcmp0 (product, product_id) != 0)
        {
          g_free (product);
          product = g_strdup (product_id);
          newer = 0;
        }
      left = MIN (received, stock - newer);
      newer += received;
      if (left <= 0)
        continue;

      item = _comptoir_stock_item_new (stmt);
      item->quantity_milli = stock;
      item->value_cents = sqlite3_column_int64 (stmt, 5);
      item->lot = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      item->lot_quantity_milli = left;
      if (use_by != NULL && strcmp (use_by, limit) <= 0)
        {
          item->date = g_strdup (use_by);
          item->use_by = TRUE;
        }
      else if (best_before != NULL && strcmp (best_before, limit) <= 0)
        item->date = g_strdup (best_before);
      else
        {
          /* A lot of this product with no date soon. */
          comptoir_stock_item_free (item);
          continue;
        }
      g_ptr_array_add (items, item);
    }
  if (!step_done (db, rc, error))
    return NULL;
  g_ptr_array_sort (items, compare_expiring);
  return g_steal_pointer (&items);
}

gboolean
comptoir_stock_valuation (ComptoirDb  *db,
                          gint64      *total_cents,
                          guint       *n_products,
                          guint       *n_without_cost,
                          GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!comptoir_stock_fold (db, NULL, error))
    return FALSE;
  stmt = comptoir_db_prepare (db,
                              "SELECT coalesce (sum (value_cents), 0), count (*), "
                              "coalesce (sum (average_cost_cents IS NULL), 0) "
                              "FROM stock_balance WHERE quantity_milli > 0",
                              error);
  if (stmt == NULL || !comptoir_db_step_done (db, stmt, error))
    return FALSE;
  if (total_cents != NULL)
    *total_cents = sqlite3_column_int64 (stmt, 0);
  if (n_products != NULL)
    *n_products = (guint) sqlite3_column_int64 (stmt, 1);
  if (n_without_cost != NULL)
    *n_without_cost = (guint) sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* A movement of the tail, kept for its product's balance. */
typedef struct {
  gint64      quantity_milli;
  const char *reason;  /* interned */
  char       *at;
  gint64      unit_cost_cents;
} TailMove;

static void
tail_move_clear (gpointer data)
{
  g_free (((TailMove *) data)->at);
}

static void
apply_tail (ComptoirStock *stock,
            GArray        *moves)
{
  for (guint i = 0; i < moves->len; i++)
    {
      const TailMove *m = &g_array_index (moves, TailMove, i);
      _comptoir_stock_apply (stock, m->quantity_milli, m->reason, m->at, m->unit_cost_cents);
    }
}

/* Keeps a movement of the tail in its product's list (tails: product
 * id → GArray of TailMove). */
static gboolean
keep_tail_move (const ComptoirStockTailMove  *move,
                gpointer                      user_data,
                GError                      **error)
{
  GHashTable *tails = user_data;
  GArray *moves = g_hash_table_lookup (tails, move->product_id);
  TailMove m = { move->quantity_milli, g_intern_string (move->reason), g_strdup (move->at), move->unit_cost_cents };

  if (moves == NULL)
    {
      moves = g_array_new (FALSE, FALSE, sizeof (TailMove));
      g_array_set_clear_func (moves, tail_move_clear);
      g_hash_table_insert (tails, g_strdup (move->product_id), moves);
    }
  g_array_append_val (moves, m);
  return TRUE;
}

static gboolean
foreach_in_snapshot (ComptoirDb         *db,
                     ComptoirStockFunc   func,
                     gpointer            user_data,
                     GError            **error)
{
  g_autoptr (GHashTable) tails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr (ComptoirStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 upto = 0;
  int rc;

  if (!_comptoir_stock_load_fold_state (db, &upto, NULL, error))
    return FALSE;

  /* The tail first, by product, in rowid order. */
  if (!_comptoir_stock_read_tail (db, upto, 0, keep_tail_move, tails, error))
    return FALSE;

  stmt = comptoir_db_prepare (db, "SELECT product_id, " COMPTOIR_STOCK_BALANCE_COLUMNS " FROM stock_balance", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *product_id = (const char *) sqlite3_column_text (stmt, 0);
      GArray *moves = g_hash_table_size (tails) > 0 ? g_hash_table_lookup (tails, product_id) : NULL;
      ComptoirStock stock;

      _comptoir_stock_init (&stock);
      _comptoir_stock_read_balance (stmt, 1, &stock);
      if (moves != NULL)
        {
          apply_tail (&stock, moves);
          g_hash_table_remove (tails, product_id);
        }
      if (!func (product_id, &stock, user_data))
        return TRUE;
    }
  if (!step_done (db, rc, error))
    return FALSE;

  /* Products whose every movement is in the tail. */
  g_hash_table_iter_init (&iter, tails);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ComptoirStock stock;

      _comptoir_stock_init (&stock);
      apply_tail (&stock, value);
      if (!func (key, &stock, user_data))
        break;
    }
  return TRUE;
}

gboolean
comptoir_stock_foreach (ComptoirDb         *db,
                        ComptoirStockFunc   func,
                        gpointer            user_data,
                        GError            **error)
{
  gboolean began = FALSE, ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* One read transaction: the watermark, the tail and the balances are
   * one snapshot even if a fold commits meanwhile. */
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return FALSE;
  ok = foreach_in_snapshot (db, func, user_data, error);
  _comptoir_stock_snapshot_end (db, began);
  return ok;
}
