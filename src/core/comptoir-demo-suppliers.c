/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-demo"

#include "config.h"

#include "comptoir-demo-private.h"
#include "comptoir-purchase-order.h"
#include "comptoir-supplier.h"

/* The demo shop's suppliers: a wholesaler delivering twice a week whose
 * catalogue covers some forty of the shop's products (every third sold
 * by the case, with a case barcode of its own), a farm delivering
 * weekly, and an order sent to the wholesaler, so that the Receiving
 * section has a delivery to scan the moment the demo opens. */

#define N_WHOLESALER_ITEMS 40

/* A valid EAN-13 the shop's products never use: 376999 and a number. */
static char *
case_barcode (guint n)
{
  char digits[14];
  guint sum = 0;

  g_snprintf (digits, sizeof digits, "376999%06u", n);
  for (guint i = 0; i < 12; i++)
    sum += (guint) (digits[i] - '0') * (i % 2 ? 3 : 1);
  digits[12] = (char) ('0' + (10 - sum % 10) % 10);
  digits[13] = '\0';
  return g_strdup (digits);
}

static gboolean
save_supplier (ComptoirDb        *db,
               const char        *name,
               const char        *order_days,
               int                lead_days,
               gint64             min_order_cents,
               gint64             franco_cents,
               char             **out_id,
               GError           **error)
{
  g_auto (ComptoirSupplier) supplier = { 0 };

  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup (name);
  supplier.lead_days = lead_days;
  supplier.min_order_cents = min_order_cents;
  supplier.franco_cents = franco_cents;
  if (!comptoir_weekdays_parse (order_days, &supplier.order_days, error) ||
      !comptoir_supplier_save (db, &supplier, error))
    return FALSE;
  *out_id = g_strdup (supplier.id);
  return TRUE;
}

/* Purchase price excluding VAT from the shop's sale price: what a
 * coefficient of 1.3 over the purchase price gives back. */
static gint64
purchase_price (gint64 sale_cents,
                gint   vat_bp)
{
  return sale_cents * 10000 * 10 / (13 * (10000 + vat_bp));
}

gboolean
_comptoir_demo_write_suppliers (ComptoirDb  *db,
                                GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wholesaler = NULL;
  g_autofree char *farm = NULL;
  g_autofree char *order_id = NULL;
  guint n = 0;
  int rc;

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!save_supplier (db, "Le Relais Vert", "mon,thu", 2, 15000, 30000, &wholesaler, error) ||
      !save_supplier (db, "Ferme de la Source", "tue", 1, 0, 0, &farm, error))
    goto fail;

  stmt = comptoir_db_prepare (db, "SELECT p.id, p.name, p.price_cents, p.vat_bp FROM product p "
                              "WHERE p.active AND p.unit = 'piece' AND EXISTS (SELECT 1 FROM product_barcode b "
                              "WHERE b.product_id = p.id AND length (b.barcode) = 13) ORDER BY p.code LIMIT ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, N_WHOLESALER_ITEMS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto (ComptoirSupplierProduct) item = { 0 };
      gboolean by_case = n % 3 == 0;

      comptoir_supplier_product_init (&item);
      item.supplier_id = g_strdup (wholesaler);
      item.product_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      item.supplier_ref = g_strdup_printf ("RV-%03u", n + 1);
      item.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item.pack_milli = by_case ? 6000 : 1000;
      item.barcode = by_case ? case_barcode (n + 1) : NULL;
      item.price_cents = purchase_price (sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3));
      item.vat_bp = sqlite3_column_int (stmt, 3);
      item.active = TRUE;
      if (!comptoir_supplier_product_save (db, &item, error))
        goto fail;
      /* Every fifth item is on the order sent below. */
      if (n % 5 == 0)
        g_ptr_array_add (lines, g_strdup (item.id));
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      goto fail;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  if (lines->len > 0)
    {
      order_id = comptoir_purchase_order_create (db, wholesaler, error);
      if (order_id == NULL)
        goto fail;
      for (guint i = 0; i < lines->len; i++)
        if (!comptoir_purchase_order_set_line (db, order_id, g_ptr_array_index (lines, i), 1 + i % 3, error))
          goto fail;
      if (!comptoir_purchase_order_send (db, order_id, NULL, error))
        goto fail;
    }
  return comptoir_db_commit (db, error);

fail:
  g_clear_pointer (&stmt, comptoir_stmt_release);
  comptoir_db_rollback (db);
  return FALSE;
}
