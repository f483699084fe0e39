/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-import"

#include "config.h"

#include "comptoir-import-worker-private.h"

typedef struct {
  char               *db_path;
  GFile              *file;
  gboolean            dry_run;
  ComptoirImportFunc  import;
  gpointer            options;
  GDestroyNotify      options_free;
  GDestroyNotify      report_free;
} ImportFileData;

static void
import_file_data_free (ImportFileData *data)
{
  g_free (data->db_path);
  g_object_unref (data->file);
  if (data->options_free != NULL)
    data->options_free (data->options);
  g_free (data);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportFileData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  gpointer report;

  bytes = g_file_load_bytes (data->file, cancellable, NULL, &error);
  if (bytes != NULL)
    db = comptoir_db_open (data->db_path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = data->import (db, bytes, data->options, data->dry_run, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, data->report_free);
}

void
_comptoir_import_file_async (gpointer             source_object,
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
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportFileData *data = g_new0 (ImportFileData, 1);

  data->db_path = g_strdup (db_path);
  data->file = g_object_ref (file);
  data->dry_run = dry_run;
  data->import = import;
  data->options = options;
  data->options_free = options_free;
  data->report_free = report_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) import_file_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

gpointer
_comptoir_import_file_finish (gpointer       source_object,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
