/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-stock.h"

/* Inventory counts done while the shop sells: entries by product or by
 * code, expected against counted, validation all or nothing, what was
 * not counted. */

typedef struct {
  char            *grocery;   /* category */
  ComptoirProduct *pasta;     /* grocery, with a barcode */
  ComptoirProduct *rice;      /* grocery */
  ComptoirProduct *flour;     /* grocery */
  ComptoirProduct *cheese;    /* kg, no category, scale label 21 + item 04321 */
  ComptoirProduct *soap;      /* no category */
  char            *till;
} Shop;

static ComptoirProduct *
save (Fixture    *f,
      const char *code,
      const char *name,
      const char *barcode,
      const char *category_id,
      const char *category_name)
{
  g_autoptr (GError) error = NULL;
  ComptoirProduct *p = fixture_product (code, name, 250, 550, barcode);

  if (category_id != NULL)
    comptoir_product_set_category (p, category_id, category_name);
  g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
  g_assert_no_error (error);
  return p;
}

static void
shop_init (Fixture *f,
           Shop    *shop)
{
  g_autoptr (GError) error = NULL;

  shop->grocery = comptoir_catalog_ensure_category (f->catalog, "Épicerie", 550, &error);
  g_assert_no_error (error);
  shop->pasta = save (f, "EP-1", "Pâtes penne 500 g", "3017620422003", shop->grocery, "Épicerie");
  shop->rice = save (f, "EP-2", "Riz basmati 1 kg", NULL, shop->grocery, "Épicerie");
  shop->flour = save (f, "EP-3", "Farine T65 1 kg", NULL, shop->grocery, "Épicerie");
  shop->cheese = fixture_product ("04321", "Comté au kilo", 2590, 550, NULL);
  comptoir_product_set_unit (shop->cheese, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->cheese, &error));
  shop->soap = save (f, "HY-1", "Savon d'Alep", NULL, NULL, NULL);
  shop->till = comptoir_till_ensure (f->db, "T1", &error);
  g_assert_no_error (error);

  stock_post (f, ID (shop->pasta), 10000, "receipt", 100);
  stock_post (f, ID (shop->rice), 6000, "receipt", 200);
  stock_post (f, ID (shop->flour), 4000, "receipt", 150);
  stock_post (f, ID (shop->cheese), 5000, "receipt", 1800);
}

static void
shop_clear (Shop *shop)
{
  g_clear_pointer (&shop->grocery, g_free);
  g_clear_object (&shop->pasta);
  g_clear_object (&shop->rice);
  g_clear_object (&shop->flour);
  g_clear_object (&shop->cheese);
  g_clear_object (&shop->soap);
  g_clear_pointer (&shop->till, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)

static void
count (Fixture         *f,
       const char      *count_id,
       ComptoirProduct *product,
       gint64           quantity_milli)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_inventory_add (f->db, count_id, ID (product), quantity_milli, &error));
  g_assert_no_error (error);
  /* Timestamps have microseconds: keep what happens next after. */
  g_usleep (50);
}

static gint64
quantity_of (Fixture         *f,
             ComptoirProduct *product)
{
  return stock_of (f, ID (product)).quantity_milli;
}

static ComptoirInventoryLine *
line_of (GPtrArray       *lines,
         ComptoirProduct *product)
{
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      if (g_str_equal (line->product_id, ID (product)))
        return line;
    }
  g_assert_not_reached ();
}

/* Shelf and reserve add up; the difference is posted at validation and
 * the count is closed. */
