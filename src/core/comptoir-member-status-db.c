/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-member-private.h"
#include "comptoir-member-status.h"
#include "comptoir-settings.h"

/* Statuses from the database: the member's facts and ledger read in the
 * order the computation wants them, one member by its id, or all of
 * them in one ordered walk of each table merged on the member id. */

#define MEMBER_SQL "SELECT id, number, participation, participation_since, left_on FROM member "
#define LEAVE_SQL  "SELECT member_id, id, kind, from_on, to_on FROM member_leave "
/* The columns of the index counter_entry_member, so that the walk never
 * leaves it. */
#define ENTRY_SQL  "SELECT member_id, effective_on, id, kind, points, reason, related_member_id " \
                   "FROM counter_entry INDEXED BY counter_entry_member "

static void
copy_id (char       *out,
         const char *id)
{
  g_strlcpy (out, id != NULL ? id : "", COMPTOIR_ID_LEN + 1);
}

static ComptoirDay
column_day (sqlite3_stmt *stmt,
            int           column)
{
  return comptoir_day_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

static void
read_facts (sqlite3_stmt        *stmt,
            ComptoirMemberFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  copy_id (facts->member_id, (const char *) sqlite3_column_text (stmt, 0));
  facts->number = sqlite3_column_int64 (stmt, 1);
  if (!comptoir_participation_from_string ((const char *) sqlite3_column_text (stmt, 2), &facts->participation))
    facts->participation = COMPTOIR_PARTICIPATION_STANDARD;
  facts->participation_since = column_day (stmt, 3);
  facts->left_on = column_day (stmt, 4);
}

static void
read_leave (sqlite3_stmt  *stmt,
            ComptoirLeave *leave)
{
  memset (leave, 0, sizeof *leave);
  copy_id (leave->id, (const char *) sqlite3_column_text (stmt, 1));
  if (!comptoir_leave_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &leave->kind))
    leave->kind = COMPTOIR_LEAVE_OTHER;
  leave->from_on = column_day (stmt, 3);
  leave->to_on = column_day (stmt, 4);
}

/* Borrows the strings of the row: apply() copies what it keeps. */
static gboolean
read_entry (sqlite3_stmt        *stmt,
            ComptoirLedgerEntry *entry)
{
  entry->effective_on = column_day (stmt, 1);
  copy_id (entry->id, (const char *) sqlite3_column_text (stmt, 2));
  entry->points = sqlite3_column_int64 (stmt, 4);
  entry->reason = (char *) sqlite3_column_text (stmt, 5);
  entry->related_member_id = (char *) sqlite3_column_text (stmt, 6);
  return entry->effective_on != COMPTOIR_DAY_NONE &&
         comptoir_ledger_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &entry->kind);
}

static void
set_bad_entry (GError     **error,
               const char  *id)
{
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
               _("The counter entry %s cannot be read: this program may be older than the one that "
                 "wrote it. Update Comptoir on this machine."),
               id);
}

gboolean
comptoir_member_status_compute (ComptoirDb            *db,
                                const char            *member_id,
                                ComptoirDay            today,
                                ComptoirMemberStatus  *out,
                                GError               **error)
{
  g_autoptr (ComptoirStmt) member = NULL;
  g_autoptr (ComptoirStmt) leaves = NULL;
  g_autoptr (ComptoirStmt) entries = NULL;
  g_autoptr (GArray) leave_array = g_array_new (FALSE, FALSE, sizeof (ComptoirLeave));
  ComptoirStatusRules rules;
  ComptoirMemberFacts facts;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL && out != NULL, FALSE);

  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  member = comptoir_db_prepare (db, MEMBER_SQL "WHERE id = ?1", error);
  if (member == NULL)
    return FALSE;
  sqlite3_bind_text (member, 1, member_id, -1, SQLITE_STATIC);
  if (!_comptoir_member_step_one (db, member, error))
    return FALSE;
  read_facts (member, &facts);

  leaves = comptoir_db_prepare (db, LEAVE_SQL "WHERE member_id = ?1 ORDER BY from_on, id", error);
  if (leaves == NULL)
    return FALSE;
  sqlite3_bind_text (leaves, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (leaves)) == SQLITE_ROW)
    {
      ComptoirLeave leave;

      read_leave (leaves, &leave);
      g_array_append_val (leave_array, leave);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  facts.leaves = (const ComptoirLeave *) leave_array->data;
  facts.n_leaves = leave_array->len;

  entries = comptoir_db_prepare (db, ENTRY_SQL "WHERE member_id = ?1 ORDER BY member_id, effective_on, id", error);
  if (entries == NULL)
    return FALSE;
  sqlite3_bind_text (entries, 1, member_id, -1, SQLITE_STATIC);
  comptoir_member_status_init (out, &rules, &facts);
  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      ComptoirLedgerEntry entry;

      if (!read_entry (entries, &entry))
        {
          set_bad_entry (error, entry.id);
          return FALSE;
        }
      comptoir_member_status_apply (out, &entry);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  comptoir_member_status_finish (out, today);
  return TRUE;
}

