/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "test-fixture.h"

/* The shop of the sale and stock tests: three products and a till. */
typedef struct {
  ComptoirProduct *pasta;     /* 2,35 € at 5.5 %, by the piece */
  ComptoirProduct *apples;    /* 3,20 €/kg at 5.5 % */
  ComptoirProduct *soap;      /* 4,50 € at 20 % */
  char            *till;
} Shop;

static inline void
shop_init (Fixture *f,
           Shop    *shop)
{
  g_autoptr (GError) error = NULL;

  shop->pasta = fixture_product ("EP-1", "Pâtes penne 500 g", 235, 550, "3017620422003");
  shop->apples = fixture_product ("FL-1", "Pommes Golden", 320, 550, NULL);
  comptoir_product_set_unit (shop->apples, COMPTOIR_UNIT_KG);
  shop->soap = fixture_product ("HY-1", "Savon d'Alep", 450, 2000, NULL);
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->pasta, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->apples, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->soap, &error));
  shop->till = comptoir_till_ensure (f->db, "T1", &error);
  g_assert_no_error (error);
}

static inline void
shop_clear (Shop *shop)
{
  g_clear_object (&shop->pasta);
  g_clear_object (&shop->apples);
  g_clear_object (&shop->soap);
  g_clear_pointer (&shop->till, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)
