/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include <string.h>

#include "test-fixture.h"

/* A sale of honey ×2 (one line) and bread ×1, then refunds of it. */
typedef struct {
  char          *till;
  char          *ticket;
  ComptoirStaff *cashier;
  ComptoirStaff *manager;
} Shop;

static void
open_shop (Fixture *f,
           Shop    *shop)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) honey = fixture_product ("MI-1", "Miel de lavande", 1250, 550, NULL);
  g_autoptr (ComptoirProduct) bread = fixture_product ("PA-1", "Pain de campagne", 390, 550, NULL);
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) committed = { 0 };

  g_assert_true (comptoir_catalog_save_product (f->catalog, honey, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, bread, &error));
  shop->till = comptoir_till_ensure (f->db, "T1", &error);
  shop->cashier = comptoir_staff_create (f->db, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234", &error);
  shop->manager = comptoir_staff_create (f->db, "Marc", COMPTOIR_STAFF_ROLE_MANAGER, "975310", &error);
  g_assert_no_error (error);

  comptoir_sale_add_product (sale, honey, 2000);
  comptoir_sale_add_product (sale, bread, 1000);
  comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
  g_assert_true (comptoir_sale_commit (sale, f->db, shop->till, &committed, &error));
  g_assert_no_error (error);
  shop->ticket = g_steal_pointer (&committed.id);
}

static void
close_shop (Shop *shop)
{
  g_free (shop->till);
  g_free (shop->ticket);
  g_clear_object (&shop->cashier);
  g_clear_object (&shop->manager);
}

static gint64
refund (Fixture     *f,
        Shop        *shop,
        const guint *positions,
        guint        n_positions,
        GError     **error)
{
  g_autoptr (ComptoirSale) sale = comptoir_refund_prepare (f->db, shop->ticket, positions, n_positions, error);
  g_auto (ComptoirCommittedTicket) committed = { 0 };

  if (sale == NULL)
    return 0;
  comptoir_sale_add_payment (sale, "cash", comptoir_sale_get_total (sale));
  if (!comptoir_audit_commit_refund (sale, f->db, shop->till, shop->ticket, comptoir_staff_get_id (shop->cashier),
                                     comptoir_staff_get_id (shop->manager), "abîmé", &committed, error))
    return 0;
  return committed.total_cents;
}

static void
test_whole (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  Shop shop = { 0 };
  gint64 entries = 0;

  open_shop (f, &shop);
  g_assert_cmpint (refund (f, &shop, NULL, 0, &error), ==, -(2 * 1250 + 390));
  g_assert_no_error (error);

  /* The refund is a ticket of its own that refers to the sale; stock
   * comes back; the journal still verifies. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket WHERE kind = 'refund' AND refers_to IS NOT NULL"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT sum (quantity_milli) FROM stock_movement"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM audit_event WHERE action = 'refund'"), ==, 1);
  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);

  /* Nothing is left to give back. */
  g_assert_cmpint (refund (f, &shop, NULL, 0, &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket"), ==, 2);
  close_shop (&shop);
}

static void
test_partial (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) refund_of_refund = NULL;
  g_autofree char *refund_id = NULL;
  Shop shop = { 0 };
  const guint bread[] = { 2 };
  const guint honey[] = { 1 };

  open_shop (f, &shop);
  g_assert_cmpint (refund (f, &shop, bread, 1, &error), ==, -390);
  g_assert_no_error (error);

  /* The bread a second time: refused, nothing written. */
  g_assert_cmpint (refund (f, &shop, bread, 1, &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Pain de campagne"));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket"), ==, 2);

  /* "Everything" now means what is left: the honey. */
  g_assert_cmpint (refund (f, &shop, NULL, 0, &error), ==, -2500);
  g_assert_no_error (error);
  g_assert_cmpint (refund (f, &shop, honey, 1, &error), ==, 0);
  g_clear_error (&error);

  /* A refund ticket is not refunded in turn. */
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (f->db, "SELECT id FROM ticket WHERE kind = 'refund' LIMIT 1", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    refund_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  refund_of_refund = comptoir_refund_prepare (f->db, refund_id, NULL, 0, &error);
  g_assert_null (refund_of_refund);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (comptoir_refund_prepare (f->db, "no-such-ticket", NULL, 0, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  close_shop (&shop);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/comptoir/core/refund/whole", Fixture, NULL, fixture_set_up, test_whole, fixture_tear_down);
  g_test_add ("/comptoir/core/refund/partial", Fixture, NULL, fixture_set_up, test_partial, fixture_tear_down);
  return g_test_run ();
}
