/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-shift.h"

/* What members do with the seats of generated slots: book, cancel,
 * offer and take on the exchange board, pending claims decided by the
 * arbiter, check in, be marked absent and corrected, and give their
 * seats back on leaving. The templates and generation are in
 * test-shift.c. */

/* "2025-03-03 09:00", local time. */
static GDateTime *
at (const char *text)
{
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

static char *
book (Fixture              *f,
      const char           *slot_id,
      const char           *member_id,
      const char           *now_text,
      ComptoirClaimOutcome  expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (now_text);
  ComptoirClaimOutcome outcome = 99;
  char *claim = comptoir_shift_book (f->db, slot_id, member_id, NULL, now, &outcome, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claim);
  g_assert_cmpint (outcome, ==, expected);
  return claim;
}

static void
book_refused (Fixture    *f,
              const char *slot_id,
              const char *member_id,
              const char *now_text,
              const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (now_text);
  g_autofree char *claim = NULL;
  gint64 log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");

  claim = comptoir_shift_book (f->db, slot_id, member_id, NULL, now, NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before);
}

static void
assert_status (Fixture                  *f,
               const char               *member_id,
               const char               *today,
               ComptoirMemberStatusKind  kind,
               gint64                    counter,
               const char               *explanation)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autofree char *text = NULL;

  g_assert_true (comptoir_member_status_compute (f->db, member_id, day (today), &status, &error));
  g_assert_no_error (error);
  text = test_explain (&status);
  g_assert_cmpstr (text, ==, explanation);
  g_assert_cmpstr (comptoir_member_status_kind_to_string (status.kind), ==,
                   comptoir_member_status_kind_to_string (kind));
  g_assert_cmpint (status.counter, ==, counter);
}

