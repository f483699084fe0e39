/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

/* 12 digits + their check digit. */
static char *
ean (const char *twelve)
{
  return g_strdup_printf ("%s%d", twelve, comptoir_gtin_check_digit (twelve, 12));
}

typedef struct {
  ComptoirProduct    *pasta;
  ComptoirProduct    *cheese;   /* weighed, item code 01234 */
  ComptoirScaleRules *rules;
} Shop;

static void
shop_init (Fixture *f,
           Shop    *shop)
{
  g_autoptr (GError) error = NULL;

  shop->pasta = fixture_product ("EP-1", "Pâtes penne", 235, 550, "3017620422003");
  shop->cheese = fixture_product ("01234", "Comté 18 mois", 2590, 550, NULL);
  comptoir_product_set_unit (shop->cheese, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->pasta, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->cheese, &error));
  shop->rules = comptoir_scale_rules_new_default ();
}

static void
shop_clear (Shop *shop)
{
  g_clear_object (&shop->pasta);
  g_clear_object (&shop->cheese);
  g_clear_pointer (&shop->rules, comptoir_scale_rules_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)

static void
test_resolve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autofree char *weight_label = ean ("210123401235");   /* 1,235 kg */
  g_autofree char *price_label = ean ("230123400450");    /* 4,50 € */
  g_autofree char *stranger = ean ("210999901000");
  g_autofree char *gs1 = NULL;

  shop_init (f, &shop);

  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, " 3017620422003\n", &scan, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comptoir_product_get_code (scan.product), ==, "EP-1");
    g_assert_cmpint (scan.quantity_milli, ==, 1000);
    g_assert_cmpint (scan.unit_price_cents, ==, -1);
    g_assert_false (scan.needs_weight);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, "01234", &scan, &error));
    g_assert_true (scan.needs_weight);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, weight_label, &scan, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comptoir_product_get_code (scan.product), ==, "01234");
    g_assert_cmpint (scan.quantity_milli, ==, 1235);
    g_assert_false (scan.needs_weight);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, price_label, &scan, &error));
    g_assert_cmpint (scan.unit_price_cents, ==, 450);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    gs1 = g_strdup_printf ("]C101%s%s10L42\x1d" "17270131" "3103001235", "0", "3017620422003");
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, gs1, &scan, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comptoir_product_get_code (scan.product), ==, "EP-1");
    g_assert_cmpint (scan.quantity_milli, ==, 1235);
    g_assert_cmpstr (scan.lot, ==, "L42");
    g_assert_true (g_date_valid (&scan.expiry));
    g_assert_cmpint (g_date_get_year (&scan.expiry), ==, 2027);
  }

  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_false (comptoir_scan_resolve (f->catalog, shop.rules, stranger, &scan, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "09999"));  /* names the article */
    g_clear_error (&error);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_false (comptoir_scan_resolve (f->catalog, shop.rules, "5449000000996", &scan, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (comptoir_scan_resolve (f->catalog, shop.rules, "3017620422004", &scan, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "should be 3"));
    g_clear_error (&error);
    g_assert_false (comptoir_scan_resolve (f->catalog, shop.rules, "   ", &scan, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (comptoir_scan_resolve (f->catalog, shop.rules, "]C10130176204220049", &scan, &error));
    g_assert_nonnull (error);
  }
}

static void
test_scan_to_ticket (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autofree char *till = NULL;
  g_autofree char *weight_label = ean ("210123401235");
  g_autofree char *price_label = ean ("230123400450");
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  ComptoirOpenLine line;

  shop_init (f, &shop);
  till = comptoir_till_ensure (f->db, "T1", &error);
  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);

  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, weight_label, &scan, &error));
    g_assert_cmpuint (comptoir_open_ticket_add_scan (ticket, &scan, &error), ==, 1);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, price_label, &scan, &error));
    g_assert_cmpuint (comptoir_open_ticket_add_scan (ticket, &scan, &error), ==, 2);
  }
  {
    g_auto (ComptoirScan) scan = { 0 };
    g_assert_true (comptoir_scan_resolve (f->catalog, shop.rules, "01234", &scan, &error));
    g_assert_cmpuint (comptoir_open_ticket_add_scan (ticket, &scan, &error), ==, 0);
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "weight"));
    g_clear_error (&error);
  }

  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_cmpint (line.quantity_milli, ==, 1235);
  g_assert_cmpint (line.total_cents, ==, 3199);  /* 25,90 × 1,235 = 31,9865 */
  g_assert_true (comptoir_open_ticket_get_line (ticket, 2, &line));
  g_assert_cmpint (line.total_cents, ==, 450);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/scan/resolve", test_resolve);
  ADD ("/comptoir/core/scan/to-ticket", test_scan_to_ticket);
  return g_test_run ();
}
