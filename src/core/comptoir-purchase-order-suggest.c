/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-purchase-order"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "comptoir-purchase-order-private.h"
#include "comptoir-stock.h"
#include "comptoir-supplier-private.h"

/* Suggested quantities, the rule a person can check by hand:
 *
 * - the order made now arrives after the supplier's lead time; the next
 *   one is made on the supplier's next order day after today (tomorrow
 *   when the supplier takes orders any day) and arrives after the same
 *   lead time. What is ordered now must therefore last from now until
 *   that next delivery: cover_days = days to the next order day + lead
 *   days (the stock in hand bridges the wait for this order's delivery);
 * - plus MARGIN_DAYS of sales, for a delivery a day or two late or a
 *   good week;
 * - at the average daily sales of the last N weeks (sales less refunds,
 *   from the stock movements the till writes);
 * - less the stock (a negative stock, a drift to correct by counting,
 *   counts as none) and what orders sent and not yet received bring;
 * - rounded up to whole packs.
 *
 * Everything is integer milli-units: the daily rate is never rounded
 * before it is multiplied by the days, and the need is rounded up. */

#define MARGIN_DAYS 2
#define MAX_WEEKS   104

void
comptoir_order_suggestion_free (ComptoirOrderSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->supplier_product_id);
  g_free (suggestion->product_id);
  g_free (suggestion->supplier_ref);
  g_free (suggestion->name);
  g_free (suggestion->explanation);
  g_free (suggestion);
}

/* Days from today to the next day the supplier takes orders, today
 * excluded (this order is the one made today). */
static int
days_to_next_order (GDateTime        *local_now,
                    ComptoirWeekdays  days)
{
  int weekday = g_date_time_get_day_of_week (local_now);

  if ((days & COMPTOIR_WEEKDAYS_ALL) == 0)
    return 1;
  for (int k = 1; k <= 7; k++)
    if (days & COMPTOIR_WEEKDAY_BIT ((weekday - 1 + k) % 7 + 1))
      return k;
  g_assert_not_reached ();
}

static gint64
div_round_up (gint64 numerator,
              gint64 denominator)
{
  return numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
}

/* Sums one column per product for the supplier's products into table
 * (product id → gint64*). */
static gboolean
sum_per_product (ComptoirDb  *db,
                 const char  *sql,
                 const char  *supplier_id,
                 const char  *since,
                 GHashTable  *table,
                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);
  if (since != NULL)
    sqlite3_bind_text (stmt, 2, since, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *value = g_new (gint64, 1);

      *value = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (table, _comptoir_db_column_dup (stmt, 0), value);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
lookup_sum (GHashTable *table,
            const char *product_id)
{
  gint64 *value = g_hash_table_lookup (table, product_id);

  return value != NULL ? *value : 0;
}

/* Sales of the window by the movements' time index (0015): a few weeks
 * of the whole shop's movements read in one range. Movements have no
 * product index (0008 took it off the sale's commit path) and tickets
 * no index on their time, so ticket lines would be read for the whole
 * history; bench/comptoir-bench-orders.c measures the difference.
 * Refunds are positive movements: they come off the sales. */
static const char sales_sql[] =
  "SELECT m.product_id, -sum (m.quantity_milli) FROM stock_movement m INDEXED BY stock_movement_at "
  "WHERE m.at >= ?2 AND m.reason IN ('sale', 'refund') AND m.product_id IN "
  "  (SELECT product_id FROM supplier_product WHERE supplier_id = ?1 AND product_id IS NOT NULL) "
  "GROUP BY m.product_id";

/* Brought by orders sent and not received yet, from any supplier. */
static const char on_order_sql[] =
  "SELECT coalesce (l.product_id, sp.product_id), sum (l.quantity_milli) "
  "FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id "
  "JOIN supplier_product sp ON sp.id = l.supplier_product_id "
  "WHERE o.status = 'sent' AND coalesce (l.product_id, sp.product_id) IN "
  "  (SELECT product_id FROM supplier_product WHERE supplier_id = ?1 AND product_id IS NOT NULL) "
  "GROUP BY 1";

static char *
quantity_text (ComptoirUnit unit,
               gint64       milli)
{
  const char *mark = localeconv ()->decimal_point;

  return _comptoir_purchase_order_format_quantity (unit, milli, TRUE,
                                                   mark != NULL && mark[0] != '\0' && mark[1] == '\0'
                                                   ? mark[0] : '.');
}

static char *
days_text (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static char *
packs_text (const ComptoirOrderSuggestion *s)
{
  g_autofree char *pack = NULL;

  if (s->unit == COMPTOIR_UNIT_PIECE && s->pack_milli == 1000)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld unit", "%lld units", s->packs),
                            (long long) s->packs);
  pack = quantity_text (s->unit, s->pack_milli);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld case of %s", "%lld cases of %s", s->packs),
                          (long long) s->packs, pack);
}

