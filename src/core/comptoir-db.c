/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "comptoir-db-private.h"
#include "comptoir-id.h"
#include "comptoir-schema-resources.h"
#include "comptoir-text.h"

#define SCHEMA_PATH "/org/comptoir/Comptoir/schema/"

struct _ComptoirDb
{
  GObject      parent_instance;

  sqlite3     *handle;
  char        *path;
  char        *device_id;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt */
  GHashTable  *replicated;   /* table → GPtrArray of column names */
  ComptoirHlc  hlc;
  int          schema_version;
  guint        tx_depth;
  guint        write_depth;
  gboolean     read_only;
  gpointer     fact_group;   /* owned by comptoir-change.c while open */
};

G_DEFINE_FINAL_TYPE (ComptoirDb, comptoir_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (comptoir-db-error-quark, comptoir_db_error)

static void
comptoir_db_finalize (GObject *object)
{
  ComptoirDb *self = COMPTOIR_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->replicated, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (comptoir_db_parent_class)->finalize (object);
}

static void
comptoir_db_class_init (ComptoirDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
comptoir_db_init (ComptoirDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->replicated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
}

static void
set_sqlite_error (sqlite3     *handle,
                  const char  *path,
                  int          rc,
                  GError     **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_COMPTOIR,
                   _("“%s” is not a Comptoir database, or it is damaged beyond reading. "
                     "Choose another file, or restore this one from a backup."),
                   path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup; "
                     "nothing more was written to it."),
                   path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_BUSY,
                   _("The database is in use by another program. Close the other "
                     "Comptoir window or command, then try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_READ_ONLY,
                   _("Cannot write to “%s” (%s). Check that the file and its folder "
                     "exist and that you may write to them."),
                   path, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CONSTRAINT,
                   _("The change was refused by the database: %s."), detail);
      break;
    default:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_FAILED,
                   _("Database error: %s."), detail);
      break;
    }
}

void
comptoir_db_set_error (ComptoirDb  *self,
                       GError     **error)
{
  set_sqlite_error (self->handle, self->path,
                    sqlite3_extended_errcode (self->handle), error);
}

