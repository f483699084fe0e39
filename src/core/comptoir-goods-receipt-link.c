/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-goods-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-catalog.h"
#include "comptoir-change.h"
#include "comptoir-goods-receipt-private.h"
#include "comptoir-supplier.h"

/* What the receiver does about a code nobody knows: link it to one of
 * our products, or create the product on the spot; then the scan counts.
 * Also linking a line to a product, and the delivery note's price. Each
 * is one transaction with the scan it ends with (the scan's own
 * transaction nests in it). */

static char *
product_name (ComptoirDb  *db,
              const char  *product_id,
              GError     **error)
{
  char *name = NULL;

  if (!_comptoir_db_lookup_text (db, "SELECT name FROM product WHERE id = ?1", product_id, NULL, &name, error))
    return NULL;
  if (name == NULL)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("There is no such product. Choose one from the catalogue, or create it."));
  return name;
}

/* The supplier's item now is our product's, and so are the receipt's
 * lines of it that were not linked. */
gboolean
_comptoir_goods_receipt_link_supplier_item (ComptoirDb  *db,
                                            const char  *receipt_id,
                                            const char  *sp_id,
                                            const char  *product_id,
                                            const char  *name,
                                            GError     **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (!comptoir_supplier_product_link (db, sp_id, product_id, error))
    return FALSE;

  {
    g_autoptr (ComptoirStmt) stmt =
      comptoir_db_prepare (db,
                           "SELECT id FROM goods_receipt_line WHERE receipt_id = ?1 AND supplier_product_id = ?2 "
                           "AND product_id IS NULL",
                           error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, receipt_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, sp_id, -1, SQLITE_STATIC);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (lines, _comptoir_db_column_dup (stmt, 0));
  }

  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr (ComptoirChange) line = comptoir_change_new ("goods_receipt_line", g_ptr_array_index (lines, i));

      comptoir_change_set_text (line, "product_id", product_id);
      comptoir_change_set_text (line, "label", name);
      if (!comptoir_db_apply_change (db, line, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* A unit's barcode is ours from now on: the till sells it too. A row
 * left by a barcode removed from another product is reused, as the
 * catalogue does. */
static gboolean
add_our_barcode (ComptoirDb  *db,
                 const char  *barcode,
                 const char  *product_id,
                 GError     **error)
{
  g_autofree char *row_id = NULL;
  g_autoptr (ComptoirChange) change = NULL;

  if (!_comptoir_db_lookup_text (db, "SELECT id FROM product_barcode WHERE barcode = ?1", barcode, NULL, &row_id,
                                 error))
    return FALSE;
  change = comptoir_change_new ("product_barcode", row_id);
  comptoir_change_set_text (change, "barcode", barcode);
  comptoir_change_set_text (change, "product_id", product_id);
  return comptoir_db_apply_change (db, change, NULL, error);
}

/* The supplier's item for the product that order_sql picks (?1 the
 * supplier, ?2 the product, ?3 a pack size when it takes one), loaded;
 * *out_found FALSE when there is none. */
static gboolean
find_item_for_product (ComptoirDb               *db,
                       const char               *supplier_id,
                       const char               *product_id,
                       const char               *order_sql,
                       gint64                    pack_milli,
                       ComptoirSupplierProduct  *out,
                       gboolean                 *out_found,
                       GError                  **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, order_sql, error);
  g_autofree char *id = NULL;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, product_id, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, pack_milli);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  id = _comptoir_db_column_dup (stmt, 0);
  g_clear_pointer (&stmt, comptoir_stmt_release);
  *out_found = TRUE;
  return comptoir_supplier_product_load (db, id, out, error);
}

/* A case's code, or a code that is no EAN/UPC, is the supplier's: an
 * EAN goes on their catalogue item for the product when it has no
 * barcode yet and the same pack; otherwise the code becomes a new item
 * of their catalogue, with the code as its reference (a GTIN-14 or an
 * internal code cannot be a barcode there, and is read as a reference). */
static gboolean
add_supplier_code (ComptoirDb  *db,
                   const char  *supplier_id,
                   const char  *code,
                   const char  *product_id,
                   const char  *name,
                   gint64       pack_milli,
                   GError     **error)
{
  g_auto (ComptoirSupplierProduct) item = { 0 };
  g_auto (ComptoirSupplierProduct) same = { 0 };
  g_autofree char *ean = NULL;
  gboolean found = FALSE, found_same = FALSE;

  if (comptoir_barcode_classify (code) != COMPTOIR_BARCODE_INVALID)
    ean = comptoir_barcode_normalize (code, NULL);

  if (ean != NULL &&
      !find_item_for_product (db, supplier_id, product_id,
                              "SELECT id FROM supplier_product WHERE supplier_id = ?1 AND product_id = ?2 "
                              "AND barcode IS NULL AND pack_milli = ?3 ORDER BY active DESC, id LIMIT 1",
                              pack_milli, &item, &found, error))
    return FALSE;
  if (found)
    {
      item.barcode = g_strdup (ean);
      return comptoir_supplier_product_save (db, &item, error);
    }

  /* A unit costs the same in any pack: the new item takes the price of
   * the product's other item. */
  if (!find_item_for_product (db, supplier_id, product_id,
                              "SELECT id FROM supplier_product WHERE supplier_id = ?1 AND product_id = ?2 "
                              "ORDER BY active DESC, id LIMIT 1",
                              pack_milli, &same, &found_same, error))
    return FALSE;

  comptoir_supplier_product_init (&item);
  item.supplier_id = g_strdup (supplier_id);
  item.product_id = g_strdup (product_id);
  item.supplier_ref = g_strdup (code);
  item.barcode = g_strdup (ean);
  item.name = g_strdup (found_same ? same.name : name);
  item.pack_milli = pack_milli;
  item.price_cents = found_same ? same.price_cents : -1;
  item.vat_bp = found_same ? same.vat_bp : 0;
  return comptoir_supplier_product_save (db, &item, error);
}

/* Makes the code read as product_id's, for the receipt's supplier. */
static gboolean
link_code (ComptoirDb              *db,
           const char              *receipt_id,
           const char              *supplier_id,
           ComptoirReceiptReading  *r,
           const char              *product_id,
           gint64                   pack_milli,
           GError                 **error)
{
  g_autofree char *name = product_name (db, product_id, error);

  if (name == NULL)
    return FALSE;

  if (r->product_id != NULL)
    {
      if (g_str_equal (r->product_id, product_id))
        return TRUE;  /* linked already, maybe by the other machine: just count */
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code %s is already “%s”'s. Scan it again to count it, or remove it from that "
                     "product first."),
                   r->key, r->product_name);
      return FALSE;
    }

  if (r->sp_id != NULL)
    return _comptoir_goods_receipt_link_supplier_item (db, receipt_id, r->sp_id, product_id, name, error);

  if (pack_milli <= 0)
    pack_milli = 1000;
  if (pack_milli == 1000 && comptoir_barcode_classify (r->key) != COMPTOIR_BARCODE_INVALID)
    {
      g_autofree char *normal = comptoir_barcode_normalize (r->key, error);
      return normal != NULL && add_our_barcode (db, normal, product_id, error);
    }
  return add_supplier_code (db, supplier_id, r->key, product_id, name, pack_milli, error);
}

