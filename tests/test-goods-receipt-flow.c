/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-goods-receipt-shop.h"

/* A delivery from end to end, as the receiving station lives it: the
 * supplier's catalogue imported from their CSV export, an order sent,
 * the pallet scanned through the same calls the receiving screen makes
 * (a GS1 DataMatrix with lot and use-by, GS1-128 labels with weights, a
 * new barcode nobody knows linked on the spot, a short delivery typed by
 * reference), the receipt paused and resumed after the database was
 * closed, validated; then the stock and the discrepancies. */

#define PASTA_EAN   "3017620422003"
#define MILK_EAN    "3760001000016"
#define CHEESE_EAN  "3760001000023"
#define JAM_EAN     "3760001000030"
#define LENTILS_EAN "3760001000047"
#define NEW_JAM_EAN "3760001000993"  /* the jam's new label, known to nobody */

static char *
item_of (Fixture    *f,
         const char *supplier_id,
         const char *ref)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplierProduct) item = { 0 };

  g_assert_true (comptoir_supplier_product_find_ref (f->db, supplier_id, ref, &item, &error));
  g_assert_no_error (error);
  return g_strdup (item.id);
}

/* What the receiving screen does with a code from the scanner: scan it;
 * sold by weight, ask for the weight; unknown, ask which product it is
 * (link_to, as the receiver would choose it) and link it. Returns the
 * line's received quantity after it. */
