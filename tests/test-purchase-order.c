/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

#define EAN_MUESLI "3760012345014"

/* A shop with a supplier taking orders on Mondays and Thursdays,
 * delivering two days later, and a known history of sales. */
typedef struct {
  Fixture  f;
  char    *supplier;
  char    *category;
  char    *muesli, *jus, *pommes, *the, *riz;              /* our products */
  char    *l_muesli, *l_jus, *l_pommes, *l_the, *l_riz;    /* the supplier's lines */
} Shop;

static char *
add_product (Shop         *s,
             const char   *code,
             const char   *name,
             ComptoirUnit  unit,
             const char   *barcode,
             const char   *category_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = fixture_product (code, name, 350, 550, barcode);

  comptoir_product_set_unit (product, unit);
  if (category_id != NULL)
    comptoir_product_set_category (product, category_id, "Épicerie");
  g_assert_true (comptoir_catalog_save_product (s->f.catalog, product, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_id (product));
}

static char *
add_line (ComptoirDb *db,
          const char *supplier_id,
          const char *ref,
          const char *product_id,
          gint64      pack_milli,
          gint64      price_cents)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplierProduct) line = { 0 };

  comptoir_supplier_product_init (&line);
  line.supplier_id = g_strdup (supplier_id);
  line.supplier_ref = g_strdup (ref);
  line.name = g_strdup_printf ("Catalogue %s", ref);
  line.product_id = g_strdup (product_id);
  line.pack_milli = pack_milli;
  line.price_cents = price_cents;
  g_assert_true (comptoir_supplier_product_save (db, &line, &error));
  g_assert_no_error (error);
  return g_strdup (line.id);
}

static void
move (ComptoirDb *db,
      const char *product_id,
      gint64      quantity_milli,
      const char *reason,
      const char *at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) fact = comptoir_change_new ("stock_movement", NULL);

  comptoir_change_set_text (fact, "product_id", product_id);
  comptoir_change_set_int (fact, "quantity_milli", quantity_milli);
  comptoir_change_set_text (fact, "reason", reason);
  comptoir_change_set_text (fact, "at", at);
  g_assert_true (comptoir_db_insert_fact (db, fact, &error));
  g_assert_no_error (error);
}

/* Sales on the same weekday for `weeks` weeks from `first`. */
static void
weekly_sales (ComptoirDb *db,
              const char *product_id,
              const char *first,
              guint       weeks,
              gint64      quantity_milli)
{
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (first, NULL);

  g_assert_nonnull (start);
  for (guint w = 0; w < weeks; w++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_weeks (start, w);
      g_autofree char *at = g_date_time_format (day, "%Y-%m-%dT%H:%M:%S.%fZ");

      move (db, product_id, -quantity_milli, "sale", at);
    }
}

