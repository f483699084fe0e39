/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-member-private.h"
#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member-ledger.h"
#include "comptoir-member-ledger-private.h"
#include "comptoir-settings.h"
#include "comptoir-text.h"

/* Each operation checks the member and what it is given, then writes in
 * one transaction: ledger entries as facts (never changed afterwards),
 * the member's participation, leaves and leaving day as reference data
 * merged field by field. */

typedef struct {
  gint64                number;
  ComptoirParticipation participation;
  ComptoirDay           participation_since;
  ComptoirDay           left_on;
} Member;

static gboolean
load_member (ComptoirDb  *db,
             const char  *member_id,
             Member      *out,
             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT number, participation, participation_since, left_on FROM member WHERE id = ?1",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  if (!_comptoir_member_step_one (db, stmt, error))
    return FALSE;
  out->number = sqlite3_column_int64 (stmt, 0);
  if (!comptoir_participation_from_string ((const char *) sqlite3_column_text (stmt, 1), &out->participation))
    out->participation = COMPTOIR_PARTICIPATION_STANDARD;
  out->participation_since = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 2));
  out->left_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

/* until: the last day allowed, COMPTOIR_DAY_NONE for any day. */
static gboolean
check_day_until (ComptoirDay   day,
                 ComptoirDay   until,
                 GError      **error)
{
  char today[11];

  if (day == COMPTOIR_DAY_NONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day as YYYY-MM-DD, such as 2026-03-14."));
      return FALSE;
    }
  if (until != COMPTOIR_DAY_NONE && day > until)
    {
      comptoir_day_to_iso (until, today);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Give a day up to today (%s): the ledger records what has already happened."), today);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_day (ComptoirDay   day,
           gboolean      until_today,
           GError      **error)
{
  return check_day_until (day, until_today ? comptoir_day_today () : COMPTOIR_DAY_NONE, error);
}

/* on: the day an entry counts for; a member leaving later still gets
 * the shifts worked before. COMPTOIR_DAY_NONE: any leaving day refuses. */
static gboolean
check_active_on (const Member  *member,
                 ComptoirDay    on,
                 GError       **error)
{
  char left[11];

  if (member->left_on == COMPTOIR_DAY_NONE || (on != COMPTOIR_DAY_NONE && on < member->left_on))
    return TRUE;
  comptoir_day_to_iso (member->left_on, left);
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("Member %lld left the cooperative on %s: their counter is closed. If the accounts "
                 "were merged, record it for the member who stays."),
               (long long) member->number, left);
  return FALSE;
}

static gboolean
check_active (const Member  *member,
              GError       **error)
{
  return check_active_on (member, COMPTOIR_DAY_NONE, error);
}

