/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"
#include "test-member-status.h"

/* Property: whatever the order operations come in (late validations,
 * leaves added afterwards, a change of participation, leaving), the
 * status kept up to date entry by entry equals the status computed from
 * the whole ledger from scratch, and both equal what a plain day-by-day
 * reading of the rules gives. Seeded, so that a failure can be replayed:
 * the seed and step are in the test's messages. */

#define N_SEQUENCES 150
#define N_STEPS     80
#define SPAN        500

typedef struct {
  ComptoirStatusRules rules;
  ComptoirMemberFacts facts;
  GArray             *entries;  /* ComptoirLedgerEntry, in the order they were recorded */
  GArray             *leaves;   /* ComptoirLeave */
} Model;

static void
entry_free_strings (gpointer data)
{
  ComptoirLedgerEntry *entry = data;

  g_free (entry->reason);
  g_free (entry->related_member_id);
}

static void
random_id (GRand *rand,
           char  *out)
{
  g_snprintf (out, COMPTOIR_ID_LEN + 1, "%08x-%04x-7%03x-8%03x-%04x%08x", g_rand_int (rand),
              g_rand_int_range (rand, 0, 0x10000), g_rand_int_range (rand, 0, 0x1000),
              g_rand_int_range (rand, 0, 0x1000), g_rand_int_range (rand, 0, 0x10000), g_rand_int (rand));
}

static void
random_entry (GRand               *rand,
              ComptoirDay          base,
              ComptoirLedgerEntry *entry)
{
  memset (entry, 0, sizeof *entry);
  random_id (rand, entry->id);
  entry->effective_on = base + g_rand_int_range (rand, 0, SPAN);
  entry->kind = (ComptoirLedgerKind) g_rand_int_range (rand, 0, COMPTOIR_LEDGER_CYCLE_DUES + 1);
  switch (entry->kind)
    {
    case COMPTOIR_LEDGER_SHIFT_DONE:
      entry->points = g_rand_int_range (rand, 0, 2);
      break;
    case COMPTOIR_LEDGER_SHIFT_MISSED:
      entry->points = -g_rand_int_range (rand, 1, 3);
      break;
    case COMPTOIR_LEDGER_MAKEUP_DONE:
      entry->points = 1;
      break;
    case COMPTOIR_LEDGER_LATE_CANCEL:
    case COMPTOIR_LEDGER_CYCLE_DUES:
      entry->points = -g_rand_int_range (rand, 0, 3);
      break;
    case COMPTOIR_LEDGER_CORRECTION:
      entry->points = g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 4) : -g_rand_int_range (rand, 1, 4);
      entry->reason = g_strdup_printf ("reason %u", g_rand_int (rand));
      break;
    case COMPTOIR_LEDGER_MERGE_OUT:
    case COMPTOIR_LEDGER_MERGE_IN:
    default:
      entry->points = g_rand_int_range (rand, -3, 4);
      entry->related_member_id = g_strdup ("0190f1f0-0000-7000-8000-00000000abcd");
      break;
    }
}

static void
random_facts (GRand     *rand,
              ComptoirDay base,
              Model     *model)
{
  guint p = g_rand_int_range (rand, 0, 20);

  model->facts.participation = p < 9 ? COMPTOIR_PARTICIPATION_STANDARD
                               : p < 18 ? COMPTOIR_PARTICIPATION_FLYING : COMPTOIR_PARTICIPATION_EXEMPT;
  model->facts.participation_since = g_rand_int_range (rand, 0, 4) == 0 ? COMPTOIR_DAY_NONE
                                     : base - 60 + g_rand_int_range (rand, 0, SPAN);
}

/* ------------------------------------------------------------------ */
/* The rules read plainly, day by day: the oracle. */