/* Steps a statement of the merge; FALSE on an error. *out_row says
 * whether there is a row. */
static gboolean
step (ComptoirDb    *db,
      sqlite3_stmt  *stmt,
      gboolean      *out_row,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  *out_row = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the statement is on a row of this member, after skipping
 * rows of a member id that sorts before it (none while foreign keys
 * hold). */
static gboolean
row_is_for (ComptoirDb    *db,
            sqlite3_stmt  *stmt,
            gboolean      *has_row,
            const char    *member_id,
            gboolean      *out_ok,
            GError       **error)
{
  int order = 0;

  *out_ok = TRUE;
  while (*has_row && (order = strcmp ((const char *) sqlite3_column_text (stmt, 0), member_id)) < 0)
    if (!(*out_ok = step (db, stmt, has_row, error)))
      return FALSE;
  return *has_row && order == 0;
}

gboolean
comptoir_member_status_compute_all (ComptoirDb                *db,
                                    ComptoirDay                today,
                                    ComptoirMemberStatusFunc   func,
                                    gpointer                   user_data,
                                    GError                   **error)
{
  g_autoptr (ComptoirStmt) members = NULL;
  g_autoptr (ComptoirStmt) leaves = NULL;
  g_autoptr (ComptoirStmt) entries = NULL;
  g_autoptr (GArray) leave_array = g_array_new (FALSE, FALSE, sizeof (ComptoirLeave));
  g_auto (ComptoirMemberStatus) status = { 0 };
  ComptoirStatusRules rules;
  gboolean has_member, has_leave, has_entry, ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  members = comptoir_db_prepare (db, MEMBER_SQL "ORDER BY id", error);
  if (members == NULL)
    return FALSE;
  leaves = comptoir_db_prepare (db, LEAVE_SQL "ORDER BY member_id, from_on, id", error);
  if (leaves == NULL)
    return FALSE;
  entries = comptoir_db_prepare (db, ENTRY_SQL "ORDER BY member_id, effective_on, id", error);
  if (entries == NULL)
    return FALSE;

  /* Every leave and entry belongs to a member (foreign keys), and the
   * three walks go in the same order of member ids. */
  if (!step (db, leaves, &has_leave, error) || !step (db, entries, &has_entry, error))
    return FALSE;
  for (;;)
    {
      ComptoirMemberFacts facts;

      if (!step (db, members, &has_member, error))
        return FALSE;
      if (!has_member)
        break;
      read_facts (members, &facts);

      g_array_set_size (leave_array, 0);
      while (row_is_for (db, leaves, &has_leave, facts.member_id, &ok, error))
        {
          ComptoirLeave leave;

          read_leave (leaves, &leave);
          g_array_append_val (leave_array, leave);
          if (!step (db, leaves, &has_leave, error))
            return FALSE;
        }
      if (!ok)
        return FALSE;
      facts.leaves = (const ComptoirLeave *) leave_array->data;
      facts.n_leaves = leave_array->len;

      comptoir_member_status_init (&status, &rules, &facts);
      while (row_is_for (db, entries, &has_entry, facts.member_id, &ok, error))
        {
          ComptoirLedgerEntry entry;

          if (!read_entry (entries, &entry))
            {
              set_bad_entry (error, entry.id);
              return FALSE;
            }
          comptoir_member_status_apply (&status, &entry);
          if (!step (db, entries, &has_entry, error))
            return FALSE;
        }
      if (!ok)
        return FALSE;
      comptoir_member_status_finish (&status, today);
      if (!func (&status, user_data))
        return TRUE;
    }
  return TRUE;
}
