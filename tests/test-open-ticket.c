/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-schema-resources.h"
#include "test-fixture.h"

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->catalog = comptoir_catalog_new (f->db);
}

static void
test_resume_and_commit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) bread = fixture_product ("BO-1", "Pain de campagne", 380, 550, NULL);
  g_autoptr (ComptoirProduct) cheese = fixture_product ("FM-1", "Comté 18 mois", 2590, 550, NULL);
  g_autoptr (ComptoirProduct) wine = fixture_product ("CA-1", "Côtes-du-Rhône 75 cl", 790, 2000, NULL);
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) resumed = NULL;
  g_autoptr (ComptoirOpenTicket) next = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  g_autoptr (ComptoirStaff) zoe = NULL;
  g_autofree char *till = NULL;
  g_autofree char *id = NULL;
  ComptoirOpenLine line;

  zoe = comptoir_staff_create (f->db, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234", &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_catalog_save_product (f->catalog, bread, &error));
  comptoir_product_set_unit (cheese, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, cheese, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, wine, &error));
  till = comptoir_till_ensure (f->db, "T1", &error);

  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (zoe), &error));
  id = g_strdup (comptoir_open_ticket_get_id (ticket));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, bread, 1000, &error), ==, 1);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, cheese, 312, &error), ==, 2);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, wine, 1000, &error), ==, 3);
  g_assert_true (comptoir_open_ticket_set_quantity (ticket, 1, 2000, &error));
  g_assert_false (comptoir_open_ticket_void_line (ticket, 3, "  ", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_void_line (ticket, 3, "scanned by mistake", &error));
  g_assert_false (comptoir_open_ticket_set_quantity (ticket, 3, 2000, &error));
  g_clear_error (&error);
  g_assert_cmpint (comptoir_open_ticket_get_total (ticket), ==, 760 + 808);  /* 25,90 × 0,312 = 8,08 */

  /* The machine restarts: the till comes back on the same ticket. */
  g_clear_object (&ticket);
  reopen (f);
  resumed = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), ==, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 3);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 1, &line));
  g_assert_cmpint (line.quantity_milli, ==, 2000);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 3, &line));
  g_assert_cmpstr (line.void_reason, ==, "scanned by mistake");
  g_assert_cmpint (comptoir_open_ticket_get_total (resumed), ==, 1568);
  g_assert_cmpstr (comptoir_open_ticket_get_cashier (resumed), ==, comptoir_staff_get_id (zoe));

  /* An unpaid commit changes nothing. */
  sale = comptoir_open_ticket_to_sale (resumed);
  g_assert_cmpuint (comptoir_sale_get_n_lines (sale), ==, 2);
  comptoir_sale_add_payment (sale, "cash", 1000);
  g_assert_false (comptoir_open_ticket_commit (resumed, sale, &committed, &error));
  g_clear_error (&error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), ==, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 0);

  comptoir_sale_add_payment (sale, "cash", 1000);
  g_assert_true (comptoir_open_ticket_commit (resumed, sale, &committed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (committed.number, ==, 1);
  g_assert_cmpint (committed.change_cents, ==, 432);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_line"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket t JOIN staff s "
                                             "ON s.id = t.cashier WHERE s.name = 'Zoé'"), ==, 1);

  /* The till is on a new, empty ticket, and stays so after a restart. */
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), !=, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line"), ==, 0);
  reopen (f);
  next = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (next), ==, comptoir_open_ticket_get_id (resumed));
}

static void
test_refuses (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) old = fixture_product ("X-1", "Ancien savon", 300, 2000, NULL);
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);

  comptoir_product_set_active (old, FALSE);
  g_assert_true (comptoir_catalog_save_product (f->catalog, old, &error));
  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, old, 1000, &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "withdrawn"));
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_void_line (ticket, 9, "x", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 0);
}

typedef struct {
  char            *till;
  ComptoirStaff   *cashier;
  ComptoirStaff   *manager;
  ComptoirProduct *cheese;
  ComptoirProduct *bread;
} Shop;

static void
shop_init (Fixture *f,
           Shop    *shop)
{
  g_autoptr (GError) error = NULL;

  shop->till = comptoir_till_ensure (f->db, "T1", &error);
  shop->cashier = comptoir_staff_create (f->db, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234", &error);
  g_assert_no_error (error);
  shop->manager = comptoir_staff_create (f->db, "Marc", COMPTOIR_STAFF_ROLE_MANAGER, "975310", &error);
  g_assert_no_error (error);
  shop->cheese = fixture_product ("FM-2", "Tomme de Savoie", 2590, 550, NULL);
  shop->bread = fixture_product ("BO-2", "Baguette", 120, 550, NULL);
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->cheese, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop->bread, &error));
  g_assert_no_error (error);
}

