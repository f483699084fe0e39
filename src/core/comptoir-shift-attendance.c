/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member-ledger-private.h"
#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* Who came. An attendance is a fact written with the ledger entry it
 * causes, in one group of facts: the hub never sees a shift worked
 * without its points, nor the other way round. The ledger is judged
 * against the day of the "now" given, not the machine's clock, so that
 * scripts replay a day. */

static ComptoirLedgerKind
done_kind (ComptoirClaimKind kind)
{
  return kind == COMPTOIR_CLAIM_MAKEUP ? COMPTOIR_LEDGER_MAKEUP_DONE : COMPTOIR_LEDGER_SHIFT_DONE;
}

/* Whether a missed shift costs this member anything: an exempt member
 * owes nothing, and the counter of a member who left is closed. */
static gboolean
missed_applies (const ComptoirShiftMember *member,
                ComptoirDay                day)
{
  return member->participation != COMPTOIR_PARTICIPATION_EXEMPT && !_comptoir_shift_member_gone (member, day);
}

static ComptoirChange *
new_attendance (const char *slot_id,
                const char *member_id,
                const char *claim_id,
                const char *outcome,
                const char *at,
                const char *by_staff)
{
  ComptoirChange *change = comptoir_change_new ("shift_attendance", NULL);

  comptoir_change_set_text (change, "slot_id", slot_id);
  comptoir_change_set_text (change, "member_id", member_id);
  if (claim_id != NULL)
    comptoir_change_set_text (change, "claim_id", claim_id);
  comptoir_change_set_text (change, "outcome", outcome);
  comptoir_change_set_text (change, "at", at);
  if (by_staff != NULL)
    comptoir_change_set_text (change, "by_staff", by_staff);
  return change;
}

/* The attendance that counts for the member in the slot (the last of
 * its corrections): id and outcome, empty when none. */
static gboolean
latest_attendance (ComptoirDb          *db,
                   const char          *slot_id,
                   const char          *member_id,
                   char                 id[COMPTOIR_ID_LEN + 1],
                   ComptoirAttendance  *outcome,
                   char                 claim_id[COMPTOIR_ID_LEN + 1],
                   GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT a.id, a.outcome, a.claim_id FROM shift_attendance a WHERE a.slot_id = ?1 "
                         "AND a.member_id = ?2 AND NOT EXISTS (SELECT 1 FROM shift_attendance b WHERE "
                         "b.slot_id = a.slot_id AND b.member_id = a.member_id AND b.corrects = a.id) "
                         "ORDER BY a.at DESC, a.id DESC LIMIT 1",
                         error);
  int rc;

  id[0] = claim_id[0] = '\0';
  *outcome = COMPTOIR_ATTENDANCE_NONE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_strlcpy (id, (const char *) sqlite3_column_text (stmt, 0), COMPTOIR_ID_LEN + 1);
      *outcome = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "present") == 0
                   ? COMPTOIR_ATTENDANCE_PRESENT : COMPTOIR_ATTENDANCE_ABSENT;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_strlcpy (claim_id, (const char *) sqlite3_column_text (stmt, 2), COMPTOIR_ID_LEN + 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char         *member_id;
  const char         *slot_id;
  const char         *by_staff;
  GDateTime          *now;
  ComptoirAttendance  outcome;
  const char         *reason;
  char               *result;
  guint               n_marked;
} AttendanceOp;

static gboolean
slot_is_open (const ComptoirShiftSlot  *slot,
              const ComptoirShiftRules *rules,
              ComptoirDay               day,
              guint                     minute)
{
  return !slot->cancelled && slot->day == day &&
         (gint64) minute >= (gint64) slot->start_minute - rules->checkin_early_minutes &&
         minute <= slot->end_minute;
}

/* The slot to check the member in: the one given, else the open one they
 * hold a seat in, else the first open one with room (a volunteer who
 * turns up). */
