/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-shop.h"
#include "test-stock.h"

/* The stock engine: movements posted and read back, the weighted
 * average cost in exact cents, folding at any point giving what no
 * folding gives, the check finding a corrupted balance. What a person
 * does by hand and the lists are in test-stock-lists.c. */

static void
assert_same_stock (const ComptoirStock *a,
                   const ComptoirStock *b)
{
  g_assert_cmpint (a->quantity_milli, ==, b->quantity_milli);
  g_assert_cmpint (a->value_cents, ==, b->value_cents);
  g_assert_cmpint (a->average_cost_cents, ==, b->average_cost_cents);
  g_assert_cmpstr (a->last_in, ==, b->last_in);
  g_assert_cmpstr (a->last_out, ==, b->last_out);
  g_assert_cmpint (a->negative, ==, b->negative);
}

/* Receipts, sales, losses: quantity and weighted average cost to the
 * cent, whether folded in between or not. */
static void
test_average_cost (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  ComptoirStock stock;

  shop_init (f, &shop);
  assert_stock (f, ID (shop.pasta), 0, 0, -1);

  stock_post (f, ID (shop.pasta), 10000, "receipt", 120);
  assert_stock (f, ID (shop.pasta), 10000, 1200, 120);
  stock_post (f, ID (shop.pasta), 10000, "receipt", 150);
  assert_stock (f, ID (shop.pasta), 20000, 2700, 135);
  stock_sell (f, shop.till, shop.pasta, 3000);                 /* 2700 × 3/20 = 405 out */
  assert_stock (f, ID (shop.pasta), 17000, 2295, 135);
  g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
  g_assert_true (comptoir_stock_record_loss (f->db, ID (shop.pasta), 2000, "breakage", "Carton tombé", NULL, &error));
  g_assert_no_error (error);
  assert_stock (f, ID (shop.pasta), 15000, 2025, 135);  /* 2295 × 2/17 = 270 out */
  stock_post (f, ID (shop.pasta), 5000, "receipt", 99);
  assert_stock (f, ID (shop.pasta), 20000, 2520, 126);

  /* Weighed goods: 12.5 kg at 2.10 €/kg, 1.235 kg sold. */
  stock_post (f, ID (shop.apples), 12500, "receipt", 210);
  stock_sell (f, shop.till, shop.apples, 1235);                /* 2625 × 1235/12500 = 259.35 */
  assert_stock (f, ID (shop.apples), 11265, 2366, 210);

  stock = stock_of (f, ID (shop.pasta));
  g_assert_cmpstr (stock.last_in, !=, "");
  g_assert_cmpstr (stock.last_out, !=, "");
  g_assert_cmpstr (stock.last_in, >, stock.last_out);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement WHERE reason = 'breakage' "
                                             "AND note = 'Carton tombé' AND quantity_milli = -2000"), ==, 1);

  /* The same after folding everything, and proven by the check. */
  g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
  assert_stock (f, ID (shop.pasta), 20000, 2520, 126);
  assert_stock (f, ID (shop.apples), 11265, 2366, 210);
  assert_check_clean (f);
}

/* Negative stock is flagged, never blocked; it has no value, and the
 * part of a delivery that fills the hole adds none. */
static void
test_negative (Fixture       *f,
               gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };

  shop_init (f, &shop);
  stock_sell (f, shop.till, shop.soap, 5000);
  assert_stock (f, ID (shop.soap), -5000, 0, -1);
  stock_post (f, ID (shop.soap), 10000, "receipt", 100);
  assert_stock (f, ID (shop.soap), 5000, 500, 100);

  /* Sold out, then a refund comes back at the last average cost. */
  stock_sell (f, shop.till, shop.soap, 5000);
  assert_stock (f, ID (shop.soap), 0, 0, 100);
  stock_post (f, ID (shop.soap), 1000, "refund", -1);
  assert_stock (f, ID (shop.soap), 1000, 100, 100);

  /* Stock counted before any cost is known takes the first one. */
  stock_post (f, ID (shop.pasta), 4000, "inventory", -1);
  assert_stock (f, ID (shop.pasta), 4000, 0, -1);
  stock_post (f, ID (shop.pasta), 6000, "receipt", 200);
  assert_stock (f, ID (shop.pasta), 10000, 2000, 200);
  assert_check_clean (f);
}

