/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-inventory"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-inventory.h"
#include "comptoir-quantity.h"
#include "comptoir-scan.h"
#include "comptoir-stock-private.h"

/* A count is reference data (its status merges field by field); its
 * entries are facts, so that two people counting on two machines add
 * up. See comptoir-inventory.h for what validation posts. */

static const char * const statuses[] = { "open", "validated", "cancelled" };

void
comptoir_inventory_count_clear (ComptoirInventoryCount *count)
{
  g_clear_pointer (&count->id, g_free);
  g_clear_pointer (&count->label, g_free);
  g_clear_pointer (&count->category_id, g_free);
  g_clear_pointer (&count->category_name, g_free);
  g_clear_pointer (&count->started_at, g_free);
  g_clear_pointer (&count->validated_at, g_free);
}

static void
count_free (gpointer count)
{
  comptoir_inventory_count_clear (count);
  g_free (count);
}

#define COUNT_SQL \
  "SELECT c.id, c.label, c.category_id, g.name, c.started_at, c.status, c.validated_at " \
  "FROM inventory_count c LEFT JOIN category g ON g.id = c.category_id "

static void
read_count (sqlite3_stmt *stmt,
            gpointer      data)
{
  ComptoirInventoryCount *out = data;
  const char *status = (const char *) sqlite3_column_text (stmt, 5);

  out->id = _comptoir_db_column_dup (stmt, 0);
  out->label = _comptoir_db_column_dup (stmt, 1);
  out->category_id = _comptoir_db_column_dup (stmt, 2);
  out->category_name = _comptoir_db_column_dup (stmt, 3);
  out->started_at = _comptoir_db_column_dup (stmt, 4);
  out->status = COMPTOIR_INVENTORY_OPEN;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      out->status = (ComptoirInventoryStatus) i;
  out->validated_at = _comptoir_db_column_dup (stmt, 6);
}

gboolean
comptoir_inventory_get (ComptoirDb              *db,
                        const char              *count_id,
                        ComptoirInventoryCount  *out,
                        GError                 **error)
{
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!_comptoir_db_query_row (db, COUNT_SQL "WHERE c.id = ?1", count_id, NULL, read_count, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No inventory count has the identifier %s: choose the count again from the list."),
                 count_id != NULL ? count_id : "");
  return found;
}

GPtrArray *
comptoir_inventory_list_counts (ComptoirDb  *db,
                                GError     **error)
{
  g_autoptr (GPtrArray) counts = g_ptr_array_new_with_free_func (count_free);
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, COUNT_SQL "ORDER BY c.started_at DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirInventoryCount *count = g_new0 (ComptoirInventoryCount, 1);

      read_count (stmt, count);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static gboolean
check_open (const ComptoirInventoryCount  *count,
            GError                       **error)
{
  switch (count->status)
    {
    case COMPTOIR_INVENTORY_VALIDATED:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The count “%s” is validated: start a new count to count again."), count->label);
      return FALSE;
    case COMPTOIR_INVENTORY_CANCELLED:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The count “%s” was cancelled: start a new count."), count->label);
      return FALSE;
    case COMPTOIR_INVENTORY_OPEN:
    default:
      return TRUE;
    }
}

static gboolean
load_open (ComptoirDb              *db,
           const char              *count_id,
           ComptoirInventoryCount  *out,
           GError                 **error)
{
  return comptoir_inventory_get (db, count_id, out, error) && check_open (out, error);
}

char *
comptoir_inventory_start (ComptoirDb  *db,
                          const char  *label,
                          const char  *category_id,
                          GError     **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree char *at = comptoir_timestamp_now ();
  g_autofree char *category = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the count a name that says what is counted, such as “Dry goods aisle”."));
      return NULL;
    }
  if (category_id != NULL)
    {
      if (!_comptoir_db_lookup_text (db, "SELECT name FROM category WHERE id = ?1", category_id, NULL, &category,
                                     error))
        return NULL;
      if (category == NULL)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                       _("No category has the identifier %s: choose the category again."), category_id);
          return NULL;
        }
    }

  change = comptoir_change_new ("inventory_count", NULL);
  comptoir_change_set_text (change, "label", trimmed);
  comptoir_change_set_text (change, "category_id", category_id);
  comptoir_change_set_text (change, "started_at", at);
  comptoir_change_set_text (change, "status", "open");
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return NULL;
  return g_strdup (comptoir_change_get_row_id (change));
}

typedef struct {
  const char *count_id;
  const char *product_id;
  gint64      quantity_milli;
} Entry;

