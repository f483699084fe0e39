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

/* Seats: bookings, cancellations, releases and the exchange board. A
 * seat is never taken, only claimed (comptoir-shift-arbiter.c decides):
 * the checks here refuse at once what the arbiter would refuse for
 * sure, so that a member is not left pending for a refusal. */

/* The open offer on a claim, if any (empty otherwise). */
static gboolean
open_offer_of (ComptoirDb  *db,
               const char  *claim_id,
               char         out[COMPTOIR_ID_LEN + 1],
               GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT o.id FROM shift_offer o WHERE o.claim_id = ?1 AND NOT EXISTS "
                         "(SELECT 1 FROM shift_offer_end e WHERE e.offer_id = o.id) ORDER BY o.id LIMIT 1",
                         error);
  int rc;

  out[0] = '\0';
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, claim_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_strlcpy (out, (const char *) sqlite3_column_text (stmt, 0), COMPTOIR_ID_LEN + 1);
  else if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

ComptoirChange *
_comptoir_shift_new_offer_end (const char *offer_id,
                               const char *kind,
                               const char *at)
{
  ComptoirChange *end = comptoir_change_new ("shift_offer_end", offer_id);

  comptoir_change_set_text (end, "offer_id", offer_id);
  comptoir_change_set_text (end, "kind", kind);
  comptoir_change_set_text (end, "at", at);
  return end;
}

gboolean
_comptoir_shift_release_claim (ComptoirDb  *db,
                               const char  *claim_id,
                               const char  *kind,
                               const char  *by_staff,
                               const char  *at,
                               GError     **error)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  ComptoirChange *release = comptoir_change_new ("shift_release", NULL);
  char offer[COMPTOIR_ID_LEN + 1];

  comptoir_change_set_text (release, "claim_id", claim_id);
  comptoir_change_set_text (release, "kind", kind);
  comptoir_change_set_text (release, "at", at);
  if (by_staff != NULL)
    comptoir_change_set_text (release, "by_staff", by_staff);
  g_ptr_array_add (facts, release);
  /* A seat given back is no longer on the board. */
  if (!open_offer_of (db, claim_id, offer, error))
    return FALSE;
  if (offer[0] != '\0')
    g_ptr_array_add (facts, _comptoir_shift_new_offer_end (offer, "withdrawn", at));
  return _comptoir_shift_insert_facts (db, facts, error);
}

gboolean
_comptoir_shift_release_from (ComptoirDb  *db,
                              const char  *member_id,
                              ComptoirDay  from_day,
                              gboolean     squad_only,
                              const char  *keep_template,
                              guint       *n_released,
                              GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  char iso[11];
  int rc;

  stmt = comptoir_db_prepare (db,
                              "SELECT c.id FROM shift_claim c JOIN shift_slot s ON s.id = c.slot_id "
                              "WHERE c.member_id = ?1 AND s.day >= ?2 AND (NOT ?3 OR c.kind = 'squad') "
                              "AND (?4 IS NULL OR s.template_id IS NOT ?4) AND " COMPTOIR_SHIFT_LIVE_CLAIM ("c")
                              " ORDER BY s.day, s.start_minute, c.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (from_day, iso);
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, squad_only);
  if (keep_template != NULL)
    sqlite3_bind_text (stmt, 4, keep_template, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  for (guint i = 0; i < claims->len; i++)
    if (!_comptoir_shift_release_claim (db, g_ptr_array_index (claims, i), "cancel", NULL, at, error))
      return FALSE;
  if (n_released != NULL)
    *n_released += claims->len;
  return TRUE;
}

/* slot may be NULL for "taken" and "left". */
static void
set_refusal (GError                  **error,
             const char               *reason,
             gint64                    number,
             const ComptoirShiftSlot  *slot)
{
  g_autofree char *start = NULL;
  char day[11] = "";

  if (g_strcmp0 (reason, "taken") == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This seat was taken or withdrawn from the exchange board: look at the board again."));
      return;
    }
  if (g_strcmp0 (reason, "left") == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Member %lld has left the cooperative: they cannot take a seat in a shift."),
                   (long long) number);
      return;
    }
  g_return_if_fail (slot != NULL);
  start = comptoir_shift_format_minute (slot->start_minute);
  comptoir_day_to_iso (slot->day, day);
  if (g_strcmp0 (reason, "full") == 0)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The shift of %s at %s is full: choose another one, or take a seat offered on the exchange "
                   "board."), day, start);
  else if (g_strcmp0 (reason, "role") == 0)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The shift of %s at %s needs the “%s” training, which member %lld does not have: choose "
                   "another shift, or record the training first."),
                 day, start, slot->required_role, (long long) number);
  else if (g_strcmp0 (reason, "already") == 0)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("Member %lld already has a seat in the shift of %s at %s."), (long long) number, day, start);
  else if (g_strcmp0 (reason, "cancelled") == 0)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The shift of %s at %s is cancelled: choose another one."), day, start);
  else
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The seat cannot be given (%s): choose another shift."), reason);
}

