/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-audit.h"
#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-staff-private.h"
#include "comptoir-till-session.h"

const gint64 comptoir_denominations[COMPTOIR_N_DENOMINATIONS] = {
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000,
};

gint64
comptoir_cash_count_total (const ComptoirCashCount *count)
{
  gint64 total = 0;

  for (guint i = 0; i < COMPTOIR_N_DENOMINATIONS; i++)
    total += comptoir_denominations[i] * count->count[i];
  return total;
}

char *
comptoir_till_lookup (ComptoirDb  *db,
                      const char  *code,
                      GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT id FROM till WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No till has the code “%s”: check the code written on the till (T1, T2…)."), code);
  else
    comptoir_db_set_error (db, error);
  return NULL;
}

void
comptoir_session_summary_clear (ComptoirSessionSummary *summary)
{
  g_clear_pointer (&summary->session_id, g_free);
}

static gboolean
check_who (const char  *who,
           GError     **error)
{
  if (who == NULL || *who == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say who is at the till: every cash operation is signed."));
      return FALSE;
    }
  return TRUE;
}

/* The session still open on the till: the latest one with no closing. */
static gboolean
find_open (ComptoirDb  *db,
           const char  *till_id,
           char       **out_id,
           char       **out_opened_at,
           gint64      *out_float,
           GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT s.id, s.opened_at, s.float_cents FROM till_session s "
                             "WHERE s.till_id = ?1 AND NOT EXISTS "
                             "(SELECT 1 FROM till_session_close c WHERE c.session_id = s.id) "
                             "ORDER BY s.opened_at DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, till_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (out_opened_at != NULL)
        *out_opened_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (out_float != NULL)
        *out_float = sqlite3_column_int64 (stmt, 2);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out_id = NULL;
  return TRUE;
}

