/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

#define N_PRODUCTS 2000

static void
fill (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_db_begin (f->db, &error));
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *code = g_strdup_printf ("P%05u", i);
      g_autofree char *name = g_strdup_printf ("%s %u", i % 10 == 0 ? "Pâtes" : "Riz", i);
      g_autoptr (ComptoirProduct) p = fixture_product (code, name, 100 + i, 550, NULL);

      g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
    }
  g_assert_true (comptoir_db_commit (f->db, &error));
}

static guint
alive_products (void)
{
  return g_type_get_instance_count (COMPTOIR_TYPE_PRODUCT);
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProductList) list = comptoir_product_list_new (f->catalog);
  g_autoptr (ComptoirProduct) last = NULL;
  guint before;

  if (!g_getenv ("GOBJECT_DEBUG") || !strstr (g_getenv ("GOBJECT_DEBUG"), "instance-count"))
    {
      g_test_skip ("needs GOBJECT_DEBUG=instance-count");
      return;
    }

  fill (f);
  before = alive_products ();
  g_assert_true (comptoir_product_list_query_sync (list, "", COMPTOIR_PRODUCT_SORT_PRICE, TRUE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS);
  g_assert_cmpuint (alive_products (), ==, before);  /* no object made for unseen rows */

  for (guint i = 0; i < 30; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (alive_products (), <=, before + 30);

  last = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (comptoir_product_get_price_cents (last), ==, 100 + N_PRODUCTS - 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_PRODUCTS));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProductList) list = comptoir_product_list_new (f->catalog);
  g_autoptr (ComptoirProduct) item = NULL;
  g_autoptr (ComptoirProduct) again = NULL;
  g_autoptr (ComptoirProduct) fresh = fixture_product ("NEW", "Zucchini", 500, 550, NULL);
  g_autoptr (ComptoirProduct) top = NULL;
  guint changes = 0;

  fill (f);
  g_assert_true (comptoir_product_list_query_sync (list, "pâtes", COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS / 10);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  {
    g_autoptr (ComptoirProduct) shown = g_list_model_get_item (G_LIST_MODEL (list), 3);
    item = comptoir_product_copy (shown);  /* an editor works on a copy */
  }
  comptoir_product_set_price_cents (item, 999);
  g_assert_true (comptoir_catalog_save_product (f->catalog, item, &error));
  g_assert_cmpuint (comptoir_product_list_refresh (list, item), ==, 3);
  g_assert_cmpuint (changes, ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_cmpint (comptoir_product_get_price_cents (again), ==, 999);

  /* A new product appears first so the person sees what they made. */
  g_assert_true (comptoir_catalog_save_product (f->catalog, fresh, &error));
  g_assert_cmpuint (comptoir_product_list_refresh (list, fresh), ==, 0);
  top = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (comptoir_product_get_code (top), ==, "NEW");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PRODUCTS / 10 + 1);
}

static void
test_latest_query_wins (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (ComptoirProductList) list = comptoir_product_list_new (f->catalog);

  fill (f);
  comptoir_product_list_query (list, "", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  comptoir_product_list_query (list, "r", COMPTOIR_PRODUCT_SORT_NAME, FALSE);
  comptoir_product_list_query (list, "pâtes 1", COMPTOIR_PRODUCT_SORT_CODE, TRUE);
  g_assert_true (comptoir_product_list_get_loading (list));
  while (comptoir_product_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);

  /* "Pâtes 1", "Pâtes 10", "Pâtes 100"…: names with a word starting with 1 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 111);
  g_assert_cmpstr (comptoir_product_list_get_text (list), ==, "pâtes 1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/product-list/lazy", test_lazy);
  ADD ("/comptoir/core/product-list/refresh", test_refresh);
  ADD ("/comptoir/core/product-list/latest-query-wins", test_latest_query_wins);
  return g_test_run ();
}
