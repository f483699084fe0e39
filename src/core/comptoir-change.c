/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-change"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-change.h"
#include "comptoir-db-private.h"
#include "comptoir-id.h"

typedef enum {
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueKind;

typedef struct {
  char      *column;
  ValueKind  kind;
  gint64     i;
  char      *text;
} ChangeValue;

struct _ComptoirChange
{
  char   *table;
  char   *row_id;
  GArray *values;  /* ChangeValue, in the order they were set */
};

static void
change_value_clear (gpointer data)
{
  ChangeValue *value = data;

  g_free (value->column);
  g_free (value->text);
}

ComptoirChange *
comptoir_change_new (const char *table,
                     const char *row_id)
{
  ComptoirChange *change = g_new0 (ComptoirChange, 1);

  change->table = g_strdup (table);
  change->row_id = row_id != NULL ? g_strdup (row_id) : comptoir_uuid7_new ();
  change->values = g_array_new (FALSE, TRUE, sizeof (ChangeValue));
  g_array_set_clear_func (change->values, change_value_clear);

  return change;
}

void
comptoir_change_free (ComptoirChange *change)
{
  if (change == NULL)
    return;
  g_free (change->table);
  g_free (change->row_id);
  g_array_unref (change->values);
  g_free (change);
}

const char *
comptoir_change_get_row_id (ComptoirChange *change)
{
  return change->row_id;
}

static ChangeValue *
slot_for (ComptoirChange *change,
          const char     *column)
{
  ChangeValue fresh = { 0 };

  for (guint i = 0; i < change->values->len; i++)
    {
      ChangeValue *value = &g_array_index (change->values, ChangeValue, i);
      if (g_str_equal (value->column, column))
        {
          g_clear_pointer (&value->text, g_free);
          return value;
        }
    }

  fresh.column = g_strdup (column);
  g_array_append_val (change->values, fresh);
  return &g_array_index (change->values, ChangeValue, change->values->len - 1);
}

void
comptoir_change_set_text (ComptoirChange *change,
                          const char     *column,
                          const char     *text)
{
  ChangeValue *value = slot_for (change, column);

  value->kind = text != NULL ? VALUE_TEXT : VALUE_NULL;
  value->text = g_strdup (text);
}

void
comptoir_change_set_int (ComptoirChange *change,
                         const char     *column,
                         gint64          i)
{
  ChangeValue *value = slot_for (change, column);

  value->kind = VALUE_INT;
  value->i = i;
}

void
comptoir_change_set_bool (ComptoirChange *change,
                          const char     *column,
                          gboolean        b)
{
  comptoir_change_set_int (change, column, b ? 1 : 0);
}

void
comptoir_change_set_null (ComptoirChange *change,
                          const char     *column)
{
  slot_for (change, column)->kind = VALUE_NULL;
}

static void
bind_value (sqlite3_stmt      *stmt,
            int                index,
            const ChangeValue *value)
{
  switch (value->kind)
    {
    case VALUE_NULL:
      sqlite3_bind_null (stmt, index);
      break;
    case VALUE_INT:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case VALUE_TEXT:
      sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_TRANSIENT);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
value_equals_column (const ChangeValue *value,
                     sqlite3_stmt      *row,
                     int                column)
{
  int type = sqlite3_column_type (row, column);

  switch (value->kind)
    {
    case VALUE_NULL:
      return type == SQLITE_NULL;
    case VALUE_INT:
      return type == SQLITE_INTEGER && sqlite3_column_int64 (row, column) == value->i;
    case VALUE_TEXT:
      return type == SQLITE_TEXT &&
             g_strcmp0 ((const char *) sqlite3_column_text (row, column), value->text) == 0;
    default:
      g_assert_not_reached ();
    }
}

/* The change log's payload is a flat JSON object written by hand: it is
 * built for every row of every sale, and json-glib's builder and generator
 * cost a fifth of recording one. It is read back with json-glib. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
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
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_value (GString           *out,
                   const ChangeValue *value)
{
  append_json_string (out, value->column);
  g_string_append_c (out, ':');
  switch (value->kind)
    {
    case VALUE_NULL:
      g_string_append (out, "null");
      break;
    case VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      break;
    case VALUE_TEXT:
      append_json_string (out, value->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_columns (ComptoirDb      *db,
               ComptoirChange  *change,
               GError         **error)
{
  GPtrArray *columns = _comptoir_db_get_replicated_columns (db, change->table);

  if (columns == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   "Table “%s” is not replicated", change->table);
      return FALSE;
    }

  for (guint i = 0; i < change->values->len; i++)
    {
      const ChangeValue *value = &g_array_index (change->values, ChangeValue, i);
      gboolean known = FALSE;

      for (guint j = 0; !known && j < columns->len; j++)
        known = g_str_equal (value->column, g_ptr_array_index (columns, j));

      if (!known)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       "Column “%s.%s” cannot be written", change->table, value->column);
          return FALSE;
        }
    }

  return TRUE;
}

/* Returns the values that differ from the stored row (all of them for a
 * new row), so that saving an unchanged form logs nothing. */
static gboolean
diff_with_stored (ComptoirDb      *db,
                  ComptoirChange  *change,
                  GPtrArray       *changed,
                  gboolean        *out_exists,
                  GError         **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < change->values->len; i++)
    g_string_append_printf (sql, "%s, ", g_array_index (change->values, ChangeValue, i).column);
  g_string_append_printf (sql, "1 FROM %s WHERE id = ?", change->table);

  if (!(stmt = comptoir_db_prepare (db, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->row_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  for (guint i = 0; i < change->values->len; i++)
    {
      ChangeValue *value = &g_array_index (change->values, ChangeValue, i);

      if (!*out_exists || !value_equals_column (value, stmt, i))
        g_ptr_array_add (changed, value);
    }

  return TRUE;
}

static gboolean
write_row (ComptoirDb      *db,
           ComptoirChange  *change,
           GPtrArray       *changed,
           gboolean         exists,
           GError         **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int n = 1;

  if (exists)
    {
      g_string_append_printf (sql, "UPDATE %s SET ", change->table);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, "%s%s = ?", i ? ", " : "",
                                ((ChangeValue *) g_ptr_array_index (changed, i))->column);
      g_string_append (sql, " WHERE id = ?");
    }
  else
    {
      g_string_append_printf (sql, "INSERT INTO %s (", change->table);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, "%s, ", ((ChangeValue *) g_ptr_array_index (changed, i))->column);
      g_string_append (sql, "id) VALUES (");
      for (guint i = 0; i < changed->len; i++)
        g_string_append (sql, "?, ");
      g_string_append (sql, "?)");
    }

  if (!(stmt = comptoir_db_prepare (db, sql->str, error)))
    return FALSE;

  for (guint i = 0; i < changed->len; i++)
    bind_value (stmt, n++, g_ptr_array_index (changed, i));
  sqlite3_bind_text (stmt, n, change->row_id, -1, SQLITE_STATIC);

  return comptoir_db_step_done (db, stmt, error);
}

static gboolean
append_to_log (ComptoirDb      *db,
               ComptoirChange  *change,
               GPtrArray       *changed,
               GError         **error)
{
  g_autoptr (GString) json = g_string_sized_new (256);
  g_autofree char *op_id = comptoir_uuid7_new ();
  g_autoptr (ComptoirStmt) stmt = NULL;
  const char *payload;

  g_string_append_c (json, '{');
  for (guint i = 0; i < changed->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_value (json, g_ptr_array_index (changed, i));
    }
  g_string_append_c (json, '}');
  payload = json->str;

  stmt = comptoir_db_prepare (db,
                              "INSERT INTO change_log (seq, op_id, tbl, row_id, hlc, device_id, "
                              "schema_version, payload) VALUES "
                              "((SELECT coalesce (max (seq), 0) + 1 FROM change_log), "
                              "?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->row_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, comptoir_db_hlc_now (db));
  sqlite3_bind_text (stmt, 5, comptoir_db_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, comptoir_db_get_schema_version (db));
  sqlite3_bind_text (stmt, 7, payload, -1, SQLITE_STATIC);

  return comptoir_db_step_done (db, stmt, error);
}

gboolean
comptoir_db_apply_change (ComptoirDb      *db,
                          ComptoirChange  *change,
                          gboolean        *out_changed,
                          GError         **error)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  gboolean exists = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (out_changed != NULL)
    *out_changed = FALSE;

  if (!check_columns (db, change, error))
    return FALSE;

  if (!comptoir_db_begin (db, error))
    return FALSE;
  _comptoir_db_allow_writes (db);

  if (!diff_with_stored (db, change, changed, &exists, error))
    goto fail;

  if (changed->len > 0 || !exists)
    {
      if (!write_row (db, change, changed, exists, error) ||
          !append_to_log (db, change, changed, error))
        goto fail;
      if (out_changed != NULL)
        *out_changed = TRUE;
    }

  _comptoir_db_forbid_writes (db);
  return comptoir_db_commit (db, error);

fail:
  _comptoir_db_forbid_writes (db);
  comptoir_db_rollback (db);
  return FALSE;
}

/* A fact (ticket, line, movement, journal entry) is only ever inserted:
 * no need to read a stored row first, and a second insert of the same id
 * fails on the primary key instead of silently becoming an update. */
gboolean
comptoir_db_insert_fact (ComptoirDb      *db,
                         ComptoirChange  *change,
                         GError         **error)
{
  g_autoptr (GPtrArray) values = g_ptr_array_sized_new (change->values->len);

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!check_columns (db, change, error))
    return FALSE;

  for (guint i = 0; i < change->values->len; i++)
    g_ptr_array_add (values, &g_array_index (change->values, ChangeValue, i));

  /* Facts are written many to a transaction (a ticket is 40 of them):
   * inside one, the caller's rollback undoes a half-written fact, so no
   * savepoint of its own is needed. */
  if (_comptoir_db_in_transaction (db))
    {
      gboolean ok;

      _comptoir_db_allow_writes (db);
      ok = write_row (db, change, values, FALSE, error) && append_to_log (db, change, values, error);
      _comptoir_db_forbid_writes (db);
      return ok;
    }

  if (!comptoir_db_begin (db, error))
    return FALSE;
  _comptoir_db_allow_writes (db);

  if (!write_row (db, change, values, FALSE, error) ||
      !append_to_log (db, change, values, error))
    {
      _comptoir_db_forbid_writes (db);
      comptoir_db_rollback (db);
      return FALSE;
    }

  _comptoir_db_forbid_writes (db);
  return comptoir_db_commit (db, error);
}