static gboolean
add_in_transaction (ComptoirDb  *db,
                    gpointer     user_data,
                    GError     **error)
{
  const Entry *entry = user_data;
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *unit_text = NULL;
  g_autofree char *at = comptoir_timestamp_now ();

  if (!load_open (db, entry->count_id, &count, error) ||
      !_comptoir_db_lookup_text (db, "SELECT unit FROM product WHERE id = ?1", entry->product_id, NULL, &unit_text,
                                 error))
    return FALSE;
  if (unit_text == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the identifier %s: look the product up again."), entry->product_id);
      return FALSE;
    }

  if (entry->quantity_milli < 0)
    {
      g_autoptr (ComptoirStmt) stmt =
        comptoir_db_prepare (db, "SELECT coalesce (sum (quantity_milli), 0) FROM inventory_entry "
                                 "WHERE count_id = ?1 AND product_id = ?2", error);
      gint64 so_far;
      ComptoirUnit unit = COMPTOIR_UNIT_PIECE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entry->count_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entry->product_id, -1, SQLITE_STATIC);
      if (!comptoir_db_step_done (db, stmt, error))
        return FALSE;
      so_far = sqlite3_column_int64 (stmt, 0);
      if (so_far + entry->quantity_milli < 0)
        {
          g_autofree char *text = NULL;

          comptoir_unit_from_string (unit_text, &unit);
          text = comptoir_quantity_format (unit, so_far);
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The product was counted %s so far: a correction cannot take its count below 0."), text);
          return FALSE;
        }
    }

  change = comptoir_change_new ("inventory_entry", NULL);
  comptoir_change_set_text (change, "count_id", entry->count_id);
  comptoir_change_set_text (change, "product_id", entry->product_id);
  comptoir_change_set_int (change, "quantity_milli", entry->quantity_milli);
  comptoir_change_set_text (change, "at", at);
  comptoir_change_set_text (change, "device_id", comptoir_db_get_device_id (db));
  return comptoir_db_insert_fact (db, change, error);
}

gboolean
comptoir_inventory_add (ComptoirDb  *db,
                        const char  *count_id,
                        const char  *product_id,
                        gint64       quantity_milli,
                        GError     **error)
{
  Entry entry = { count_id, product_id, quantity_milli };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (count_id != NULL && product_id != NULL, FALSE);

  return comptoir_db_transaction (db, add_in_transaction, &entry, error);
}

ComptoirProduct *
comptoir_inventory_add_code (ComptoirCatalog     *catalog,
                             ComptoirScaleRules  *rules,
                             const char          *count_id,
                             const char          *code,
                             gint64               quantity_milli,
                             GError             **error)
{
  g_auto (ComptoirScan) scan = { 0 };
  ComptoirDb *db = comptoir_catalog_get_db (catalog);

  g_return_val_if_fail (COMPTOIR_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!comptoir_scan_resolve (catalog, rules, code, &scan, error))
    return NULL;
  if (scan.product == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s is a member's card, not a product: scan the product."), code);
      return NULL;
    }
  if (quantity_milli == COMPTOIR_INVENTORY_QUANTITY_FROM_CODE)
    {
      if (scan.needs_weight)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("%s is sold by weight: type the weight counted."),
                       comptoir_product_get_name (scan.product));
          return NULL;
        }
      quantity_milli = scan.quantity_milli;
    }
  if (!comptoir_inventory_add (db, count_id, comptoir_product_get_id (scan.product), quantity_milli, error))
    return NULL;
  return g_object_ref (scan.product);
}

void
comptoir_inventory_line_free (ComptoirInventoryLine *line)
{
  if (line == NULL)
    return;
  g_free (line->product_id);
  g_free (line->code);
  g_free (line->name);
  g_free (line->last_counted_at);
  g_free (line);
}

/* A counted product while its line is computed: the stock first, so
 * that the map given to _comptoir_stock_get_many finds it. */
typedef struct {
  ComptoirStock          stock;
  gint64                 after;  /* its movements after its last entry */
  ComptoirInventoryLine *line;
} Counted;

static gint64
value_of (gint64 quantity_milli,
          gint64 average_cost_cents)
{
  return average_cost_cents >= 0 ? _comptoir_stock_mul_div (quantity_milli, average_cost_cents, 1000) : 0;
}

/* The count's lines, by name, with expected as comptoir-inventory.h
 * says: stock now, less what moved after each product was counted
 * (read through the index on `at`, from the first entry on). */