static gboolean
check_staff (ComptoirDb  *db,
             const char  *staff_id,
             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  if (staff_id == NULL)
    return TRUE;
  stmt = comptoir_db_prepare (db, "SELECT 1 FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                       _("No member of staff has this identifier: log in again."));
  return FALSE;
}

static ComptoirChange *
new_entry (const char         *member_id,
           ComptoirLedgerKind  kind,
           ComptoirDay         effective_on,
           gint64              points)
{
  ComptoirChange *change = comptoir_change_new ("counter_entry", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  char day[11];

  comptoir_day_to_iso (effective_on, day);
  comptoir_change_set_text (change, "member_id", member_id);
  comptoir_change_set_text (change, "at", at);
  comptoir_change_set_text (change, "effective_on", day);
  comptoir_change_set_text (change, "kind", comptoir_ledger_kind_to_string (kind));
  comptoir_change_set_int (change, "points", points);
  return change;
}

static void
set_optional (ComptoirChange *change,
              const char     *column,
              const char     *value)
{
  if (value != NULL)
    comptoir_change_set_text (change, column, value);
}

/* An operation's arguments, for the function run in its transaction. */
typedef struct {
  const char            *member_id;
  const char            *other_id;      /* merge: the surviving member */
  ComptoirLedgerKind     kind;
  ComptoirDay            day;
  gint64                 points;
  const char            *slot_id;
  const char            *reason;
  const char            *by_staff;
  ComptoirParticipation  participation;
} Op;

static gboolean
record_shift (ComptoirDb  *db,
              gpointer     user_data,
              GError     **error)
{
  const Op *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirStatusRules rules;
  Member member;
  gint64 points = 0;

  if (!load_member (db, op->member_id, &member, error) || !check_active_on (&member, op->day, error) ||
      !check_staff (db, op->by_staff, error) ||
      !comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;

  switch (op->kind)
    {
    case COMPTOIR_LEDGER_SHIFT_DONE:
      points = member.participation == COMPTOIR_PARTICIPATION_STANDARD ? 0 : 1;
      break;
    case COMPTOIR_LEDGER_MAKEUP_DONE:
      points = 1;
      break;
    case COMPTOIR_LEDGER_SHIFT_MISSED:
    case COMPTOIR_LEDGER_LATE_CANCEL:
      if (member.participation == COMPTOIR_PARTICIPATION_EXEMPT)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Member %lld is exempt from shifts: a missed shift or a late cancellation "
                         "does not apply."),
                       (long long) member.number);
          return FALSE;
        }
      points = op->kind == COMPTOIR_LEDGER_SHIFT_MISSED ? rules.missed_points : rules.late_cancel_points;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  change = new_entry (op->member_id, op->kind, op->day, points);
  set_optional (change, "slot_id", op->slot_id);
  set_optional (change, "by_staff", op->by_staff);
  return comptoir_db_insert_fact (db, change, error);
}

gboolean
comptoir_member_record_shift (ComptoirDb          *db,
                              const char          *member_id,
                              ComptoirLedgerKind   kind,
                              ComptoirDay          effective_on,
                              const char          *slot_id,
                              const char          *by_staff,
                              GError             **error)
{
  return _comptoir_member_record_shift_until (db, member_id, kind, effective_on, slot_id, by_staff,
                                              comptoir_day_today (), error);
}

gboolean
_comptoir_member_record_shift_until (ComptoirDb          *db,
                                     const char          *member_id,
                                     ComptoirLedgerKind   kind,
                                     ComptoirDay          effective_on,
                                     const char          *slot_id,
                                     const char          *by_staff,
                                     ComptoirDay          today,
                                     GError             **error)
{
  Op op = { member_id, NULL, kind, effective_on, 0, slot_id, NULL, by_staff, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (kind == COMPTOIR_LEDGER_SHIFT_DONE || kind == COMPTOIR_LEDGER_SHIFT_MISSED ||
                        kind == COMPTOIR_LEDGER_MAKEUP_DONE || kind == COMPTOIR_LEDGER_LATE_CANCEL, FALSE);

  if (!check_day_until (effective_on, today, error))
    return FALSE;
  return comptoir_db_transaction (db, record_shift, &op, error);
}

static gboolean
correct (ComptoirDb  *db,
         gpointer     user_data,
         GError     **error)
{
  const Op *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (op->reason));
  Member member;

  if (!load_member (db, op->member_id, &member, error) || !check_active_on (&member, op->day, error) ||
      !check_staff (db, op->by_staff, error))
    return FALSE;
  change = new_entry (op->member_id, COMPTOIR_LEDGER_CORRECTION, op->day, op->points);
  comptoir_change_set_text (change, "reason", reason);
  set_optional (change, "by_staff", op->by_staff);
  return comptoir_db_insert_fact (db, change, error);
}

gboolean
comptoir_member_correct (ComptoirDb   *db,
                         const char   *member_id,
                         ComptoirDay   effective_on,
                         gint64        points,
                         const char   *reason,
                         const char   *by_staff,
                         GError      **error)
{
  return _comptoir_member_correct_until (db, member_id, effective_on, points, reason, by_staff,
                                         comptoir_day_today (), error);
}

gboolean
_comptoir_member_correct_until (ComptoirDb   *db,
                                const char   *member_id,
                                ComptoirDay   effective_on,
                                gint64        points,
                                const char   *reason,
                                const char   *by_staff,
                                ComptoirDay   today,
                                GError      **error)
{
  Op op = { member_id, NULL, COMPTOIR_LEDGER_CORRECTION, effective_on, points, NULL, reason, by_staff, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (comptoir_text_is_blank (reason))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the counter is corrected: the reason stays in the member’s ledger."));
      return FALSE;
    }
  if (points == 0 || points < -100 || points > 100)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A correction adds or removes 1 to 100 points, such as 1 or -2."));
      return FALSE;
    }
  if (!check_day_until (effective_on, today, error))
    return FALSE;
  return comptoir_db_transaction (db, correct, &op, error);
}

