/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* The arbiter: two tills offline may both promise the last seat, and
 * only the arbiter, deciding claims in the order it stores them, can
 * say which one holds it. The decision is the same function whether the
 * arbiter is this machine, deciding in the claim's transaction, or the
 * hub later (comptoir_shift_decide_pending). */


static void
claim_from_row (sqlite3_stmt       *stmt,
                ComptoirShiftClaim *out)
{
  const char *offer = (const char *) sqlite3_column_text (stmt, 4);

  memset (out, 0, sizeof *out);
  g_strlcpy (out->id, (const char *) sqlite3_column_text (stmt, 0), sizeof out->id);
  g_strlcpy (out->slot_id, (const char *) sqlite3_column_text (stmt, 1), sizeof out->slot_id);
  g_strlcpy (out->member_id, (const char *) sqlite3_column_text (stmt, 2), sizeof out->member_id);
  if (!comptoir_claim_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &out->kind))
    out->kind = COMPTOIR_CLAIM_BOOK;
  g_strlcpy (out->offer_id, offer != NULL ? offer : "", sizeof out->offer_id);
  out->decided = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  out->accepted = sqlite3_column_int (stmt, 5) != 0;
}

#define CLAIM_COLUMNS "c.id, c.slot_id, c.member_id, c.kind, c.offer_id, " \
  "(SELECT d.accepted FROM shift_claim_decision d WHERE d.claim_id = c.id)"

gboolean
_comptoir_shift_find_live_claim (ComptoirDb          *db,
                                 const char          *slot_id,
                                 const char          *member_id,
                                 ComptoirShiftClaim  *out,
                                 gboolean            *found,
                                 GError             **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  stmt = comptoir_db_prepare (db,
                              "SELECT " CLAIM_COLUMNS " FROM shift_claim c WHERE c.slot_id = ?1 AND c.member_id = ?2 "
                              "AND " COMPTOIR_SHIFT_LIVE_CLAIM ("c") " ORDER BY c.rowid DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  if (*found)
    claim_from_row (stmt, out);
  return TRUE;
}

gboolean
_comptoir_shift_load_claim (ComptoirDb          *db,
                            const char          *claim_id,
                            ComptoirShiftClaim  *out,
                            GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT " CLAIM_COLUMNS " FROM shift_claim c WHERE c.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, claim_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This seat is not recorded: open the planning again."));
      return FALSE;
    }
  claim_from_row (stmt, out);
  return TRUE;
}

