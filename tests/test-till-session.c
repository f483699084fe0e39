/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static void
sell_cash (Fixture    *f,
           const char *till,
           gint64      price,
           gint64      given,
           gboolean    training)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();

  comptoir_sale_add_line (sale, NULL, "Panier de légumes", 1000, price, 550);
  comptoir_sale_add_payment (sale, "cash", given);
  comptoir_sale_set_training (sale, training);
  g_assert_true (comptoir_sale_commit (sale, f->db, till, NULL, &error));
  g_assert_no_error (error);
}

static void
test_day_at_the_till (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  g_autoptr (ComptoirStaff) anne = comptoir_staff_create (f->db, "Anne", COMPTOIR_STAFF_ROLE_CASHIER, "2468", &error);
  const char *anne_id = comptoir_staff_get_id (anne);
  ComptoirCashCount float_count = { 0 };
  ComptoirCashCount evening = { 0 };
  g_auto (ComptoirSessionSummary) now = { 0 };
  g_auto (ComptoirSessionSummary) closed = { 0 };

  /* Nothing can move before the session is open. */
  g_assert_false (comptoir_till_session_move_cash (f->db, till, 1000, "banque", anne_id, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  float_count.count[9] = 5;   /* 5 × 10 € */
  float_count.count[7] = 10;  /* 10 × 2 € */
  g_assert_cmpint (comptoir_cash_count_total (&float_count), ==, 7000);
  g_assert_true (comptoir_till_session_open (f->db, till, &float_count, "Anne", &error));
  g_assert_false (comptoir_till_session_open (f->db, till, &float_count, "Anne", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  sell_cash (f, till, 1250, 2000, FALSE);   /* +12,50 net */
  sell_cash (f, till, 399, 399, FALSE);     /* +3,99 */
  sell_cash (f, till, 5000, 5000, TRUE);    /* training: no money */
  g_assert_true (comptoir_till_session_move_cash (f->db, till, -3000, "dépôt à la banque", anne_id, &error));
  g_assert_true (comptoir_till_session_move_cash (f->db, till, 500, "monnaie", anne_id, &error));
  g_assert_false (comptoir_till_session_move_cash (f->db, till, 500, "  ", anne_id, &error));
  g_clear_error (&error);
  g_assert_false (comptoir_till_session_move_cash (f->db, till, 500, "monnaie", "", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_till_session_move_cash (f->db, till, 500, "monnaie", NULL, &error));
  g_clear_error (&error);

  /* Each movement is signed with the name and audited with the id. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM cash_movement WHERE by_whom = 'Anne'"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event a JOIN cash_movement m "
                                             "ON m.id = a.subject_id WHERE a.action = 'cash_out' "
                                             "AND m.amount_cents = -3000 AND a.reason = 'dépôt à la banque' "
                                             "AND a.staff_id = (SELECT id FROM staff WHERE name = 'Anne')"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'cash_in' "
                                             "AND json_extract (details, '$.amount_cents') = 500"), ==, 1);

  g_assert_true (comptoir_till_session_get_summary (f->db, till, &now, &error));
  g_assert_cmpint (now.float_cents, ==, 7000);
  g_assert_cmpint (now.cash_sales_cents, ==, 1649);
  g_assert_cmpint (now.cash_moves_cents, ==, -2500);
  g_assert_cmpint (now.expected_cents, ==, 6149);

  /* 61,40 € counted: 0,09 € missing, recorded as such. */
  evening.count[11] = 1;  /* 50 € */
  evening.count[9] = 1;   /* 10 € */
  evening.count[6] = 1;   /* 1 € */
  evening.count[4] = 2;   /* 2 × 20 c */
  g_assert_true (comptoir_till_session_close (f->db, till, &evening, "Anne", &closed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (closed.counted_cents, ==, 6140);
  g_assert_cmpint (closed.expected_cents, ==, 6149);
  g_assert_cmpint (closed.difference_cents, ==, -9);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (counts, '$.\"5000\"') FROM till_session_close"), ==, 1);

  /* Closed: a new session is needed, and the next one starts afresh. */
  g_assert_false (comptoir_till_session_get_summary (f->db, till, &now, &error));
  g_clear_error (&error);
  g_assert_true (comptoir_till_session_open (f->db, till, &evening, "Bruno", &error));
  g_assert_no_error (error);
  comptoir_session_summary_clear (&now);
  g_assert_true (comptoir_till_session_get_summary (f->db, till, &now, &error));
  g_assert_cmpint (now.expected_cents, ==, 6140);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/comptoir/core/till-session/day", Fixture, NULL, fixture_set_up, test_day_at_the_till, fixture_tear_down);
  return g_test_run ();
}
