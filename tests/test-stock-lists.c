/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-shop.h"
#include "test-stock.h"

/* What a person does to the stock and what the stock screens list: a
 * transfer between products, low and unsold stock, the valuation, the
 * movements, lots near their date, quantities as typed. */

/* A sack repacked into bags: the value moves with the goods. */
static void
test_transfer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) sack = fixture_product ("VR-5", "Riz 5 kg vrac", 1500, 550, NULL);
  g_autoptr (ComptoirProduct) bag = fixture_product ("RZ-1", "Riz sachet 500 g", 190, 550, NULL);

  comptoir_product_set_unit (sack, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, sack, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, bag, &error));
  stock_post (f, ID (sack), 10000, "receipt", 300);
  g_assert_true (comptoir_stock_transfer (f->db, ID (sack), 5000, ID (bag), 10000, "Ensachage", NULL, &error));
  g_assert_no_error (error);
  assert_stock (f, ID (sack), 5000, 1500, 300);
  assert_stock (f, ID (bag), 10000, 1500, 150);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (DISTINCT source_id) FROM stock_movement "
                                             "WHERE reason LIKE 'transfer_%' AND note = 'Ensachage'"), ==, 1);

  g_assert_false (comptoir_stock_transfer (f->db, ID (sack), 1000, ID (sack), 1000, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_stock_transfer (f->db, ID (sack), 0, ID (bag), 1000, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) low = NULL;
  g_autoptr (GPtrArray) unsold = NULL;
  g_autoptr (GPtrArray) movements = NULL;
  g_autoptr (GDateTime) in_ten_weeks = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 total = 0, minimum = 0;
  guint n_products = 0, n_without_cost = 0;

  shop_init (f, &shop);
  stock_post (f, ID (shop.pasta), 10000, "receipt", 120);
  stock_post (f, ID (shop.apples), 2000, "receipt", 250);
  stock_post (f, ID (shop.soap), 3000, "inventory", -1);
  stock_sell (f, shop.till, shop.pasta, 4000);

  g_assert_true (comptoir_stock_set_minimum (f->db, ID (shop.pasta), 8000, &error));
  g_assert_true (comptoir_stock_set_minimum (f->db, ID (shop.apples), 1000, &error));
  g_assert_true (comptoir_stock_set_minimum (f->db, ID (shop.soap), 6000, &error));
  low = comptoir_stock_list_low (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (low->len, ==, 2);
  /* Soap is at half its minimum, pasta at three quarters. */
  g_assert_cmpstr (((ComptoirStockItem *) low->pdata[0])->code, ==, "HY-1");
  g_assert_cmpstr (((ComptoirStockItem *) low->pdata[1])->code, ==, "EP-1");
  g_assert_cmpint (((ComptoirStockItem *) low->pdata[1])->quantity_milli, ==, 6000);
  g_assert_cmpint (((ComptoirStockItem *) low->pdata[1])->minimum_milli, ==, 8000);
  g_assert_true (comptoir_stock_get_minimum (f->db, ID (shop.soap), &minimum, &error));
  g_assert_cmpint (minimum, ==, 6000);
  g_assert_true (comptoir_stock_set_minimum (f->db, ID (shop.soap), -1, &error));
  g_assert_true (comptoir_stock_get_minimum (f->db, ID (shop.soap), &minimum, &error));
  g_assert_cmpint (minimum, ==, -1);
  g_assert_false (comptoir_stock_get_minimum (f->db, "0190aaaa-0000-7000-8000-000000000000", &minimum, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&low, g_ptr_array_unref);
  low = comptoir_stock_list_low (f->db, &error);
  g_assert_cmpuint (low->len, ==, 1);

  g_assert_true (comptoir_stock_valuation (f->db, &total, &n_products, &n_without_cost, &error));
  g_assert_cmpint (total, ==, 6 * 120 + 2 * 250);
  g_assert_cmpuint (n_products, ==, 3);
  g_assert_cmpuint (n_without_cost, ==, 1);

  /* Today, only the soap, never sold and in stock since a day unknown
   * (counted, never delivered); in ten weeks, all three. */
  unsold = comptoir_stock_list_unsold (f->db, 8, now, &error);
  g_assert_cmpuint (unsold->len, ==, 1);
  g_assert_cmpstr (((ComptoirStockItem *) unsold->pdata[0])->code, ==, "HY-1");
  g_clear_pointer (&unsold, g_ptr_array_unref);
  in_ten_weeks = g_date_time_add_weeks (now, 10);
  unsold = comptoir_stock_list_unsold (f->db, 8, in_ten_weeks, &error);
  g_assert_cmpuint (unsold->len, ==, 3);
  g_assert_null (((ComptoirStockItem *) unsold->pdata[0])->last_out);
  g_assert_cmpstr (((ComptoirStockItem *) unsold->pdata[2])->code, ==, "EP-1");

  movements = comptoir_stock_list_movements (f->db, ID (shop.pasta), 20, &error);
  g_assert_cmpuint (movements->len, ==, 2);
  g_assert_cmpstr (((ComptoirStockMovement *) movements->pdata[0])->reason, ==, "sale");
  g_assert_cmpint (((ComptoirStockMovement *) movements->pdata[1])->unit_cost_cents, ==, 120);
}

/* Lots received with dates, against what is left in stock. */
static void
test_expiring (Fixture       *f,
               gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ComptoirChange) supplier = comptoir_change_new ("supplier", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_local (2025, 3, 10, 12, 0, 0);
  ComptoirStockItem *item;
  struct { const char *receipt_at; const char *lot; const char *use_by; const char *best_before; gint64 q; } lots[] = {
    { "2025-03-01T08:00:00.000000Z", "L1", "2025-03-12", NULL, 6000 },   /* older, sold first */
    { "2025-03-05T08:00:00.000000Z", "L2", "2025-03-14", NULL, 4000 },
    { "2025-03-08T08:00:00.000000Z", "L3", NULL, "2025-09-30", 5000 },
  };

  shop_init (f, &shop);
  comptoir_change_set_text (supplier, "name", "Biocoop Grossiste");
  g_assert_true (comptoir_db_apply_change (f->db, supplier, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (lots); i++)
    {
      g_autoptr (ComptoirChange) receipt = comptoir_change_new ("goods_receipt", NULL);
      g_autoptr (ComptoirChange) line = comptoir_change_new ("goods_receipt_line", NULL);
      g_autoptr (ComptoirChange) scan = comptoir_change_new ("goods_receipt_scan", NULL);

      comptoir_change_set_text (receipt, "supplier_id", comptoir_change_get_row_id (supplier));
      comptoir_change_set_text (receipt, "started_at", lots[i].receipt_at);
      comptoir_change_set_text (receipt, "status", "validated");
      comptoir_change_set_text (receipt, "validated_at", lots[i].receipt_at);
      g_assert_true (comptoir_db_apply_change (f->db, receipt, NULL, &error));
      comptoir_change_set_text (line, "receipt_id", comptoir_change_get_row_id (receipt));
      comptoir_change_set_text (line, "product_id", ID (shop.pasta));
      comptoir_change_set_text (line, "label", "Pâtes");
      g_assert_true (comptoir_db_apply_change (f->db, line, NULL, &error));
      comptoir_change_set_text (scan, "receipt_id", comptoir_change_get_row_id (receipt));
      comptoir_change_set_text (scan, "line_id", comptoir_change_get_row_id (line));
      comptoir_change_set_int (scan, "quantity_milli", lots[i].q);
      comptoir_change_set_text (scan, "lot", lots[i].lot);
      comptoir_change_set_text (scan, "use_by", lots[i].use_by);
      comptoir_change_set_text (scan, "best_before", lots[i].best_before);
      comptoir_change_set_text (scan, "at", lots[i].receipt_at);
      comptoir_change_set_text (scan, "device_id", comptoir_db_get_device_id (f->db));
      g_assert_true (comptoir_db_insert_fact (f->db, scan, &error));
      g_assert_no_error (error);
      stock_post (f, ID (shop.pasta), lots[i].q, "receipt", 100);
    }

  /* 15 received, 7 left: L3 (5) and 2 of L2; L1 is sold. */
  stock_sell (f, shop.till, shop.pasta, 8000);
  items = comptoir_stock_list_expiring (f->db, 7, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpstr (item->lot, ==, "L2");
  g_assert_cmpstr (item->date, ==, "2025-03-14");
  g_assert_true (item->use_by);
  g_assert_cmpint (item->lot_quantity_milli, ==, 2000);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* In a year everything left is past its date; sold out, nothing is. */
  {
    g_autoptr (GDateTime) later = g_date_time_add_years (now, 1);
    items = comptoir_stock_list_expiring (f->db, 7, later, &error);
    g_assert_cmpuint (items->len, ==, 2);
    g_assert_cmpstr (((ComptoirStockItem *) items->pdata[0])->lot, ==, "L2");
    g_assert_cmpstr (((ComptoirStockItem *) items->pdata[1])->lot, ==, "L3");
    g_assert_false (((ComptoirStockItem *) items->pdata[1])->use_by);
    g_clear_pointer (&items, g_ptr_array_unref);
  }
  stock_sell (f, shop.till, shop.pasta, 7000);
  items = comptoir_stock_list_expiring (f->db, 7, now, &error);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_quantity_parse (void)
{
  static const struct {
    ComptoirUnit unit;
    const char  *text;
    gboolean     negative;
    gint64       milli;  /* G_MININT64: refused */
  } cases[] = {
    { COMPTOIR_UNIT_PIECE, "3", FALSE, 3000 },
    { COMPTOIR_UNIT_PIECE, " 12 ", FALSE, 12000 },
    { COMPTOIR_UNIT_PIECE, "1,5", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_PIECE, "3 kg", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_PIECE, "-2", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_PIECE, "-2", TRUE, -2000 },
    { COMPTOIR_UNIT_PIECE, "0", FALSE, 0 },
    { COMPTOIR_UNIT_KG, "1,5", FALSE, 1500 },
    { COMPTOIR_UNIT_KG, "1.5 kg", FALSE, 1500 },
    { COMPTOIR_UNIT_KG, "2kg", FALSE, 2000 },
    { COMPTOIR_UNIT_KG, "350 g", FALSE, 350 },
    { COMPTOIR_UNIT_KG, "350", FALSE, 350 },
    { COMPTOIR_UNIT_KG, "0,0005", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_KG, "3,5 g", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_KG, "1,5 l", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_LITRE, "0,75 l", FALSE, 750 },
    { COMPTOIR_UNIT_LITRE, "75 cl", FALSE, 750 },
    { COMPTOIR_UNIT_LITRE, "7,5 cl", FALSE, 75 },
    { COMPTOIR_UNIT_LITRE, "500 ml", FALSE, 500 },
    { COMPTOIR_UNIT_LITRE, "abc", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_LITRE, "", FALSE, G_MININT64 },
    { COMPTOIR_UNIT_LITRE, "1,2,3", FALSE, G_MININT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 milli = 0;
      gboolean ok = comptoir_stock_quantity_parse (cases[i].unit, cases[i].text, cases[i].negative, &milli, &error);

      if (cases[i].milli == G_MININT64)
        {
          g_assert_false (ok);
          g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (milli, ==, cases[i].milli);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/stock/transfer", test_transfer);
  ADD ("/comptoir/core/stock/lists", test_lists);
  ADD ("/comptoir/core/stock/expiring", test_expiring);
  g_test_add_func ("/comptoir/core/stock/quantity-parse", test_quantity_parse);
#undef ADD

  return g_test_run ();
}
