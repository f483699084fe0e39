/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-goods-receipt-shop.h"

/* Goods receipt, unit by unit: how a code is read, cases and units, GS1
 * lots and dates and weights, unexpected and unknown goods, undo, two
 * machines' scans adding up (validation: test-goods-receipt-validate.c). */

static void
test_start (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autofree char *id = NULL, *again = NULL;
  gboolean resumed = FALSE;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);

  g_assert_true (comptoir_goods_receipt_load (f->db, id, &receipt, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (receipt.supplier_name, ==, "Grossiste Bio du Sud");
  g_assert_nonnull (receipt.order_number);
  g_assert_cmpint (receipt.status, ==, COMPTOIR_RECEIPT_OPEN);
  g_assert_cmpuint (receipt.lines->len, ==, 4);
  for (guint i = 0; i < receipt.lines->len; i++)
    {
      ComptoirReceiptLine *line = &g_array_index (receipt.lines, ComptoirReceiptLine, i);

      g_assert_cmpint (line->state, ==, COMPTOIR_RECEIPT_LINE_WAITING);
      if (g_strcmp0 (line->product_id, s.pasta) == 0)
        {
          g_assert_cmpint (line->expected_milli, ==, 24000);
          g_assert_cmpint (line->pack_milli, ==, 6000);
          g_assert_cmpint (line->price_cents, ==, 120);
        }
      if (line->product_id == NULL)
        g_assert_cmpstr (line->supplier_product_id, ==, s.tisane_item);
    }

  /* The same order again, from any machine: the same receipt. */
  again = comptoir_goods_receipt_start (f->db, s.supplier_id, s.order_id, &resumed, &error);
  g_assert_no_error (error);
  g_assert_true (resumed);
  g_assert_cmpstr (again, ==, id);

  /* An order of another supplier, or none at all, is refused. */
  {
    g_auto (ComptoirSupplier) other = { 0 };
    g_autofree char *none = NULL;

    comptoir_supplier_init (&other);
    other.name = g_strdup ("Ferme desOllières");
    g_assert_true (comptoir_supplier_save (f->db, &other, &error));
    none = comptoir_goods_receipt_start (f->db, other.id, s.order_id, NULL, &error);
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "not from this supplier"));
    g_assert_null (none);
  }
}

