/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-audit.h"
#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-staff-private.h"
#include "comptoir-text.h"

typedef enum {
  NEEDS_STAFF    = 1 << 0,
  NEEDS_REASON   = 1 << 1,
  NEEDS_APPROVAL = 1 << 2,
} Needs;

static const struct {
  const char *name;
  Needs       needs;
} actions[] = {
  [COMPTOIR_AUDIT_LINE_VOID]      = { "line_void", NEEDS_STAFF | NEEDS_REASON },
  [COMPTOIR_AUDIT_PRICE_OVERRIDE] = { "price_override", NEEDS_STAFF | NEEDS_REASON | NEEDS_APPROVAL },
  [COMPTOIR_AUDIT_DISCOUNT]       = { "discount", NEEDS_STAFF | NEEDS_REASON | NEEDS_APPROVAL },
  [COMPTOIR_AUDIT_REFUND]         = { "refund", NEEDS_STAFF | NEEDS_REASON | NEEDS_APPROVAL },
  [COMPTOIR_AUDIT_TICKET_CANCEL]  = { "ticket_cancel", NEEDS_STAFF | NEEDS_REASON },
  [COMPTOIR_AUDIT_DRAWER_OPEN]    = { "drawer_open", NEEDS_STAFF | NEEDS_REASON },
  [COMPTOIR_AUDIT_CASH_IN]        = { "cash_in", NEEDS_STAFF | NEEDS_REASON },
  [COMPTOIR_AUDIT_CASH_OUT]       = { "cash_out", NEEDS_STAFF | NEEDS_REASON },
  [COMPTOIR_AUDIT_CLOSURE]        = { "closure", 0 },
  [COMPTOIR_AUDIT_TRAINING_ON]    = { "training_on", NEEDS_STAFF },
  [COMPTOIR_AUDIT_TRAINING_OFF]   = { "training_off", NEEDS_STAFF },
  [COMPTOIR_AUDIT_LOGIN]          = { "login", NEEDS_STAFF },
  [COMPTOIR_AUDIT_LOGOUT]         = { "logout", NEEDS_STAFF },
  [COMPTOIR_AUDIT_LOGIN_FAILED]   = { "login_failed", 0 },
};

const char *
comptoir_audit_action_to_string (ComptoirAuditAction action)
{
  g_return_val_if_fail (action < G_N_ELEMENTS (actions), NULL);
  return actions[action].name;
}

gboolean
comptoir_audit_action_from_string (const char          *text,
                                   ComptoirAuditAction *out_action)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (text, actions[i].name) == 0)
      {
        *out_action = (ComptoirAuditAction) i;
        return TRUE;
      }
  return FALSE;
}

const char *
comptoir_audit_action_get_label (ComptoirAuditAction action)
{
  switch (action)
    {
    case COMPTOIR_AUDIT_LINE_VOID:
      return _("Line voided");
    case COMPTOIR_AUDIT_PRICE_OVERRIDE:
      return _("Price overridden");
    case COMPTOIR_AUDIT_DISCOUNT:
      return _("Discount");
    case COMPTOIR_AUDIT_REFUND:
      return _("Refund");
    case COMPTOIR_AUDIT_TICKET_CANCEL:
      return _("Ticket cancelled");
    case COMPTOIR_AUDIT_DRAWER_OPEN:
      return _("Drawer opened without a sale");
    case COMPTOIR_AUDIT_CASH_IN:
      return _("Cash put in");
    case COMPTOIR_AUDIT_CASH_OUT:
      return _("Cash taken out");
    case COMPTOIR_AUDIT_CLOSURE:
      return _("Closure");
    case COMPTOIR_AUDIT_TRAINING_ON:
      return _("Training mode on");
    case COMPTOIR_AUDIT_TRAINING_OFF:
      return _("Training mode off");
    case COMPTOIR_AUDIT_LOGIN:
      return _("Logged in");
    case COMPTOIR_AUDIT_LOGOUT:
      return _("Logged out");
    case COMPTOIR_AUDIT_LOGIN_FAILED:
      return _("Wrong PIN");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
comptoir_audit_record (ComptoirDb           *db,
                       const char           *till_id,
                       ComptoirAuditAction   action,
                       const char           *staff_id,
                       const char           *authorized_by,
                       const char           *subject_id,
                       const char           *reason,
                       JsonObject           *details,
                       GError              **error)
{
  g_autoptr (ComptoirChange) event = comptoir_change_new ("audit_event", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *clean = NULL;
  g_autofree char *json = NULL;
  Needs needs;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (till_id != NULL, FALSE);
  g_return_val_if_fail (action < G_N_ELEMENTS (actions), FALSE);

  needs = actions[action].needs;
  if ((needs & NEEDS_STAFF) && staff_id == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Log in at the till first: this action is signed with your name."));
      return FALSE;
    }
  if ((needs & NEEDS_REASON) && comptoir_text_is_blank (reason))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Say why (%s): the reason is kept in the audit log."),
                   comptoir_audit_action_get_label (action));
      return FALSE;
    }
  if ((needs & NEEDS_APPROVAL) && authorized_by == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A manager must approve this: ask a manager to type their PIN."));
      return FALSE;
    }

  if (reason != NULL)
    clean = g_strstrip (g_strdup (reason));
  if (details != NULL)
    {
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), details);
      json = json_to_string (node, FALSE);
    }

  comptoir_change_set_text (event, "at", at);
  comptoir_change_set_text (event, "till_id", till_id);
  comptoir_change_set_text (event, "staff_id", staff_id);
  comptoir_change_set_text (event, "authorized_by", authorized_by);
  comptoir_change_set_text (event, "action", actions[action].name);
  comptoir_change_set_text (event, "subject_id", subject_id);
  comptoir_change_set_text (event, "reason", clean != NULL && clean[0] != '\0' ? clean : NULL);
  comptoir_change_set_text (event, "details", json != NULL ? json : "{}");
  return comptoir_db_insert_fact (db, event, error);
}