static GPtrArray *
compute_lines (ComptoirDb  *db,
               const char  *count_id,
               GError     **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_inventory_line_free);
  g_autoptr (GHashTable) counted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (ComptoirStmt) entries = NULL;
  g_autoptr (ComptoirStmt) after = NULL;
  g_autofree char *earliest = NULL;
  int rc;

  entries = comptoir_db_prepare (db,
                                 "SELECT e.product_id, p.code, p.name, p.unit, sum (e.quantity_milli), max (e.at), "
                                 "min (e.at) FROM inventory_entry e JOIN product p ON p.id = e.product_id "
                                 "WHERE e.count_id = ?1 GROUP BY e.product_id ORDER BY p.sort_key, p.code",
                                 error);
  if (entries == NULL)
    return NULL;
  sqlite3_bind_text (entries, 1, count_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      ComptoirInventoryLine *line = g_new0 (ComptoirInventoryLine, 1);
      Counted *c = g_new0 (Counted, 1);
      const char *first = (const char *) sqlite3_column_text (entries, 6);

      line->product_id = g_strdup ((const char *) sqlite3_column_text (entries, 0));
      line->code = g_strdup ((const char *) sqlite3_column_text (entries, 1));
      line->name = g_strdup ((const char *) sqlite3_column_text (entries, 2));
      if (!comptoir_unit_from_string ((const char *) sqlite3_column_text (entries, 3), &line->unit))
        line->unit = COMPTOIR_UNIT_PIECE;
      line->counted_milli = sqlite3_column_int64 (entries, 4);
      line->last_counted_at = g_strdup ((const char *) sqlite3_column_text (entries, 5));
      if (earliest == NULL || strcmp (first, earliest) < 0)
        {
          g_free (earliest);
          earliest = g_strdup (first);
        }
      c->line = line;
      g_ptr_array_add (lines, line);
      g_hash_table_insert (counted, line->product_id, c);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  if (lines->len == 0)
    return g_steal_pointer (&lines);

  if (!_comptoir_stock_get_many (db, counted, error))
    return NULL;

  after = comptoir_db_prepare (db, "SELECT product_id, quantity_milli, at FROM stock_movement WHERE at > ?1", error);
  if (after == NULL)
    return NULL;
  sqlite3_bind_text (after, 1, earliest, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (after)) == SQLITE_ROW)
    {
      Counted *c = g_hash_table_lookup (counted, sqlite3_column_text (after, 0));

      if (c != NULL && strcmp ((const char *) sqlite3_column_text (after, 2), c->line->last_counted_at) > 0)
        c->after += sqlite3_column_int64 (after, 1);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      Counted *c = g_hash_table_lookup (counted, line->product_id);

      line->expected_milli = c->stock.quantity_milli - c->after;
      line->difference_milli = line->counted_milli - line->expected_milli;
      line->difference_cents = value_of (line->difference_milli, c->stock.average_cost_cents);
    }
  return g_steal_pointer (&lines);
}

GPtrArray *
comptoir_inventory_list (ComptoirDb  *db,
                         const char  *count_id,
                         GError     **error)
{
  g_auto (ComptoirInventoryCount) count = { 0 };
  GPtrArray *lines;
  gboolean began = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!comptoir_inventory_get (db, count_id, &count, error))
    return NULL;
  /* Stock now and the movements since each count from one snapshot, so
   * that a sale committed meanwhile is in both or in neither. */
  _comptoir_stock_fold_if_long (db);
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return NULL;
  lines = compute_lines (db, count_id, error);
  _comptoir_stock_snapshot_end (db, began);
  return lines;
}

void
comptoir_inventory_result_clear (ComptoirInventoryResult *result)
{
  g_clear_pointer (&result->uncounted, g_ptr_array_unref);
}

/* The category's products not counted whose stock is not 0, and their
 * average costs (gint64, -1 unknown) in out_costs, for zeroing them. */
static GPtrArray *
find_uncounted (ComptoirDb   *db,
                const char   *count_id,
                const char   *category_id,
                GArray       *out_costs,
                GError      **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_item_free);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_item_free);
  g_autoptr (GHashTable) stocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT p.id, p.code, p.name, p.unit FROM product p WHERE p.category_id = ?1 "
                         "AND p.id NOT IN (SELECT product_id FROM inventory_entry WHERE count_id = ?2) "
                         "ORDER BY p.sort_key, p.code",
                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, category_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, count_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirStockItem *item = _comptoir_stock_item_new (stmt);

      g_ptr_array_add (all, item);
      g_hash_table_insert (stocks, item->product_id, g_new0 (ComptoirStock, 1));
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  if (!_comptoir_stock_get_many (db, stocks, error))
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      ComptoirStockItem *item = g_ptr_array_index (all, i);
      const ComptoirStock *stock = g_hash_table_lookup (stocks, item->product_id);

      if (stock->quantity_milli == 0)
        continue;
      item->quantity_milli = stock->quantity_milli;
      item->value_cents = stock->value_cents;
      g_array_append_val (out_costs, stock->average_cost_cents);
      g_ptr_array_add (items, item);
      all->pdata[i] = NULL;  /* moved to items */
    }
  return g_steal_pointer (&items);
}