static gboolean
choose_slot (ComptoirDb                *db,
             const AttendanceOp        *op,
             const ComptoirShiftRules  *rules,
             ComptoirShiftSlot         *out,
             GError                   **error)
{
  g_autoptr (GArray) slots = NULL;
  ComptoirDay day;
  guint minute;
  gint chosen = -1;

  _comptoir_shift_split_now (op->now, &day, &minute);
  if (op->slot_id != NULL)
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (!_comptoir_shift_load_slot (db, op->slot_id, out, error))
        return FALSE;
      if (slot_is_open (out, rules, day, minute))
        return TRUE;
      if (out->cancelled)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("This shift is cancelled: nobody checks in."));
          return FALSE;
        }
      start = comptoir_shift_format_minute ((guint) MAX ((gint) out->start_minute -
                                                         (gint) rules->checkin_early_minutes, 0));
      end = comptoir_shift_format_minute (out->end_minute);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Check-in for this shift is open on its day from %s to %s; later, staff correct the "
                     "attendance."),
                   start, end);
      return FALSE;
    }

  if (!comptoir_shift_list_slots (db, day, day, &slots, error))
    return FALSE;
  for (guint i = 0; i < slots->len && chosen < 0; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);

      if (!slot_is_open (slot, rules, day, minute))
        continue;
      for (guint j = 0; j < slot->seats->len; j++)
        if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, j).member_id, op->member_id))
          chosen = (gint) i;
    }
  for (guint i = 0; i < slots->len && chosen < 0; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);
      gboolean has_role;

      if (!slot_is_open (slot, rules, day, minute) || slot->n_held >= slot->capacity)
        continue;
      if (!comptoir_member_has_role (db, op->member_id, slot->required_role, &has_role, error))
        return FALSE;
      if (has_role)
        chosen = (gint) i;
    }
  if (chosen < 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No shift open now has a seat for this member: check the planning, or book "
                             "them in a shift to come."));
      return FALSE;
    }
  *out = g_array_index (slots, ComptoirShiftSlot, chosen);
  memset (&g_array_index (slots, ComptoirShiftSlot, chosen), 0, sizeof (ComptoirShiftSlot));
  return TRUE;
}

static gboolean
check_in (ComptoirDb  *db,
          gpointer     user_data,
          GError     **error)
{
  AttendanceOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  g_autofree char *booked = NULL;
  ComptoirShiftMember member;
  ComptoirShiftRules rules;
  ComptoirShiftClaim claim;
  ComptoirAttendance outcome;
  char last[COMPTOIR_ID_LEN + 1], last_claim[COMPTOIR_ID_LEN + 1];
  gboolean found;
  ComptoirDay today;
  guint minute;

  if (!_comptoir_shift_check_staff (db, op->by_staff, error) ||
      !_comptoir_shift_load_member (db, op->member_id, &member, error) ||
      !comptoir_shift_rules_load (db, &rules, error) || !choose_slot (db, op, &rules, &slot, error) ||
      !latest_attendance (db, slot.id, member.id, last, &outcome, last_claim, error))
    return FALSE;
  if (outcome != COMPTOIR_ATTENDANCE_NONE)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   outcome == COMPTOIR_ATTENDANCE_PRESENT
                     ? _("Member %lld is already checked in for this shift.")
                     : _("Member %lld is recorded absent from this shift: staff can correct it, with the reason."),
                   (long long) member.number);
      return FALSE;
    }

  if (!_comptoir_shift_find_live_claim (db, slot.id, member.id, &claim, &found, error))
    return FALSE;
  if (!found)
    {
      ComptoirClaimOutcome claimed;

      /* Pending when another machine arbitrates: the member is here all
       * the same, and their work counts. */
      if (!(booked = _comptoir_shift_claim (db, &slot, &member, op->by_staff, at, &claimed, error)) ||
          !_comptoir_shift_find_live_claim (db, slot.id, member.id, &claim, &found, error))
        return FALSE;
    }

  g_ptr_array_add (facts, new_attendance (slot.id, member.id, claim.id, "present", at, op->by_staff));
  if (!_comptoir_shift_insert_facts (db, facts, error))
    return FALSE;
  /* They came themselves: the seat is no longer for the taking. */
  {
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (db,
                           "SELECT o.id FROM shift_offer o WHERE o.claim_id = ?1 AND NOT EXISTS "
                           "(SELECT 1 FROM shift_offer_end e WHERE e.offer_id = o.id)",
                           error);
    g_autofree char *offer = NULL;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, claim.id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      offer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    g_clear_pointer (&stmt, comptoir_stmt_release);
    if (offer != NULL)
      {
        g_autoptr (ComptoirChange) end = _comptoir_shift_new_offer_end (offer, "withdrawn", at);

        if (!comptoir_db_insert_fact (db, end, error))
          return FALSE;
      }
  }
  _comptoir_shift_split_now (op->now, &today, &minute);
  if (!_comptoir_member_record_shift_until (db, member.id, done_kind (claim.kind), slot.day, slot.id, op->by_staff,
                                            today, error))
    return FALSE;
  op->result = g_strdup (slot.id);
  return TRUE;
}

char *
comptoir_shift_check_in (ComptoirDb   *db,
                         const char   *member_id,
                         const char   *slot_id,
                         const char   *by_staff,
                         GDateTime    *now,
                         GError      **error)
{
  AttendanceOp op = { member_id, slot_id, by_staff, now };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL && now != NULL, NULL);

  if (!comptoir_db_insert_fact_group (db, check_in, &op, error))
    {
      g_free (op.result);
      return NULL;
    }
  return op.result;
}

