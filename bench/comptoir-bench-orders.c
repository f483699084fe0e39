/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comptoir-bench.h"
#include "comptoir-core.h"

/* Order suggestion for a supplier of 1,000 products in a shop of 2,000
 * with two years of sales: ours (sales of the last 8 weeks, stock, what
 * is on order, lead time and order days, rounding to packs, a sentence
 * each) next to a bare SQL aggregate of the same sales, which only sums
 * them. And the ways to read those sales, to show why ours reads the
 * movements by their time index (0015): without it, two years of
 * movements are read for 8 weeks of them. Movements have no product
 * index (0008 dropped it from the sale's commit path) and tickets none
 * on their time, so ticket lines would be read the same whole way. */

#define N_SUPPLIER_PRODUCTS 1000
#define N_OTHER_PRODUCTS    1000
#define WEEKS               8

typedef struct {
  GPtrArray *ids;    /* every product, the supplier's first */
  gint64    *stock;  /* of each, as the history goes */
  GRand     *rand;
  GDateTime *day;
} History;

static void
add_products (ComptoirDb *db,
              const char *supplier_id,
              GPtrArray  *ids)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_db_begin (db, &error))
    die (g_steal_pointer (&error));
  for (int i = 0; i < N_SUPPLIER_PRODUCTS + N_OTHER_PRODUCTS; i++)
    {
      g_autoptr (ComptoirChange) product = comptoir_change_new ("product", NULL);
      g_autofree char *code = g_strdup_printf ("BENCH-%05d", i);
      g_autofree char *name = g_strdup_printf ("Produit de banc d'essai %d", i);

      comptoir_change_set_text (product, "code", code);
      comptoir_change_set_text (product, "name", name);
      comptoir_change_set_text (product, "unit", "piece");
      comptoir_change_set_int (product, "price_cents", 250 + i % 500);
      comptoir_change_set_int (product, "vat_bp", 550);
      comptoir_change_set_bool (product, "active", TRUE);
      if (!comptoir_db_apply_change (db, product, NULL, &error))
        die (g_steal_pointer (&error));
      g_ptr_array_add (ids, g_strdup (comptoir_change_get_row_id (product)));

      if (i < N_SUPPLIER_PRODUCTS)
        {
          g_autoptr (ComptoirChange) line = comptoir_change_new ("supplier_product", NULL);
          g_autofree char *ref = g_strdup_printf ("RV-%05d", i);

          comptoir_change_set_text (line, "supplier_id", supplier_id);
          comptoir_change_set_text (line, "product_id", comptoir_change_get_row_id (product));
          comptoir_change_set_text (line, "supplier_ref", ref);
          comptoir_change_set_text (line, "name", name);
          comptoir_change_set_int (line, "pack_milli", 1000 * (i % 3 == 0 ? 12 : 6));
          comptoir_change_set_int (line, "price_cents", 150 + i % 400);
          if (!comptoir_db_apply_change (db, line, NULL, &error))
            die (g_steal_pointer (&error));
        }
    }
  if (!comptoir_db_commit (db, &error))
    die (g_steal_pointer (&error));
}

static void
add_move (GPtrArray  *moves,
          const char *product_id,
          gint64      quantity_milli,
          const char *reason,
          const char *at)
{
  ComptoirChange *move = comptoir_change_new ("stock_movement", NULL);

  comptoir_change_set_text (move, "product_id", product_id);
  comptoir_change_set_int (move, "quantity_milli", quantity_milli);
  comptoir_change_set_text (move, "reason", reason);
  comptoir_change_set_text (move, "at", at);
  g_ptr_array_add (moves, move);
}

/* One day of the shop: each product sells on about half the days, now
 * and then a refund; on Mondays the supplier brings its products back
 * to 10 to 20 units, so that the stock today is what a shop has. One
 * fact group, one change-log entry, as a day of tills would not be. */
static gboolean
write_day (ComptoirDb  *db,
           gpointer     user_data,
           GError     **error)
{
  History *h = user_data;
  g_autoptr (GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autofree char *date = g_date_time_format (h->day, "%Y-%m-%d");
  gboolean monday = g_date_time_get_day_of_week (h->day) == 1;

  for (guint i = 0; i < h->ids->len; i++)
    {
      const char *id = g_ptr_array_index (h->ids, i);
      guint second = 15 * i;
      gint64 quantity;
      char at[40];

      /* Times increase through the day from 8:00, as tills write them. */
      g_snprintf (at, sizeof at, "%sT%02u:%02u:%02u.000000Z", date, 8 + second / 3600, second / 60 % 60,
                  second % 60);
      if (monday && i < N_SUPPLIER_PRODUCTS)
        {
          quantity = 1000 * g_rand_int_range (h->rand, 10, 21) - h->stock[i];
          if (quantity > 0)
            {
              add_move (moves, id, quantity, "receipt", at);
              h->stock[i] += quantity;
            }
        }
      if (g_rand_int_range (h->rand, 0, 2) == 0)
        {
          quantity = 1000 * g_rand_int_range (h->rand, 1, 4);
          add_move (moves, id, -quantity, "sale", at);
          h->stock[i] -= quantity;
        }
      else if (g_rand_int_range (h->rand, 0, 200) == 0)
        {
          add_move (moves, id, 1000, "refund", at);
          h->stock[i] += 1000;
        }
    }
  return comptoir_db_insert_facts (db, (ComptoirChange **) moves->pdata, moves->len, error);
}

static gint64
count (ComptoirDb *db,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);

  if (stmt == NULL || !comptoir_db_step_done (db, stmt, &error))
    die (g_steal_pointer (&error));
  return sqlite3_column_int64 (stmt, 0);
}

