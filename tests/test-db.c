/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) again = NULL;
  g_autoptr (ComptoirStmt) mode = NULL;
  g_autofree char *device = g_strdup (comptoir_db_get_device_id (f->db));

  g_assert_cmpint (fixture_query_int (f->db, "PRAGMA application_id"), ==, COMPTOIR_APPLICATION_ID);
  g_assert_cmpint (fixture_query_int (f->db, "PRAGMA user_version"), ==, comptoir_db_get_latest_schema_version ());
  g_assert_cmpint (comptoir_db_get_schema_version (f->db), ==, comptoir_db_get_latest_schema_version ());
  g_assert_cmpint (fixture_query_int (f->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (fixture_query_int (f->db, "PRAGMA busy_timeout"), >, 0);
  g_assert_true (comptoir_uuid7_is_valid (device));

  mode = comptoir_db_prepare (f->db, "PRAGMA journal_mode", &error);
  g_assert_true (comptoir_db_step_done (f->db, mode, &error));
  g_assert_cmpstr ((const char *) sqlite3_column_text (mode, 0), ==, "wal");
  comptoir_stmt_release (g_steal_pointer (&mode));

  /* Reopening keeps the identity and migrates nothing. */
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  again = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_db_get_device_id (again), ==, device);
  f->db = g_steal_pointer (&again);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *raw = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;

  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  set_user_version (f->path, comptoir_db_get_latest_schema_version () + 1);

  db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
test_not_comptoir (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autofree char *garbage = g_build_filename (f->dir, "photo.jpg", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *bytes = g_strnfill (8192, 'x');
  sqlite3 *raw = NULL;

  write_file (garbage, bytes, 8192);
  db = comptoir_db_open (garbage, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_COMPTOIR);
  g_clear_error (&error);

  /* A healthy SQLite database of another program is left untouched. */
  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE notes (t TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  db = comptoir_db_open (other, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_COMPTOIR);
  g_assert_nonnull (strstr (error->message, "another program"));
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  gboolean failed_cleanly;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autoptr (ComptoirProduct) p = fixture_product (code, "Confiture d'abricots", 350, 550, NULL);
      g_assert_true (comptoir_catalog_save_product (f->catalog, p, &error));
    }
  g_clear_object (&f->catalog);
  g_clear_object (&f->db);  /* checkpoints the WAL into the file */

  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 16384);
  /* Scribble over everything after the first page. */
  memset (contents + 4096, 0xA5, len - 4096);
  write_file (f->path, contents, len);

  db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
      failed_cleanly = comptoir_catalog_count_products (catalog, &error) < 0;
    }
  else
    failed_cleanly = TRUE;

  g_assert_true (failed_cleanly);
  g_assert_nonnull (error);
  g_assert_true (error->domain == COMPTOIR_DB_ERROR);
  g_assert_true (error->code == COMPTOIR_DB_ERROR_CORRUPT || error->code == COMPTOIR_DB_ERROR_NOT_COMPTOIR);
  g_test_message ("%s", error->message);
}

static void
test_read_only_missing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = comptoir_db_open ("/nonexistent/dir/shop.db", COMPTOIR_DB_OPEN_READ_ONLY, &error);

  g_assert_null (db);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_READ_ONLY);
}

static gboolean
insert_category (ComptoirDb  *db,
                 gpointer     name,
                 GError     **error)
{
  g_autoptr (ComptoirChange) change = comptoir_change_new ("category", NULL);

  comptoir_change_set_text (change, "name", name);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static gboolean
insert_then_fail (ComptoirDb  *db,
                  gpointer     name,
                  GError     **error)
{
  if (!insert_category (db, name, error))
    return FALSE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, "refused");
  return FALSE;
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  /* An inner failure rolls back only the inner savepoint. */
  g_assert_true (comptoir_db_begin (f->db, &error));
  g_assert_true (insert_category (f->db, "Épicerie", &error));
  g_assert_false (comptoir_db_transaction (f->db, insert_then_fail, "Vrac", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_db_commit (f->db, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM category"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 1);

  /* An outer rollback takes everything. */
  g_assert_true (comptoir_db_begin (f->db, &error));
  g_assert_true (comptoir_db_transaction (f->db, insert_category, "Frais", &error));
  comptoir_db_rollback (f->db);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM category"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log"), ==, 1);
}

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirStmt *a = comptoir_db_prepare (f->db, "SELECT 1", &error);
  ComptoirStmt *b;

  g_assert_nonnull (a);
  g_assert_true (comptoir_db_step_done (f->db, a, &error));
  comptoir_stmt_release (a);
  b = comptoir_db_prepare (f->db, "SELECT 1", &error);
  g_assert_true (a == b);
  comptoir_stmt_release (b);

  g_assert_null (comptoir_db_prepare (f->db, "SELEC nonsense", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_FAILED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/db/create", test_create);
  ADD ("/comptoir/core/db/too-new", test_too_new);
  ADD ("/comptoir/core/db/not-comptoir", test_not_comptoir);
  ADD ("/comptoir/core/db/corrupt", test_corrupt);
  ADD ("/comptoir/core/db/transactions", test_transactions);
  ADD ("/comptoir/core/db/statement-cache", test_statement_cache);
  g_test_add_func ("/comptoir/core/db/read-only-missing", test_read_only_missing);
  return g_test_run ();
}
