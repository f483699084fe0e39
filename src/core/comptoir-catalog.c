/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-catalog.h"
#include "comptoir-change.h"
#include "comptoir-money.h"
#include "comptoir-pricing-private.h"
#include "comptoir-product-order.h"
#include "comptoir-text.h"

#define MAX_NAME_CHARS   120
#define MAX_PRICE_CENTS  9999999  /* 99 999,99 €: beyond is a typing slip */

struct _ComptoirCatalog
{
  GObject     parent_instance;

  ComptoirDb *db;

  /* Searches run in worker threads on their own read-only connection
   * (WAL lets it read while the main connection writes). */
  GMutex      reader_lock;
  ComptoirDb *reader;

  /* Each connection keeps its own catalogue order for searches. */
  ComptoirProductOrder *main_order;
  ComptoirProductOrder *reader_order;

  /* Why a saved product's price changed, for its price_change fact:
   * "manual" from the editor, "import" during a product import. */
  const char *price_reason;
};

G_DEFINE_FINAL_TYPE (ComptoirCatalog, comptoir_catalog, G_TYPE_OBJECT)

static const char *sort_columns[COMPTOIR_N_PRODUCT_SORTS] = {
  [COMPTOIR_PRODUCT_SORT_NAME] = "p.sort_key",
  [COMPTOIR_PRODUCT_SORT_CODE] = "p.code",
  [COMPTOIR_PRODUCT_SORT_PRICE] = "p.price_cents",
  [COMPTOIR_PRODUCT_SORT_VAT] = "p.vat_bp",
  [COMPTOIR_PRODUCT_SORT_CATEGORY] = "c.sort_key",
  [COMPTOIR_PRODUCT_SORT_UNIT] = "p.unit",
  [COMPTOIR_PRODUCT_SORT_ACTIVE] = "p.active",
};

/* [sort][descending] */
static char *order_sql[COMPTOIR_N_PRODUCT_SORTS][2];

#define PRODUCT_COLUMNS                                                       \
  "p.rowid, p.id, p.code, p.name, p.unit, p.price_cents, p.vat_bp, "          \
  "p.category_id, c.name, p.supplier_ref, p.origin, p.organic, p.quick, "     \
  "p.active, "                                                                \
  "(SELECT group_concat (barcode, ' ') FROM "                                  \
  " (SELECT barcode FROM product_barcode b WHERE b.product_id = p.id ORDER BY b.rowid)) " \
  "FROM product p LEFT JOIN category c ON c.id = p.category_id "

void
comptoir_field_error_free (ComptoirFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->field);
  g_free (error->message);
  g_free (error);
}

void
comptoir_category_free (ComptoirCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->id);
  g_free (category->name);
  g_free (category);
}

static void
comptoir_catalog_finalize (GObject *object)
{
  ComptoirCatalog *self = COMPTOIR_CATALOG (object);

  g_clear_pointer (&self->main_order, comptoir_product_order_free);
  g_clear_pointer (&self->reader_order, comptoir_product_order_free);
  g_clear_object (&self->reader);
  g_clear_object (&self->db);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (comptoir_catalog_parent_class)->finalize (object);
}

static void
comptoir_catalog_class_init (ComptoirCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_catalog_finalize;
}

static void
comptoir_catalog_init (ComptoirCatalog *self)
{
  g_mutex_init (&self->reader_lock);
  self->main_order = comptoir_product_order_new ();
  self->reader_order = comptoir_product_order_new ();
  self->price_reason = "manual";
}

void
_comptoir_catalog_set_price_reason (ComptoirCatalog *self,
                                    const char      *reason)
{
  g_return_if_fail (COMPTOIR_IS_CATALOG (self));
  self->price_reason = reason != NULL ? reason : "manual";
}

ComptoirCatalog *
comptoir_catalog_new (ComptoirDb *db)
{
  ComptoirCatalog *self;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  self = g_object_new (COMPTOIR_TYPE_CATALOG, NULL);
  self->db = g_object_ref (db);
  return self;
}

