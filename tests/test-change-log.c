/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-fixture.h"

static JsonObject *
payload_of (ComptoirDb *db,
            gint64      seq)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT payload FROM change_log WHERE seq = ?1", &error);
  g_autoptr (JsonNode) node = NULL;

  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
test_logged (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) create = comptoir_change_new ("member", NULL);
  g_autoptr (ComptoirChange) same = NULL;
  g_autoptr (ComptoirChange) edit = NULL;
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) second = NULL;
  g_autoptr (ComptoirStmt) row = NULL;
  gboolean changed = FALSE;
  const char *id = comptoir_change_get_row_id (create);

  g_assert_true (comptoir_uuid7_is_valid (id));
  comptoir_change_set_int (create, "number", 42);
  comptoir_change_set_text (create, "first_name", "Anaïs");
  comptoir_change_set_text (create, "last_name", "Lefèvre");
  comptoir_change_set_null (create, "email");
  g_assert_true (comptoir_db_apply_change (f->db, create, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);

  row = comptoir_db_prepare (f->db, "SELECT seq, tbl, row_id, hlc, device_id, schema_version, acked "
                                    "FROM change_log", &error);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (row, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, "member");
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 2), ==, id);
  g_assert_cmpint (COMPTOIR_HLC_PHYSICAL (sqlite3_column_int64 (row, 3)), >, 0);
  g_assert_cmpstr ((const char *) sqlite3_column_text (row, 4), ==, comptoir_db_get_device_id (f->db));
  g_assert_cmpint (sqlite3_column_int (row, 5), ==, comptoir_db_get_latest_schema_version ());
  g_assert_cmpint (sqlite3_column_int (row, 6), ==, 0);
  g_assert_cmpint (sqlite3_step (row), ==, SQLITE_DONE);
  comptoir_stmt_release (g_steal_pointer (&row));

  first = payload_of (f->db, 1);
  g_assert_cmpint (json_object_get_int_member (first, "number"), ==, 42);
  g_assert_cmpstr (json_object_get_string_member (first, "first_name"), ==, "Anaïs");
  g_assert_true (json_object_get_null_member (first, "email"));

  /* Saving the same values logs nothing. */
  same = comptoir_change_new ("member", id);
  comptoir_change_set_text (same, "first_name", "Anaïs");
  g_assert_true (comptoir_db_apply_change (f->db, same, &changed, &error));
  g_assert_false (changed);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 1);

  /* An edit logs only the fields it changed. */
  edit = comptoir_change_new ("member", id);
  comptoir_change_set_text (edit, "first_name", "Anaïs");
  comptoir_change_set_text (edit, "email", "anais@example.org");
  g_assert_true (comptoir_db_apply_change (f->db, edit, &changed, &error));
  g_assert_true (changed);
  second = payload_of (f->db, 2);
  g_assert_cmpuint (json_object_get_size (second), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "email"), ==, "anais@example.org");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM member WHERE email = 'anais@example.org'"), ==, 1);
}

/* The payload is written by hand: any text must come back unchanged. */
static void
test_payload_escaping (Fixture       *f,
                       gconstpointer  data)
{
  static const char *names[] = {
    "O\"Brien", "back\\slash", "two\nlines\r\n", "tab\there", "bell\x07 and \x1f", "Œuf « bio » 🥚", "",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ComptoirChange) change = comptoir_change_new ("member", NULL);
      g_autoptr (JsonObject) payload = NULL;

      comptoir_change_set_int (change, "number", i + 1);
      comptoir_change_set_text (change, "first_name", names[i]);
      comptoir_change_set_text (change, "last_name", "X");
      comptoir_change_set_int (change, "phone", G_MININT64);
      g_assert_true (comptoir_db_apply_change (f->db, change, NULL, &error));
      g_assert_no_error (error);

      payload = payload_of (f->db, i + 1);
      g_assert_cmpstr (json_object_get_string_member (payload, "first_name"), ==, names[i]);
      g_assert_cmpint (json_object_get_int_member (payload, "phone"), ==, G_MININT64);
    }
}

