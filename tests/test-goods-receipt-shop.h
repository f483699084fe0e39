/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "test-fixture.h"

/* The shop the goods receipt tests share: five products, a supplier
 * whose catalogue lists them, and an order sent to it. */

static inline char *
ean (const char *twelve)
{
  return g_strdup_printf ("%s%d", twelve, comptoir_gtin_check_digit (twelve, 12));
}

typedef struct {
  char *supplier_id;
  char *order_id;
  char *pasta, *milk, *cheese, *soap, *jam;          /* product ids */
  char *pasta_ean, *milk_ean, *cheese_ean, *soap_ean, *jam_ean;
  char *pasta_case_ean;                              /* the supplier's, a case of 6 */
  char *tisane_ean;                                  /* the supplier's item not linked to ours */
  char *tisane_item;
} Shop;

static inline void
shop_clear (Shop *s)
{
  g_free (s->supplier_id);
  g_free (s->order_id);
  g_free (s->pasta); g_free (s->milk); g_free (s->cheese); g_free (s->soap); g_free (s->jam);
  g_free (s->pasta_ean); g_free (s->milk_ean); g_free (s->cheese_ean); g_free (s->soap_ean);
  g_free (s->jam_ean); g_free (s->pasta_case_ean); g_free (s->tisane_ean); g_free (s->tisane_item);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)

static inline char *
add_product (Fixture     *f,
             const char  *code,
             const char  *name,
             const char  *barcode,
             ComptoirUnit unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) p = fixture_product (code, name, 300, 550, barcode);

  comptoir_product_set_unit (p, unit);
  g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
  g_assert_no_error (error);
  return g_strdup (comptoir_product_get_id (p));
}

static inline char *
add_item (Fixture    *f,
          Shop       *s,
          const char *product_id,
          const char *ref,
          const char *barcode,
          const char *name,
          gint64      pack_milli,
          gint64      price_cents)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplierProduct) item = { 0 };

  comptoir_supplier_product_init (&item);
  item.supplier_id = g_strdup (s->supplier_id);
  item.product_id = g_strdup (product_id);
  item.supplier_ref = g_strdup (ref);
  item.barcode = g_strdup (barcode);
  item.name = g_strdup (name);
  item.pack_milli = pack_milli;
  item.price_cents = price_cents;
  g_assert_true (comptoir_supplier_product_save (f->db, &item, &error));
  g_assert_no_error (error);
  return g_strdup (item.id);
}

/* A supplier whose catalogue has pasta (cases of 6, a case barcode of its
 * own), milk (cases of 12, the bottle's barcode), cheese (5 kg crates),
 * soap (not ordered) and a herbal tea not linked to our catalogue; an
 * order sent for 4 cases of pasta, 2 of milk, 2 crates of cheese and 3
 * teas. */
static inline void
shop_init (Fixture *f,
           Shop    *s)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autofree char *pasta_item = NULL, *milk_item = NULL, *cheese_item = NULL, *soap_item = NULL;

  s->pasta_ean = g_strdup ("3017620422003");
  s->milk_ean = ean ("376000000001");
  s->cheese_ean = ean ("376000000002");
  s->soap_ean = ean ("376000000003");
  s->jam_ean = ean ("376000000004");
  s->tisane_ean = ean ("376000000005");
  s->pasta_case_ean = ean ("376000000010");

  s->pasta = add_product (f, "EP-1", "Pâtes penne", s->pasta_ean, COMPTOIR_UNIT_PIECE);
  s->milk = add_product (f, "LAIT-1", "Lait demi-écrémé", s->milk_ean, COMPTOIR_UNIT_PIECE);
  s->cheese = add_product (f, "COMTE", "Comté 18 mois", s->cheese_ean, COMPTOIR_UNIT_KG);
  s->soap = add_product (f, "SAVON", "Savon de Marseille", s->soap_ean, COMPTOIR_UNIT_PIECE);
  s->jam = add_product (f, "CONF", "Confiture d'abricots", s->jam_ean, COMPTOIR_UNIT_PIECE);

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup ("Grossiste Bio du Sud");
  g_assert_true (comptoir_supplier_save (f->db, &supplier, &error));
  g_assert_no_error (error);
  s->supplier_id = g_strdup (supplier.id);

  pasta_item = add_item (f, s, s->pasta, "P-100", s->pasta_case_ean, "PENNE BIO 500G", 6000, 120);
  milk_item = add_item (f, s, s->milk, "M-200", s->milk_ean, "LAIT 1/2 ECR 1L", 12000, 95);
  cheese_item = add_item (f, s, s->cheese, "C-300", NULL, "COMTE 18M", 5000, 1450);
  soap_item = add_item (f, s, s->soap, "S-400", NULL, "SAVON MARSEILLE", 1000, 180);
  s->tisane_item = add_item (f, s, NULL, "T-500", s->tisane_ean, "TISANE VERVEINE", 1000, 210);

  s->order_id = comptoir_purchase_order_create (f->db, s->supplier_id, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_purchase_order_set_line (f->db, s->order_id, pasta_item, 4, &error));
  g_assert_true (comptoir_purchase_order_set_line (f->db, s->order_id, milk_item, 2, &error));
  g_assert_true (comptoir_purchase_order_set_line (f->db, s->order_id, cheese_item, 2, &error));
  g_assert_true (comptoir_purchase_order_set_line (f->db, s->order_id, s->tisane_item, 3, &error));
  g_assert_true (comptoir_purchase_order_send (f->db, s->order_id, NULL, &error));
  g_assert_no_error (error);
}

static inline char *
start (Fixture    *f,
       Shop       *s,
       const char *order_id)
{
  g_autoptr (GError) error = NULL;
  gboolean resumed = TRUE;
  char *id = comptoir_goods_receipt_start (f->db, s->supplier_id, order_id, &resumed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_false (resumed);
  return id;
}

/* Scans code, which must count; returns what the line has received. */
static inline gint64
scan (Fixture    *f,
      const char *receipt,
      const char *code)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirReceiptScanResult) r = { 0 };

  g_assert_true (comptoir_goods_receipt_scan (f->db, receipt, code, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.status, ==, COMPTOIR_RECEIPT_SCAN_COUNTED);
  return r.line.received_milli;
}

static inline gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  return fixture_query_int (f->db, sql);
}
