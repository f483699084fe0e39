/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-shift"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-settings.h"
#include "comptoir-shift-private.h"

/* Reading the planning: slots with who is in them. Whatever the range,
 * two queries: the slots, then every seat in them, attached by id. A
 * planning week has some sixty slots and two hundred seats, and a query
 * per slot would cost more than the screen can wait. */

typedef enum {
  BY_RANGE,
  BY_ID,
  BY_MEMBER,
  BY_OFFERS,
} Filter;

/* ?1, ?2: days; ?3: a slot or a member id. */
#define LIVE(c) \
  "NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = " c ".id) " \
  "AND NOT EXISTS (SELECT 1 FROM shift_claim_decision x WHERE x.claim_id = " c ".id AND NOT x.accepted)"
#define OPEN_OFFER(o) "NOT EXISTS (SELECT 1 FROM shift_offer_end e WHERE e.offer_id = " o ".id)"

static const char * const slot_filters[] = {
  [BY_RANGE] = "s.day BETWEEN ?1 AND ?2",
  [BY_ID] = "s.id = ?3",
  [BY_MEMBER] = "s.day >= ?1 AND s.id IN (SELECT k.slot_id FROM shift_claim k WHERE k.member_id = ?3 AND "
                LIVE ("k") ")",
  [BY_OFFERS] = "s.day >= ?1 AND NOT s.cancelled AND s.id IN (SELECT k.slot_id FROM shift_claim k "
                "JOIN shift_offer o ON o.claim_id = k.id WHERE " OPEN_OFFER ("o") " AND " LIVE ("k") ")",
};

#define SEAT_COLUMNS \
  "c.slot_id, c.id, c.member_id, m.number, m.first_name || ' ' || m.last_name, c.kind, d.accepted, " \
  "(SELECT o.id FROM shift_offer o WHERE o.claim_id = c.id AND " OPEN_OFFER ("o") " ORDER BY o.id LIMIT 1), " \
  "(SELECT a.outcome FROM shift_attendance a WHERE a.slot_id = c.slot_id AND a.member_id = c.member_id " \
  "AND NOT EXISTS (SELECT 1 FROM shift_attendance b WHERE b.slot_id = a.slot_id AND b.member_id = a.member_id " \
  "AND b.corrects = a.id) ORDER BY a.at DESC, a.id DESC LIMIT 1)"

static void
bind_filter (sqlite3_stmt *stmt,
             ComptoirDay   from_day,
             ComptoirDay   to_day,
             const char   *id)
{
  char from[11], to[11];

  comptoir_day_to_iso (from_day, from);
  comptoir_day_to_iso (to_day, to);
  if (sqlite3_bind_parameter_index (stmt, "?1") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?1"), from, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_index (stmt, "?2") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?2"), to, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_index (stmt, "?3") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "?3"), id, -1, SQLITE_TRANSIENT);
}

static void
slot_clear_func (gpointer data)
{
  comptoir_shift_slot_clear (data);
}

static void
seat_from_row (sqlite3_stmt      *stmt,
               ComptoirShiftSeat *seat)
{
  const char *offer = (const char *) sqlite3_column_text (stmt, 7);
  const char *outcome = (const char *) sqlite3_column_text (stmt, 8);

  g_strlcpy (seat->claim_id, (const char *) sqlite3_column_text (stmt, 1), sizeof seat->claim_id);
  g_strlcpy (seat->member_id, (const char *) sqlite3_column_text (stmt, 2), sizeof seat->member_id);
  seat->number = sqlite3_column_int64 (stmt, 3);
  seat->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (!comptoir_claim_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &seat->kind))
    seat->kind = COMPTOIR_CLAIM_BOOK;
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    seat->state = COMPTOIR_SEAT_PENDING;
  else if (offer != NULL)
    seat->state = COMPTOIR_SEAT_OFFERED;
  else
    seat->state = COMPTOIR_SEAT_HELD;
  g_strlcpy (seat->offer_id, offer != NULL ? offer : "", sizeof seat->offer_id);
  if (g_strcmp0 (outcome, "present") == 0)
    seat->attendance = COMPTOIR_ATTENDANCE_PRESENT;
  else if (g_strcmp0 (outcome, "absent") == 0)
    seat->attendance = COMPTOIR_ATTENDANCE_ABSENT;
  else
    seat->attendance = COMPTOIR_ATTENDANCE_NONE;
}