/* "Sold 12 a week over the last 8 weeks, 5 in stock; 19 needed until the
 * next order’s delivery in 5 days, with 2 days of margin → 4 cases of 6." */
static char *
explain (const ComptoirOrderSuggestion *s)
{
  g_autofree char *weekly = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *on_order = NULL;
  g_autofree char *sold = NULL;
  g_autofree char *in_stock = NULL;
  g_autofree char *needed = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *packs = NULL;

  if (s->sold_milli <= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Not sold in the last week: nothing to order.",
                                         "Not sold in the last %u weeks: nothing to order.", s->weeks),
                            s->weeks);

  weekly = quantity_text (s->unit, (s->sold_milli + s->weeks / 2) / s->weeks);
  sold = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Sold %s a week over the last week",
                                       "Sold %s a week over the last %u weeks", s->weeks),
                          weekly, s->weeks);
  stock = quantity_text (s->unit, s->stock_milli);
  if (s->on_order_milli > 0)
    {
      on_order = quantity_text (s->unit, s->on_order_milli);
      in_stock = g_strdup_printf (_("%s in stock and %s on order"), stock, on_order);
    }
  else
    in_stock = g_strdup_printf (_("%s in stock"), stock);
  cover = days_text (s->cover_days);
  margin = days_text (s->margin_days);

  if (s->packs == 0)
    /* Translators: "Sold 3 a week over the last 8 weeks, 12 in stock:
     * enough until the next order’s delivery in 5 days, with 2 days of
     * margin." */
    return g_strdup_printf (_("%s, %s: enough until the next order’s delivery in %s, with %s of margin."),
                            sold, in_stock, cover, margin);

  needed = quantity_text (s->unit, s->needed_milli);
  packs = packs_text (s);
  /* Translators: "Sold 12 a week over the last 8 weeks, 5 in stock; 19
   * needed until the next order’s delivery in 9 days, with 2 days of
   * margin → 4 cases of 6." */
  return g_strdup_printf (_("%s, %s; %s needed until the next order’s delivery in %s, with %s of margin → %s."),
                          sold, in_stock, needed, cover, margin, packs);
}

static void
compute (ComptoirOrderSuggestion *s)
{
  gint64 window_days = 7 * (gint64) s->weeks;
  gint64 demand;

  if (s->stock_milli < 0)
    s->stock_milli = 0;
  demand = s->sold_milli > 0 ? div_round_up (s->sold_milli * (s->cover_days + s->margin_days), window_days) : 0;
  s->needed_milli = MAX (demand - s->stock_milli - s->on_order_milli, 0);
  s->packs = div_round_up (s->needed_milli, s->pack_milli);
  s->quantity_milli = s->packs * s->pack_milli;
  s->explanation = explain (s);
}

