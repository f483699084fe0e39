/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-pricing-private.h"
#include "comptoir-settings.h"
#include "comptoir-supplier-private.h"

#define MAX_MARKUP_BP   100000   /* as the schema checks: ×11 */
#define MAX_SALE_CENTS  9999999  /* as the catalogue checks */

gint64
comptoir_pricing_sale_price (gint64 purchase_cents,
                             int    markup_bp,
                             int    vat_bp)
{
  g_return_val_if_fail (purchase_cents >= 0 && markup_bp >= 0 && vat_bp >= 0, 0);

  /* At most 10^7 × 1.1·10^5 × 1.2·10^4: well within 63 bits. */
  return comptoir_money_div_round (purchase_cents * (10000 + markup_bp) * (10000 + vat_bp),
                                   (gint64) 10000 * 10000);
}

char *
comptoir_pricing_format_coefficient (int markup_bp)
{
  int coefficient = 10000 + markup_bp;  /* in ten-thousandths */

  /* Two decimals as coops write it (×1.20), more only when needed. */
  if (coefficient % 100 == 0)
    return g_strdup_printf ("×%d.%02d", coefficient / 10000, (coefficient % 10000) / 100);
  return g_strdup_printf ("×%d.%04d", coefficient / 10000, coefficient % 10000);
}

void
comptoir_price_proposal_free (ComptoirPriceProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->product_id);
  g_free (proposal->code);
  g_free (proposal->name);
  g_free (proposal->supplier_name);
  g_free (proposal);
}

gboolean
_comptoir_pricing_record_change (ComptoirDb  *db,
                                 const char  *product_id,
                                 gint64       old_cents,
                                 gint64       new_cents,
                                 const char  *reason,
                                 gint64       purchase_cents,
                                 GError     **error)
{
  g_autoptr (ComptoirChange) fact = comptoir_change_new ("price_change", NULL);
  g_autofree char *at = comptoir_timestamp_now ();

  comptoir_change_set_text (fact, "product_id", product_id);
  comptoir_change_set_text (fact, "at", at);
  comptoir_change_set_int (fact, "old_cents", old_cents);
  comptoir_change_set_int (fact, "new_cents", new_cents);
  comptoir_change_set_text (fact, "reason", reason);
  if (purchase_cents >= 0)
    comptoir_change_set_int (fact, "purchase_price_cents", purchase_cents);
  else
    comptoir_change_set_null (fact, "purchase_price_cents");
  return comptoir_db_insert_fact (db, fact, error);
}

/* The highest price of the product's active lines (of the supplier
 * named) and whose it is, with the product's and its category's
 * markup. SQLite takes the bare s.name from the row holding the max. */
static const char proposals_sql[] =
  "SELECT p.id, p.code, p.name, p.price_cents, p.vat_bp, p.markup_bp, c.markup_bp, "
  "  max (sp.price_cents), s.name "
  "FROM supplier_product sp "
  "JOIN product p ON p.id = sp.product_id "
  "JOIN supplier s ON s.id = sp.supplier_id "
  "LEFT JOIN category c ON c.id = p.category_id "
  "WHERE sp.active AND s.active AND p.active AND sp.price_cents IS NOT NULL "
  "  AND (?1 IS NULL OR sp.supplier_id = ?1) "
  "GROUP BY p.id ORDER BY p.sort_key, p.rowid";

