/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-shift.h"

/* The cycle's templates and squads, the slots generated from them and
 * listed by week, closing days, the ids two machines agree on, and the
 * shift rules. What members do with their seats is in
 * test-shift-seats.c. */

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comptoir/core/shift/names", test_names);
  g_test_add ("/comptoir/core/shift/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/comptoir/core/shift/generate", Fixture, NULL, fixture_set_up, test_generate, fixture_tear_down);
  g_test_add_func ("/comptoir/core/shift/deterministic-ids", test_deterministic_ids);
  g_test_add ("/comptoir/core/shift/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);

  return g_test_run ();
}
