/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "comptoir-import-report-private.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* In-tree only: how comptoir_product_import() understands the columns
 * of a file and the text of its cells. */

typedef enum {
  COMPTOIR_IMPORT_COL_NAME,
  COMPTOIR_IMPORT_COL_BARCODE,
  COMPTOIR_IMPORT_COL_CODE,
  COMPTOIR_IMPORT_COL_PRICE,
  COMPTOIR_IMPORT_COL_VAT,
  COMPTOIR_IMPORT_COL_UNIT,
  COMPTOIR_IMPORT_COL_CATEGORY,
  COMPTOIR_IMPORT_COL_SUPPLIER_REF,
  COMPTOIR_IMPORT_COL_ORIGIN,
  COMPTOIR_IMPORT_COL_ORGANIC,
  COMPTOIR_IMPORT_COL_ACTIVE,
  COMPTOIR_IMPORT_N_COLS
} ComptoirImportColumn;

/* Where each meaning is in the records of a file. */
typedef struct {
  int     columns[COMPTOIR_IMPORT_N_COLS];  /* index in the record, or -1 */
  GArray *barcode_columns;                  /* int; several are merged */
  guint   n_header_fields;
} ComptoirImportColumns;

/* The trimmed cells of one line by meaning; NULL when the file has no
 * such column, "" when the cell is blank. Barcodes are not in it: see
 * comptoir_import_parse_barcodes(). */
typedef struct {
  char *v[COMPTOIR_IMPORT_N_COLS];
} ComptoirImportCells;

/* A header as it is compared with the names importers know: ASCII
 * letters and digits only, accents and case folded ("Prénom" is
 * "prenom", "Code-barres" is "codebarres"). */
char      *comptoir_import_header_key      (const char                  *header);

/* What every file import reads the same way, products', members' and
 * suppliers' catalogues alike. */

/* Whether the record has only blank values: a line to skip. */
gboolean   comptoir_import_is_blank_line   (const char * const          *fields,
                                            guint                        n_fields);
/* The line where key was first seen in seen (key → line), 0 when this
 * line is the first. */
guint      comptoir_import_note_repeat     (GHashTable                  *seen,
                                            const char                  *key,
                                            guint                        line);
/* A value holding the separator unquoted shifts the following cells:
 * "2,35" in a comma-separated file. Reading such a line by column would
 * put values in the wrong fields, so it is only told that: the message
 * for a record with a value beyond the header's columns, NULL when it
 * has none. */
char      *comptoir_import_check_field_count (const char * const        *fields,
                                              guint                      n_fields,
                                              guint                      n_header_fields,
                                              char                       delimiter);

/* Fills columns from the header record. Headers that are not understood
 * are added to report's ignored columns. Fails with COMPTOIR_CSV_ERROR
 * when two columns mean the same thing or a needed one is missing. */
gboolean   comptoir_import_columns_map     (ComptoirImportColumns       *columns,
                                            const char * const          *header,
                                            ComptoirImportReport        *report,
                                            GError                     **error);
void       comptoir_import_columns_clear   (ComptoirImportColumns       *columns);

void       comptoir_import_cells_read      (ComptoirImportCells         *cells,
                                            const ComptoirImportColumns *columns,
                                            const char * const          *fields,
                                            guint                        n_fields);
void       comptoir_import_cells_clear     (ComptoirImportCells         *cells);

/* The barcodes of a line, normalized and without repeats, from every
 * barcode column. Every token as written is added to raw; a message for
 * each unusable barcode is added to problems (char *, owned). */
GPtrArray *comptoir_import_parse_barcodes  (const ComptoirImportColumns *columns,
                                            const char * const          *fields,
                                            guint                        n_fields,
                                            GPtrArray                   *raw,
                                            GPtrArray                   *problems);
gboolean   comptoir_import_parse_unit      (const char                  *text,
                                            ComptoirUnit                *out_unit);
gboolean   comptoir_import_parse_bool      (const char                  *text,
                                            gboolean                    *out_value);
gboolean   comptoir_import_parse_vat       (const char                  *text,
                                            int                         *out_bp);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirImportColumns, comptoir_import_columns_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirImportCells, comptoir_import_cells_clear)

G_END_DECLS
