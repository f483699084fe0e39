/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* In-tree only: reading columns, and the one-row queries the services
 * share (a row by its id, by a name, by a code). */

/* A copy of the column's text, NULL for NULL. */
char     *_comptoir_db_column_dup     (sqlite3_stmt *stmt,
                                       int           column);
/* The column's integer, none when it is NULL. */
gint64    _comptoir_db_column_int_or  (sqlite3_stmt *stmt,
                                       int           column,
                                       gint64        none);

typedef void (*ComptoirDbRowFunc) (sqlite3_stmt *stmt,
                                   gpointer      out);

/* Runs sql with the text parameters ?1 = first and, unless second is
 * NULL, ?2 = second, and reads its first row into out with read_row;
 * *out_found tells whether there was one. FALSE only when the database
 * fails. */
gboolean  _comptoir_db_query_row      (ComptoirDb         *db,
                                       const char         *sql,
                                       const char         *first,
                                       const char         *second,
                                       ComptoirDbRowFunc   read_row,
                                       gpointer            out,
                                       gboolean           *out_found,
                                       GError            **error);
/* The first column of that first row, as a copy in *out; NULL when there
 * is no row. FALSE only when the database fails. */
gboolean  _comptoir_db_lookup_text    (ComptoirDb         *db,
                                       const char         *sql,
                                       const char         *first,
                                       const char         *second,
                                       char              **out,
                                       GError            **error);

G_END_DECLS
