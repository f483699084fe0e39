/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "test-fixture.h"

/* What the stock and inventory tests share: movements posted, goods
 * sold at a till, the stock read back. */

#define ID(product) comptoir_product_get_id (product)

static inline void
stock_post (Fixture    *f,
            const char *product_id,
            gint64      quantity_milli,
            const char *reason,
            gint64      unit_cost_cents)
{
  g_autoptr (GError) error = NULL;
  ComptoirStockMove move = { product_id, quantity_milli, reason, NULL, unit_cost_cents };

  g_assert_true (comptoir_stock_post (f->db, &move, 1, &error));
  g_assert_no_error (error);
}

static inline void
stock_sell (Fixture         *f,
            const char      *till,
            ComptoirProduct *product,
            gint64           quantity_milli)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();

  comptoir_sale_add_product (sale, product, quantity_milli);
  comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
  g_assert_true (comptoir_sale_commit (sale, f->db, till, NULL, &error));
  g_assert_no_error (error);
}

static inline ComptoirStock
stock_of (Fixture    *f,
          const char *product_id)
{
  g_autoptr (GError) error = NULL;
  ComptoirStock stock;

  g_assert_true (comptoir_stock_get (f->db, product_id, &stock, &error));
  g_assert_no_error (error);
  return stock;
}

static inline void
assert_stock (Fixture    *f,
              const char *product_id,
              gint64      quantity_milli,
              gint64      value_cents,
              gint64      average_cost_cents)
{
  ComptoirStock stock = stock_of (f, product_id);

  g_assert_cmpint (stock.quantity_milli, ==, quantity_milli);
  g_assert_cmpint (stock.value_cents, ==, value_cents);
  g_assert_cmpint (stock.average_cost_cents, ==, average_cost_cents);
  g_assert_cmpint (stock.negative, ==, quantity_milli < 0);
}

static inline void
assert_check_clean (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mismatches = NULL;

  g_assert_true (comptoir_stock_check (f->db, &mismatches, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
}
