/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-change.h"
#include "comptoir-money.h"
#include "comptoir-supplier-private.h"

/* The lines of a supplier's catalogue: their reference, barcode, pack
 * size and purchase price, and the link to our product that lets an
 * order be suggested from our sales and a delivery be scanned. */

#define MAX_PACK_MILLI   1000000000  /* a million units in a pack: a typing slip */
#define MAX_PRICE_CENTS  10000000    /* 100,000 € HT a unit */

#define PRODUCT_COLUMNS                                                       \
  "sp.id, sp.supplier_id, sp.product_id, sp.supplier_ref, sp.barcode, "       \
  "sp.name, sp.pack_milli, sp.price_cents, sp.vat_bp, sp.active "

void
comptoir_supplier_product_init (ComptoirSupplierProduct *product)
{
  memset (product, 0, sizeof *product);
  product->pack_milli = 1000;
  product->price_cents = -1;
  product->active = TRUE;
}

void
comptoir_supplier_product_clear (ComptoirSupplierProduct *product)
{
  g_clear_pointer (&product->id, g_free);
  g_clear_pointer (&product->supplier_id, g_free);
  g_clear_pointer (&product->product_id, g_free);
  g_clear_pointer (&product->supplier_ref, g_free);
  g_clear_pointer (&product->barcode, g_free);
  g_clear_pointer (&product->name, g_free);
}

void
comptoir_supplier_product_free (ComptoirSupplierProduct *product)
{
  if (product == NULL)
    return;
  comptoir_supplier_product_clear (product);
  g_free (product);
}

static void
product_from_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  ComptoirSupplierProduct *out = data;

  comptoir_supplier_product_init (out);
  out->id = _comptoir_db_column_dup (stmt, 0);
  out->supplier_id = _comptoir_db_column_dup (stmt, 1);
  out->product_id = _comptoir_db_column_dup (stmt, 2);
  out->supplier_ref = _comptoir_db_column_dup (stmt, 3);
  out->barcode = _comptoir_db_column_dup (stmt, 4);
  out->name = _comptoir_db_column_dup (stmt, 5);
  out->pack_milli = sqlite3_column_int64 (stmt, 6);
  out->price_cents = _comptoir_db_column_int_or (stmt, 7, -1);
  out->vat_bp = sqlite3_column_int (stmt, 8);
  out->active = sqlite3_column_int (stmt, 9);
}

gboolean
comptoir_supplier_product_load (ComptoirDb               *db,
                                const char               *supplier_product_id,
                                ComptoirSupplierProduct  *out,
                                GError                  **error)
{
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_product_id != NULL && out != NULL, FALSE);

  if (!_comptoir_db_query_row (db, "SELECT " PRODUCT_COLUMNS "FROM supplier_product sp WHERE sp.id = ?1",
                               supplier_product_id, NULL, product_from_row, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("This line of the supplier’s catalogue no longer exists. Import the catalogue again."));
  return found;
}

gboolean
comptoir_supplier_product_find_ref (ComptoirDb               *db,
                                    const char               *supplier_id,
                                    const char               *supplier_ref,
                                    ComptoirSupplierProduct  *out,
                                    GError                  **error)
{
  g_autofree char *ref = NULL;
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_id != NULL && supplier_ref != NULL && out != NULL, FALSE);

  ref = g_strstrip (g_strdup (supplier_ref));
  if (!_comptoir_db_query_row (db,
                               "SELECT " PRODUCT_COLUMNS "FROM supplier_product sp "
                               "WHERE sp.supplier_id = ?1 AND sp.supplier_ref = ?2",
                               supplier_id, ref, product_from_row, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("The supplier’s catalogue has no reference “%s”. Check the reference, "
                   "or import their latest catalogue."),
                 ref);
  return found;
}

gboolean
comptoir_supplier_product_find_barcode (ComptoirDb               *db,
                                        const char               *supplier_id,
                                        const char               *barcode,
                                        ComptoirSupplierProduct  *out,
                                        GError                  **error)
{
  g_autofree char *normal = NULL;
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (barcode != NULL && out != NULL, FALSE);

  normal = comptoir_barcode_normalize (barcode, error);
  if (normal == NULL)
    return FALSE;

  /* The supplier's own barcode on the case, then ours on the product
   * (the case often carries the consumer unit's barcode). Both probes
   * are indexed: a scan at the receiving station must not wait. */
  if (!_comptoir_db_query_row (db,
                               "SELECT " PRODUCT_COLUMNS "FROM supplier_product sp "
                               "WHERE sp.barcode = ?1 AND (?2 IS NULL OR sp.supplier_id = ?2) "
                               "ORDER BY sp.active DESC, sp.rowid LIMIT 1",
                               normal, supplier_id, product_from_row, out, &found, error))
    return FALSE;
  if (!found &&
      !_comptoir_db_query_row (db,
                               "SELECT " PRODUCT_COLUMNS "FROM product_barcode b "
                               "JOIN supplier_product sp ON sp.product_id = b.product_id "
                               "WHERE b.barcode = ?1 AND (?2 IS NULL OR sp.supplier_id = ?2) "
                               "ORDER BY sp.active DESC, sp.rowid LIMIT 1",
                               normal, supplier_id, product_from_row, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No line of the supplier’s catalogue has the barcode %s. Link it to a line, "
                   "or import their latest catalogue."),
                 normal);
  return found;
}