static void
shop_clear (Shop *shop)
{
  g_clear_pointer (&shop->till, g_free);
  g_clear_object (&shop->cashier);
  g_clear_object (&shop->manager);
  g_clear_object (&shop->cheese);
  g_clear_object (&shop->bread);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)

/* The till's current ticket, with the cashier logged in. */
static ComptoirOpenTicket *
start (Fixture *f,
       Shop    *shop)
{
  g_autoptr (GError) error = NULL;
  ComptoirOpenTicket *ticket = comptoir_open_ticket_resume_or_start (f->db, shop->till, &error);

  g_assert_no_error (error);
  g_assert_true (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (shop->cashier), &error));
  return ticket;
}

static gint64
count_audit (Fixture    *f,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = '%s'", action);

  return fixture_query_int (f->db, sql);
}

static void
test_void_audited (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirStmt) row = NULL;
  ComptoirOpenLine line;

  shop_init (f, &shop);
  ticket = start (f, &shop);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 2000, &error), ==, 1);

  /* Nobody logged in: nobody to sign the void, so nothing happens. */
  g_assert_true (comptoir_open_ticket_set_cashier (ticket, NULL, &error));
  g_assert_false (comptoir_open_ticket_void_line (ticket, 1, "scanned twice", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_null (line.void_reason);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line WHERE void_reason IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_audit (f, "line_void"), ==, 0);

  /* A cashier who left the shop cannot be put on the ticket. */
  {
    g_autoptr (ComptoirStaff) gone = comptoir_staff_create (f->db, "Paul", COMPTOIR_STAFF_ROLE_CASHIER, "5555", &error);
    g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (gone), &error));
    g_assert_false (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (gone), &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (shop.cashier), &error));
  g_assert_true (comptoir_open_ticket_void_line (ticket, 1, "  scanned twice ", &error));
  g_assert_no_error (error);
  row = comptoir_db_prepare (f->db, "SELECT staff_id, authorized_by, subject_id, reason, till_id, "
                                    "json_extract (details, '$.total_cents'), json_extract (details, '$.label') "
                                    "FROM audit_event WHERE action = 'line_void'", &error);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, comptoir_staff_get_id (shop.cashier));
  g_assert_null (sqlite3_column_text (row, 1));
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 2), ==, comptoir_open_ticket_get_id (ticket));
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 3), ==, "scanned twice");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 4), ==, shop.till);
  g_assert_cmpint (sqlite3_column_int64 (row, 5), ==, 240);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 6), ==, "Baguette");
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_DONE);
}

/* When the audit row cannot be written, the void is not written either:
 * they are one transaction. */