static void
shop_set_up (Shop          *s,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  ComptoirDb *db;

  fixture_set_up (&s->f, data);
  db = s->f.db;

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Relais Vert");
  g_assert_true (comptoir_weekdays_parse ("lundi, jeudi", &supplier.order_days, &error));
  supplier.lead_days = 2;
  supplier.min_order_cents = 5000;
  supplier.franco_cents = 25000;
  g_assert_true (comptoir_supplier_save (db, &supplier, &error));
  g_assert_no_error (error);
  s->supplier = g_strdup (supplier.id);

  s->category = comptoir_catalog_ensure_category (s->f.catalog, "Épicerie", 550, &error);
  g_assert_no_error (error);
  s->muesli = add_product (s, "MUE", "Muesli", COMPTOIR_UNIT_PIECE, EAN_MUESLI, NULL);
  s->jus = add_product (s, "JUS", "Jus de pomme", COMPTOIR_UNIT_PIECE, NULL, NULL);
  s->pommes = add_product (s, "POM", "Pommes Golden", COMPTOIR_UNIT_KG, NULL, NULL);
  s->the = add_product (s, "THE", "Thé vert", COMPTOIR_UNIT_PIECE, NULL, NULL);
  s->riz = add_product (s, "RIZ", "Riz basmati", COMPTOIR_UNIT_PIECE, NULL, s->category);

  s->l_muesli = add_line (db, s->supplier, "RV-100", s->muesli, 6000, 245);
  s->l_jus = add_line (db, s->supplier, "RV-200", s->jus, 6000, 180);
  s->l_the = add_line (db, s->supplier, "RV-300", s->the, 12000, 300);
  s->l_riz = add_line (db, s->supplier, "RV-400", s->riz, 10000, 150);
  s->l_pommes = add_line (db, s->supplier, "RV-500", s->pommes, 5000, 250);

  /* Muesli: 12 a week over the last eight weeks (a refund and a sale of
   * two cancel out), 30 sold before that; 5 left. */
  move (db, s->muesli, 131000, "receipt", "2024-12-01T08:00:00.000000Z");
  move (db, s->muesli, -30000, "sale", "2024-12-20T16:00:00.000000Z");
  weekly_sales (db, s->muesli, "2025-01-14T11:00:00Z", 8, 12000);
  move (db, s->muesli, -2000, "sale", "2025-02-20T11:00:00.000000Z");
  move (db, s->muesli, 2000, "refund", "2025-02-21T11:00:00.000000Z");
  /* Juice: 6 a week, none left. */
  move (db, s->jus, 48000, "receipt", "2025-01-02T08:00:00.000000Z");
  weekly_sales (db, s->jus, "2025-01-15T11:00:00Z", 8, 6000);
  /* Apples, by weight: 14 kg in eight weeks, 500 g left. */
  move (db, s->pommes, 14500, "receipt", "2025-01-02T08:00:00.000000Z");
  weekly_sales (db, s->pommes, "2025-01-16T11:00:00Z", 7, 2000);
  /* Rice: 10 a week, none left: exactly one pack of 10 is needed. */
  move (db, s->riz, 80000, "receipt", "2025-01-02T08:00:00.000000Z");
  weekly_sales (db, s->riz, "2025-01-17T11:00:00Z", 8, 10000);
  /* Tea: 20 in stock, not sold. */
  move (db, s->the, 20000, "receipt", "2025-01-02T08:00:00.000000Z");
}

static void
shop_tear_down (Shop          *s,
                gconstpointer  data)
{
  g_free (s->supplier);
  g_free (s->category);
  g_free (s->muesli);
  g_free (s->jus);
  g_free (s->pommes);
  g_free (s->the);
  g_free (s->riz);
  g_free (s->l_muesli);
  g_free (s->l_jus);
  g_free (s->l_pommes);
  g_free (s->l_the);
  g_free (s->l_riz);
  fixture_tear_down (&s->f, data);
}

static GDateTime *
monday (void)
{
  return g_date_time_new_utc (2025, 3, 10, 10, 0, 0);
}

static GPtrArray *
suggest (Shop      *s,
         guint      weeks,
         GDateTime *now)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *suggestions = NULL;

  g_assert_true (comptoir_purchase_order_suggest (s->f.db, s->supplier, weeks, now, &suggestions, &error));
  g_assert_no_error (error);
  return suggestions;
}

static ComptoirOrderSuggestion *
find_suggestion (GPtrArray  *suggestions,
                 const char *product_id)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      ComptoirOrderSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->product_id, product_id))
        return suggestion;
    }
  g_assert_not_reached ();
}

/* An order of the juice already sent: what it brings is counted. */
static void
send_juice_order (Shop *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = monday ();
  g_autofree char *order = comptoir_purchase_order_create (s->f.db, s->supplier, &error);

  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, order, s->l_jus, 1, &error));
  g_assert_true (comptoir_purchase_order_send (s->f.db, order, now, &error));
  g_assert_no_error (error);
}