typedef struct {
  const char                      *receipt_id;
  const char                      *code;
  const char                      *product_id;
  gint64                           pack_milli;
  const ComptoirReceiptNewProduct *spec;
  ComptoirReceiptScanResult       *out;
} Link;

static gboolean
link_in_transaction (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  Link *link = user_data;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_auto (ComptoirReceiptReading) r = { 0 };

  return _comptoir_goods_receipt_head (db, link->receipt_id, TRUE, &head, error) &&
         _comptoir_goods_receipt_read_code (db, head.supplier_id, link->code, &r, error) &&
         link_code (db, link->receipt_id, head.supplier_id, &r, link->product_id, link->pack_milli, error) &&
         comptoir_goods_receipt_scan (db, link->receipt_id, link->code, link->out, error);
}

gboolean
comptoir_goods_receipt_link_barcode (ComptoirDb                 *db,
                                     const char                 *receipt_id,
                                     const char                 *code,
                                     const char                 *product_id,
                                     gint64                      pack_milli,
                                     ComptoirReceiptScanResult  *out,
                                     GError                    **error)
{
  Link link = { receipt_id, code, product_id, pack_milli, NULL, out };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL && product_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return _comptoir_receipt_run (db, link_in_transaction, &link, out, error);
}

/* The purchase price typed with the new product, on the supplier's item
 * for it (made when there is none) unless their catalogue has one. */
