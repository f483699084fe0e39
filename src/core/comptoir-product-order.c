/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product-order"

#include "config.h"

#include <string.h>

#include "comptoir-product-order.h"
#include "comptoir-text.h"

/* Sorting the matches of a broad search ("bio": 30,000 of 100,000
 * products) in SQL costs a product lookup per match, 20 ms. Instead the
 * whole catalogue's order for a sort is read once (one index scan) and
 * kept as a rank per row id; a search then costs the bare FTS5 query plus
 * marking the matches in a bitset and sweeping it in rank order. The
 * ranks are rebuilt when any connection has changed the database. */

typedef struct {
  gint64 *rowid_at;   /* rank → row id */
  guint32 *rank_of;   /* row id → rank, G_MAXUINT32 when absent */
  guint   n;
  gint64  max_rowid;
} Order;

struct _ComptoirProductOrder
{
  Order  *orders[COMPTOIR_N_PRODUCT_SORTS][2];
  gint64  data_version;
  gint64  own_changes;
};

static void
order_free (Order *order)
{
  if (order == NULL)
    return;
  g_free (order->rowid_at);
  g_free (order->rank_of);
  g_free (order);
}

static void
drop_orders (ComptoirProductOrder *self)
{
  for (guint s = 0; s < COMPTOIR_N_PRODUCT_SORTS; s++)
    for (guint d = 0; d < 2; d++)
      g_clear_pointer (&self->orders[s][d], order_free);
}

ComptoirProductOrder *
comptoir_product_order_new (void)
{
  ComptoirProductOrder *self = g_new0 (ComptoirProductOrder, 1);

  self->data_version = -1;
  return self;
}

void
comptoir_product_order_free (ComptoirProductOrder *self)
{
  if (self == NULL)
    return;
  drop_orders (self);
  g_free (self);
}

static Order *
build_order (ComptoirDb          *db,
             ComptoirProductSort  sort,
             gboolean             descending,
             GError             **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 4096);
  Order *order;
  int rc;

  stmt = comptoir_db_prepare (db, comptoir_catalog_get_order_sql (sort, descending), error);
  if (stmt == NULL)
    return NULL;

  order = g_new0 (Order, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
      order->max_rowid = MAX (order->max_rowid, rowid);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      order_free (order);
      return NULL;
    }

  order->n = rowids->len;
  order->rowid_at = (gint64 *) g_array_free (g_steal_pointer (&rowids), FALSE);
  order->rank_of = g_new (guint32, order->max_rowid + 1);
  memset (order->rank_of, 0xff, (order->max_rowid + 1) * sizeof (guint32));
  for (guint i = 0; i < order->n; i++)
    order->rank_of[order->rowid_at[i]] = i;

  return order;
}

static gboolean
query_data_version (ComptoirDb  *db,
                    gint64      *out_version,
                    GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "PRAGMA data_version", error);

  if (stmt == NULL || !comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The matches of the FTS5 query, in the order's rank order. */
static GArray *
ordered_matches (ComptoirDb  *db,
                 Order       *order,
                 const char  *query,
                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, COMPTOIR_PRODUCT_FTS_SQL, error);
  guint n_words = (order->n + 63) / 64;
  g_autofree guint64 *bits = NULL;
  GArray *result;
  guint n_matches = 0;
  int rc;

  if (stmt == NULL)
    return NULL;

  bits = g_new0 (guint64, n_words + 1);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      guint32 rank;

      if (rowid < 0 || rowid > order->max_rowid)
        continue;
      rank = order->rank_of[rowid];
      if (rank == G_MAXUINT32)
        continue;
      bits[rank / 64] |= G_GUINT64_CONSTANT (1) << (rank % 64);
      n_matches++;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }

  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_matches);
  for (guint w = 0; w < n_words; w++)
    {
      guint64 word = bits[w];

      while (word != 0)
        {
          guint rank = w * 64 + __builtin_ctzll (word);
          g_array_append_val (result, order->rowid_at[rank]);
          word &= word - 1;
        }
    }

  return result;
}

static GArray *
search_in_snapshot (ComptoirProductOrder *self,
                    ComptoirDb           *db,
                    const char           *text,
                    ComptoirProductSort   sort,
                    gboolean              descending,
                    GError              **error)
{
  g_autofree char *query = comptoir_text_fts_query (text);
  gint64 version = 0;
  gint64 own = sqlite3_total_changes64 (comptoir_db_get_handle (db));
  Order *order;

  /* data_version moves when another connection commits; our own writes
   * show in this connection's change count. */
  if (!query_data_version (db, &version, error))
    return NULL;
  if (version != self->data_version || own != self->own_changes)
    {
      drop_orders (self);
      self->data_version = version;
      self->own_changes = own;
    }

  order = self->orders[sort][!!descending];
  if (order == NULL)
    {
      order = build_order (db, sort, descending, error);
      if (order == NULL)
        return NULL;
      self->orders[sort][!!descending] = order;
    }

  if (query[0] == '\0')
    {
      GArray *all = g_array_sized_new (FALSE, FALSE, sizeof (gint64), order->n);
      g_array_append_vals (all, order->rowid_at, order->n);
      return all;
    }

  return ordered_matches (db, order, query, error);
}

GArray *
comptoir_product_order_search (ComptoirProductOrder *self,
                               ComptoirDb           *db,
                               const char           *text,
                               ComptoirProductSort   sort,
                               gboolean              descending,
                               GError              **error)
{
  sqlite3 *handle = comptoir_db_get_handle (db);
  gboolean own_transaction = sqlite3_get_autocommit (handle);
  GArray *result;

  g_return_val_if_fail (sort < COMPTOIR_N_PRODUCT_SORTS, NULL);

  /* The ranks and the matches must come from the same snapshot. */
  if (own_transaction && !comptoir_db_exec (db, "BEGIN DEFERRED", error))
    return NULL;

  result = search_in_snapshot (self, db, text, sort, descending, error);

  if (own_transaction)
    comptoir_db_exec (db, "COMMIT", NULL);
  return result;
}