static gboolean
require_open (ComptoirDb  *db,
              const char  *till_id,
              char       **out_id,
              char       **out_opened_at,
              gint64      *out_float,
              GError     **error)
{
  if (!find_open (db, till_id, out_id, out_opened_at, out_float, error))
    return FALSE;
  if (*out_id == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("No session is open on this till: open one with the counted float first."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comptoir_till_session_open (ComptoirDb              *db,
                            const char              *till_id,
                            const ComptoirCashCount *float_count,
                            const char              *who,
                            GError                 **error)
{
  g_autofree char *open_id = NULL;
  g_autofree char *opened_at = NULL;
  g_autofree char *at = comptoir_timestamp_now ();
  g_autoptr (ComptoirChange) session = comptoir_change_new ("till_session", NULL);

  if (!check_who (who, error) ||
      !find_open (db, till_id, &open_id, &opened_at, NULL, error))
    return FALSE;
  if (open_id != NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A session is already open on this till since %s: close it before opening another."),
                   opened_at);
      return FALSE;
    }

  comptoir_change_set_text (session, "till_id", till_id);
  comptoir_change_set_text (session, "opened_at", at);
  comptoir_change_set_text (session, "opened_by", who);
  comptoir_change_set_int (session, "float_cents", comptoir_cash_count_total (float_count));
  return comptoir_db_insert_fact (db, session, error);
}

static gboolean
write_move (ComptoirDb      *db,
            const char      *till_id,
            ComptoirChange  *move,
            const char      *session_id,
            gint64           amount_cents,
            const char      *reason,
            const char      *staff_id,
            GError         **error)
{
  g_autoptr (JsonObject) details = json_object_new ();

  json_object_set_string_member (details, "session_id", session_id);
  json_object_set_int_member (details, "amount_cents", amount_cents);
  return comptoir_db_insert_fact (db, move, error) &&
         comptoir_audit_record (db, till_id, amount_cents > 0 ? COMPTOIR_AUDIT_CASH_IN : COMPTOIR_AUDIT_CASH_OUT,
                                staff_id, NULL, comptoir_change_get_row_id (move), reason, details, error);
}

/* Positive: cash put in the drawer; negative: taken out. */
gboolean
comptoir_till_session_move_cash (ComptoirDb  *db,
                                 const char  *till_id,
                                 gint64       amount_cents,
                                 const char  *reason,
                                 const char  *staff_id,
                                 GError     **error)
{
  g_autofree char *session_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *at = comptoir_timestamp_now ();
  g_autoptr (ComptoirChange) move = comptoir_change_new ("cash_movement", NULL);

  if (!_comptoir_staff_check (db, staff_id, FALSE, &name, error) ||
      !require_open (db, till_id, &session_id, NULL, NULL, error))
    return FALSE;
  if (amount_cents == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Type the amount put in or taken out."));
      return FALSE;
    }
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why cash goes in or out, for example “change from the bank”."));
      return FALSE;
    }

  comptoir_change_set_text (move, "session_id", session_id);
  comptoir_change_set_text (move, "at", at);
  comptoir_change_set_text (move, "by_whom", name);
  comptoir_change_set_int (move, "amount_cents", amount_cents);
  comptoir_change_set_text (move, "reason", clean);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!write_move (db, till_id, move, session_id, amount_cents, clean, staff_id, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}

static gboolean
sum (ComptoirDb  *db,
     const char  *sql,
     const char  *a,
     const char  *b,
     gint64      *out,
     GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
comptoir_till_session_get_summary (ComptoirDb              *db,
                                   const char              *till_id,
                                   ComptoirSessionSummary  *out,
                                   GError                 **error)
{
  g_autofree char *session_id = NULL;
  g_autofree char *opened_at = NULL;
  gint64 float_cents = 0, cash_in = 0, change_out = 0, moves = 0;

  if (!require_open (db, till_id, &session_id, &opened_at, &float_cents, error))
    return FALSE;

  /* Cash taken minus change given on the till's real tickets since the
   * session opened (training sales move no money). */
  if (!sum (db, "SELECT coalesce (sum (p.amount_cents), 0) FROM ticket t "
                "JOIN ticket_payment p ON p.ticket_id = t.id "
                "WHERE t.till_id = ?1 AND t.closed_at >= ?2 AND t.training = 0 AND p.method = 'cash'",
            till_id, opened_at, &cash_in, error) ||
      !sum (db, "SELECT coalesce (sum (change_cents), 0) FROM ticket "
                "WHERE till_id = ?1 AND closed_at >= ?2 AND training = 0",
            till_id, opened_at, &change_out, error) ||
      !sum (db, "SELECT coalesce (sum (amount_cents), 0) FROM cash_movement WHERE session_id = ?1",
            session_id, NULL, &moves, error))
    return FALSE;

  out->session_id = g_steal_pointer (&session_id);
  out->float_cents = float_cents;
  out->cash_sales_cents = cash_in - change_out;
  out->cash_moves_cents = moves;
  out->expected_cents = float_cents + out->cash_sales_cents + moves;
  out->counted_cents = 0;
  out->difference_cents = 0;
  return TRUE;
}

static char *
counts_json (const ComptoirCashCount *count)
{
  GString *json = g_string_new ("{");

  for (guint i = 0; i < COMPTOIR_N_DENOMINATIONS; i++)
    if (count->count[i] > 0)
      g_string_append_printf (json, "%s\"%" G_GINT64_FORMAT "\":%u", json->len > 1 ? "," : "",
                              comptoir_denominations[i], count->count[i]);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static gboolean
write_close (ComptoirDb              *db,
             const char              *till_id,
             const ComptoirCashCount *count,
             const char              *who,
             ComptoirSessionSummary  *summary,
             GError                 **error)
{
  g_autoptr (ComptoirChange) close = comptoir_change_new ("till_session_close", NULL);
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *counts = counts_json (count);

  if (!comptoir_till_session_get_summary (db, till_id, summary, error))
    return FALSE;
  summary->counted_cents = comptoir_cash_count_total (count);
  summary->difference_cents = summary->counted_cents - summary->expected_cents;

  comptoir_change_set_text (close, "session_id", summary->session_id);
  comptoir_change_set_text (close, "closed_at", at);
  comptoir_change_set_text (close, "closed_by", who);
  comptoir_change_set_text (close, "counts", counts);
  comptoir_change_set_int (close, "counted_cents", summary->counted_cents);
  comptoir_change_set_int (close, "expected_cents", summary->expected_cents);
  return comptoir_db_insert_fact (db, close, error);
}

/* Records the count and what was expected, whatever the difference: a
 * difference is explained afterwards, never hidden by a recount. */
gboolean
comptoir_till_session_close (ComptoirDb              *db,
                             const char              *till_id,
                             const ComptoirCashCount *count,
                             const char              *who,
                             ComptoirSessionSummary  *out,
                             GError                 **error)
{
  ComptoirSessionSummary summary = { 0 };

  if (!check_who (who, error) || !comptoir_db_begin (db, error))
    return FALSE;
  if (!write_close (db, till_id, count, who, &summary, error))
    {
      comptoir_db_rollback (db);
      comptoir_session_summary_clear (&summary);
      return FALSE;
    }
  if (!comptoir_db_commit (db, error))
    {
      comptoir_session_summary_clear (&summary);
      return FALSE;
    }

  if (out != NULL)
    *out = summary;
  else
    comptoir_session_summary_clear (&summary);
  return TRUE;
}
