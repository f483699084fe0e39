/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock"

#include "config.h"

#include <string.h>

#include "comptoir-stock-private.h"

/* comptoir_stock_check: every balance recomputed from the movements it
 * covers, with the same rules, and compared. */

void
comptoir_stock_mismatch_free (ComptoirStockMismatch *mismatch)
{
  if (mismatch == NULL)
    return;
  g_free (mismatch->product_id);
  g_free (mismatch);
}

static gboolean
same_stock (const ComptoirStock *a,
            const ComptoirStock *b)
{
  return a->quantity_milli == b->quantity_milli && a->value_cents == b->value_cents &&
         a->average_cost_cents == b->average_cost_cents && strcmp (a->last_in, b->last_in) == 0 &&
         strcmp (a->last_out, b->last_out) == 0;
}

static void
add_mismatch (GPtrArray           *mismatches,
              const char          *product_id,
              const ComptoirStock *stored,
              const ComptoirStock *expected)
{
  ComptoirStockMismatch *mismatch = g_new0 (ComptoirStockMismatch, 1);

  mismatch->product_id = g_strdup (product_id);
  mismatch->stored_quantity_milli = stored->quantity_milli;
  mismatch->expected_quantity_milli = expected->quantity_milli;
  mismatch->stored_value_cents = stored->value_cents;
  mismatch->expected_value_cents = expected->value_cents;
  g_ptr_array_add (mismatches, mismatch);
}

static int
compare_mismatches (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(ComptoirStockMismatch * const *) a)->product_id,
                 (*(ComptoirStockMismatch * const *) b)->product_id);
}

static gboolean
check_in_snapshot (ComptoirDb  *db,
                   GPtrArray   *mismatches,
                   GError     **error)
{
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  ComptoirStock nothing;
  gint64 upto = 0, last = 0;
  int rc;

  /* The balances cover the movements up to the watermark; the tail is
   * not theirs to prove. */
  if (!_comptoir_stock_load_fold_state (db, &upto, NULL, error) ||
      (upto > 0 && !_comptoir_stock_replay (db, 0, upto, FALSE, expected, &last, NULL, error)))
    return FALSE;

  stmt = comptoir_db_prepare (db, "SELECT product_id, " COMPTOIR_STOCK_BALANCE_COLUMNS " FROM stock_balance", error);
  if (stmt == NULL)
    return FALSE;
  _comptoir_stock_init (&nothing);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *product_id = (const char *) sqlite3_column_text (stmt, 0);
      ComptoirStock stored, *computed = g_hash_table_lookup (expected, product_id);

      _comptoir_stock_init (&stored);
      _comptoir_stock_read_balance (stmt, 1, &stored);
      if (!same_stock (&stored, computed != NULL ? computed : &nothing))
        add_mismatch (mismatches, product_id, &stored, computed != NULL ? computed : &nothing);
      g_hash_table_remove (expected, product_id);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }

  /* Products that moved but have no balance. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_mismatch (mismatches, key, &nothing, value);
  g_ptr_array_sort (mismatches, compare_mismatches);
  return TRUE;
}

gboolean
comptoir_stock_check (ComptoirDb  *db,
                      GPtrArray  **mismatches,
                      GError     **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_mismatch_free);
  gboolean began = FALSE, ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (mismatches != NULL, FALSE);

  /* One read transaction, so that the watermark, the movements and the
   * balances are one snapshot; deferred, so that the tills keep
   * selling while a long history is replayed. */
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return FALSE;
  ok = check_in_snapshot (db, found, error);
  _comptoir_stock_snapshot_end (db, began);
  if (!ok)
    return FALSE;
  *mismatches = g_steal_pointer (&found);
  return TRUE;
}