static void
test_book (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *squad_member = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *flying = add_member (f, 2, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *standard = add_member (f, 3, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *gone = add_member (f, 4, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *shelves = add_template (f, MONDAY, "9:00", "12:00", 2, NULL);
  g_autofree char *till = add_template (f, MONDAY, "14:00", "17:00", 2, "cashier");
  g_autofree char *slot = slot_of (shelves, MONDAY);
  g_autofree char *till_slot = slot_of (till, MONDAY);
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;

  g_assert_true (comptoir_shift_squad_join (f->db, shelves, squad_member, day ("2025-01-01"), &error));
  g_assert_true (comptoir_member_set_left (f->db, gone, day ("2025-03-01"), &error));
  g_assert_no_error (error);
  generate (f, MONDAY, 1, 2, 1);

  c1 = book (f, slot, flying, "2025-03-01 10:00", COMPTOIR_CLAIM_ACCEPTED);
  book_refused (f, slot, standard, "2025-03-01 10:00", "full");
  book_refused (f, slot, flying, "2025-03-01 10:00", "already has a seat");
  book_refused (f, till_slot, gone, "2025-02-20 10:00", "left the cooperative");
  book_refused (f, till_slot, standard, "2025-03-01 10:00", "cashier");
  g_assert_true (comptoir_member_role_grant (f->db, standard, "cashier", &error));
  g_assert_no_error (error);
  c2 = book (f, till_slot, standard, "2025-03-01 10:00", COMPTOIR_CLAIM_ACCEPTED);
  book_refused (f, till_slot, squad_member, "2025-03-03 17:00", "over");
  g_assert_true (comptoir_member_role_revoke (f->db, standard, "cashier", &error));
  {
    gboolean has = TRUE;

    g_assert_true (comptoir_member_has_role (f->db, standard, "cashier", &has, &error));
    g_assert_false (has);
  }
  g_assert_true (comptoir_shift_cancel_slot (f->db, till_slot, NULL, &error));
  g_assert_no_error (error);
  book_refused (f, till_slot, flying, "2025-03-01 10:00", "cancelled");

  /* Flying: book; standard outside their squad: makeup. */
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (f->db, "SELECT kind FROM shift_claim WHERE id = ?1", &error);

    sqlite3_bind_text (stmt, 1, c1, -1, SQLITE_STATIC);
    g_assert_true (comptoir_db_step_done (f->db, stmt, &error));
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "book");
    sqlite3_reset (stmt);
    sqlite3_bind_text (stmt, 1, c2, -1, SQLITE_STATIC);
    g_assert_true (comptoir_db_step_done (f->db, stmt, &error));
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "makeup");
  }
  /* A claim with its decision is one entry of the change log. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE kind = 'facts' AND tbl = "
                                             "'shift_claim' AND json_array_length (payload, '$.rows') = 2"), >=, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *b = add_member (f, 2, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 3, NULL);
  g_autofree char *slot = slot_of (t, MONDAY);
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autofree char *c3 = NULL;
  g_autoptr (GDateTime) early = at ("2025-02-28 10:00");
  g_autoptr (GDateTime) late = at ("2025-03-02 10:00");
  g_autoptr (GDateTime) started = at ("2025-03-03 09:05");
  gboolean was_late = TRUE;

  generate (f, MONDAY, 1, 1, 0);
  c1 = book (f, slot, a, "2025-02-20 10:00", COMPTOIR_CLAIM_ACCEPTED);
  g_assert_true (comptoir_shift_cancel (f->db, slot, a, NULL, early, &was_late, &error));
  g_assert_no_error (error);
  g_assert_false (was_late);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry"), ==, 0);
  g_assert_false (comptoir_shift_cancel (f->db, slot, a, NULL, early, &was_late, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Booked again (a released seat can be claimed again), then cancelled
   * 23 hours before: late, -1 on the day of the cancellation. */
  c2 = book (f, slot, a, "2025-02-28 11:00", COMPTOIR_CLAIM_ACCEPTED);
  g_assert_true (comptoir_shift_cancel (f->db, slot, a, NULL, late, &was_late, &error));
  g_assert_true (was_late);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_release WHERE kind = 'late_cancel'"), ==, 1);
  assert_status (f, a, "2025-03-10", COMPTOIR_MEMBER_ALERT, -1, "2025-03-02 late_cancel -1 =-1");

  /* Where the shop forgives late cancellations: no entry at all. */
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES, "{\"late_cancel_points\": 0}", &error));
  c3 = book (f, slot, b, "2025-02-28 11:00", COMPTOIR_CLAIM_ACCEPTED);
  g_assert_false (comptoir_shift_cancel (f->db, slot, b, NULL, started, &was_late, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "started"));
  g_clear_error (&error);
  g_assert_true (comptoir_shift_cancel (f->db, slot, b, NULL, late, &was_late, &error));
  g_assert_true (was_late);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry"), ==, 1);
  assert_status (f, b, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 0, "");
}

