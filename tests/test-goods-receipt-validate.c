/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-goods-receipt-shop.h"

/* Goods receipt validation: the stock movements at the price paid, the
 * discrepancies kept for the claim, one transaction that writes all of
 * it or, refused, nothing; cancelling; how counts read. */

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autoptr (GPtrArray) preview = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *id = NULL;
  g_autofree char *milk_line = NULL;
  g_autofree char *kinds = NULL;
  gint64 log_facts;
  ComptoirStock stock;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  for (int i = 0; i < 3; i++)
    scan (f, id, s.pasta_case_ean);                 /* 18 of 24 */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_auto (ComptoirReceiptScanResult) d = { 0 };
    g_assert_true (comptoir_goods_receipt_find (f->db, id, s.milk_ean, &r, &error));
    milk_line = g_strdup (r.line.id);
    g_assert_true (comptoir_goods_receipt_count (f->db, id, milk_line, 22000, NULL, NULL, NULL, FALSE, &d, &error));
    comptoir_receipt_scan_result_clear (&d);
    g_assert_true (comptoir_goods_receipt_count (f->db, id, milk_line, 2000, NULL, NULL, NULL, TRUE, &d, &error));
    g_assert_no_error (error);
    g_assert_cmpint (d.line.received_milli, ==, 24000);
    g_assert_cmpint (d.line.damaged_milli, ==, 2000);
    g_assert_true (comptoir_goods_receipt_set_note_price (f->db, id, milk_line, 99, &error));
  }
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_auto (ComptoirReceiptScanResult) c = { 0 };
    g_assert_true (comptoir_goods_receipt_find (f->db, id, "COMTE", &r, &error));
    g_assert_true (comptoir_goods_receipt_count (f->db, id, r.line.id, 12000, NULL, NULL, NULL, FALSE, &c, &error));
  }
  scan (f, id, s.soap_ean);
  scan (f, id, s.soap_ean);

  preview = comptoir_goods_receipt_discrepancies_preview (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 6);  /* pasta and tea missing, cheese extra, soap, milk damaged and price */
  log_facts = fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE kind = 'facts'");

  found = comptoir_goods_receipt_validate (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, preview->len);

  kinds = fixture_query_text (f->db, "SELECT group_concat (kind || ':' || coalesce (expected_milli, '-') || '/' || "
                                     "coalesce (received_milli, '-') || '/' || coalesce (actual_cents, '-'), ' ') "
                                     "FROM (SELECT * FROM goods_receipt_discrepancy ORDER BY kind, received_milli)");
  g_assert_cmpstr (kinds, ==, "damaged:-/2000/- extra:10000/12000/- missing:3000/0/- missing:24000/18000/- "
                              "price:-/-/99 unexpected:0/2000/-");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM goods_receipt_discrepancy WHERE note LIKE "
                                             "'Pâtes penne: 6 (1 case) missing (18 (3 cases) received of 24 (4 cases) ordered)'"),
                   ==, 1);

  /* Into stock, at the price paid, damaged goods left out. */
  g_assert_true (comptoir_stock_get (f->db, s.pasta, &stock, &error));
  g_assert_cmpint (stock.quantity_milli, ==, 18000);
  g_assert_true (comptoir_stock_get (f->db, s.milk, &stock, &error));
  g_assert_cmpint (stock.quantity_milli, ==, 22000);
  g_assert_cmpint (stock.average_cost_cents, ==, 99);
  g_assert_true (comptoir_stock_get (f->db, s.cheese, &stock, &error));
  g_assert_cmpint (stock.quantity_milli, ==, 12000);
  g_assert_true (comptoir_stock_get (f->db, s.soap, &stock, &error));
  g_assert_cmpint (stock.quantity_milli, ==, 2000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM stock_movement WHERE reason = 'receipt' AND "
                                             "source_id IN (SELECT id FROM goods_receipt) AND unit_cost_cents IS NOT NULL"),
                   ==, 4);

  /* One change-log entry for the movements and discrepancies. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE kind = 'facts'"), ==, log_facts + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM goods_receipt WHERE status = 'validated' "
                                             "AND validated_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM purchase_order WHERE status = 'received'"), ==, 1);

  /* Done is done. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_autoptr (GPtrArray) again = NULL;

    g_assert_false (comptoir_goods_receipt_scan (f->db, id, s.pasta_ean, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already validated"));
    g_clear_error (&error);
    again = comptoir_goods_receipt_validate (f->db, id, &error);
    g_assert_null (again);
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  }
}

static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *id = NULL;
  const char *tea_line = NULL;
  gint64 log, moves;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);

  /* Nothing received. */
  found = comptoir_goods_receipt_validate (f->db, id, &error);
  g_assert_null (found);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nothing was received"));
  g_clear_error (&error);

  /* Teas counted by hand on their line, which is no product of ours. */
  scan (f, id, s.pasta_case_ean);
  g_assert_true (comptoir_goods_receipt_load (f->db, id, &receipt, &error));
  for (guint i = 0; i < receipt.lines->len; i++)
    if (g_array_index (receipt.lines, ComptoirReceiptLine, i).product_id == NULL)
      tea_line = g_array_index (receipt.lines, ComptoirReceiptLine, i).id;
  g_assert_nonnull (tea_line);
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_count (f->db, id, tea_line, 3000, NULL, NULL, NULL, FALSE, &r, &error));
  }

  log = count_rows (f, "change_log");
  moves = count_rows (f, "stock_movement");
  found = comptoir_goods_receipt_validate (f->db, id, &error);
  g_assert_null (found);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“TISANE VERVEINE” is not linked to a product"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "change_log"), ==, log);
  g_assert_cmpint (count_rows (f, "stock_movement"), ==, moves);
  g_assert_cmpint (count_rows (f, "goods_receipt_discrepancy"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM goods_receipt WHERE status = 'open'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM purchase_order WHERE status = 'sent'"), ==, 1);

  /* Linked, it goes through. */
  g_assert_true (comptoir_goods_receipt_link_line (f->db, id, tea_line, s.jam, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM supplier_product WHERE supplier_ref = 'T-500' "
                                             "AND product_id IS NOT NULL"), ==, 1);
  found = comptoir_goods_receipt_validate (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autoptr (GPtrArray) open = NULL;
  g_autofree char *id = NULL, *next = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  scan (f, id, s.pasta_ean);
  g_assert_true (comptoir_goods_receipt_cancel (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "stock_movement"), ==, 0);
  g_assert_false (comptoir_goods_receipt_cancel (f->db, id, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  open = comptoir_goods_receipt_list_open (f->db, &error);
  g_assert_cmpuint (open->len, ==, 0);

  /* The order can be received again. */
  next = start (f, &s, s.order_id);
  g_assert_cmpstr (next, !=, id);
}

static void
test_format (void)
{
  struct { ComptoirUnit unit; gint64 pack, q; const char *text; } cases[] = {
    { COMPTOIR_UNIT_PIECE, 6000, 14000, "14 (2 cases + 2)" },
    { COMPTOIR_UNIT_PIECE, 6000, 12000, "12 (2 cases)" },
    { COMPTOIR_UNIT_PIECE, 6000, 6000, "6 (1 case)" },
    { COMPTOIR_UNIT_PIECE, 6000, 5000, "5" },
    { COMPTOIR_UNIT_PIECE, 1000, 5000, "5" },
    { COMPTOIR_UNIT_KG, 5000, 12500, "12.500 kg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comptoir_goods_receipt_format_quantity (cases[i].unit, cases[i].pack, cases[i].q);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/goods-receipt/validate", test_validate);
  ADD ("/comptoir/core/goods-receipt/refusal", test_refusal);
  ADD ("/comptoir/core/goods-receipt/cancel", test_cancel);
  g_test_add_func ("/comptoir/core/goods-receipt/format", test_format);
  return g_test_run ();
}