typedef struct {
  char        claim_id[COMPTOIR_ID_LEN + 1];
  char        slot_id[COMPTOIR_ID_LEN + 1];
  char        member_id[COMPTOIR_ID_LEN + 1];
  ComptoirDay day;
} Missing;

typedef struct {
  const Missing *missing;
  const char    *at;
  ComptoirDay    today;
} MarkOne;

static gboolean
mark_one (ComptoirDb  *db,
          gpointer     user_data,
          GError     **error)
{
  const MarkOne *one = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirShiftMember member;

  if (!_comptoir_shift_load_member (db, one->missing->member_id, &member, error))
    return FALSE;
  change = new_attendance (one->missing->slot_id, member.id, one->missing->claim_id, "absent", one->at, NULL);
  if (!comptoir_db_insert_fact (db, change, error))
    return FALSE;
  if (!missed_applies (&member, one->missing->day))
    return TRUE;
  return _comptoir_member_record_shift_until (db, member.id, COMPTOIR_LEDGER_SHIFT_MISSED, one->missing->day,
                                              one->missing->slot_id, NULL, one->today, error);
}

static gboolean
mark_absent (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  AttendanceOp *op = user_data;
  g_autoptr (GArray) missing = g_array_new (FALSE, TRUE, sizeof (Missing));
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  ComptoirShiftRules rules;
  ComptoirDay today;
  guint minute;
  char iso[11];
  int rc;

  if (!comptoir_shift_rules_load (db, &rules, error))
    return FALSE;
  _comptoir_shift_split_now (op->now, &today, &minute);
  comptoir_day_to_iso (today, iso);
  /* Seats held (accepted, not released) without attendance, in slots not
   * cancelled up to today; the time of day is compared below. */
  stmt = comptoir_db_prepare (db,
                              "SELECT c.id, c.slot_id, c.member_id, s.day, s.end_minute FROM shift_slot s "
                              "JOIN shift_claim c ON c.slot_id = s.id JOIN shift_claim_decision d ON "
                              "d.claim_id = c.id AND d.accepted WHERE s.day <= ?1 AND NOT s.cancelled "
                              "AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = c.id) "
                              "AND NOT EXISTS (SELECT 1 FROM shift_attendance a WHERE a.slot_id = c.slot_id "
                              "AND a.member_id = c.member_id) ORDER BY s.day, s.start_minute, c.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Missing m = { 0 };

      m.day = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      if (_comptoir_shift_moment (today, minute) - _comptoir_shift_moment (m.day, sqlite3_column_int (stmt, 4)) <=
          (gint64) rules.absent_grace_minutes)
        continue;
      g_strlcpy (m.claim_id, (const char *) sqlite3_column_text (stmt, 0), sizeof m.claim_id);
      g_strlcpy (m.slot_id, (const char *) sqlite3_column_text (stmt, 1), sizeof m.slot_id);
      g_strlcpy (m.member_id, (const char *) sqlite3_column_text (stmt, 2), sizeof m.member_id);
      g_array_append_val (missing, m);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  for (guint i = 0; i < missing->len; i++)
    {
      MarkOne one = { &g_array_index (missing, Missing, i), at, today };

      if (!comptoir_db_insert_fact_group (db, mark_one, &one, error))
        return FALSE;
    }
  op->n_marked = missing->len;
  return TRUE;
}

gboolean
comptoir_shift_mark_absent (ComptoirDb   *db,
                            GDateTime    *now,
                            guint        *n_marked,
                            GError      **error)
{
  AttendanceOp op = { NULL, NULL, NULL, now };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!comptoir_db_transaction (db, mark_absent, &op, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = op.n_marked;
  return TRUE;
}

/* What an outcome is worth to this member for this kind of seat, as the
 * ledger counted (or would have counted) it. */
static gint64
outcome_points (ComptoirAttendance          outcome,
                ComptoirClaimKind           kind,
                const ComptoirShiftMember  *member,
                const ComptoirStatusRules  *rules,
                ComptoirDay                 day)
{
  switch (outcome)
    {
    case COMPTOIR_ATTENDANCE_PRESENT:
      if (kind == COMPTOIR_CLAIM_MAKEUP)
        return 1;
      return member->participation == COMPTOIR_PARTICIPATION_STANDARD ? 0 : 1;
    case COMPTOIR_ATTENDANCE_ABSENT:
      return missed_applies (member, day) ? rules->missed_points : 0;
    case COMPTOIR_ATTENDANCE_NONE:
    default:
      return 0;
    }
}

static gboolean
correct (ComptoirDb  *db,
         gpointer     user_data,
         GError     **error)
{
  AttendanceOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  g_autofree char *reason = g_strstrip (g_strdup (op->reason));
  ComptoirShiftMember member;
  ComptoirStatusRules rules;
  ComptoirShiftClaim claim = { 0 };
  ComptoirAttendance previous;
  char last[COMPTOIR_ID_LEN + 1], last_claim[COMPTOIR_ID_LEN + 1];
  ComptoirClaimKind kind = COMPTOIR_CLAIM_BOOK;
  gboolean found = FALSE;
  gint64 diff;

  if (!_comptoir_shift_check_staff (db, op->by_staff, error) ||
      !_comptoir_shift_load_member (db, op->member_id, &member, error) ||
      !_comptoir_shift_load_slot (db, op->slot_id, &slot, error) ||
      !comptoir_settings_load_status_rules (db, &rules, error) ||
      !latest_attendance (db, slot.id, member.id, last, &previous, last_claim, error))
    return FALSE;
  if (previous == op->outcome)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   previous == COMPTOIR_ATTENDANCE_PRESENT ? _("Member %lld is already recorded present.")
                                                           : _("Member %lld is already recorded absent."),
                   (long long) member.number);
      return FALSE;
    }
  /* The seat the attendance is about: the one recorded, else the one
   * the member holds. */
  if (last_claim[0] == '\0' && !_comptoir_shift_find_live_claim (db, slot.id, member.id, &claim, &found, error))
    return FALSE;
  if (last_claim[0] != '\0')
    g_strlcpy (claim.id, last_claim, sizeof claim.id);
  else if (!found)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("Member %lld has no seat in this shift: book them in it first."), (long long) member.number);
      return FALSE;
    }
  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT kind FROM shift_claim WHERE id = ?1", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, claim.id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW &&
        !comptoir_claim_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind))
      kind = COMPTOIR_CLAIM_BOOK;
  }

  change = new_attendance (slot.id, member.id, claim.id,
                           op->outcome == COMPTOIR_ATTENDANCE_PRESENT ? "present" : "absent", at, op->by_staff);
  comptoir_change_set_text (change, "reason", reason);
  if (last[0] != '\0')
    comptoir_change_set_text (change, "corrects", last);
  if (!comptoir_db_insert_fact (db, change, error))
    return FALSE;

  /* The slot's day counts as today: the entry is about that shift. */
  if (previous == COMPTOIR_ATTENDANCE_NONE)
    {
      if (op->outcome == COMPTOIR_ATTENDANCE_PRESENT)
        return _comptoir_member_record_shift_until (db, member.id, done_kind (kind), slot.day, slot.id,
                                                    op->by_staff, slot.day, error);
      if (!missed_applies (&member, slot.day))
        return TRUE;
      return _comptoir_member_record_shift_until (db, member.id, COMPTOIR_LEDGER_SHIFT_MISSED, slot.day, slot.id,
                                                  op->by_staff, slot.day, error);
    }
  diff = outcome_points (op->outcome, kind, &member, &rules, slot.day) -
         outcome_points (previous, kind, &member, &rules, slot.day);
  if (diff == 0)
    return TRUE;
  return _comptoir_member_correct_until (db, member.id, slot.day, diff, reason, op->by_staff, slot.day, error);
}

