/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier-import"

#include "config.h"

#include "comptoir-import-worker-private.h"
#include "comptoir-supplier-import.h"

/* A catalogue of thousands of lines is imported in the imports' worker,
 * on a connection of its own, as the product import does. */

typedef struct {
  char                    *supplier_id;
  ComptoirSupplierMapping *mapping;
} ImportOptions;

static void
import_options_free (ImportOptions *options)
{
  g_free (options->supplier_id);
  comptoir_supplier_mapping_free (options->mapping);
  g_free (options);
}

static gpointer
import_in_worker (ComptoirDb  *db,
                  GBytes      *csv,
                  gpointer     data,
                  gboolean     dry_run,
                  GError     **error)
{
  ImportOptions *options = data;

  return comptoir_supplier_import (db, options->supplier_id, csv, options->mapping, dry_run, error);
}

void
comptoir_supplier_import_file_async (ComptoirDb                    *db,
                                     const char                    *supplier_id,
                                     GFile                         *file,
                                     const ComptoirSupplierMapping *mapping,
                                     gboolean                       dry_run,
                                     GCancellable                  *cancellable,
                                     GAsyncReadyCallback            callback,
                                     gpointer                       user_data)
{
  ImportOptions *options;

  g_return_if_fail (COMPTOIR_IS_DB (db));
  g_return_if_fail (supplier_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  options = g_new0 (ImportOptions, 1);
  options->supplier_id = g_strdup (supplier_id);
  options->mapping = mapping != NULL ? comptoir_supplier_mapping_copy (mapping) : NULL;
  _comptoir_import_file_async (db, comptoir_supplier_import_file_async, comptoir_db_get_path (db), file, dry_run,
                               import_in_worker, options, (GDestroyNotify) import_options_free,
                               (GDestroyNotify) comptoir_supplier_import_report_free,
                               cancellable, callback, user_data);
}

ComptoirSupplierImportReport *
comptoir_supplier_import_file_finish (ComptoirDb    *db,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _comptoir_import_file_finish (db, result, error);
}