static void
test_void_rolls_back_with_audit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  ComptoirOpenLine line;

  shop_init (f, &shop);
  ticket = start (f, &shop);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 1000, &error), ==, 1);
  g_assert_true (comptoir_db_exec (f->db, "CREATE TEMP TRIGGER audit_full BEFORE INSERT ON main.audit_event "
                                          "BEGIN SELECT RAISE (ABORT, 'disk full'); END", &error));

  g_assert_false (comptoir_open_ticket_void_line (ticket, 1, "scanned twice", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_null (line.void_reason);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line WHERE void_reason IS NULL"), ==, 1);

  g_assert_true (comptoir_db_exec (f->db, "DROP TRIGGER temp.audit_full", &error));
  g_assert_true (comptoir_open_ticket_void_line (ticket, 1, "scanned twice", &error));
  g_assert_cmpint (count_audit (f, "line_void"), ==, 1);
}

static void
test_override_price (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_autoptr (ComptoirStaff) former = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  g_autoptr (ComptoirStmt) row = NULL;
  ComptoirOpenLine line;

  shop_init (f, &shop);
  ticket = start (f, &shop);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.cheese, 500, &error), ==, 1);

  /* Without a manager, with a cashier as "manager", with a former
   * manager: refused, and nothing written. */
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, 1990, NULL, "damaged", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, 1990, comptoir_staff_get_id (shop.cashier),
                                                       "damaged", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  former = comptoir_staff_create (f->db, "Lise", COMPTOIR_STAFF_ROLE_MANAGER, "86420", &error);
  g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (former), &error));
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, 1990, comptoir_staff_get_id (former),
                                                       "damaged", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  /* A reason is needed, and a price that is not negative. */
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, 1990, comptoir_staff_get_id (shop.manager),
                                                       " ", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, -5, comptoir_staff_get_id (shop.manager),
                                                       "damaged", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_cmpint (line.unit_price_cents, ==, 2590);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT unit_price_cents FROM open_ticket_line"), ==, 2590);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);

  /* With the manager's approval (found from their PIN). */
  {
    g_autofree char *manager = comptoir_staff_authorize (f->db, shop.till, "975310", &error);
    g_assert_no_error (error);
    g_assert_true (comptoir_open_ticket_override_price (ticket, 1, 1990, manager, "damaged packaging", &error));
    g_assert_no_error (error);
  }
  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_cmpint (line.unit_price_cents, ==, 1990);
  g_assert_cmpint (line.total_cents, ==, 995);
  row = comptoir_db_prepare (f->db, "SELECT staff_id, authorized_by, reason, "
                                    "json_extract (details, '$.unit_price_cents'), "
                                    "json_extract (details, '$.new_unit_price_cents') "
                                    "FROM audit_event WHERE action = 'price_override'", &error);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, comptoir_staff_get_id (shop.cashier));
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, comptoir_staff_get_id (shop.manager));
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 2), ==, "damaged packaging");
  g_assert_cmpint (sqlite3_column_int64 (row, 3), ==, 2590);
  g_assert_cmpint (sqlite3_column_int64 (row, 4), ==, 1990);
  comptoir_stmt_release (g_steal_pointer (&row));

  /* The sale charges the price the manager approved. */
  sale = comptoir_open_ticket_to_sale (ticket);
  comptoir_sale_add_payment (sale, "card", 995);
  g_assert_true (comptoir_open_ticket_commit (ticket, sale, &committed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT total_cents FROM ticket_line"), ==, 995);
}

static void
test_discount (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) resumed = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  const char *manager;
  ComptoirOpenLine line;
  gint64 entries = 0;

  shop_init (f, &shop);
  manager = comptoir_staff_get_id (shop.manager);
  ticket = start (f, &shop);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.cheese, 1000, &error), ==, 1);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 1000, &error), ==, 2);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 3000, &error), ==, 3);

  /* Refused: no manager, both kinds at once, neither, over 100 %, more
   * than the line; nothing is written. */
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 1000, 0, NULL, "date", &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 1000, 0, comptoir_staff_get_id (shop.cashier),
                                                        "date", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 1000, 100, manager, "date", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 0, 0, manager, "date", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 10001, 0, manager, "date", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 2, 0, 121, manager, "date", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line"), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);

  /* 10 % off the cheese: a line of its own just after it. */
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 1000, 0, manager, "best before today", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 4);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 2, &line));
  g_assert_cmpstr (line.label, ==, "Discount 10 % — Tomme de Savoie");
  g_assert_null (line.product_id);
  g_assert_cmpint (line.total_cents, ==, -259);
  g_assert_cmpint (line.vat_bp, ==, 550);
  g_assert_cmpuint (line.discount_of, ==, 1);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 3, &line));
  g_assert_cmpstr (line.label, ==, "Baguette");
  g_assert_cmpuint (line.discount_of, ==, 0);

  /* 0,50 € off the three baguettes, now line 4. */
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 4, 0, 50, manager, "end of day", &error), ==, 5);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 5, &line));
  g_assert_cmpstr (line.label, ==, "Discount — Baguette");
  g_assert_cmpint (line.total_cents, ==, -50);
  g_assert_cmpint (comptoir_open_ticket_get_total (ticket), ==, 2590 - 259 + 120 + 360 - 50);
  g_assert_cmpint (count_audit (f, "discount"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'discount' "
                                             "AND authorized_by IS NOT NULL AND reason = 'best before today' "
                                             "AND json_extract (details, '$.percent_bp') = 1000 "
                                             "AND json_extract (details, '$.discount_cents') = 259"), ==, 1);

  /* A discounted line is fixed, a discount is not discounted again. */
  g_assert_false (comptoir_open_ticket_set_quantity (ticket, 1, 2000, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_override_price (ticket, 1, 100, manager, "x", &error));
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 1, 500, 0, manager, "x", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_open_ticket_discount_line (ticket, 2, 500, 0, manager, "x", &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_set_quantity (ticket, 2, 2000, &error));
  g_clear_error (&error);

  /* Everything is on disk: the till comes back on the same lines. */
  g_clear_object (&ticket);
  reopen (f);
  resumed = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 5);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 5, &line));
  g_assert_cmpuint (line.discount_of, ==, 4);
  g_assert_cmpint (comptoir_open_ticket_get_total (resumed), ==, 2761);

  /* Voiding the baguettes takes their discount with them. */
  g_assert_true (comptoir_open_ticket_void_line (resumed, 4, "customer changed their mind", &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 5, &line));
  g_assert_cmpstr (line.void_reason, ==, "customer changed their mind");
  g_assert_cmpint (comptoir_open_ticket_get_total (resumed), ==, 2590 - 259 + 120);

  /* Sold: the discount is a negative line of the ticket, at the cheese's
   * VAT rate, moving no stock, and the journal holds. */
  sale = comptoir_open_ticket_to_sale (resumed);
  comptoir_sale_add_payment (sale, "cash", 2451);
  g_assert_true (comptoir_open_ticket_commit (resumed, sale, &committed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (committed.total_cents, ==, 2451);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT position FROM ticket_line WHERE total_cents = -259 "
                                             "AND product_id IS NULL AND vat_bp = 550"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 2);
  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (payload, '$.total') FROM fiscal_entry"), ==, 2451);
}

