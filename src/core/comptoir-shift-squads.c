/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* Who works which shifts every cycle (squads) and who may work which
 * (roles). Rows are reference data: a squad is left by ending it, a
 * role revoked by setting it inactive, never by deleting a row. */

/* Squads ----------------------------------------------------------------------- */

typedef struct {
  const char  *template_id;
  const char  *member_id;
  ComptoirDay  day;
  guint        n_released;
} SquadOp;

/* Ends the member's squad rows that cover the day or start after it: the
 * last day in the squad is the day before. */
static gboolean
end_squads (ComptoirDb  *db,
            const char  *member_id,
            ComptoirDay  day,
            guint       *n_ended,
            GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  char iso[11], before[11];
  int rc;

  comptoir_day_to_iso (day, iso);
  comptoir_day_to_iso (day - 1, before);
  stmt = comptoir_db_prepare (db, "SELECT id FROM shift_squad WHERE member_id = ?1 AND (to_on IS NULL OR to_on >= ?2) "
                              "ORDER BY from_on, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (ComptoirChange) change = comptoir_change_new ("shift_squad", g_ptr_array_index (rows, i));

      comptoir_change_set_text (change, "to_on", before);
      if (!comptoir_db_apply_change (db, change, NULL, error))
        return FALSE;
    }
  if (n_ended != NULL)
    *n_ended = rows->len;
  return TRUE;
}