gboolean
comptoir_shift_correct_attendance (ComptoirDb          *db,
                                   const char          *slot_id,
                                   const char          *member_id,
                                   ComptoirAttendance   outcome,
                                   const char          *reason,
                                   const char          *by_staff,
                                   GError             **error)
{
  AttendanceOp op = { member_id, slot_id, by_staff, NULL, outcome, reason };
  gboolean blank = TRUE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (slot_id != NULL && member_id != NULL, FALSE);

  for (const char *p = reason; p != NULL && *p != '\0' && blank; p++)
    blank = g_ascii_isspace (*p);
  if (blank)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the attendance is corrected: the reason stays in the member’s ledger."));
      return FALSE;
    }
  if (outcome != COMPTOIR_ATTENDANCE_PRESENT && outcome != COMPTOIR_ATTENDANCE_ABSENT)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("An attendance is corrected to present or absent."));
      return FALSE;
    }
  return comptoir_db_insert_fact_group (db, correct, &op, error);
}

gboolean
comptoir_shift_list_now (ComptoirDb   *db,
                         GDateTime    *now,
                         GArray      **out,
                         GError      **error)
{
  g_autoptr (GArray) slots = NULL;
  ComptoirShiftRules rules;
  ComptoirDay day;
  guint minute;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (now != NULL && out != NULL, FALSE);

  _comptoir_shift_split_now (now, &day, &minute);
  if (!comptoir_shift_rules_load (db, &rules, error) || !comptoir_shift_list_slots (db, day, day, &slots, error))
    return FALSE;
  for (guint i = slots->len; i > 0; i--)
    if (!slot_is_open (&g_array_index (slots, ComptoirShiftSlot, i - 1), &rules, day, minute))
      g_array_remove_index (slots, i - 1);
  *out = g_steal_pointer (&slots);
  return TRUE;
}