static gboolean
set_purchase_price (ComptoirDb  *db,
                    const char  *supplier_id,
                    const char  *product_id,
                    const char  *name,
                    const char  *code,
                    gint64       price_cents,
                    GError     **error)
{
  g_auto (ComptoirSupplierProduct) item = { 0 };
  gboolean found = FALSE;

  if (!find_item_for_product (db, supplier_id, product_id,
                              "SELECT id FROM supplier_product WHERE supplier_id = ?1 AND product_id = ?2 "
                              "ORDER BY active DESC, id LIMIT 1",
                              0, &item, &found, error))
    return FALSE;
  if (found && item.price_cents >= 0)
    return TRUE;
  if (!found)
    {
      comptoir_supplier_product_init (&item);
      item.supplier_id = g_strdup (supplier_id);
      item.product_id = g_strdup (product_id);
      item.supplier_ref = g_strdup (code);
      item.name = g_strdup (name);
    }
  item.price_cents = price_cents;
  return comptoir_supplier_product_save (db, &item, error);
}

static gboolean
create_in_transaction (ComptoirDb  *db,
                       gpointer     user_data,
                       GError     **error)
{
  Link *link = user_data;
  const ComptoirReceiptNewProduct *spec = link->spec;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_auto (ComptoirReceiptReading) r = { 0 };
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (ComptoirProduct) product = comptoir_product_new ();
  g_autofree char *barcode = NULL;
  const char *barcodes[] = { NULL, NULL };
  gboolean unit_code;

  if (!_comptoir_goods_receipt_head (db, link->receipt_id, TRUE, &head, error) ||
      !_comptoir_goods_receipt_read_code (db, head.supplier_id, link->code, &r, error))
    return FALSE;
  if (r.product_id != NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The code %s is already “%s”'s: scan it again to count it."), r.key, r.product_name);
      return FALSE;
    }

  /* A unit's EAN/UPC is the new product's barcode (and its code unless
   * one is given); a case's stays the supplier's. */
  unit_code = r.sp_id == NULL && spec->pack_milli <= 1000 &&
              comptoir_barcode_classify (r.key) != COMPTOIR_BARCODE_INVALID;
  if (unit_code && !(barcode = comptoir_barcode_normalize (r.key, error)))
    return FALSE;
  barcodes[0] = barcode;

  comptoir_product_set_name (product, spec->name);
  comptoir_product_set_code (product, spec->code);
  comptoir_product_set_unit (product, spec->unit);
  comptoir_product_set_price_cents (product, spec->price_cents);
  comptoir_product_set_vat_bp (product, spec->vat_bp);
  comptoir_product_set_category (product, spec->category_id, NULL);
  comptoir_product_set_supplier_ref (product, r.sp_ref);
  comptoir_product_set_barcodes (product, barcode != NULL ? barcodes : NULL);
  if (!comptoir_catalog_save_product (catalog, product, error))
    return FALSE;

  if (!unit_code &&
      !link_code (db, link->receipt_id, head.supplier_id, &r, comptoir_product_get_id (product),
                  spec->pack_milli, error))
    return FALSE;
  if (spec->purchase_price_cents >= 0 &&
      !set_purchase_price (db, head.supplier_id, comptoir_product_get_id (product),
                           comptoir_product_get_name (product), r.key, spec->purchase_price_cents, error))
    return FALSE;

  return comptoir_goods_receipt_scan (db, link->receipt_id, link->code, link->out, error);
}

