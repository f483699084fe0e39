/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-shop.h"

static ComptoirSale *
basket (Shop *shop)
{
  ComptoirSale *sale = comptoir_sale_new ();

  comptoir_sale_add_product (sale, shop->pasta, 2000);   /* 4,70 */
  comptoir_sale_add_product (sale, shop->apples, 1235);  /* 3,952 → 3,95 */
  comptoir_sale_add_product (sale, shop->soap, 1000);    /* 4,50 */
  return sale;
}

static gint64
sell (Fixture    *f,
      Shop       *shop,
      const char *till,
      gboolean    training)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = basket (shop);
  g_auto (ComptoirCommittedTicket) ticket = { 0 };

  comptoir_sale_set_training (sale, training);
  comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
  g_assert_true (comptoir_sale_commit (sale, f->db, till, &ticket, &error));
  g_assert_no_error (error);
  return ticket.number;
}

static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_auto (Shop) shop = { 0 };
  gint64 log_before;

  shop_init (f, &shop);
  sale = basket (&shop);
  g_assert_cmpint (comptoir_sale_get_total (sale), ==, 470 + 395 + 450);
  comptoir_sale_add_payment (sale, "meal_voucher", 800);
  comptoir_sale_add_payment (sale, "cash", 1000);
  log_before = fixture_query_int (f->db, "SELECT count(*) FROM change_log");

  g_assert_true (comptoir_sale_commit (sale, f->db, shop.till, &ticket, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ticket.number, ==, 1);
  g_assert_cmpint (ticket.total_cents, ==, 1315);
  g_assert_cmpint (ticket.change_cents, ==, 485);

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_line"), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_payment"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT sum (quantity_milli) FROM stock_movement"), ==, -(2000 + 1235 + 1000));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM fiscal_entry WHERE seq = 1 AND "
                                             "prev_hash = '0000000000000000000000000000000000000000000000000000000000000000'"), ==, 1);
  /* One change-log entry for the whole ticket, listing the ticket, its 3
   * lines, 3 movements, 2 payments and journal entry. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, log_before + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log c, json_each (c.payload, '$.rows') r "
                                             "WHERE c.kind = 'facts' AND c.tbl = 'ticket' "
                                             "AND c.row_id = (SELECT id FROM ticket) AND json_extract (r.value, '$.id') IN "
                                             "(SELECT id FROM ticket UNION ALL SELECT id FROM ticket_line "
                                             " UNION ALL SELECT id FROM stock_movement UNION ALL SELECT id FROM ticket_payment "
                                             " UNION ALL SELECT id FROM fiscal_entry)"), ==, 10);
  /* The price charged is on the line, whatever happens to the product. */
  comptoir_product_set_price_cents (shop.pasta, 999);
  g_assert_true (comptoir_catalog_save_product (f->catalog, shop.pasta, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT unit_price_cents FROM ticket_line WHERE position = 1"), ==, 235);
}

/* Lines and movements go in by INSERTs of up to 32 rows: a long ticket
 * takes several, and is still whole and in order. */
static void
test_long_ticket (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_auto (Shop) shop = { 0 };
  gint64 entries = 0;

  shop_init (f, &shop);
  for (guint i = 0; i < 70; i++)
    comptoir_sale_add_product (sale, i % 2 ? shop.pasta : shop.soap, 1000 + i);
  comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
  g_assert_true (comptoir_sale_commit (sale, f->db, shop.till, &ticket, &error));
  g_assert_no_error (error);

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_line WHERE quantity_milli = 999 + position"), ==, 70);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 70);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_array_length (payload, '$.rows') FROM change_log "
                                             "WHERE kind = 'facts'"), ==, 1 + 70 + 70 + 1 + 1);
  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_cmpint (entries, ==, 1);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autoptr (ComptoirSale) short_paid = NULL;
  g_autoptr (ComptoirSale) card_change = NULL;
  g_autoptr (ComptoirSale) empty = comptoir_sale_new ();
  g_autoptr (ComptoirSale) bad_method = NULL;

  shop_init (f, &shop);

  short_paid = basket (&shop);
  comptoir_sale_add_payment (short_paid, "cash", 1000);
  g_assert_false (comptoir_sale_commit (short_paid, f->db, shop.till, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3.15"));
  g_clear_error (&error);

  card_change = basket (&shop);
  comptoir_sale_add_payment (card_change, "card", 2000);
  g_assert_false (comptoir_sale_commit (card_change, f->db, shop.till, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (comptoir_sale_commit (empty, f->db, shop.till, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  bad_method = basket (&shop);
  comptoir_sale_add_payment (bad_method, "bitcoin", 2000);
  g_assert_false (comptoir_sale_commit (bad_method, f->db, shop.till, NULL, &error));
  g_clear_error (&error);

  /* Meal vouchers pay the pasta and apples (8,65 €), not the soap. */
  {
    g_autoptr (ComptoirSale) vouchers = basket (&shop);

    g_assert_cmpint (comptoir_sale_get_meal_voucher_eligible (vouchers), ==, 470 + 395);
    comptoir_sale_add_payment (vouchers, "meal_voucher", 900);
    comptoir_sale_add_payment (vouchers, "card", 415);
    g_assert_false (comptoir_sale_commit (vouchers, f->db, shop.till, NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "8.65"));
    g_clear_error (&error);
  }

  /* Nothing half-written, and the next ticket is still number 1. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM fiscal_entry"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 0);
  g_assert_cmpint (sell (f, &shop, shop.till, FALSE), ==, 1);

  /* Within the food, vouchers are fine, and give no change. */
  {
    g_autoptr (ComptoirSale) vouchers = basket (&shop);
    g_auto (ComptoirCommittedTicket) committed = { 0 };

    comptoir_sale_add_payment (vouchers, "meal_voucher", 865);
    comptoir_sale_add_payment (vouchers, "cash", 500);
    g_assert_true (comptoir_sale_commit (vouchers, f->db, shop.till, &committed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (committed.change_cents, ==, 50);
  }
}

static void
test_numbering_and_refund (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_autofree char *t2 = NULL;
  g_autoptr (ComptoirSale) refund = comptoir_sale_new ();
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  g_autofree char *first_id = NULL;
  gint64 entries = 0;

  shop_init (f, &shop);
  t2 = comptoir_till_ensure (f->db, "T2", &error);
  g_assert_cmpint (sell (f, &shop, shop.till, FALSE), ==, 1);
  g_assert_cmpint (sell (f, &shop, t2, FALSE), ==, 1);
  g_assert_cmpint (sell (f, &shop, shop.till, TRUE), ==, 2);
  g_assert_cmpint (sell (f, &shop, t2, FALSE), ==, 2);
  g_assert_cmpint (sell (f, &shop, shop.till, FALSE), ==, 3);

  /* A refund is a new ticket with negative lines referring to the sale. */
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (f->db, "SELECT id FROM ticket WHERE till_id = ?1 AND number = 1", &error);
    sqlite3_bind_text (stmt, 1, shop.till, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    first_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  comptoir_sale_set_refund_of (refund, first_id);
  comptoir_sale_add_product (refund, shop.soap, -1000);
  comptoir_sale_add_payment (refund, "cash", -450);
  g_assert_true (comptoir_sale_commit (refund, f->db, shop.till, &ticket, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ticket.number, ==, 4);
  g_assert_cmpint (ticket.total_cents, ==, -450);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket WHERE kind = 'refund' AND refers_to IS NOT NULL"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT quantity_milli FROM stock_movement WHERE reason = 'refund'"), ==, 1000);
  /* Training sales are recorded but move no stock. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket WHERE training = 1"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM stock_movement"), ==, 4 * 3 + 1);

  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entries, ==, 6);
}

static void
test_closures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Shop) shop = { 0 };
  g_auto (ComptoirClosure) day1 = { 0 };
  g_auto (ComptoirClosure) day2 = { 0 };
  g_auto (ComptoirClosure) empty = { 0 };
  g_auto (ComptoirClosure) month = { 0 };
  gint64 entries = 0;

  shop_init (f, &shop);
  for (guint i = 0; i < 3; i++)
    sell (f, &shop, shop.till, FALSE);
  sell (f, &shop, shop.till, TRUE);
  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY, NULL, &day1, &error));
  g_assert_cmpint (day1.ticket_count, ==, 4);
  g_assert_cmpint (day1.first_number, ==, 1);
  g_assert_cmpint (day1.last_number, ==, 4);
  g_assert_cmpint (day1.total_cents, ==, 3 * 1315);  /* training excluded */
  g_assert_cmpint (day1.perpetual_cents, ==, 3 * 1315);

  sell (f, &shop, shop.till, FALSE);
  {
    g_autoptr (ComptoirSale) cash = basket (&shop);
    comptoir_sale_add_payment (cash, "cash", 2000);  /* 6,85 € change */
    g_assert_true (comptoir_sale_commit (cash, f->db, shop.till, NULL, &error));
  }
  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY, NULL, &day2, &error));
  g_assert_cmpint (day2.first_number, ==, 5);
  g_assert_cmpint (day2.ticket_count, ==, 2);
  g_assert_cmpint (day2.total_cents, ==, 2 * 1315);
  g_assert_cmpint (day2.perpetual_cents, ==, 5 * 1315);

  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_DAY, NULL, &empty, &error));
  g_assert_cmpint (empty.ticket_count, ==, 0);
  g_assert_cmpint (empty.total_cents, ==, 0);

  g_assert_true (comptoir_fiscal_close (f->db, shop.till, COMPTOIR_PERIOD_MONTH, NULL, &month, &error));
  g_assert_cmpint (month.ticket_count, ==, 6);
  g_assert_cmpint (month.total_cents, ==, 5 * 1315);

  /* The report: the methods add up to the total, training is counted apart. */
  {
    g_autofree char *report = comptoir_closure_format_report (f->db, month.id, &error);
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (f->db, "SELECT sum (json_extract (value, '$.amount')) FROM fiscal_entry, "
                                  "json_each (json_extract (payload, '$.payments')) WHERE source_id = ?1", &error);

    g_assert_no_error (error);
    g_test_message ("%s", report);
    g_assert_nonnull (strstr (report, "Monthly closure"));
    g_assert_nonnull (strstr (report, "6 tickets, 0 refunds, 1 in training"));
    g_assert_nonnull (strstr (report, "Card"));
    /* It prints on 80 mm paper: 48 characters a line at most. */
    {
      g_auto (GStrv) lines = g_strsplit (report, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 48);
    }
    sqlite3_bind_text (stmt, 1, month.id, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 5 * 1315);
  }

  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entries, ==, 6 + 4);
}

/* The journal's canonical form is written by hand; it must stay what
 * json-glib generated when the first chains were made, or verify would
 * reject genuine old tickets: json-glib reading it back and writing it
 * again must give the same bytes, whatever the labels hold. */
static void
test_canonical_form (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_autoptr (GString) odd = g_string_new ("Pâtes \"al dente\" \\ « bio » 🥚 ");
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *again = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T\"1", &error);
  gint64 entries = 0;

  /* Every control character but 0x1f, which json-glib writes raw and
   * then refuses to read. */
  for (char c = 1; c < 0x1f; c++)
    g_string_append_c (odd, c);
  g_string_append_c (odd, 0x7f);

  comptoir_sale_set_cashier (sale, odd->str);
  comptoir_sale_add_line (sale, NULL, odd->str, 1500, 333, 2000);
  comptoir_sale_add_line (sale, NULL, "Café", -1000, 120, 550);
  comptoir_sale_add_payment (sale, "cash", comptoir_sale_get_total (sale) + 51);
  g_assert_true (comptoir_sale_commit (sale, f->db, till, NULL, &error));
  g_assert_no_error (error);

  stmt = comptoir_db_prepare (f->db, "SELECT payload FROM fiscal_entry", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &error);
  g_assert_no_error (error);
  again = json_to_string (node, FALSE);
  g_assert_cmpstr (again, ==, (const char *) sqlite3_column_text (stmt, 0));
  g_assert_nonnull (strstr (again, "\\u0001\\u0002"));
  g_assert_nonnull (strstr (again, "\\b\\t\\n\\u000b\\f\\r"));
  g_assert_nonnull (strstr (again, "\\u007f"));
  comptoir_stmt_release (g_steal_pointer (&stmt));

  g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entries, ==, 1);
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("tampering failed: %s", message);
  sqlite3_close (raw);
}