/* A bad movement refuses the whole post, with a message for a person. */
static void
test_post_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 log_before;

  shop_init (f, &shop);
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");
  {
    ComptoirStockMove moves[] = {
      { ID (shop.pasta), 1000, "receipt", NULL, 100 },
      { "0190c5c0-0000-7000-8000-000000000000", 1000, "receipt", NULL, 100 },
    };
    g_assert_false (comptoir_stock_post (f->db, moves, G_N_ELEMENTS (moves), &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    ComptoirStockMove moves[] = {
      { ID (shop.pasta), 1000, "receipt", NULL, 100 },
      { ID (shop.pasta), 1000, "gift", NULL, -1 },
    };
    g_assert_false (comptoir_stock_post (f->db, moves, G_N_ELEMENTS (moves), &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "gift"));
    g_clear_error (&error);
  }
  {
    ComptoirStockMove move = { ID (shop.pasta), 0, "loss", NULL, -1 };
    g_assert_false (comptoir_stock_post (f->db, &move, 1, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (comptoir_stock_record_loss (f->db, ID (shop.pasta), 1000, "stolen", NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_stock_record_loss (f->db, ID (shop.pasta), -1000, "loss", NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_stock_correct (f->db, ID (shop.pasta), 1000, -1, "  ", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);

  /* The database's own guard says the same to a writer that skips the
   * service (a replicated row with a reason from the future). */
  {
    g_autoptr (ComptoirChange) change = comptoir_change_new ("stock_movement", NULL);

    comptoir_change_set_text (change, "product_id", ID (shop.pasta));
    comptoir_change_set_int (change, "quantity_milli", 1000);
    comptoir_change_set_text (change, "reason", "gift");
    comptoir_change_set_text (change, "at", "2025-01-01T00:00:00.000000Z");
    g_assert_false (comptoir_db_insert_fact (f->db, change, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "unknown stock movement reason"));
    g_clear_error (&error);
  }
}

typedef struct {
  ComptoirStockMove *moves;
  guint              n;
  const char        *product_id;
  gboolean           fail;
} GroupData;

static gboolean
receipt_group (ComptoirDb  *db,
               gpointer     user_data,
               GError     **error)
{
  GroupData *d = user_data;

  if (!comptoir_stock_post (db, d->moves, d->n, error))
    return FALSE;
  if (d->fail)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_FAILED, "the caller fails after posting");
      return FALSE;
    }
  /* Another fact of the caller's, in the same group. */
  {
    g_autoptr (ComptoirChange) move = comptoir_change_new ("stock_movement", NULL);
    comptoir_change_set_text (move, "product_id", d->product_id);
    comptoir_change_set_int (move, "quantity_milli", 1);
    comptoir_change_set_text (move, "reason", "correction");
    comptoir_change_set_text (move, "at", "2025-01-01T00:00:00.000000Z");
    return comptoir_db_insert_fact (db, move, error);
  }
}

/* Inside a caller's fact group, the movements join it: one change-log
 * entry for all, and nothing when the caller fails afterwards. */
static void
test_post_in_group (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  ComptoirStockMove moves[] = {
    { NULL, 24000, "receipt", "receipt-1", 80 },
    { NULL, 5000, "receipt", "receipt-1", 190 },
  };
  GroupData d = { moves, G_N_ELEMENTS (moves), NULL, TRUE };
  gint64 log_before;

  shop_init (f, &shop);
  moves[0].product_id = ID (shop.pasta);
  moves[1].product_id = ID (shop.apples);
  d.product_id = ID (shop.soap);
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");

  g_assert_false (comptoir_db_insert_fact_group (f->db, receipt_group, &d, &error));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before);

  d.fail = FALSE;
  g_assert_true (comptoir_db_insert_fact_group (f->db, receipt_group, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_array_length (payload, '$.rows') FROM change_log "
                                             "ORDER BY seq DESC LIMIT 1"), ==, 3);
  assert_stock (f, ID (shop.pasta), 24000, 1920, 80);
  assert_stock (f, ID (shop.apples), 5000, 950, 190);

  /* Alone, a post of several movements is one entry too. */
  g_assert_true (comptoir_stock_post (f->db, moves, G_N_ELEMENTS (moves), &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 2);
}

typedef struct {
  GPtrArray           *ids;
  const ComptoirStock *expected;
  guint                n_seen;
} Foreach;

static gboolean
foreach_check (const char          *product_id,
               const ComptoirStock *stock,
               gpointer             user_data)
{
  Foreach *fe = user_data;
  guint index;

  g_assert_true (g_ptr_array_find_with_equal_func (fe->ids, product_id, g_str_equal, &index));
  assert_same_stock (stock, &fe->expected[index]);
  fe->n_seen++;
  return TRUE;
}

/* Every product's stock at once, as reports read it, is what reading
 * each one gives. */
static void
assert_foreach_same (Fixture             *f,
                     GPtrArray           *ids,
                     const ComptoirStock *expected)
{
  g_autoptr (GError) error = NULL;
  Foreach fe = { ids, expected, 0 };

  g_assert_true (comptoir_stock_foreach (f->db, foreach_check, &fe, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fe.n_seen, ==, ids->len);
}

/* Folding at random points gives exactly what reading every movement
 * from scratch gives, for random sequences of every kind of movement. */
static void
test_fold_anywhere (Fixture       *f,
                    gconstpointer  data)
{
  static const char *reasons[] = { "receipt", "sale", "loss", "refund", "inventory", "transfer_in", "correction" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree ComptoirStock *folded = NULL;
  g_autofree gint64 *sums = NULL;
  const guint n_products = 12, n_moves = 1500;

  for (guint i = 0; i < n_products; i++)
    {
      g_autofree char *code = g_strdup_printf ("P-%u", i);
      g_autoptr (ComptoirProduct) p = fixture_product (code, "Produit", 100, 550, NULL);

      g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
      g_ptr_array_add (ids, g_strdup (ID (p)));
    }
  sums = g_new0 (gint64, n_products);
  folded = g_new (ComptoirStock, n_products);

  /* One transaction: folds and reads inside it take savepoints. */
  g_assert_true (comptoir_db_begin (f->db, &error));
  for (guint m = 0; m < n_moves; m++)
    {
      guint p = g_rand_int_range (rand, 0, n_products);
      const char *reason = reasons[g_rand_int_range (rand, 0, G_N_ELEMENTS (reasons))];
      gint64 quantity = g_rand_int_range (rand, 1, 20000);
      gint64 cost = -1;
      g_autofree char *at = g_strdup_printf ("2025-%02d-01T10:00:00.%06uZ", g_rand_int_range (rand, 1, 13), m);
      g_autoptr (ComptoirChange) move = comptoir_change_new ("stock_movement", NULL);

      if (g_str_equal (reason, "sale") || g_str_equal (reason, "loss") ||
          ((g_str_equal (reason, "inventory") || g_str_equal (reason, "correction")) && g_rand_boolean (rand)))
        quantity = -quantity;
      if (quantity > 0 && g_rand_int_range (rand, 0, 3) > 0)
        cost = g_rand_int_range (rand, 0, 5000);
      sums[p] += quantity;

      /* Inserted as replicated facts arrive: dates in any order. */
      comptoir_change_set_text (move, "product_id", g_ptr_array_index (ids, p));
      comptoir_change_set_int (move, "quantity_milli", quantity);
      comptoir_change_set_text (move, "reason", reason);
      comptoir_change_set_text (move, "at", at);
      if (cost >= 0)
        comptoir_change_set_int (move, "unit_cost_cents", cost);
      g_assert_true (comptoir_db_insert_fact (f->db, move, &error));
      g_assert_no_error (error);

      if (g_rand_int_range (rand, 0, 100) == 0)
        g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
      if (g_rand_int_range (rand, 0, 50) == 0)
        (void) stock_of (f, g_ptr_array_index (ids, g_rand_int_range (rand, 0, n_products)));
    }
  g_assert_true (comptoir_db_commit (f->db, &error));

  for (guint p = 0; p < n_products; p++)
    {
      folded[p] = stock_of (f, g_ptr_array_index (ids, p));
      g_assert_cmpint (folded[p].quantity_milli, ==, sums[p]);
    }
  assert_check_clean (f);
  assert_foreach_same (f, ids, folded);

  /* From scratch: no balance, every movement in the tail. */
  g_assert_true (comptoir_db_exec (f->db, "DELETE FROM stock_balance; UPDATE stock_fold SET upto = 0", &error));
  for (guint p = 0; p < n_products; p++)
    {
      ComptoirStock scratch = stock_of (f, g_ptr_array_index (ids, p));
      assert_same_stock (&scratch, &folded[p]);
    }
  assert_foreach_same (f, ids, folded);
  /* And folded all at once. */
  g_assert_true (comptoir_stock_rebuild (f->db, &error));
  g_assert_no_error (error);
  for (guint p = 0; p < n_products; p++)
    {
      ComptoirStock again = stock_of (f, g_ptr_array_index (ids, p));
      assert_same_stock (&again, &folded[p]);
    }
  assert_check_clean (f);
  assert_foreach_same (f, ids, folded);
}

/* A balance edited behind the movements' back is reported; rebuilding
 * repairs it. */
static void
test_check_corruption (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mismatches = NULL;
  g_autofree char *sql = NULL;
  ComptoirStockMismatch *m;

  shop_init (f, &shop);
  stock_post (f, ID (shop.pasta), 10000, "receipt", 120);
  stock_post (f, ID (shop.apples), 3000, "receipt", 300);
  stock_sell (f, shop.till, shop.pasta, 1000);
  g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
  assert_check_clean (f);

  sql = g_strdup_printf ("UPDATE stock_balance SET quantity_milli = quantity_milli + 1000 WHERE product_id = '%s';"
                         "DELETE FROM stock_balance WHERE product_id = '%s';"
                         "INSERT INTO stock_balance (product_id, quantity_milli, value_cents) VALUES ('%s', 7000, 0)",
                         ID (shop.pasta), ID (shop.apples), ID (shop.soap));
  g_assert_true (comptoir_db_exec (f->db, sql, &error));
  g_assert_true (comptoir_stock_check (f->db, &mismatches, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 3);
  for (guint i = 0; i < mismatches->len; i++)
    {
      m = g_ptr_array_index (mismatches, i);
      if (g_str_equal (m->product_id, ID (shop.pasta)))
        {
          g_assert_cmpint (m->stored_quantity_milli, ==, 10000);
          g_assert_cmpint (m->expected_quantity_milli, ==, 9000);
        }
      else if (g_str_equal (m->product_id, ID (shop.apples)))
        {
          g_assert_cmpint (m->stored_quantity_milli, ==, 0);
          g_assert_cmpint (m->expected_quantity_milli, ==, 3000);
          g_assert_cmpint (m->expected_value_cents, ==, 900);
        }
      else
        {
          g_assert_cmpstr (m->product_id, ==, ID (shop.soap));
          g_assert_cmpint (m->stored_quantity_milli, ==, 7000);
          g_assert_cmpint (m->expected_quantity_milli, ==, 0);
        }
    }

  g_assert_true (comptoir_stock_rebuild (f->db, &error));
  assert_check_clean (f);
  assert_stock (f, ID (shop.pasta), 9000, 1080, 120);
}

/* Thousands of movements not folded: a read folds first, and the
 * stock stays exact before and after. */
static void
test_long_tail (Fixture       *f,
                gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) moves = g_array_new (FALSE, FALSE, sizeof (ComptoirStockMove));
  gint64 expected = 0;

  shop_init (f, &shop);
  for (guint i = 0; i < 5000; i++)
    {
      ComptoirStockMove move = { i % 2 ? ID (shop.pasta) : ID (shop.soap), i % 3 ? -1000 : 2500,
                                 i % 3 ? "loss" : "receipt", NULL, i % 3 ? -1 : 100 };
      g_array_append_val (moves, move);
      if (i % 2)
        expected += move.quantity_milli;
    }
  g_assert_true (comptoir_stock_post (f->db, (ComptoirStockMove *) (gpointer) moves->data, 1000, &error));
  g_assert_no_error (error);
  /* A tail under the limit is read as it is. */
  g_assert_cmpint (stock_of (f, ID (shop.pasta)).quantity_milli, ==,
                   fixture_query_int (f->db, "SELECT sum (quantity_milli) FROM stock_movement m JOIN product p "
                                             "ON p.id = m.product_id WHERE p.code = 'EP-1'"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT upto FROM stock_fold"), ==, 0);

  g_assert_true (comptoir_stock_post (f->db, (ComptoirStockMove *) (gpointer) moves->data + 1000, 4000, &error));
  g_assert_cmpint (stock_of (f, ID (shop.pasta)).quantity_milli, ==, expected);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT upto FROM stock_fold"), ==,
                   fixture_query_int (f->db, "SELECT max (rowid) FROM stock_movement"));
  stock_sell (f, shop.till, shop.pasta, 2000);
  g_assert_cmpint (stock_of (f, ID (shop.pasta)).quantity_milli, ==, expected - 2000);
  assert_check_clean (f);
}

/* Movements made elsewhere arrive later with an older `at`: they are in
 * the tail, get folded, and leave the latest dates alone. */
static void
test_replicated_late (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Shop) shop = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) late = comptoir_change_new ("stock_movement", NULL);
  ComptoirStock before, after;

  shop_init (f, &shop);
  stock_post (f, ID (shop.pasta), 10000, "receipt", 100);
  stock_sell (f, shop.till, shop.pasta, 1000);
  g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
  before = stock_of (f, ID (shop.pasta));

  comptoir_change_set_text (late, "product_id", ID (shop.pasta));
  comptoir_change_set_int (late, "quantity_milli", -3000);
  comptoir_change_set_text (late, "reason", "sale");
  comptoir_change_set_text (late, "source_id", "ticket-from-till-2");
  comptoir_change_set_text (late, "at", "2020-06-01T09:00:00.000000Z");
  g_assert_true (comptoir_db_insert_fact (f->db, late, &error));
  g_assert_no_error (error);

  after = stock_of (f, ID (shop.pasta));
  g_assert_cmpint (after.quantity_milli, ==, 6000);
  g_assert_cmpint (after.value_cents, ==, 600);
  g_assert_cmpstr (after.last_out, ==, before.last_out);
  g_assert_true (comptoir_stock_fold (f->db, NULL, &error));
  after = stock_of (f, ID (shop.pasta));
  g_assert_cmpint (after.quantity_milli, ==, 6000);
  g_assert_cmpstr (after.last_out, ==, before.last_out);
  assert_check_clean (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/stock/average-cost", test_average_cost);
  ADD ("/comptoir/core/stock/negative", test_negative);
  ADD ("/comptoir/core/stock/post-refused", test_post_refused);
  ADD ("/comptoir/core/stock/post-in-group", test_post_in_group);
  ADD ("/comptoir/core/stock/fold-anywhere", test_fold_anywhere);
  ADD ("/comptoir/core/stock/check-corruption", test_check_corruption);
  ADD ("/comptoir/core/stock/long-tail", test_long_tail);
  ADD ("/comptoir/core/stock/replicated-late", test_replicated_late);
#undef ADD

  return g_test_run ();
}