void
comptoir_audit_event_free (ComptoirAuditEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  g_free (event->at);
  g_free (event->till_id);
  g_free (event->till_code);
  g_free (event->staff_id);
  g_free (event->staff_name);
  g_free (event->authorized_by);
  g_free (event->authorized_by_name);
  g_free (event->subject_id);
  g_free (event->reason);
  g_free (event->details);
  g_free (event);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Bounds are compared as text in the format every fact's timestamp has. */
static char *
format_bound (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GPtrArray *
comptoir_audit_list (ComptoirDb  *db,
                     const char  *till_id,
                     GDateTime   *from,
                     GDateTime   *until,
                     GError     **error)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_audit_event_free);
  g_autofree char *low = format_bound (from);
  g_autofree char *high = format_bound (until);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  stmt = comptoir_db_prepare (db, "SELECT a.id, a.at, a.till_id, l.code, a.staff_id, s.name, "
                                  "a.authorized_by, m.name, a.action, a.subject_id, a.reason, a.details "
                                  "FROM audit_event a JOIN till l ON l.id = a.till_id "
                                  "LEFT JOIN staff s ON s.id = a.staff_id "
                                  "LEFT JOIN staff m ON m.id = a.authorized_by "
                                  "WHERE a.till_id = ?1 AND (?2 IS NULL OR a.at >= ?2) "
                                  "AND (?3 IS NULL OR a.at < ?3) "
                                  "ORDER BY a.at, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, till_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, high, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirAuditEvent *event = g_new0 (ComptoirAuditEvent, 1);

      /* The table's CHECK admits only the actions listed above. */
      comptoir_audit_action_from_string ((const char *) sqlite3_column_text (stmt, 8), &event->action);
      event->id = dup_column (stmt, 0);
      event->at = dup_column (stmt, 1);
      event->till_id = dup_column (stmt, 2);
      event->till_code = dup_column (stmt, 3);
      event->staff_id = dup_column (stmt, 4);
      event->staff_name = dup_column (stmt, 5);
      event->authorized_by = dup_column (stmt, 6);
      event->authorized_by_name = dup_column (stmt, 7);
      event->subject_id = dup_column (stmt, 9);
      event->reason = dup_column (stmt, 10);
      event->details = dup_column (stmt, 11);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

static gboolean
ticket_exists (ComptoirDb  *db,
               const char  *ticket_id,
               GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT 1 FROM ticket WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("The ticket to refund was not found: scan or type its number again."));
  else
    comptoir_db_set_error (db, error);
  return FALSE;
}

static gboolean
write_refund (ComptoirSale             *sale,
              ComptoirDb               *db,
              const char               *till_id,
              const char               *refund_of,
              const char               *staff_id,
              const char               *manager_id,
              const char               *reason,
              ComptoirCommittedTicket  *out,
              GError                  **error)
{
  g_autoptr (JsonObject) details = json_object_new ();

  if (!ticket_exists (db, refund_of, error) ||
      !comptoir_sale_commit (sale, db, till_id, out, error))
    return FALSE;

  json_object_set_string_member (details, "refund_of", refund_of);
  json_object_set_int_member (details, "number", out->number);
  json_object_set_int_member (details, "total_cents", out->total_cents);
  return comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_REFUND, staff_id, manager_id,
                                out->id, reason, details, error);
}

gboolean
comptoir_audit_commit_refund (ComptoirSale             *sale,
                              ComptoirDb               *db,
                              const char               *till_id,
                              const char               *refund_of,
                              const char               *staff_id,
                              const char               *manager_id,
                              const char               *reason,
                              ComptoirCommittedTicket  *out,
                              GError                  **error)
{
  ComptoirCommittedTicket local = { 0 };

  g_return_val_if_fail (sale != NULL, FALSE);
  g_return_val_if_fail (refund_of != NULL, FALSE);

  if (!_comptoir_staff_check (db, staff_id, FALSE, NULL, error) ||
      !_comptoir_staff_check (db, manager_id, TRUE, NULL, error))
    return FALSE;
  if (comptoir_text_is_blank (reason))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the ticket is refunded, for example “damaged product”."));
      return FALSE;
    }

  comptoir_sale_set_refund_of (sale, refund_of);
  comptoir_sale_set_cashier (sale, staff_id);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!write_refund (sale, db, till_id, refund_of, staff_id, manager_id, reason, &local, error))
    {
      comptoir_db_rollback (db);
      comptoir_committed_ticket_clear (&local);
      return FALSE;
    }
  if (!comptoir_db_commit (db, error))
    {
      comptoir_committed_ticket_clear (&local);
      return FALSE;
    }

  if (out != NULL)
    *out = local;
  else
    comptoir_committed_ticket_clear (&local);
  return TRUE;
}