ComptoirDb *
comptoir_catalog_get_db (ComptoirCatalog *self)
{
  return self->db;
}

/* The whole catalogue in display order; ties fall back to the name, then
 * to the row id, so every order is total and repeatable. */
const char *
comptoir_catalog_get_order_sql (ComptoirProductSort sort,
                                gboolean            descending)
{
  static gsize initialized;

  g_return_val_if_fail (sort < COMPTOIR_N_PRODUCT_SORTS, NULL);

  /* Built once from constant parts; the statement cache is keyed by the
   * SQL text, so each variant is prepared once per connection. */
  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < COMPTOIR_N_PRODUCT_SORTS; s++)
        for (guint d = 0; d < 2; d++)
          order_sql[s][d] =
            g_strdup_printf ("SELECT p.rowid FROM product p "
                             "LEFT JOIN category c ON c.id = p.category_id "
                             "ORDER BY %s%s, p.sort_key, p.rowid",
                             sort_columns[s], d ? " DESC" : "");
      g_once_init_leave (&initialized, 1);
    }

  return order_sql[sort][!!descending];
}

gint64
comptoir_catalog_count_products (ComptoirCatalog  *self,
                                 GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (self->db, "SELECT count(*) FROM product", error);

  if (stmt == NULL || !comptoir_db_step_done (self->db, stmt, error))
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static ComptoirProduct *
product_from_row (sqlite3_stmt *stmt)
{
  ComptoirProduct *product = comptoir_product_new ();
  ComptoirUnit unit = COMPTOIR_UNIT_PIECE;
  g_auto (GStrv) barcodes = NULL;

  _comptoir_product_set_identity (product, sqlite3_column_int64 (stmt, 0), column_text (stmt, 1));
  comptoir_product_set_code (product, column_text (stmt, 2));
  comptoir_product_set_name (product, column_text (stmt, 3));
  comptoir_unit_from_string (column_text (stmt, 4), &unit);
  comptoir_product_set_unit (product, unit);
  comptoir_product_set_price_cents (product, sqlite3_column_int64 (stmt, 5));
  comptoir_product_set_vat_bp (product, sqlite3_column_int (stmt, 6));
  comptoir_product_set_category (product, column_text (stmt, 7), column_text (stmt, 8));
  comptoir_product_set_supplier_ref (product, column_text (stmt, 9));
  comptoir_product_set_origin (product, column_text (stmt, 10));
  comptoir_product_set_organic (product, sqlite3_column_int (stmt, 11));
  comptoir_product_set_quick (product, sqlite3_column_int (stmt, 12));
  comptoir_product_set_active (product, sqlite3_column_int (stmt, 13));

  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    barcodes = g_strsplit (column_text (stmt, 14), " ", -1);
  comptoir_product_set_barcodes (product, (const char * const *) barcodes);

  return product;
}

static ComptoirProduct *
get_one (ComptoirCatalog  *self,
         const char       *sql,
         gboolean          by_rowid,
         gint64           rowid,
         const char       *key,
         GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (by_rowid)
    sqlite3_bind_int64 (stmt, 1, rowid);
  else
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return product_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No product has the code or barcode “%s”."),
                 key != NULL ? key : "");
  else
    comptoir_db_set_error (self->db, error);

  return NULL;
}

ComptoirProduct *
comptoir_catalog_get_by_rowid (ComptoirCatalog  *self,
                               gint64            rowid,
                               GError          **error)
{
  return get_one (self, "SELECT " PRODUCT_COLUMNS "WHERE p.rowid = ?1", TRUE, rowid, NULL, error);
}

ComptoirProduct *
comptoir_catalog_get_by_id (ComptoirCatalog  *self,
                            const char       *id,
                            GError          **error)
{
  return get_one (self, "SELECT " PRODUCT_COLUMNS "WHERE p.id = ?1", FALSE, 0, id, error);
}