void
comptoir_stmt_release (ComptoirStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

ComptoirStmt *
comptoir_db_prepare (ComptoirDb  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COMPTOIR_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A busy statement means a caller kept one without releasing it;
       * resetting it under them would corrupt their iteration. */
      if (G_UNLIKELY (sqlite3_stmt_busy (stmt)))
        {
          g_critical ("Statement still in use: %s", sql);
          sqlite3_reset (stmt);
        }
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      comptoir_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
comptoir_db_step_done (ComptoirDb    *self,
                       ComptoirStmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  comptoir_db_set_error (self, error);
  return FALSE;
}

gboolean
comptoir_db_exec (ComptoirDb  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      comptoir_db_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Transaction control runs on every write, so its statements are cached
 * like any other; one savepoint name serves every depth because SQLite
 * releases and rolls back to the innermost savepoint of that name. */
static gboolean
run_cached (ComptoirDb  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (self, sql, error);

  return stmt != NULL && comptoir_db_step_done (self, stmt, error);
}

gboolean
comptoir_db_begin (ComptoirDb  *self,
                   GError     **error)
{
  if (!run_cached (self, self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT sp", error))
    return FALSE;

  self->tx_depth++;
  return TRUE;
}

gboolean
comptoir_db_commit (ComptoirDb  *self,
                    GError     **error)
{
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (!run_cached (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE sp", error))
    {
      comptoir_db_rollback (self);
      return FALSE;
    }

  self->tx_depth--;
  return TRUE;
}

void
comptoir_db_rollback (ComptoirDb *self)
{
  gboolean ok;

  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    ok = run_cached (self, "ROLLBACK", NULL);
  else
    ok = run_cached (self, "ROLLBACK TO sp", NULL) && run_cached (self, "RELEASE sp", NULL);

  /* A failed COMMIT may already have ended the transaction. */
  if (!ok && !sqlite3_get_autocommit (self->handle))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));

  self->tx_depth--;
}

gboolean
comptoir_db_transaction (ComptoirDb      *self,
                         ComptoirDbFunc   func,
                         gpointer         user_data,
                         GError         **error)
{
  if (!comptoir_db_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      comptoir_db_rollback (self);
      return FALSE;
    }

  return comptoir_db_commit (self, error);
}

static void
write_allowed_func (sqlite3_context  *ctx,
                    int               argc,
                    sqlite3_value   **argv)
{
  ComptoirDb *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, self->write_depth > 0);
}

static void
sort_key_func (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (ctx, comptoir_text_fold (text), -1, g_free);
}

gboolean
_comptoir_db_in_transaction (ComptoirDb *self)
{
  return self->tx_depth > 0;
}

void
_comptoir_db_allow_writes (ComptoirDb *self)
{
  self->write_depth++;
}

void
_comptoir_db_forbid_writes (ComptoirDb *self)
{
  g_return_if_fail (self->write_depth > 0);
  self->write_depth--;
}

gpointer
_comptoir_db_get_fact_group (ComptoirDb *self)
{
  return self->fact_group;
}

void
_comptoir_db_set_fact_group (ComptoirDb *self,
                             gpointer    group)
{
  self->fact_group = group;
}

static gboolean
query_int (ComptoirDb  *self,
           const char  *sql,
           gint64      *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      comptoir_db_set_error (self, error);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_value = 0;
  else
    comptoir_db_set_error (self, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Migration files sorted by name; their numbers must run 1, 2, 3… */
static char **
list_migrations (int *out_latest)
{
  g_auto (GStrv) names = NULL;
  guint n;

  names = g_resource_enumerate_children (comptoir_schema_get_resource (),
                                         SCHEMA_PATH, 0, NULL);
  g_assert (names != NULL);
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    g_assert (g_ascii_strtoull (names[i], NULL, 10) == i + 1);

  *out_latest = (int) n;
  return g_steal_pointer (&names);
}

int
comptoir_db_get_latest_schema_version (void)
{
  g_auto (GStrv) names = NULL;
  int latest;

  names = list_migrations (&latest);
  return latest;
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/* Every replicated table refuses writes that do not come through the
 * write API. The guard calls a function that only Comptoir's connections
 * define, so a plain sqlite3 shell cannot write these tables either.
 *
 * The insert guard runs AFTER the row is written (the refusal undoes it
 * all the same): a BEFORE trigger makes SQLite copy every new value
 * for it first, forty rows per sale. The guards are derived from the
 * code, so each migration replaces them with the current ones. */
static gboolean
install_write_guards (ComptoirDb  *self,
                      GError     **error)
{
  static const struct { const char *op; const char *when; } ops[] = {
    { "INSERT", "AFTER" }, { "UPDATE", "BEFORE" }, { "DELETE", "BEFORE" },
  };
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (self->handle, "SELECT name FROM replicated_table",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      comptoir_db_set_error (self, error);
      return FALSE;
    }

  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      g_assert (is_identifier (table));

      for (guint i = 0; ok && i < G_N_ELEMENTS (ops); i++)
        {
          g_autofree char *lower = g_ascii_strdown (ops[i].op, -1);
          g_autofree char *sql =
            g_strdup_printf ("DROP TRIGGER IF EXISTS guard_%s_%s; "
                             "CREATE TRIGGER guard_%s_%s "
                             "%s %s ON %s WHEN NOT comptoir_write_allowed () "
                             "BEGIN SELECT RAISE (ABORT, '%s on %s outside the "
                             "Comptoir write API'); END",
                             table, lower, table, lower, ops[i].when, ops[i].op, table,
                             ops[i].op, table);
          ok = comptoir_db_exec (self, sql, error);
        }
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
migrate (ComptoirDb  *self,
         int          from,
         GError     **error)
{
  g_auto (GStrv) names = NULL;
  g_autofree char *pragma = NULL;
  gint64 n_devices = 0;
  int latest;

  names = list_migrations (&latest);

  if (!comptoir_db_begin (self, error))
    return FALSE;
  _comptoir_db_allow_writes (self);

  for (int i = from; i < latest; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;

      bytes = g_resource_lookup_data (comptoir_schema_get_resource (), path, 0, NULL);
      g_assert (bytes != NULL);

      g_debug ("Applying migration %s", names[i]);
      if (!comptoir_db_exec (self, g_bytes_get_data (bytes, NULL), error))
        goto fail;
    }

  if (!install_write_guards (self, error))
    goto fail;

  if (!query_int (self, "SELECT count(*) FROM local_device", &n_devices, error))
    goto fail;
  if (n_devices == 0)
    {
      g_autofree char *id = comptoir_uuid7_new ();
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO local_device (id, created_at) VALUES ('%s', %" G_GINT64_FORMAT ")",
                         id, g_get_real_time () / G_USEC_PER_SEC);
      /* The id is our own UUID, never user input. */
      if (!comptoir_db_exec (self, sql, error))
        goto fail;
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                            COMPTOIR_APPLICATION_ID, latest);
  if (!comptoir_db_exec (self, pragma, error))
    goto fail;

  _comptoir_db_forbid_writes (self);
  if (!comptoir_db_commit (self, error))
    return FALSE;

  self->schema_version = latest;
  return TRUE;

fail:
  _comptoir_db_forbid_writes (self);
  comptoir_db_rollback (self);
  return FALSE;
}

static gboolean
load_replicated_tables (ComptoirDb  *self,
                        GError     **error)
{
  g_autoptr (ComptoirStmt) tables = NULL;

  tables = comptoir_db_prepare (self, "SELECT name FROM replicated_table", error);
  if (tables == NULL)
    return FALSE;

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", table);
      GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *info = NULL;

      g_assert (is_identifier (table));
      if (sqlite3_prepare_v2 (self->handle, sql, -1, &info, NULL) != SQLITE_OK)
        {
          g_ptr_array_unref (columns);
          comptoir_db_set_error (self, error);
          return FALSE;
        }
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (info, 0);

          /* id is the row's identity; sort_key is derived locally by a
           * trigger and never replicated. */
          if (g_strcmp0 (column, "id") != 0 && g_strcmp0 (column, "sort_key") != 0)
            g_ptr_array_add (columns, g_strdup (column));
        }
      sqlite3_finalize (info);

      g_hash_table_insert (self->replicated, g_strdup (table), columns);
    }

  return TRUE;
}

GPtrArray *
_comptoir_db_get_replicated_columns (ComptoirDb *self,
                                     const char *table)
{
  return g_hash_table_lookup (self->replicated, table);
}

static gboolean
load_identity (ComptoirDb  *self,
               GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  gint64 last_hlc = 0;

  stmt = comptoir_db_prepare (self, "SELECT id FROM local_device LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                   _("The database “%s” has lost its device identity. Restore it from a backup."),
                   self->path);
      return FALSE;
    }
  self->device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  /* The clock resumes after the last change this machine logged, so ids
   * keep increasing across restarts even if the wall clock went back. The
   * log only holds this machine's changes, in clock order, so the last
   * entry has the highest clock (and reading it costs no scan). */
  if (!query_int (self, "SELECT coalesce ((SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1), 0)",
                  &last_hlc, error))
    return FALSE;
  comptoir_hlc_init (&self->hlc, last_hlc);

  return TRUE;
}

static gboolean
check_and_migrate (ComptoirDb  *self,
                   GError     **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;
  int latest = comptoir_db_get_latest_schema_version ();

  /* The first read of the file tells a stranger or a wreck from ours. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id != COMPTOIR_APPLICATION_ID && !(app_id == 0 && n_objects == 0))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_COMPTOIR,
                   _("“%s” is a database of another program, not of Comptoir. "
                     "Choose a Comptoir database, or a new file name to create one."),
                   self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Comptoir (data version %d; "
                     "this program knows up to %d). Update Comptoir on this computer "
                     "before opening it."),
                   self->path, (int) version, latest);
      return FALSE;
    }

  self->schema_version = (int) version;

  if (version < latest)
    {
      if (self->read_only)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_READ_ONLY,
                       _("“%s” must be updated by Comptoir before it can be read. "
                         "Open it once with write access."),
                       self->path);
          return FALSE;
        }
      if (!migrate (self, (int) version, error))
        return FALSE;
    }

  return TRUE;
}

ComptoirDb *
comptoir_db_open (const char           *path,
                  ComptoirDbOpenFlags   flags,
                  GError              **error)
{
  g_autoptr (ComptoirDb) self = NULL;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (COMPTOIR_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & COMPTOIR_DB_OPEN_READ_ONLY) != 0;

  if (self->read_only)
    open_flags = SQLITE_OPEN_READONLY;
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_READ_ONLY,
                       _("Cannot create the folder “%s”: %s."),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->handle, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->handle, path, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_create_function (self->handle, "comptoir_write_allowed", 0, SQLITE_UTF8,
                           self, write_allowed_func, NULL, NULL);
  sqlite3_create_function (self->handle, "comptoir_sort_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, sort_key_func, NULL, NULL);

  if (!self->read_only &&
      !comptoir_db_exec (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  /* synchronous=FULL: a sale the cashier saw committed survives a
   * power cut, not only a crash. */
  /* temp_store: savepoint journals stay in memory, not in temp files. */
  if (!comptoir_db_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                         "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (!check_and_migrate (self, error) ||
      !load_replicated_tables (self, error) ||
      !load_identity (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Where the shop lives when no --db is given: the user's data folder
 * (~/.local/share/comptoir/shop.db), or $COMPTOIR_DB when set. */
char *
comptoir_db_get_default_path (void)
{
  const char *env = g_getenv ("COMPTOIR_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "comptoir", "shop.db", NULL);
}

const char *
comptoir_db_get_path (ComptoirDb *self)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), NULL);
  return self->path;
}

const char *
comptoir_db_get_device_id (ComptoirDb *self)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), NULL);
  return self->device_id;
}

int
comptoir_db_get_schema_version (ComptoirDb *self)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), 0);
  return self->schema_version;
}

sqlite3 *
comptoir_db_get_handle (ComptoirDb *self)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), NULL);
  return self->handle;
}

gint64
comptoir_db_hlc_now (ComptoirDb *self)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (self), 0);
  return comptoir_hlc_now (&self->hlc);
}