static void
test_park_and_resume (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (GPtrArray) parked = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  ComptoirParkedTicket *aside;
  ComptoirOpenLine line;

  shop_init (f, &shop);
  ticket = start (f, &shop);
  g_assert_false (comptoir_open_ticket_park (ticket, "empty", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Mme Martin went back for milk: her ticket goes aside. */
  first = g_strdup (comptoir_open_ticket_get_id (ticket));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.cheese, 250, &error), ==, 1);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 1000, &error), ==, 2);
  g_assert_true (comptoir_open_ticket_park (ticket, " Mme Martin ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), !=, first);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 0);
  g_assert_cmpstr (comptoir_open_ticket_get_cashier (ticket), ==, comptoir_staff_get_id (shop.cashier));

  /* The next customer. */
  second = g_strdup (comptoir_open_ticket_get_id (ticket));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 2000, &error), ==, 1);

  parked = comptoir_open_ticket_list_parked (f->db, shop.till, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parked->len, ==, 1);
  aside = g_ptr_array_index (parked, 0);
  g_assert_cmpstr (aside->id, ==, first);
  g_assert_cmpstr (aside->label, ==, "Mme Martin");
  g_assert_cmpuint (aside->n_lines, ==, 2);
  g_assert_cmpint (aside->total_cents, ==, 648 + 120);  /* 25,90 × 0,25 = 6,475 → 6,48 */
  g_clear_pointer (&parked, g_ptr_array_unref);

  /* The power goes out; the till comes back on the second customer, the
   * first still parked. */
  g_clear_object (&ticket);
  reopen (f);
  ticket = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, second);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 1);

  /* Mme Martin is back: the second ticket, not finished, goes aside. */
  g_assert_true (comptoir_open_ticket_resume (ticket, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, first);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 2);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 1, &line));
  g_assert_cmpint (line.quantity_milli, ==, 250);
  parked = comptoir_open_ticket_list_parked (f->db, shop.till, &error);
  g_assert_cmpuint (parked->len, ==, 1);
  aside = g_ptr_array_index (parked, 0);
  g_assert_cmpstr (aside->id, ==, second);
  g_assert_null (aside->label);
  g_assert_cmpint (aside->total_cents, ==, 240);
  g_clear_pointer (&parked, g_ptr_array_unref);

  /* Resumed after a restart too. */
  g_clear_object (&ticket);
  reopen (f);
  ticket = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, first);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket WHERE parked_at IS NULL"), ==, 1);

  /* A ticket that is not parked (any more) cannot be resumed. */
  g_assert_false (comptoir_open_ticket_resume (ticket, "0190e0c0-0000-7000-8000-000000000000", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, first);

  /* Paid; resuming from an empty ticket drops the empty one. */
  {
    g_autoptr (ComptoirSale) sale = comptoir_open_ticket_to_sale (ticket);
    comptoir_sale_add_payment (sale, "cash", 768);
    g_assert_true (comptoir_open_ticket_commit (ticket, sale, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (comptoir_open_ticket_resume (ticket, second, &error));
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, second);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line"), ==, 1);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirStmt) row = NULL;
  g_autofree char *draft = NULL;
  const char *cashier;

  shop_init (f, &shop);
  cashier = comptoir_staff_get_id (shop.cashier);
  ticket = start (f, &shop);
  g_assert_false (comptoir_open_ticket_cancel (ticket, cashier, "customer left", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  draft = g_strdup (comptoir_open_ticket_get_id (ticket));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.cheese, 1000, &error), ==, 1);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 1000, &error), ==, 2);
  g_assert_true (comptoir_open_ticket_void_line (ticket, 2, "scanned twice", &error));

  g_assert_false (comptoir_open_ticket_cancel (ticket, cashier, "", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_cancel (ticket, NULL, "customer left", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* If the draft cannot be dropped, its audit row is not kept either. */
  g_assert_true (comptoir_db_exec (f->db, "CREATE TEMP TRIGGER keep_draft BEFORE DELETE ON main.open_ticket "
                                          "BEGIN SELECT RAISE (ABORT, 'disk full'); END", &error));
  g_assert_false (comptoir_open_ticket_cancel (ticket, cashier, "customer left", &error));
  g_clear_error (&error);
  g_assert_true (comptoir_db_exec (f->db, "DROP TRIGGER temp.keep_draft", &error));
  g_assert_cmpint (count_audit (f, "ticket_cancel"), ==, 0);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, draft);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 2);

  g_assert_true (comptoir_open_ticket_cancel (ticket, cashier, "customer left", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), !=, draft);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 0);
  g_assert_cmpstr (comptoir_open_ticket_get_cashier (ticket), ==, cashier);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 0);

  /* The whole draft is in the audit log, voided line included. */
  row = comptoir_db_prepare (f->db, "SELECT subject_id, staff_id, reason, json_extract (details, '$.total_cents'), "
                                    "json_array_length (details, '$.lines'), "
                                    "json_extract (details, '$.lines[1].void_reason') "
                                    "FROM audit_event WHERE action = 'ticket_cancel'", &error);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, draft);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, cashier);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 2), ==, "customer left");
  g_assert_cmpint (sqlite3_column_int64 (row, 3), ==, 2590);
  g_assert_cmpint (sqlite3_column_int64 (row, 4), ==, 2);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 5), ==, "scanned twice");
}