/* Exact lookup, as the till does it on every scan: one indexed probe. */
ComptoirProduct *
comptoir_catalog_lookup_barcode (ComptoirCatalog  *self,
                                 const char       *barcode,
                                 GError          **error)
{
  g_autofree char *normal = NULL;
  g_autoptr (GError) local_error = NULL;
  ComptoirProduct *product;

  normal = comptoir_barcode_normalize (barcode, error);
  if (normal == NULL)
    return NULL;

  product = get_one (self,
                     "SELECT " PRODUCT_COLUMNS
                     "WHERE p.id = (SELECT product_id FROM product_barcode WHERE barcode = ?1)",
                     FALSE, 0, normal, &local_error);
  if (product == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return product;
}

/* What support and scripts type: a barcode or our internal code. */
ComptoirProduct *
comptoir_catalog_lookup (ComptoirCatalog  *self,
                         const char       *code_or_barcode,
                         GError          **error)
{
  if (comptoir_barcode_classify (code_or_barcode) != COMPTOIR_BARCODE_INVALID)
    {
      g_autoptr (GError) local_error = NULL;
      ComptoirProduct *product = comptoir_catalog_lookup_barcode (self, code_or_barcode, &local_error);

      if (product != NULL)
        return product;
      if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return get_one (self, "SELECT " PRODUCT_COLUMNS "WHERE p.code = ?1", FALSE, 0, code_or_barcode, error);
}

/* Row ids of the matching products, in display order: the list model
 * turns them into objects only when a row is on screen. */
GArray *
comptoir_catalog_search (ComptoirCatalog     *self,
                         const char          *text,
                         ComptoirProductSort  sort,
                         gboolean             descending,
                         GError             **error)
{
  return comptoir_product_order_search (self->main_order, self->db, text, sort, descending, error);
}

typedef struct {
  char               *text;
  ComptoirProductSort sort;
  gboolean            descending;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->text);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ComptoirCatalog *self = source_object;
  SearchData *data = task_data;
  g_autoptr (GError) error = NULL;
  GArray *rowids = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->reader_lock);
  if (self->reader == NULL)
    self->reader = comptoir_db_open (comptoir_db_get_path (self->db),
                                     COMPTOIR_DB_OPEN_READ_ONLY, &error);
  if (self->reader != NULL)
    rowids = comptoir_product_order_search (self->reader_order, self->reader, data->text,
                                            data->sort, data->descending, &error);
  g_mutex_unlock (&self->reader_lock);

  if (rowids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rowids, (GDestroyNotify) g_array_unref);
}