GPtrArray *
comptoir_inventory_list_uncounted (ComptoirDb  *db,
                                   const char  *count_id,
                                   GError     **error)
{
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GArray) costs = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *items;
  gboolean began = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!comptoir_inventory_get (db, count_id, &count, error))
    return NULL;
  if (count.category_id == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_item_free);
  /* The products and their stock from one snapshot, as validation
   * reads them in its transaction. */
  _comptoir_stock_fold_if_long (db);
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return NULL;
  items = find_uncounted (db, count_id, count.category_id, costs, error);
  _comptoir_stock_snapshot_end (db, began);
  return items;
}

typedef struct {
  const char              *count_id;
  ComptoirInventoryFlags   flags;
  ComptoirInventoryResult *out;
} Validate;

static gboolean
validate_in_transaction (ComptoirDb  *db,
                         gpointer     user_data,
                         GError     **error)
{
  Validate *v = user_data;
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GArray) moves = g_array_new (FALSE, FALSE, sizeof (ComptoirStockMove));
  g_autoptr (GArray) costs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *at = NULL;
  gboolean zero = (v->flags & COMPTOIR_INVENTORY_ZERO_UNCOUNTED) != 0;

  if (!load_open (db, v->count_id, &count, error))
    return FALSE;
  if (zero && count.category_id == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The count “%s” has no category: only the count of a whole category can set what "
                     "was not counted to 0."),
                   count.label);
      return FALSE;
    }
  if (!(lines = compute_lines (db, v->count_id, error)))
    return FALSE;
  if (lines->len == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Nothing was counted in “%s”: count products first, or cancel the count."), count.label);
      return FALSE;
    }

  v->out->n_counted = lines->len;
  for (guint i = 0; i < lines->len; i++)
    {
      ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      ComptoirStockMove move = { line->product_id, line->difference_milli, "inventory", v->count_id, -1 };

      if (line->difference_milli == 0)
        continue;
      g_array_append_val (moves, move);
      v->out->n_adjusted++;
      v->out->difference_cents += line->difference_cents;
    }

  if (count.category_id != NULL)
    {
      if (!(v->out->uncounted = find_uncounted (db, v->count_id, count.category_id, costs, error)))
        return FALSE;
      for (guint i = 0; zero && i < v->out->uncounted->len; i++)
        {
          ComptoirStockItem *item = g_ptr_array_index (v->out->uncounted, i);
          ComptoirStockMove move = { item->product_id, -item->quantity_milli, "inventory", v->count_id, -1 };

          g_array_append_val (moves, move);
          v->out->n_adjusted++;
          v->out->difference_cents -= value_of (item->quantity_milli, g_array_index (costs, gint64, i));
        }
      v->out->uncounted_zeroed = zero && v->out->uncounted->len > 0;
    }

  if (!_comptoir_stock_post_full (db, (ComptoirStockMove *) (gpointer) moves->data, moves->len, NULL, NULL, error))
    return FALSE;

  at = comptoir_timestamp_now ();
  change = comptoir_change_new ("inventory_count", v->count_id);
  comptoir_change_set_text (change, "status", "validated");
  comptoir_change_set_text (change, "validated_at", at);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_inventory_validate (ComptoirDb               *db,
                             const char               *count_id,
                             ComptoirInventoryFlags    flags,
                             ComptoirInventoryResult  *out,
                             GError                  **error)
{
  ComptoirInventoryResult local = { 0 };
  Validate v = { count_id, flags, &local };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (count_id != NULL, FALSE);

  /* Stock read, differences posted and the count closed in one
   * transaction: no sale can slip between reading and posting. */
  if (!comptoir_db_transaction (db, validate_in_transaction, &v, error))
    {
      comptoir_inventory_result_clear (&local);
      return FALSE;
    }
  if (local.uncounted == NULL)
    local.uncounted = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_item_free);
  if (out != NULL)
    *out = local;
  else
    comptoir_inventory_result_clear (&local);
  return TRUE;
}

static gboolean
cancel_in_transaction (ComptoirDb  *db,
                       gpointer     user_data,
                       GError     **error)
{
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (ComptoirChange) change = NULL;

  if (!load_open (db, user_data, &count, error))
    return FALSE;
  change = comptoir_change_new ("inventory_count", count.id);
  comptoir_change_set_text (change, "status", "cancelled");
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_inventory_cancel (ComptoirDb  *db,
                           const char  *count_id,
                           GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (count_id != NULL, FALSE);

  return comptoir_db_transaction (db, cancel_in_transaction, (gpointer) count_id, error);
}
