/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

typedef struct {
  char          *till;
  ComptoirStaff *cashier;
  ComptoirStaff *manager;
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
}

static void
shop_clear (Shop *shop)
{
  g_clear_pointer (&shop->till, g_free);
  g_clear_object (&shop->cashier);
  g_clear_object (&shop->manager);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shop, shop_clear)

static void
test_immutable (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  sqlite3 *handle;

  shop_init (f, &shop);
  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_DRAWER_OPEN,
                                        comptoir_staff_get_id (shop.cashier), NULL, NULL,
                                        "change for the market stall", NULL, &error));
  g_assert_no_error (error);

  /* It replicates like every fact... */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'audit_event'"), ==, 1);

  /* ...and even with the write guard out of the way (as someone with the
   * sqlite3 shell could), it can be neither changed nor deleted. */
  handle = comptoir_db_get_handle (f->db);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER guard_audit_event_update; "
                                         "DROP TRIGGER guard_audit_event_delete", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit_event SET reason = 'nothing happened'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_nonnull (strstr (sqlite3_errmsg (handle), "never changed"));
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit_event", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event "
                                             "WHERE reason = 'change for the market stall'"), ==, 1);

  /* Unknown actions are refused by the table itself. */
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER guard_audit_event_insert; "
                                         "INSERT INTO audit_event (id, at, till_id, action) "
                                         "SELECT 'x', 'now', id, 'coffee_break' FROM till", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
}

/* Who, why and the approving manager are required where they matter. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  const char *zoe, *marc;

  shop_init (f, &shop);
  zoe = comptoir_staff_get_id (shop.cashier);
  marc = comptoir_staff_get_id (shop.manager);

  g_assert_false (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_DRAWER_OPEN, zoe, NULL, NULL, " ", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_DRAWER_OPEN, NULL, NULL, NULL, "change", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_PRICE_OVERRIDE, zoe, NULL, NULL, "damaged", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);

  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_PRICE_OVERRIDE, zoe, marc, NULL, "damaged", NULL, &error));
  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_TRAINING_ON, zoe, NULL, NULL, NULL, NULL, &error));
  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_CLOSURE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Every action has a name the table accepts and a label for people. */
  for (ComptoirAuditAction a = COMPTOIR_AUDIT_LINE_VOID; a <= COMPTOIR_AUDIT_LOGIN_FAILED; a++)
    {
      ComptoirAuditAction back;

      g_assert_true (comptoir_audit_action_from_string (comptoir_audit_action_to_string (a), &back));
      g_assert_cmpint (back, ==, a);
      g_assert_nonnull (comptoir_audit_action_get_label (a));
    }
  g_assert_false (comptoir_audit_action_from_string ("coffee_break", &(ComptoirAuditAction) { 0 }));
}