gboolean
comptoir_supplier_product_lookup (ComptoirDb               *db,
                                  const char               *supplier_id,
                                  const char               *barcode_or_ref,
                                  ComptoirSupplierProduct  *out,
                                  GError                  **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (supplier_id != NULL && barcode_or_ref != NULL, FALSE);

  if (comptoir_barcode_classify (barcode_or_ref) != COMPTOIR_BARCODE_INVALID)
    {
      if (comptoir_supplier_product_find_barcode (db, supplier_id, barcode_or_ref, out, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return comptoir_supplier_product_find_ref (db, supplier_id, barcode_or_ref, out, error);
}

GPtrArray *
comptoir_supplier_product_list (ComptoirDb  *db,
                                const char  *supplier_id,
                                GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) products = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  stmt = comptoir_db_prepare (db,
                              "SELECT " PRODUCT_COLUMNS "FROM supplier_product sp "
                              "WHERE sp.supplier_id = ?1 ORDER BY sp.supplier_ref",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);

  products = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_supplier_product_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirSupplierProduct *product = g_new (ComptoirSupplierProduct, 1);

      product_from_row (stmt, product);
      g_ptr_array_add (products, product);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&products);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_comptoir_supplier_product_validate (ComptoirDb               *db,
                                     ComptoirSupplierProduct  *product,
                                     GError                  **error)
{
  g_autofree char *ref = comptoir_text_clean (product->supplier_ref);
  g_autofree char *name = comptoir_text_clean (product->name);
  g_autoptr (ComptoirStmt) stmt = NULL;

  if (product->supplier_id == NULL)
    return invalid (error, _("Choose the supplier whose catalogue this line belongs to."));
  if (ref == NULL)
    return invalid (error, _("Give the supplier’s reference of this product, as on their catalogue."));
  if (name == NULL)
    return invalid (error, _("Give the name of this product, as on the supplier’s catalogue."));
  if (product->pack_milli <= 0 || product->pack_milli > MAX_PACK_MILLI)
    return invalid (error, _("Give the pack size: how many units (or kg, or litres) a case holds, such as 6."));
  if (product->price_cents < -1 || product->price_cents > MAX_PRICE_CENTS)
    return invalid (error, _("Give the purchase price excluding VAT of one unit, such as 1.25, or leave it empty."));
  if (product->vat_bp != 0 && !comptoir_vat_rate_is_valid (product->vat_bp))
    return invalid (error, _("Choose a VAT rate: 20 %, 10 %, 5.5 % or 2.1 %."));

  if (product->barcode != NULL && product->barcode[0] != '\0')
    {
      char *normal = comptoir_barcode_normalize (product->barcode, error);

      if (normal == NULL)
        return FALSE;
      g_free (product->barcode);
      product->barcode = normal;
    }
  else
    g_clear_pointer (&product->barcode, g_free);

  stmt = comptoir_db_prepare (db,
                              "SELECT 1 FROM supplier_product "
                              "WHERE supplier_id = ?1 AND supplier_ref = ?2 AND id <> ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, product->supplier_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, product->id != NULL ? product->id : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Another line of this supplier’s catalogue has the reference “%s”. "
                     "Give each line its own reference."),
                   ref);
      return FALSE;
    }

  g_free (product->supplier_ref);
  product->supplier_ref = g_steal_pointer (&ref);
  g_free (product->name);
  product->name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
_comptoir_supplier_product_write (ComptoirDb               *db,
                                  ComptoirSupplierProduct  *product,
                                  GError                  **error)
{
  g_autoptr (ComptoirChange) change = comptoir_change_new ("supplier_product", product->id);

  comptoir_change_set_text (change, "supplier_id", product->supplier_id);
  comptoir_change_set_text (change, "product_id", product->product_id);
  comptoir_change_set_text (change, "supplier_ref", product->supplier_ref);
  comptoir_change_set_text (change, "barcode", product->barcode);
  comptoir_change_set_text (change, "name", product->name);
  comptoir_change_set_int (change, "pack_milli", product->pack_milli);
  if (product->price_cents >= 0)
    comptoir_change_set_int (change, "price_cents", product->price_cents);
  else
    comptoir_change_set_null (change, "price_cents");
  if (product->vat_bp != 0)
    comptoir_change_set_int (change, "vat_bp", product->vat_bp);
  else
    comptoir_change_set_null (change, "vat_bp");
  comptoir_change_set_bool (change, "active", product->active);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;

  if (product->id == NULL)
    product->id = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

gboolean
comptoir_supplier_product_save (ComptoirDb               *db,
                                ComptoirSupplierProduct  *product,
                                GError                  **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product != NULL, FALSE);

  return _comptoir_supplier_product_validate (db, product, error) &&
         _comptoir_supplier_product_write (db, product, error);
}

gboolean
comptoir_supplier_product_link (ComptoirDb  *db,
                                const char  *supplier_product_id,
                                const char  *product_id,
                                GError     **error)
{
  g_auto (ComptoirSupplierProduct) line = { 0 };
  g_autoptr (ComptoirChange) change = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_product_id != NULL, FALSE);

  if (!comptoir_supplier_product_load (db, supplier_product_id, &line, error))
    return FALSE;

  if (product_id != NULL)
    {
      g_autofree char *known = NULL;

      if (!_comptoir_db_lookup_text (db, "SELECT 1 FROM product WHERE id = ?1", product_id, NULL, &known, error))
        return FALSE;
      if (known == NULL)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                               _("This product is not in the catalogue. Choose another one, or create it first."));
          return FALSE;
        }
    }

  change = comptoir_change_new ("supplier_product", supplier_product_id);
  comptoir_change_set_text (change, "product_id", product_id);
  return comptoir_db_apply_change (db, change, NULL, error);
}