/* A database from before parking, with a ticket in progress, is
 * migrated without losing it. */
static void
test_migration_keeps_draft (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  sqlite3 *handle = NULL;
  ComptoirOpenLine line;

  g_assert_cmpint (sqlite3_open (old_path, &handle), ==, SQLITE_OK);
  for (guint i = 1; i <= 5; i++)
    {
      g_auto (GStrv) names = g_resource_enumerate_children (comptoir_schema_get_resource (),
                                                            "/org/comptoir/Comptoir/schema/", 0, &error);
      g_autofree char *path = NULL;
      g_autoptr (GBytes) sql = NULL;

      g_assert_no_error (error);
      for (guint j = 0; names[j] != NULL; j++)
        if (g_ascii_strtoull (names[j], NULL, 10) == i)
          path = g_strconcat ("/org/comptoir/Comptoir/schema/", names[j], NULL);
      sql = g_resource_lookup_data (comptoir_schema_get_resource (), path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (handle, g_bytes_get_data (sql, NULL), NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO local_device VALUES ('0190e0c0-0000-7000-8000-00000000d001', 1);"
                                 "INSERT INTO till VALUES ('0190e0c0-0000-7000-8000-000000000001', 'T1', 'T1');"
                                 "INSERT INTO open_ticket (till_id, ticket_id, started_at, cashier) VALUES "
                                 "('0190e0c0-0000-7000-8000-000000000001', 'draft', '2024-05-01T10:00:00.000000Z', 'Anne');"
                                 "INSERT INTO open_ticket_line VALUES ('draft', 1, NULL, 'Pain', 1000, 380, 550, NULL),"
                                 "('draft', 2, NULL, 'Lait', 2000, 110, 550, 'scanned twice');"
                                 "PRAGMA application_id = 1131375984; PRAGMA user_version = 5;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = comptoir_db_open (old_path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comptoir_db_get_schema_version (db), ==, comptoir_db_get_latest_schema_version ());
  ticket = comptoir_open_ticket_resume_or_start (db, "0190e0c0-0000-7000-8000-000000000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (ticket), ==, "draft");
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 2);
  g_assert_true (comptoir_open_ticket_get_line (ticket, 2, &line));
  g_assert_cmpstr (line.void_reason, ==, "scanned twice");
  g_assert_cmpint (comptoir_open_ticket_get_total (ticket), ==, 380);
  g_assert_cmpint (fixture_query_int (db, "SELECT count(*) FROM pragma_foreign_key_list ('open_ticket_line') "
                                          "WHERE \"table\" = 'open_ticket'"), ==, 1);
}

/* Training mode: switched between tickets, audited, inherited by the next
 * tickets, and the tickets it makes are marked. */
static void
test_training (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) reopened = NULL;
  Shop shop = { 0 };

  shop_init (f, &shop);
  ticket = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_false (comptoir_open_ticket_set_training (ticket, TRUE, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);  /* nobody logged in */
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (shop.cashier), &error));
  g_assert_true (comptoir_open_ticket_set_training (ticket, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'training_on' "
                                             "AND staff_id IS NOT NULL"), ==, 1);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ComptoirSale) sale = NULL;

      g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.bread, 1000, &error), ==, 1);
      /* Not in the middle of a ticket. */
      g_assert_false (comptoir_open_ticket_set_training (ticket, FALSE, &error));
      g_clear_error (&error);
      sale = comptoir_open_ticket_to_sale (ticket);
      comptoir_sale_add_payment (sale, "cash", 120);
      g_assert_true (comptoir_open_ticket_commit (ticket, sale, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket WHERE training = 1"), ==, 2);

  /* A restart keeps the mode. */
  reopened = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_true (comptoir_open_ticket_get_training (reopened));
  g_assert_true (comptoir_open_ticket_set_training (reopened, FALSE, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'training_off'"), ==, 1);
  shop_clear (&shop);
}

/* A card accepted on the terminal, then the till dies before the cash
 * part: the payment is still there when it comes back. */
static void
test_payments_survive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) reopened = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  const char *method = NULL;
  gint64 amount = 0;
  Shop shop = { 0 };

  shop_init (f, &shop);
  ticket = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_true (comptoir_open_ticket_set_cashier (ticket, comptoir_staff_get_id (shop.cashier), &error));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, shop.cheese, 1000, &error), ==, 1);
  g_assert_false (comptoir_open_ticket_add_payment (ticket, "bitcoin", 1000, &error));
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_add_payment (ticket, "card", 0, &error));
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_add_payment (ticket, "card", 2000, &error));
  g_assert_no_error (error);
  g_clear_object (&ticket);

  reopened = comptoir_open_ticket_resume_or_start (f->db, shop.till, &error);
  g_assert_cmpuint (comptoir_open_ticket_get_n_payments (reopened), ==, 1);
  g_assert_true (comptoir_open_ticket_get_payment (reopened, 0, &method, &amount));
  g_assert_cmpstr (method, ==, "card");
  g_assert_cmpint (amount, ==, 2000);
  g_assert_cmpint (comptoir_open_ticket_get_paid (reopened), ==, 2000);

  /* Taken money keeps the ticket in hand. */
  g_assert_false (comptoir_open_ticket_park (reopened, "plus tard", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_cancel (reopened, comptoir_staff_get_id (shop.cashier), "erreur", &error));
  g_clear_error (&error);

  /* The rest in cash: the sale carries both payments. */
  g_assert_true (comptoir_open_ticket_add_payment (reopened, "cash", 1000, &error));
  sale = comptoir_open_ticket_to_sale (reopened);
  g_assert_cmpint (comptoir_sale_get_paid (sale), ==, 3000);
  g_assert_true (comptoir_open_ticket_commit (reopened, sale, &committed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (committed.change_cents, ==, 3000 - 2590);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_payment"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_payment"), ==, 0);
  g_assert_cmpuint (comptoir_open_ticket_get_n_payments (reopened), ==, 0);
  shop_clear (&shop);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/open-ticket/resume-and-commit", test_resume_and_commit);
  ADD ("/comptoir/core/open-ticket/refuses", test_refuses);
  ADD ("/comptoir/core/open-ticket/void-audited", test_void_audited);
  ADD ("/comptoir/core/open-ticket/void-rolls-back-with-audit", test_void_rolls_back_with_audit);
  ADD ("/comptoir/core/open-ticket/override-price", test_override_price);
  ADD ("/comptoir/core/open-ticket/discount", test_discount);
  ADD ("/comptoir/core/open-ticket/park-and-resume", test_park_and_resume);
  ADD ("/comptoir/core/open-ticket/cancel", test_cancel);
  ADD ("/comptoir/core/open-ticket/migration-keeps-draft", test_migration_keeps_draft);
  ADD ("/comptoir/core/open-ticket/training", test_training);
  ADD ("/comptoir/core/open-ticket/payments-survive", test_payments_survive);
  return g_test_run ();
}
