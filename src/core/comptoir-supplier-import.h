/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-product-import.h"

G_BEGIN_DECLS

/* A supplier's catalogue from their CSV export: every producer has its
 * own columns, so which column is what is a mapping, saved on the
 * supplier after an import that went through and proposed the next
 * time. */

typedef enum {
  COMPTOIR_SUPPLIER_COL_REF,         /* their reference (required, or the barcode stands for it) */
  COMPTOIR_SUPPLIER_COL_BARCODE,
  COMPTOIR_SUPPLIER_COL_NAME,        /* required */
  COMPTOIR_SUPPLIER_COL_PACK,        /* units a case holds: "6", "x12", "5 kg"; 1 without */
  COMPTOIR_SUPPLIER_COL_PRICE,       /* HT of one unit (one kg, one litre) */
  COMPTOIR_SUPPLIER_COL_PACK_PRICE,  /* HT of a case, when there is no unit price */
  COMPTOIR_SUPPLIER_COL_VAT,
  COMPTOIR_SUPPLIER_N_COLS
} ComptoirSupplierColumn;

/* "ref", "barcode", "name", "pack", "price", "pack-price", "vat": how a
 * mapping names its columns in JSON and on the command line. */
const char *comptoir_supplier_column_to_key    (ComptoirSupplierColumn column);
/* Translated, for people. */
const char *comptoir_supplier_column_get_label (ComptoirSupplierColumn column);

/* Which header of the file holds each column, as written in the file;
 * NULL: the file has none. */
typedef struct {
  char *headers[COMPTOIR_SUPPLIER_N_COLS];
} ComptoirSupplierMapping;

ComptoirSupplierMapping *comptoir_supplier_mapping_new   (void);
ComptoirSupplierMapping *comptoir_supplier_mapping_copy  (const ComptoirSupplierMapping *mapping);
void                     comptoir_supplier_mapping_free  (ComptoirSupplierMapping       *mapping);
/* "ref=Réf,barcode=EAN,price=Prix HT": what the command line takes. */
ComptoirSupplierMapping *comptoir_supplier_mapping_parse (const char                    *text,
                                                          GError                       **error);
/* The same, for showing it ("ref=Réf, name=Désignation…"). */
char                    *comptoir_supplier_mapping_format  (const ComptoirSupplierMapping *mapping);
char                    *comptoir_supplier_mapping_to_json   (const ComptoirSupplierMapping *mapping);
ComptoirSupplierMapping *comptoir_supplier_mapping_from_json (const char                    *json,
                                                              GError                       **error);
/* From the names of a file's columns, French and English; columns whose
 * header is not understood are left out. */
ComptoirSupplierMapping *comptoir_supplier_mapping_guess (const char * const            *header);
/* The mapping the supplier's last import saved; NULL without error when
 * none was saved. */
ComptoirSupplierMapping *comptoir_supplier_load_mapping  (ComptoirDb                    *db,
                                                          const char                    *supplier_id,
                                                          GError                       **error);

typedef enum {
  COMPTOIR_SUPPLIER_MAPPING_GIVEN,    /* the caller's, completed by guessing */
  COMPTOIR_SUPPLIER_MAPPING_SAVED,    /* the supplier's, from the last import */
  COMPTOIR_SUPPLIER_MAPPING_GUESSED,  /* from the headers */
} ComptoirSupplierMappingSource;

/* A purchase price the import changes, shown beside the old one before
 * it is applied. */
typedef struct {
  char   *supplier_ref;
  char   *name;           /* our product's when linked, else the supplier's */
  char   *product_id;     /* NULL: not linked */
  gint64  old_cents;      /* HT of one unit */
  gint64  new_cents;
  int     change_bp;      /* (new − old) / old in basis points, rounded: 420 is +4.2 % */
} ComptoirPurchasePriceChange;

typedef struct _ComptoirSupplierImportReport ComptoirSupplierImportReport;

/* Imports the supplier's catalogue, all or nothing, in one transaction:
 * lines are matched by their reference; a line whose barcode is one of
 * our products' is linked to it when it is not linked yet. mapping NULL:
 * the supplier's saved mapping if the file has all its columns, else
 * one guessed from the headers; a given mapping is completed by guessing
 * the columns it leaves out. The mapping used is saved on the supplier
 * when the import is saved. Returns NULL and sets error only when the
 * file as a whole cannot be used (COMPTOIR_CSV_ERROR: unreadable, no
 * column for the reference, name or price, a mapped column missing) or
 * the database fails; rejected lines are in the report. With dry_run,
 * everything is checked and counted, nothing is written. */
ComptoirSupplierImportReport *comptoir_supplier_import (ComptoirDb                    *db,
                                                        const char                    *supplier_id,
                                                        GBytes                        *csv,
                                                        const ComptoirSupplierMapping *mapping,
                                                        gboolean                       dry_run,
                                                        GError                       **error);

/* The same for a file, in a worker thread on a connection of its own,
 * so that a window stays responsive during a large catalogue; the
 * mapping is copied. */
void                           comptoir_supplier_import_file_async  (ComptoirDb                    *db,
                                                                     const char                    *supplier_id,
                                                                     GFile                         *file,
                                                                     const ComptoirSupplierMapping *mapping,
                                                                     gboolean                       dry_run,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
ComptoirSupplierImportReport  *comptoir_supplier_import_file_finish (ComptoirDb                    *db,
                                                                     GAsyncResult                  *result,
                                                                     GError                       **error);

void                           comptoir_supplier_import_report_free  (ComptoirSupplierImportReport *report);
/* Counts, rejected lines, ignored columns, how the file was read. */
ComptoirImportReport          *comptoir_supplier_import_report_get_lines (ComptoirSupplierImportReport *report);
const ComptoirSupplierMapping *comptoir_supplier_import_report_get_mapping (ComptoirSupplierImportReport *report);
ComptoirSupplierMappingSource  comptoir_supplier_import_report_get_mapping_source (ComptoirSupplierImportReport *report);
/* Lines linked to our products by their barcode by this import. */
guint                          comptoir_supplier_import_report_get_n_linked (ComptoirSupplierImportReport *report);
guint                          comptoir_supplier_import_report_get_n_price_changes (ComptoirSupplierImportReport *report);
/* index < n_price_changes, in the order of the file. */
const ComptoirPurchasePriceChange *
                               comptoir_supplier_import_report_get_price_change (ComptoirSupplierImportReport *report,
                                                                                 guint                         index);
/* For people: the mapping, the lines' report, the price changes side by
 * side, what to do next. Translated. */
char                          *comptoir_supplier_import_report_format (ComptoirSupplierImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirSupplierMapping, comptoir_supplier_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirSupplierImportReport, comptoir_supplier_import_report_free)

G_END_DECLS