/* What a fraudster with the sqlite3 shell can do, verify finds. */
static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *sql; const char *expected; } cases[] = {
    { "DROP TRIGGER ticket_line_immutable_u; DROP TRIGGER guard_ticket_line_update;"
      "UPDATE ticket_line SET unit_price_cents = 1 WHERE position = 3 AND ticket_id = "
      "(SELECT id FROM ticket WHERE number = 2)", "entry 2: the ticket was changed" },
    { "DROP TRIGGER ticket_payment_immutable_u; DROP TRIGGER guard_ticket_payment_update;"
      "UPDATE ticket_payment SET method = 'cash' WHERE ticket_id = (SELECT id FROM ticket WHERE number = 3)",
      "entry 3: the ticket was changed" },
    { "DROP TRIGGER fiscal_entry_immutable_d; DROP TRIGGER guard_fiscal_entry_delete;"
      "DROP TRIGGER ticket_immutable_d; DROP TRIGGER guard_ticket_delete;"
      "DROP TRIGGER ticket_line_immutable_d; DROP TRIGGER guard_ticket_line_delete;"
      "DROP TRIGGER ticket_payment_immutable_d; DROP TRIGGER guard_ticket_payment_delete;"
      "PRAGMA foreign_keys = OFF;"
      "DELETE FROM fiscal_entry WHERE seq = 4; DELETE FROM ticket WHERE number = 4",
      "entry 4: this entry is missing" },
    { "DROP TRIGGER fiscal_entry_immutable_u; DROP TRIGGER guard_fiscal_entry_update;"
      "DROP TRIGGER ticket_immutable_u; DROP TRIGGER guard_ticket_update;"
      "UPDATE ticket SET total_cents = 0 WHERE number = 5;"
      "UPDATE fiscal_entry SET payload = replace (payload, '\"total\":1315}', '\"total\":0}') WHERE seq = 5",
      "entry 5: its hash is wrong" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (Shop) shop = { 0 };
      gint64 entries = 0;

      fixture_tear_down (f, NULL);
      fixture_set_up (f, NULL);
      shop_init (f, &shop);
      for (guint n = 0; n < 6; n++)
        sell (f, &shop, shop.till, FALSE);
      g_assert_true (comptoir_fiscal_verify (f->db, &entries, &error));
      g_assert_cmpint (entries, ==, 6);

      g_clear_object (&f->catalog);
      g_clear_object (&f->db);
      tamper (f->path, cases[i].sql);
      f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      f->catalog = comptoir_catalog_new (f->db);

      g_assert_false (comptoir_fiscal_verify (f->db, &entries, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/sale/commit", test_commit);
  ADD ("/comptoir/core/sale/long-ticket", test_long_ticket);
  ADD ("/comptoir/core/sale/refused", test_refused);
  ADD ("/comptoir/core/sale/numbering-and-refund", test_numbering_and_refund);
  ADD ("/comptoir/core/fiscal/closures", test_closures);
  ADD ("/comptoir/core/fiscal/canonical-form", test_canonical_form);
  ADD ("/comptoir/core/fiscal/tamper", test_tamper);
  return g_test_run ();
}
