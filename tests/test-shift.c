/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"
#include "test-member-status.h"

/* Work shifts through the same operations the planning screen, the till
 * and the CLI use, replayed on days of 2025 with a "now" given to each
 * call. 2025-03-03 is a Monday of week B of the default cycle (cycles
 * start on 2024-12-30, 2025-01-27, 2025-02-24, 2025-03-24). */

#define MONDAY "2025-03-03"

static ComptoirDay
day (const char *iso)
{
  ComptoirDay d = comptoir_day_from_iso (iso);

  g_assert_cmpuint (d, !=, COMPTOIR_DAY_NONE);
  return d;
}

/* "2025-03-03 09:00", local time. */
static GDateTime *
at (const char *text)
{
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

static char *
add_member (Fixture               *f,
            gint64                 number,
            ComptoirParticipation  participation)
{
  g_autoptr (GError) error = NULL;
  char *id = test_add_member (f->db, number);

  if (participation != COMPTOIR_PARTICIPATION_STANDARD)
    {
      g_assert_true (comptoir_member_set_participation (f->db, id, participation, day ("2024-12-30"), &error));
      g_assert_no_error (error);
    }
  return id;
}

/* A template for the weekday and cycle week of that day. */
static char *
add_template (Fixture    *f,
              const char *on,
              const char *start,
              const char *end,
              guint       capacity,
              const char *role)
{
  g_autoptr (GError) error = NULL;
  ComptoirShiftTemplate t = { 0 };
  ComptoirStatusRules rules;
  GDate date;
  char *id;

  comptoir_status_rules_init_default (&rules);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day (on));
  t.week_index = comptoir_shift_week_index (&rules, day (on));
  t.weekday = g_date_get_weekday (&date);
  g_assert_true (comptoir_shift_parse_minute (start, &t.start_minute));
  g_assert_true (comptoir_shift_parse_minute (end, &t.end_minute));
  t.job = role != NULL ? COMPTOIR_SHIFT_JOB_CASHIER : COMPTOIR_SHIFT_JOB_SHELVING;
  t.capacity = capacity;
  t.required_role = (char *) role;
  t.active = TRUE;
  id = comptoir_shift_template_save (f->db, &t, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
generate (Fixture    *f,
          const char *from,
          guint       weeks,
          guint       n_slots,
          guint       n_seats)
{
  g_autoptr (GError) error = NULL;
  guint slots = 0, seats = 0;
  gboolean ok = comptoir_shift_generate (f->db, day (from), weeks, &slots, &seats, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (slots, ==, n_slots);
  g_assert_cmpuint (seats, ==, n_seats);
}

static char *
slot_of (const char *template_id,
         const char *on)
{
  return comptoir_shift_slot_id (template_id, day (on));
}

static void
get_slot (Fixture           *f,
          const char        *slot_id,
          ComptoirShiftSlot *out)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_shift_get_slot (f->db, slot_id, out, &error));
  g_assert_no_error (error);
}

static gboolean
has_seat (const ComptoirShiftSlot *slot,
          const char              *member_id)
{
  for (guint i = 0; i < slot->seats->len; i++)
    if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, i).member_id, member_id))
      return TRUE;
  return FALSE;
}

