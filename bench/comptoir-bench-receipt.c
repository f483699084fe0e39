/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comptoir-bench.h"
#include "comptoir-core.h"

/* Goods receipt on the demo shop: a scan on a 300-line receipt, from the
 * code to the line shown (the bar: p99 2 ms, synchronous=FULL, a commit
 * per scan), among 100,000 products; and the validation of a 300-line
 * receipt (movements, discrepancies, statuses, change log in one
 * transaction) next to a bare SQLite transaction inserting as many rows
 * into a file in the same folder, with the same durability. */

#define N_LINES 300

typedef struct {
  char        *product_id;
  char        *barcode;     /* ours: a unit */
  char        *case_code;   /* the supplier's: a case of 6 */
  char        *ref;
  ComptoirUnit unit;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->product_id);
  g_free (item->barcode);
  g_free (item->case_code);
  g_free (item->ref);
}

static char *
ean13 (guint64 twelve)
{
  g_autofree char *digits = g_strdup_printf ("%012" G_GUINT64_FORMAT, twelve);

  return g_strdup_printf ("%s%d", digits, comptoir_gtin_check_digit (digits, 12));
}

/* A supplier whose catalogue lists N_LINES products of the shop, each in
 * cases of 6 (or 5 kg crates) with a case barcode of its own. */
static char *
make_supplier (ComptoirDb *db,
               GArray     *items)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (ComptoirStmt) stmt = NULL;
  guint n = 0;

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Grossiste du banc d'essai");
  if (!comptoir_supplier_save (db, &supplier, &error))
    die (g_steal_pointer (&error));

  stmt = comptoir_db_prepare (db,
                              "SELECT p.id, b.barcode, p.unit FROM product p JOIN product_barcode b "
                              "ON b.product_id = p.id WHERE p.active = 1 AND length (b.barcode) = 13 "
                              "GROUP BY p.id ORDER BY random () LIMIT ?1",
                              &error);
  if (stmt == NULL)
    die (g_steal_pointer (&error));
  sqlite3_bind_int (stmt, 1, N_LINES);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Item item = { 0 };
      ComptoirUnit unit = COMPTOIR_UNIT_PIECE;

      item.product_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      item.barcode = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      comptoir_unit_from_string ((const char *) sqlite3_column_text (stmt, 2), &unit);
      item.unit = unit;
      item.case_code = ean13 (G_GUINT64_CONSTANT (380099900000) + n);
      item.ref = g_strdup_printf ("BE-%04u", n);
      g_array_append_val (items, item);
      n++;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (!comptoir_db_begin (db, &error))
    die (g_steal_pointer (&error));
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      g_auto (ComptoirSupplierProduct) line = { 0 };

      comptoir_supplier_product_init (&line);
      line.supplier_id = g_strdup (supplier.id);
      line.product_id = g_strdup (item->product_id);
      line.supplier_ref = g_strdup (item->ref);
      line.barcode = g_strdup (item->case_code);
      line.name = g_strdup_printf ("ARTICLE %u", i);
      line.pack_milli = item->unit == COMPTOIR_UNIT_PIECE ? 6000 : 5000;
      line.price_cents = 100 + i;
      if (!comptoir_supplier_product_save (db, &line, &error))
        die (g_steal_pointer (&error));
    }
  if (!comptoir_db_commit (db, &error))
    die (g_steal_pointer (&error));
  return g_strdup (supplier.id);
}

/* A sent order of 4 cases of every item, and its receipt started. */
static char *
start_receipt (ComptoirDb *db,
               const char *supplier_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *order_id = NULL;
  char *receipt_id;

  if (!comptoir_db_begin (db, &error) ||
      !(order_id = comptoir_purchase_order_create (db, supplier_id, &error)) ||
      !(lines = comptoir_supplier_product_list (db, supplier_id, &error)))
    die (g_steal_pointer (&error));
  for (guint i = 0; i < lines->len; i++)
    if (!comptoir_purchase_order_set_line (db, order_id, ((ComptoirSupplierProduct *) g_ptr_array_index (lines, i))->id,
                                           4, &error))
      die (g_steal_pointer (&error));
  if (!comptoir_purchase_order_send (db, order_id, NULL, &error) ||
      !(receipt_id = comptoir_goods_receipt_start (db, supplier_id, order_id, NULL, &error)) ||
      !comptoir_db_commit (db, &error))
    die (g_steal_pointer (&error));
  return receipt_id;
}