static gboolean
write_merge_entries (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  const Op *op = user_data;
  g_autoptr (ComptoirChange) out = new_entry (op->member_id, COMPTOIR_LEDGER_MERGE_OUT, op->day, -op->points);
  g_autoptr (ComptoirChange) in = new_entry (op->other_id, COMPTOIR_LEDGER_MERGE_IN, op->day, op->points);
  ComptoirChange *both[] = { out, in };

  comptoir_change_set_text (out, "related_member_id", op->other_id);
  comptoir_change_set_text (in, "related_member_id", op->member_id);
  set_optional (out, "by_staff", op->by_staff);
  set_optional (in, "by_staff", op->by_staff);
  return comptoir_db_insert_facts (db, both, G_N_ELEMENTS (both), error);
}

static gboolean
merge (ComptoirDb  *db,
       gpointer     user_data,
       GError     **error)
{
  Op op = *(const Op *) user_data;
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autoptr (ComptoirChange) leaving = NULL;
  Member absorbed, surviving;
  char day[11];

  if (!load_member (db, op.member_id, &absorbed, error) || !check_active (&absorbed, error) ||
      !load_member (db, op.other_id, &surviving, error) || !check_active (&surviving, error) ||
      !check_staff (db, op.by_staff, error))
    return FALSE;
  if (!comptoir_member_status_compute (db, op.member_id, op.day, &status, error))
    return FALSE;

  op.points = status.counter;
  if (!comptoir_db_insert_fact_group (db, write_merge_entries, &op, error))
    return FALSE;
  comptoir_day_to_iso (op.day, day);
  leaving = comptoir_change_new ("member", op.member_id);
  comptoir_change_set_text (leaving, "left_on", day);
  return comptoir_db_apply_change (db, leaving, NULL, error);
}

gboolean
comptoir_member_merge (ComptoirDb   *db,
                       const char   *absorbed_id,
                       const char   *surviving_id,
                       ComptoirDay   on,
                       const char   *by_staff,
                       GError      **error)
{
  Op op = { absorbed_id, surviving_id, COMPTOIR_LEDGER_MERGE_OUT, on, 0, NULL, NULL, by_staff, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (absorbed_id != NULL && surviving_id != NULL, FALSE);

  if (g_str_equal (absorbed_id, surviving_id))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Choose two different members to merge."));
      return FALSE;
    }
  if (!check_day (on, TRUE, error))
    return FALSE;
  return comptoir_db_transaction (db, merge, &op, error);
}

static gboolean
check_leave_days (ComptoirDay   from_on,
                  ComptoirDay   to_on,
                  GError      **error)
{
  if (!check_day (from_on, FALSE, error))
    return FALSE;
  if (to_on != COMPTOIR_DAY_NONE && to_on < from_on)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A leave ends on or after the day it starts."));
      return FALSE;
    }
  return TRUE;
}