/* Runs an aggregate of the sales since `since` for the supplier and
 * returns what it summed, so that each reading is checked against the
 * others. */
static gint64
run_sales (ComptoirDb *db,
           const char *sql,
           const char *supplier_id,
           const char *since)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, &error);
  gint64 sum = 0;

  if (stmt == NULL)
    die (g_steal_pointer (&error));
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, since, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    sum += sqlite3_column_int64 (stmt, 1);
  return sum;
}

static const char bare_sql[] =
  "SELECT m.product_id, -sum (m.quantity_milli) FROM supplier_product sp "
  "JOIN stock_movement m ON m.product_id = sp.product_id "
  "WHERE sp.supplier_id = ?1 AND m.at >= ?2 AND m.reason IN ('sale', 'refund') GROUP BY m.product_id";
static const char by_time_sql[] =
  "SELECT m.product_id, -sum (m.quantity_milli) FROM stock_movement m INDEXED BY stock_movement_at "
  "WHERE m.at >= ?2 AND m.reason IN ('sale', 'refund') AND m.product_id IN "
  "  (SELECT product_id FROM supplier_product WHERE supplier_id = ?1) GROUP BY m.product_id";
static const char by_scan_sql[] =
  "SELECT m.product_id, -sum (m.quantity_milli) FROM stock_movement m NOT INDEXED "
  "WHERE m.at >= ?2 AND m.reason IN ('sale', 'refund') AND m.product_id IN "
  "  (SELECT product_id FROM supplier_product WHERE supplier_id = ?1) GROUP BY m.product_id";

void
bench_orders (const char *dir,
              int         n_days)
{
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) by_time = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) by_scan = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) start = g_date_time_add_weeks (now, -WEEKS);
  g_autofree char *since = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_auto (ComptoirSupplier) supplier = { 0 };
  History h = { 0 };
  gint64 t0, n_moves, sum_bare = 0, sum_time = 0, sum_scan = 0, sum_ours = 0;
  guint n_packs = 0;
  double seconds;

  if (n_days <= 0)
    return;
  g_unlink (path);
  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (g_steal_pointer (&error));

  t0 = now_ns ();
  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Grossiste de banc d'essai");
  supplier.order_days = COMPTOIR_WEEKDAY_BIT (1) | COMPTOIR_WEEKDAY_BIT (4);
  if (!comptoir_supplier_save (db, &supplier, &error))
    die (g_steal_pointer (&error));
  add_products (db, supplier.id, ids);

  h.ids = ids;
  h.stock = g_new0 (gint64, ids->len);
  h.rand = g_rand_new_with_seed (11);
  for (int d = n_days; d > 0; d--)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (now, -d);

      h.day = day;
      if (!comptoir_db_insert_fact_group (db, write_day, &h, &error))
        die (g_steal_pointer (&error));
    }
  g_rand_free (h.rand);
  g_free (h.stock);
  n_moves = count (db, "SELECT count (*) FROM stock_movement");
  seconds = (now_ns () - t0) / 1e9;
  g_print ("orders: %d products of one supplier in a shop of %d, %" G_GINT64_FORMAT
           " movements over %d days, written in %.1f s\n",
           N_SUPPLIER_PRODUCTS, N_SUPPLIER_PRODUCTS + N_OTHER_PRODUCTS, n_moves, n_days, seconds);

  /* The app folds the stock balances when idle: measured apart. */
  t0 = now_ns ();
  if (!comptoir_stock_fold (db, NULL, &error))
    die (g_steal_pointer (&error));
  g_print ("%-34s %.0f ms (once, when idle)\n", "orders: stock balances folded", (now_ns () - t0) / 1e6);

  for (guint i = 0; i < 11; i++)
    {
      g_autoptr (GPtrArray) suggestions = NULL;
      gint64 elapsed;

      t0 = now_ns ();
      if (!comptoir_purchase_order_suggest (db, supplier.id, WEEKS, now, &suggestions, &error))
        die (g_steal_pointer (&error));
      elapsed = now_ns () - t0;
      g_array_append_val (ours, elapsed);
      sum_ours = n_packs = 0;
      for (guint s = 0; s < suggestions->len; s++)
        {
          ComptoirOrderSuggestion *suggestion = g_ptr_array_index (suggestions, s);

          sum_ours += suggestion->sold_milli;
          n_packs += suggestion->packs;
        }

      t0 = now_ns ();
      sum_bare = run_sales (db, bare_sql, supplier.id, since);
      elapsed = now_ns () - t0;
      g_array_append_val (bare, elapsed);

      t0 = now_ns ();
      sum_time = run_sales (db, by_time_sql, supplier.id, since);
      elapsed = now_ns () - t0;
      g_array_append_val (by_time, elapsed);

      t0 = now_ns ();
      sum_scan = run_sales (db, by_scan_sql, supplier.id, since);
      elapsed = now_ns () - t0;
      g_array_append_val (by_scan, elapsed);
    }

  g_print ("orders: %u packs suggested; %" G_GINT64_FORMAT " units sold in %d weeks "
           "(aggregates: %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")\n",
           n_packs, sum_ours / 1000, WEEKS, sum_bare / 1000, sum_time / 1000, sum_scan / 1000);
  if (sum_ours != sum_bare || sum_time != sum_bare || sum_scan != sum_bare)
    g_printerr ("comptoir-bench: the readings of the sales disagree\n");
  report ("order suggestion (vs SQL aggregate)", ours, bare);
  report ("sales, by the time index", by_time, NULL);
  report ("sales, reading every movement", by_scan, NULL);

  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}