gboolean
_comptoir_shift_count_held (ComptoirDb  *db,
                            const char  *slot_id,
                            guint       *out,
                            GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT count (*) FROM shift_claim c JOIN shift_claim_decision d ON d.claim_id = c.id "
                         "AND d.accepted WHERE c.slot_id = ?1 AND NOT EXISTS (SELECT 1 FROM shift_release r "
                         "WHERE r.claim_id = c.id)",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out = (guint) sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
comptoir_shift_is_arbiter (ComptoirDb *db)
{
  g_autofree char *arbiter = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  arbiter = g_strstrip (comptoir_settings_dup (db, COMPTOIR_SETTING_SHIFT_ARBITER));
  return *arbiter == '\0' || g_str_equal (arbiter, comptoir_db_get_device_id (db));
}

/* Why a claim cannot hold a seat, NULL when it can: the arbiter's rules,
 * on what it has stored so far. */
static gboolean
judge (ComptoirDb                *db,
       const ComptoirShiftClaim  *claim,
       const ComptoirShiftSlot   *slot,
       const char               **reason,
       GError                   **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirShiftMember member;
  gboolean has_role;
  guint held;

  *reason = NULL;
  if (!_comptoir_shift_load_member (db, claim->member_id, &member, error))
    return FALSE;
  if (slot->cancelled)
    *reason = "cancelled";
  else if (_comptoir_shift_member_gone (&member, slot->day))
    *reason = "left";
  if (*reason != NULL || claim->kind == COMPTOIR_CLAIM_SQUAD)
    return TRUE;

  if (!comptoir_member_has_role (db, claim->member_id, slot->required_role, &has_role, error))
    return FALSE;
  if (!has_role)
    {
      *reason = "role";
      return TRUE;
    }

  stmt = comptoir_db_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM shift_claim c JOIN shift_claim_decision d ON "
                              "d.claim_id = c.id AND d.accepted WHERE c.slot_id = ?1 AND c.member_id = ?2 "
                              "AND c.id <> ?3 AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = c.id))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, claim->member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, claim->id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      *reason = "already";
      return TRUE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (claim->kind == COMPTOIR_CLAIM_TAKE)
    {
      /* The offer must still be open, on a seat still held: the first
       * taker stored wins, the others find it taken. */
      stmt = comptoir_db_prepare (db,
                                  "SELECT EXISTS (SELECT 1 FROM shift_offer o JOIN shift_claim_decision d ON "
                                  "d.claim_id = o.claim_id AND d.accepted WHERE o.id = ?1 AND NOT EXISTS "
                                  "(SELECT 1 FROM shift_offer_end e WHERE e.offer_id = o.id) AND NOT EXISTS "
                                  "(SELECT 1 FROM shift_release r WHERE r.claim_id = o.claim_id))",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, claim->offer_id, -1, SQLITE_STATIC);
      if (!comptoir_db_step_done (db, stmt, error))
        return FALSE;
      if (sqlite3_column_int (stmt, 0) == 0)
        *reason = "taken";
      return TRUE;
    }

  if (!_comptoir_shift_count_held (db, slot->id, &held, error))
    return FALSE;
  if (held >= slot->capacity)
    *reason = "full";
  return TRUE;
}

/* Writes the decision on the claim; an accepted take also ends the offer
 * and releases the offerer's seat, in the same group of facts. */
gboolean
_comptoir_shift_decide (ComptoirDb   *db,
                        const char   *claim_id,
                        const char   *at,
                        const char  **out_reason,
                        GError      **error)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_auto (ComptoirShiftSlot) slot = { 0 };
  ComptoirShiftClaim claim;
  ComptoirChange *decision;
  const char *reason;

  if (!_comptoir_shift_load_claim (db, claim_id, &claim, error) || !_comptoir_shift_load_slot (db, claim.slot_id, &slot, error) ||
      !judge (db, &claim, &slot, &reason, error))
    return FALSE;

  decision = comptoir_change_new ("shift_claim_decision", claim_id);
  comptoir_change_set_text (decision, "claim_id", claim_id);
  comptoir_change_set_text (decision, "slot_id", claim.slot_id);
  comptoir_change_set_int (decision, "accepted", reason == NULL);
  comptoir_change_set_text (decision, "reason", reason);
  comptoir_change_set_text (decision, "at", at);
  comptoir_change_set_text (decision, "decided_by", comptoir_db_get_device_id (db));
  g_ptr_array_add (facts, decision);

  if (reason == NULL && claim.kind == COMPTOIR_CLAIM_TAKE)
    {
      g_autoptr (ComptoirStmt) stmt =
        comptoir_db_prepare (db, "SELECT claim_id FROM shift_offer WHERE id = ?1", error);
      ComptoirChange *release;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, claim.offer_id, -1, SQLITE_STATIC);
      if (!comptoir_db_step_done (db, stmt, error))
        return FALSE;
      g_ptr_array_add (facts, _comptoir_shift_new_offer_end (claim.offer_id, "taken", at));
      release = comptoir_change_new ("shift_release", NULL);
      comptoir_change_set_text (release, "claim_id", (const char *) sqlite3_column_text (stmt, 0));
      comptoir_change_set_text (release, "kind", "swap");
      comptoir_change_set_text (release, "at", at);
      g_ptr_array_add (facts, release);
    }
  *out_reason = reason;
  return _comptoir_shift_insert_facts (db, facts, error);
}

typedef struct {
  guint n_accepted;
  guint n_refused;
} Decided;

static gboolean
decide_pending (ComptoirDb  *db,
                gpointer     user_data,
                GError     **error)
{
  Decided *op = user_data;
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  int rc;

  /* rowid is the order this database stored them in: on a hub, its
   * commit order. */
  stmt = comptoir_db_prepare (db,
                              "SELECT c.id FROM shift_claim c WHERE NOT EXISTS (SELECT 1 FROM shift_claim_decision d "
                              "WHERE d.claim_id = c.id) AND NOT EXISTS (SELECT 1 FROM shift_release r "
                              "WHERE r.claim_id = c.id) ORDER BY c.rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (pending, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  for (guint i = 0; i < pending->len; i++)
    {
      const char *reason = NULL;

      if (!_comptoir_shift_decide (db, g_ptr_array_index (pending, i), at, &reason, error))
        return FALSE;
      if (reason == NULL)
        op->n_accepted++;
      else
        op->n_refused++;
    }
  return TRUE;
}

gboolean
comptoir_shift_decide_pending (ComptoirDb  *db,
                               guint       *n_accepted,
                               guint       *n_refused,
                               GError     **error)
{
  Decided op = { 0, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!comptoir_shift_is_arbiter (db))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Another machine decides who gets the seats in shifts (setting shift.arbiter): "
                             "claims are decided there."));
      return FALSE;
    }
  if (!comptoir_db_transaction (db, decide_pending, &op, error))
    return FALSE;
  if (n_accepted != NULL)
    *n_accepted = op.n_accepted;
  if (n_refused != NULL)
    *n_refused = op.n_refused;
  return TRUE;
}