static void
test_sequence_and_clock (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  gint64 expected_seq = 1, last_hlc = 0, hlc_before_reopen;

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr (ComptoirChange) change = comptoir_change_new ("category", NULL);
      g_autofree char *name = g_strdup_printf ("Rayon %u", i);

      comptoir_change_set_text (change, "name", name);
      g_assert_true (comptoir_db_apply_change (f->db, change, NULL, &error));
    }

  stmt = comptoir_db_prepare (f->db, "SELECT seq, hlc FROM change_log ORDER BY seq", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, expected_seq++);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), >, last_hlc);
      last_hlc = sqlite3_column_int64 (stmt, 1);
    }
  comptoir_stmt_release (g_steal_pointer (&stmt));
  g_assert_cmpint (expected_seq, ==, 501);
  hlc_before_reopen = last_hlc;

  /* After a restart the clock continues after the last logged change. */
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comptoir_db_hlc_now (f->db), >, hlc_before_reopen);
}

static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirChange) bad = comptoir_change_new ("product", NULL);

  comptoir_change_set_text (bad, "code", "X1");
  comptoir_change_set_text (bad, "name", "Savon");
  comptoir_change_set_int (bad, "price_cents", 300);
  comptoir_change_set_int (bad, "vat_bp", 1960);  /* refused by the schema */
  g_assert_false (comptoir_db_apply_change (f->db, bad, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM product"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 0);

  {
    g_autoptr (ComptoirChange) unknown = comptoir_change_new ("product", NULL);
    comptoir_change_set_text (unknown, "colour", "red");
    g_assert_false (comptoir_db_apply_change (f->db, unknown, NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr (ComptoirChange) local = comptoir_change_new ("local_device", NULL);
    comptoir_change_set_int (local, "created_at", 1);
    g_assert_false (comptoir_db_apply_change (f->db, local, NULL, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  }
}

typedef struct {
  const char *till;
  gint64      positions[2];  /* of the two payments */
  char       *ticket_id;
} TicketFacts;

static gboolean
insert_ticket_facts (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  TicketFacts *facts = user_data;
  g_autoptr (ComptoirChange) ticket = comptoir_change_new ("ticket", NULL);

  comptoir_change_set_text (ticket, "till_id", facts->till);
  comptoir_change_set_int (ticket, "number", 1);
  comptoir_change_set_text (ticket, "closed_at", "2025-01-02T10:00:00.000Z");
  comptoir_change_set_text (ticket, "kind", "sale");
  comptoir_change_set_text (ticket, "cashier", "Zoé \"la caissière\"");
  comptoir_change_set_int (ticket, "total_cents", 700);
  if (!comptoir_db_insert_fact (db, ticket, error))
    return FALSE;
  g_free (facts->ticket_id);
  facts->ticket_id = g_strdup (comptoir_change_get_row_id (ticket));

  for (guint i = 0; i < G_N_ELEMENTS (facts->positions); i++)
    {
      g_autoptr (ComptoirChange) payment = comptoir_change_new ("ticket_payment", NULL);

      comptoir_change_set_text (payment, "ticket_id", facts->ticket_id);
      comptoir_change_set_int (payment, "position", facts->positions[i]);
      comptoir_change_set_text (payment, "method", "cash");
      comptoir_change_set_int (payment, "amount_cents", 350);
      if (!comptoir_db_insert_fact (db, payment, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_nested_group (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  return comptoir_db_insert_fact_group (db, insert_ticket_facts, user_data, error);
}

static gboolean
insert_nothing (ComptoirDb  *db,
                gpointer     user_data,
                GError     **error)
{
  return TRUE;
}

/* Facts created together are one entry listing every row in the order it
 * was written; a group that fails leaves neither rows nor entry, and the
 * sequence goes on without a gap. */
static void
test_fact_group (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  TicketFacts bad = { till, { 1, 1 }, NULL };
  TicketFacts good = { till, { 1, 2 }, NULL };
  g_autoptr (ComptoirStmt) entry = NULL;
  g_autoptr (JsonObject) payload = NULL;
  JsonArray *rows;

  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT max (seq) FROM change_log"), ==, 1);

  g_assert_false (comptoir_db_insert_fact_group (f->db, insert_ticket_facts, &bad, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 1);

  g_assert_true (comptoir_db_insert_fact_group (f->db, insert_nothing, NULL, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 1);

  /* A group inside a group joins it. */
  g_assert_true (comptoir_db_insert_fact_group (f->db, insert_nested_group, &good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_payment"), ==, 2);

  entry = comptoir_db_prepare (f->db, "SELECT seq, kind, tbl, row_id FROM change_log ORDER BY seq DESC", &error);
  g_assert_cmpint (sqlite3_step (entry), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (entry, 0), ==, 2);
  g_assert_cmpstr ((const char *) sqlite3_column_text (entry, 1), ==, "facts");
  g_assert_cmpstr ((const char *) sqlite3_column_text (entry, 2), ==, "ticket");
  g_assert_cmpstr ((const char *) sqlite3_column_text (entry, 3), ==, good.ticket_id);
  comptoir_stmt_release (g_steal_pointer (&entry));

  payload = payload_of (f->db, 2);
  g_assert_cmpuint (json_object_get_size (payload), ==, 1);
  rows = json_object_get_array_member (payload, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *values = json_object_get_object_member (row, "values");

      g_assert_cmpstr (json_object_get_string_member (row, "table"), ==, i == 0 ? "ticket" : "ticket_payment");
      g_assert_true (comptoir_uuid7_is_valid (json_object_get_string_member (row, "id")));
      if (i == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, good.ticket_id);
          g_assert_cmpstr (json_object_get_string_member (values, "cashier"), ==, "Zoé \"la caissière\"");
          g_assert_cmpint (json_object_get_int_member (values, "total_cents"), ==, 700);
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (values, "ticket_id"), ==, good.ticket_id);
          g_assert_cmpint (json_object_get_int_member (values, "position"), ==, i);
        }
    }

  /* A single fact outside a group is an entry of its own. */
  {
    g_autoptr (ComptoirChange) session = comptoir_change_new ("till_session", NULL);

    comptoir_change_set_text (session, "till_id", till);
    comptoir_change_set_text (session, "opened_at", "2025-01-02T09:00:00.000Z");
    comptoir_change_set_text (session, "opened_by", "Zoé");
    comptoir_change_set_int (session, "float_cents", 15000);
    g_assert_true (comptoir_db_insert_fact (f->db, session, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE seq = 3 AND kind = 'row' "
                                             "AND tbl = 'till_session' AND json_extract (payload, '$.float_cents') = 15000"),
                   ==, 1);

  g_free (bad.ticket_id);
  g_free (good.ticket_id);
}

/* The point of the write API is that there is no second path: SQL that
 * bypasses it fails, on our connection and on a plain sqlite3 one. */
static void
test_bypass_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const char *bypasses[] = {
    "INSERT INTO member (id, number, first_name, last_name) VALUES ('x', 1, 'A', 'B')",
    "INSERT INTO category (id, name) VALUES ('x', 'Vrac')",
    "UPDATE product SET price_cents = 1",
    "DELETE FROM product",
    "UPDATE product_barcode SET product_id = NULL",
    "DELETE FROM change_log",
    "UPDATE change_log SET payload = '{}'",
  };
  g_autoptr (ComptoirProduct) p = fixture_product ("EP-1", "Pâtes penne", 189, 550, "3017620422003");
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bypasses); i++)
    {
      g_test_message ("%s", bypasses[i]);
      g_assert_false (comptoir_db_exec (f->db, bypasses[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  g_assert_cmpint (fixture_query_int (f->db, "SELECT price_cents FROM product"), ==, 189);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM product_barcode WHERE product_id IS NOT NULL"), ==, 1);

  /* Acknowledging a pushed entry is the one update the log accepts. */
  g_assert_true (comptoir_db_exec (f->db, "UPDATE change_log SET acked = 1 WHERE seq = 1", &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_db_exec (f->db, "UPDATE change_log SET acked = 0 WHERE seq = 1", &error));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (bypasses); i++)
    {
      char *message = NULL;
      g_assert_cmpint (sqlite3_exec (raw, bypasses[i], NULL, NULL, &message), !=, SQLITE_OK);
      g_test_message ("plain sqlite3: %s", message);
      sqlite3_free (message);
    }
  sqlite3_close (raw);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT price_cents FROM product"), ==, 189);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/change-log/logged", test_logged);
  ADD ("/comptoir/core/change-log/payload-escaping", test_payload_escaping);
  ADD ("/comptoir/core/change-log/sequence-and-clock", test_sequence_and_clock);
  ADD ("/comptoir/core/change-log/atomic", test_atomic);
  ADD ("/comptoir/core/change-log/fact-group", test_fact_group);
  ADD ("/comptoir/core/change-log/bypass-refused", test_bypass_refused);
  return g_test_run ();
}