/* Recorded inside a transaction, an event goes with it. */
static void
test_same_transaction (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  ComptoirCashCount float_count = { .count = { [9] = 5 } };
  const char *zoe;

  shop_init (f, &shop);
  zoe = comptoir_staff_get_id (shop.cashier);

  g_assert_true (comptoir_db_begin (f->db, &error));
  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_DRAWER_OPEN, zoe, NULL, NULL, "change", NULL, &error));
  comptoir_db_rollback (f->db);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'audit_event'"), ==, 0);

  /* When the audit row cannot be written, neither can the cash movement
   * nor the closure it records. */
  g_assert_true (comptoir_till_session_open (f->db, shop.till, &float_count, "Zoé", &error));
  g_assert_true (comptoir_db_exec (f->db, "CREATE TEMP TRIGGER audit_full BEFORE INSERT ON main.audit_event "
                                          "BEGIN SELECT RAISE (ABORT, 'disk full'); END", &error));
  g_assert_false (comptoir_till_session_move_cash (f->db, shop.till, -2000, "bank", zoe, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY, zoe, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM cash_movement"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM closure"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM fiscal_entry"), ==, 0);

  g_assert_true (comptoir_db_exec (f->db, "DROP TRIGGER temp.audit_full", &error));
  g_assert_true (comptoir_till_session_move_cash (f->db, shop.till, -2000, "bank", zoe, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'cash_out'"), ==, 1);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autofree char *other_till = comptoir_till_ensure (f->db, "T2", &error);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GDateTime) middle = NULL;
  g_autoptr (GDateTime) far = NULL;
  g_autoptr (JsonObject) details = json_object_new ();
  ComptoirAuditEvent *event;
  const char *zoe, *marc;

  shop_init (f, &shop);
  zoe = comptoir_staff_get_id (shop.cashier);
  marc = comptoir_staff_get_id (shop.manager);
  json_object_set_int_member (details, "position", 3);

  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_LOGIN, zoe, NULL, NULL, NULL, NULL, &error));
  g_assert_true (comptoir_audit_record (f->db, other_till, COMPTOIR_AUDIT_LOGIN, marc, NULL, NULL, NULL, NULL, &error));
  g_usleep (2000);
  middle = g_date_time_new_now_local ();
  g_usleep (2000);
  g_assert_true (comptoir_audit_record (f->db, shop.till, COMPTOIR_AUDIT_DISCOUNT, zoe, marc, "ticket-1",
                                        " best before today ", details, &error));
  g_assert_no_error (error);

  all = comptoir_audit_list (f->db, shop.till, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  event = g_ptr_array_index (all, 0);
  g_assert_cmpint (event->action, ==, COMPTOIR_AUDIT_LOGIN);
  g_assert_cmpstr (event->staff_name, ==, "Zoé");
  g_assert_null (event->authorized_by);
  event = g_ptr_array_index (all, 1);
  g_assert_cmpint (event->action, ==, COMPTOIR_AUDIT_DISCOUNT);
  g_assert_cmpstr (event->till_code, ==, "T1");
  g_assert_cmpstr (event->staff_id, ==, zoe);
  g_assert_cmpstr (event->authorized_by, ==, marc);
  g_assert_cmpstr (event->authorized_by_name, ==, "Marc");
  g_assert_cmpstr (event->subject_id, ==, "ticket-1");
  g_assert_cmpstr (event->reason, ==, "best before today");
  g_assert_cmpstr (event->details, ==, "{\"position\":3}");

  /* From a local time (converted to UTC): only the later event; until it:
   * only the earlier one. */
  later = comptoir_audit_list (f->db, shop.till, middle, NULL, &error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (((ComptoirAuditEvent *) g_ptr_array_index (later, 0))->action, ==, COMPTOIR_AUDIT_DISCOUNT);
  g_clear_pointer (&later, g_ptr_array_unref);
  later = comptoir_audit_list (f->db, shop.till, NULL, middle, &error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (((ComptoirAuditEvent *) g_ptr_array_index (later, 0))->action, ==, COMPTOIR_AUDIT_LOGIN);
  far = g_date_time_add_days (middle, 1);
  none = comptoir_audit_list (f->db, shop.till, far, NULL, &error);
  g_assert_cmpuint (none->len, ==, 0);
}

static ComptoirSale *
basket (void)
{
  ComptoirSale *sale = comptoir_sale_new ();

  comptoir_sale_add_line (sale, NULL, "Panier de légumes", 1000, 1500, 550);
  return sale;
}

static void
test_refund (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_auto (ComptoirCommittedTicket) sold = { 0 };
  g_auto (ComptoirCommittedTicket) refunded = { 0 };
  g_autoptr (ComptoirSale) sale = basket ();
  g_autoptr (ComptoirStmt) row = NULL;
  const char *zoe, *marc;

  shop_init (f, &shop);
  zoe = comptoir_staff_get_id (shop.cashier);
  marc = comptoir_staff_get_id (shop.manager);
  comptoir_sale_add_payment (sale, "card", 1500);
  g_assert_true (comptoir_sale_commit (sale, f->db, shop.till, &sold, &error));

#define REFUND_SALE(var) \
  g_autoptr (ComptoirSale) var = comptoir_sale_new (); \
  comptoir_sale_add_line (var, NULL, "Panier de légumes", -1000, 1500, 550); \
  comptoir_sale_add_payment (var, "card", -1500)

  {
    REFUND_SALE (refund);
    /* No manager, a cashier as manager, no reason, an unknown ticket:
     * refused, and nothing written. */
    g_assert_false (comptoir_audit_commit_refund (refund, f->db, shop.till, sold.id, zoe, NULL, "broken", NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (comptoir_audit_commit_refund (refund, f->db, shop.till, sold.id, zoe, zoe, "broken", NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (comptoir_audit_commit_refund (refund, f->db, shop.till, sold.id, zoe, marc, "", NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (comptoir_audit_commit_refund (refund, f->db, shop.till, "no-such-ticket", zoe, marc, "broken",
                                                  NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    /* A refund that does not pay back its total is refused with its
     * audit row. */
    g_autoptr (ComptoirSale) unpaid = comptoir_sale_new ();
    comptoir_sale_add_line (unpaid, NULL, "Panier de légumes", -1000, 1500, 550);
    g_assert_false (comptoir_audit_commit_refund (unpaid, f->db, shop.till, sold.id, zoe, marc, "broken",
                                                  NULL, &error));
    g_clear_error (&error);
  }
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);

  {
    REFUND_SALE (refund);
    g_assert_true (comptoir_audit_commit_refund (refund, f->db, shop.till, sold.id, zoe, marc,
                                                 "the leeks were frozen", &refunded, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (refunded.number, ==, 2);
  g_assert_cmpint (refunded.total_cents, ==, -1500);
  row = comptoir_db_prepare (f->db, "SELECT a.staff_id, a.authorized_by, a.reason, json_extract (a.details, '$.refund_of'), "
                                    "t.kind, t.refers_to, t.cashier "
                                    "FROM audit_event a JOIN ticket t ON t.id = a.subject_id WHERE a.action = 'refund'",
                             &error);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, zoe);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, marc);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 2), ==, "the leeks were frozen");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 3), ==, sold.id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 4), ==, "refund");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 5), ==, sold.id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 6), ==, zoe);
#undef REFUND_SALE
}

static void
cancel_basket (Fixture         *f,
               Shop            *shop,
               ComptoirProduct *product,
               gint64           quantity_milli)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirOpenTicket) ticket = comptoir_open_ticket_resume_or_start (f->db, shop->till, &error);

  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, product, quantity_milli, &error), ==, 1);
  g_assert_true (comptoir_open_ticket_cancel (ticket, comptoir_staff_get_id (shop->cashier), "customer left", &error));
  g_assert_no_error (error);
}