gboolean
comptoir_purchase_order_suggest (ComptoirDb   *db,
                                 const char   *supplier_id,
                                 guint         weeks,
                                 GDateTime    *now,
                                 GPtrArray   **out,
                                 GError      **error)
{
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (GDateTime) clock = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_local (clock);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (clock);
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GHashTable) sales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) on_order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *since = NULL;
  int cover_days, rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_id != NULL && out != NULL, FALSE);

  if (weeks < 1 || weeks > MAX_WEEKS)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Base the suggestion on 1 to %d weeks of sales; 8 is usual."), MAX_WEEKS);
      return FALSE;
    }
  if (!comptoir_supplier_load (db, supplier_id, &supplier, error))
    return FALSE;

  start = g_date_time_add_days (utc, -7 * (int) weeks);
  since = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S.%fZ");
  cover_days = days_to_next_order (local, supplier.order_days) + supplier.lead_days;

  /* One read, so that the sales, the stock and the orders agree. */
  if (!comptoir_db_begin (db, error))
    return FALSE;
  /* The stock is the sum of the movements (DESIGN.md), read from the
   * balances they prove once the movements waiting are folded in. */
  if (!sum_per_product (db, sales_sql, supplier_id, since, sales, error) ||
      !sum_per_product (db, on_order_sql, supplier_id, NULL, on_order, error) ||
      !comptoir_stock_fold (db, NULL, error))
    goto fail;

  stmt = comptoir_db_prepare (db,
                              "SELECT sp.id, sp.product_id, sp.supplier_ref, p.name, p.unit, sp.pack_milli, "
                              "  sp.price_cents "
                              "FROM supplier_product sp JOIN product p ON p.id = sp.product_id "
                              "WHERE sp.supplier_id = ?1 AND sp.active AND p.active "
                              "ORDER BY p.sort_key, sp.pack_milli, sp.rowid",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_order_suggestion_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirOrderSuggestion *s;
      ComptoirStock stock;
      const char *product_id = (const char *) sqlite3_column_text (stmt, 1);

      /* Two lines for one product (a case of 6 and one of 12): the
       * smaller case is suggested, once. */
      if (g_hash_table_contains (seen, product_id))
        continue;

      s = g_new0 (ComptoirOrderSuggestion, 1);
      s->supplier_product_id = _comptoir_db_column_dup (stmt, 0);
      s->product_id = g_strdup (product_id);
      s->supplier_ref = _comptoir_db_column_dup (stmt, 2);
      s->name = _comptoir_db_column_dup (stmt, 3);
      s->unit = COMPTOIR_UNIT_PIECE;
      comptoir_unit_from_string ((const char *) sqlite3_column_text (stmt, 4), &s->unit);
      s->pack_milli = sqlite3_column_int64 (stmt, 5);
      s->price_cents = _comptoir_db_column_int_or (stmt, 6, -1);
      s->weeks = weeks;
      s->sold_milli = lookup_sum (sales, s->product_id);
      if (!comptoir_stock_get (db, s->product_id, &stock, error))
        {
          comptoir_order_suggestion_free (s);
          goto fail;
        }
      s->stock_milli = stock.quantity_milli;
      s->on_order_milli = lookup_sum (on_order, s->product_id);
      s->cover_days = cover_days;
      s->margin_days = MARGIN_DAYS;
      compute (s);
      g_hash_table_add (seen, s->product_id);
      g_ptr_array_add (suggestions, s);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      goto fail;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);
  if (!comptoir_db_commit (db, error))
    return FALSE;

  *out = g_steal_pointer (&suggestions);
  return TRUE;

fail:
  g_clear_pointer (&stmt, comptoir_stmt_release);
  comptoir_db_rollback (db);
  return FALSE;
}

static gboolean
fill_from_suggestions (ComptoirDb  *db,
                       const char  *supplier_id,
                       const char  *order_id,
                       GPtrArray   *suggestions,
                       GError     **error)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      ComptoirOrderSuggestion *s = g_ptr_array_index (suggestions, i);
      g_auto (ComptoirSupplierProduct) line = { 0 };

      if (s->packs <= 0)
        continue;
      if (!comptoir_supplier_product_load (db, s->supplier_product_id, &line, error))
        return FALSE;
      if (g_strcmp0 (line.supplier_id, supplier_id) != 0)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” is in another supplier’s catalogue. Order it from that supplier."), line.name);
          return FALSE;
        }
      if (!_comptoir_purchase_order_write_line (db, order_id, &line, s->packs, s->quantity_milli,
                                                s->explanation, error))
        return FALSE;
    }
  return TRUE;
}

char *
comptoir_purchase_order_create_from_suggestions (ComptoirDb  *db,
                                                 const char  *supplier_id,
                                                 GPtrArray   *suggestions,
                                                 GError     **error)
{
  g_autofree char *order_id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (supplier_id != NULL && suggestions != NULL, NULL);

  /* The order and its lines at once: a half-filled draft would be taken
   * for what the suggestion said. */
  if (!comptoir_db_begin (db, error))
    return NULL;
  order_id = comptoir_purchase_order_create (db, supplier_id, error);
  if (order_id == NULL || !fill_from_suggestions (db, supplier_id, order_id, suggestions, error))
    {
      comptoir_db_rollback (db);
      return NULL;
    }
  if (!comptoir_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&order_id);
}