static void
test_suggest (Shop          *s,
              gconstpointer  data)
{
  g_autoptr (GDateTime) now = monday ();
  g_autoptr (GDateTime) thursday = g_date_time_new_utc (2025, 3, 13, 10, 0, 0);
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GError) error = NULL;
  ComptoirOrderSuggestion *sg;

  send_juice_order (s);
  suggestions = suggest (s, 8, now);
  g_assert_cmpuint (suggestions->len, ==, 5);
  /* By name. */
  g_assert_cmpstr (((ComptoirOrderSuggestion *) g_ptr_array_index (suggestions, 0))->name, ==, "Jus de pomme");
  g_assert_cmpstr (((ComptoirOrderSuggestion *) g_ptr_array_index (suggestions, 4))->name, ==, "Thé vert");

  /* Monday: the next order is on Thursday, delivered on Saturday, five
   * days from now; 12 a week is 12 for those 5 days and 2 of margin. */
  sg = find_suggestion (suggestions, s->muesli);
  g_assert_cmpstr (sg->supplier_product_id, ==, s->l_muesli);
  g_assert_cmpstr (sg->supplier_ref, ==, "RV-100");
  g_assert_cmpint (sg->sold_milli, ==, 96000);
  g_assert_cmpint (sg->stock_milli, ==, 5000);
  g_assert_cmpint (sg->on_order_milli, ==, 0);
  g_assert_cmpint (sg->cover_days, ==, 5);
  g_assert_cmpint (sg->margin_days, ==, 2);
  g_assert_cmpint (sg->needed_milli, ==, 7000);
  g_assert_cmpint (sg->packs, ==, 2);
  g_assert_cmpint (sg->quantity_milli, ==, 12000);
  g_assert_cmpint (sg->price_cents, ==, 245);
  g_assert_cmpstr (sg->explanation, ==,
                   "Sold 12 a week over the last 8 weeks, 5 in stock; 7 needed until the next order’s "
                   "delivery in 5 days, with 2 days of margin → 2 cases of 6.");

  sg = find_suggestion (suggestions, s->jus);
  g_assert_cmpint (sg->on_order_milli, ==, 6000);
  g_assert_cmpint (sg->packs, ==, 0);
  g_assert_cmpstr (sg->explanation, ==,
                   "Sold 6 a week over the last 8 weeks, 0 in stock and 6 on order: enough until the next "
                   "order’s delivery in 5 days, with 2 days of margin.");

  sg = find_suggestion (suggestions, s->pommes);
  g_assert_cmpint (sg->unit, ==, COMPTOIR_UNIT_KG);
  g_assert_cmpint (sg->needed_milli, ==, 1250);
  g_assert_cmpint (sg->packs, ==, 1);
  g_assert_cmpint (sg->quantity_milli, ==, 5000);
  g_assert_cmpstr (sg->explanation, ==,
                   "Sold 1.75 kg a week over the last 8 weeks, 0.5 kg in stock; 1.25 kg needed until the next "
                   "order’s delivery in 5 days, with 2 days of margin → 1 case of 5 kg.");

  /* A need of exactly one pack is one pack. */
  sg = find_suggestion (suggestions, s->riz);
  g_assert_cmpint (sg->needed_milli, ==, 10000);
  g_assert_cmpint (sg->packs, ==, 1);

  sg = find_suggestion (suggestions, s->the);
  g_assert_cmpint (sg->packs, ==, 0);
  g_assert_cmpint (sg->stock_milli, ==, 20000);
  g_assert_cmpstr (sg->explanation, ==, "Not sold in the last 8 weeks: nothing to order.");

  /* On Thursday the next order is on Monday: 4 days, 6 with delivery. */
  later = suggest (s, 4, thursday);
  sg = find_suggestion (later, s->muesli);
  g_assert_cmpint (sg->cover_days, ==, 6);
  g_assert_cmpint (sg->weeks, ==, 4);

  g_assert_false (comptoir_purchase_order_suggest (s->f.db, s->supplier, 0, now, &later, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_order_from_suggestion (Shop          *s,
                            gconstpointer  data)
{
  g_autoptr (GDateTime) now = monday ();
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_auto (GStrv) warnings = NULL;
  g_autofree char *id = NULL;
  const ComptoirPurchaseOrderLine *line;

  send_juice_order (s);
  suggestions = suggest (s, 8, now);
  id = comptoir_purchase_order_create_from_suggestions (s->f.db, s->supplier, suggestions, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_load (s->f.db, id, &order, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (order.number, ==, "C-0002");
  g_assert_cmpstr (order.supplier_name, ==, "Relais Vert");
  g_assert_cmpint (order.status, ==, COMPTOIR_PURCHASE_ORDER_DRAFT);
  g_assert_null (order.sent_at);
  /* Muesli, rice and apples; by the supplier's reference. */
  g_assert_cmpuint (order.lines->len, ==, 3);
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 0);
  g_assert_cmpstr (line->supplier_product_id, ==, s->l_muesli);
  g_assert_cmpstr (line->product_id, ==, s->muesli);
  g_assert_cmpstr (line->supplier_ref, ==, "RV-100");
  g_assert_cmpstr (line->label, ==, "Muesli");
  g_assert_cmpstr (line->barcode, ==, EAN_MUESLI);
  g_assert_cmpint (line->packs, ==, 2);
  g_assert_cmpint (line->quantity_milli, ==, 12000);
  g_assert_cmpint (line->pack_milli, ==, 6000);
  g_assert_cmpint (line->price_cents, ==, 245);
  g_assert_cmpint (line->suggested_milli, ==, 12000);
  g_assert_nonnull (strstr (line->explanation, "→ 2 cases of 6."));
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 2);
  g_assert_cmpstr (line->supplier_ref, ==, "RV-500");
  g_assert_cmpint (line->unit, ==, COMPTOIR_UNIT_KG);
  g_assert_null (line->barcode);
  /* 12 × 2.45 + 10 × 1.50 + 5 kg × 2.50 */
  g_assert_cmpint (order.total_cents, ==, 5690);

  warnings = comptoir_purchase_order_check (&order);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_cmpstr (warnings[0], ==, "Delivery is charged under 250.00 € excluding VAT (franco): 193.10 € more "
                                    "and it is free.");
  g_clear_pointer (&warnings, g_strfreev);
  comptoir_purchase_order_clear (&order);

  /* A person decides otherwise: what the suggestion said stays. */
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_muesli, 0, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_load (s->f.db, id, &order, &error));
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 0);
  g_assert_cmpint (line->packs, ==, 0);
  g_assert_cmpint (line->pack_milli, ==, 6000);
  g_assert_cmpint (line->suggested_milli, ==, 12000);
  g_assert_cmpint (order.total_cents, ==, 2750);
  warnings = comptoir_purchase_order_check (&order);
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_cmpstr (warnings[0], ==, "The order comes to 27.50 € excluding VAT, under the minimum order of "
                                    "Relais Vert of 50.00 €: add 22.50 €, or the supplier may refuse it.");
  g_clear_pointer (&warnings, g_strfreev);
  comptoir_purchase_order_clear (&order);

  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_muesli, 3, &error));
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_the, 1, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_purchase_order_set_line (s->f.db, id, s->l_the, -1, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_purchase_order_find (s->f.db, "2", &order, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (order.lines->len, ==, 4);
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 0);
  g_assert_cmpint (line->quantity_milli, ==, 18000);
  g_assert_cmpint (line->suggested_milli, ==, 12000);
  line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, 1);
  g_assert_cmpstr (line->supplier_ref, ==, "RV-300");
  g_assert_cmpint (line->suggested_milli, ==, -1);
  g_assert_null (line->explanation);
}