/* The Z shows the tickets cancelled since the previous Z, from the audit
 * log; the month since the previous month closure. */
static void
test_closure_report (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirProduct) honey = fixture_product ("MI-1", "Miel de lavande", 1250, 550, NULL);
  g_auto (ComptoirClosure) day1 = { 0 };
  g_auto (ComptoirClosure) day2 = { 0 };
  g_auto (ComptoirClosure) month = { 0 };
  g_autofree char *report = NULL;

  shop_init (f, &shop);
  g_assert_true (comptoir_catalog_save_product (f->catalog, honey, &error));
  {
    g_autoptr (ComptoirSale) sale = basket ();
    comptoir_sale_add_payment (sale, "cash", 1500);
    g_assert_true (comptoir_sale_commit (sale, f->db, shop.till, NULL, &error));
  }
  cancel_basket (f, &shop, honey, 2000);
  cancel_basket (f, &shop, honey, 1000);

  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY,
                                        comptoir_staff_get_id (shop.manager), &day1, &error));
  g_assert_no_error (error);
  report = comptoir_closure_format_report (f->db, day1.id, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "Cancelled before payment: 2 tickets, 37.50 €"));
  g_clear_pointer (&report, g_free);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event a JOIN closure c ON c.id = a.subject_id "
                                             "WHERE a.action = 'closure' AND a.staff_id = "
                                             "(SELECT id FROM staff WHERE name = 'Marc')"), ==, 1);

  /* Cancellations are not counted again by the next Z. */
  cancel_basket (f, &shop, honey, 1000);
  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY, NULL, &day2, &error));
  report = comptoir_closure_format_report (f->db, day2.id, &error);
  g_assert_nonnull (strstr (report, "Cancelled before payment: 1 tickets, 12.50 €"));
  g_clear_pointer (&report, g_free);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'closure' "
                                             "AND staff_id IS NULL"), ==, 1);

  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_MONTH, NULL, &month, &error));
  report = comptoir_closure_format_report (f->db, month.id, &error);
  g_assert_nonnull (strstr (report, "Cancelled before payment: 3 tickets, 50.00 €"));
  g_clear_pointer (&report, g_free);

  /* The closures and the journal still verify. */
  g_assert_true (comptoir_fiscal_verify (f->db, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/audit/immutable", test_immutable);
  ADD ("/comptoir/core/audit/rules", test_rules);
  ADD ("/comptoir/core/audit/same-transaction", test_same_transaction);
  ADD ("/comptoir/core/audit/list", test_list);
  ADD ("/comptoir/core/audit/refund", test_refund);
  ADD ("/comptoir/core/audit/closure-report", test_closure_report);
  return g_test_run ();
}