static void
test_exchange (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *offerer = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *taker = add_member (f, 2, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *late_taker = add_member (f, 3, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 1, NULL);
  g_autofree char *other = add_template (f, "2025-03-05", "9:00", "12:00", 2, NULL);
  g_autofree char *slot = slot_of (t, MONDAY);
  g_autofree char *other_slot = slot_of (other, "2025-03-05");
  g_autofree char *offer = NULL;
  g_autofree char *again = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *makeup = NULL;
  g_autoptr (GDateTime) before = at ("2025-03-01 12:00");
  g_autoptr (GDateTime) after = at ("2025-03-03 13:00");
  g_autoptr (GArray) offers = NULL;
  ComptoirClaimOutcome outcome;
  gint64 log_before;
  guint n_marked;

  g_assert_true (comptoir_shift_squad_join (f->db, t, offerer, day ("2025-01-01"), &error));
  generate (f, MONDAY, 1, 2, 1);

  /* Withdrawn: back to normal. */
  offer = comptoir_shift_offer (f->db, slot, offerer, before, &error);
  g_assert_no_error (error);
  g_assert_null (comptoir_shift_offer (f->db, slot, offerer, before, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_shift_withdraw_offer (f->db, offer, &error));
  g_assert_false (comptoir_shift_withdraw_offer (f->db, offer, &error));
  g_clear_error (&error);
  g_assert_null (comptoir_shift_take (f->db, offer, taker, NULL, before, &outcome, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* On the board: the offerer still holds the seat. */
  again = comptoir_shift_offer (f->db, slot, offerer, before, &error);
  g_assert_true (comptoir_shift_list_offers (f->db, day ("2025-03-01"), &offers, &error));
  g_assert_cmpuint (offers->len, ==, 1);
  {
    const ComptoirShiftSlot *s = &g_array_index (offers, ComptoirShiftSlot, 0);

    g_assert_cmpuint (s->n_held, ==, 1);
    g_assert_cmpint (seat_of (s, offerer)->state, ==, COMPTOIR_SEAT_OFFERED);
    g_assert_cmpstr (seat_of (s, offerer)->offer_id, ==, again);
  }
  g_array_set_clear_func (offers, (GDestroyNotify) comptoir_shift_slot_clear);

  /* Taken: in one transaction the seat moves. */
  claim = comptoir_shift_take (f->db, again, taker, NULL, before, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, COMPTOIR_CLAIM_ACCEPTED);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_release WHERE kind = 'swap'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_offer_end WHERE kind = 'taken'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE kind = 'facts' AND "
                                             "tbl = 'shift_claim' AND json_array_length (payload, '$.rows') = 4"),
                   ==, 1);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, slot, &s);
    g_assert_cmpuint (s.n_held, ==, 1);
    g_assert_false (has_seat (&s, offerer));
    g_assert_cmpint (seat_of (&s, taker)->kind, ==, COMPTOIR_CLAIM_TAKE);
  }

  /* A second taker is refused, and nothing changes. */
  log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  g_assert_null (comptoir_shift_take (f->db, again, late_taker, NULL, before, &outcome, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before);

  /* The offerer works another shift instead: outside their squad, a
   * makeup, worked in advance. */
  makeup = book (f, other_slot, offerer, "2025-03-01 12:00", COMPTOIR_CLAIM_ACCEPTED);
  {
    g_autoptr (GDateTime) now = at ("2025-03-05 09:10");
    g_autofree char *checked = comptoir_shift_check_in (f->db, offerer, NULL, NULL, now, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (checked, ==, other_slot);
  }

  /* The taker does not come: the penalty is theirs. */
  g_assert_true (comptoir_shift_mark_absent (f->db, after, &n_marked, &error));
  g_assert_cmpuint (n_marked, ==, 1);
  assert_status (f, taker, "2025-03-10", COMPTOIR_MEMBER_ALERT, -1, "2025-03-03 shift_missed -1 =-1");
  assert_status (f, offerer, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 1, "2025-03-05 makeup_done +1 =1");
  assert_status (f, late_taker, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 0, "");
}

static void
test_check_in (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *walk_in = add_member (f, 2, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *too_many = add_member (f, 3, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 2, NULL);
  g_autofree char *slot = slot_of (t, MONDAY);
  g_autofree char *id = NULL;
  g_autoptr (GDateTime) too_early = at ("2025-03-03 08:29");
  g_autoptr (GDateTime) open = at ("2025-03-03 08:30");
  g_autoptr (GDateTime) later = at ("2025-03-03 10:00");
  g_autoptr (GArray) now_slots = NULL;

  g_assert_true (comptoir_shift_squad_join (f->db, t, a, day ("2025-01-01"), &error));
  generate (f, MONDAY, 1, 1, 1);

  g_assert_null (comptoir_shift_check_in (f->db, a, NULL, NULL, too_early, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (comptoir_shift_check_in (f->db, a, slot, NULL, too_early, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "08:30"));
  g_clear_error (&error);

  id = comptoir_shift_check_in (f->db, a, NULL, NULL, open, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, slot);
  g_clear_pointer (&id, g_free);
  g_assert_null (comptoir_shift_check_in (f->db, a, slot, NULL, later, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already checked in"));
  g_clear_error (&error);

  /* A volunteer who turns up takes the free seat; the next finds none. */
  id = comptoir_shift_check_in (f->db, walk_in, NULL, NULL, later, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, slot);
  g_assert_null (comptoir_shift_check_in (f->db, too_many, NULL, NULL, later, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (comptoir_shift_list_now (f->db, later, &now_slots, &error));
  g_assert_cmpuint (now_slots->len, ==, 1);
  {
    const ComptoirShiftSlot *s = &g_array_index (now_slots, ComptoirShiftSlot, 0);

    g_assert_cmpuint (s->n_held, ==, 2);
    g_assert_cmpint (seat_of (s, a)->attendance, ==, COMPTOIR_ATTENDANCE_PRESENT);
    g_assert_cmpint (seat_of (s, walk_in)->kind, ==, COMPTOIR_CLAIM_BOOK);
    g_assert_cmpint (seat_of (s, walk_in)->attendance, ==, COMPTOIR_ATTENDANCE_PRESENT);
  }
  g_array_set_clear_func (now_slots, (GDestroyNotify) comptoir_shift_slot_clear);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry WHERE kind = 'shift_done'"), ==, 2);
  assert_status (f, a, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 0, "2025-03-03 shift_done +0 =0");
  /* A flying member's shift pays a cycle's due. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT points FROM counter_entry WHERE member_id = "
                                             "(SELECT id FROM member WHERE number = 2)"), ==, 1);
}

static void
test_absent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *on_leave = add_member (f, 2, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 2, NULL);
  g_autofree char *slot = slot_of (t, MONDAY);
  g_autofree char *leave = NULL;
  g_autoptr (GDateTime) in_grace = at ("2025-03-03 12:15");
  g_autoptr (GDateTime) after = at ("2025-03-03 12:16");
  guint n_marked = 99;

  g_assert_true (comptoir_shift_squad_join (f->db, t, a, day ("2025-01-01"), &error));
  g_assert_true (comptoir_shift_squad_join (f->db, t, on_leave, day ("2025-01-01"), &error));
  generate (f, MONDAY, 1, 1, 2);
  /* The leave starts after the seats were given: the seat stays, the
   * status waives the penalty. */
  leave = comptoir_member_start_leave (f->db, on_leave, COMPTOIR_LEAVE_MEDICAL, day ("2025-03-02"),
                                       day ("2025-03-09"), &error);
  g_assert_no_error (error);

  g_assert_true (comptoir_shift_mark_absent (f->db, in_grace, &n_marked, &error));
  g_assert_cmpuint (n_marked, ==, 0);
  g_assert_true (comptoir_shift_mark_absent (f->db, after, &n_marked, &error));
  g_assert_cmpuint (n_marked, ==, 2);
  g_assert_true (comptoir_shift_mark_absent (f->db, after, &n_marked, &error));
  g_assert_cmpuint (n_marked, ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_attendance WHERE outcome = 'absent'"),
                   ==, 2);
  assert_status (f, a, "2025-03-10", COMPTOIR_MEMBER_ALERT, -1, "2025-03-03 shift_missed -1 =-1");
  assert_status (f, on_leave, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 0,
                 "2025-03-02 leave:medical =0; 2025-03-03 shift_missed -1 waived =0");

  /* Staff correct it, with the reason: +1, the difference. */
  g_assert_false (comptoir_shift_correct_attendance (f->db, slot, a, COMPTOIR_ATTENDANCE_PRESENT, " ", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_shift_correct_attendance (f->db, slot, a, COMPTOIR_ATTENDANCE_ABSENT, "Oui", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_shift_correct_attendance (f->db, slot, a, COMPTOIR_ATTENDANCE_PRESENT,
                                                    "Badge oublié, service fait", NULL, &error));
  g_assert_no_error (error);
  assert_status (f, a, "2025-03-10", COMPTOIR_MEMBER_UP_TO_DATE, 0,
                 "2025-03-03 shift_missed -1 =-1; 2025-03-03 correction +1 =0");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_attendance WHERE corrects IS NOT NULL"),
                   ==, 1);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, slot, &s);
    g_assert_cmpint (seat_of (&s, a)->attendance, ==, COMPTOIR_ATTENDANCE_PRESENT);
    g_assert_cmpint (seat_of (&s, on_leave)->attendance, ==, COMPTOIR_ATTENDANCE_ABSENT);
  }
  /* And back: the latest correction counts. */
  g_assert_true (comptoir_shift_correct_attendance (f->db, slot, a, COMPTOIR_ATTENDANCE_ABSENT,
                                                    "Erreur de saisie", NULL, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT sum (points) FROM counter_entry WHERE member_id IN "
                                             "(SELECT id FROM member WHERE number = 1)"), ==, -1);
}

/* Two tills offline promise the last seat; the arbiter decides in the
 * order it stored the claims. */
static void
test_arbiter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = add_member (f, 1, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *b = add_member (f, 2, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *squad = add_member (f, 3, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 2, NULL);
  g_autofree char *slot = slot_of (t, MONDAY);
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  guint accepted = 0, refused = 0;

  g_assert_true (comptoir_shift_squad_join (f->db, t, squad, day ("2025-01-01"), &error));
  generate (f, MONDAY, 1, 1, 1);
  g_assert_true (comptoir_shift_is_arbiter (f->db));
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHIFT_ARBITER, "hub-0001", &error));
  g_assert_false (comptoir_shift_is_arbiter (f->db));

  ca = book (f, slot, a, "2025-03-01 10:00", COMPTOIR_CLAIM_PENDING);
  cb = book (f, slot, b, "2025-03-01 10:01", COMPTOIR_CLAIM_PENDING);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, slot, &s);
    g_assert_cmpuint (s.n_held, ==, 1);
    g_assert_cmpuint (s.n_pending, ==, 2);
    g_assert_cmpint (seat_of (&s, a)->state, ==, COMPTOIR_SEAT_PENDING);
  }
  g_assert_false (comptoir_shift_decide_pending (f->db, &accepted, &refused, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHIFT_ARBITER, comptoir_db_get_device_id (f->db),
                                        &error));
  g_assert_true (comptoir_shift_decide_pending (f->db, &accepted, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accepted, ==, 1);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_claim_decision d JOIN shift_claim c ON "
                                             "c.id = d.claim_id JOIN member m ON m.id = c.member_id "
                                             "WHERE m.number = 1 AND d.accepted"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_claim_decision d JOIN shift_claim c ON "
                                             "c.id = d.claim_id JOIN member m ON m.id = c.member_id "
                                             "WHERE m.number = 2 AND NOT d.accepted AND d.reason = 'full'"), ==, 1);
  /* Nothing left to decide. */
  g_assert_true (comptoir_shift_decide_pending (f->db, &accepted, &refused, &error));
  g_assert_cmpuint (accepted + refused, ==, 0);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, slot, &s);
    g_assert_cmpuint (s.n_held, ==, 2);
    g_assert_cmpuint (s.n_pending, ==, 0);
    g_assert_false (has_seat (&s, b));
  }
}

/* A member who leaves gives back their seats and their squad. */
static void
test_release_member (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *t = add_template (f, MONDAY, "9:00", "12:00", 2, NULL);
  g_autofree char *other = add_template (f, "2025-03-05", "9:00", "12:00", 2, NULL);
  g_autofree char *squad = NULL;
  g_autofree char *monday = slot_of (t, MONDAY);
  g_autofree char *wednesday = slot_of (other, "2025-03-05");
  g_autofree char *claim = NULL;
  guint n_released = 0;

  g_assert_true (comptoir_shift_squad_join (f->db, t, a, day ("2025-01-01"), &error));
  generate (f, "2025-02-24", 8, 4, 2);
  claim = book (f, wednesday, a, "2025-03-01 10:00", COMPTOIR_CLAIM_ACCEPTED);
  g_assert_true (comptoir_shift_release_member_from (f->db, a, day ("2025-03-04"), &n_released, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_released, ==, 2);
  squad = comptoir_shift_squad_of (f->db, a, day ("2025-03-04"), &error);
  g_assert_null (squad);
  g_assert_no_error (error);
  g_assert_cmpint (count_live (f, monday), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comptoir/core/shift/book", Fixture, NULL, fixture_set_up, test_book, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/exchange", Fixture, NULL, fixture_set_up, test_exchange, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/check-in", Fixture, NULL, fixture_set_up, test_check_in, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/absent", Fixture, NULL, fixture_set_up, test_absent, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/arbiter", Fixture, NULL, fixture_set_up, test_arbiter, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/release-member", Fixture, NULL, fixture_set_up, test_release_member,
              fixture_tear_down);

  return g_test_run ();
}
