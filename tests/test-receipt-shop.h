/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The ticket every receipt test prints (text, ESC/POS, PDF): accents, a
 * weighed line, two VAT rates, a discount, cash with change; and the
 * golden files they are compared with. Needs test-fixture.h first. */

#include <locale.h>
#include <string.h>

/* The date printed is fixed: golden files do not change with the clock.
 * 16:05 UTC is 17:05 in Paris in March. */
#define RECEIPT_SHOP_CLOSED_AT "2025-03-14T16:05:09.123456Z"

static inline void
receipt_shop_init_environment (void)
{
  /* A POSIX rule, not a zoneinfo name: the result must not depend on
   * tzdata being installed. */
  g_setenv ("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", TRUE);
  setlocale (LC_ALL, "");
}

static inline void
receipt_shop_fix_date (ComptoirReceipt *receipt)
{
  g_free (receipt->closed_at);
  receipt->closed_at = g_strdup (RECEIPT_SHOP_CLOSED_AT);
}

static inline void
receipt_shop_set (ComptoirDb *db,
                  const char *key,
                  const char *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_settings_set (db, key, value, &error));
  g_assert_no_error (error);
}

static inline ComptoirReceipt *
receipt_shop_sell (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) pasta = fixture_product ("EP-1", "Pâtes complètes 500 g", 235, 550, "3017620422003");
  g_autoptr (ComptoirProduct) comte = fixture_product ("FR-7", "Comté AOP 18 mois", 2590, 550, NULL);
  g_autoptr (ComptoirProduct) soap = fixture_product ("HY-1", "Savon de Marseille à l'huile d'olive, "
                                                      "cube 300 g", 450, 2000, NULL);
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_autofree char *till = NULL;
  ComptoirReceipt *receipt;

  receipt_shop_set (f->db, COMPTOIR_SETTING_SHOP_NAME, "Coop du Canal");
  receipt_shop_set (f->db, COMPTOIR_SETTING_SHOP_ADDRESS, "12 rue des Écluses\n75010 Paris");
  receipt_shop_set (f->db, COMPTOIR_SETTING_SHOP_SIRET, "812 345 678 00019");
  receipt_shop_set (f->db, COMPTOIR_SETTING_SHOP_VAT_NUMBER, "FR32812345678");
  receipt_shop_set (f->db, COMPTOIR_SETTING_RECEIPT_FOOTER, "Merci, à bientôt !\nÉchange sous 15 jours");

  comptoir_product_set_unit (comte, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, pasta, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, comte, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, soap, &error));
  g_assert_no_error (error);
  /* A dash in the till code: the barcode's number is after the last one. */
  till = comptoir_till_ensure (f->db, "T-1", &error);
  g_assert_no_error (error);

  comptoir_sale_set_cashier (sale, "Léa");
  comptoir_sale_add_product (sale, pasta, 2000);                         /*  4.70 at 5.5 % */
  comptoir_sale_add_product (sale, comte, 482);                          /* 12.48 at 5.5 % */
  comptoir_sale_add_product (sale, soap, 1000);                          /*  4.50 at 20 % */
  comptoir_sale_add_line (sale, NULL, "Remise bénévole 10 %", 1000, -45, 2000);  /* -0.45 */
  comptoir_sale_add_payment (sale, "cash", 5000);
  g_assert_true (comptoir_sale_commit (sale, f->db, till, &ticket, &error));
  g_assert_no_error (error);

  receipt = comptoir_receipt_load (f->db, ticket.id, &error);
  g_assert_no_error (error);
  receipt_shop_fix_date (receipt);
  return receipt;
}

/* Compares with tests/data/NAME; COMPTOIR_UPDATE_GOLDEN=1 rewrites the
 * file instead, for a change of layout that was meant (then review the
 * diff before committing it). */
static inline void
receipt_shop_assert_golden (const char *name,
                            const void *data,
                            gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *expected = NULL;
  gsize expected_length = 0;

  if (g_getenv ("COMPTOIR_UPDATE_GOLDEN") != NULL)
    {
      g_assert_true (g_file_set_contents (path, data, length, &error));
      g_assert_no_error (error);
      return;
    }

  g_assert_true (g_file_get_contents (path, &expected, &expected_length, &error));
  g_assert_no_error (error);
  if (expected_length != length || memcmp (expected, data, length) != 0)
    {
      g_autofree char *actual_path = g_build_filename (g_get_tmp_dir (), name, NULL);

      g_file_set_contents (actual_path, data, length, NULL);
      g_error ("%s differs from the golden file %s (%" G_GSIZE_FORMAT " bytes instead of %" G_GSIZE_FORMAT
               "); what was produced is in %s", name, path, length, expected_length, actual_path);
    }
}
