/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* The planning: slots made from the templates, one-off slots and
 * closing days. Slots and squad seats made by generation have ids
 * that follow from what they are, so that two machines generating the
 * same weeks offline make the same rows, and replication merges them. */

char *
comptoir_shift_slot_id (const char  *template_id,
                        ComptoirDay  day)
{
  char iso[11];

  g_return_val_if_fail (template_id != NULL, NULL);

  comptoir_day_to_iso (day, iso);
  return _comptoir_shift_uuid8 ("slot", template_id, iso, NULL);
}

/* Standard members in the template's squad on that day who are neither
 * gone nor on leave: those generation gives a seat. */
#define SQUAD_SEATS_SQL \
  "SELECT q.member_id FROM shift_squad q JOIN member m ON m.id = q.member_id " \
  "WHERE q.template_id = ?1 AND q.from_on <= ?2 AND (q.to_on IS NULL OR q.to_on >= ?2) " \
  "AND m.participation = 'standard' AND (m.left_on IS NULL OR m.left_on > ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM member_leave l WHERE l.member_id = m.id AND l.from_on <= ?2 " \
  "AND (l.to_on IS NULL OR l.to_on >= ?2)) ORDER BY q.member_id"

/* A squad seat: claimed and accepted at once (a squad never outgrows its
 * template, and the seat is the member's by right), as one fact group.
 * A member who left the squad and came back has released the seat of
 * the derived id: the new claim gets a fresh one. */
gboolean
_comptoir_shift_claim_squad_seat (ComptoirDb  *db,
                                  const char  *slot_id,
                                  const char  *member_id,
                                  const char  *at,
                                  gboolean    *out_claimed,
                                  GError     **error)
{
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autofree char *id = _comptoir_shift_uuid8 ("squad", slot_id, member_id, NULL);
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirChange *claim, *decision;
  gboolean exists;

  *out_claimed = FALSE;
  stmt = comptoir_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM shift_claim WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  exists = sqlite3_column_int (stmt, 0) != 0;
  g_clear_pointer (&stmt, comptoir_stmt_release);
  if (exists)
    g_clear_pointer (&id, g_free);

  claim = comptoir_change_new ("shift_claim", id);
  comptoir_change_set_text (claim, "slot_id", slot_id);
  comptoir_change_set_text (claim, "member_id", member_id);
  comptoir_change_set_text (claim, "kind", comptoir_claim_kind_to_string (COMPTOIR_CLAIM_SQUAD));
  comptoir_change_set_text (claim, "at", at);
  comptoir_change_set_text (claim, "device_id", comptoir_db_get_device_id (db));
  g_ptr_array_add (facts, claim);
  decision = comptoir_change_new ("shift_claim_decision", comptoir_change_get_row_id (claim));
  comptoir_change_set_text (decision, "claim_id", comptoir_change_get_row_id (claim));
  comptoir_change_set_text (decision, "slot_id", slot_id);
  comptoir_change_set_int (decision, "accepted", 1);
  comptoir_change_set_text (decision, "at", at);
  comptoir_change_set_text (decision, "decided_by", comptoir_db_get_device_id (db));
  g_ptr_array_add (facts, decision);
  if (!_comptoir_shift_insert_facts (db, facts, error))
    return FALSE;
  *out_claimed = TRUE;
  return TRUE;
}

static gboolean
give_squad_seats (ComptoirDb  *db,
                  const char  *slot_id,
                  const char  *template_id,
                  ComptoirDay  day,
                  const char  *at,
                  guint       *n_seats,
                  GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, SQUAD_SEATS_SQL, error);
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  char iso[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (day, iso);
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  for (guint i = 0; i < members->len; i++)
    {
      gboolean claimed;

      if (!_comptoir_shift_claim_squad_seat (db, slot_id, g_ptr_array_index (members, i), at, &claimed, error))
        return FALSE;
      if (claimed && n_seats != NULL)
        (*n_seats)++;
    }
  return TRUE;
}