/* The checks of a booking on what this machine knows: refused here
 * rather than pending for a refusal. Pending claims of others do not
 * count against the room: the arbiter decides between them. */
static gboolean
check_claimable (ComptoirDb                 *db,
                 const ComptoirShiftSlot    *slot,
                 const ComptoirShiftMember  *member,
                 gboolean                    count_room,
                 GError                    **error)
{
  ComptoirShiftClaim live;
  gboolean found, has_role;
  guint held;

  if (_comptoir_shift_member_gone (member, slot->day))
    return set_refusal (error, "left", member->number, slot), FALSE;
  if (slot->cancelled)
    return set_refusal (error, "cancelled", member->number, slot), FALSE;
  if (!_comptoir_shift_find_live_claim (db, slot->id, member->id, &live, &found, error))
    return FALSE;
  if (found)
    return set_refusal (error, "already", member->number, slot), FALSE;
  if (!comptoir_member_has_role (db, member->id, slot->required_role, &has_role, error))
    return FALSE;
  if (!has_role)
    return set_refusal (error, "role", member->number, slot), FALSE;
  if (!count_room)
    return TRUE;
  if (!_comptoir_shift_count_held (db, slot->id, &held, error))
    return FALSE;
  if (held >= slot->capacity)
    return set_refusal (error, "full", member->number, slot), FALSE;
  return TRUE;
}

static char *
insert_claim (ComptoirDb                *db,
              const ComptoirShiftSlot   *slot,
              const ComptoirShiftMember *member,
              ComptoirClaimKind          kind,
              const char                *offer_id,
              const char                *by_staff,
              const char                *at,
              ComptoirClaimOutcome      *outcome,
              GError                   **error)
{
  g_autoptr (ComptoirChange) claim = comptoir_change_new ("shift_claim", NULL);
  const char *reason = NULL;

  comptoir_change_set_text (claim, "slot_id", slot->id);
  comptoir_change_set_text (claim, "member_id", member->id);
  comptoir_change_set_text (claim, "kind", comptoir_claim_kind_to_string (kind));
  if (offer_id != NULL)
    comptoir_change_set_text (claim, "offer_id", offer_id);
  comptoir_change_set_text (claim, "at", at);
  comptoir_change_set_text (claim, "device_id", comptoir_db_get_device_id (db));
  if (by_staff != NULL)
    comptoir_change_set_text (claim, "by_staff", by_staff);
  if (!comptoir_db_insert_fact (db, claim, error))
    return NULL;

  if (!comptoir_shift_is_arbiter (db))
    {
      *outcome = COMPTOIR_CLAIM_PENDING;
      return g_strdup (comptoir_change_get_row_id (claim));
    }
  if (!_comptoir_shift_decide (db, comptoir_change_get_row_id (claim), at, &reason, error))
    return NULL;
  if (reason != NULL)
    {
      /* The caller rolls back: a refusal made here leaves nothing. */
      set_refusal (error, reason, member->number, slot);
      return NULL;
    }
  *outcome = COMPTOIR_CLAIM_ACCEPTED;
  return g_strdup (comptoir_change_get_row_id (claim));
}

char *
_comptoir_shift_claim (ComptoirDb                 *db,
                       const ComptoirShiftSlot    *slot,
                       const ComptoirShiftMember  *member,
                       const char                 *by_staff,
                       const char                 *at,
                       ComptoirClaimOutcome       *outcome,
                       GError                    **error)
{
  ComptoirClaimKind kind = COMPTOIR_CLAIM_BOOK;

  if (!check_claimable (db, slot, member, TRUE, error))
    return NULL;
  /* A standard member working outside their squad makes up a shift, or
   * works one in advance. */
  if (member->participation == COMPTOIR_PARTICIPATION_STANDARD)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *squad = comptoir_shift_squad_of (db, member->id, slot->day, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (slot->template_id[0] == '\0' || g_strcmp0 (squad, slot->template_id) != 0)
        kind = COMPTOIR_CLAIM_MAKEUP;
    }
  return insert_claim (db, slot, member, kind, NULL, by_staff, at, outcome, error);
}

typedef struct {
  const char           *slot_id;
  const char           *member_id;
  const char           *offer_id;
  const char           *by_staff;
  GDateTime            *now;
  ComptoirClaimOutcome  outcome;
  gboolean              late;
  char                 *result;
} SeatOp;