static gboolean
oracle_in_leave (const Model *model,
                 gint64       from,
                 gint64       to)
{
  for (guint i = 0; i < model->leaves->len; i++)
    {
      const ComptoirLeave *l = &g_array_index (model->leaves, ComptoirLeave, i);

      if (l->from_on <= to && (l->to_on == COMPTOIR_DAY_NONE || l->to_on >= from))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  gint64 day;
  gint64 delta;
} Event;

static void
oracle (const Model              *model,
        ComptoirDay               today,
        ComptoirMemberStatusKind *out_kind,
        gint64                   *out_counter,
        ComptoirDay              *out_deadline)
{
  const ComptoirStatusRules *r = &model->rules;
  const ComptoirMemberFacts *f = &model->facts;
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  gint64 below = -(gint64) r->tolerated_missed, counter = 0, since = 0, last_day = -1;

  for (guint i = 0; i < model->entries->len; i++)
    {
      const ComptoirLedgerEntry *e = &g_array_index (model->entries, ComptoirLedgerEntry, i);
      gboolean penalty = (e->kind == COMPTOIR_LEDGER_SHIFT_MISSED || e->kind == COMPTOIR_LEDGER_LATE_CANCEL) &&
                         e->points < 0;
      gboolean exempt = f->participation == COMPTOIR_PARTICIPATION_EXEMPT &&
                        (f->participation_since == COMPTOIR_DAY_NONE || e->effective_on >= f->participation_since);
      Event ev = { e->effective_on, e->points };

      if (e->effective_on > today)
        continue;
      if (penalty && (exempt || oracle_in_leave (model, e->effective_on, e->effective_on)))
        ev.delta = 0;
      g_array_append_val (events, ev);
    }
  if (f->participation == COMPTOIR_PARTICIPATION_FLYING && r->flying_owe_per_cycle &&
      f->participation_since != COMPTOIR_DAY_NONE)
    {
      gint64 len = r->cycle_days, start = r->cycle_start;

      for (gint64 k = -1000; k < 1000; k++)
        {
          gint64 cycle = start + k * len, due = cycle + len;
          Event ev = { due, oracle_in_leave (model, cycle, due - 1) ? 0 : -1 };

          if (cycle < f->participation_since)
            continue;
          if (due > today || (f->left_on != COMPTOIR_DAY_NONE && due > f->left_on))
            break;
          g_array_append_val (events, ev);
        }
    }

  /* The counter at the end of each day something happened. */
  for (;;)
    {
      gint64 next = G_MAXINT64, end = 0;

      for (guint i = 0; i < events->len; i++)
        {
          const Event *ev = &g_array_index (events, Event, i);

          if (ev->day > last_day && ev->day < next)
            next = ev->day;
        }
      if (next == G_MAXINT64)
        break;
      for (guint i = 0; i < events->len; i++)
        if (g_array_index (events, Event, i).day <= next)
          end += g_array_index (events, Event, i).delta;
      if (end < below)
        since = since != 0 ? since : next;
      else
        since = 0;
      counter = end;
      last_day = next;
    }

  *out_counter = counter;
  *out_deadline = COMPTOIR_DAY_NONE;
  if (f->left_on != COMPTOIR_DAY_NONE && f->left_on <= today)
    *out_kind = COMPTOIR_MEMBER_UNSUBSCRIBED;
  else if (f->participation == COMPTOIR_PARTICIPATION_EXEMPT || oracle_in_leave (model, today, today))
    *out_kind = COMPTOIR_MEMBER_EXEMPTED;
  else if (counter < below)
    {
      /* The grace days are days off leave; a leave not ended yet runs
       * to today. */
      gint64 deadline = since;

      for (guint remaining = r->grace_days; remaining > 0; deadline++)
        {
          gboolean on_leave = FALSE;

          for (guint i = 0; i < model->leaves->len; i++)
            {
              const ComptoirLeave *l = &g_array_index (model->leaves, ComptoirLeave, i);
              gint64 to = l->to_on != COMPTOIR_DAY_NONE ? l->to_on : MAX (today, l->from_on);

              on_leave = on_leave || (l->from_on <= deadline && deadline <= to);
            }
          if (!on_leave)
            remaining--;
        }
      *out_deadline = (ComptoirDay) deadline;
      *out_kind = today >= deadline ? COMPTOIR_MEMBER_SUSPENDED : COMPTOIR_MEMBER_ALERT;
    }
  else
    *out_kind = COMPTOIR_MEMBER_UP_TO_DATE;
}

/* ------------------------------------------------------------------ */

/* The incremental status after the member's facts changed: its entries
 * again, in the order they were recorded (late ones included). */
static void
reapply (ComptoirMemberStatus *status,
         Model                *model)
{
  model->facts.leaves = (const ComptoirLeave *) model->leaves->data;
  model->facts.n_leaves = model->leaves->len;
  comptoir_member_status_init (status, &model->rules, &model->facts);
  for (guint i = 0; i < model->entries->len; i++)
    comptoir_member_status_apply (status, &g_array_index (model->entries, ComptoirLedgerEntry, i));
}

static void
test_incremental_equals_scratch (void)
{
  ComptoirDay base = comptoir_day_from_iso ("2024-06-03");
  guint seen[COMPTOIR_MEMBER_UNSUBSCRIBED + 1] = { 0 };
  guint n_late = 0, n_waived = 0;

  for (guint seq = 0; seq < N_SEQUENCES; seq++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (20251123 + seq);
      g_auto (ComptoirMemberStatus) status = { 0 };
      Model model = { 0 };
      ComptoirDay last_day = 0;

      comptoir_status_rules_init_default (&model.rules);
      model.rules.cycle_days = g_rand_boolean (rand) ? 7 * g_rand_int_range (rand, 1, 6) : g_rand_int_range (rand, 7, 61);
      model.rules.cycle_start = base - 100 + g_rand_int_range (rand, 0, 200);
      model.rules.grace_days = g_rand_int_range (rand, 0, 42);
      model.rules.tolerated_missed = g_rand_int_range (rand, 0, 3);
      model.rules.flying_owe_per_cycle = g_rand_int_range (rand, 0, 4) != 0;
      g_strlcpy (model.facts.member_id, "0190f1f0-0000-7000-8000-000000000001", sizeof model.facts.member_id);
      model.facts.number = seq;
      random_facts (rand, base, &model);
      model.entries = g_array_new (FALSE, FALSE, sizeof (ComptoirLedgerEntry));
      g_array_set_clear_func (model.entries, entry_free_strings);
      model.leaves = g_array_new (FALSE, FALSE, sizeof (ComptoirLeave));
      reapply (&status, &model);

      for (guint step = 0; step < N_STEPS; step++)
        {
          g_auto (ComptoirMemberStatus) scratch = { 0 };
          ComptoirMemberStatusKind kind;
          gint64 counter;
          ComptoirDay deadline, today;
          guint what = g_rand_int_range (rand, 0, 100);

          if (what < 75)
            {
              ComptoirLedgerEntry entry;

              random_entry (rand, base, &entry);
              n_late += entry.effective_on < last_day;
              last_day = MAX (last_day, entry.effective_on);
              g_array_append_val (model.entries, entry);
              comptoir_member_status_apply (&status, &entry);
            }
          else
            {
              if (what < 87)
                {
                  ComptoirLeave leave = { .kind = (ComptoirLeaveKind) g_rand_int_range (rand, 0, 4) };

                  random_id (rand, leave.id);
                  leave.from_on = base + g_rand_int_range (rand, 0, SPAN);
                  leave.to_on = g_rand_int_range (rand, 0, 6) == 0 ? COMPTOIR_DAY_NONE
                                : leave.from_on + g_rand_int_range (rand, 0, 45);
                  g_array_append_val (model.leaves, leave);
                }
              else if (what < 95)
                random_facts (rand, base, &model);
              else
                model.facts.left_on = g_rand_boolean (rand) ? COMPTOIR_DAY_NONE
                                      : base + g_rand_int_range (rand, 0, SPAN);
              reapply (&status, &model);
            }

          today = base + g_rand_int_range (rand, 0, SPAN + 60);
          comptoir_member_status_finish (&status, today);
          comptoir_member_status_compute_from (&model.rules, &model.facts,
                                               (const ComptoirLedgerEntry *) model.entries->data,
                                               model.entries->len, today, &scratch);
          if (!comptoir_member_status_equal (&status, &scratch))
            {
              g_autofree char *a = test_explain (&status);
              g_autofree char *b = test_explain (&scratch);

              g_test_message ("sequence %u step %u: incremental %s\nfrom scratch %s", seq, step, a, b);
              g_assert_not_reached ();
            }
          oracle (&model, today, &kind, &counter, &deadline);
          if (kind != status.kind || counter != status.counter || deadline != status.deadline)
            {
              g_autofree char *a = test_explain (&status);

              for (guint i = 0; i < model.leaves->len; i++)
                {
                  const ComptoirLeave *l = &g_array_index (model.leaves, ComptoirLeave, i);
                  char from[11], to[11];

                  comptoir_day_to_iso (l->from_on, from);
                  comptoir_day_to_iso (l->to_on, to);
                  g_test_message ("leave %s to %s", from, to);
                }
              g_test_message ("today %u, grace %u days, alert since %u", today, model.rules.grace_days,
                              status.alert_since);

              g_test_message ("sequence %u step %u: %s %lld %u, the rules say %s %lld %u\n%s", seq, step,
                              comptoir_member_status_kind_to_string (status.kind), (long long) status.counter,
                              status.deadline, comptoir_member_status_kind_to_string (kind), (long long) counter,
                              deadline, a);
              g_assert_not_reached ();
            }
          seen[status.kind]++;
          for (guint i = 0; i < status.lines->len; i++)
            n_waived += g_array_index (status.lines, ComptoirStatusLine, i).waived;
        }
      g_array_unref (model.entries);
      g_array_unref (model.leaves);
    }

  /* Not a vacuous property: every status came up, and late entries and
   * waived penalties too. */
  for (guint k = 0; k < G_N_ELEMENTS (seen); k++)
    {
      g_test_message ("%s: %u", comptoir_member_status_kind_to_string (k), seen[k]);
      g_assert_cmpuint (seen[k], >, N_SEQUENCES);
    }
  g_assert_cmpuint (n_late, >, N_SEQUENCES);
  g_assert_cmpuint (n_waived, >, N_SEQUENCES);
}

/* ------------------------------------------------------------------ */
/* The same through the write API and the database: each member's status
 * kept up to date from the entries each operation wrote equals the one
 * computed for that member, and the one of the pass over all members. */

#define N_DB_MEMBERS 5
#define N_DB_STEPS   400

typedef struct {
  char                 *id;
  ComptoirMemberStatus  status;
} DbMember;

static void
read_new_entries (ComptoirDb *db,
                  gint64     *last_rowid,
                  DbMember   *members,
                  guint       n_members,
                  gboolean    apply)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT rowid, member_id, id, effective_on, kind, points, reason, related_member_id "
                             "FROM counter_entry WHERE rowid > ?1 ORDER BY rowid", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, *last_rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ComptoirLedgerEntry entry = { 0 };

      *last_rowid = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (entry.id, (const char *) sqlite3_column_text (stmt, 2), sizeof entry.id);
      entry.effective_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      g_assert_true (comptoir_ledger_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &entry.kind));
      entry.points = sqlite3_column_int64 (stmt, 5);
      entry.reason = (char *) sqlite3_column_text (stmt, 6);
      entry.related_member_id = (char *) sqlite3_column_text (stmt, 7);
      for (guint m = 0; apply && m < n_members; m++)
        if (g_str_equal (members[m].id, (const char *) sqlite3_column_text (stmt, 1)))
          comptoir_member_status_apply (&members[m].status, &entry);
    }
}

