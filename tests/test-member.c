/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static void
add_member (Fixture    *f,
            gint64      number,
            const char *first,
            const char *last)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) change = comptoir_change_new ("member", NULL);

  comptoir_change_set_int (change, "number", number);
  comptoir_change_set_text (change, "first_name", first);
  comptoir_change_set_text (change, "last_name", last);
  g_assert_true (comptoir_db_apply_change (f->db, change, NULL, &error));
  g_assert_no_error (error);
}

/* As the till writes a short date in the C locale. */
static char *
format_short_day (ComptoirDay day)
{
  char text[16];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_strftime (text, sizeof text, "%d/%m", &date);
  return g_strdup (text);
}

static void
test_card_barcode (void)
{
  g_autofree char *card = comptoir_member_card_barcode ("299", 42);
  g_autofree char *long_prefix = comptoir_member_card_barcode ("2999", 123456789);

  g_assert_cmpstr (card, ==, "2990000000422");
  g_assert_cmpint (comptoir_barcode_classify (card), ==, COMPTOIR_BARCODE_EAN13);
  /* Eight digits left for the number: 123456789 does not fit. */
  g_assert_null (long_prefix);
}

static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberAtTill) by_card = { 0 };
  g_auto (ComptoirMemberAtTill) by_number = { 0 };
  g_autofree char *card = NULL;
  g_autofree char *again = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *expected = NULL;

  add_member (f, 42, "Marie", "Dupont");
  card = comptoir_member_ensure_card (f->db, 42, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card, ==, "2990000000422");
  again = comptoir_member_ensure_card (f->db, 42, &error);
  g_assert_cmpstr (again, ==, card);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE tbl = 'member' "
                                             "AND json_extract (payload, '$.card_barcode') IS NOT NULL"), ==, 1);

  g_assert_true (comptoir_member_lookup_card (f->db, card, &by_card, &error));
  g_assert_cmpstr (by_card.name, ==, "Marie Dupont");
  g_assert_cmpint (by_card.number, ==, 42);
  g_assert_cmpint (by_card.right, ==, COMPTOIR_SHOPPING_OK);
  g_assert_null (by_card.note);

  /* The right follows the member's ledger, judged today: three shifts
   * missed, the first twelve weeks ago, is a suspension… */
  for (guint i = 0; i < 3; i++)
    g_assert_true (comptoir_member_record_shift (f->db, by_card.id, COMPTOIR_LEDGER_SHIFT_MISSED,
                                                 comptoir_day_today () - 84 + 28 * i, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_member_lookup_number (f->db, 42, &by_number, &error));
  g_assert_cmpint (by_number.right, ==, COMPTOIR_SHOPPING_BLOCKED);
  deadline = format_short_day (comptoir_day_today () - 84 + 28);
  expected = g_strdup_printf ("suspended: 3 shifts to make up since %s", deadline);
  g_assert_cmpstr (by_number.note, ==, expected);
  comptoir_member_at_till_clear (&by_number);

  /* … two makeups leave one shift to make up: still suspended, the
   * deadline passed; a correction of +1 brings the member up to date. */
  for (guint i = 0; i < 2; i++)
    g_assert_true (comptoir_member_record_shift (f->db, by_card.id, COMPTOIR_LEDGER_MAKEUP_DONE,
                                                 comptoir_day_today () - 2, NULL, NULL, &error));
  g_assert_true (comptoir_member_lookup_id (f->db, by_card.id, &by_number, &error));
  g_assert_cmpint (by_number.right, ==, COMPTOIR_SHOPPING_BLOCKED);
  g_assert_nonnull (strstr (by_number.note, "suspended: 1 shift to make up since"));
  comptoir_member_at_till_clear (&by_number);
  g_assert_true (comptoir_member_correct (f->db, by_card.id, comptoir_day_today () - 1, 1,
                                          "Service fait sans badge", NULL, &error));
  g_assert_true (comptoir_member_lookup_card (f->db, card, &by_number, &error));
  g_assert_cmpint (by_number.right, ==, COMPTOIR_SHOPPING_OK);
  g_assert_null (by_number.note);
  comptoir_member_at_till_clear (&by_number);

  /* A shift missed today: an alert, with four weeks to make up. */
  g_assert_true (comptoir_member_record_shift (f->db, by_card.id, COMPTOIR_LEDGER_SHIFT_MISSED,
                                               comptoir_day_today (), NULL, NULL, &error));
  g_assert_true (comptoir_member_lookup_number (f->db, 42, &by_number, &error));
  g_assert_cmpint (by_number.right, ==, COMPTOIR_SHOPPING_WARNING);
  g_free (deadline);
  g_free (expected);
  deadline = format_short_day (comptoir_day_today () + 28);
  expected = g_strdup_printf ("alert: 1 shift to make up before %s", deadline);
  g_assert_cmpstr (by_number.note, ==, expected);
  comptoir_member_at_till_clear (&by_number);

  /* A member who left may not shop. */
  g_assert_true (comptoir_member_set_left (f->db, by_card.id, comptoir_day_today (), &error));
  g_assert_true (comptoir_member_lookup_number (f->db, 42, &by_number, &error));
  g_assert_cmpint (by_number.right, ==, COMPTOIR_SHOPPING_BLOCKED);
  g_assert_nonnull (strstr (by_number.note, "left the cooperative on "));

  g_assert_false (comptoir_member_lookup_card (f->db, "2990000000439", &by_card, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comptoir_member_lookup_number (f->db, 7, &by_number, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
}

/* Product barcodes first, member cards next, scale labels after. */
static void
test_scan_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  g_autoptr (ComptoirProduct) odd = fixture_product ("ODD", "Article au code de carte", 100, 2000, "2990000000439");
  g_auto (ComptoirScan) card = { 0 };
  g_auto (ComptoirScan) product = { 0 };
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) reopened = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  g_autofree char *card_42 = NULL;

  add_member (f, 42, "Marie", "Dupont");
  add_member (f, 43, "Jean", "Martin");
  card_42 = comptoir_member_ensure_card (f->db, 42, &error);
  g_free (comptoir_member_ensure_card (f->db, 43, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member WHERE card_barcode = '2990000000439'"), ==, 1);
  g_assert_true (comptoir_catalog_save_product (f->catalog, odd, &error));
  g_assert_no_error (error);

  g_assert_true (comptoir_scan_resolve (f->catalog, rules, card_42, &card, &error));
  g_assert_null (card.product);
  g_assert_nonnull (card.member_id);
  /* Member 43's card number is also an article's barcode: the article wins. */
  g_assert_true (comptoir_scan_resolve (f->catalog, rules, "2990000000439", &product, &error));
  g_assert_nonnull (product.product);
  g_assert_null (product.member_id);

  /* A card is not an article, and the ticket remembers its member. */
  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpuint (comptoir_open_ticket_add_scan (ticket, &card, &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_set_member (ticket, card.member_id, &error));
  g_assert_cmpuint (comptoir_open_ticket_add_scan (ticket, &product, &error), ==, 1);
  reopened = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpstr (comptoir_open_ticket_get_member (reopened), ==, card.member_id);
  {
    g_autoptr (ComptoirSale) sale = comptoir_open_ticket_to_sale (reopened);
    g_auto (ComptoirCommittedTicket) committed = { 0 };

    comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
    g_assert_true (comptoir_open_ticket_commit (reopened, sale, &committed, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket t JOIN member m ON m.id = t.member_id "
                                             "WHERE m.number = 42"), ==, 1);
  /* The next ticket is for nobody yet. */
  g_assert_null (comptoir_open_ticket_get_member (reopened));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/member/card-barcode", test_card_barcode);
  g_test_add ("/comptoir/core/member/lookup", Fixture, NULL, fixture_set_up, test_lookup, fixture_tear_down);
  g_test_add ("/comptoir/core/member/scan-order", Fixture, NULL, fixture_set_up, test_scan_order, fixture_tear_down);
  return g_test_run ();
}
