/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-db"

#include "config.h"

#include "comptoir-db-query-private.h"

char *
_comptoir_db_column_dup (sqlite3_stmt *stmt,
                         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gint64
_comptoir_db_column_int_or (sqlite3_stmt *stmt,
                            int           column,
                            gint64        none)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? none : sqlite3_column_int64 (stmt, column);
}

gboolean
_comptoir_db_query_row (ComptoirDb         *db,
                        const char         *sql,
                        const char         *first,
                        const char         *second,
                        ComptoirDbRowFunc   read_row,
                        gpointer            out,
                        gboolean           *out_found,
                        GError            **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);
  int rc;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_row (stmt, out);
      *out_found = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
read_text (sqlite3_stmt *stmt,
           gpointer      out)
{
  *(char **) out = _comptoir_db_column_dup (stmt, 0);
}

gboolean
_comptoir_db_lookup_text (ComptoirDb   *db,
                          const char   *sql,
                          const char   *first,
                          const char   *second,
                          char        **out,
                          GError      **error)
{
  gboolean found;

  *out = NULL;
  return _comptoir_db_query_row (db, sql, first, second, read_text, out, &found, error);
}