/* What a receiver scans: mostly units, cases, a reference typed now and
 * then, GS1 labels (with a weight for goods sold by the kg). */
static char *
code_for (const Item *item,
          guint       roll)
{
  if (item->unit != COMPTOIR_UNIT_PIECE)
    return g_strdup_printf ("]C1010%s3103%06u10L%u", item->barcode, 800 + roll * 7, roll);
  if (roll < 60)
    return g_strdup (item->barcode);
  if (roll < 85)
    return g_strdup (item->case_code);
  if (roll < 95)
    return g_strdup (item->ref);
  return g_strdup_printf ("(01)0%s(10)L%u(17)271231", item->barcode, roll);
}

static void
bench_scans (ComptoirDb *db,
             const char *receipt_id,
             GArray     *items,
             int         n_scans)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  guint kinds[4] = { 0 };

  for (int i = 0; i < n_scans + 20; i++)
    {
      const Item *item = &g_array_index (items, Item, g_rand_int_range (rand, 0, items->len));
      g_autofree char *code = code_for (item, g_rand_int_range (rand, 0, 100));
      g_auto (ComptoirReceiptScanResult) result = { 0 };
      g_autoptr (GError) error = NULL;
      gint64 start = now_ns (), elapsed;

      if (!comptoir_goods_receipt_scan (db, receipt_id, code, &result, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - start;
      if (result.status != COMPTOIR_RECEIPT_SCAN_COUNTED || result.new_line)
        {
          g_printerr ("comptoir-bench: the scan of %s did not count on its line: %s\n", code, result.message);
          exit (1);
        }
      kinds[result.is_case ? 1 : item->unit != COMPTOIR_UNIT_PIECE ? 2 : 0]++;
      /* The first scans prepare the statements. */
      if (i >= 20)
        g_array_append_val (samples, elapsed);
    }
  g_print ("receipt scan: %d scans on a %u-line receipt (%u units, %u cases, %u weighed), synchronous=FULL\n",
           n_scans, items->len, kinds[0], kinds[1], kinds[2]);
  report ("scan to line, 300-line receipt", samples, NULL);
  /* The slowest are the scans whose commit runs a WAL checkpoint (one in
   * a hundred and more, with the scan's half-dozen pages). */
  g_print ("%-34s p99 %.4f ms (bar 2 ms)%s   p99.5 %.4f ms   max %.4f ms\n", "receipt scan bar",
           percentile_ms (samples, 0.99), percentile_ms (samples, 0.99) <= 2.0 ? "" : "  ** OVER THE BAR **",
           percentile_ms (samples, 0.995), percentile_ms (samples, 1.0));
}

/* Every line received, some short, some with a damaged unit: the rows a
 * real validation writes. Scans go in one transaction: not what is
 * measured. */
static void
receive_all (ComptoirDb *db,
             const char *receipt_id,
             GArray     *items,
             GRand      *rand)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_db_begin (db, &error))
    die (g_steal_pointer (&error));
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_auto (ComptoirReceiptScanResult) found = { 0 };
      g_auto (ComptoirReceiptScanResult) counted = { 0 };
      gint64 quantity = item->unit == COMPTOIR_UNIT_PIECE ? 24000 : 20000;

      if (g_rand_int_range (rand, 0, 10) == 0)
        quantity -= item->unit == COMPTOIR_UNIT_PIECE ? 6000 : 1234;
      if (!comptoir_goods_receipt_find (db, receipt_id, item->ref, &found, &error) ||
          !comptoir_goods_receipt_count (db, receipt_id, found.line.id, quantity, "L1", NULL, NULL, FALSE, &counted,
                                         &error))
        die (g_steal_pointer (&error));
      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          comptoir_receipt_scan_result_clear (&counted);
          if (!comptoir_goods_receipt_count (db, receipt_id, found.line.id, -1000, "L1", NULL, NULL, FALSE, &counted,
                                             &error))
            die (g_steal_pointer (&error));
          comptoir_receipt_scan_result_clear (&counted);
          if (!comptoir_goods_receipt_count (db, receipt_id, found.line.id, 1000, "L1", NULL, NULL, TRUE, &counted,
                                             &error))
            die (g_steal_pointer (&error));
        }
    }
  if (!comptoir_db_commit (db, &error))
    die (g_steal_pointer (&error));
}