static gboolean
load_both (ComptoirDb           *db,
           const SeatOp         *op,
           ComptoirShiftSlot    *slot,
           ComptoirShiftMember  *member,
           GError              **error)
{
  return _comptoir_shift_check_staff (db, op->by_staff, error) &&
         _comptoir_shift_load_member (db, op->member_id, member, error) &&
         _comptoir_shift_load_slot (db, op->slot_id, slot, error);
}

/* Minutes from now to the slot's start (negative once started). */
static gint64
minutes_to (GDateTime *now,
            ComptoirDay day,
            guint       minute)
{
  ComptoirDay now_day;
  guint now_minute;

  _comptoir_shift_split_now (now, &now_day, &now_minute);
  return _comptoir_shift_moment (day, minute) - _comptoir_shift_moment (now_day, now_minute);
}

static gboolean
refuse_if_started (const ComptoirShiftSlot  *slot,
                   GDateTime                *now,
                   gboolean                  until_end,
                   GError                  **error)
{
  g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
  char day[11];

  if (minutes_to (now, slot->day, until_end ? slot->end_minute : slot->start_minute) > 0)
    return TRUE;
  comptoir_day_to_iso (slot->day, day);
  if (until_end)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The shift of %s at %s is over: choose one to come."), day, start);
  else
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                 _("The shift of %s at %s has started: record who came instead."), day, start);
  return FALSE;
}

/* A claim and what goes with it, as one group of facts: the claim id,
 * or NULL with nothing written. */
static char *
run_claim (ComptoirDb            *db,
           ComptoirDbFunc         func,
           SeatOp                *op,
           ComptoirClaimOutcome  *outcome,
           GError               **error)
{
  if (!comptoir_db_insert_fact_group (db, func, op, error))
    {
      g_free (op->result);
      return NULL;
    }
  if (outcome != NULL)
    *outcome = op->outcome;
  return op->result;
}

static gboolean
book (ComptoirDb  *db,
      gpointer     user_data,
      GError     **error)
{
  SeatOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  ComptoirShiftMember member;

  if (!load_both (db, op, &slot, &member, error))
    return FALSE;
  if (!slot.cancelled && !_comptoir_shift_member_gone (&member, slot.day) &&
      !refuse_if_started (&slot, op->now, TRUE, error))
    return FALSE;
  op->result = _comptoir_shift_claim (db, &slot, &member, op->by_staff, at, &op->outcome, error);
  return op->result != NULL;
}