static gboolean
load_slots (ComptoirDb   *db,
            Filter        filter,
            ComptoirDay   from_day,
            ComptoirDay   to_day,
            const char   *id,
            GArray      **out,
            GError      **error)
{
  g_autoptr (GArray) slots = g_array_new (FALSE, TRUE, sizeof (ComptoirShiftSlot));
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *slot_sql = NULL;
  g_autofree char *seat_sql = NULL;
  ComptoirStatusRules rules;
  int rc;

  g_array_set_clear_func (slots, slot_clear_func);
  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;

  slot_sql = g_strconcat ("SELECT " COMPTOIR_SHIFT_SLOT_COLUMNS " FROM shift_slot s WHERE ", slot_filters[filter],
                          " ORDER BY s.day, s.start_minute, s.job, s.id", NULL);
  if (!(stmt = comptoir_db_prepare (db, slot_sql, error)))
    return FALSE;
  bind_filter (stmt, from_day, to_day, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirShiftSlot slot;

      _comptoir_shift_slot_from_row (stmt, 0, &rules, &slot);
      g_array_append_val (slots, slot);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  /* The array no longer grows: pointers into it stay valid. */
  for (guint i = 0; i < slots->len; i++)
    {
      ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);

      g_hash_table_insert (index, slot->id, slot);
    }

  if (slots->len > 0)
    {
      seat_sql = g_strconcat ("SELECT " SEAT_COLUMNS " FROM shift_slot s JOIN shift_claim c ON c.slot_id = s.id "
                              "JOIN member m ON m.id = c.member_id "
                              "LEFT JOIN shift_claim_decision d ON d.claim_id = c.id WHERE ",
                              slot_filters[filter],
                              " AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = c.id) "
                              "AND (d.accepted IS NULL OR d.accepted) ORDER BY m.number, c.rowid",
                              NULL);
      if (!(stmt = comptoir_db_prepare (db, seat_sql, error)))
        return FALSE;
      bind_filter (stmt, from_day, to_day, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ComptoirShiftSlot *slot = g_hash_table_lookup (index, sqlite3_column_text (stmt, 0));
          ComptoirShiftSeat seat = { 0 };

          if (slot == NULL)
            continue;
          seat_from_row (stmt, &seat);
          if (seat.state == COMPTOIR_SEAT_PENDING)
            slot->n_pending++;
          else
            slot->n_held++;
          g_array_append_val (slot->seats, seat);
        }
      if (rc != SQLITE_DONE)
        {
          comptoir_db_set_error (db, error);
          return FALSE;
        }
    }
  *out = g_steal_pointer (&slots);
  return TRUE;
}

gboolean
comptoir_shift_list_slots (ComptoirDb   *db,
                           ComptoirDay   from_day,
                           ComptoirDay   to_day,
                           GArray      **out,
                           GError      **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return load_slots (db, BY_RANGE, from_day, to_day, NULL, out, error);
}

gboolean
comptoir_shift_get_slot (ComptoirDb         *db,
                         const char         *slot_id,
                         ComptoirShiftSlot  *out,
                         GError            **error)
{
  g_autoptr (GArray) slots = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (slot_id != NULL && out != NULL, FALSE);

  if (!load_slots (db, BY_ID, COMPTOIR_DAY_NONE, COMPTOIR_DAY_NONE, slot_id, &slots, error))
    return FALSE;
  if (slots->len == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No shift has this identifier: open the planning again."));
      return FALSE;
    }
  /* Moved out: the array must not free what the caller now owns. */
  *out = g_array_index (slots, ComptoirShiftSlot, 0);
  memset (&g_array_index (slots, ComptoirShiftSlot, 0), 0, sizeof (ComptoirShiftSlot));
  return TRUE;
}

gboolean
comptoir_shift_list_member_slots (ComptoirDb   *db,
                                  const char   *member_id,
                                  ComptoirDay   from_day,
                                  GArray      **out,
                                  GError      **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  return load_slots (db, BY_MEMBER, from_day, COMPTOIR_DAY_NONE, member_id, out, error);
}

gboolean
comptoir_shift_list_offers (ComptoirDb   *db,
                            ComptoirDay   from_day,
                            GArray      **out,
                            GError      **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return load_slots (db, BY_OFFERS, from_day, COMPTOIR_DAY_NONE, NULL, out, error);
}