gboolean
comptoir_goods_receipt_create_product (ComptoirDb                       *db,
                                       const char                       *receipt_id,
                                       const char                       *code,
                                       const ComptoirReceiptNewProduct  *spec,
                                       ComptoirReceiptScanResult        *out,
                                       GError                          **error)
{
  Link link = { receipt_id, code, NULL, 0, spec, out };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return _comptoir_receipt_run (db, create_in_transaction, &link, out, error);
}

typedef struct {
  const char *receipt_id;
  const char *line_id;
  const char *product_id;
  gint64      price_cents;
} LineEdit;

static gboolean
link_line_in_transaction (ComptoirDb  *db,
                          gpointer     user_data,
                          GError     **error)
{
  LineEdit *edit = user_data;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_auto (ComptoirReceiptLine) line = { 0 };
  g_autofree char *name = NULL;
  g_autoptr (ComptoirChange) change = NULL;

  if (!_comptoir_goods_receipt_head (db, edit->receipt_id, TRUE, &head, error) ||
      !_comptoir_goods_receipt_read_line (db, edit->receipt_id, edit->line_id, &line, error) ||
      !(name = product_name (db, edit->product_id, error)))
    return FALSE;

  /* The supplier's item was not linked either: it is from now on, and
   * its next delivery needs no link. */
  if (line.supplier_product_id != NULL)
    {
      g_autoptr (ComptoirStmt) stmt =
        comptoir_db_prepare (db, "SELECT product_id IS NULL FROM supplier_product WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, line.supplier_product_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0))
        {
          g_clear_pointer (&stmt, comptoir_stmt_release);
          return _comptoir_goods_receipt_link_supplier_item (db, edit->receipt_id, line.supplier_product_id,
                                                             edit->product_id, name, error);
        }
    }

  change = comptoir_change_new ("goods_receipt_line", edit->line_id);
  comptoir_change_set_text (change, "product_id", edit->product_id);
  comptoir_change_set_text (change, "label", name);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_goods_receipt_link_line (ComptoirDb  *db,
                                  const char  *receipt_id,
                                  const char  *line_id,
                                  const char  *product_id,
                                  GError     **error)
{
  LineEdit edit = { receipt_id, line_id, product_id, -1 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL && line_id != NULL && product_id != NULL, FALSE);

  return comptoir_db_transaction (db, link_line_in_transaction, &edit, error);
}

static gboolean
price_in_transaction (ComptoirDb  *db,
                      gpointer     user_data,
                      GError     **error)
{
  LineEdit *edit = user_data;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_auto (ComptoirReceiptLine) line = { 0 };
  g_autoptr (ComptoirChange) change = NULL;

  if (!_comptoir_goods_receipt_head (db, edit->receipt_id, TRUE, &head, error) ||
      !_comptoir_goods_receipt_read_line (db, edit->receipt_id, edit->line_id, &line, error))
    return FALSE;

  change = comptoir_change_new ("goods_receipt_line", edit->line_id);
  if (edit->price_cents < 0)
    comptoir_change_set_null (change, "note_price_cents");
  else
    comptoir_change_set_int (change, "note_price_cents", edit->price_cents);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_goods_receipt_set_note_price (ComptoirDb  *db,
                                       const char  *receipt_id,
                                       const char  *line_id,
                                       gint64       price_cents,
                                       GError     **error)
{
  LineEdit edit = { receipt_id, line_id, NULL, price_cents };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt_id != NULL && line_id != NULL, FALSE);

  if (price_cents > 9999999)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("That price is far too high for one unit: check the delivery note."));
      return FALSE;
    }
  return comptoir_db_transaction (db, price_in_transaction, &edit, error);
}