static gint64
screen_scan (ComptoirDb *db,
             const char *receipt_id,
             const char *code,
             gint64      weight_typed,
             const char *link_to)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirReceiptScanResult) r = { 0 };

  g_assert_true (comptoir_goods_receipt_scan (db, receipt_id, code, &r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (r.message);

  if (r.status == COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT)
    {
      g_auto (ComptoirReceiptScanResult) weighed = { 0 };

      g_assert_cmpint (weight_typed, >, 0);
      g_assert_true (comptoir_goods_receipt_count (db, receipt_id, r.line.id, weight_typed, r.lot, &r.best_before,
                                                   &r.use_by, FALSE, &weighed, &error));
      g_assert_no_error (error);
      return weighed.line.received_milli;
    }
  if (r.status == COMPTOIR_RECEIPT_SCAN_NOT_FOUND)
    {
      g_auto (ComptoirReceiptScanResult) linked = { 0 };

      g_assert_nonnull (link_to);
      g_assert_nonnull (strstr (r.message, "Link it to a product"));
      g_assert_true (comptoir_goods_receipt_link_barcode (db, receipt_id, code, link_to, 0, &linked, &error));
      g_assert_no_error (error);
      g_assert_cmpint (linked.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
      return linked.line.received_milli;
    }
  g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
  return r.line.received_milli;
}

static gint64
stock_of (ComptoirDb *db,
          const char *product_id)
{
  g_autoptr (GError) error = NULL;
  ComptoirStock stock;

  g_assert_true (comptoir_stock_get (db, product_id, &stock, &error));
  g_assert_no_error (error);
  return stock.quantity_milli;
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "receipt-catalogue.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autofree char *pasta = NULL, *milk = NULL, *cheese = NULL, *jam = NULL, *lentils = NULL;
  g_autofree char *order_id = NULL, *receipt_id = NULL;
  g_autofree char *milk_label = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) preview = NULL;
  g_autoptr (GPtrArray) found = NULL;
  gsize len;

  /* Our catalogue, then the supplier's, linked by the barcodes we share. */
  pasta = add_product (f, "PEN", "Penne complètes", PASTA_EAN, COMPTOIR_UNIT_PIECE);
  milk = add_product (f, "LAIT", "Lait demi-écrémé 1 L", MILK_EAN, COMPTOIR_UNIT_PIECE);
  cheese = add_product (f, "COMTE", "Comté 18 mois", CHEESE_EAN, COMPTOIR_UNIT_KG);
  jam = add_product (f, "CONF", "Confiture d'abricots", JAM_EAN, COMPTOIR_UNIT_PIECE);
  lentils = add_product (f, "LENT", "Lentilles vertes", LENTILS_EAN, COMPTOIR_UNIT_PIECE);

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Relais Vert");
  g_assert_true (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (csv_path, &csv, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&csv), len);
  report = comptoir_supplier_import (f->db, supplier.id, bytes, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (comptoir_supplier_import_report_get_n_linked (report), ==, 5);

  /* The order: 4 cases of pasta, 2 of milk, 2 crates of cheese, 1 case of
   * jam, 3 of lentils. */
  order_id = comptoir_purchase_order_create (f->db, supplier.id, &error);
  g_assert_no_error (error);
  {
    struct { const char *ref; gint64 packs; } lines[] = {
      { "PEN500", 4 }, { "LAIT1L", 2 }, { "COMTE18", 2 }, { "CONF370", 1 }, { "LENT1K", 3 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      {
        g_autofree char *item = item_of (f, supplier.id, lines[i].ref);
        g_assert_true (comptoir_purchase_order_set_line (f->db, order_id, item, lines[i].packs, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (comptoir_purchase_order_send (f->db, order_id, NULL, &error));
  g_assert_no_error (error);

  /* The pallet arrives. */
  receipt_id = comptoir_goods_receipt_start (f->db, supplier.id, order_id, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 24; i++)
    g_assert_cmpint (screen_scan (f->db, receipt_id, PASTA_EAN, 0, NULL), ==, (i + 1) * 1000);
  /* Milk bottles carry a GS1 DataMatrix with lot and use-by date. */
  for (int i = 0; i < 24; i++)
    g_assert_cmpint (screen_scan (f->db, receipt_id, "]d2010" MILK_EAN "10LT2611\x1d" "17261210", 0, NULL),
                     ==, (i + 1) * 1000);

  /* Paused: the station is closed, and the receipt resumed later. */
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->catalog = comptoir_catalog_new (f->db);
  open = comptoir_goods_receipt_list_open (f->db, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((ComptoirReceiptSummary *) g_ptr_array_index (open, 0))->id, ==, receipt_id);
  g_assert_cmpuint (((ComptoirReceiptSummary *) g_ptr_array_index (open, 0))->n_lines_received, ==, 2);

  /* Cheese crates with their GS1-128 weight labels; one label torn off,
   * weighed on the scale. */
  g_assert_cmpint (screen_scan (f->db, receipt_id, "]C1010" CHEESE_EAN "3103005120" "10C42", 0, NULL), ==, 5120);
  g_assert_cmpint (screen_scan (f->db, receipt_id, "]C1010" CHEESE_EAN "3103004980" "10C42", 0, NULL), ==, 10100);
  g_assert_cmpint (screen_scan (f->db, receipt_id, CHEESE_EAN, 5050, NULL), ==, 15150);

  /* The jam came in a new label: linked on the spot, then scanned. */
  g_assert_cmpint (screen_scan (f->db, receipt_id, NEW_JAM_EAN, 0, jam), ==, 1000);
  for (int i = 1; i < 6; i++)
    g_assert_cmpint (screen_scan (f->db, receipt_id, NEW_JAM_EAN, 0, NULL), ==, (i + 1) * 1000);

  /* Lentils: two cases of the three, typed by the reference on the note. */
  g_assert_cmpint (screen_scan (f->db, receipt_id, "LENT1K", 0, NULL), ==, 10000);
  g_assert_cmpint (screen_scan (f->db, receipt_id, "LENT1K", 0, NULL), ==, 20000);

  preview = comptoir_goods_receipt_discrepancies_preview (f->db, receipt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 2);

  found = comptoir_goods_receipt_validate (f->db, receipt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      ComptoirReceiptDiscrepancy *d = g_ptr_array_index (found, i);

      if (g_strcmp0 (d->product_id, lentils) == 0)
        {
          g_assert_cmpint (d->kind, ==, COMPTOIR_RECEIPT_MISSING);
          g_assert_cmpint (d->expected_milli, ==, 30000);
          g_assert_cmpint (d->received_milli, ==, 20000);
          g_assert_cmpstr (d->message, ==,
                           "Lentilles vertes: 10 (1 case) missing (20 (2 cases) received of 30 (3 cases) ordered)");
        }
      else
        {
          g_assert_cmpstr (d->product_id, ==, cheese);
          g_assert_cmpint (d->kind, ==, COMPTOIR_RECEIPT_EXTRA);
          g_assert_cmpint (d->received_milli, ==, 15150);
        }
    }

  /* The stock is what came, at the catalogue's prices. */
  g_assert_cmpint (stock_of (f->db, pasta), ==, 24000);
  g_assert_cmpint (stock_of (f->db, milk), ==, 24000);
  g_assert_cmpint (stock_of (f->db, cheese), ==, 15150);
  g_assert_cmpint (stock_of (f->db, jam), ==, 6000);
  g_assert_cmpint (stock_of (f->db, lentils), ==, 20000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT sum (quantity_milli * unit_cost_cents) / 1000 FROM stock_movement "
                                             "WHERE reason = 'receipt'"),
                   ==, 24 * 120 + 24 * 95 + 15150 * 1450 / 1000 + 6 * 210 + 20 * 185);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM goods_receipt_discrepancy"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM purchase_order WHERE status = 'received'"), ==, 1);

  /* The lot and use-by date are kept with the receipt; the new label is
   * the jam's, at the till too. */
  milk_label = fixture_query_text (f->db, "SELECT lot || ' ' || use_by || ' ' || sum (quantity_milli) "
                                          "FROM goods_receipt_scan WHERE lot = 'LT2611' GROUP BY lot, use_by");
  g_assert_cmpstr (milk_label, ==, "LT2611 2026-12-10 24000");
  {
    g_autoptr (ComptoirProduct) p = comptoir_catalog_lookup_barcode (f->catalog, NEW_JAM_EAN, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (comptoir_product_get_id (p), ==, jam);
  }
  g_clear_pointer (&open, g_ptr_array_unref);
  open = comptoir_goods_receipt_list_open (f->db, &error);
  g_assert_cmpuint (open->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/comptoir/integration/goods-receipt/flow", Fixture, NULL, fixture_set_up, test_flow,
              fixture_tear_down);
  return g_test_run ();
}
