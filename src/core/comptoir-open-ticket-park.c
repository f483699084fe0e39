/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-open-ticket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-audit.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-open-ticket-private.h"
#include "comptoir-staff-private.h"

static gboolean
write_cancel (ComptoirOpenTicket  *self,
              const char          *staff_id,
              const char          *reason,
              char               **out_next,
              GError             **error)
{
  g_autoptr (JsonObject) details = json_object_new ();
  JsonArray *lines = json_array_sized_new (self->lines->len);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      JsonObject *row = _comptoir_open_ticket_line_details (line, i + 1);

      if (line->void_reason != NULL)
        json_object_set_string_member (row, "void_reason", line->void_reason);
      json_array_add_object_element (lines, row);
    }
  json_object_set_array_member (details, "lines", lines);
  json_object_set_int_member (details, "total_cents", comptoir_open_ticket_get_total (self));
  if (self->cashier != NULL)
    json_object_set_string_member (details, "cashier", self->cashier);

  return comptoir_audit_record (self->db, self->till_id, COMPTOIR_AUDIT_TICKET_CANCEL, staff_id, NULL,
                                self->id, reason, details, error) &&
         _comptoir_open_ticket_forget (self, error) &&
         (*out_next = _comptoir_open_ticket_insert_new (self, error)) != NULL;
}

gboolean
comptoir_open_ticket_cancel (ComptoirOpenTicket  *self,
                             const char          *staff_id,
                             const char          *reason,
                             GError             **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *next = NULL;
  g_autoptr (GArray) empty = _comptoir_open_ticket_lines_new ();

  if (!_comptoir_open_ticket_check_unpaid (self, error))
    return FALSE;
  if (self->lines->len == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The ticket is empty: there is nothing to cancel."));
      return FALSE;
    }
  if ((clean = _comptoir_open_ticket_clean_reason (reason, _("Say why the ticket is cancelled, for example “customer left”."), error)) == NULL ||
      !_comptoir_staff_check (self->db, staff_id, FALSE, NULL, error))
    return FALSE;

  if (!comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_cancel (self, staff_id, clean, &next, error), error))
    return FALSE;

  _comptoir_open_ticket_adopt (self, &next, empty, NULL);
  return TRUE;
}

static gboolean
write_park (ComptoirOpenTicket  *self,
            const char          *ticket_id,
            const char          *label,
            GError             **error)
{
  g_autoptr (ComptoirStmt) park =
    comptoir_db_prepare (self->db, "UPDATE open_ticket SET parked_at = ?2, label = ?3 WHERE ticket_id = ?1", error);
  g_autofree char *at = comptoir_timestamp_now ();

  if (park == NULL)
    return FALSE;
  sqlite3_bind_text (park, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (park, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (park, 3, label, -1, SQLITE_STATIC);
  return comptoir_db_step_done (self->db, park, error);
}

gboolean
comptoir_open_ticket_park (ComptoirOpenTicket  *self,
                           const char          *label,
                           GError             **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree char *next = NULL;
  g_autoptr (GArray) empty = _comptoir_open_ticket_lines_new ();
  gboolean ok;

  if (!_comptoir_open_ticket_check_unpaid (self, error))
    return FALSE;
  if (self->lines->len == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The ticket is empty: there is nothing to park."));
      return FALSE;
    }

  if (!comptoir_db_begin (self->db, error))
    return FALSE;
  ok = write_park (self, self->id, clean[0] != '\0' ? clean : NULL, error) &&
       (next = _comptoir_open_ticket_insert_new (self, error)) != NULL;
  if (!_comptoir_open_ticket_finish (self, ok, error))
    return FALSE;

  _comptoir_open_ticket_adopt (self, &next, empty, NULL);
  return TRUE;
}

static gboolean
write_resume (ComptoirOpenTicket  *self,
              const char          *ticket_id,
              GArray              *lines,
              char               **out_member_id,
              GError             **error)
{
  g_autoptr (ComptoirStmt) find =
    comptoir_db_prepare (self->db, "SELECT member_id FROM open_ticket WHERE ticket_id = ?1 AND till_id = ?2 "
                                   "AND parked_at IS NOT NULL", error);
  g_autoptr (ComptoirStmt) resume = NULL;
  int rc;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, self->till_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This ticket is no longer parked at this till: it was resumed or "
                             "cancelled meanwhile. Look at the list of parked tickets again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (self->db, error);
      return FALSE;
    }
  *out_member_id = g_strdup ((const char *) sqlite3_column_text (find, 0));
  comptoir_stmt_release (g_steal_pointer (&find));

  /* Only one ticket of the till is current at a time: the one in hand
   * goes aside (or away, if empty) before the other comes back. */
  if (self->lines->len > 0 ? !write_park (self, self->id, NULL, error) : !_comptoir_open_ticket_forget (self, error))
    return FALSE;

  resume = comptoir_db_prepare (self->db, "UPDATE open_ticket SET parked_at = NULL, label = NULL, cashier = ?2 "
                                          "WHERE ticket_id = ?1", error);
  if (resume == NULL)
    return FALSE;
  sqlite3_bind_text (resume, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (resume, 2, self->cashier, -1, SQLITE_STATIC);
  return comptoir_db_step_done (self->db, resume, error) &&
         _comptoir_open_ticket_load_lines (self->db, ticket_id, lines, error);
}

gboolean
comptoir_open_ticket_resume (ComptoirOpenTicket  *self,
                             const char          *ticket_id,
                             GError             **error)
{
  g_autoptr (GArray) lines = _comptoir_open_ticket_lines_new ();
  g_autofree char *id = g_strdup (ticket_id);
  g_autofree char *member_id = NULL;

  g_return_val_if_fail (ticket_id != NULL, FALSE);

  if (g_strcmp0 (ticket_id, self->id) == 0)
    return TRUE;
  if (!_comptoir_open_ticket_check_unpaid (self, error))
    return FALSE;
  if (!comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_resume (self, ticket_id, lines, &member_id, error), error))
    return FALSE;

  _comptoir_open_ticket_adopt (self, &id, lines, &member_id);
  return TRUE;
}

void
comptoir_parked_ticket_free (ComptoirParkedTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->id);
  g_free (ticket->label);
  g_free (ticket->parked_at);
  g_free (ticket->cashier);
  g_free (ticket);
}

GPtrArray *
comptoir_open_ticket_list_parked (ComptoirDb  *db,
                                  const char  *till_id,
                                  GError     **error)
{
  g_autoptr (GPtrArray) parked = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_parked_ticket_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirParkedTicket *current = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  /* The totals are worked out line by line with the same rounding as
   * the ticket's. */
  stmt = comptoir_db_prepare (db, "SELECT t.ticket_id, t.label, t.parked_at, t.cashier, "
                                  "l.quantity_milli, l.unit_price_cents, l.void_reason IS NULL "
                                  "FROM open_ticket t JOIN open_ticket_line l ON l.ticket_id = t.ticket_id "
                                  "WHERE t.till_id = ?1 AND t.parked_at IS NOT NULL "
                                  "ORDER BY t.parked_at, t.ticket_id, l.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, till_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || g_strcmp0 (current->id, id) != 0)
        {
          current = g_new0 (ComptoirParkedTicket, 1);
          current->id = g_strdup (id);
          current->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          current->parked_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          current->cashier = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          g_ptr_array_add (parked, current);
        }
      current->n_lines++;
      if (sqlite3_column_int (stmt, 6))
        current->total_cents += comptoir_money_mul_milli (sqlite3_column_int64 (stmt, 5),
                                                          sqlite3_column_int64 (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&parked);
}
