/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-change"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-db-private.h"
#include "comptoir-id.h"
#include "comptoir-json-private.h"

typedef enum {
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueKind;

/* Table and column names are interned: a sale sets some four hundred
 * values, and comparing and copying the names cost more than the values. */
typedef struct {
  const char *column;
  ValueKind   kind;
  gint64      i;
  char       *text;
} ChangeValue;

struct _ComptoirChange
{
  const char *table;
  char       *row_id;
  GArray     *values;  /* ChangeValue, in the order they were set */
};

static void
change_value_clear (gpointer data)
{
  g_free (((ChangeValue *) data)->text);
}

ComptoirChange *
comptoir_change_new (const char *table,
                     const char *row_id)
{
  ComptoirChange *change = g_new0 (ComptoirChange, 1);

  change->table = g_intern_string (table);
  change->row_id = row_id != NULL ? g_strdup (row_id) : comptoir_uuid7_new ();
  /* Room for a row of most tables without growing. */
  change->values = g_array_sized_new (FALSE, TRUE, sizeof (ChangeValue), 12);
  g_array_set_clear_func (change->values, change_value_clear);

  return change;
}

void
comptoir_change_free (ComptoirChange *change)
{
  if (change == NULL)
    return;
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
  const char *name = g_intern_string (column);

  for (guint i = 0; i < change->values->len; i++)
    {
      ChangeValue *value = &g_array_index (change->values, ChangeValue, i);
      if (value->column == name)
        {
          g_clear_pointer (&value->text, g_free);
          return value;
        }
    }

  fresh.column = name;
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

/* Change-log payloads are written by hand: one is built for every sale,
 * and json-glib's builder and generator cost a fifth of recording one.
 * They are read back with json-glib. Every string is escaped here, every
 * text was checked to be UTF-8 (check_text) and every number is an
 * integer, so what is written is valid JSON by construction, and the
 * change log does not parse it again to check. */
static gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

/* Written in place in one pass, with room for the worst case (every
 * byte as \u00xx) trimmed afterwards: a ticket's payload is a dozen
 * kilobytes of ids, labels and the journal entry's own JSON. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  static const char hex[] = "0123456789abcdef";
  gsize start = out->len;
  char *q;

  g_string_set_size (out, start + 6 * strlen (text) + 2);
  q = out->str + start;
  *q++ = '"';
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (!needs_escape (*p))
        {
          *q++ = (char) *p;
          continue;
        }
      *q++ = '\\';
      switch (*p)
        {
        case '"':
        case '\\':
          *q++ = (char) *p;
          break;
        case '\n':
          *q++ = 'n';
          break;
        case '\r':
          *q++ = 'r';
          break;
        case '\t':
          *q++ = 't';
          break;
        default:
          *q++ = 'u';
          *q++ = '0';
          *q++ = '0';
          *q++ = hex[*p >> 4];
          *q++ = hex[*p & 0xf];
        }
    }
  *q++ = '"';
  g_string_truncate (out, q - out->str);
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
      _comptoir_json_append_int (out, value->i);
      break;
    case VALUE_TEXT:
      append_json_string (out, value->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* {"column": value, …}: what a row entry logs, and the "values" of each
 * row of a facts entry. */
static void
append_json_values (GString   *out,
                    GPtrArray *values)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_value (out, g_ptr_array_index (values, i));
    }
  g_string_append_c (out, '}');
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

/* Text is logged as JSON, which is UTF-8: anything else would be refused
 * by the hub's parser, and hold up the rest of the outbox behind it. */
static gboolean
check_text (ComptoirChange  *change,
            GError         **error)
{
  for (guint i = 0; i < change->values->len; i++)
    {
      const ChangeValue *value = &g_array_index (change->values, ChangeValue, i);

      if (value->kind == VALUE_TEXT && !g_utf8_validate (value->text, -1, NULL))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       "Column “%s.%s” cannot take text that is not UTF-8", change->table, value->column);
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

/* The SQL is assembled without printf: an import or the demo shop
 * builds it for every product, only to find the statement prepared. */
static gboolean
write_row (ComptoirDb      *db,
           ComptoirChange  *change,
           GPtrArray       *changed,
           gboolean         exists,
           GError         **error)
{
  g_autoptr (GString) sql = g_string_sized_new (256);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int n = 1;

  if (exists)
    {
      g_string_append (sql, "UPDATE ");
      g_string_append (sql, change->table);
      g_string_append (sql, " SET ");
      for (guint i = 0; i < changed->len; i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          g_string_append (sql, ((ChangeValue *) g_ptr_array_index (changed, i))->column);
          g_string_append (sql, " = ?");
        }
      g_string_append (sql, " WHERE id = ?");
    }
  else
    {
      g_string_append (sql, "INSERT INTO ");
      g_string_append (sql, change->table);
      g_string_append (sql, " (");
      for (guint i = 0; i < changed->len; i++)
        {
          g_string_append (sql, ((ChangeValue *) g_ptr_array_index (changed, i))->column);
          g_string_append (sql, ", ");
        }
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

/* seq is one more than the last: entries are never deleted, and the
 * transaction holds the write lock, so it is gap-free. */
static gboolean
append_to_log (ComptoirDb      *db,
               const char      *kind,
               const char      *table,
               const char      *row_id,
               const char      *payload,
               GError         **error)
{
  g_autofree char *op_id = comptoir_uuid7_new ();
  g_autoptr (ComptoirStmt) stmt = NULL;

  stmt = comptoir_db_prepare (db,
                              "INSERT INTO change_log (seq, op_id, kind, tbl, row_id, hlc, device_id, "
                              "schema_version, payload) VALUES "
                              "((SELECT coalesce (max (seq), 0) + 1 FROM change_log), "
                              "?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, comptoir_db_hlc_now (db));
  sqlite3_bind_text (stmt, 6, comptoir_db_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, comptoir_db_get_schema_version (db));
  sqlite3_bind_text (stmt, 8, payload, -1, SQLITE_STATIC);

  return comptoir_db_step_done (db, stmt, error);
}

static gboolean
log_row (ComptoirDb      *db,
         ComptoirChange  *change,
         GPtrArray       *changed,
         GError         **error)
{
  g_autoptr (GString) json = g_string_sized_new (256);

  append_json_values (json, changed);
  return append_to_log (db, "row", change->table, change->row_id, json->str, error);
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

  if (!check_columns (db, change, error) || !check_text (change, error))
    return FALSE;

  if (!comptoir_db_begin (db, error))
    return FALSE;
  _comptoir_db_allow_writes (db);

  if (!diff_with_stored (db, change, changed, &exists, error))
    goto fail;

  if (changed->len > 0 || !exists)
    {
      if (!write_row (db, change, changed, exists, error) ||
          !log_row (db, change, changed, error))
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

/* The facts entry being built by comptoir_db_insert_fact_group. */
typedef struct {
  const char *table;   /* of the first fact, which names the entry */
  char       *row_id;
  GString    *rows;    /* the payload so far: {"rows":[{…},{…} */
} FactGroup;

static void
fact_group_add (FactGroup      *group,
                ComptoirChange *change,
                GPtrArray      *values)
{
  if (group->table == NULL)
    {
      group->table = change->table;
      group->row_id = g_strdup (change->row_id);
    }
  else
    g_string_append_c (group->rows, ',');

  g_string_append (group->rows, "{\"table\":");
  append_json_string (group->rows, change->table);
  g_string_append (group->rows, ",\"id\":");
  append_json_string (group->rows, change->row_id);
  g_string_append (group->rows, ",\"values\":");
  append_json_values (group->rows, values);
  g_string_append_c (group->rows, '}');
}

static GPtrArray *
values_of (ComptoirChange *change)
{
  GPtrArray *values = g_ptr_array_sized_new (change->values->len);

  for (guint i = 0; i < change->values->len; i++)
    g_ptr_array_add (values, &g_array_index (change->values, ChangeValue, i));
  return values;
}

/* Whether two facts can share an INSERT: same table, same columns in the
 * same order. */
static gboolean
same_shape (ComptoirChange *a,
            ComptoirChange *b)
{
  if (a->table != b->table || a->values->len != b->values->len)
    return FALSE;
  for (guint i = 0; i < a->values->len; i++)
    if (g_array_index (a->values, ChangeValue, i).column != g_array_index (b->values, ChangeValue, i).column)
      return FALSE;
  return TRUE;
}

/* Enough for a long ticket in one statement, few enough that the
 * statement cache holds a bounded number of shapes. */
#define MAX_ROWS_PER_INSERT 32

/* One INSERT for n facts of the same shape: for SQLite a statement costs
 * several rows (opening, the guard trigger's frame, the statement
 * journal, halting), so twenty lines cost far less in one. */
static gboolean
insert_rows (ComptoirDb      *db,
             ComptoirChange **changes,
             guint            n,
             GError         **error)
{
  g_autoptr (GString) sql = g_string_sized_new (512);
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirChange *first = changes[0];
  int index = 1;

  g_string_append (sql, "INSERT INTO ");
  g_string_append (sql, first->table);
  g_string_append (sql, " (");
  for (guint i = 0; i < first->values->len; i++)
    {
      g_string_append (sql, g_array_index (first->values, ChangeValue, i).column);
      g_string_append (sql, ", ");
    }
  g_string_append (sql, "id) VALUES ");
  for (guint r = 0; r < n; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint i = 0; i < first->values->len; i++)
        g_string_append (sql, "?, ");
      g_string_append (sql, "?)");
    }

  if (!(stmt = comptoir_db_prepare (db, sql->str, error)))
    return FALSE;

  for (guint r = 0; r < n; r++)
    {
      for (guint i = 0; i < changes[r]->values->len; i++)
        bind_value (stmt, index++, &g_array_index (changes[r]->values, ChangeValue, i));
      sqlite3_bind_text (stmt, index++, changes[r]->row_id, -1, SQLITE_STATIC);
    }

  return comptoir_db_step_done (db, stmt, error);
}

/* Writes the facts, and logs them in the open group or one entry each;
 * the caller holds the transaction and allows the writes. */
static gboolean
write_facts (ComptoirDb      *db,
             ComptoirChange **changes,
             guint            n_changes,
             GError         **error)
{
  FactGroup *group = _comptoir_db_get_fact_group (db);
  guint start = 0;

  while (start < n_changes)
    {
      guint end = start + 1;

      if (!check_columns (db, changes[start], error) || !check_text (changes[start], error))
        return FALSE;
      while (end < n_changes && end - start < MAX_ROWS_PER_INSERT &&
             same_shape (changes[start], changes[end]))
        {
          if (!check_text (changes[end], error))
            return FALSE;
          end++;
        }

      if (!insert_rows (db, changes + start, end - start, error))
        return FALSE;

      for (guint i = start; i < end; i++)
        {
          g_autoptr (GPtrArray) values = values_of (changes[i]);

          if (group != NULL)
            fact_group_add (group, changes[i], values);
          else if (!log_row (db, changes[i], values, error))
            return FALSE;
        }
      start = end;
    }

  return TRUE;
}

/* A fact (ticket, line, movement, journal entry) is only ever inserted:
 * no need to read a stored row first, and a second insert of the same id
 * fails on the primary key instead of silently becoming an update. */
gboolean
comptoir_db_insert_facts (ComptoirDb      *db,
                          ComptoirChange **changes,
                          guint            n_changes,
                          GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);

  /* Facts are written many to a transaction: inside one, the caller's
   * rollback undoes half-written facts, so no savepoint of their own is
   * needed. */
  if (_comptoir_db_in_transaction (db))
    {
      _comptoir_db_allow_writes (db);
      ok = write_facts (db, changes, n_changes, error);
      _comptoir_db_forbid_writes (db);
      return ok;
    }

  if (!comptoir_db_begin (db, error))
    return FALSE;
  _comptoir_db_allow_writes (db);
  ok = write_facts (db, changes, n_changes, error);
  _comptoir_db_forbid_writes (db);

  if (!ok)
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}

gboolean
comptoir_db_insert_fact (ComptoirDb      *db,
                         ComptoirChange  *change,
                         GError         **error)
{
  g_return_val_if_fail (change != NULL, FALSE);

  return comptoir_db_insert_facts (db, &change, 1, error);
}

gboolean
comptoir_db_insert_fact_group (ComptoirDb      *db,
                               ComptoirDbFunc   func,
                               gpointer         user_data,
                               GError         **error)
{
  FactGroup group = { 0 };
  gboolean ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (_comptoir_db_get_fact_group (db) != NULL)
    return func (db, user_data, error);

  if (!comptoir_db_begin (db, error))
    return FALSE;

  /* A 20-line ticket logs about 16 kB. */
  group.rows = g_string_sized_new (16384);
  g_string_append (group.rows, "{\"rows\":[");
  _comptoir_db_set_fact_group (db, &group);
  ok = func (db, user_data, error);
  _comptoir_db_set_fact_group (db, NULL);

  if (ok && group.table != NULL)
    {
      g_string_append (group.rows, "]}");
      _comptoir_db_allow_writes (db);
      ok = append_to_log (db, "facts", group.table, group.row_id, group.rows->str, error);
      _comptoir_db_forbid_writes (db);
    }

  g_free (group.row_id);
  g_string_free (group.rows, TRUE);

  if (!ok)
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}