void
comptoir_catalog_search_async (ComptoirCatalog     *self,
                               const char          *text,
                               ComptoirProductSort  sort,
                               gboolean             descending,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  SearchData *data = g_new0 (SearchData, 1);

  data->text = g_strdup (text);
  data->sort = sort;
  data->descending = descending;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, comptoir_catalog_search_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

GArray *
comptoir_catalog_search_finish (ComptoirCatalog  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_field_error (GPtrArray  *errors,
                 const char *field,
                 char       *message)
{
  ComptoirFieldError *error = g_new0 (ComptoirFieldError, 1);

  error->field = g_strdup (field);
  error->message = message;
  g_ptr_array_add (errors, error);
}

/* Name of the product other than `self_id` that holds `value` in the
 * given lookup, or NULL. */
static char *
owner_name (ComptoirCatalog *self,
            const char      *sql,
            const char      *value,
            const char      *self_id)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (self->db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self_id != NULL ? self_id : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (column_text (stmt, 0));
}

static void
validate_barcodes (ComptoirCatalog *self,
                   ComptoirProduct *product,
                   GPtrArray       *errors,
                   GPtrArray       *normalized)
{
  const char * const *barcodes = comptoir_product_get_barcodes (product);

  for (guint i = 0; barcodes != NULL && barcodes[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *normal = comptoir_barcode_normalize (barcodes[i], &error);
      g_autofree char *owner = NULL;

      if (normal == NULL)
        {
          add_field_error (errors, "barcodes", g_strdup (error->message));
          continue;
        }

      if (g_ptr_array_find_with_equal_func (normalized, normal, g_str_equal, NULL))
        continue;

      owner = owner_name (self,
                          "SELECT p.name FROM product_barcode b JOIN product p ON p.id = b.product_id "
                          "WHERE b.barcode = ?1 AND p.id <> ?2",
                          normal, comptoir_product_get_id (product));
      if (owner != NULL)
        add_field_error (errors, "barcodes",
                         g_strdup_printf (_("The barcode %s already belongs to “%s”. "
                                            "Remove it from that product first."),
                                          normal, owner));
      else
        g_ptr_array_add (normalized, g_steal_pointer (&normal));
    }
}

/* A product typed in without an internal code is known by its barcode,
 * as shops with only packaged goods do. */
static char *
effective_code (ComptoirProduct *product,
                GPtrArray       *normalized_barcodes)
{
  char *code = g_strstrip (g_strdup (comptoir_product_get_code (product) ?: ""));

  if (code[0] == '\0' && normalized_barcodes->len > 0)
    {
      g_free (code);
      code = g_strdup (g_ptr_array_index (normalized_barcodes, 0));
    }
  return code;
}

static GPtrArray *
validate (ComptoirCatalog *self,
          ComptoirProduct *product,
          GPtrArray       *normalized_barcodes)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_field_error_free);
  g_autofree char *name = g_strstrip (g_strdup (comptoir_product_get_name (product) ?: ""));
  g_autofree char *code = NULL;
  gint64 price = comptoir_product_get_price_cents (product);

  if (name[0] == '\0')
    add_field_error (errors, "name", g_strdup (_("Give the product a name, as it should appear on receipts.")));
  else if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    add_field_error (errors, "name",
                     g_strdup_printf (_("The name is too long: at most %d characters fit on a receipt."),
                                      MAX_NAME_CHARS));

  validate_barcodes (self, product, errors, normalized_barcodes);

  code = effective_code (product, normalized_barcodes);
  if (code[0] == '\0')
    add_field_error (errors, "code", g_strdup (_("Give the product a code (your internal reference, "
                                                 "for example “VRAC-012”) or a barcode.")));
  else
    {
      g_autofree char *owner = owner_name (self, "SELECT name FROM product WHERE code = ?1 AND id <> ?2",
                                           code, comptoir_product_get_id (product));
      if (owner != NULL)
        add_field_error (errors, "code",
                         g_strdup_printf (_("The code “%s” is already used by “%s”. Choose another code."),
                                          code, owner));
    }

  if (price < 0 || price > MAX_PRICE_CENTS)
    add_field_error (errors, "price-cents",
                     g_strdup (_("The price must be between 0 and 99,999.99 €.")));

  if (!comptoir_vat_rate_is_valid (comptoir_product_get_vat_bp (product)))
    add_field_error (errors, "vat-bp",
                     g_strdup (_("Choose a VAT rate: 20 %, 10 %, 5.5 % or 2.1 %.")));

  return errors;
}

/* Every problem of the form at once, so the editor can mark each field. */
GPtrArray *
comptoir_catalog_validate_product (ComptoirCatalog *self,
                                   ComptoirProduct *product)
{
  g_autoptr (GPtrArray) normalized = g_ptr_array_new_with_free_func (g_free);

  return validate (self, product, normalized);
}

static gboolean
save_barcodes (ComptoirCatalog  *self,
               const char       *product_id,
               GPtrArray        *wanted,
               GError          **error)
{
  g_autoptr (GPtrArray) stored_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) stored_codes = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (self->db, "SELECT id, barcode FROM product_barcode WHERE product_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, product_id, -1, SQLITE_STATIC);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (stored_ids, g_strdup (column_text (stmt, 0)));
        g_ptr_array_add (stored_codes, g_strdup (column_text (stmt, 1)));
      }
  }

  /* Unlink what was removed: the row stays, so the barcode can be given
   * to another product and the removal merges like any edit. */
  for (guint i = 0; i < stored_codes->len; i++)
    if (!g_ptr_array_find_with_equal_func (wanted, g_ptr_array_index (stored_codes, i), g_str_equal, NULL))
      {
        g_autoptr (ComptoirChange) change = comptoir_change_new ("product_barcode", g_ptr_array_index (stored_ids, i));
        comptoir_change_set_null (change, "product_id");
        if (!comptoir_db_apply_change (self->db, change, NULL, error))
          return FALSE;
      }

  for (guint i = 0; i < wanted->len; i++)
    {
      const char *barcode = g_ptr_array_index (wanted, i);
      g_autofree char *row_id = NULL;
      g_autoptr (ComptoirChange) change = NULL;

      if (g_ptr_array_find_with_equal_func (stored_codes, barcode, g_str_equal, NULL))
        continue;

      {
        g_autoptr (ComptoirStmt) stmt =
          comptoir_db_prepare (self->db, "SELECT id FROM product_barcode WHERE barcode = ?1", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, 1, barcode, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          row_id = g_strdup (column_text (stmt, 0));
      }

      change = comptoir_change_new ("product_barcode", row_id);
      comptoir_change_set_text (change, "barcode", barcode);
      comptoir_change_set_text (change, "product_id", product_id);
      if (!comptoir_db_apply_change (self->db, change, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_in_transaction (ComptoirCatalog  *self,
                     ComptoirProduct  *product,
                     GError          **error)
{
  g_autoptr (GPtrArray) barcodes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) errors = validate (self, product, barcodes);
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  gint64 old_price = -1;

  if (errors->len > 0)
    {
      ComptoirFieldError *first = g_ptr_array_index (errors, 0);
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, first->message);
      return FALSE;
    }

  name = g_strstrip (g_strdup (comptoir_product_get_name (product)));
  code = effective_code (product, barcodes);

  /* A sale price that changes is dated: its price_change fact goes in
   * the same transaction (a new product's first price is no change). */
  stmt = comptoir_db_prepare (self->db, "SELECT price_cents FROM product WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, comptoir_product_get_id (product), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_price = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, comptoir_stmt_release);

  change = comptoir_change_new ("product", comptoir_product_get_id (product));
  comptoir_change_set_text (change, "code", code);
  comptoir_change_set_text (change, "name", name);
  comptoir_change_set_text (change, "unit", comptoir_unit_to_string (comptoir_product_get_unit (product)));
  comptoir_change_set_int (change, "price_cents", comptoir_product_get_price_cents (product));
  comptoir_change_set_int (change, "vat_bp", comptoir_product_get_vat_bp (product));
  comptoir_change_set_text (change, "category_id", comptoir_product_get_category_id (product));
  comptoir_change_set_text (change, "supplier_ref", comptoir_product_get_supplier_ref (product));
  comptoir_change_set_text (change, "origin", comptoir_product_get_origin (product));
  comptoir_change_set_bool (change, "organic", comptoir_product_get_organic (product));
  comptoir_change_set_bool (change, "quick", comptoir_product_get_quick (product));
  comptoir_change_set_bool (change, "active", comptoir_product_get_active (product));

  if (!comptoir_db_apply_change (self->db, change, NULL, error) ||
      !save_barcodes (self, comptoir_change_get_row_id (change), barcodes, error))
    return FALSE;
  if (old_price >= 0 && old_price != comptoir_product_get_price_cents (product) &&
      !_comptoir_pricing_record_change (self->db, comptoir_change_get_row_id (change), old_price,
                                        comptoir_product_get_price_cents (product), self->price_reason,
                                        -1, error))
    return FALSE;

  stmt = comptoir_db_prepare (self->db, "SELECT rowid FROM product WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, comptoir_change_get_row_id (change), -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, stmt, error))
    return FALSE;

  _comptoir_product_set_identity (product, sqlite3_column_int64 (stmt, 0),
                                  comptoir_change_get_row_id (change));
  comptoir_product_set_name (product, name);
  comptoir_product_set_code (product, code);
  g_ptr_array_add (barcodes, NULL);
  comptoir_product_set_barcodes (product, (const char * const *) barcodes->pdata);
  return TRUE;
}

/* Creates the product if it has no id yet, else updates it; the product,
 * its barcodes and their change-log entries are one transaction. */
gboolean
comptoir_catalog_save_product (ComptoirCatalog  *self,
                               ComptoirProduct  *product,
                               GError          **error)
{
  g_return_val_if_fail (COMPTOIR_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (COMPTOIR_IS_PRODUCT (product), FALSE);

  if (!comptoir_db_begin (self->db, error))
    return FALSE;
  if (!save_in_transaction (self, product, error))
    {
      comptoir_db_rollback (self->db);
      return FALSE;
    }
  return comptoir_db_commit (self->db, error);
}

/* id, name, default_vat */
static ComptoirCategory *
category_from_row (sqlite3_stmt *stmt)
{
  ComptoirCategory *category = g_new0 (ComptoirCategory, 1);

  category->id = g_strdup (column_text (stmt, 0));
  category->name = g_strdup (column_text (stmt, 1));
  category->default_vat_bp = sqlite3_column_int (stmt, 2);
  return category;
}

GPtrArray *
comptoir_catalog_list_categories (ComptoirCatalog  *self,
                                  GError          **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (self->db, "SELECT id, name, default_vat FROM category ORDER BY sort_key", error);
  GPtrArray *categories;

  if (stmt == NULL)
    return NULL;

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_category_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (categories, category_from_row (stmt));
  return categories;
}

/* The till's grid: products on it and on sale. These queries and the
 * categories' below read the partial index product_quick (schema/0009),
 * which holds only those, so they stay quick on the till's main thread. */
GPtrArray *
comptoir_catalog_list_quick (ComptoirCatalog  *self,
                             const char       *category_id,
                             GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) products = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (self), NULL);

  if (category_id != NULL)
    stmt = comptoir_db_prepare (self->db,
                                "SELECT " PRODUCT_COLUMNS
                                "WHERE p.quick = 1 AND p.active = 1 AND p.category_id = ?1 "
                                "ORDER BY p.sort_key, p.rowid",
                                error);
  else
    stmt = comptoir_db_prepare (self->db,
                                "SELECT " PRODUCT_COLUMNS
                                "WHERE p.quick = 1 AND p.active = 1 "
                                "ORDER BY p.sort_key, p.rowid",
                                error);
  if (stmt == NULL)
    return NULL;
  if (category_id != NULL)
    sqlite3_bind_text (stmt, 1, category_id, -1, SQLITE_STATIC);

  products = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (products, product_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&products);
}

GPtrArray *
comptoir_catalog_list_quick_categories (ComptoirCatalog  *self,
                                        GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (self), NULL);

  stmt = comptoir_db_prepare (self->db,
                              "SELECT c.id, c.name, c.default_vat FROM category c "
                              "WHERE EXISTS (SELECT 1 FROM product p WHERE p.category_id = c.id "
                              "              AND p.quick = 1 AND p.active = 1) "
                              "ORDER BY c.sort_key, c.rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_category_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (categories, category_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&categories);
}

/* The id of the category with this name (accents and case ignored),
 * created if the shop has none yet. */
char *
comptoir_catalog_ensure_category (ComptoirCatalog  *self,
                                  const char       *name,
                                  int               default_vat_bp,
                                  GError          **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  g_autofree char *key = comptoir_text_fold (clean);
  g_autoptr (ComptoirChange) change = NULL;

  {
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (self->db, "SELECT id FROM category WHERE sort_key = ?1", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      return g_strdup (column_text (stmt, 0));
  }

  change = comptoir_change_new ("category", NULL);
  comptoir_change_set_text (change, "name", clean);
  comptoir_change_set_int (change, "default_vat", default_vat_bp);
  if (!comptoir_db_apply_change (self->db, change, NULL, error))
    return NULL;

  return g_strdup (comptoir_change_get_row_id (change));
}
