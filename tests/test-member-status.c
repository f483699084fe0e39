/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"
#include "test-member-status.h"

/* The status rules, case by case, through the same operations the
 * member page and the CLI use. Each case covers one of the ways other
 * cooperatives' trackers got a counter wrong (a counter edited in place,
 * recomputed by a nightly job). Dates are in 2025; the cycles of the
 * default rules start on 2024-12-30, 2025-01-27, 2025-02-24, 2025-03-24. */

typedef struct {
  const char *op;      /* done missed makeup late correct leave flying standard exempt left merge;
                        * "B:" does it to member B instead of A */
  const char *on;
  const char *to;      /* leave: its end, or NULL */
  const char *text;    /* correction: the reason; leave: its kind */
  gint64      points;  /* correction */
} CaseOp;

typedef struct {
  const char               *name;
  const char               *rules;        /* the setting, or NULL for the defaults */
  CaseOp                    ops[8];
  const char               *today;
  ComptoirMemberStatusKind  kind;
  gint64                    counter;
  const char               *deadline;     /* NULL: none */
  const char               *explanation;
} StatusCase;

static const StatusCase cases[] = {
  /* Cancellations. */
  { "late-cancel-then-forgiven", NULL,
    { { "late", "2025-03-03" }, { "correct", "2025-03-05", NULL, "Annulé pour maladie, certificat reçu", 1 } },
    "2025-04-15", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-03-03 late_cancel -1 =-1; 2025-03-05 correction +1 =0" },
  { "late-cancel-alone", NULL, { { "late", "2025-03-03" } },
    "2025-04-15", COMPTOIR_MEMBER_SUSPENDED, -1, "2025-03-31", "2025-03-03 late_cancel -1 =-1" },
  { "late-cancel-free", "{\"late_cancel_points\": 0}", { { "late", "2025-03-03" } },
    "2025-04-15", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL, "2025-03-03 late_cancel +0 =0" },
  /* Merging two accounts keeps both counters. */
  { "merge-credit", NULL,
    { { "B:missed", "2025-02-03" }, { "B:makeup", "2025-02-10" }, { "B:makeup", "2025-02-17" },
      { "missed", "2025-03-03" }, { "merge", "2025-03-10" } },
    "2025-05-01", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-03-03 shift_missed -1 =-1; 2025-03-10 merge_in +1 =0" },
  { "merge-debt", NULL,
    { { "B:missed", "2025-02-03" }, { "B:missed", "2025-02-10" }, { "merge", "2025-03-10" } },
    "2025-03-20", COMPTOIR_MEMBER_ALERT, -2, "2025-04-07", "2025-03-10 merge_in -2 =-2" },
  /* A validation recorded late counts on the day of the shift. */
  { "late-validation-standard", NULL,
    { { "missed", "2025-03-03" }, { "done", "2025-03-31" }, { "makeup", "2025-03-20" } },
    "2025-04-10", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-03-03 shift_missed -1 =-1; 2025-03-20 makeup_done +1 =0; 2025-03-31 shift_done +0 =0" },
  { "flying-before-late-validation", NULL,
    { { "flying", "2024-12-30" }, { "done", "2025-02-20" } },
    "2025-03-01", COMPTOIR_MEMBER_ALERT, -1, "2025-03-24",
    "2025-01-27 cycle_due -1 =-1; 2025-02-20 shift_done +1 =0; 2025-02-24 cycle_due -1 =-1" },
  { "flying-late-validation", NULL,
    { { "flying", "2024-12-30" }, { "done", "2025-02-20" }, { "done", "2025-01-20" } },
    "2025-03-01", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-01-20 shift_done +1 =1; 2025-01-27 cycle_due -1 =0; 2025-02-20 shift_done +1 =1; "
    "2025-02-24 cycle_due -1 =0" },
  /* The makeup counts for whoever worked it, whoever's slot it was. */
  { "makeup-after-exchange", NULL,
    { { "missed", "2025-03-03" }, { "makeup", "2025-03-17" }, { "B:done", "2025-03-31" } },
    "2025-04-05", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-03-03 shift_missed -1 =-1; 2025-03-17 makeup_done +1 =0" },
  /* Leaves. */
  { "missed-during-leave", NULL,
    { { "leave", "2025-03-01", "2025-03-15", "holiday" }, { "missed", "2025-03-10" } },
    "2025-04-01", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-03-01 leave:holiday =0; 2025-03-10 shift_missed -1 waived =0" },
  { "leave-pushes-deadline", NULL,
    { { "missed", "2025-03-03" }, { "leave", "2025-03-10", "2025-03-19", "medical" } },
    "2025-04-05", COMPTOIR_MEMBER_ALERT, -1, "2025-04-10",
    "2025-03-03 shift_missed -1 =-1; 2025-03-10 leave:medical =-1" },
  { "on-leave-today", NULL,
    { { "missed", "2025-03-03" }, { "leave", "2025-04-01", NULL, "holiday" } },
    "2025-04-20", COMPTOIR_MEMBER_EXEMPTED, -1, NULL,
    "2025-03-03 shift_missed -1 =-1; 2025-04-01 leave:holiday =-1" },
  { "flying-leave-waives-cycle", NULL,
    { { "flying", "2024-12-30" }, { "done", "2025-01-20" }, { "leave", "2025-02-01", "2025-02-10", "parental" } },
    "2025-03-01", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL,
    "2025-01-20 shift_done +1 =1; 2025-01-27 cycle_due -1 =0; 2025-02-01 leave:parental =0; "
    "2025-02-24 cycle_due -1 waived =0" },
  /* Cycle lengths other than 28 days: the same member, three shops. */
  { "cycle-21-days", "{\"cycle_days\": 21}",
    { { "flying", "2025-01-06" }, { "done", "2025-01-20" } },
    "2025-03-31", COMPTOIR_MEMBER_SUSPENDED, -2, "2025-03-24",
    "2025-01-20 shift_done +1 =1; 2025-02-03 cycle_due -1 =0; 2025-02-24 cycle_due -1 =-1; "
    "2025-03-17 cycle_due -1 =-2" },
  { "cycle-28-days", NULL,
    { { "flying", "2025-01-06" }, { "done", "2025-01-20" } },
    "2025-03-31", COMPTOIR_MEMBER_ALERT, -1, "2025-04-21",
    "2025-01-20 shift_done +1 =1; 2025-02-24 cycle_due -1 =0; 2025-03-24 cycle_due -1 =-1" },
  { "cycle-35-days", "{\"cycle_days\": 35}",
    { { "flying", "2025-01-06" }, { "done", "2025-01-20" } },
    "2025-03-31", COMPTOIR_MEMBER_ALERT, -1, "2025-04-28",
    "2025-01-20 shift_done +1 =1; 2025-02-24 cycle_due -1 =0; 2025-03-31 cycle_due -1 =-1" },
  { "flying-owe-nothing", "{\"flying_owe_per_cycle\": false}",
    { { "flying", "2025-01-06" } },
    "2025-03-31", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL, "" },
  { "flying-becomes-standard", NULL,
    { { "flying", "2024-12-30" }, { "standard", "2025-03-10" } },
    "2025-04-01", COMPTOIR_MEMBER_ALERT, -2, "2025-04-07", "2025-03-10 cycle_dues -2 =-2" },
  /* Leaving, exemption. */
  { "unsubscribed", NULL,
    { { "missed", "2025-03-03" }, { "left", "2025-04-01" } },
    "2025-04-15", COMPTOIR_MEMBER_UNSUBSCRIBED, -1, NULL, "2025-03-03 shift_missed -1 =-1" },
  { "leaving-later", NULL,
    { { "left", "2025-05-01" } },
    "2025-04-15", COMPTOIR_MEMBER_UP_TO_DATE, 0, NULL, "" },
  { "exempt", NULL,
    { { "exempt", "2025-02-01" }, { "done", "2025-03-01" } },
    "2025-04-01", COMPTOIR_MEMBER_EXEMPTED, 1, NULL, "2025-03-01 shift_done +1 =1" },
  /* The rules are data. */
  { "one-missed-tolerated", "{\"tolerated_missed\": 1}",
    { { "missed", "2025-03-03" } },
    "2025-04-20", COMPTOIR_MEMBER_UP_TO_DATE, -1, NULL, "2025-03-03 shift_missed -1 =-1" },
  { "two-missed-one-tolerated", "{\"tolerated_missed\": 1}",
    { { "missed", "2025-03-03" }, { "missed", "2025-03-10" } },
    "2025-04-15", COMPTOIR_MEMBER_SUSPENDED, -2, "2025-04-07",
    "2025-03-03 shift_missed -1 =-1; 2025-03-10 shift_missed -1 =-2" },
  { "grace-14-days", "{\"grace_days\": 14}",
    { { "missed", "2025-03-03" } },
    "2025-03-20", COMPTOIR_MEMBER_SUSPENDED, -1, "2025-03-17", "2025-03-03 shift_missed -1 =-1" },
  { "missed-costs-two", "{\"missed_points\": -2}",
    { { "missed", "2025-03-03" }, { "makeup", "2025-03-10" } },
    "2025-03-20", COMPTOIR_MEMBER_ALERT, -1, "2025-03-31",
    "2025-03-03 shift_missed -2 =-2; 2025-03-10 makeup_done +1 =-1" },
  { "alert-starts-again", NULL,
    { { "missed", "2025-03-03" }, { "makeup", "2025-03-10" }, { "missed", "2025-04-07" } },
    "2025-04-20", COMPTOIR_MEMBER_ALERT, -1, "2025-05-05",
    "2025-03-03 shift_missed -1 =-1; 2025-03-10 makeup_done +1 =0; 2025-04-07 shift_missed -1 =-1" },
  { "deadline-day-suspends", NULL,
    { { "missed", "2025-03-03" } },
    "2025-03-31", COMPTOIR_MEMBER_SUSPENDED, -1, "2025-03-31", "2025-03-03 shift_missed -1 =-1" },
  { "day-before-deadline", NULL,
    { { "missed", "2025-03-03" } },
    "2025-03-30", COMPTOIR_MEMBER_ALERT, -1, "2025-03-31", "2025-03-03 shift_missed -1 =-1" },
};

static ComptoirDay
day (const char *iso)
{
  ComptoirDay d = comptoir_day_from_iso (iso);

  g_assert_cmpuint (d, !=, COMPTOIR_DAY_NONE);
  return d;
}

static void
run_op (Fixture      *f,
        const CaseOp *op,
        const char   *a,
        const char   *b)
{
  g_autoptr (GError) error = NULL;
  const char *member = g_str_has_prefix (op->op, "B:") ? b : a;
  const char *name = g_str_has_prefix (op->op, "B:") ? op->op + 2 : op->op;
  gboolean ok = FALSE;

  if (g_str_equal (name, "done") || g_str_equal (name, "missed") || g_str_equal (name, "makeup") ||
      g_str_equal (name, "late"))
    {
      ComptoirLedgerKind kind = g_str_equal (name, "done")   ? COMPTOIR_LEDGER_SHIFT_DONE
                                : g_str_equal (name, "missed") ? COMPTOIR_LEDGER_SHIFT_MISSED
                                : g_str_equal (name, "makeup") ? COMPTOIR_LEDGER_MAKEUP_DONE
                                                               : COMPTOIR_LEDGER_LATE_CANCEL;
      ok = comptoir_member_record_shift (f->db, member, kind, day (op->on), NULL, NULL, &error);
    }
  else if (g_str_equal (name, "correct"))
    ok = comptoir_member_correct (f->db, member, day (op->on), op->points, op->text, NULL, &error);
  else if (g_str_equal (name, "leave"))
    {
      g_autofree char *id = NULL;
      ComptoirLeaveKind kind;

      g_assert_true (comptoir_leave_kind_from_string (op->text, &kind));
      id = comptoir_member_start_leave (f->db, member, kind, day (op->on),
                                        op->to != NULL ? day (op->to) : COMPTOIR_DAY_NONE, &error);
      ok = id != NULL;
    }
  else if (g_str_equal (name, "flying") || g_str_equal (name, "standard") || g_str_equal (name, "exempt"))
    {
      ComptoirParticipation participation;

      g_assert_true (comptoir_participation_from_string (name, &participation));
      ok = comptoir_member_set_participation (f->db, member, participation, day (op->on), &error);
    }
  else if (g_str_equal (name, "left"))
    ok = comptoir_member_set_left (f->db, member, day (op->on), &error);
  else if (g_str_equal (name, "merge"))
    ok = comptoir_member_merge (f->db, b, a, day (op->on), NULL, &error);
  else
    g_assert_not_reached ();
  g_assert_no_error (error);
  g_assert_true (ok);
}

typedef struct {
  const char           *member_id;
  ComptoirMemberStatus *found;
  guint                 n_seen;
} FindStatus;

static gboolean
find_status (const ComptoirMemberStatus *status,
             gpointer                    user_data)
{
  FindStatus *find = user_data;

  find->n_seen++;
  if (g_str_equal (status->facts.member_id, find->member_id))
    g_assert_true (comptoir_member_status_equal (status, find->found));
  return TRUE;
}

static void
test_case (gconstpointer data)
{
  const StatusCase *c = data;
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_auto (ComptoirMemberStatus) absorbed = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *explanation = NULL;
  char deadline[11];
  FindStatus find = { 0 };

  fixture_set_up (f, NULL);
  a = test_add_member (f->db, 1);
  b = test_add_member (f->db, 2);
  if (c->rules != NULL)
    {
      g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES, c->rules, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (c->ops) && c->ops[i].op != NULL; i++)
    run_op (f, &c->ops[i], a, b);

  g_assert_true (comptoir_member_status_compute (f->db, a, day (c->today), &status, &error));
  g_assert_no_error (error);
  explanation = test_explain (&status);
  g_assert_cmpstr (explanation, ==, c->explanation);
  g_assert_cmpstr (comptoir_member_status_kind_to_string (status.kind), ==,
                   comptoir_member_status_kind_to_string (c->kind));
  g_assert_cmpint (status.counter, ==, c->counter);
  comptoir_day_to_iso (status.deadline, deadline);
  g_assert_cmpstr (deadline, ==, c->deadline != NULL ? c->deadline : "");
  g_assert_cmpint (status.today, ==, day (c->today));

  /* Every member in one pass: the same status, line by line. */
  find.member_id = a;
  find.found = &status;
  g_assert_true (comptoir_member_status_compute_all (f->db, day (c->today), find_status, &find, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (find.n_seen, ==, 2);

  /* The absorbed account is closed, with its history and a counter of 0. */
  if (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry WHERE kind = 'merge_out'") > 0)
    {
      g_assert_true (comptoir_member_status_compute (f->db, b, day (c->today), &absorbed, &error));
      g_assert_cmpint (absorbed.kind, ==, COMPTOIR_MEMBER_UNSUBSCRIBED);
      g_assert_cmpint (absorbed.counter, ==, 0);
      g_assert_cmpint (fixture_query_int (f->db, "SELECT sum (points) FROM counter_entry WHERE kind LIKE 'merge%'"),
                       ==, 0);
    }
  fixture_tear_down (f, NULL);
}

/* Refusals: said in words, and nothing written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = test_add_member (f->db, 1);
  g_autofree char *b = test_add_member (f->db, 2);
  g_autofree char *leave = NULL;
  ComptoirDay today = comptoir_day_today ();
  gint64 log_before;

  g_assert_false (comptoir_member_correct (f->db, a, today, 1, "  ", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Say why"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_correct (f->db, a, today, 0, "Rien", NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_member_correct (f->db, a, today, 1, "Badge", "0190f1f0-0000-7000-8000-000000000000", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comptoir_member_record_shift (f->db, a, COMPTOIR_LEDGER_SHIFT_DONE, today + 1, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "up to today"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_record_shift (f->db, "nobody", COMPTOIR_LEDGER_SHIFT_DONE, today, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comptoir_member_merge (f->db, a, a, today, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (comptoir_member_start_leave (f->db, a, COMPTOIR_LEAVE_HOLIDAY, today, today - 1, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  leave = comptoir_member_start_leave (f->db, a, COMPTOIR_LEAVE_HOLIDAY, today - 10, COMPTOIR_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (comptoir_member_end_leave (f->db, leave, today - 11, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_member_end_leave (f->db, leave, today - 2, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member_leave WHERE to_on IS NOT NULL"), ==, 1);

  g_assert_true (comptoir_member_set_participation (f->db, b, COMPTOIR_PARTICIPATION_EXEMPT, today, &error));
  g_assert_false (comptoir_member_record_shift (f->db, b, COMPTOIR_LEDGER_SHIFT_MISSED, today, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "exempt"));
  g_clear_error (&error);
  g_assert_true (comptoir_member_set_left (f->db, b, today, &error));
  g_assert_false (comptoir_member_record_shift (f->db, b, COMPTOIR_LEDGER_SHIFT_DONE, today, NULL, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "left the cooperative"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_merge (f->db, a, b, today, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry"), ==, 0);

  /* The ledger cannot be edited, even by hand. */
  g_assert_true (comptoir_member_record_shift (f->db, a, COMPTOIR_LEDGER_SHIFT_MISSED, today, "slot-1", NULL, &error));
  log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  g_assert_cmpint (sqlite3_exec (comptoir_db_get_handle (f->db), "UPDATE counter_entry SET points = 0",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (comptoir_db_get_handle (f->db), "DELETE FROM counter_entry", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT points FROM counter_entry"), ==, -1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry WHERE slot_id = 'slot-1'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE tbl = 'counter_entry'"), ==, 1);
}

/* A merge is one unit: two entries, one change-log entry for both. */
static void
test_merge_atomic (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = test_add_member (f->db, 1);
  g_autofree char *b = test_add_member (f->db, 2);
  ComptoirDay today = comptoir_day_today ();
  gint64 log_before;

  g_assert_true (comptoir_member_record_shift (f->db, b, COMPTOIR_LEDGER_MAKEUP_DONE, today - 3, NULL, NULL, &error));
  log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  g_assert_true (comptoir_member_merge (f->db, b, a, today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before + 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE tbl = 'counter_entry' "
                                             "AND json_array_length (payload, '$.rows') = 2"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member WHERE left_on IS NOT NULL"), ==, 1);
}

static void
test_rules_json (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  ComptoirStatusRules rules, back;
  const char *bad[] = {
    "{\"cycle_days\": 0}", "{\"cycle_days\": \"28\"}", "{\"grace_days\": -1}", "{\"cycle_start\": \"2025-02-30\"}",
    "{\"missed_points\": 1}", "{\"flying_owe_per_cycle\": 1}", "{\"cycle_lenght\": 28}", "[28]", "",
  };

  comptoir_status_rules_init_default (&rules);
  g_assert_cmpuint (rules.cycle_days, ==, 28);
  g_assert_cmpuint (rules.grace_days, ==, 28);
  g_assert_cmpuint (rules.tolerated_missed, ==, 0);
  g_assert_true (rules.flying_owe_per_cycle);
  json = comptoir_status_rules_to_json (&rules);
  g_assert_true (comptoir_status_rules_from_json (json, TRUE, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&rules, sizeof rules, &back, sizeof back);

  g_assert_true (comptoir_status_rules_from_json ("{\"cycle_days\": 35, \"cycle_start\": \"2025-01-06\"}", TRUE, &back,
                                                  &error));
  g_assert_cmpuint (back.cycle_days, ==, 35);
  g_assert_cmpuint (back.cycle_start, ==, comptoir_day_from_iso ("2025-01-06"));
  g_assert_cmpuint (back.grace_days, ==, 28);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (comptoir_status_rules_from_json (bad[i], TRUE, &back, &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* A rule from a newer version is ignored where the rules are read. */
  g_assert_true (comptoir_status_rules_from_json ("{\"grace_days\": 14, \"makeup_window\": 3}", FALSE, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (back.grace_days, ==, 14);
  g_assert_false (comptoir_status_rules_from_json ("{\"grace_days\": 400, \"makeup_window\": 3}", FALSE, &back, &error));
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_day_from_iso ("2025-13-01"), ==, COMPTOIR_DAY_NONE);
  g_assert_cmpuint (comptoir_day_from_iso ("2025-1-01"), ==, COMPTOIR_DAY_NONE);
  {
    char text[11];
    comptoir_day_to_iso (comptoir_day_from_iso ("2024-02-29"), text);
    g_assert_cmpstr (text, ==, "2024-02-29");
  }
}

static void
test_rules_setting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirStatusRules rules;

  g_assert_true (comptoir_settings_load_status_rules (f->db, &rules, &error));
  g_assert_cmpuint (rules.cycle_days, ==, 28);
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES, "{\"grace_days\": 400}", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "grace_days"));
  g_clear_error (&error);
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES, "{\"grace_days\": 21}", &error));
  g_assert_true (comptoir_settings_load_status_rules (f->db, &rules, &error));
  g_assert_cmpuint (rules.grace_days, ==, 21);
  g_assert_cmpuint (rules.cycle_days, ==, 28);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/comptoir/core/member-status/case/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add ("/comptoir/core/member-status/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/comptoir/core/member-status/merge-atomic", Fixture, NULL, fixture_set_up, test_merge_atomic,
              fixture_tear_down);
  g_test_add_func ("/comptoir/core/member-status/rules-json", test_rules_json);
  g_test_add ("/comptoir/core/member-status/rules-setting", Fixture, NULL, fixture_set_up, test_rules_setting,
              fixture_tear_down);
  return g_test_run ();
}
