/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-barcode.h"
#include "comptoir-import-columns.h"
#include "comptoir-import-report-private.h"
#include "comptoir-import-worker-private.h"
#include "comptoir-money.h"
#include "comptoir-product-import.h"
#include "comptoir-text.h"

typedef struct {
  ComptoirCatalog       *catalog;
  ComptoirImportReport  *report;
  ComptoirImportColumns  columns;
  GHashTable            *codes_seen;        /* code → first line */
  GHashTable            *barcodes_seen;     /* normalized barcode → first line */
  GHashTable            *products_seen;     /* product id → first line */
  GHashTable            *categories;        /* folded name → ComptoirCategory */
} Import;

static void
import_clear (Import *import)
{
  comptoir_import_columns_clear (&import->columns);
  g_clear_pointer (&import->codes_seen, g_hash_table_unref);
  g_clear_pointer (&import->barcodes_seen, g_hash_table_unref);
  g_clear_pointer (&import->products_seen, g_hash_table_unref);
  g_clear_pointer (&import->categories, g_hash_table_unref);
  g_clear_pointer (&import->report, comptoir_import_report_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* One line of the file on its way to the catalog, from its cells to the
 * product to save. */
typedef struct {
  guint                line;
  ComptoirImportCells  cells;
  GPtrArray           *raw_barcodes;  /* as written, for a code of last resort */
  GPtrArray           *barcodes;      /* normalized, not repeating other lines */
  /* The problems of the line: messages, and the product fields they are
   * about, so that validation does not say the same thing twice. */
  GPtrArray           *messages;
  GPtrArray           *error_fields;
  const char          *code;          /* borrowed from cells or barcodes */
  gboolean             duplicate;     /* repeats an earlier line of the file */
  gboolean             has_price, has_vat, has_unit, has_active;
  gboolean             organic, active;
  gint64               price;
  int                  vat;
  ComptoirUnit         unit;
  ComptoirProduct     *existing;      /* as in the catalog, NULL if new */
  ComptoirProduct     *product;       /* as it will be saved */
  char                *new_category;  /* a category to create, or NULL */
} Row;

static void
row_init (Row   *row,
          guint  line)
{
  row->line = line;
  row->raw_barcodes = g_ptr_array_new_with_free_func (g_free);
  row->messages = g_ptr_array_new_with_free_func (g_free);
  row->error_fields = g_ptr_array_new ();
  row->active = TRUE;
  row->unit = COMPTOIR_UNIT_PIECE;
}

static void
row_clear (Row *row)
{
  comptoir_import_cells_clear (&row->cells);
  g_clear_pointer (&row->raw_barcodes, g_ptr_array_unref);
  g_clear_pointer (&row->barcodes, g_ptr_array_unref);
  g_clear_pointer (&row->messages, g_ptr_array_unref);
  g_clear_pointer (&row->error_fields, g_ptr_array_unref);
  g_clear_object (&row->existing);
  g_clear_object (&row->product);
  g_clear_pointer (&row->new_category, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
row_error (Row        *row,
           const char *field,
           char       *message)
{
  g_ptr_array_add (row->messages, message);
  if (field != NULL)
    g_ptr_array_add (row->error_fields, (gpointer) field);
}

static gboolean
row_has_error_on (Row        *row,
                  const char *field)
{
  return g_ptr_array_find_with_equal_func (row->error_fields, field, g_str_equal, NULL);
}

/* A cell of the file that holds something, not NULL (no such column)
 * nor "" (blank). */
static gboolean
is_filled (const char *cell)
{
  return cell != NULL && cell[0] != '\0';
}

static void
reject (Import *import,
        Row    *row)
{
  g_autofree char *reason = NULL;

  g_ptr_array_add (row->messages, NULL);
  reason = g_strjoinv (" ", (char **) row->messages->pdata);
  g_ptr_array_remove_index (row->messages, row->messages->len - 1);
  _comptoir_import_report_add_rejection (import->report, row->line, reason);
}

/* Finds a product, NOT_FOUND being no error. */
static gboolean
find_product (Import           *import,
              const char       *key,
              gboolean          is_barcode,
              ComptoirProduct **out_product,
              GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  /* A code that reads as a barcode is tried as a barcode first, as
   * comptoir_catalog_lookup() does; asking lookup_barcode() directly
   * also spares lookup() a found barcode, which it cannot return
   * without a critical warning (it propagates a NULL error). */
  if (!is_barcode && comptoir_barcode_classify (key) != COMPTOIR_BARCODE_INVALID)
    {
      if (!find_product (import, key, TRUE, out_product, error))
        return FALSE;
      if (*out_product != NULL)
        return TRUE;
    }

  if (is_barcode)
    *out_product = comptoir_catalog_lookup_barcode (import->catalog, key, &local_error);
  else
    *out_product = comptoir_catalog_lookup (import->catalog, key, &local_error);

  if (*out_product == NULL &&
      !g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
products_equal (ComptoirProduct *a,
                ComptoirProduct *b)
{
  return g_strcmp0 (comptoir_product_get_code (a), comptoir_product_get_code (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_name (a), comptoir_product_get_name (b)) == 0 &&
         comptoir_product_get_unit (a) == comptoir_product_get_unit (b) &&
         comptoir_product_get_price_cents (a) == comptoir_product_get_price_cents (b) &&
         comptoir_product_get_vat_bp (a) == comptoir_product_get_vat_bp (b) &&
         g_strcmp0 (comptoir_product_get_category_id (a), comptoir_product_get_category_id (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_supplier_ref (a), comptoir_product_get_supplier_ref (b)) == 0 &&
         g_strcmp0 (comptoir_product_get_origin (a), comptoir_product_get_origin (b)) == 0 &&
         comptoir_product_get_organic (a) == comptoir_product_get_organic (b) &&
         comptoir_product_get_active (a) == comptoir_product_get_active (b) &&
         g_strv_equal (comptoir_product_get_barcodes (a), comptoir_product_get_barcodes (b));
}

static gboolean
load_categories (Import  *import,
                 GError **error)
{
  g_autoptr (GPtrArray) categories = comptoir_catalog_list_categories (import->catalog, error);

  if (categories == NULL)
    return FALSE;

  import->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) comptoir_category_free);
  for (guint i = 0; i < categories->len; i++)
    {
      ComptoirCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *name = g_strstrip (g_strdup (category->name));

      g_ptr_array_index (categories, i) = NULL;
      g_hash_table_replace (import->categories, comptoir_text_fold (name), category);
    }
  return TRUE;
}

/* A line with a value past the header's columns is only told that (see
 * comptoir_import_check_field_count()). */
static gboolean
check_field_count (Import             *import,
                   Row                *row,
                   const char * const *fields,
                   guint               n_fields)
{
  char *problem = comptoir_import_check_field_count (fields, n_fields, import->columns.n_header_fields,
                                                     comptoir_import_report_get_delimiter (import->report));

  if (problem == NULL)
    return TRUE;
  row_error (row, NULL, problem);
  return FALSE;
}

static void
read_cells (Import             *import,
            Row                *row,
            const char * const *fields,
            guint               n_fields)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new ();
  const char *code;

  comptoir_import_cells_read (&row->cells, &import->columns, fields, n_fields);
  row->barcodes = comptoir_import_parse_barcodes (&import->columns, fields, n_fields,
                                                  row->raw_barcodes, problems);
  for (guint i = 0; i < problems->len; i++)
    row_error (row, "barcodes", g_ptr_array_index (problems, i));

  code = row->cells.v[COMPTOIR_IMPORT_COL_CODE];
  row->code = is_filled (code) ? code : NULL;
}

/* The same product twice in one file: which line should win? */
static void
check_repeats (Import *import,
               Row    *row)
{
  guint first_line;

  if (row->code != NULL)
    {
      first_line = comptoir_import_note_repeat (import->codes_seen, row->code, row->line);
      if (first_line != 0)
        {
          row_error (row, "code",
                     g_strdup_printf (_("The code “%s” is also on line %u. Keep only one of the two lines."),
                                      row->code, first_line));
          row->duplicate = TRUE;
        }
    }
  for (guint i = 0; i < row->barcodes->len;)
    {
      const char *barcode = g_ptr_array_index (row->barcodes, i);

      first_line = comptoir_import_note_repeat (import->barcodes_seen, barcode, row->line);
      if (first_line == 0)
        {
          i++;
          continue;
        }
      row_error (row, NULL,
                 g_strdup_printf (_("The barcode %s is also on line %u. Keep only one of the two lines."),
                                  barcode, first_line));
      row->duplicate = TRUE;
      /* Left out of the product, so validation does not say it again. */
      g_ptr_array_remove_index (row->barcodes, i);
    }
}

static void
parse_values (Row *row)
{
  const char *price = row->cells.v[COMPTOIR_IMPORT_COL_PRICE];
  const char *vat = row->cells.v[COMPTOIR_IMPORT_COL_VAT];
  const char *unit = row->cells.v[COMPTOIR_IMPORT_COL_UNIT];
  const char *organic = row->cells.v[COMPTOIR_IMPORT_COL_ORGANIC];
  const char *active = row->cells.v[COMPTOIR_IMPORT_COL_ACTIVE];

  if (is_filled (price))
    {
      row->has_price = comptoir_money_parse (price, &row->price);
      if (!row->has_price)
        row_error (row, "price-cents",
                   g_strdup_printf (_("The price “%s” is not an amount in euros. Write it like 2.35."),
                                    price));
    }

  if (is_filled (vat))
    {
      row->has_vat = comptoir_import_parse_vat (vat, &row->vat);
      if (!row->has_vat)
        row_error (row, "vat-bp",
                   g_strdup_printf (_("The VAT rate “%s” is not a French rate. Write 20, 10, 5.5 or 2.1."),
                                    vat));
    }

  if (is_filled (unit))
    {
      row->has_unit = comptoir_import_parse_unit (unit, &row->unit);
      if (!row->has_unit)
        row_error (row, "unit",
                   g_strdup_printf (_("The unit “%s” is unknown. Write piece, kg or litre."), unit));
    }

  /* An organic column is often ticked with an "x": a blank cell is "no". */
  if (is_filled (organic) && !comptoir_import_parse_bool (organic, &row->organic))
    row_error (row, "organic",
               g_strdup_printf (_("“%s” in the organic column is neither yes nor no. Write yes or no."),
                                organic));

  /* A blank active cell leaves the product as it is: forgetting to fill
   * a column must not take products off sale. */
  if (is_filled (active))
    {
      row->has_active = comptoir_import_parse_bool (active, &row->active);
      if (!row->has_active)
        row_error (row, "active",
                   g_strdup_printf (_("“%s” in the active column is neither yes nor no. Write yes or no."),
                                    active));
    }
}

/* Starts row->product from the catalog's product when the line names
 * one, else from a new product. FALSE only when the database fails. */
static gboolean
find_or_create_product (Import  *import,
                        Row     *row,
                        GError **error)
{
  /* By internal code first, else by any of the barcodes. */
  if (row->code != NULL && !find_product (import, row->code, FALSE, &row->existing, error))
    return FALSE;
  for (guint i = 0; row->existing == NULL && i < row->barcodes->len; i++)
    if (!find_product (import, g_ptr_array_index (row->barcodes, i), TRUE, &row->existing, error))
      return FALSE;

  if (row->existing != NULL)
    {
      guint first_line = comptoir_import_note_repeat (import->products_seen, comptoir_product_get_id (row->existing),
                                                      row->line);

      if (first_line != 0 && !row->duplicate)
        row_error (row, NULL,
                   g_strdup_printf (_("Line %u is already about the product “%s”. "
                                      "Keep only one of the two lines."),
                                    first_line, comptoir_product_get_name (row->existing)));
      row->product = comptoir_product_copy (row->existing);
      return TRUE;
    }

  row->product = comptoir_product_new ();
  /* A new product needs a code: its first barcode will do. */
  if (row->code == NULL)
    row->code = row->barcodes->len > 0 ? g_ptr_array_index (row->barcodes, 0)
              : row->raw_barcodes->len > 0 ? g_ptr_array_index (row->raw_barcodes, 0)
              : NULL;
  if (row->code == NULL)
    row_error (row, "code",
               g_strdup (_("Give this line a code or a barcode, so that the product can be found.")));
  if (!row->has_price && !row_has_error_on (row, "price-cents"))
    row_error (row, "price-cents",
               g_strdup (_("Give the price of this new product, for example 2.35.")));
  return TRUE;
}

/* Barcodes are added, never removed: the shop may have given the
 * product others (old packaging, multipacks). */
static void
add_barcodes (ComptoirProduct *product,
              GPtrArray       *barcodes)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  const char * const *stored = comptoir_product_get_barcodes (product);

  for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) stored[i]);
  for (guint i = 0; i < barcodes->len; i++)
    if (!g_ptr_array_find_with_equal_func (all, g_ptr_array_index (barcodes, i), g_str_equal, NULL))
      g_ptr_array_add (all, g_ptr_array_index (barcodes, i));
  g_ptr_array_add (all, NULL);
  if (all->len != g_strv_length ((char **) stored) + 1)
    {
      g_auto (GStrv) copy = g_strdupv ((char **) all->pdata);
      comptoir_product_set_barcodes (product, (const char * const *) copy);
    }
}

/* A known category gives the product its id, and a new product its VAT
 * rate when the line has none; an unknown one is created only once the
 * line is found valid. */
static void
apply_category (Import *import,
                Row    *row)
{
  const char *name = row->cells.v[COMPTOIR_IMPORT_COL_CATEGORY];
  g_autofree char *key = NULL;
  ComptoirCategory *category;

  if (!is_filled (name))
    return;

  key = comptoir_text_fold (name);
  category = g_hash_table_lookup (import->categories, key);
  if (category == NULL)
    {
      row->new_category = g_strdup (name);
      return;
    }

  comptoir_product_set_category (row->product, category->id, category->name);
  if (!row->has_vat && row->existing == NULL)
    {
      row->vat = category->default_vat_bp;
      row->has_vat = TRUE;
    }
}

/* Blank cells leave the product's value as it is. */
static void
apply_cells (Import *import,
             Row    *row)
{
  ComptoirProduct *product = row->product;
  const char *name = row->cells.v[COMPTOIR_IMPORT_COL_NAME];
  const char *supplier_ref = row->cells.v[COMPTOIR_IMPORT_COL_SUPPLIER_REF];
  const char *origin = row->cells.v[COMPTOIR_IMPORT_COL_ORIGIN];

  if (row->code != NULL)
    comptoir_product_set_code (product, row->code);
  if (is_filled (name))
    comptoir_product_set_name (product, name);
  if (row->barcodes->len > 0)
    add_barcodes (product, row->barcodes);
  if (row->has_price)
    comptoir_product_set_price_cents (product, row->price);
  if (row->has_unit)
    comptoir_product_set_unit (product, row->unit);
  if (is_filled (supplier_ref))
    comptoir_product_set_supplier_ref (product, supplier_ref);
  if (is_filled (origin))
    comptoir_product_set_origin (product, origin);
  if (row->cells.v[COMPTOIR_IMPORT_COL_ORGANIC] != NULL && !row_has_error_on (row, "organic"))
    comptoir_product_set_organic (product, row->organic);
  if (row->has_active)
    comptoir_product_set_active (product, row->active);

  apply_category (import, row);

  if (row->has_vat)
    comptoir_product_set_vat_bp (product, row->vat);
  else if (row->existing == NULL && !row_has_error_on (row, "vat-bp"))
    {
      if (row->new_category != NULL)
        row_error (row, "vat-bp",
                   g_strdup_printf (_("Give the VAT rate of this product: the category “%s” is new, "
                                      "so it has no rate yet."),
                                    row->new_category));
      else
        row_error (row, "vat-bp",
                   g_strdup (_("Give the VAT rate of this new product: 20, 10, 5.5 or 2.1.")));
    }
}

static gboolean
create_category (Import  *import,
                 Row     *row,
                 GError **error)
{
  g_autofree char *key = comptoir_text_fold (row->new_category);
  ComptoirCategory *category = g_new0 (ComptoirCategory, 1);

  category->default_vat_bp = row->has_vat ? row->vat : 550;
  category->id = comptoir_catalog_ensure_category (import->catalog, row->new_category,
                                                   category->default_vat_bp, error);
  if (category->id == NULL)
    {
      comptoir_category_free (category);
      return FALSE;
    }
  category->name = g_strdup (row->new_category);
  g_hash_table_replace (import->categories, g_steal_pointer (&key), category);
  comptoir_product_set_category (row->product, category->id, category->name);
  return TRUE;
}

/* Counts the line as unchanged, rejected, created or updated, saving the
 * product in the last two cases. FALSE only when the database fails. */
static gboolean
validate_and_record (Import  *import,
                     Row     *row,
                     GError **error)
{
  g_autoptr (GError) save_error = NULL;

  if (row->existing != NULL && row->new_category == NULL && row->messages->len == 0 &&
      products_equal (row->existing, row->product))
    {
      _comptoir_import_report_add_unchanged (import->report);
      return TRUE;
    }

  /* Every problem of the line at once, so it is fixed in one go; a
   * line repeating another is only told that. */
  if (!row->duplicate)
    {
      g_autoptr (GPtrArray) invalid = comptoir_catalog_validate_product (import->catalog, row->product);

      for (guint i = 0; i < invalid->len; i++)
        {
          ComptoirFieldError *field_error = g_ptr_array_index (invalid, i);

          if (!row_has_error_on (row, field_error->field))
            row_error (row, NULL, g_strdup (field_error->message));
        }
    }

  if (row->messages->len > 0)
    {
      reject (import, row);
      return TRUE;
    }

  if (row->new_category != NULL && !create_category (import, row, error))
    return FALSE;

  if (!comptoir_catalog_save_product (import->catalog, row->product, &save_error))
    {
      if (!g_error_matches (save_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&save_error));
          return FALSE;
        }
      row_error (row, NULL, g_strdup (save_error->message));
      reject (import, row);
      return TRUE;
    }

  if (row->existing != NULL)
    _comptoir_import_report_add_updated (import->report);
  else
    {
      _comptoir_import_report_add_created (import->report);
      g_hash_table_insert (import->products_seen, g_strdup (comptoir_product_get_id (row->product)),
                           GUINT_TO_POINTER (row->line));
    }

  return TRUE;
}

/* Returns FALSE only when the database fails; a line that cannot be
 * imported is a rejection in the report. */
static gboolean
import_row (Import              *import,
            const char * const  *fields,
            guint                line,
            GError             **error)
{
  guint n_fields = g_strv_length ((char **) fields);
  g_auto (Row) row = { 0 };

  if (comptoir_import_is_blank_line (fields, n_fields))
    return TRUE;

  row_init (&row, line);
  if (!check_field_count (import, &row, fields, n_fields))
    {
      reject (import, &row);
      return TRUE;
    }

  read_cells (import, &row, fields, n_fields);
  check_repeats (import, &row);
  parse_values (&row);

  if (!find_or_create_product (import, &row, error))
    return FALSE;
  apply_cells (import, &row);

  return validate_and_record (import, &row, error);
}

ComptoirImportReport *
comptoir_product_import (ComptoirCatalog  *catalog,
                         GBytes           *csv,
                         gboolean          dry_run,
                         GError          **error)
{
  g_auto (Import) import = { 0 };
  g_autoptr (ComptoirCsv) table = NULL;
  ComptoirDb *db;
  guint n_records;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  table = comptoir_csv_parse (csv, error);
  if (table == NULL)
    return NULL;

  import.catalog = catalog;
  import.report = _comptoir_import_report_new (dry_run, comptoir_csv_get_encoding (table),
                                               comptoir_csv_get_delimiter (table));
  import.codes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.barcodes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.products_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!comptoir_import_columns_map (&import.columns, comptoir_csv_get_record (table, 0),
                                    import.report, error))
    return NULL;

  db = comptoir_catalog_get_db (catalog);
  if (!comptoir_db_begin (db, error))
    return NULL;

  if (!load_categories (&import, error))
    goto fail;

  n_records = comptoir_csv_get_n_records (table);
  _comptoir_catalog_set_price_reason (catalog, "import");
  for (guint i = 1; i < n_records; i++)
    if (!import_row (&import, comptoir_csv_get_record (table, i), comptoir_csv_get_line (table, i), error))
      goto fail;
  _comptoir_catalog_set_price_reason (catalog, NULL);

  /* All or nothing: a file half imported is worse than none. */
  if (dry_run || comptoir_import_report_get_n_rejected (import.report) > 0)
    comptoir_db_rollback (db);
  else
    {
      if (!comptoir_db_commit (db, error))
        return NULL;
      _comptoir_import_report_set_committed (import.report, TRUE);
    }

  return g_steal_pointer (&import.report);

fail:
  _comptoir_catalog_set_price_reason (catalog, NULL);
  comptoir_db_rollback (db);
  return NULL;
}

/* In the worker: the catalog of the worker's own connection. */
static gpointer
import_in_worker (ComptoirDb  *db,
                  GBytes      *csv,
                  gpointer     options,
                  gboolean     dry_run,
                  GError     **error)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);

  return comptoir_product_import (catalog, csv, dry_run, error);
}

void
comptoir_product_import_file_async (ComptoirCatalog     *catalog,
                                    GFile               *file,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (COMPTOIR_IS_CATALOG (catalog));
  g_return_if_fail (G_IS_FILE (file));

  _comptoir_import_file_async (catalog, comptoir_product_import_file_async,
                               comptoir_db_get_path (comptoir_catalog_get_db (catalog)), file, dry_run,
                               import_in_worker, NULL, NULL, (GDestroyNotify) comptoir_import_report_free,
                               cancellable, callback, user_data);
}

ComptoirImportReport *
comptoir_product_import_file_finish (ComptoirCatalog  *catalog,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return _comptoir_import_file_finish (catalog, result, error);
}
