/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "comptoir-catalog.h"
#include "comptoir-csv.h"

G_BEGIN_DECLS

/* What an import did, or would do (trial run), line by line. */
typedef struct _ComptoirImportReport ComptoirImportReport;

/* Imports a supplier's or a spreadsheet's CSV file of products, all or
 * nothing, in one transaction. Returns NULL and sets error only when the
 * file as a whole cannot be used (unreadable, broken quoting, a needed
 * column missing; COMPTOIR_CSV_ERROR) or the database fails
 * (COMPTOIR_DB_ERROR); rejected lines are in the report. With dry_run,
 * everything is checked and counted but nothing is written. */
ComptoirImportReport *comptoir_product_import         (ComptoirCatalog      *catalog,
                                                       GBytes               *csv,
                                                       gboolean              dry_run,
                                                       GError              **error);

/* The same for a file, in a worker thread on a connection of its own, so
 * that a window stays responsive during a 20,000-line import. */
void                  comptoir_product_import_file_async  (ComptoirCatalog      *catalog,
                                                           GFile                *file,
                                                           gboolean              dry_run,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
ComptoirImportReport *comptoir_product_import_file_finish (ComptoirCatalog      *catalog,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void                  comptoir_import_report_free     (ComptoirImportReport *report);

/* TRUE when the changes were saved: no line rejected and not a dry run. */
gboolean              comptoir_import_report_get_committed     (ComptoirImportReport *report);
gboolean              comptoir_import_report_get_dry_run       (ComptoirImportReport *report);
guint                 comptoir_import_report_get_n_created     (ComptoirImportReport *report);
guint                 comptoir_import_report_get_n_updated     (ComptoirImportReport *report);
guint                 comptoir_import_report_get_n_unchanged   (ComptoirImportReport *report);
guint                 comptoir_import_report_get_n_rejected    (ComptoirImportReport *report);
/* index < n_rejected, in the order of the file. */
guint                 comptoir_import_report_get_rejected_line   (ComptoirImportReport *report,
                                                                  guint                 index);
const char           *comptoir_import_report_get_rejected_reason (ComptoirImportReport *report,
                                                                  guint                 index);
/* Header names of the columns that were not understood, as written. */
const char * const   *comptoir_import_report_get_ignored_columns (ComptoirImportReport *report);
const char           *comptoir_import_report_get_encoding      (ComptoirImportReport *report);
char                  comptoir_import_report_get_delimiter     (ComptoirImportReport *report);

/* Several translated lines for a person: counts, rejected lines, what
 * to do next. */
char                 *comptoir_import_report_format            (ComptoirImportReport *report);
/* Only how the file was read, the counts, the rejected lines and the
 * ignored columns: for a window that says the rest with its buttons. */
char                 *comptoir_import_report_format_details    (ComptoirImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirImportReport, comptoir_import_report_free)

G_END_DECLS
