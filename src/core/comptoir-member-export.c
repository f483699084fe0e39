/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-id.h"
#include "comptoir-member-record-private.h"

/* Everything stored about a member, as one JSON document: what a member
 * receives when they ask what the cooperative keeps about them (GDPR
 * art. 15), and what support reads to understand an account. Rows are
 * written as they are stored, named by the columns of the queries below,
 * so that nothing stored is left out by a forgotten field. */

/* Every row of the query (?1 is the member's id) as an object of the
 * array name, each column under its name in the query. */
static gboolean
add_rows (JsonBuilder  *builder,
          ComptoirDb   *db,
          const char   *name,
          const char   *sql,
          const char   *member_id,
          GError      **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;
            default:
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
              break;
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_day (JsonBuilder *builder,
         const char  *name,
         ComptoirDay  day)
{
  char text[11];

  json_builder_set_member_name (builder, name);
  if (day == COMPTOIR_DAY_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }
  comptoir_day_to_iso (day, text);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
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
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static gboolean
add_status (JsonBuilder  *builder,
            ComptoirDb   *db,
            const char   *member_id,
            GError      **error)
{
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autofree char *description = NULL;

  if (!comptoir_member_status_compute (db, member_id, comptoir_day_today (), &status, error))
    return FALSE;
  description = comptoir_member_status_describe (&status);

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  add_day (builder, "on", status.today);
  add_string (builder, "kind", comptoir_member_status_kind_to_string (status.kind));
  add_string (builder, "label", comptoir_member_status_kind_get_label (status.kind));
  add_string (builder, "description", description);
  add_int (builder, "counter", status.counter);
  add_day (builder, "deadline", status.deadline);
  add_int (builder, "to_make_up", status.to_make_up);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status.lines->len; i++)
    {
      const ComptoirStatusLine *line = &g_array_index (status.lines, ComptoirStatusLine, i);

      json_builder_begin_object (builder);
      add_day (builder, "day", line->day);
      switch (line->kind)
        {
        case COMPTOIR_STATUS_LINE_ENTRY:
          add_string (builder, "what", comptoir_ledger_kind_to_string (line->entry.kind));
          add_string (builder, "entry_id", line->entry.id);
          add_string (builder, "reason", line->entry.reason);
          break;
        case COMPTOIR_STATUS_LINE_CYCLE_DUE:
          add_string (builder, "what", "cycle_due");
          break;
        case COMPTOIR_STATUS_LINE_LEAVE:
        default:
          add_string (builder, "what", "leave");
          add_string (builder, "leave_kind", comptoir_leave_kind_to_string (line->leave.kind));
          add_day (builder, "leave_to", line->leave.to_on);
          break;
        }
      add_int (builder, "counted", line->counted);
      json_builder_set_member_name (builder, "waived");
      json_builder_add_boolean_value (builder, line->waived);
      add_int (builder, "counter", line->counter);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_shares (JsonBuilder  *builder,
            ComptoirDb   *db,
            const char   *member_id,
            GError      **error)
{
  g_auto (ComptoirShares) shares = { 0 };

  if (!comptoir_member_shares_load (db, member_id, &shares, error))
    return FALSE;
  json_builder_set_member_name (builder, "shares");
  json_builder_begin_object (builder);
  add_int (builder, "n_shares", shares.n_shares);
  add_int (builder, "capital_cents", shares.capital);
  add_int (builder, "paid_cents", shares.paid);
  if (!add_rows (builder, db, "movements",
                 "SELECT s.id, s.at, s.on_day AS \"on\", s.kind, s.n_shares, s.unit_value AS unit_value_cents, "
                 "r.number AS related_number FROM share_movement s "
                 "LEFT JOIN member r ON r.id = s.related_member_id "
                 "WHERE s.member_id = ?1 ORDER BY s.on_day, s.id", member_id, error) ||
      !add_rows (builder, db, "payments",
                 "SELECT id, at, on_day AS \"on\", amount AS amount_cents, method FROM share_payment "
                 "WHERE member_id = ?1 ORDER BY on_day, id", member_id, error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

/* The rows of the member's other tables, each an array. */
static const struct {
  const char *name;
  const char *sql;
} sections[] = {
  { "photo",
    "SELECT mime, data AS data_base64 FROM member_photo WHERE id = ?1 AND data IS NOT NULL" },
  { "household",
    "SELECT id, first_name, last_name, birth_date, removed FROM member_person "
    "WHERE member_id = ?1 ORDER BY id" },
  { "ledger",
    "SELECT id, at, effective_on, kind, points, slot_id, reason, by_staff, related_member_id "
    "FROM counter_entry WHERE member_id = ?1 ORDER BY effective_on, id" },
  { "leaves",
    "SELECT id, kind, from_on, to_on FROM member_leave WHERE member_id = ?1 ORDER BY from_on, id" },
  { "roles",
    "SELECT role FROM member_role WHERE member_id = ?1 ORDER BY role" },
  { "squad",
    "SELECT q.id, q.template_id, t.week_index, t.weekday, t.start_minute, t.end_minute, t.job, "
    "q.from_on, q.to_on FROM shift_squad q LEFT JOIN shift_template t ON t.id = q.template_id "
    "WHERE q.member_id = ?1 ORDER BY q.from_on, q.id" },
  { "seats",
    "SELECT c.id AS claim_id, c.slot_id, s.day, s.start_minute, s.end_minute, s.job, c.kind, c.at, "
    "d.accepted, d.reason AS refused_because, d.at AS decided_at, "
    "r.kind AS released, r.at AS released_at "
    "FROM shift_claim c LEFT JOIN shift_slot s ON s.id = c.slot_id "
    "LEFT JOIN shift_claim_decision d ON d.claim_id = c.id "
    "LEFT JOIN shift_release r ON r.claim_id = c.id "
    "WHERE c.member_id = ?1 ORDER BY s.day, s.start_minute, c.at" },
  { "attendance",
    "SELECT a.id, a.slot_id, s.day, a.outcome, a.at, a.reason, a.corrects "
    "FROM shift_attendance a LEFT JOIN shift_slot s ON s.id = a.slot_id "
    "WHERE a.member_id = ?1 ORDER BY a.at, a.id" },
  { "tickets",
    "SELECT t.id, l.code AS till, t.number, t.closed_at, t.kind, t.training, t.total_cents "
    "FROM ticket t LEFT JOIN till l ON l.id = t.till_id "
    "WHERE t.member_id = ?1 ORDER BY t.closed_at, t.id" },
  { "events",
    "SELECT id, at, action, by_staff, details FROM member_event WHERE member_id = ?1 ORDER BY at, id" },
};

static gboolean
add_record (JsonBuilder  *builder,
            ComptoirDb   *db,
            const char   *member_id,
            GError      **error)
{
  g_auto (ComptoirMemberRecord) record = { 0 };

  if (!comptoir_member_record_load (db, member_id, &record, error))
    return FALSE;

  json_builder_set_member_name (builder, "member");
  json_builder_begin_object (builder);
  add_string (builder, "id", record.id);
  add_int (builder, "number", record.number);
  add_string (builder, "first_name", record.first_name);
  add_string (builder, "last_name", record.last_name);
  add_string (builder, "email", record.email);
  add_string (builder, "phone", record.phone);
  add_string (builder, "address", record.address);
  add_day (builder, "birth_date", record.birth_date);
  add_day (builder, "join_date", record.join_date);
  add_string (builder, "notes", record.notes);
  add_string (builder, "card_barcode", record.card_barcode);
  add_string (builder, "participation", comptoir_participation_to_string (record.participation));
  add_day (builder, "left_on", record.left_on);
  json_builder_set_member_name (builder, "anonymised");
  json_builder_add_boolean_value (builder, record.anonymised);
  json_builder_end_object (builder);
  return TRUE;
}

char *
comptoir_member_export_json (ComptoirDb   *db,
                             const char   *member_id,
                             GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *now = comptoir_timestamp_now ();

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);

  /* One read transaction: every section describes the same moment. */
  if (!comptoir_db_begin (db, error))
    return NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", "comptoir-member-export");
  add_int (builder, "version", 1);
  add_string (builder, "exported_at", now);
  if (!add_record (builder, db, member_id, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!add_rows (builder, db, sections[i].name, sections[i].sql, member_id, error))
      goto fail;
  if (!add_shares (builder, db, member_id, error) || !add_status (builder, db, member_id, error))
    goto fail;
  json_builder_end_object (builder);

  /* Nothing was written: the transaction only held the snapshot. */
  comptoir_db_rollback (db);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);

fail:
  comptoir_db_rollback (db);
  return NULL;
}