static void
test_send_and_export (Shop          *s,
                      gconstpointer  data)
{
  g_autoptr (GDateTime) now = monday ();
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autofree char *id = comptoir_purchase_order_create (s->f.db, s->supplier, &error);
  g_autofree char *path = g_build_filename (s->f.dir, "order.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) csv = NULL;
  g_autofree char *written = NULL;
  g_autofree char *other = NULL;
  gsize length;
  static const char expected[] =
    "\xef\xbb\xbf" "Supplier reference;Name;Packs;Units;Unit price excl. VAT\r\n"
    "RV-100;Muesli;3;18;2,45\r\n"
    "RV-500;Pommes Golden;1;5;2,50\r\n";

  g_assert_no_error (error);
  /* Nothing to send yet. */
  g_assert_false (comptoir_purchase_order_send (s->f.db, id, now, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_muesli, 3, &error));
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_pommes, 1, &error));
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, id, s->l_the, 0, &error));
  g_assert_no_error (error);

  /* Another supplier's line cannot go on this order. */
  {
    g_auto (ComptoirSupplier) farm = { 0 };

    comptoir_supplier_init (&farm);
    farm.name = g_strdup ("Ferme");
    g_assert_true (comptoir_supplier_save (s->f.db, &farm, &error));
    other = add_line (s->f.db, farm.id, "F-1", s->pommes, 10000, 200);
    g_assert_false (comptoir_purchase_order_set_line (s->f.db, id, other, 1, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (comptoir_purchase_order_send (s->f.db, id, now, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_find (s->f.db, "c-0001", &order, &error));
  g_assert_cmpint (order.status, ==, COMPTOIR_PURCHASE_ORDER_SENT);
  g_assert_cmpstr (order.sent_at, ==, "2025-03-10T10:00:00.000000Z");
  g_assert_cmpstr (order.expected_on, ==, "2025-03-12");

  /* Sent: it can no longer change. */
  g_assert_false (comptoir_purchase_order_set_line (s->f.db, id, s->l_muesli, 4, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "C-0001 is sent"));
  g_clear_error (&error);
  g_assert_false (comptoir_purchase_order_send (s->f.db, id, now, &error));
  g_clear_error (&error);

  csv = comptoir_purchase_order_to_csv (&order);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), expected, sizeof expected - 1);
  g_assert_true (comptoir_purchase_order_export_csv (s->f.db, id, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &length, &error));
  g_assert_cmpmem (written, length, expected, sizeof expected - 1);
  /* Read back by our own reader, as a spreadsheet would. */
  {
    g_autoptr (ComptoirCsv) table = comptoir_csv_parse (csv, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (comptoir_csv_get_n_records (table), ==, 3);
    g_assert_cmpstr (comptoir_csv_get_record (table, 1)[1], ==, "Muesli");
    g_assert_cmpint (comptoir_csv_get_delimiter (table), ==, ';');
  }

  g_assert_true (comptoir_purchase_order_set_status (s->f.db, id, COMPTOIR_PURCHASE_ORDER_RECEIVED, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_purchase_order_set_status (s->f.db, id, COMPTOIR_PURCHASE_ORDER_CANCELLED, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_purchase_order_find (s->f.db, "C-0099", &order, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
}

/* The list of a supplier's orders: newest first, each with the total
 * its loaded order has, and nobody else's. */
static void
test_list (Shop          *s,
           gconstpointer  data)
{
  g_autoptr (GDateTime) now = monday ();
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GPtrArray) orders = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_auto (ComptoirSupplier) farm = { 0 };
  g_autofree char *suggested = NULL;
  g_autofree char *empty = NULL;
  const ComptoirPurchaseOrderSummary *summary;

  g_assert_true (comptoir_purchase_order_list (s->f.db, s->supplier, &orders, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 0);
  g_clear_pointer (&orders, g_ptr_array_unref);

  send_juice_order (s);
  suggestions = suggest (s, 8, now);
  suggested = comptoir_purchase_order_create_from_suggestions (s->f.db, s->supplier, suggestions, &error);
  g_assert_no_error (error);
  /* A line taken off counts for nothing. */
  g_assert_true (comptoir_purchase_order_set_line (s->f.db, suggested, s->l_the, 0, &error));
  g_assert_no_error (error);
  empty = comptoir_purchase_order_create (s->f.db, s->supplier, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_set_status (s->f.db, empty, COMPTOIR_PURCHASE_ORDER_CANCELLED, &error));
  g_assert_no_error (error);

  /* Another supplier's order is not listed. */
  comptoir_supplier_init (&farm);
  farm.name = g_strdup ("Ferme");
  g_assert_true (comptoir_supplier_save (s->f.db, &farm, &error));
  g_free (comptoir_purchase_order_create (s->f.db, farm.id, &error));
  g_assert_no_error (error);

  g_assert_true (comptoir_purchase_order_list (s->f.db, s->supplier, &orders, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 3);

  summary = g_ptr_array_index (orders, 0);
  g_assert_cmpstr (summary->id, ==, empty);
  g_assert_cmpstr (summary->number, ==, "C-0003");
  g_assert_cmpint (summary->status, ==, COMPTOIR_PURCHASE_ORDER_CANCELLED);
  g_assert_cmpuint (summary->n_lines, ==, 0);
  g_assert_cmpint (summary->total_cents, ==, 0);

  summary = g_ptr_array_index (orders, 1);
  g_assert_cmpstr (summary->id, ==, suggested);
  g_assert_cmpstr (summary->number, ==, "C-0002");
  g_assert_cmpint (summary->status, ==, COMPTOIR_PURCHASE_ORDER_DRAFT);
  g_assert_null (summary->sent_at);
  g_assert_nonnull (summary->created_at);
  g_assert_cmpuint (summary->n_lines, ==, 3);
  g_assert_true (comptoir_purchase_order_load (s->f.db, suggested, &order, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary->total_cents, ==, order.total_cents);
  g_assert_cmpint (summary->total_cents, ==, 5690);

  summary = g_ptr_array_index (orders, 2);
  g_assert_cmpstr (summary->number, ==, "C-0001");
  g_assert_cmpint (summary->status, ==, COMPTOIR_PURCHASE_ORDER_SENT);
  g_assert_cmpstr (summary->expected_on, ==, "2025-03-12");
  g_assert_cmpuint (summary->n_lines, ==, 1);
  g_assert_cmpint (summary->total_cents, ==, 6 * 180);
}

static void
test_sale_price (void)
{
  static const struct { gint64 ht; int markup; int vat; gint64 ttc; } cases[] = {
    { 100, 2000, 550, 127 },    /* 126.6 */
    { 245, 2000, 550, 310 },    /* 310.17 */
    { 250, 2000, 550, 317 },    /* 316.5: half away from zero */
    { 5, 0, 1000, 6 },          /* 5.5 */
    { 1000, 3000, 2000, 1560 },
    { 333, 2500, 550, 439 },    /* 439.14 */
    { 125, 2000, 2000, 180 },
    { 0, 2000, 550, 0 },
    { 9999999, 100000, 2000, 131999987 },  /* the largest: no overflow */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (comptoir_pricing_sale_price (cases[i].ht, cases[i].markup, cases[i].vat), ==, cases[i].ttc);

  {
    g_autofree char *a = comptoir_pricing_format_coefficient (2000);
    g_autofree char *b = comptoir_pricing_format_coefficient (2550);

    g_assert_cmpstr (a, ==, "×1.20");
    g_assert_cmpstr (b, ==, "×1.2550");
  }
}

/* Coefficients as people type them, and what is refused. */
static void
test_parse_coefficient (void)
{
  static const struct { const char *text; int bp; } good[] = {
    { "1,3", 3000 }, { "1.30", 3000 }, { "x1.3", 3000 }, { "×1,3", 3000 }, { " X 1,25 ", 2500 },
    { "\xc3\x97\xc2\xa0" "1,2", 2000 }, { "*1.5", 5000 }, { "1", 0 }, { "1,", 0 }, { "2", 10000 },
    { "1.2345", 2345 }, { "11", 100000 }, { "11,0000", 100000 }, { "01,20", 2000 },
  };
  static const char * const bad[] = {
    "", "  ", "abc", "×", "x", "1,2,3", "1.23456", "0,95", ",5", "0", "11,0001", "12", "20", "1234567890123",
    "1,2 €", "-1,2", "+1,2", "20 %", "1 ,2x", "xx1,2", "1e1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      int bp = -1;

      g_test_message ("“%s”", good[i].text);
      g_assert_true (comptoir_pricing_parse_coefficient (good[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, good[i].bp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      int bp = -1;

      g_test_message ("“%s”", bad[i]);
      g_assert_false (comptoir_pricing_parse_coefficient (bad[i], &bp, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_assert_cmpint (bp, ==, -1);
    }
  {
    g_autoptr (GError) error = NULL;
    int bp = -1;

    g_assert_false (comptoir_pricing_parse_coefficient ("abc", &bp, &error));
    g_assert_cmpstr (error->message, ==, "“abc” is not a coefficient: give the number the purchase price excluding "
                                         "VAT is multiplied by, such as 1.20 or ×1.3 (at most four decimals).");
    g_clear_error (&error);
    g_assert_false (comptoir_pricing_parse_coefficient (" 0,8 ", &bp, &error));
    g_assert_cmpstr (error->message, ==, "A coefficient of 0,8 would sell below the purchase price: give 1 or more, "
                                         "such as 1.20.");
    g_clear_error (&error);
    g_assert_false (comptoir_pricing_parse_coefficient ("20", &bp, &error));
    g_assert_true (g_str_has_prefix (error->message, "A coefficient of 20 is more than 11 times"));
  }
  /* What is shown reads back as the same markup. */
  for (int bp = 0; bp <= 100000; bp += 1234)
    {
      g_autofree char *text = comptoir_pricing_format_coefficient (bp);
      g_autofree char *local = comptoir_pricing_format_coefficient_local (bp);
      int back = -1, back_local = -1;

      g_assert_true (comptoir_pricing_parse_coefficient (text, &back, NULL));
      g_assert_true (comptoir_pricing_parse_coefficient (local, &back_local, NULL));
      g_assert_cmpint (back, ==, bp);
      g_assert_cmpint (back_local, ==, bp);
    }
}

static void
assert_markup (ComptoirDb           *db,
               const char           *product_id,
               int                   markup_bp,
               ComptoirMarkupSource  source)
{
  g_autoptr (GError) error = NULL;
  ComptoirMarkupSource got_source = -1;
  int got = -1;

  g_assert_true (comptoir_pricing_get_product_markup (db, product_id, &got, &got_source, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got, ==, markup_bp);
  g_assert_cmpint (got_source, ==, source);
}

static gint64
price_of (Shop       *s,
          const char *product_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = comptoir_catalog_get_by_id (s->f.catalog, product_id, &error);

  g_assert_no_error (error);
  return comptoir_product_get_price_cents (product);
}

static gboolean
has_proposal (GPtrArray  *proposals,
              const char *product_id)
{
  for (guint i = 0; i < proposals->len; i++)
    if (g_str_equal (((ComptoirPriceProposal *) g_ptr_array_index (proposals, i))->product_id, product_id))
      return TRUE;
  return FALSE;
}

static ComptoirPriceProposal *
find_proposal (GPtrArray  *proposals,
               const char *product_id)
{
  for (guint i = 0; i < proposals->len; i++)
    {
      ComptoirPriceProposal *p = g_ptr_array_index (proposals, i);

      if (g_str_equal (p->product_id, product_id))
        return p;
    }
  g_error ("no price proposal for %s", product_id);
}

static void
test_pricing (Shop          *s,
              gconstpointer  data)
{
  ComptoirDb *db = s->f.db;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) preview = NULL;
  g_autoptr (GPtrArray) applied = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (ComptoirProduct) tea = NULL;
  g_autoptr (ComptoirProduct) muesli = NULL;
  g_autofree char *farm_line = NULL;
  ComptoirPriceProposal *p;
  gint64 log_before;

  g_assert_true (comptoir_pricing_set_product_markup (db, s->muesli, 2500, &error));
  g_assert_true (comptoir_pricing_set_category_markup (db, s->category, 3000, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_pricing_set_product_markup (db, s->muesli, 100001, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  /* Where each product's markup comes from. */
  assert_markup (db, s->muesli, 2500, COMPTOIR_MARKUP_FROM_PRODUCT);
  assert_markup (db, s->riz, 3000, COMPTOIR_MARKUP_FROM_CATEGORY);
  assert_markup (db, s->jus, 2000, COMPTOIR_MARKUP_FROM_SHOP);
  {
    ComptoirMarkupSource source = -1;
    int markup = -1;

    g_assert_true (comptoir_pricing_get_category_markup (db, s->category, &markup, &source, &error));
    g_assert_cmpint (markup, ==, 3000);
    g_assert_cmpint (source, ==, COMPTOIR_MARKUP_FROM_CATEGORY);
    g_assert_true (comptoir_pricing_get_category_markup (db, NULL, &markup, &source, &error));
    g_assert_cmpint (markup, ==, 2000);
    g_assert_cmpint (source, ==, COMPTOIR_MARKUP_FROM_SHOP);
    g_assert_no_error (error);
    g_assert_false (comptoir_pricing_get_product_markup (db, "no-such-product", &markup, &source, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (comptoir_pricing_get_category_markup (db, "no-such-category", &markup, &source, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  /* A product's own markup comes before its category's; removed, the
   * category's applies again. */
  g_assert_true (comptoir_pricing_set_product_markup (db, s->riz, 4000, &error));
  assert_markup (db, s->riz, 4000, COMPTOIR_MARKUP_FROM_PRODUCT);
  g_assert_true (comptoir_pricing_set_product_markup (db, s->riz, -1, &error));
  g_assert_no_error (error);
  assert_markup (db, s->riz, 3000, COMPTOIR_MARKUP_FROM_CATEGORY);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT markup_bp IS NULL FROM product WHERE id = '%s'", s->riz);

    g_assert_cmpint (fixture_query_int (db, sql), ==, 1);
  }
  /* The tea already sells at its price: not listed. */
  tea = comptoir_catalog_get_by_id (s->f.catalog, s->the, &error);
  comptoir_product_set_price_cents (tea, 380);
  g_assert_true (comptoir_catalog_save_product (s->f.catalog, tea, &error));
  g_assert_no_error (error);

  preview = comptoir_pricing_preview (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 4);
  p = find_proposal (preview, s->muesli);
  g_assert_cmpint (p->markup_source, ==, COMPTOIR_MARKUP_FROM_PRODUCT);
  g_assert_cmpint (p->purchase_cents, ==, 245);
  g_assert_cmpint (p->old_cents, ==, 350);
  g_assert_cmpint (p->new_cents, ==, 323);          /* 245 × 1.25 × 1.055 = 323.09 */
  g_assert_cmpstr (p->supplier_name, ==, "Relais Vert");
  p = find_proposal (preview, s->riz);
  g_assert_cmpint (p->markup_source, ==, COMPTOIR_MARKUP_FROM_CATEGORY);
  g_assert_cmpint (p->new_cents, ==, 206);          /* 150 × 1.30 × 1.055 = 205.725 */
  p = find_proposal (preview, s->jus);
  g_assert_cmpint (p->markup_source, ==, COMPTOIR_MARKUP_FROM_SHOP);
  g_assert_cmpint (p->markup_bp, ==, 2000);
  g_assert_cmpint (p->new_cents, ==, 228);          /* 180 × 1.20 × 1.055 = 227.88 */
  g_assert_cmpint (find_proposal (preview, s->pommes)->new_cents, ==, 317);
  g_assert_false (has_proposal (preview, s->the));
  /* A preview writes nothing. */
  g_assert_cmpint (price_of (s, s->muesli), ==, 350);

  log_before = fixture_query_int (db, "SELECT count(*) FROM change_log");
  g_assert_true (comptoir_pricing_apply (db, s->supplier, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied->len, ==, 4);
  g_assert_cmpint (price_of (s, s->muesli), ==, 323);
  g_assert_cmpint (price_of (s, s->riz), ==, 206);
  g_assert_cmpint (price_of (s, s->pommes), ==, 317);
  /* Each product's price alone, and a dated fact of the change. */
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM change_log"), ==, log_before + 8);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM change_log WHERE seq > (SELECT max (seq) - 8 "
                                          "FROM change_log) AND tbl = 'product' AND payload LIKE "
                                          "'{\"price_cents\":%}' AND payload NOT LIKE '%,%'"), ==, 4);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM price_change WHERE reason = 'markup'"), ==, 4);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT old_cents || '→' || new_cents || ' ' || purchase_price_cents "
                                            "FROM price_change WHERE product_id = '%s' AND reason = 'markup'",
                                            s->muesli);
    g_autofree char *fact = fixture_query_text (db, sql);

    g_assert_cmpstr (fact, ==, "350→323 245");
  }
  again = comptoir_pricing_preview (db, NULL, &error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* A dearer second supplier: the sale price covers it, unless the
   * first one is named. */
  {
    g_auto (ComptoirSupplier) farm = { 0 };

    comptoir_supplier_init (&farm);
    farm.name = g_strdup ("Ferme");
    g_assert_true (comptoir_supplier_save (db, &farm, &error));
    farm_line = add_line (db, farm.id, "F-JUS", s->jus, 12000, 200);
  }
  again = comptoir_pricing_preview (db, NULL, &error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpint (find_proposal (again, s->jus)->new_cents, ==, 253);  /* 253.2 */
  g_assert_cmpstr (find_proposal (again, s->jus)->supplier_name, ==, "Ferme");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = comptoir_pricing_preview (db, s->supplier, &error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* The shop's markup. */
  g_assert_true (comptoir_settings_set (db, COMPTOIR_SETTING_DEFAULT_MARKUP, "3000", &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_settings_set (db, COMPTOIR_SETTING_DEFAULT_MARKUP, "-5", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  again = comptoir_pricing_preview (db, s->supplier, &error);
  g_assert_cmpuint (again->len, ==, 3);  /* juice, apples, tea */
  g_assert_cmpint (find_proposal (again, s->jus)->new_cents, ==, 247);  /* 180 × 1.30 × 1.055 = 246.87 */

  /* A price typed in the product editor is dated too. */
  muesli = comptoir_catalog_get_by_id (s->f.catalog, s->muesli, &error);
  comptoir_product_set_price_cents (muesli, 399);
  g_assert_true (comptoir_catalog_save_product (s->f.catalog, muesli, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT old_cents || '→' || new_cents || ' ' || "
                                            "ifnull (purchase_price_cents, '-') FROM price_change "
                                            "WHERE product_id = '%s' AND reason = 'manual'", s->muesli);
    g_autofree char *fact = fixture_query_text (db, sql);

    g_assert_cmpstr (fact, ==, "323→399 -");
  }
  /* Facts are never changed. */
  g_assert_false (comptoir_db_exec (db, "UPDATE price_change SET new_cents = 1", &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  /* The order days and delivery dates are local days: the same ones
   * wherever the test runs. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/comptoir/core/purchase-order/" path, Shop, NULL, \
                                    shop_set_up, func, shop_tear_down)
  ADD ("suggest", test_suggest);
  ADD ("from-suggestion", test_order_from_suggestion);
  ADD ("send-and-export", test_send_and_export);
  ADD ("pricing", test_pricing);
  ADD ("list", test_list);
#undef ADD
  g_test_add_func ("/comptoir/core/purchase-order/sale-price", test_sale_price);
  g_test_add_func ("/comptoir/core/purchase-order/parse-coefficient", test_parse_coefficient);

  return g_test_run ();
}