char *
comptoir_shift_book (ComptoirDb            *db,
                     const char            *slot_id,
                     const char            *member_id,
                     const char            *by_staff,
                     GDateTime             *now,
                     ComptoirClaimOutcome  *outcome,
                     GError               **error)
{
  SeatOp op = { slot_id, member_id, NULL, by_staff, now, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (slot_id != NULL && member_id != NULL && now != NULL, NULL);

  return run_claim (db, book, &op, outcome, error);
}

static gboolean
cancel (ComptoirDb  *db,
        gpointer     user_data,
        GError     **error)
{
  SeatOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  ComptoirShiftMember member;
  ComptoirShiftRules rules;
  ComptoirStatusRules status_rules;
  ComptoirShiftClaim claim;
  gboolean found;
  ComptoirDay today;
  guint minute;

  if (!load_both (db, op, &slot, &member, error) || !comptoir_shift_rules_load (db, &rules, error) ||
      !comptoir_settings_load_status_rules (db, &status_rules, error) ||
      !_comptoir_shift_find_live_claim (db, slot.id, member.id, &claim, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("Member %lld has no seat in this shift: nothing to cancel."), (long long) member.number);
      return FALSE;
    }
  if (!refuse_if_started (&slot, op->now, FALSE, error))
    return FALSE;

  /* Only a seat held can be given back late: a pending one was never
   * promised. */
  op->late = claim.accepted &&
             minutes_to (op->now, slot.day, slot.start_minute) < (gint64) rules.cancel_notice_hours * 60;
  if (!_comptoir_shift_release_claim (db, claim.id, op->late ? "late_cancel" : "cancel", op->by_staff, at, error))
    return FALSE;
  if (!op->late || status_rules.late_cancel_points == 0 ||
      member.participation == COMPTOIR_PARTICIPATION_EXEMPT)
    return TRUE;
  /* The penalty counts on the day of the cancellation, which is now. */
  _comptoir_shift_split_now (op->now, &today, &minute);
  return _comptoir_member_record_shift_until (db, member.id, COMPTOIR_LEDGER_LATE_CANCEL, today, slot.id,
                                              op->by_staff, today, error);
}

gboolean
comptoir_shift_cancel (ComptoirDb   *db,
                       const char   *slot_id,
                       const char   *member_id,
                       const char   *by_staff,
                       GDateTime    *now,
                       gboolean     *late,
                       GError      **error)
{
  SeatOp op = { slot_id, member_id, NULL, by_staff, now, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (slot_id != NULL && member_id != NULL && now != NULL, FALSE);

  if (!comptoir_db_insert_fact_group (db, cancel, &op, error))
    return FALSE;
  if (late != NULL)
    *late = op.late;
  return TRUE;
}

static gboolean
offer (ComptoirDb  *db,
       gpointer     user_data,
       GError     **error)
{
  SeatOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  ComptoirShiftMember member;
  ComptoirShiftClaim claim;
  char open[COMPTOIR_ID_LEN + 1];
  gboolean found;

  if (!load_both (db, op, &slot, &member, error) ||
      !_comptoir_shift_find_live_claim (db, slot.id, member.id, &claim, &found, error))
    return FALSE;
  if (!found || !claim.accepted)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   found ? _("Member %lld’s seat in this shift is not confirmed yet: offer it once it is.")
                         : _("Member %lld has no seat in this shift to offer."),
                   (long long) member.number);
      return FALSE;
    }
  if (slot.cancelled || !refuse_if_started (&slot, op->now, FALSE, error))
    {
      if (slot.cancelled)
        set_refusal (error, "cancelled", member.number, &slot);
      return FALSE;
    }
  if (!open_offer_of (db, claim.id, open, error))
    return FALSE;
  if (open[0] != '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This seat is already on the exchange board."));
      return FALSE;
    }
  change = comptoir_change_new ("shift_offer", NULL);
  comptoir_change_set_text (change, "claim_id", claim.id);
  comptoir_change_set_text (change, "at", at);
  if (!comptoir_db_insert_fact (db, change, error))
    return FALSE;
  op->result = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

char *
comptoir_shift_offer (ComptoirDb   *db,
                      const char   *slot_id,
                      const char   *member_id,
                      GDateTime    *now,
                      GError      **error)
{
  SeatOp op = { slot_id, member_id, NULL, NULL, now, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (slot_id != NULL && member_id != NULL && now != NULL, NULL);

  if (!comptoir_db_transaction (db, offer, &op, error))
    {
      g_free (op.result);
      return NULL;
    }
  return op.result;
}

/* The offer and the claim it puts on the board; NOT_FOUND, or INVALID
 * when it has ended. */
static gboolean
load_open_offer (ComptoirDb          *db,
                 const char          *offer_id,
                 ComptoirShiftClaim  *claim,
                 GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT o.claim_id, EXISTS (SELECT 1 FROM shift_offer_end e WHERE e.offer_id = o.id) "
                         "FROM shift_offer o WHERE o.id = ?1",
                         error);
  g_autofree char *claim_id = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No offer on the exchange board has this identifier: look at the board again."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) != 0)
    {
      set_refusal (error, "taken", 0, NULL);
      return FALSE;
    }
  claim_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, comptoir_stmt_release);
  return _comptoir_shift_load_claim (db, claim_id, claim, error);
}

gboolean
comptoir_shift_withdraw_offer (ComptoirDb   *db,
                               const char   *offer_id,
                               GError      **error)
{
  g_autoptr (ComptoirChange) end = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  ComptoirShiftClaim claim;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (offer_id != NULL, FALSE);

  if (!load_open_offer (db, offer_id, &claim, error))
    return FALSE;
  end = _comptoir_shift_new_offer_end (offer_id, "withdrawn", at);
  return comptoir_db_insert_fact (db, end, error);
}

static gboolean
take (ComptoirDb  *db,
      gpointer     user_data,
      GError     **error)
{
  SeatOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autofree char *at = _comptoir_shift_timestamp (op->now);
  ComptoirShiftMember member;
  ComptoirShiftClaim offered;

  if (!load_open_offer (db, op->offer_id, &offered, error))
    return FALSE;
  op->slot_id = offered.slot_id;
  if (!load_both (db, op, &slot, &member, error))
    return FALSE;
  if (g_str_equal (offered.member_id, member.id))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This is the member’s own seat: withdraw the offer instead."));
      return FALSE;
    }
  if (!check_claimable (db, &slot, &member, FALSE, error) || !refuse_if_started (&slot, op->now, FALSE, error))
    return FALSE;
  op->result = insert_claim (db, &slot, &member, COMPTOIR_CLAIM_TAKE, op->offer_id, op->by_staff, at, &op->outcome,
                             error);
  return op->result != NULL;
}

char *
comptoir_shift_take (ComptoirDb            *db,
                     const char            *offer_id,
                     const char            *member_id,
                     const char            *by_staff,
                     GDateTime             *now,
                     ComptoirClaimOutcome  *outcome,
                     GError               **error)
{
  SeatOp op = { NULL, member_id, offer_id, by_staff, now, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (offer_id != NULL && member_id != NULL && now != NULL, NULL);

  return run_claim (db, take, &op, outcome, error);
}