static gboolean
squad_join (ComptoirDb  *db,
            gpointer     user_data,
            GError     **error)
{
  SquadOp *op = user_data;
  g_autoptr (ComptoirChange) row = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  ComptoirShiftMember member;
  guint capacity, n_squad;
  char iso[11];
  int rc;

  if (!_comptoir_shift_load_member (db, op->member_id, &member, error))
    return FALSE;
  if (_comptoir_shift_member_gone (&member, op->day))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Member %lld has left the cooperative: they join no squad."), (long long) member.number);
      return FALSE;
    }
  if (member.participation != COMPTOIR_PARTICIPATION_STANDARD)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Member %lld is %s: only standard members are in a squad. Change their participation "
                     "first."),
                   (long long) member.number, comptoir_participation_get_label (member.participation));
      return FALSE;
    }
  stmt = comptoir_db_prepare (db, "SELECT capacity FROM shift_template WHERE id = ?1 AND active", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->template_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No active shift template has this identifier: open the templates again."));
      return FALSE;
    }
  capacity = (guint) sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (!(current = comptoir_shift_squad_of (db, op->member_id, op->day, error)) && error != NULL && *error != NULL)
    return FALSE;
  if (g_strcmp0 (current, op->template_id) == 0)
    return TRUE;

  /* The squad's size from that day on: rows starting later count too. */
  comptoir_day_to_iso (op->day, iso);
  stmt = comptoir_db_prepare (db, "SELECT count (DISTINCT member_id) FROM shift_squad WHERE template_id = ?1 "
                              "AND (to_on IS NULL OR to_on >= ?2) AND member_id <> ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op->member_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  n_squad = (guint) sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, comptoir_stmt_release);
  if (n_squad >= capacity)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("This squad is full (%u of %u): choose another one, or give the template more room."),
                   n_squad, capacity);
      return FALSE;
    }

  if (!end_squads (db, op->member_id, op->day, NULL, error) ||
      !_comptoir_shift_release_from (db, op->member_id, op->day, TRUE, op->template_id, &op->n_released, error))
    return FALSE;
  row = comptoir_change_new ("shift_squad", NULL);
  comptoir_change_set_text (row, "template_id", op->template_id);
  comptoir_change_set_text (row, "member_id", op->member_id);
  comptoir_change_set_text (row, "from_on", iso);
  if (!comptoir_db_apply_change (db, row, NULL, error))
    return FALSE;

  /* Slots already made from the template, from that day on, where the
   * member holds no seat and is not on leave. */
  stmt = comptoir_db_prepare (db,
                              "SELECT s.id, s.day FROM shift_slot s WHERE s.template_id = ?1 AND s.day >= ?2 "
                              "AND NOT s.cancelled AND NOT EXISTS (SELECT 1 FROM shift_claim c WHERE "
                              "c.slot_id = s.id AND c.member_id = ?3 AND NOT EXISTS (SELECT 1 FROM shift_release r "
                              "WHERE r.claim_id = c.id) AND NOT EXISTS (SELECT 1 FROM shift_claim_decision d "
                              "WHERE d.claim_id = c.id AND NOT d.accepted)) ORDER BY s.day",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op->member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (slots, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (slots, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  for (guint i = 0; i < slots->len; i += 2)
    {
      ComptoirDay day = comptoir_day_from_iso (g_ptr_array_index (slots, i + 1));
      gboolean on_leave, claimed;

      if (_comptoir_shift_member_gone (&member, day))
        continue;
      if (!_comptoir_shift_on_leave (db, op->member_id, day, &on_leave, error))
        return FALSE;
      if (!on_leave && !_comptoir_shift_claim_squad_seat (db, g_ptr_array_index (slots, i), op->member_id, at, &claimed, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
comptoir_shift_squad_join (ComptoirDb   *db,
                           const char   *template_id,
                           const char   *member_id,
                           ComptoirDay   from_on,
                           GError      **error)
{
  SquadOp op = { template_id, member_id, from_on, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (template_id != NULL && member_id != NULL, FALSE);

  if (from_on == COMPTOIR_DAY_NONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day as YYYY-MM-DD, such as 2026-03-14."));
      return FALSE;
    }
  return comptoir_db_transaction (db, squad_join, &op, error);
}

static gboolean
squad_leave (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  SquadOp *op = user_data;
  ComptoirShiftMember member;
  guint n_ended = 0;

  if (!_comptoir_shift_load_member (db, op->member_id, &member, error) ||
      !end_squads (db, op->member_id, op->day, &n_ended, error))
    return FALSE;
  if (n_ended == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("Member %lld is in no squad on that day."), (long long) member.number);
      return FALSE;
    }
  return _comptoir_shift_release_from (db, op->member_id, op->day, TRUE, NULL, &op->n_released, error);
}

gboolean
comptoir_shift_squad_leave (ComptoirDb   *db,
                            const char   *member_id,
                            ComptoirDay   on,
                            GError      **error)
{
  SquadOp op = { NULL, member_id, on, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  return comptoir_db_transaction (db, squad_leave, &op, error);
}

static gboolean
release_member (ComptoirDb  *db,
                gpointer     user_data,
                GError     **error)
{
  SquadOp *op = user_data;

  return end_squads (db, op->member_id, op->day, NULL, error) &&
         _comptoir_shift_release_from (db, op->member_id, op->day, FALSE, NULL, &op->n_released, error);
}

gboolean
comptoir_shift_release_member_from (ComptoirDb   *db,
                                    const char   *member_id,
                                    ComptoirDay   from_day,
                                    guint        *n_released,
                                    GError      **error)
{
  SquadOp op = { NULL, member_id, from_day, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (from_day != COMPTOIR_DAY_NONE, FALSE);

  if (!comptoir_db_transaction (db, release_member, &op, error))
    return FALSE;
  if (n_released != NULL)
    *n_released = op.n_released;
  return TRUE;
}

char *
comptoir_shift_squad_of (ComptoirDb   *db,
                         const char   *member_id,
                         ComptoirDay   on,
                         GError      **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  char iso[11];
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);

  stmt = comptoir_db_prepare (db,
                              "SELECT template_id FROM shift_squad WHERE member_id = ?1 AND from_on <= ?2 "
                              "AND (to_on IS NULL OR to_on >= ?2) ORDER BY from_on DESC, id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  comptoir_day_to_iso (on, iso);
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    comptoir_db_set_error (db, error);
  return NULL;
}

void
comptoir_squad_member_clear (ComptoirSquadMember *member)
{
  g_clear_pointer (&member->name, g_free);
}

static void
squad_member_clear_func (gpointer data)
{
  comptoir_squad_member_clear (data);
}

gboolean
comptoir_shift_squad_list (ComptoirDb   *db,
                           const char   *template_id,
                           ComptoirDay   on,
                           GArray      **out,
                           GError      **error)
{
  g_autoptr (GArray) squad = g_array_new (FALSE, TRUE, sizeof (ComptoirSquadMember));
  g_autoptr (ComptoirStmt) stmt = NULL;
  char iso[11];
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (template_id != NULL && out != NULL, FALSE);

  g_array_set_clear_func (squad, squad_member_clear_func);
  stmt = comptoir_db_prepare (db,
                              "SELECT m.id, m.number, m.first_name || ' ' || m.last_name, min (q.from_on) "
                              "FROM shift_squad q JOIN member m ON m.id = q.member_id WHERE q.template_id = ?1 "
                              "AND q.from_on <= ?2 AND (q.to_on IS NULL OR q.to_on >= ?2) "
                              "GROUP BY m.id ORDER BY m.number",
                              error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (on, iso);
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirSquadMember member = { 0 };

      g_strlcpy (member.member_id, (const char *) sqlite3_column_text (stmt, 0), sizeof member.member_id);
      member.number = sqlite3_column_int64 (stmt, 1);
      member.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      member.from_on = comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (squad, member);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out = g_steal_pointer (&squad);
  return TRUE;
}

/* Roles --------------------------------------------------------------------- */

static gboolean
set_role (ComptoirDb  *db,
          const char  *member_id,
          const char  *role,
          gboolean     active,
          GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (role != NULL ? role : ""));
  g_autofree char *id = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirShiftMember member;

  if (*name == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Name the training, such as “cashier”."));
      return FALSE;
    }
  if (!_comptoir_shift_load_member (db, member_id, &member, error))
    return FALSE;
  id = _comptoir_shift_uuid8 ("role", member_id, name, NULL);
  change = comptoir_change_new ("member_role", id);
  comptoir_change_set_text (change, "member_id", member_id);
  comptoir_change_set_text (change, "role", name);
  comptoir_change_set_bool (change, "active", active);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_member_role_grant (ComptoirDb  *db,
                            const char  *member_id,
                            const char  *role,
                            GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  return set_role (db, member_id, role, TRUE, error);
}

gboolean
comptoir_member_role_revoke (ComptoirDb  *db,
                             const char  *member_id,
                             const char  *role,
                             GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  return set_role (db, member_id, role, FALSE, error);
}

gboolean
comptoir_member_has_role (ComptoirDb  *db,
                          const char  *member_id,
                          const char  *role,
                          gboolean    *out,
                          GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (role == NULL || *role == '\0')
    {
      *out = TRUE;
      return TRUE;
    }
  stmt = comptoir_db_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM member_role WHERE member_id = ?1 AND role = ?2 AND active)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}