GPtrArray *
comptoir_pricing_preview (ComptoirDb  *db,
                          const char  *supplier_id,
                          GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) proposals = NULL;
  gint64 shop_markup;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  shop_markup = CLAMP (comptoir_settings_get_int (db, COMPTOIR_SETTING_DEFAULT_MARKUP), 0, MAX_MARKUP_BP);
  stmt = comptoir_db_prepare (db, proposals_sql, error);
  if (stmt == NULL)
    return NULL;
  if (supplier_id != NULL)
    sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);

  proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_price_proposal_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirPriceProposal *p;
      ComptoirMarkupSource source = COMPTOIR_MARKUP_FROM_SHOP;
      gint64 markup = shop_markup, purchase = sqlite3_column_int64 (stmt, 7), old = sqlite3_column_int64 (stmt, 3);
      int vat = sqlite3_column_int (stmt, 4);
      gint64 price;

      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          markup = sqlite3_column_int64 (stmt, 5);
          source = COMPTOIR_MARKUP_FROM_PRODUCT;
        }
      else if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          markup = sqlite3_column_int64 (stmt, 6);
          source = COMPTOIR_MARKUP_FROM_CATEGORY;
        }
      /* Replicated from elsewhere, or typed in a shell: out-of-range
       * values are left for a person to look at, not turned into prices. */
      if (purchase < 0 || markup < 0 || markup > MAX_MARKUP_BP || !comptoir_vat_rate_is_valid (vat))
        continue;
      price = comptoir_pricing_sale_price (purchase, (int) markup, vat);
      if (price == old || price > MAX_SALE_CENTS)
        continue;

      p = g_new0 (ComptoirPriceProposal, 1);
      p->product_id = _comptoir_db_column_dup (stmt, 0);
      p->code = _comptoir_db_column_dup (stmt, 1);
      p->name = _comptoir_db_column_dup (stmt, 2);
      p->supplier_name = _comptoir_db_column_dup (stmt, 8);
      p->purchase_cents = purchase;
      p->markup_bp = (int) markup;
      p->markup_source = source;
      p->vat_bp = vat;
      p->old_cents = old;
      p->new_cents = price;
      g_ptr_array_add (proposals, p);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&proposals);
}

static gboolean
apply_in_transaction (ComptoirDb  *db,
                      GPtrArray   *proposals,
                      GError     **error)
{
  for (guint i = 0; i < proposals->len; i++)
    {
      ComptoirPriceProposal *p = g_ptr_array_index (proposals, i);
      g_autoptr (ComptoirChange) change = comptoir_change_new ("product", p->product_id);

      /* The price alone: a name edited meanwhile on another machine
       * merges with it. */
      comptoir_change_set_int (change, "price_cents", p->new_cents);
      if (!comptoir_db_apply_change (db, change, NULL, error) ||
          !_comptoir_pricing_record_change (db, p->product_id, p->old_cents, p->new_cents, "markup",
                                            p->purchase_cents, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
comptoir_pricing_apply (ComptoirDb   *db,
                        const char   *supplier_id,
                        GPtrArray   **out_applied,
                        GError      **error)
{
  g_autoptr (GPtrArray) proposals = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  /* Read and written under one lock: what is applied is what the
   * prices were computed from. */
  if (!comptoir_db_begin (db, error))
    return FALSE;
  proposals = comptoir_pricing_preview (db, supplier_id, error);
  if (proposals == NULL || !apply_in_transaction (db, proposals, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  if (!comptoir_db_commit (db, error))
    return FALSE;
  if (out_applied != NULL)
    *out_applied = g_steal_pointer (&proposals);
  return TRUE;
}

static gboolean
set_markup (ComptoirDb  *db,
            const char  *table,
            const char  *row_id,
            int          markup_bp,
            GError     **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autofree char *known = NULL;

  if (markup_bp < -1 || markup_bp > MAX_MARKUP_BP)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the markup in basis points, from 0 to 100000: 2000 sells at 1.20 times "
                             "the purchase price excluding VAT."));
      return FALSE;
    }
  if (!_comptoir_db_lookup_text (db, sql, row_id, NULL, &known, error))
    return FALSE;
  if (known == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This product or category no longer exists. Choose another one."));
      return FALSE;
    }

  change = comptoir_change_new (table, row_id);
  if (markup_bp >= 0)
    comptoir_change_set_int (change, "markup_bp", markup_bp);
  else
    comptoir_change_set_null (change, "markup_bp");
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_pricing_set_product_markup (ComptoirDb  *db,
                                     const char  *product_id,
                                     int          markup_bp,
                                     GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product_id != NULL, FALSE);
  return set_markup (db, "product", product_id, markup_bp, error);
}

gboolean
comptoir_pricing_set_category_markup (ComptoirDb  *db,
                                      const char  *category_id,
                                      int          markup_bp,
                                      GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (category_id != NULL, FALSE);
  return set_markup (db, "category", category_id, markup_bp, error);
}