static void
test_resolution_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autofree char *id = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);

  /* Our barcode: a unit. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_ean, &r, &error));
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
    g_assert_false (r.is_case);
    g_assert_false (r.new_line);
    g_assert_cmpint (r.counted_milli, ==, 1000);
    g_assert_cmpstr (r.line.product_id, ==, s.pasta);
    g_assert_cmpint (r.line.expected_milli, ==, 24000);
    g_assert_cmpint (r.line.received_milli, ==, 1000);
    g_assert_cmpint (r.line.state, ==, COMPTOIR_RECEIPT_LINE_SHORT);
    g_assert_nonnull (r.scan_id);
    g_assert_cmpstr (r.message, ==, "Pâtes penne: 1 received of 24 (4 cases) ordered");
  }
  /* The supplier's barcode of a case of 6: a case. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_case_ean, &r, &error));
    g_assert_true (r.is_case);
    g_assert_cmpint (r.counted_milli, ==, 6000);
    g_assert_cmpint (r.line.received_milli, ==, 7000);
    g_assert_cmpstr (r.message, ==, "Pâtes penne: 7 (1 case + 1) received of 24 (4 cases) ordered (+1 case of 6)");
  }
  /* The supplier's reference, typed: a case too; our code: a unit. */
  g_assert_cmpint (scan (f, id, " P-100 "), ==, 13000);
  g_assert_cmpint (scan (f, id, "EP-1"), ==, 14000);

  /* The milk's supplier lists the bottle's barcode with cases of 12: a
   * code that is ours is a unit. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.milk_ean, &r, &error));
    g_assert_false (r.is_case);
    g_assert_cmpint (r.line.received_milli, ==, 1000);
    g_assert_cmpint (r.line.expected_milli, ==, 24000);
  }

  /* A misread barcode (bad check digit) is said so, never offered to link. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_false (comptoir_goods_receipt_scan (f->db, id, "3017620422004", &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "last digit"));
    g_clear_error (&error);
    g_assert_false (comptoir_goods_receipt_scan (f->db, id, "   ", &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  }
  g_assert_cmpint (count_rows (f, "goods_receipt_scan"), ==, 5);
}

static void
test_complete_exceeds (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autofree char *id = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  for (int i = 0; i < 5; i++)
    {
      g_auto (ComptoirReceiptScanResult) r = { 0 };

      g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_case_ean, &r, &error));
      g_assert_no_error (error);
      g_assert_cmpint (r.completes, ==, i == 3);
      g_assert_cmpint (r.exceeds, ==, i == 4);
      g_assert_cmpint (r.line.state, ==, i < 3 ? COMPTOIR_RECEIPT_LINE_SHORT
                                         : i == 3 ? COMPTOIR_RECEIPT_LINE_COMPLETE : COMPTOIR_RECEIPT_LINE_OVER);
      if (i == 3)
        g_assert_true (g_str_has_suffix (r.message, "— complete (+1 case of 6)"));
      if (i == 4)
        g_assert_nonnull (strstr (r.message, "more than ordered"));
    }
}

static void
test_gs1_and_weight (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirGoodsReceipt) receipt = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *bracketed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *cheese_label = NULL;
  g_autofree char *cheese_line = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  bracketed = g_strdup_printf ("(01)0%s(10)LOT42(15)270131(17)270215", s.pasta_ean);

  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, bracketed, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
    g_assert_cmpstr (r.line.product_id, ==, s.pasta);
    g_assert_cmpstr (r.lot, ==, "LOT42");
    g_assert_cmpint (g_date_get_year (&r.best_before), ==, 2027);
    g_assert_cmpint (g_date_get_day (&r.use_by), ==, 15);
    g_assert_cmpstr (r.code, ==, s.pasta_ean);
  }

  /* GS1-128 as a scanner sends it: a weighed product's net weight. */
  cheese_label = g_strdup_printf ("]C1010%s3103001250" "10CH-7\x1d" "17270301", s.cheese_ean);
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, cheese_label, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
    g_assert_cmpint (r.counted_milli, ==, 1250);
    g_assert_cmpstr (r.lot, ==, "CH-7");
    g_assert_cmpstr (r.message, ==, "Comté 18 mois: 1.250 kg received of 10.000 kg ordered");
  }

  /* Without a weight: nothing counted, the screen asks for it. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_auto (ComptoirReceiptScanResult) c = { 0 };
    gint64 before = count_rows (f, "goods_receipt_scan");
    GDate use_by;

    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.cheese_ean, &r, &error));
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_NEEDS_WEIGHT);
    g_assert_null (r.scan_id);
    g_assert_nonnull (strstr (r.message, "weigh it"));
    g_assert_cmpint (count_rows (f, "goods_receipt_scan"), ==, before);
    cheese_line = g_strdup (r.line.id);

    g_date_clear (&use_by, 1);
    g_date_set_dmy (&use_by, 20, 3, 2027);
    g_assert_true (comptoir_goods_receipt_count (f->db, id, cheese_line, 2500, "CH-8", NULL, &use_by, FALSE, &c,
                                                 &error));
    g_assert_no_error (error);
    g_assert_cmpint (c.line.received_milli, ==, 3750);
  }

  /* The whole receipt: lots and dates per line. */
  g_assert_true (comptoir_goods_receipt_load (f->db, id, &receipt, &error));
  for (guint i = 0; i < receipt.lines->len; i++)
    {
      ComptoirReceiptLine *line = &g_array_index (receipt.lines, ComptoirReceiptLine, i);

      if (g_strcmp0 (line->product_id, s.cheese) == 0)
        {
          ComptoirReceiptLot *lot;

          g_assert_cmpuint (line->lots->len, ==, 2);
          lot = &g_array_index (line->lots, ComptoirReceiptLot, 0);
          g_assert_cmpstr (lot->lot, ==, "CH-7");
          g_assert_cmpint (lot->quantity_milli, ==, 1250);
          g_assert_cmpint (g_date_get_month (&lot->use_by), ==, 3);
          g_assert_cmpint (g_date_get_day (&lot->use_by), ==, 1);
          lot = &g_array_index (line->lots, ComptoirReceiptLot, 1);
          g_assert_cmpstr (lot->lot, ==, "CH-8");
          g_assert_cmpint (lot->quantity_milli, ==, 2500);
        }
      else if (g_strcmp0 (line->product_id, s.pasta) == 0)
        {
          g_assert_cmpuint (line->lots->len, ==, 1);
          g_assert_cmpint (g_date_get_day (&g_array_index (line->lots, ComptoirReceiptLot, 0).best_before), ==, 31);
        }
    }
  label = fixture_query_text (f->db, "SELECT best_before || ' ' || use_by FROM goods_receipt_scan WHERE lot = 'LOT42'");
  g_assert_cmpstr (label, ==, "2027-01-31 2027-02-15");

  /* Pieces are whole. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_auto (ComptoirReceiptScanResult) p = { 0 };
    g_assert_true (comptoir_goods_receipt_find (f->db, id, s.pasta_ean, &p, &error));
    g_assert_cmpint (p.status, ==, COMPTOIR_RECEIPT_SCAN_FOUND);
    g_assert_false (comptoir_goods_receipt_count (f->db, id, p.line.id, 1500, NULL, NULL, NULL, FALSE, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  }
}

static void
test_unexpected (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autofree char *id = NULL, *free_receipt = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);

  /* In the supplier's catalogue, not on the order: a line of its own,
   * priced from the catalogue. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.soap_ean, &r, &error));
    g_assert_no_error (error);
    g_assert_true (r.new_line);
    g_assert_true (r.line.unexpected);
    g_assert_cmpint (r.line.state, ==, COMPTOIR_RECEIPT_LINE_UNEXPECTED);
    g_assert_cmpint (r.line.price_cents, ==, 180);
    g_assert_false (r.exceeds);
    g_assert_cmpstr (r.message, ==, "Savon de Marseille: 1 received — not on the order");
  }
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.soap_ean, &r, &error));
    g_assert_false (r.new_line);
    g_assert_cmpint (r.line.received_milli, ==, 2000);
  }
  /* Ours, unknown to the supplier's catalogue: no price. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.jam_ean, &r, &error));
    g_assert_true (r.line.unexpected);
    g_assert_cmpint (r.line.price_cents, ==, -1);
  }

  /* Without an order nothing is unexpected, and nothing is short. */
  free_receipt = start (f, &s, NULL);
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, free_receipt, s.soap_ean, &r, &error));
    g_assert_false (r.line.unexpected);
    g_assert_cmpint (r.line.state, ==, COMPTOIR_RECEIPT_LINE_NO_ORDER);
    g_assert_cmpstr (r.message, ==, "Savon de Marseille: 1 received");
  }
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *unknown = ean ("376000000099");
  g_autofree char *unknown_case = ean ("376000000098");
  g_autofree char *gtin14 = g_strdup ("(01)13760000000113(10)L1");

  shop_init (f, &s);
  id = start (f, &s, s.order_id);

  /* Unknown to everybody: nothing counted, what to do said. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, unknown, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_NOT_FOUND);
    g_assert_null (r.line.id);
    g_assert_null (r.supplier_product_id);
    g_assert_nonnull (strstr (r.message, "Link it to a product"));
    g_assert_cmpint (count_rows (f, "goods_receipt_scan"), ==, 0);
  }
  /* Linked to the jam as a unit: counted, and ours from now on (the till
   * sells it too). */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_autoptr (ComptoirProduct) p = NULL;

    g_assert_true (comptoir_goods_receipt_link_barcode (f->db, id, unknown, s.jam, 0, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
    g_assert_cmpstr (r.line.product_id, ==, s.jam);
    g_assert_cmpint (r.line.received_milli, ==, 1000);
    p = comptoir_catalog_lookup_barcode (f->catalog, unknown, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (comptoir_product_get_id (p), ==, s.jam);
    g_assert_cmpint (scan (f, id, unknown), ==, 2000);
  }
  /* A code that is another product's cannot be linked. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_false (comptoir_goods_receipt_link_barcode (f->db, id, s.soap_ean, s.jam, 0, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Savon de Marseille"));
    g_clear_error (&error);
  }
  /* A case's code linked as a case: the supplier's, never ours. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_link_barcode (f->db, id, unknown_case, s.pasta, 6000, &r, &error));
    g_assert_no_error (error);
    g_assert_true (r.is_case);
    g_assert_cmpint (r.line.received_milli, ==, 6000);
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM product_barcode WHERE barcode LIKE '376000000098%'"),
                     ==, 0);
    g_assert_cmpint (scan (f, id, unknown_case), ==, 12000);
  }
  /* A GTIN-14 of a case (indicator 1) cannot be a barcode: it becomes a
   * reference of the supplier's. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, gtin14, &r, &error));
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_NOT_FOUND);
    g_assert_cmpstr (r.code, ==, "13760000000113");
  }
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_link_barcode (f->db, id, gtin14, s.milk, 12000, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.counted_milli, ==, 12000);
    g_assert_cmpstr (r.lot, ==, "L1");
    g_assert_cmpint (scan (f, id, gtin14), ==, 24000);
  }

  /* In the supplier's catalogue, not linked: the form is filled from it;
   * creating the product counts on the order's line. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_auto (ComptoirReceiptScanResult) c = { 0 };
    ComptoirReceiptNewProduct spec = {
      .name = "Tisane verveine bio", .code = "TIS-1", .unit = COMPTOIR_UNIT_PIECE, .price_cents = 350,
      .vat_bp = 550, .purchase_price_cents = -1, .pack_milli = 0,
    };
    g_autofree char *linked = NULL;

    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.tisane_ean, &r, &error));
    g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_NOT_FOUND);
    g_assert_cmpstr (r.supplier_product_id, ==, s.tisane_item);
    g_assert_cmpstr (r.suggested_name, ==, "TISANE VERVEINE");
    g_assert_cmpint (r.suggested_price_cents, ==, 210);
    g_assert_nonnull (strstr (r.message, "T-500"));

    g_assert_true (comptoir_goods_receipt_create_product (f->db, id, s.tisane_ean, &spec, &c, &error));
    g_assert_no_error (error);
    g_assert_cmpint (c.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
    g_assert_false (c.new_line);
    g_assert_cmpint (c.line.expected_milli, ==, 3000);
    g_assert_cmpint (c.line.received_milli, ==, 1000);
    g_assert_cmpstr (c.line.label, ==, "Tisane verveine bio");
    linked = fixture_query_text (f->db, "SELECT p.code FROM supplier_product sp JOIN product p ON p.id = sp.product_id "
                                        "WHERE sp.supplier_ref = 'T-500'");
    g_assert_cmpstr (linked, ==, "TIS-1");
  }
  /* A new product from an unknown unit barcode, with its purchase price. */
  {
    g_auto (ComptoirReceiptScanResult) c = { 0 };
    g_autofree char *code = ean ("376000000097");
    ComptoirReceiptNewProduct spec = {
      .name = "Miel de lavande", .unit = COMPTOIR_UNIT_PIECE, .price_cents = 890, .vat_bp = 550,
      .purchase_price_cents = 520, .pack_milli = 0,
    };

    g_assert_true (comptoir_goods_receipt_create_product (f->db, id, code, &spec, &c, &error));
    g_assert_no_error (error);
    g_assert_true (c.line.unexpected);
    g_assert_cmpint (c.line.price_cents, ==, 520);
    {
      g_autofree char *stored = fixture_query_text (f->db, "SELECT code FROM product WHERE name = 'Miel de lavande'");
      g_assert_cmpstr (stored, ==, code);  /* known by its barcode */
    }
  }
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirReceiptScanResult) first = { 0 };
  g_autofree char *id = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_case_ean, &first, &error));
  g_assert_cmpint (scan (f, id, s.pasta_ean), ==, 7000);

  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_undo (f->db, id, first.scan_id, &r, &error));
    g_assert_no_error (error);
    g_assert_cmpint (r.counted_milli, ==, -6000);
    g_assert_cmpint (r.line.received_milli, ==, 1000);
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM goods_receipt_scan WHERE undoes IS NOT NULL"), ==, 1);

    /* Twice is refused; an undo is not undone. */
    g_assert_false (comptoir_goods_receipt_undo (f->db, id, first.scan_id, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already undone"));
    g_clear_error (&error);
  }
  {
    g_autofree char *undo_id = fixture_query_text (f->db, "SELECT id FROM goods_receipt_scan WHERE undoes IS NOT NULL");
    g_auto (ComptoirReceiptScanResult) r = { 0 };

    g_assert_false (comptoir_goods_receipt_undo (f->db, id, undo_id, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A negative count never takes the line below nothing. */
  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_false (comptoir_goods_receipt_count (f->db, id, first.line.id, -2000, NULL, NULL, NULL, FALSE, &r, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Only 1 of “Pâtes penne” were received"));
    g_clear_error (&error);
    g_assert_true (comptoir_goods_receipt_count (f->db, id, first.line.id, -1000, NULL, NULL, NULL, FALSE, &r, &error));
    g_assert_cmpint (r.line.received_milli, ==, 0);
    g_assert_cmpint (r.line.state, ==, COMPTOIR_RECEIPT_LINE_WAITING);
  }
}

/* Our product got the barcode the supplier's unlinked item carries: the
 * scan tells which product the item is, and links it. */
static void
test_own_barcode_links (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirReceiptScanResult) r = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *tea = NULL;
  g_autofree char *linked = NULL;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  tea = add_product (f, "TIS", "Tisane verveine", s.tisane_ean, COMPTOIR_UNIT_PIECE);

  g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.tisane_ean, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
  g_assert_false (r.new_line);
  g_assert_cmpstr (r.line.product_id, ==, tea);
  g_assert_cmpint (r.line.expected_milli, ==, 3000);
  g_assert_cmpstr (r.line.label, ==, "Tisane verveine");
  linked = fixture_query_text (f->db, "SELECT product_id FROM supplier_product WHERE supplier_ref = 'T-500'");
  g_assert_cmpstr (linked, ==, tea);
}

/* Two receivers on two machines: the other's scans arrive as facts
 * (replicated), and the counts add up. */
static void
test_two_machines (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) s = { 0 };
  g_auto (ComptoirReceiptScanResult) mine = { 0 };
  g_autoptr (ComptoirChange) theirs = comptoir_change_new ("goods_receipt_scan", NULL);
  g_autoptr (GPtrArray) open = NULL;
  g_autofree char *id = NULL;
  ComptoirReceiptSummary *summary;

  shop_init (f, &s);
  id = start (f, &s, s.order_id);
  g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_case_ean, &mine, &error));

  comptoir_change_set_text (theirs, "receipt_id", id);
  comptoir_change_set_text (theirs, "line_id", mine.line.id);
  comptoir_change_set_int (theirs, "quantity_milli", 12000);
  comptoir_change_set_bool (theirs, "damaged", FALSE);
  comptoir_change_set_text (theirs, "at", "2026-11-23T08:00:00.000000Z");
  comptoir_change_set_text (theirs, "device_id", "receiving-laptop-2");
  g_assert_true (comptoir_db_insert_fact (f->db, theirs, &error));
  g_assert_no_error (error);

  {
    g_auto (ComptoirReceiptScanResult) r = { 0 };
    g_assert_true (comptoir_goods_receipt_scan (f->db, id, s.pasta_case_ean, &r, &error));
    g_assert_cmpint (r.line.received_milli, ==, 24000);
    g_assert_true (r.completes);
  }

  open = comptoir_goods_receipt_list_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  summary = g_ptr_array_index (open, 0);
  g_assert_cmpstr (summary->id, ==, id);
  g_assert_cmpint (summary->n_scans, ==, 3);
  g_assert_cmpuint (summary->n_lines, ==, 4);
  g_assert_cmpuint (summary->n_lines_received, ==, 1);
  g_assert_cmpstr (summary->supplier_name, ==, "Grossiste Bio du Sud");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/goods-receipt/start", test_start);
  ADD ("/comptoir/core/goods-receipt/resolution-order", test_resolution_order);
  ADD ("/comptoir/core/goods-receipt/complete-exceeds", test_complete_exceeds);
  ADD ("/comptoir/core/goods-receipt/gs1-and-weight", test_gs1_and_weight);
  ADD ("/comptoir/core/goods-receipt/unexpected", test_unexpected);
  ADD ("/comptoir/core/goods-receipt/unknown", test_unknown);
  ADD ("/comptoir/core/goods-receipt/own-barcode-links", test_own_barcode_links);
  ADD ("/comptoir/core/goods-receipt/undo", test_undo);
  ADD ("/comptoir/core/goods-receipt/two-machines", test_two_machines);
  return g_test_run ();
}