static void
test_count_and_validate (Fixture       *f,
                         gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_auto (ComptoirInventoryCount) info = { 0 };
  g_auto (ComptoirInventoryResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *id = NULL;
  ComptoirInventoryLine *line;

  shop_init (f, &shop);
  id = comptoir_inventory_start (f->db, "  Rayon épicerie ", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_inventory_get (f->db, id, &info, &error));
  g_assert_cmpstr (info.label, ==, "Rayon épicerie");
  g_assert_cmpint (info.status, ==, COMPTOIR_INVENTORY_OPEN);

  count (f, id, shop.pasta, 4000);
  count (f, id, shop.pasta, 3000);
  count (f, id, shop.rice, 6000);
  lines = comptoir_inventory_list (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  line = line_of (lines, shop.pasta);
  g_assert_cmpint (line->counted_milli, ==, 7000);
  g_assert_cmpint (line->expected_milli, ==, 10000);
  g_assert_cmpint (line->difference_milli, ==, -3000);
  g_assert_cmpint (line->difference_cents, ==, -300);
  g_assert_cmpint (line_of (lines, shop.rice)->difference_milli, ==, 0);

  g_assert_true (comptoir_inventory_validate (f->db, id, COMPTOIR_INVENTORY_VALIDATE_DEFAULT, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_counted, ==, 2);
  g_assert_cmpuint (result.n_adjusted, ==, 1);
  g_assert_cmpint (result.difference_cents, ==, -300);
  g_assert_cmpuint (result.uncounted->len, ==, 0);
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 7000);
  g_assert_cmpint (quantity_of (f, shop.rice), ==, 6000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement WHERE reason = 'inventory'"), ==, 1);

  comptoir_inventory_count_clear (&info);
  g_assert_true (comptoir_inventory_get (f->db, id, &info, &error));
  g_assert_cmpint (info.status, ==, COMPTOIR_INVENTORY_VALIDATED);
  g_assert_nonnull (info.validated_at);

  /* Closed: no more entries, no second validation, no cancelling. */
  g_assert_false (comptoir_inventory_add (f->db, id, ID (shop.pasta), 1000, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "validated"));
  g_clear_error (&error);
  g_assert_false (comptoir_inventory_validate (f->db, id, 0, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_inventory_cancel (f->db, id, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement WHERE reason = 'inventory'"), ==, 1);
}

/* The shop sells while people count: a sale after a product was
 * counted is not counted twice, a sale before it is in the count. */
static void
test_during_sales (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  shop_init (f, &shop);
  id = comptoir_inventory_start (f->db, "Épicerie", shop.grocery, &error);

  stock_sell (f, shop.till, shop.rice, 1000);   /* before rice is counted: 5 on the shelf */
  count (f, id, shop.rice, 5000);
  count (f, id, shop.pasta, 7000);    /* 3 missing */
  stock_sell (f, shop.till, shop.pasta, 2000);  /* sold after pasta was counted */
  stock_post (f, ID (shop.pasta), 12000, "receipt", 110);   /* delivered after it too */
  count (f, id, shop.flour, 4000);
  stock_sell (f, shop.till, shop.flour, 1000);
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 20000);

  {
    g_autoptr (GPtrArray) lines = comptoir_inventory_list (f->db, id, &error);
    g_assert_cmpint (line_of (lines, shop.pasta)->expected_milli, ==, 10000);
    g_assert_cmpint (line_of (lines, shop.rice)->expected_milli, ==, 5000);
    g_assert_cmpint (line_of (lines, shop.flour)->expected_milli, ==, 4000);
  }
  g_assert_true (comptoir_inventory_validate (f->db, id, 0, NULL, &error));
  g_assert_no_error (error);
  /* Counted 7, then 2 sold and 12 delivered. */
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 7000 - 2000 + 12000);
  g_assert_cmpint (quantity_of (f, shop.rice), ==, 5000);
  g_assert_cmpint (quantity_of (f, shop.flour), ==, 3000);
}

/* A validation that fails half-way leaves no adjustment behind and the
 * count open. */
static void
test_validate_atomic (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_auto (ComptoirInventoryCount) info = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *trigger = NULL;
  gint64 log_before, moves_before;

  shop_init (f, &shop);
  id = comptoir_inventory_start (f->db, "Épicerie", NULL, &error);
  count (f, id, shop.pasta, 8000);
  count (f, id, shop.rice, 1000);
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  moves_before = fixture_query_int (f->db, "SELECT count(*) FROM stock_movement");

  /* The database refuses the rice's adjustment, written after the
   * pasta's. */
  trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse_rice AFTER INSERT ON stock_movement "
                             "WHEN NEW.product_id = '%s' BEGIN SELECT RAISE (ABORT, 'disk full'); END",
                             ID (shop.rice));
  g_assert_true (comptoir_db_exec (f->db, trigger, &error));
  g_assert_false (comptoir_inventory_validate (f->db, id, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, moves_before);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);
  g_assert_true (comptoir_inventory_get (f->db, id, &info, &error));
  g_assert_cmpint (info.status, ==, COMPTOIR_INVENTORY_OPEN);
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 10000);

  g_assert_true (comptoir_db_exec (f->db, "DROP TRIGGER refuse_rice", &error));
  g_assert_true (comptoir_inventory_validate (f->db, id, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 8000);
  g_assert_cmpint (quantity_of (f, shop.rice), ==, 1000);
  /* The adjustments are one change-log entry, the count's status one. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 2);
}

/* Products of the category not counted are reported, left alone, or
 * set to 0 when the count covered the whole category. */
static void
test_uncounted (Fixture       *f,
                gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *zone = NULL;

  shop_init (f, &shop);
  first = comptoir_inventory_start (f->db, "Épicerie", shop.grocery, &error);
  count (f, first, shop.pasta, 10000);
  count (f, first, shop.soap, 2000);  /* found in the aisle: counted all the same */
  {
    /* What the validation dialog shows before it is asked. */
    g_autoptr (GPtrArray) preview = comptoir_inventory_list_uncounted (f->db, first, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (preview->len, ==, 2);
    g_assert_cmpstr (((ComptoirStockItem *) preview->pdata[0])->code, ==, "EP-3");
    g_assert_cmpint (((ComptoirStockItem *) preview->pdata[0])->quantity_milli, ==, 4000);
    g_assert_cmpint (((ComptoirStockItem *) preview->pdata[0])->value_cents, ==, 600);
  }
  {
    g_auto (ComptoirInventoryResult) result = { 0 };

    g_assert_true (comptoir_inventory_validate (f->db, first, 0, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_counted, ==, 2);
    g_assert_cmpuint (result.uncounted->len, ==, 2);
    g_assert_cmpstr (((ComptoirStockItem *) result.uncounted->pdata[0])->code, ==, "EP-3");  /* Farine */
    g_assert_cmpint (((ComptoirStockItem *) result.uncounted->pdata[0])->quantity_milli, ==, 4000);
    g_assert_cmpstr (((ComptoirStockItem *) result.uncounted->pdata[1])->code, ==, "EP-2");  /* Riz */
    g_assert_false (result.uncounted_zeroed);
  }
  g_assert_cmpint (quantity_of (f, shop.rice), ==, 6000);
  g_assert_cmpint (quantity_of (f, shop.soap), ==, 2000);

  second = comptoir_inventory_start (f->db, "Épicerie, tout", shop.grocery, &error);
  count (f, second, shop.pasta, 9000);
  {
    g_auto (ComptoirInventoryResult) result = { 0 };

    g_assert_true (comptoir_inventory_validate (f->db, second, COMPTOIR_INVENTORY_ZERO_UNCOUNTED, &result, &error));
    g_assert_no_error (error);
    g_assert_true (result.uncounted_zeroed);
    g_assert_cmpuint (result.n_adjusted, ==, 3);
    /* -1 pasta at 1.00, -4 flour at 1.50, -6 rice at 2.00 */
    g_assert_cmpint (result.difference_cents, ==, -100 - 600 - 1200);
  }
  g_assert_cmpint (quantity_of (f, shop.rice), ==, 0);
  g_assert_cmpint (quantity_of (f, shop.flour), ==, 0);

  zone = comptoir_inventory_start (f->db, "Réserve", NULL, &error);
  count (f, zone, shop.soap, 1000);
  {
    g_autoptr (GPtrArray) preview = comptoir_inventory_list_uncounted (f->db, zone, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (preview->len, ==, 0);
  }
  g_assert_false (comptoir_inventory_validate (f->db, zone, COMPTOIR_INVENTORY_ZERO_UNCOUNTED, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no category"));
}

/* Codes as the till reads them: our barcode, a product code, a scale
 * label with its weight; a weighed product needs a weight, a member's
 * card is not a product. */
static void
test_by_code (Fixture       *f,
              gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *id = NULL;
  g_autoptr (ComptoirProduct) counted = NULL;

  shop_init (f, &shop);
  id = comptoir_inventory_start (f->db, "Tout", NULL, &error);

  counted = comptoir_inventory_add_code (f->catalog, rules, id, "3017620422003",
                                         COMPTOIR_INVENTORY_QUANTITY_FROM_CODE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_product_get_code (counted), ==, "EP-1");
  g_clear_object (&counted);
  counted = comptoir_inventory_add_code (f->catalog, rules, id, "EP-1", 5000, &error);
  g_assert_no_error (error);
  g_clear_object (&counted);
  /* 21 04321 00750 and its check digit: 750 g of Comté. */
  counted = comptoir_inventory_add_code (f->catalog, rules, id, "2104321007507",
                                         COMPTOIR_INVENTORY_QUANTITY_FROM_CODE, &error);
  g_assert_no_error (error);
  g_clear_object (&counted);

  counted = comptoir_inventory_add_code (f->catalog, rules, id, "04321", COMPTOIR_INVENTORY_QUANTITY_FROM_CODE, &error);
  g_assert_null (counted);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "weight"));
  g_clear_error (&error);
  counted = comptoir_inventory_add_code (f->catalog, rules, id, "9999999999994", 1000, &error);
  g_assert_null (counted);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A correction may not take a count below 0. */
  g_assert_false (comptoir_inventory_add (f->db, id, ID (shop.pasta), -7000, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  count (f, id, shop.pasta, -1000);

  lines = comptoir_inventory_list (f->db, id, &error);
  g_assert_cmpint (line_of (lines, shop.pasta)->counted_milli, ==, 5000);
  g_assert_cmpint (line_of (lines, shop.cheese)->counted_milli, ==, 750);
  g_assert_cmpint (line_of (lines, shop.cheese)->difference_cents, ==, -7650);  /* -4.25 kg at 18.00 */
}

static void
test_cancel_and_refusals (Fixture       *f,
                          gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) counts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *empty = NULL;

  shop_init (f, &shop);
  g_assert_null (comptoir_inventory_start (f->db, "   ", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (comptoir_inventory_start (f->db, "Rayon", "0190c5c0-0000-7000-8000-000000000000", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  empty = comptoir_inventory_start (f->db, "Vide", NULL, &error);
  g_assert_false (comptoir_inventory_validate (f->db, empty, 0, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nothing was counted"));
  g_clear_error (&error);

  id = comptoir_inventory_start (f->db, "Rayon", NULL, &error);
  count (f, id, shop.pasta, 1000);
  g_assert_true (comptoir_inventory_cancel (f->db, id, &error));
  g_assert_false (comptoir_inventory_add (f->db, id, ID (shop.pasta), 1000, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cancelled"));
  g_clear_error (&error);
  g_assert_cmpint (quantity_of (f, shop.pasta), ==, 10000);

  g_assert_false (comptoir_inventory_add (f->db, "0190c5c0-0000-7000-8000-000000000000", ID (shop.pasta), 1000, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  counts = comptoir_inventory_list_counts (f->db, &error);
  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpint (((ComptoirInventoryCount *) counts->pdata[0])->status, ==, COMPTOIR_INVENTORY_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/inventory/count-and-validate", test_count_and_validate);
  ADD ("/comptoir/core/inventory/during-sales", test_during_sales);
  ADD ("/comptoir/core/inventory/validate-atomic", test_validate_atomic);
  ADD ("/comptoir/core/inventory/uncounted", test_uncounted);
  ADD ("/comptoir/core/inventory/by-code", test_by_code);
  ADD ("/comptoir/core/inventory/cancel-and-refusals", test_cancel_and_refusals);
#undef ADD

  return g_test_run ();
}
