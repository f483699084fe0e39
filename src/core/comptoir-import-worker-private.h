/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* In-tree only: the worker the file imports share. A file of thousands
 * of lines is read, checked and written in a worker thread, on a
 * connection of its own to the database (WAL lets the window's
 * connection read meanwhile), so that the window stays responsive. */

/* Imports csv into db with what the caller gave (options); returns the
 * report, or NULL with error set. Runs in the worker. */
typedef gpointer (*ComptoirImportFunc) (ComptoirDb  *db,
                                        GBytes      *csv,
                                        gpointer     options,
                                        gboolean     dry_run,
                                        GError     **error);

/* Loads file and runs import on a new connection to the database at
 * db_path, in a worker; options is freed with options_free (may be
 * NULL) when the task ends, a report nobody took with report_free. The
 * task's source is source_object, tagged source_tag: finish with
 * _comptoir_import_file_finish(). */
void      _comptoir_import_file_async  (gpointer             source_object,
                                        gpointer             source_tag,
                                        const char          *db_path,
                                        GFile               *file,
                                        gboolean             dry_run,
                                        ComptoirImportFunc   import,
                                        gpointer             options,
                                        GDestroyNotify       options_free,
                                        GDestroyNotify       report_free,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The report, or NULL with error set. */
gpointer  _comptoir_import_file_finish (gpointer             source_object,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