typedef struct {
  char             id[COMPTOIR_ID_LEN + 1];
  guint            week_index;
  guint            weekday;
  guint            start_minute;
  guint            end_minute;
  char            *job;
  guint            capacity;
  char            *required_role;
} ActiveTemplate;

static void
active_template_clear (gpointer data)
{
  ActiveTemplate *t = data;

  g_free (t->job);
  g_free (t->required_role);
}

typedef struct {
  ComptoirDay from_day;
  guint       weeks;
  guint       n_slots;
  guint       n_seats;
} Generate;

static gboolean
load_day_set (ComptoirDb  *db,
              const char  *sql,
              ComptoirDay  from_day,
              ComptoirDay  to_day,
              GHashTable  *out,
              GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);
  char from[11], to[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (from_day, from);
  comptoir_day_to_iso (to_day, to);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
generate (ComptoirDb  *db,
          gpointer     user_data,
          GError     **error)
{
  Generate *op = user_data;
  g_autoptr (GArray) templates = g_array_new (FALSE, TRUE, sizeof (ActiveTemplate));
  g_autoptr (GHashTable) closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  ComptoirDay to_day = op->from_day + 7 * op->weeks - 1;
  ComptoirStatusRules rules;
  int rc;

  g_array_set_clear_func (templates, active_template_clear);
  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  stmt = comptoir_db_prepare (db,
                              "SELECT id, week_index, weekday, start_minute, end_minute, job, capacity, "
                              "required_role FROM shift_template WHERE active ORDER BY week_index, weekday, "
                              "start_minute, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ActiveTemplate t = { 0 };

      g_strlcpy (t.id, (const char *) sqlite3_column_text (stmt, 0), sizeof t.id);
      t.week_index = (guint) sqlite3_column_int (stmt, 1);
      t.weekday = (guint) sqlite3_column_int (stmt, 2);
      t.start_minute = (guint) sqlite3_column_int (stmt, 3);
      t.end_minute = (guint) sqlite3_column_int (stmt, 4);
      t.job = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      t.capacity = (guint) sqlite3_column_int (stmt, 6);
      t.required_role = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_array_append_val (templates, t);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (!load_day_set (db, "SELECT day FROM closing_day WHERE active AND day BETWEEN ?1 AND ?2",
                     op->from_day, to_day, closed, error) ||
      !load_day_set (db, "SELECT id FROM shift_slot WHERE day BETWEEN ?1 AND ?2", op->from_day, to_day,
                     existing, error))
    return FALSE;

  for (ComptoirDay day = op->from_day; day <= to_day; day++)
    {
      guint week = comptoir_shift_week_index (&rules, day);
      GDate date;
      guint weekday;
      char iso[11];

      comptoir_day_to_iso (day, iso);
      if (g_hash_table_contains (closed, iso))
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      weekday = g_date_get_weekday (&date);

      for (guint i = 0; i < templates->len; i++)
        {
          const ActiveTemplate *t = &g_array_index (templates, ActiveTemplate, i);
          g_autofree char *slot_id = NULL;
          g_autoptr (ComptoirChange) slot = NULL;

          if (t->week_index != week || t->weekday != weekday)
            continue;
          slot_id = comptoir_shift_slot_id (t->id, day);
          if (g_hash_table_contains (existing, slot_id))
            continue;

          slot = comptoir_change_new ("shift_slot", slot_id);
          comptoir_change_set_text (slot, "template_id", t->id);
          comptoir_change_set_text (slot, "day", iso);
          comptoir_change_set_int (slot, "start_minute", t->start_minute);
          comptoir_change_set_int (slot, "end_minute", t->end_minute);
          comptoir_change_set_text (slot, "job", t->job);
          comptoir_change_set_int (slot, "capacity", t->capacity);
          comptoir_change_set_text (slot, "required_role", t->required_role);
          comptoir_change_set_bool (slot, "cancelled", FALSE);
          if (!comptoir_db_apply_change (db, slot, NULL, error) ||
              !give_squad_seats (db, slot_id, t->id, day, at, &op->n_seats, error))
            return FALSE;
          op->n_slots++;
        }
    }
  return TRUE;
}

gboolean
comptoir_shift_generate (ComptoirDb   *db,
                         ComptoirDay   from_day,
                         guint         weeks,
                         guint        *n_slots,
                         guint        *n_seats,
                         GError      **error)
{
  Generate op = { from_day, weeks, 0, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (from_day == COMPTOIR_DAY_NONE || weeks < 1 || weeks > 53)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the first day as YYYY-MM-DD and 1 to 53 weeks."));
      return FALSE;
    }
  if (!comptoir_db_transaction (db, generate, &op, error))
    return FALSE;
  if (n_slots != NULL)
    *n_slots = op.n_slots;
  if (n_seats != NULL)
    *n_seats = op.n_seats;
  return TRUE;
}

char *
comptoir_shift_add_slot (ComptoirDb        *db,
                         ComptoirDay        day,
                         guint              start_minute,
                         guint              end_minute,
                         ComptoirShiftJob   job,
                         guint              capacity,
                         const char        *required_role,
                         GError           **error)
{
  g_autoptr (ComptoirChange) slot = NULL;
  g_autofree char *role = g_strstrip (g_strdup (required_role != NULL ? required_role : ""));
  char iso[11];

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (day == COMPTOIR_DAY_NONE || job >= COMPTOIR_SHIFT_N_JOBS)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day of the shift as YYYY-MM-DD, and its job."));
      return NULL;
    }
  if (!_comptoir_shift_check_times (start_minute, end_minute, capacity, error))
    return NULL;
  comptoir_day_to_iso (day, iso);
  slot = comptoir_change_new ("shift_slot", NULL);
  comptoir_change_set_text (slot, "day", iso);
  comptoir_change_set_int (slot, "start_minute", start_minute);
  comptoir_change_set_int (slot, "end_minute", end_minute);
  comptoir_change_set_text (slot, "job", comptoir_shift_job_to_string (job));
  comptoir_change_set_int (slot, "capacity", capacity);
  comptoir_change_set_text (slot, "required_role", *role != '\0' ? role : NULL);
  comptoir_change_set_bool (slot, "cancelled", FALSE);
  if (!comptoir_db_apply_change (db, slot, NULL, error))
    return NULL;
  return g_strdup (comptoir_change_get_row_id (slot));
}

typedef struct {
  const char  *slot_id;
  const char  *by_staff;
  ComptoirDay  day;
  const char  *label;
  guint        n_cancelled;
} SlotOp;

/* Marks the slot cancelled and gives every seat in it back, without
 * penalty: the shop, not the member, called it off. */
static gboolean
cancel_one_slot (ComptoirDb  *db,
                 const char  *slot_id,
                 const char  *by_staff,
                 const char  *at,
                 GError     **error)
{
  g_autoptr (ComptoirChange) change = comptoir_change_new ("shift_slot", slot_id);
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func (g_free);
  int rc;

  comptoir_change_set_bool (change, "cancelled", TRUE);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;
  stmt = comptoir_db_prepare (db,
                              "SELECT c.id FROM shift_claim c WHERE c.slot_id = ?1 "
                              "AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = c.id) "
                              "AND NOT EXISTS (SELECT 1 FROM shift_claim_decision d WHERE d.claim_id = c.id "
                              "AND NOT d.accepted) ORDER BY c.rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, slot_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  for (guint i = 0; i < claims->len; i++)
    if (!_comptoir_shift_release_claim (db, g_ptr_array_index (claims, i), "closed", by_staff, at, error))
      return FALSE;
  return TRUE;
}

static gboolean
cancel_slot (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  SlotOp *op = user_data;
  g_auto (ComptoirShiftSlot) slot = { 0 };
  g_autofree char *at = _comptoir_shift_timestamp (NULL);

  if (!_comptoir_shift_check_staff (db, op->by_staff, error) ||
      !_comptoir_shift_load_slot (db, op->slot_id, &slot, error))
    return FALSE;
  if (slot.cancelled)
    return TRUE;
  return cancel_one_slot (db, op->slot_id, op->by_staff, at, error);
}

gboolean
comptoir_shift_cancel_slot (ComptoirDb  *db,
                            const char  *slot_id,
                            const char  *by_staff,
                            GError     **error)
{
  SlotOp op = { slot_id, by_staff, 0, NULL, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);

  return comptoir_db_transaction (db, cancel_slot, &op, error);
}

static gboolean
set_closing_day (ComptoirDb  *db,
                 ComptoirDay  day,
                 const char  *label,
                 gboolean     active,
                 GError     **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *id = NULL;
  char iso[11];

  comptoir_day_to_iso (day, iso);
  /* The id follows from the day: the column is unique, and two machines
   * closing the same day must write the same row. */
  id = _comptoir_shift_uuid8 ("closing", iso, NULL);
  change = comptoir_change_new ("closing_day", id);
  comptoir_change_set_text (change, "day", iso);
  if (label != NULL)
    comptoir_change_set_text (change, "label", label);
  comptoir_change_set_bool (change, "active", active);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static gboolean
add_closing_day (ComptoirDb  *db,
                 gpointer     user_data,
                 GError     **error)
{
  SlotOp *op = user_data;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *at = _comptoir_shift_timestamp (NULL);
  char iso[11];
  int rc;

  if (!set_closing_day (db, op->day, op->label, TRUE, error))
    return FALSE;
  comptoir_day_to_iso (op->day, iso);
  stmt = comptoir_db_prepare (db, "SELECT id FROM shift_slot WHERE day = ?1 AND NOT cancelled ORDER BY start_minute, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (slots, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  for (guint i = 0; i < slots->len; i++)
    if (!cancel_one_slot (db, g_ptr_array_index (slots, i), NULL, at, error))
      return FALSE;
  op->n_cancelled = slots->len;
  return TRUE;
}

gboolean
comptoir_shift_add_closing_day (ComptoirDb   *db,
                                ComptoirDay   day,
                                const char   *label,
                                guint        *n_cancelled,
                                GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (label != NULL ? label : ""));
  SlotOp op = { NULL, NULL, day, text, 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (day == COMPTOIR_DAY_NONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the day as YYYY-MM-DD, such as 2026-03-14."));
      return FALSE;
    }
  if (*text == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the shop is closed that day, such as “Bastille Day”."));
      return FALSE;
    }
  if (!comptoir_db_transaction (db, add_closing_day, &op, error))
    return FALSE;
  if (n_cancelled != NULL)
    *n_cancelled = op.n_cancelled;
  return TRUE;
}

gboolean
comptoir_shift_remove_closing_day (ComptoirDb   *db,
                                   ComptoirDay   day,
                                   GError      **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  char iso[11];

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  comptoir_day_to_iso (day, iso);
  stmt = comptoir_db_prepare (db, "SELECT 1 FROM closing_day WHERE day = ?1 AND active", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("%s is not a closing day: the list of closing days shows them."), iso);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  return set_closing_day (db, day, NULL, FALSE, error);
}

static void
closing_day_clear (gpointer data)
{
  g_free (((ComptoirClosingDay *) data)->label);
}

gboolean
comptoir_shift_list_closing_days (ComptoirDb   *db,
                                  ComptoirDay   from_day,
                                  ComptoirDay   to_day,
                                  GArray      **out,
                                  GError      **error)
{
  g_autoptr (GArray) days = g_array_new (FALSE, TRUE, sizeof (ComptoirClosingDay));
  g_autoptr (ComptoirStmt) stmt = NULL;
  char from[11], to[11];
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_array_set_clear_func (days, closing_day_clear);
  stmt = comptoir_db_prepare (db, "SELECT day, label FROM closing_day WHERE active AND day BETWEEN ?1 AND ?2 "
                              "ORDER BY day", error);
  if (stmt == NULL)
    return FALSE;
  comptoir_day_to_iso (from_day, from);
  comptoir_day_to_iso (to_day, to);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirClosingDay day = {
        comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
      };

      g_array_append_val (days, day);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out = g_steal_pointer (&days);
  return TRUE;
}