char *
comptoir_member_start_leave (ComptoirDb          *db,
                             const char          *member_id,
                             ComptoirLeaveKind    kind,
                             ComptoirDay          from_on,
                             ComptoirDay          to_on,
                             GError             **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  char day[11];
  Member member;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);
  g_return_val_if_fail (kind <= COMPTOIR_LEAVE_OTHER, NULL);

  if (!check_leave_days (from_on, to_on, error) || !load_member (db, member_id, &member, error))
    return NULL;
  change = comptoir_change_new ("member_leave", NULL);
  comptoir_change_set_text (change, "member_id", member_id);
  comptoir_change_set_text (change, "kind", comptoir_leave_kind_to_string (kind));
  comptoir_day_to_iso (from_on, day);
  comptoir_change_set_text (change, "from_on", day);
  if (to_on != COMPTOIR_DAY_NONE)
    {
      comptoir_day_to_iso (to_on, day);
      comptoir_change_set_text (change, "to_on", day);
    }
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return NULL;
  return g_strdup (comptoir_change_get_row_id (change));
}

gboolean
comptoir_member_end_leave (ComptoirDb   *db,
                           const char   *leave_id,
                           ComptoirDay   to_on,
                           GError      **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  char day[11];

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (leave_id != NULL, FALSE);

  if (!check_day (to_on, FALSE, error))
    return FALSE;
  stmt = comptoir_db_prepare (db, "SELECT from_on FROM member_leave WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, leave_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This leave period is not recorded: open the member’s page again."));
      return FALSE;
    }
  if (!check_leave_days (comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 0)), to_on, error))
    return FALSE;
  comptoir_day_to_iso (to_on, day);
  change = comptoir_change_new ("member_leave", leave_id);
  comptoir_change_set_text (change, "to_on", day);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static gboolean
set_participation (ComptoirDb  *db,
                   gpointer     user_data,
                   GError     **error)
{
  const Op *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  Member member;
  char day[11];

  if (!load_member (db, op->member_id, &member, error) || !check_active (&member, error))
    return FALSE;
  if (member.participation == op->participation)
    return TRUE;

  /* The shifts owed as a flying member stay owed. */
  if (member.participation == COMPTOIR_PARTICIPATION_FLYING)
    {
      g_auto (ComptoirMemberStatus) status = { 0 };
      gint64 dues = 0;

      if (!comptoir_member_status_compute (db, op->member_id, op->day, &status, error))
        return FALSE;
      for (guint i = 0; i < status.lines->len; i++)
        {
          const ComptoirStatusLine *line = &g_array_index (status.lines, ComptoirStatusLine, i);

          if (line->kind == COMPTOIR_STATUS_LINE_CYCLE_DUE)
            dues += line->counted;
        }
      if (dues != 0)
        {
          g_autoptr (ComptoirChange) entry = new_entry (op->member_id, COMPTOIR_LEDGER_CYCLE_DUES, op->day, dues);

          if (!comptoir_db_insert_fact (db, entry, error))
            return FALSE;
        }
    }

  comptoir_day_to_iso (op->day, day);
  change = comptoir_change_new ("member", op->member_id);
  comptoir_change_set_text (change, "participation", comptoir_participation_to_string (op->participation));
  comptoir_change_set_text (change, "participation_since", day);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_member_set_participation (ComptoirDb             *db,
                                   const char             *member_id,
                                   ComptoirParticipation   participation,
                                   ComptoirDay             since,
                                   GError                **error)
{
  Op op = { member_id, NULL, 0, since, 0, NULL, NULL, NULL, participation };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (participation <= COMPTOIR_PARTICIPATION_EXEMPT, FALSE);

  if (!check_day (since, TRUE, error))
    return FALSE;
  return comptoir_db_transaction (db, set_participation, &op, error);
}

gboolean
comptoir_member_set_left (ComptoirDb   *db,
                          const char   *member_id,
                          ComptoirDay   left_on,
                          GError      **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  Member member;
  char day[11];

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (!check_day (left_on, FALSE, error) || !load_member (db, member_id, &member, error) ||
      !check_active (&member, error))
    return FALSE;
  comptoir_day_to_iso (left_on, day);
  change = comptoir_change_new ("member", member_id);
  comptoir_change_set_text (change, "left_on", day);
  return comptoir_db_apply_change (db, change, NULL, error);
}