/* The member's seat, which must be there. */
static const ComptoirShiftSeat *
seat_of (const ComptoirShiftSlot *slot,
         const char              *member_id)
{
  for (guint i = 0; i < slot->seats->len; i++)
    if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, i).member_id, member_id))
      return &g_array_index (slot->seats, ComptoirShiftSeat, i);
  g_error ("member %s has no seat in slot %s", member_id, slot->id);
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
test_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = comptoir_shift_week_letter (0);
  g_autofree char *d = comptoir_shift_week_letter (3);
  g_autofree char *w = comptoir_shift_week_letter (26);
  g_autofree char *nine = comptoir_shift_format_minute (540);
  g_autofree char *json = NULL;
  ComptoirShiftRules rules, back;
  ComptoirStatusRules status_rules;
  const char *good[] = { "9", "9:30", "09:30", "9h30", "9h", "24:00", "0:00" };
  const guint minutes[] = { 540, 570, 570, 570, 540, 1440, 0 };
  const char *bad[] = { "", "25", "9:3", "9:60", "24:30", "9:", "x", "9h300", "-1" };
  ComptoirShiftJob job;

  g_assert_cmpstr (a, ==, "A");
  g_assert_cmpstr (d, ==, "D");
  g_assert_cmpstr (w, ==, "W27");
  g_assert_cmpstr (nine, ==, "09:00");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint m = 9999;

      g_assert_true (comptoir_shift_parse_minute (good[i], &m));
      g_assert_cmpuint (m, ==, minutes[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint m;

      g_assert_false (comptoir_shift_parse_minute (bad[i], &m));
    }

  comptoir_status_rules_init_default (&status_rules);
  g_assert_cmpuint (comptoir_shift_week_index (&status_rules, day ("2024-12-30")), ==, 0);
  g_assert_cmpuint (comptoir_shift_week_index (&status_rules, day (MONDAY)), ==, 1);
  g_assert_cmpuint (comptoir_shift_week_index (&status_rules, day ("2025-03-23")), ==, 3);
  g_assert_cmpuint (comptoir_shift_week_index (&status_rules, day ("2023-12-31")), ==, 3);

  g_assert_true (comptoir_shift_job_from_string ("receiving", &job));
  g_assert_cmpint (job, ==, COMPTOIR_SHIFT_JOB_RECEIVING);
  g_assert_false (comptoir_shift_job_from_string ("boss", &job));

  comptoir_shift_rules_init_default (&rules);
  json = comptoir_shift_rules_to_json (&rules);
  g_assert_true (comptoir_shift_rules_from_json (json, TRUE, &back, &error));
  g_assert_cmpmem (&rules, sizeof rules, &back, sizeof back);
  g_assert_true (comptoir_shift_rules_from_json ("{\"absent_grace_minutes\": 60}", TRUE, &back, &error));
  g_assert_cmpuint (back.absent_grace_minutes, ==, 60);
  g_assert_cmpuint (back.cancel_notice_hours, ==, 48);
  g_assert_false (comptoir_shift_rules_from_json ("{\"cancel_notice_hours\": 1000}", TRUE, &back, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_shift_rules_from_json ("{\"grace\": 1}", TRUE, &back, &error));
  g_clear_error (&error);
  g_assert_true (comptoir_shift_rules_from_json ("{\"grace\": 1}", FALSE, &back, &error));
  g_assert_false (comptoir_shift_rules_from_json ("[]", FALSE, &back, &error));
  g_clear_error (&error);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) list = NULL;
  g_autofree char *m1 = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *m2 = add_member (f, 2, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *m3 = add_member (f, 3, COMPTOIR_PARTICIPATION_FLYING);
  g_autofree char *late = add_template (f, "2025-03-05", "14:00", "17:00", 3, NULL);
  g_autofree char *early = add_template (f, MONDAY, "9h", "12:00", 2, "cashier");
  g_autofree char *id = NULL;
  ComptoirShiftTemplate t = { 0 };
  struct { guint week, weekday, start, end, capacity; const char *words; } bad[] = {
    { 4, 1, 540, 720, 2, "weeks A to D" },
    { 0, 8, 540, 720, 2, "Monday" },
    { 0, 1, 720, 540, 2, "ends after" },
    { 0, 1, 540, 1500, 2, "ends after" },
    { 0, 1, 540, 720, 0, "1 to 99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      t.week_index = bad[i].week;
      t.weekday = bad[i].weekday;
      t.start_minute = bad[i].start;
      t.end_minute = bad[i].end;
      t.capacity = bad[i].capacity;
      t.active = TRUE;
      id = comptoir_shift_template_save (f->db, &t, &error);
      g_assert_null (id);
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].words));
      g_clear_error (&error);
    }

  /* Squads: standard members only, never beyond the capacity. */
  g_assert_true (comptoir_shift_squad_join (f->db, early, m1, day ("2025-01-01"), &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_shift_squad_join (f->db, early, m2, day ("2025-01-01"), &error));
  g_assert_false (comptoir_shift_squad_join (f->db, early, m3, day ("2025-01-01"), &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_member_set_participation (f->db, m3, COMPTOIR_PARTICIPATION_STANDARD, day ("2025-01-01"),
                                                    &error));
  g_assert_false (comptoir_shift_squad_join (f->db, early, m3, day ("2025-01-01"), &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  /* Listed in cycle order, with the squad on the day asked. */
  g_assert_true (comptoir_shift_list_templates (f->db, day ("2025-02-01"), &list, &error));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (g_array_index (list, ComptoirShiftTemplate, 0).id, ==, early);
  g_assert_cmpuint (g_array_index (list, ComptoirShiftTemplate, 0).n_squad, ==, 2);
  g_assert_cmpstr (g_array_index (list, ComptoirShiftTemplate, 0).required_role, ==, "cashier");
  g_assert_cmpuint (g_array_index (list, ComptoirShiftTemplate, 1).n_squad, ==, 0);

  /* The capacity cannot go below the squad. */
  t = g_array_index (list, ComptoirShiftTemplate, 0);
  t.capacity = 1;
  g_assert_null (comptoir_shift_template_save (f->db, &t, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  t.capacity = 4;
  id = comptoir_shift_template_save (f->db, &t, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, early);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT capacity FROM shift_template WHERE required_role = 'cashier'"),
                   ==, 4);

  /* Moving to another squad leaves the first. */
  g_assert_true (comptoir_shift_squad_join (f->db, late, m2, day ("2025-03-01"), &error));
  g_assert_no_error (error);
  {
    g_autofree char *before = comptoir_shift_squad_of (f->db, m2, day ("2025-02-28"), &error);
    g_autofree char *after = comptoir_shift_squad_of (f->db, m2, day ("2025-03-01"), &error);
    g_autoptr (GArray) squad = NULL;

    g_assert_cmpstr (before, ==, early);
    g_assert_cmpstr (after, ==, late);
    g_assert_true (comptoir_shift_squad_list (f->db, early, day ("2025-03-01"), &squad, &error));
    g_assert_cmpuint (squad->len, ==, 1);
    g_assert_cmpint (g_array_index (squad, ComptoirSquadMember, 0).number, ==, 1);
    g_array_set_clear_func (squad, (GDestroyNotify) comptoir_squad_member_clear);
  }
  g_array_set_clear_func (list, (GDestroyNotify) comptoir_shift_template_clear);
}

static gint64
count_live (Fixture    *f,
            const char *slot_id)
{
  g_auto (ComptoirShiftSlot) slot = { 0 };

  get_slot (f, slot_id, &slot);
  return slot.n_held;
}

static void
test_generate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *m1 = add_member (f, 1, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *m2 = add_member (f, 2, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *m3 = add_member (f, 3, COMPTOIR_PARTICIPATION_STANDARD);
  g_autofree char *monday = add_template (f, MONDAY, "9:00", "12:00", 3, NULL);
  g_autofree char *tuesday = add_template (f, "2025-03-04", "9:00", "12:00", 3, NULL);
  g_autofree char *leave = NULL;
  g_autofree char *slot = slot_of (monday, MONDAY);
  g_autofree char *next_cycle = slot_of (monday, "2025-03-31");
  g_autofree char *holiday = slot_of (tuesday, "2025-04-01");
  gint64 log_before;
  guint n_cancelled = 0;

  g_assert_true (comptoir_shift_squad_join (f->db, monday, m1, day ("2025-01-01"), &error));
  g_assert_true (comptoir_shift_squad_join (f->db, monday, m2, day ("2025-01-01"), &error));
  g_assert_true (comptoir_shift_squad_join (f->db, monday, m3, day ("2025-01-01"), &error));
  g_assert_no_error (error);
  /* Member 2 is on holiday on the first Monday, member 3 leaves before
   * the second. */
  leave = comptoir_member_start_leave (f->db, m2, COMPTOIR_LEAVE_HOLIDAY, day ("2025-03-01"), day ("2025-03-09"),
                                       &error);
  g_assert_true (comptoir_member_set_left (f->db, m3, day ("2025-03-20"), &error));
  g_assert_true (comptoir_shift_add_closing_day (f->db, day ("2025-03-04"), "Mardi gras", &n_cancelled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cancelled, ==, 0);

  /* Eight weeks: two cycles, two Mondays and (but for the closing day) two
   * Tuesdays of week B. */
  generate (f, "2025-02-24", 8, 3, 2 + 2);
  g_assert_cmpint (count_live (f, slot), ==, 2);
  g_assert_cmpint (count_live (f, next_cycle), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_slot WHERE day = '2025-03-04'"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_claim WHERE kind = 'squad'"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_claim_decision WHERE accepted"), ==, 4);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, slot, &s);
    g_assert_true (has_seat (&s, m1));
    g_assert_false (has_seat (&s, m2));
    g_assert_true (has_seat (&s, m3));
    g_assert_cmpint (seat_of (&s, m1)->kind, ==, COMPTOIR_CLAIM_SQUAD);
    g_assert_cmpint (seat_of (&s, m1)->state, ==, COMPTOIR_SEAT_HELD);
    g_assert_cmpuint (s.week_index, ==, 1);
    g_assert_cmpstr (s.template_id, ==, monday);
  }

  /* Again: nothing new, nothing logged. */
  log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  generate (f, "2025-02-24", 8, 0, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before);

  /* A closing day declared afterwards cancels the slot and frees the
   * seat, without penalty; removing it does not bring the slot back. */
  g_assert_true (comptoir_shift_add_closing_day (f->db, day ("2025-04-01"), "Lundi de Pâques", &n_cancelled, &error));
  g_assert_cmpuint (n_cancelled, ==, 1);
  g_assert_true (comptoir_shift_add_closing_day (f->db, day ("2025-03-31"), "Inventaire", &n_cancelled, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cancelled, ==, 1);
  {
    g_auto (ComptoirShiftSlot) s = { 0 };

    get_slot (f, next_cycle, &s);
    g_assert_true (s.cancelled);
    g_assert_cmpuint (s.n_held, ==, 0);
  }
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_release WHERE kind = 'closed'"), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry"), ==, 0);
  g_assert_true (comptoir_shift_remove_closing_day (f->db, day ("2025-03-31"), &error));
  g_assert_false (comptoir_shift_remove_closing_day (f->db, day ("2025-03-31"), &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  generate (f, "2025-03-31", 1, 0, 0);
  g_assert_true (comptoir_shift_remove_closing_day (f->db, day ("2025-03-04"), &error));
  generate (f, "2025-03-03", 1, 1, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT cancelled FROM shift_slot WHERE day = '2025-03-31'"), ==, 1);
  {
    g_autoptr (GArray) closing = NULL;

    g_assert_true (comptoir_shift_list_closing_days (f->db, day ("2025-01-01"), day ("2025-12-31"), &closing, &error));
    g_assert_cmpuint (closing->len, ==, 1);
    g_assert_cmpstr (g_array_index (closing, ComptoirClosingDay, 0).label, ==, "Lundi de Pâques");
  }
  (void) holiday;
}

/* Two machines generating the same weeks from the same templates make
 * the same rows: ids follow from the template and the day. */
static void
test_deterministic_ids (void)
{
  Fixture a = { 0 }, b = { 0 };
  g_autofree char *ids_a = NULL;
  g_autofree char *ids_b = NULL;
  g_autofree char *expected = NULL;
  const char *sql = "SELECT group_concat (id, ',') FROM (SELECT id FROM shift_slot ORDER BY id)";
  Fixture *both[] = { &a, &b };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ComptoirChange) t = comptoir_change_new ("shift_template", "0190f1f0-0000-7000-8000-00000000000a");
      g_autoptr (ComptoirStmt) stmt = NULL;
      guint n_slots;

      fixture_set_up (both[i], NULL);
      comptoir_change_set_int (t, "week_index", 1);
      comptoir_change_set_int (t, "weekday", 1);
      comptoir_change_set_int (t, "start_minute", 540);
      comptoir_change_set_int (t, "end_minute", 720);
      comptoir_change_set_text (t, "job", "cashier");
      comptoir_change_set_int (t, "capacity", 2);
      g_assert_true (comptoir_db_apply_change (both[i]->db, t, NULL, &error));
      g_assert_true (comptoir_shift_generate (both[i]->db, day ("2025-01-01"), 12, &n_slots, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_slots, ==, 3);
      stmt = comptoir_db_prepare (both[i]->db, sql, &error);
      g_assert_true (comptoir_db_step_done (both[i]->db, stmt, &error));
      if (i == 0)
        ids_a = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else
        ids_b = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  g_assert_cmpstr (ids_a, ==, ids_b);
  expected = comptoir_shift_slot_id ("0190f1f0-0000-7000-8000-00000000000a", day (MONDAY));
  g_assert_nonnull (strstr (ids_a, expected));
  /* A UUID of version 8, variant 10. */
  g_assert_cmpuint (strlen (expected), ==, 36);
  g_assert_cmpint (expected[14], ==, '8');
  g_assert_nonnull (strchr ("89ab", expected[19]));
  fixture_tear_down (&a, NULL);
  fixture_tear_down (&b, NULL);
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

static gint64
moment (const ComptoirShiftSlot *slot)
{
  return (gint64) slot->day * 1440 + slot->start_minute;
}

static guint n_statements;

static int
count_statement (unsigned  type,
                 void     *ctx,
                 void     *p,
                 void     *x)
{
  n_statements++;
  return 0;
}

/* A 60-slot week: ten templates a day, Monday to Saturday. The list
 * runs the same number of statements for a day as for the week. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) week = NULL;
  g_autoptr (GArray) one_day = NULL;
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  guint week_statements, day_statements;

  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (members, add_member (f, i + 1, COMPTOIR_PARTICIPATION_STANDARD));
  for (guint d = 0; d < 6; d++)
    for (guint h = 0; h < 10; h++)
      {
        char on[11], start[8], end[8];
        g_autofree char *t = NULL;

        comptoir_day_to_iso (day (MONDAY) + d, on);
        g_snprintf (start, sizeof start, "%u:00", 8 + h);
        g_snprintf (end, sizeof end, "%u:00", 9 + h);
        t = add_template (f, on, start, end, 2 + h % 3, NULL);
        if (d == 0 && h < 3)
          for (guint m = 0; m < 2; m++)
            g_assert_true (comptoir_shift_squad_join (f->db, t, g_ptr_array_index (members, 2 * h + m), day ("2025-01-01"), &error));
      }
  generate (f, MONDAY, 1, 60, 6);

  sqlite3_trace_v2 (comptoir_db_get_handle (f->db), SQLITE_TRACE_STMT, count_statement, NULL);
  n_statements = 0;
  g_assert_true (comptoir_shift_list_slots (f->db, day (MONDAY), day (MONDAY) + 6, &week, &error));
  week_statements = n_statements;
  n_statements = 0;
  g_assert_true (comptoir_shift_list_slots (f->db, day (MONDAY), day (MONDAY), &one_day, &error));
  day_statements = n_statements;
  sqlite3_trace_v2 (comptoir_db_get_handle (f->db), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (week_statements, ==, day_statements);
  g_assert_cmpuint (week_statements, <=, 4);

  g_assert_cmpuint (week->len, ==, 60);
  g_assert_cmpuint (one_day->len, ==, 10);
  for (guint i = 0; i < week->len; i++)
    {
      const ComptoirShiftSlot *s = &g_array_index (week, ComptoirShiftSlot, i);

      g_assert_cmpuint (s->n_held, ==, s->day == day (MONDAY) && s->start_minute < 11 * 60 ? 2 : 0);
      g_assert_cmpuint (s->seats->len, ==, s->n_held);
      g_assert_cmpuint (s->capacity, >=, 2);
      if (i > 0)
        g_assert_cmpint (moment (s), >=, moment (&g_array_index (week, ComptoirShiftSlot, i - 1)));
    }
  g_array_set_clear_func (week, (GDestroyNotify) comptoir_shift_slot_clear);
  g_array_set_clear_func (one_day, (GDestroyNotify) comptoir_shift_slot_clear);
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

  g_test_add_func ("/comptoir/core/shift/names", test_names);
  g_test_add ("/comptoir/core/shift/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/generate", Fixture, NULL, fixture_set_up, test_generate, fixture_tear_down);
  g_test_add_func ("/comptoir/core/shift/deterministic-ids", test_deterministic_ids);
  g_test_add ("/comptoir/core/shift/book", Fixture, NULL, fixture_set_up, test_book, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/exchange", Fixture, NULL, fixture_set_up, test_exchange, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/check-in", Fixture, NULL, fixture_set_up, test_check_in, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/absent", Fixture, NULL, fixture_set_up, test_absent, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/arbiter", Fixture, NULL, fixture_set_up, test_arbiter, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/release-member", Fixture, NULL, fixture_set_up, test_release_member,
              fixture_tear_down);

  return g_test_run ();
}
