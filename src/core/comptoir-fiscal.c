/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-fiscal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "comptoir-audit.h"
#include "comptoir-change.h"
#include "comptoir-fiscal.h"
#include "comptoir-id.h"
#include "comptoir-json-private.h"
#include "comptoir-money.h"
#include "comptoir-settings.h"
#include "comptoir-staff-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static const char *period_names[] = { "day", "month", "year" };

gboolean
comptoir_period_from_string (const char     *text,
                             ComptoirPeriod *out_period)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_strcmp0 (text, period_names[i]) == 0)
      {
        *out_period = (ComptoirPeriod) i;
        return TRUE;
      }
  return FALSE;
}

void
comptoir_closure_clear (ComptoirClosure *closure)
{
  g_clear_pointer (&closure->id, g_free);
}

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
add_member_text (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member_int (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
add_vat_breakdown (JsonBuilder          *builder,
                   ComptoirVatBreakdown *vat)
{
  comptoir_vat_breakdown_finish (vat);
  json_builder_set_member_name (builder, "vat");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vat->n_rates; i++)
    {
      json_builder_begin_object (builder);
      add_member_int (builder, "rate", vat->rates[i].rate_bp);
      add_member_int (builder, "base", vat->rates[i].base_cents);
      add_member_int (builder, "vat", vat->rates[i].vat_cents);
      add_member_int (builder, "total", vat->rates[i].total_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A ticket's canonical form is the compact JSON json-glib 1.6 generated
 * when the first journals were chained, and it is written by hand, byte
 * for byte the same: a library update can no longer change what old
 * entries hash to, and each sale skips a builder, a tree and a generator
 * (three quarters of the journal's cost). json-glib's escaping is part
 * of the format, quirks included: \b \f \n \r \t, \u00xx for the other
 * control characters but 0x1f, and 0x7f escaped too. */
static void
canonical_string (GString    *out,
                  const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
        case '\\':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((*p > 0 && *p < 0x1f) || *p == 0x7f)
            g_string_append_printf (out, "\\u00%02x", (guint) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* name is a literal: ,"name": (no comma for the first member). */
static void
canonical_member (GString    *out,
                  const char *name)
{
  if (out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

/* The canonical serialisation of a ticket as stored: what the journal
 * hashes at the sale and what verify recomputes later. Members are always
 * written in this order; amounts are integers. */
static char *
ticket_payload (ComptoirDb  *db,
                const char  *ticket_id,
                char       **out_till_id,
                GError     **error)
{
  g_autoptr (GString) out = g_string_sized_new (4096);
  g_autoptr (ComptoirStmt) ticket = NULL;
  ComptoirVatBreakdown vat;

  ticket = comptoir_db_prepare (db,
                                "SELECT t.till_id, l.code, t.number, t.closed_at, t.kind, "
                                "(SELECT number FROM ticket r WHERE r.id = t.refers_to), t.training, "
                                "t.total_cents, t.change_cents, t.cashier, t.member_id "
                                "FROM ticket t JOIN till l ON l.id = t.till_id WHERE t.id = ?1",
                                error);
  if (ticket == NULL)
    return NULL;
  sqlite3_bind_text (ticket, 1, ticket_id, -1, SQLITE_STATIC);
  if (sqlite3_step (ticket) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                   _("The ticket %s recorded in the fiscal journal is missing."), ticket_id);
      return NULL;
    }

  if (out_till_id != NULL)
    *out_till_id = g_strdup (text_at (ticket, 0));

  g_string_append_c (out, '{');
  canonical_member (out, "till");
  canonical_string (out, text_at (ticket, 1));
  canonical_member (out, "number");
  _comptoir_json_append_int (out, sqlite3_column_int64 (ticket, 2));
  canonical_member (out, "at");
  canonical_string (out, text_at (ticket, 3));
  canonical_member (out, "kind");
  canonical_string (out, text_at (ticket, 4));
  canonical_member (out, "refers_to");
  if (sqlite3_column_type (ticket, 5) == SQLITE_NULL)
    g_string_append (out, "null");
  else
    _comptoir_json_append_int (out, sqlite3_column_int64 (ticket, 5));
  canonical_member (out, "training");
  g_string_append (out, sqlite3_column_int (ticket, 6) ? "true" : "false");
  canonical_member (out, "cashier");
  canonical_string (out, text_at (ticket, 9));
  canonical_member (out, "member");
  canonical_string (out, text_at (ticket, 10));

  comptoir_vat_breakdown_init (&vat);
  canonical_member (out, "lines");
  g_string_append_c (out, '[');
  {
    g_autoptr (ComptoirStmt) lines =
      comptoir_db_prepare (db, "SELECT label, quantity_milli, unit_price_cents, vat_bp, total_cents "
                               "FROM ticket_line WHERE ticket_id = ?1 ORDER BY position", error);
    if (lines == NULL)
      return NULL;
    sqlite3_bind_text (lines, 1, ticket_id, -1, SQLITE_STATIC);
    for (guint i = 0; sqlite3_step (lines) == SQLITE_ROW; i++)
      {
        g_string_append (out, i > 0 ? ",{" : "{");
        canonical_member (out, "label");
        canonical_string (out, text_at (lines, 0));
        canonical_member (out, "qty");
        _comptoir_json_append_int (out, sqlite3_column_int64 (lines, 1));
        canonical_member (out, "unit");
        _comptoir_json_append_int (out, sqlite3_column_int64 (lines, 2));
        canonical_member (out, "vat");
        _comptoir_json_append_int (out, sqlite3_column_int (lines, 3));
        canonical_member (out, "total");
        _comptoir_json_append_int (out, sqlite3_column_int64 (lines, 4));
        g_string_append_c (out, '}');
        comptoir_vat_breakdown_add (&vat, sqlite3_column_int (lines, 3), sqlite3_column_int64 (lines, 4));
      }
  }
  g_string_append_c (out, ']');

  comptoir_vat_breakdown_finish (&vat);
  canonical_member (out, "vat");
  g_string_append_c (out, '[');
  for (guint i = 0; i < vat.n_rates; i++)
    {
      g_string_append (out, i > 0 ? ",{" : "{");
      canonical_member (out, "rate");
      _comptoir_json_append_int (out, vat.rates[i].rate_bp);
      canonical_member (out, "base");
      _comptoir_json_append_int (out, vat.rates[i].base_cents);
      canonical_member (out, "vat");
      _comptoir_json_append_int (out, vat.rates[i].vat_cents);
      canonical_member (out, "total");
      _comptoir_json_append_int (out, vat.rates[i].total_cents);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  canonical_member (out, "payments");
  g_string_append_c (out, '[');
  {
    g_autoptr (ComptoirStmt) payments =
      comptoir_db_prepare (db, "SELECT method, amount_cents FROM ticket_payment "
                               "WHERE ticket_id = ?1 ORDER BY position", error);
    if (payments == NULL)
      return NULL;
    sqlite3_bind_text (payments, 1, ticket_id, -1, SQLITE_STATIC);
    for (guint i = 0; sqlite3_step (payments) == SQLITE_ROW; i++)
      {
        g_string_append (out, i > 0 ? ",{" : "{");
        canonical_member (out, "method");
        canonical_string (out, text_at (payments, 0));
        canonical_member (out, "amount");
        _comptoir_json_append_int (out, sqlite3_column_int64 (payments, 1));
        g_string_append_c (out, '}');
      }
  }
  g_string_append_c (out, ']');

  canonical_member (out, "change");
  _comptoir_json_append_int (out, sqlite3_column_int64 (ticket, 8));
  canonical_member (out, "total");
  _comptoir_json_append_int (out, sqlite3_column_int64 (ticket, 7));
  g_string_append_c (out, '}');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The canonical serialisation of a closure: its stored figures and the
 * per-rate and per-method totals of the tickets it covers, recomputed. */
static char *
closure_payload (ComptoirDb  *db,
                 const char  *closure_id,
                 char       **out_till_id,
                 GError     **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (ComptoirStmt) closure = NULL;
  ComptoirVatBreakdown vat;
  const char *till_id;
  gint64 first, last;

  closure = comptoir_db_prepare (db,
                                 "SELECT c.till_id, l.code, c.period, c.closed_at, coalesce (c.first_number, 0), "
                                 "coalesce (c.last_number, 0), c.ticket_count, c.total_cents, c.perpetual_cents "
                                 "FROM closure c JOIN till l ON l.id = c.till_id WHERE c.id = ?1",
                                 error);
  if (closure == NULL)
    return NULL;
  sqlite3_bind_text (closure, 1, closure_id, -1, SQLITE_STATIC);
  if (sqlite3_step (closure) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                   _("The closure %s recorded in the fiscal journal is missing."), closure_id);
      return NULL;
    }

  till_id = text_at (closure, 0);
  first = sqlite3_column_int64 (closure, 4);
  last = sqlite3_column_int64 (closure, 5);
  if (out_till_id != NULL)
    *out_till_id = g_strdup (till_id);

  json_builder_begin_object (builder);
  add_member_text (builder, "till", text_at (closure, 1));
  add_member_text (builder, "period", text_at (closure, 2));
  add_member_text (builder, "at", text_at (closure, 3));
  add_member_int (builder, "first", first);
  add_member_int (builder, "last", last);
  add_member_int (builder, "count", sqlite3_column_int64 (closure, 6));

  comptoir_vat_breakdown_init (&vat);
  {
    g_autoptr (ComptoirStmt) rates =
      comptoir_db_prepare (db, "SELECT l.vat_bp, sum (l.total_cents) FROM ticket t "
                               "JOIN ticket_line l ON l.ticket_id = t.id "
                               "WHERE t.till_id = ?1 AND t.number BETWEEN ?2 AND ?3 AND t.training = 0 "
                               "GROUP BY l.vat_bp ORDER BY l.vat_bp DESC", error);
    if (rates == NULL)
      return NULL;
    sqlite3_bind_text (rates, 1, till_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (rates, 2, first);
    sqlite3_bind_int64 (rates, 3, last);
    while (sqlite3_step (rates) == SQLITE_ROW)
      comptoir_vat_breakdown_add (&vat, sqlite3_column_int (rates, 0), sqlite3_column_int64 (rates, 1));
  }
  add_vat_breakdown (builder, &vat);

  json_builder_set_member_name (builder, "payments");
  json_builder_begin_array (builder);
  {
    g_autoptr (ComptoirStmt) methods =
      /* Cash net of the change given back: what the drawer kept, so that
       * the methods add up to the period total. */
      comptoir_db_prepare (db, "SELECT p.method, sum (p.amount_cents) - CASE WHEN p.method = 'cash' THEN "
                               "(SELECT coalesce (sum (change_cents), 0) FROM ticket WHERE till_id = ?1 "
                               " AND number BETWEEN ?2 AND ?3 AND training = 0) ELSE 0 END "
                               "FROM ticket t JOIN ticket_payment p ON p.ticket_id = t.id "
                               "WHERE t.till_id = ?1 AND t.number BETWEEN ?2 AND ?3 AND t.training = 0 "
                               "GROUP BY p.method ORDER BY p.method", error);
    if (methods == NULL)
      return NULL;
    sqlite3_bind_text (methods, 1, till_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (methods, 2, first);
    sqlite3_bind_int64 (methods, 3, last);
    while (sqlite3_step (methods) == SQLITE_ROW)
      {
        json_builder_begin_object (builder);
        add_member_text (builder, "method", text_at (methods, 0));
        add_member_int (builder, "amount", sqlite3_column_int64 (methods, 1));
        json_builder_end_object (builder);
      }
  }
  json_builder_end_array (builder);

  add_member_int (builder, "total", sqlite3_column_int64 (closure, 7));
  add_member_int (builder, "perpetual", sqlite3_column_int64 (closure, 8));
  json_builder_end_object (builder);

  return builder_to_string (builder);
}

static char *
chain_hash (const char *prev_hash,
            const char *payload)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) prev_hash, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) payload, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
append_entry (ComptoirDb  *db,
              const char  *till_id,
              const char  *kind,
              const char  *source_id,
              const char  *payload,
              GError     **error)
{
  g_autoptr (ComptoirStmt) last = NULL;
  g_autoptr (ComptoirChange) entry = comptoir_change_new ("fiscal_entry", NULL);
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;

  last = comptoir_db_prepare (db, "SELECT seq, hash FROM fiscal_entry WHERE till_id = ?1 "
                                  "ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_text (last, 1, till_id, -1, SQLITE_STATIC);
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = g_strdup (text_at (last, 1));
    }
  else
    prev_hash = g_strdup (GENESIS_HASH);

  hash = chain_hash (prev_hash, payload);
  comptoir_change_set_text (entry, "till_id", till_id);
  comptoir_change_set_int (entry, "seq", seq);
  comptoir_change_set_text (entry, "kind", kind);
  comptoir_change_set_text (entry, "source_id", source_id);
  comptoir_change_set_text (entry, "payload", payload);
  comptoir_change_set_text (entry, "prev_hash", prev_hash);
  comptoir_change_set_text (entry, "hash", hash);
  return comptoir_db_insert_fact (db, entry, error);
}

gboolean
_comptoir_fiscal_append_ticket (ComptoirDb  *db,
                                const char  *ticket_id,
                                GError     **error)
{
  g_autofree char *till_id = NULL;
  g_autofree char *payload = ticket_payload (db, ticket_id, &till_id, error);

  if (payload == NULL)
    return FALSE;
  return append_entry (db, till_id, "ticket", ticket_id, payload, error);
}

static gboolean
write_closure (ComptoirDb      *db,
               const char      *till_id,
               ComptoirPeriod   period,
               const char      *staff_id,
               ComptoirClosure *out,
               GError         **error)
{
  g_autoptr (ComptoirStmt) figures = NULL;
  g_autoptr (ComptoirChange) closure = comptoir_change_new ("closure", NULL);
  g_autoptr (JsonObject) details = json_object_new ();
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *payload = NULL;
  gint64 count, first, last, total, perpetual;

  /* The period runs from the last closure of the same kind on this till. */
  figures = comptoir_db_prepare (db,
                                 "WITH since AS (SELECT coalesce (max (last_number), 0) AS n FROM closure "
                                 "               WHERE till_id = ?1 AND period = ?2) "
                                 "SELECT count (*), coalesce (min (number), 0), coalesce (max (number), 0), "
                                 "coalesce (sum (CASE WHEN training = 0 THEN total_cents END), 0), "
                                 "(SELECT coalesce (sum (total_cents), 0) FROM ticket "
                                 " WHERE till_id = ?1 AND training = 0) "
                                 "FROM ticket, since WHERE till_id = ?1 AND number > since.n",
                                 error);
  if (figures == NULL)
    return FALSE;
  sqlite3_bind_text (figures, 1, till_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (figures, 2, period_names[period], -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, figures, error))
    return FALSE;
  count = sqlite3_column_int64 (figures, 0);
  first = sqlite3_column_int64 (figures, 1);
  last = sqlite3_column_int64 (figures, 2);
  total = sqlite3_column_int64 (figures, 3);
  perpetual = sqlite3_column_int64 (figures, 4);

  comptoir_change_set_text (closure, "till_id", till_id);
  comptoir_change_set_text (closure, "period", period_names[period]);
  comptoir_change_set_text (closure, "closed_at", at);
  if (count > 0)
    {
      comptoir_change_set_int (closure, "first_number", first);
      comptoir_change_set_int (closure, "last_number", last);
    }
  else
    {
      comptoir_change_set_null (closure, "first_number");
      comptoir_change_set_null (closure, "last_number");
    }
  comptoir_change_set_int (closure, "ticket_count", count);
  comptoir_change_set_int (closure, "total_cents", total);
  comptoir_change_set_int (closure, "perpetual_cents", perpetual);
  if (!comptoir_db_insert_fact (db, closure, error))
    return FALSE;

  payload = closure_payload (db, comptoir_change_get_row_id (closure), NULL, error);
  if (payload == NULL ||
      !append_entry (db, till_id, "closure", comptoir_change_get_row_id (closure), payload, error))
    return FALSE;

  json_object_set_string_member (details, "period", period_names[period]);
  json_object_set_int_member (details, "ticket_count", count);
  json_object_set_int_member (details, "total_cents", total);
  if (!comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_CLOSURE, staff_id, NULL,
                              comptoir_change_get_row_id (closure), NULL, details, error))
    return FALSE;

  out->id = g_strdup (comptoir_change_get_row_id (closure));
  out->first_number = count > 0 ? first : 0;
  out->last_number = count > 0 ? last : 0;
  out->ticket_count = count;
  out->total_cents = total;
  out->perpetual_cents = perpetual;
  return TRUE;
}

/* Closes the period (Z for a day) and chains the closure into the
 * journal; an empty period is closed too, as the law expects every day's
 * Z to exist. */
gboolean
comptoir_fiscal_close (ComptoirDb      *db,
                       const char      *till_id,
                       ComptoirPeriod   period,
                       const char      *staff_id,
                       ComptoirClosure *out,
                       GError         **error)
{
  ComptoirClosure local = { 0 };

  g_return_val_if_fail (period <= COMPTOIR_PERIOD_YEAR, FALSE);

  if (staff_id != NULL && !_comptoir_staff_check (db, staff_id, FALSE, NULL, error))
    return FALSE;
  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!write_closure (db, till_id, period, staff_id, &local, error))
    {
      comptoir_db_rollback (db);
      comptoir_closure_clear (&local);
      return FALSE;
    }
  if (!comptoir_db_commit (db, error))
    {
      comptoir_closure_clear (&local);
      return FALSE;
    }

  if (out != NULL)
    *out = local;
  else
    comptoir_closure_clear (&local);
  return TRUE;
}

static gboolean
broken (GError     **error,
        const char  *till,
        gint64       seq,
        const char  *what)
{
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
               _("Fiscal journal of till %s broken at entry %lld: %s"),
               till, (long long) seq, what);
  return FALSE;
}

static gboolean
verify_till (ComptoirDb  *db,
             const char  *till_id,
             const char  *till_code,
             gint64      *entries,
             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *prev_hash = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1, expected_number = 1;
  gint64 tickets = 0;
  int rc;

  stmt = comptoir_db_prepare (db, "SELECT e.seq, e.kind, e.source_id, e.payload, e.prev_hash, e.hash, "
                                  "t.number FROM fiscal_entry e LEFT JOIN ticket t ON t.id = e.source_id "
                                  "WHERE e.till_id = ?1 ORDER BY e.seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, till_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gboolean is_ticket = g_strcmp0 (text_at (stmt, 1), "ticket") == 0;
      g_autofree char *payload = NULL;
      g_autofree char *hash = NULL;
      g_autoptr (GError) local_error = NULL;

      if (seq != expected_seq)
        return broken (error, till_code, expected_seq, _("this entry is missing."));
      if (g_strcmp0 (text_at (stmt, 4), prev_hash) != 0)
        return broken (error, till_code, seq, _("it does not follow the previous entry."));

      if (is_ticket)
        {
          if (sqlite3_column_int64 (stmt, 6) != expected_number)
            return broken (error, till_code, seq, _("a ticket number is missing or repeated."));
          payload = ticket_payload (db, text_at (stmt, 2), NULL, &local_error);
          expected_number++;
          tickets++;
        }
      else
        payload = closure_payload (db, text_at (stmt, 2), NULL, &local_error);

      if (payload == NULL)
        return broken (error, till_code, seq, local_error->message);
      if (g_strcmp0 (payload, text_at (stmt, 3)) != 0)
        return broken (error, till_code, seq,
                       is_ticket ? _("the ticket was changed after it was recorded.")
                                 : _("the closure, or a ticket it covers, was changed after it was recorded."));

      hash = chain_hash (prev_hash, payload);
      if (g_strcmp0 (hash, text_at (stmt, 5)) != 0)
        return broken (error, till_code, seq, _("its hash is wrong."));

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      expected_seq++;
      (*entries)++;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  /* A ticket row written without its journal entry is as bad as one
   * changed afterwards. */
  {
    g_autoptr (ComptoirStmt) count =
      comptoir_db_prepare (db, "SELECT count (*) FROM ticket WHERE till_id = ?1", error);
    if (count == NULL)
      return FALSE;
    sqlite3_bind_text (count, 1, till_id, -1, SQLITE_STATIC);
    if (!comptoir_db_step_done (db, count, error))
      return FALSE;
    if (sqlite3_column_int64 (count, 0) != tickets)
      return broken (error, till_code, expected_seq, _("a ticket has no journal entry."));
  }

  return TRUE;
}

gboolean
comptoir_fiscal_verify (ComptoirDb  *db,
                        gint64      *out_entries,
                        GError     **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  gint64 entries = 0;
  gboolean ok = TRUE;

  {
    g_autoptr (ComptoirStmt) tills = comptoir_db_prepare (db, "SELECT id, code FROM till ORDER BY code", error);
    if (tills == NULL)
      return FALSE;
    while (sqlite3_step (tills) == SQLITE_ROW)
      {
        g_ptr_array_add (ids, g_strdup (text_at (tills, 0)));
        g_ptr_array_add (codes, g_strdup (text_at (tills, 1)));
      }
  }

  /* One read snapshot for the whole check. */
  if (!comptoir_db_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  for (guint i = 0; ok && i < ids->len; i++)
    ok = verify_till (db, g_ptr_array_index (ids, i), g_ptr_array_index (codes, i), &entries, error);
  comptoir_db_exec (db, "COMMIT", NULL);

  if (out_entries != NULL)
    *out_entries = entries;
  return ok;
}

static const char *
period_label (const char *period)
{
  if (g_strcmp0 (period, "month") == 0)
    return _("Monthly closure");
  if (g_strcmp0 (period, "year") == 0)
    return _("Yearly closure");
  return _("Daily closure (Z)");
}

/* printf pads bytes: "Espèces" would come out one column short. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static void
append_amount_line (GString    *out,
                    const char *label,
                    gint64      cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  g_string_append (out, "  ");
  append_padded (out, label, 28);
  g_string_append_printf (out, " %12s €\n", amount);
}

char *
comptoir_closure_format_report (ComptoirDb  *db,
                                const char  *closure_id,
                                GError     **error)
{
  g_autoptr (ComptoirStmt) entry = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  JsonObject *z;
  JsonArray *vat, *payments;
  gint64 refunds = 0, training = 0, cancelled = 0, cancelled_cents = 0;

  entry = comptoir_db_prepare (db, "SELECT e.payload, c.till_id FROM fiscal_entry e "
                                   "JOIN closure c ON c.id = e.source_id WHERE e.source_id = ?1", error);
  if (entry == NULL)
    return NULL;
  sqlite3_bind_text (entry, 1, closure_id, -1, SQLITE_STATIC);
  if (sqlite3_step (entry) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("The closure %s is not in the fiscal journal."), closure_id);
      return NULL;
    }
  root = json_from_string (text_at (entry, 0), error);
  if (root == NULL)
    return NULL;
  z = json_node_get_object (root);

  {
    g_autoptr (ComptoirStmt) kinds =
      comptoir_db_prepare (db, "SELECT coalesce (sum (kind = 'refund'), 0), coalesce (sum (training), 0) "
                               "FROM ticket WHERE till_id = ?1 AND number BETWEEN ?2 AND ?3", error);
    if (kinds == NULL)
      return NULL;
    sqlite3_bind_text (kinds, 1, text_at (entry, 1), -1, SQLITE_STATIC);
    sqlite3_bind_int64 (kinds, 2, json_object_get_int_member (z, "first"));
    sqlite3_bind_int64 (kinds, 3, json_object_get_int_member (z, "last"));
    if (!comptoir_db_step_done (db, kinds, error))
      return NULL;
    refunds = sqlite3_column_int64 (kinds, 0);
    training = sqlite3_column_int64 (kinds, 1);
  }

  /* Cancelled tickets never got a number: the period is the time since
   * the previous closure of the same kind on this till. */
  {
    g_autoptr (ComptoirStmt) cancels =
      comptoir_db_prepare (db, "SELECT count (*), coalesce (sum (json_extract (a.details, '$.total_cents')), 0) "
                               "FROM closure c JOIN audit_event a ON a.till_id = c.till_id "
                               "WHERE c.id = ?1 AND a.action = 'ticket_cancel' AND a.at <= c.closed_at "
                               "AND a.at > coalesce ((SELECT max (p.closed_at) FROM closure p "
                               "  WHERE p.till_id = c.till_id AND p.period = c.period "
                               "  AND p.closed_at < c.closed_at), '')", error);
    if (cancels == NULL)
      return NULL;
    sqlite3_bind_text (cancels, 1, closure_id, -1, SQLITE_STATIC);
    if (!comptoir_db_step_done (db, cancels, error))
      return NULL;
    cancelled = sqlite3_column_int64 (cancels, 0);
    cancelled_cents = sqlite3_column_int64 (cancels, 1);
  }

  g_string_append_printf (out, "%s — %s %s\n", period_label (json_object_get_string_member (z, "period")),
                          _("till"), json_object_get_string_member (z, "till"));
  g_string_append_printf (out, _("Closed at %s\n"), json_object_get_string_member (z, "at"));
  if (json_object_get_int_member (z, "count") > 0)
    {
      /* Two lines: the Z fits the 48 columns of 80 mm paper. */
      g_string_append_printf (out, _("Tickets %lld to %lld\n"),
                              (long long) json_object_get_int_member (z, "first"),
                              (long long) json_object_get_int_member (z, "last"));
      g_string_append_printf (out, _("%lld tickets, %lld refunds, %lld in training\n"),
                              (long long) json_object_get_int_member (z, "count"),
                              (long long) refunds, (long long) training);
    }
  else
    g_string_append (out, _("No ticket in this period.\n"));
  {
    g_autofree char *amount = comptoir_money_format_local (cancelled_cents);
    g_string_append_printf (out, _("Cancelled before payment: %lld tickets, %s €\n"),
                            (long long) cancelled, amount);
  }

  g_string_append_printf (out, "\n%s\n", _("By VAT rate (base, VAT, incl. VAT)"));
  vat = json_object_get_array_member (z, "vat");
  for (guint i = 0; i < json_array_get_length (vat); i++)
    {
      JsonObject *rate = json_array_get_object_element (vat, i);
      g_autofree char *name = comptoir_vat_rate_format ((int) json_object_get_int_member (rate, "rate"));
      g_autofree char *base = comptoir_money_format_local (json_object_get_int_member (rate, "base"));
      g_autofree char *tax = comptoir_money_format_local (json_object_get_int_member (rate, "vat"));
      g_autofree char *ttc = comptoir_money_format_local (json_object_get_int_member (rate, "total"));

      /* 47 columns: the Z prints on 80 mm paper (48). */
      g_string_append (out, "  ");
      append_padded (out, name, 8);
      g_string_append_printf (out, " %11s %10s %11s €\n", base, tax, ttc);
    }

  g_string_append_printf (out, "\n%s\n", _("By payment method"));
  payments = json_object_get_array_member (z, "payments");
  for (guint i = 0; i < json_array_get_length (payments); i++)
    {
      JsonObject *payment = json_array_get_object_element (payments, i);
      append_amount_line (out, comptoir_payment_method_get_label (json_object_get_string_member (payment, "method")),
                          json_object_get_int_member (payment, "amount"));
    }

  g_string_append_c (out, '\n');
  append_amount_line (out, _("Period total"), json_object_get_int_member (z, "total"));
  append_amount_line (out, _("Perpetual total"), json_object_get_int_member (z, "perpetual"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
