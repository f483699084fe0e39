/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

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

char *
comptoir_pricing_format_coefficient_local (int markup_bp)
{
  char *text = comptoir_pricing_format_coefficient (markup_bp);
  const char *mark = localeconv ()->decimal_point;
  char *dot = strchr (text, '.');

  if (dot != NULL && mark != NULL && mark[0] != '\0' && mark[1] == '\0')
    *dot = mark[0];
  return text;
}

/* Spaces as people and spreadsheets type them: plain, no-break, narrow
 * no-break. */
static const char *
skip_spaces (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if (g_str_has_prefix (p, "\xc2\xa0"))
        p += 2;
      else if (g_str_has_prefix (p, "\xe2\x80\xaf"))
        p += 3;
      else
        return p;
    }
}

gboolean
comptoir_pricing_parse_coefficient (const char  *text,
                                    int         *out_bp,
                                    GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = skip_spaces (text != NULL ? text : "");
  gint64 units = 0, decimals = 0;
  guint n_units = 0, n_decimals = 0;
  gint64 coefficient;  /* in ten-thousandths */

  g_return_val_if_fail (out_bp != NULL, FALSE);

  /* "×1,3", "x 1.3", "*1.3": the sign people write before a coefficient. */
  if (g_str_has_prefix (p, "\xc3\x97"))
    p = skip_spaces (p + 2);
  else if (*p == 'x' || *p == 'X' || *p == '*')
    p = skip_spaces (p + 1);
  for (; g_ascii_isdigit (*p); p++)
    if (++n_units <= 6)
      units = units * 10 + (*p - '0');
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      if (++n_decimals <= 4)
        decimals = decimals * 10 + (*p - '0');
  p = skip_spaces (p);

  if (*p != '\0' || n_units + n_decimals == 0 || n_decimals > 4)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a coefficient: give the number the purchase price excluding VAT is "
                     "multiplied by, such as 1.20 or ×1.3 (at most four decimals)."),
                   typed);
      return FALSE;
    }
  for (guint i = n_decimals; i < 4; i++)
    decimals *= 10;
  coefficient = n_units > 6 ? G_MAXINT64 : units * 10000 + decimals;
  if (coefficient < 10000)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A coefficient of %s would sell below the purchase price: give 1 or more, such as 1.20."),
                   typed);
      return FALSE;
    }
  if (coefficient > 10000 + MAX_MARKUP_BP)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A coefficient of %s is more than 11 times the purchase price: give one from 1 to 11, "
                     "such as 1.20."),
                   typed);
      return FALSE;
    }
  *out_bp = (int) (coefficient - 10000);
  return TRUE;
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

/* Out of range (replicated from elsewhere, typed in a shell): the
 * nearest that is allowed. */
static int
shop_markup (ComptoirDb *db)
{
  return (int) CLAMP (comptoir_settings_get_int (db, COMPTOIR_SETTING_DEFAULT_MARKUP), 0, MAX_MARKUP_BP);
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
  gint64 shop;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  shop = shop_markup (db);
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
      gint64 markup = shop, purchase = sqlite3_column_int64 (stmt, 7), old = sqlite3_column_int64 (stmt, 3);
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

/* The first of the row's columns that is not NULL, in the order of
 * sources, else the shop's markup. */
static void
pick_markup (ComptoirDb            *db,
             sqlite3_stmt          *stmt,
             ComptoirMarkupSource   first,
             int                   *out_markup_bp,
             ComptoirMarkupSource  *out_source)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
      {
        *out_markup_bp = CLAMP (sqlite3_column_int (stmt, i), 0, MAX_MARKUP_BP);
        *out_source = (ComptoirMarkupSource) (first + i);
        return;
      }
  *out_markup_bp = shop_markup (db);
  *out_source = COMPTOIR_MARKUP_FROM_SHOP;
}

static gboolean
get_markup (ComptoirDb            *db,
            const char            *sql,
            const char            *row_id,
            ComptoirMarkupSource   first,
            int                   *out_markup_bp,
            ComptoirMarkupSource  *out_source,
            GError               **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This product or category no longer exists. Choose another one."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  pick_markup (db, stmt, first, out_markup_bp, out_source);
  return TRUE;
}

gboolean
comptoir_pricing_get_product_markup (ComptoirDb            *db,
                                     const char            *product_id,
                                     int                   *out_markup_bp,
                                     ComptoirMarkupSource  *out_source,
                                     GError               **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product_id != NULL && out_markup_bp != NULL && out_source != NULL, FALSE);

  return get_markup (db,
                     "SELECT p.markup_bp, c.markup_bp FROM product p "
                     "LEFT JOIN category c ON c.id = p.category_id WHERE p.id = ?1",
                     product_id, COMPTOIR_MARKUP_FROM_PRODUCT, out_markup_bp, out_source, error);
}

gboolean
comptoir_pricing_get_category_markup (ComptoirDb            *db,
                                      const char            *category_id,
                                      int                   *out_markup_bp,
                                      ComptoirMarkupSource  *out_source,
                                      GError               **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out_markup_bp != NULL && out_source != NULL, FALSE);

  if (category_id == NULL)
    {
      *out_markup_bp = shop_markup (db);
      *out_source = COMPTOIR_MARKUP_FROM_SHOP;
      return TRUE;
    }
  return get_markup (db, "SELECT markup_bp FROM category WHERE id = ?1", category_id,
                     COMPTOIR_MARKUP_FROM_CATEGORY, out_markup_bp, out_source, error);
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