/* After a change of the member's facts: their status from their facts
 * and, one by one in the order they were written, their entries. */
static void
rebuild (ComptoirDb *db,
         DbMember   *member)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberStatus) current = { 0 };
  ComptoirStatusRules rules;
  gint64 rowid = 0;

  /* The facts as the database holds them, read by the computation. */
  g_assert_true (comptoir_member_status_compute (db, member->id, comptoir_day_today (), &current, &error));
  g_assert_true (comptoir_settings_load_status_rules (db, &rules, &error));
  g_assert_no_error (error);
  comptoir_member_status_init (&member->status, &rules, &current.facts);
  read_new_entries (db, &rowid, member, 1, TRUE);
}

static gboolean
compare_all (const ComptoirMemberStatus *status,
             gpointer                    user_data)
{
  DbMember *members = user_data;

  for (guint m = 0; m < N_DB_MEMBERS; m++)
    if (g_str_equal (members[m].id, status->facts.member_id))
      g_assert_true (comptoir_member_status_equal (status, &members[m].status));
  return TRUE;
}

static void
test_database (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);
  DbMember members[N_DB_MEMBERS] = { { 0 } };
  ComptoirDay today = comptoir_day_today (), base = today - SPAN;
  gint64 rowid = 0;
  guint n_ok = 0, n_refused = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_STATUS_RULES,
                                        "{\"cycle_days\": 21, \"grace_days\": 14, \"tolerated_missed\": 1}", &error));
  for (guint m = 0; m < N_DB_MEMBERS; m++)
    {
      members[m].id = test_add_member (f->db, m + 1);
      rebuild (f->db, &members[m]);
    }

  for (guint step = 0; step < N_DB_STEPS; step++)
    {
      DbMember *member = &members[g_rand_int_range (rand, 0, N_DB_MEMBERS)];
      ComptoirDay on = base + g_rand_int_range (rand, 0, SPAN + 1);
      guint what = g_rand_int_range (rand, 0, 100);
      gboolean facts_changed = FALSE, ok;

      if (what < 70)
        ok = comptoir_member_record_shift (f->db, member->id, (ComptoirLedgerKind) g_rand_int_range (rand, 0, 4),
                                           on, NULL, NULL, &error);
      else if (what < 78)
        ok = comptoir_member_correct (f->db, member->id, on, g_rand_boolean (rand) ? 1 : -1, "Correction", NULL,
                                      &error);
      else if (what < 88)
        {
          g_autofree char *leave = comptoir_member_start_leave (f->db, member->id, COMPTOIR_LEAVE_HOLIDAY, on,
                                                               on + g_rand_int_range (rand, 0, 30), &error);
          ok = facts_changed = leave != NULL;
        }
      else if (what < 99)
        ok = facts_changed = comptoir_member_set_participation (f->db, member->id,
                                                                (ComptoirParticipation) g_rand_int_range (rand, 0, 3),
                                                                on, &error);
      else
        {
          DbMember *other = &members[g_rand_int_range (rand, 0, N_DB_MEMBERS)];

          ok = comptoir_member_merge (f->db, member->id, other->id, today, NULL, &error);
          if (ok)
            {
              read_new_entries (f->db, &rowid, members, N_DB_MEMBERS, TRUE);
              rebuild (f->db, member);
            }
        }
      /* Members who left, and exempt members' missed shifts, are refused. */
      if (!ok)
        {
          g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
          g_clear_error (&error);
          n_refused++;
          continue;
        }
      n_ok++;
      read_new_entries (f->db, &rowid, members, N_DB_MEMBERS, !facts_changed);
      if (facts_changed)
        rebuild (f->db, member);

      for (guint m = 0; m < N_DB_MEMBERS; m++)
        {
          g_auto (ComptoirMemberStatus) computed = { 0 };
          ComptoirDay judged = today - g_rand_int_range (rand, 0, 60);

          comptoir_member_status_finish (&members[m].status, judged);
          g_assert_true (comptoir_member_status_compute (f->db, members[m].id, judged, &computed, &error));
          g_assert_no_error (error);
          g_assert_true (comptoir_member_status_equal (&members[m].status, &computed));
        }
      if (step % 20 == 0)
        {
          for (guint m = 0; m < N_DB_MEMBERS; m++)
            comptoir_member_status_finish (&members[m].status, today);
          g_assert_true (comptoir_member_status_compute_all (f->db, today, compare_all, members, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpuint (n_ok, >, N_DB_STEPS / 2);
  g_test_message ("%u operations, %u refused", n_ok, n_refused);
  for (guint m = 0; m < N_DB_MEMBERS; m++)
    {
      comptoir_member_status_clear (&members[m].status);
      g_free (members[m].id);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/member-status/property/incremental", test_incremental_equals_scratch);
  g_test_add ("/comptoir/core/member-status/property/database", Fixture, NULL, fixture_set_up, test_database,
              fixture_tear_down);
  return g_test_run ();
}