static gint64
query_count (ComptoirDb *db,
             const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

  if (stmt == NULL || !comptoir_db_step_done (db, stmt, &error))
    die (g_steal_pointer (&error));
  return sqlite3_column_int64 (stmt, 0);
}

/* Rows a validation adds, counted in the tables. */
static gint64
rows_written (ComptoirDb *db)
{
  return query_count (db, "SELECT (SELECT count (*) FROM stock_movement) + "
                          "(SELECT count (*) FROM goods_receipt_discrepancy) + (SELECT count (*) FROM change_log)");
}

/* The baseline: one transaction inserting rows into a 4-column table
 * with a TEXT primary key, plus the two updates of the statuses. */
static gint64
bare_validation (sqlite3      *raw,
                 sqlite3_stmt *insert,
                 gint64        rows,
                 guint         round)
{
  gint64 start = now_ns ();

  sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (gint64 r = 0; r < rows; r++)
    {
      g_autofree char *id = comptoir_uuid7_new ();
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, r);
      sqlite3_bind_int64 (insert, 3, round);
      sqlite3_bind_text (insert, 4, "receipt", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("bare insert: %s", sqlite3_errmsg (raw));
      sqlite3_reset (insert);
    }
  sqlite3_exec (raw, "UPDATE row SET b = b + 1 WHERE rowid = 1; UPDATE row SET b = b + 1 WHERE rowid = 2",
                NULL, NULL, NULL);
  if (sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("bare commit: %s", sqlite3_errmsg (raw));
  return now_ns () - start;
}

static void
bench_validation (ComptoirDb *db,
                  const char *dir,
                  const char *supplier_id,
                  GArray     *items,
                  int         n_rounds)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GRand) rand = g_rand_new_with_seed (13);
  g_autofree char *bare_path = g_build_filename (dir, "bare-receipt.db", NULL);
  sqlite3 *raw = NULL;
  sqlite3_stmt *insert = NULL;
  gint64 rows = 0;
  guint n_found = 0;

  g_unlink (bare_path);
  if (sqlite3_open (bare_path, &raw) != SQLITE_OK ||
      sqlite3_exec (raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                         "CREATE TABLE row (id TEXT PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (raw, "INSERT INTO row VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL) != SQLITE_OK)
    g_error ("bare database: %s", sqlite3_errmsg (raw));

  for (int round = 0; round < n_rounds; round++)
    {
      g_autofree char *receipt_id = start_receipt (db, supplier_id);
      g_autoptr (GPtrArray) found = NULL;
      g_autoptr (GError) error = NULL;
      gint64 before, start, elapsed;

      receive_all (db, receipt_id, items, rand);
      before = rows_written (db);
      start = now_ns ();
      found = comptoir_goods_receipt_validate (db, receipt_id, &error);
      elapsed = now_ns () - start;
      if (found == NULL)
        die (g_steal_pointer (&error));
      n_found += found->len;
      /* Every validation is alike: the bare one inserts as many rows as
       * the first wrote. */
      if (rows == 0)
        rows = rows_written (db) - before;
      g_array_append_val (ours, elapsed);
      elapsed = bare_validation (raw, insert, rows, round);
      g_array_append_val (bare, elapsed);
    }
  sqlite3_finalize (insert);
  sqlite3_close (raw);
  g_unlink (bare_path);

  g_print ("receipt validation: %u lines, %d receipts, %.0f discrepancies each; %" G_GINT64_FORMAT
           " rows inserted (movements, discrepancies, change log) and 2 statuses updated, bare the same\n",
           items->len, n_rounds, (double) n_found / n_rounds, rows);
  report ("validate a 300-line receipt", ours, bare);
}

void
bench_receipt (ComptoirDb *db,
               const char *dir,
               int         n_queries)
{
  g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autofree char *supplier_id = NULL;
  g_autofree char *receipt_id = NULL;

  g_array_set_clear_func (items, item_clear);
  supplier_id = make_supplier (db, items);
  if (items->len < N_LINES)
    {
      g_print ("%-34s skipped: fewer than %d products with a barcode\n", "receipt scan", N_LINES);
      return;
    }
  receipt_id = start_receipt (db, supplier_id);
  bench_scans (db, receipt_id, items, MAX (n_queries, 200));
  bench_validation (db, dir, supplier_id, items, CLAMP (n_queries / 400, 3, 10));
}
