/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-product-import.h"

G_BEGIN_DECLS

/* In-tree only: how comptoir_product_import() fills its report. */

/* encoding is borrowed: it must be a static string, as
 * comptoir_csv_get_encoding() gives. */
ComptoirImportReport *_comptoir_import_report_new               (gboolean              dry_run,
                                                                 const char           *encoding,
                                                                 char                  delimiter);
void                  _comptoir_import_report_set_committed     (ComptoirImportReport *report,
                                                                 gboolean              committed);
/* What the report says once the lines are saved ("The members are
 * saved."), translated; static. Products' by default. */
void                  _comptoir_import_report_set_saved_message (ComptoirImportReport *report,
                                                                 const char           *message);
void                  _comptoir_import_report_add_created       (ComptoirImportReport *report);
void                  _comptoir_import_report_add_updated       (ComptoirImportReport *report);
void                  _comptoir_import_report_add_unchanged     (ComptoirImportReport *report);
void                  _comptoir_import_report_add_rejection     (ComptoirImportReport *report,
                                                                 guint                 line,
                                                                 const char           *reason);
void                  _comptoir_import_report_add_ignored_column (ComptoirImportReport *report,
                                                                  const char           *header);

G_END_DECLS
