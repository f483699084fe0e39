/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-db-private.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-stock-private.h"

/* The size of ComptoirStock's timestamps. */
#define STAMP_SIZE sizeof (((ComptoirStock *) 0)->last_in)

/* Posting movements, reading a stock, folding the balances and checking
 * them. The balance of a product holds every movement up to the local
 * rowid stock_fold.upto; its stock is that balance plus its movements
 * after that rowid, the tail, applied in rowid order. Movements are
 * never deleted, so rowids only grow, and replicated movements arrive
 * with new rowids whatever their `at`: the tail has them. */

static const struct {
  const char *reason;
  const char *label;
} reasons[] = {
  { "sale", N_("Sale") },
  { "refund", N_("Refund") },
  { "receipt", N_("Receipt") },
  { "loss", N_("Loss") },
  { "breakage", N_("Breakage") },
  { "expired", N_("Expired") },
  { "theft", N_("Theft") },
  { "transfer_in", N_("Transfer in") },
  { "transfer_out", N_("Transfer out") },
  { "inventory", N_("Inventory") },
  { "correction", N_("Correction") },
};

gboolean
comptoir_stock_reason_is_valid (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reason, reasons[i].reason) == 0)
      return TRUE;
  return FALSE;
}

const char *
comptoir_stock_reason_get_label (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reason, reasons[i].reason) == 0)
      return _(reasons[i].label);
  return reason;
}

gint64
_comptoir_stock_mul_div (gint64 a,
                         gint64 b,
                         gint64 c)
{
  g_return_val_if_fail (c != 0, 0);

  if (c < 0)
    {
      a = -a;
      c = -c;
    }
#ifdef __SIZEOF_INT128__
  {
    __int128 n = (__int128) a * b;
    __int128 q = n / c, r = n % c;

    if (r < 0)
      r = -r;
    if (2 * r >= c)
      q += n < 0 ? -1 : 1;
    return (gint64) q;
  }
#else
  /* Without 128-bit integers: the whole part first, then the rest,
   * which is less than c times b. */
  return (a / c) * b + comptoir_money_div_round ((a % c) * b, c);
#endif
}

void
_comptoir_stock_init (ComptoirStock *stock)
{
  memset (stock, 0, sizeof *stock);
  stock->average_cost_cents = -1;
}

static void
keep_latest (char       *field,
             const char *at)
{
  if (at != NULL && strcmp (at, field) > 0)
    g_strlcpy (field, at, STAMP_SIZE);
}

void
_comptoir_stock_apply (ComptoirStock *stock,
                       gint64         quantity_milli,
                       const char    *reason,
                       const char    *at,
                       gint64         unit_cost_cents)
{
  gint64 q = stock->quantity_milli;

  if (quantity_milli > 0)
    {
      /* Units that fill a hole below zero were sold already: their cost
       * went with them. */
      gint64 kept = q >= 0 ? quantity_milli : MAX (0, q + quantity_milli);

      if (unit_cost_cents >= 0)
        {
          if (stock->average_cost_cents < 0 && q > 0)
            stock->value_cents = _comptoir_stock_mul_div (q, unit_cost_cents, 1000);
          stock->value_cents += _comptoir_stock_mul_div (kept, unit_cost_cents, 1000);
          if (stock->average_cost_cents < 0)
            stock->average_cost_cents = unit_cost_cents;
        }
      else if (stock->average_cost_cents >= 0)
        stock->value_cents += q > 0 ? _comptoir_stock_mul_div (kept, stock->value_cents, q)
                                    : _comptoir_stock_mul_div (kept, stock->average_cost_cents, 1000);
      /* Goods delivered or brought in by a person, not returned by a
       * customer nor found by a count: "in stock since". */
      if (g_strcmp0 (reason, "receipt") == 0 || g_strcmp0 (reason, "transfer_in") == 0 ||
          g_strcmp0 (reason, "correction") == 0)
        keep_latest (stock->last_in, at);
    }
  else if (quantity_milli < 0)
    {
      if (q > 0)
        stock->value_cents -= _comptoir_stock_mul_div (stock->value_cents, MIN (-quantity_milli, q), q);
      if (g_strcmp0 (reason, "sale") == 0)
        keep_latest (stock->last_out, at);
    }

  stock->quantity_milli = q + quantity_milli;
  if (stock->quantity_milli <= 0)
    stock->value_cents = 0;
  else if (stock->average_cost_cents >= 0)
    stock->average_cost_cents = _comptoir_stock_mul_div (stock->value_cents, 1000, stock->quantity_milli);
  stock->negative = stock->quantity_milli < 0;
}

/* Posting */

typedef struct {
  const ComptoirStockMove *moves;
  guint                    n_moves;
  const char              *note;
  const char              *by_staff;
} Post;

static gboolean
exists (ComptoirDb  *db,
        const char  *sql,
        const char  *id,
        gboolean    *out,
        GError     **error)
{
  g_autofree char *one = NULL;

  if (!_comptoir_db_lookup_text (db, sql, id, NULL, &one, error))
    return FALSE;
  *out = one != NULL;
  return TRUE;
}

static gboolean
check_move (ComptoirDb               *db,
            const ComptoirStockMove  *move,
            GError                  **error)
{
  gboolean found = FALSE;

  if (move->product_id == NULL ||
      !exists (db, "SELECT 1 FROM product WHERE id = ?1", move->product_id, &found, error))
    {
      if (move->product_id == NULL)
        g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                             _("A stock movement needs a product: choose one."));
      return FALSE;
    }
  if (!found)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the identifier %s: look the product up again."), move->product_id);
      return FALSE;
    }
  if (!comptoir_stock_reason_is_valid (move->reason))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a reason for a stock movement: use receipt, loss, breakage, expired, "
                     "theft, transfer_in, transfer_out, inventory or correction."),
                   move->reason != NULL ? move->reason : "");
      return FALSE;
    }
  if (move->quantity_milli == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A stock movement of nothing records nothing: give a quantity other than 0."));
      return FALSE;
    }
  if (move->unit_cost_cents < -1)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A purchase price cannot be negative: give the price paid, or none."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_moves (ComptoirDb  *db,
             gpointer     user_data,
             GError     **error)
{
  const Post *post = user_data;
  g_autoptr (GPtrArray) changes = g_ptr_array_new_full (post->n_moves, (GDestroyNotify) comptoir_change_free);
  g_autofree char *at = comptoir_timestamp_now ();
  gboolean found = FALSE;

  if (post->by_staff != NULL)
    {
      if (!exists (db, "SELECT 1 FROM staff WHERE id = ?1", post->by_staff, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                               _("No member of staff has this identifier: log in again."));
          return FALSE;
        }
    }

  for (guint i = 0; i < post->n_moves; i++)
    {
      const ComptoirStockMove *move = &post->moves[i];
      ComptoirChange *change;

      if (!check_move (db, move, error))
        return FALSE;

      /* Every column set, NULL or not, so that all the movements share
       * one INSERT (comptoir_db_insert_facts). */
      change = comptoir_change_new ("stock_movement", NULL);
      comptoir_change_set_text (change, "product_id", move->product_id);
      comptoir_change_set_int (change, "quantity_milli", move->quantity_milli);
      comptoir_change_set_text (change, "reason", move->reason);
      comptoir_change_set_text (change, "source_id", move->source_id);
      comptoir_change_set_text (change, "at", at);
      if (move->unit_cost_cents >= 0)
        comptoir_change_set_int (change, "unit_cost_cents", move->unit_cost_cents);
      else
        comptoir_change_set_null (change, "unit_cost_cents");
      comptoir_change_set_text (change, "note", post->note);
      comptoir_change_set_text (change, "by_staff", post->by_staff);
      g_ptr_array_add (changes, change);
    }

  return comptoir_db_insert_facts (db, (ComptoirChange **) changes->pdata, changes->len, error);
}

gboolean
_comptoir_stock_post_full (ComptoirDb              *db,
                           const ComptoirStockMove *moves,
                           guint                    n_moves,
                           const char              *note,
                           const char              *by_staff,
                           GError                 **error)
{
  Post post = { moves, n_moves, note, by_staff };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (moves != NULL || n_moves == 0, FALSE);

  if (n_moves == 0)
    return TRUE;
  /* Joins the caller's group; inside a plain transaction, a savepoint
   * and an entry of their own. */
  return comptoir_db_insert_fact_group (db, write_moves, &post, error);
}

gboolean
comptoir_stock_post (ComptoirDb              *db,
                     const ComptoirStockMove *moves,
                     guint                    n_moves,
                     GError                 **error)
{
  return _comptoir_stock_post_full (db, moves, n_moves, NULL, NULL, error);
}

/* Reading */

gboolean
_comptoir_stock_snapshot_begin (ComptoirDb  *db,
                                gboolean    *out_began,
                                GError     **error)
{
  g_autoptr (ComptoirStmt) begin = NULL;

  *out_began = FALSE;
  if (_comptoir_db_in_transaction (db) || !sqlite3_get_autocommit (comptoir_db_get_handle (db)))
    return TRUE;
  begin = comptoir_db_prepare (db, "BEGIN DEFERRED", error);
  if (begin == NULL || !comptoir_db_step_done (db, begin, error))
    return FALSE;
  *out_began = TRUE;
  return TRUE;
}

void
_comptoir_stock_snapshot_end (ComptoirDb *db,
                              gboolean    began)
{
  g_autoptr (ComptoirStmt) commit = NULL;

  if (!began)
    return;
  commit = comptoir_db_prepare (db, "COMMIT", NULL);
  if (commit == NULL || sqlite3_step (commit) != SQLITE_DONE)
    g_warning ("Ending a read of the stock failed: %s", sqlite3_errmsg (comptoir_db_get_handle (db)));
}

static void
column_copy (sqlite3_stmt *stmt,
             int           column,
             char         *field)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_strlcpy (field, text != NULL ? text : "", STAMP_SIZE);
}

/* The balance's columns, in this order, after product_id. */
void
_comptoir_stock_read_balance (sqlite3_stmt  *stmt,
                              int            first,
                              ComptoirStock *out)
{
  out->quantity_milli = sqlite3_column_int64 (stmt, first);
  out->value_cents = sqlite3_column_int64 (stmt, first + 1);
  out->average_cost_cents = _comptoir_db_column_int_or (stmt, first + 2, -1);
  column_copy (stmt, first + 3, out->last_in);
  column_copy (stmt, first + 4, out->last_out);
  out->negative = out->quantity_milli < 0;
}

static gboolean
load_balance (ComptoirDb     *db,
              const char     *product_id,
              ComptoirStock  *out,
              GError        **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT " COMPTOIR_STOCK_BALANCE_COLUMNS " FROM stock_balance WHERE product_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _comptoir_stock_init (out);
  sqlite3_bind_text (stmt, 1, product_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _comptoir_stock_read_balance (stmt, 0, out);
  else if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_comptoir_stock_load_fold_state (ComptoirDb  *db,
                                 gint64      *out_upto,
                                 gint64      *out_last,
                                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT upto, (SELECT coalesce (max (rowid), 0) FROM stock_movement) "
                             "FROM stock_fold WHERE id = 1", error);

  if (stmt == NULL || !comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out_upto = sqlite3_column_int64 (stmt, 0);
  if (out_last != NULL)
    *out_last = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

void
_comptoir_stock_fold_if_long (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  gint64 upto = 0, last = 0;

  if (!_comptoir_stock_load_fold_state (db, &upto, &last, &error))
    g_debug ("Cannot read the stock watermark: %s", error->message);
  else if (last - upto > COMPTOIR_STOCK_TAIL_MAX && !comptoir_stock_fold (db, NULL, &error))
    g_debug ("Stock not folded, the tail stays long: %s", error->message);
}

static gboolean
read_stock (ComptoirDb     *db,
            const char     *product_id,
            ComptoirStock  *out,
            GError        **error)
{
  g_autoptr (ComptoirStmt) tail = NULL;
  gint64 upto = 0;
  int rc;

  if (!_comptoir_stock_load_fold_state (db, &upto, NULL, error) || !load_balance (db, product_id, out, error))
    return FALSE;

  /* The rowid range is the table's own order: no index by product is
   * needed for a tail that folding keeps short. */
  tail = comptoir_db_prepare (db,
                              "SELECT quantity_milli, reason, at, unit_cost_cents FROM stock_movement "
                              "WHERE rowid > ?1 AND product_id = ?2 ORDER BY rowid",
                              error);
  if (tail == NULL)
    return FALSE;
  sqlite3_bind_int64 (tail, 1, upto);
  sqlite3_bind_text (tail, 2, product_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (tail)) == SQLITE_ROW)
    _comptoir_stock_apply (out, sqlite3_column_int64 (tail, 0), (const char *) sqlite3_column_text (tail, 1),
                           (const char *) sqlite3_column_text (tail, 2), _comptoir_db_column_int_or (tail, 3, -1));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
comptoir_stock_get (ComptoirDb     *db,
                    const char     *product_id,
                    ComptoirStock  *out,
                    GError        **error)
{
  gboolean found = FALSE, began = FALSE, ok;
  gint64 upto = 0, last = 0;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!exists (db, "SELECT 1 FROM product WHERE id = ?1", product_id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the identifier %s: look the product up again."), product_id);
      return FALSE;
    }

  if (!_comptoir_stock_load_fold_state (db, &upto, &last, error))
    return FALSE;
  if (last - upto > COMPTOIR_STOCK_TAIL_MAX)
    _comptoir_stock_fold_if_long (db);

  /* The watermark, the balance and the tail from one snapshot: another
   * connection folding in between would count movements twice. */
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return FALSE;
  ok = read_stock (db, product_id, out, error);
  _comptoir_stock_snapshot_end (db, began);
  return ok;
}

static gboolean read_many (ComptoirDb  *db,
                           GHashTable  *stocks,
                           GError     **error);

gboolean
_comptoir_stock_get_many (ComptoirDb  *db,
                          GHashTable  *stocks,
                          GError     **error)
{
  gboolean began = FALSE, ok;

  if (g_hash_table_size (stocks) == 0)
    return TRUE;
  _comptoir_stock_fold_if_long (db);
  if (!_comptoir_stock_snapshot_begin (db, &began, error))
    return FALSE;
  ok = read_many (db, stocks, error);
  _comptoir_stock_snapshot_end (db, began);
  return ok;
}

/* A movement of the tail applied to its product's stock, when it is
 * one of those asked for. */
static gboolean
apply_if_asked (const ComptoirStockTailMove  *move,
                gpointer                      user_data,
                GError                      **error)
{
  ComptoirStock *stock = g_hash_table_lookup (user_data, move->product_id);

  if (stock != NULL)
    _comptoir_stock_apply (stock, move->quantity_milli, move->reason, move->at, move->unit_cost_cents);
  return TRUE;
}

static gboolean
read_many (ComptoirDb  *db,
           GHashTable  *stocks,
           GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 upto = 0;

  if (!_comptoir_stock_load_fold_state (db, &upto, NULL, error))
    return FALSE;

  g_hash_table_iter_init (&iter, stocks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!load_balance (db, key, value, error))
      return FALSE;

  return _comptoir_stock_read_tail (db, upto, 0, apply_if_asked, stocks, error);
}

gboolean
_comptoir_stock_read_tail (ComptoirDb             *db,
                           gint64                  after,
                           gint64                  until,
                           ComptoirStockTailFunc   func,
                           gpointer                user_data,
                           GError                **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db,
                         "SELECT rowid, product_id, quantity_milli, reason, at, unit_cost_cents "
                         "FROM stock_movement WHERE rowid > ?1 AND rowid <= ?2 ORDER BY rowid",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, until > 0 ? until : G_MAXINT64);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirStockTailMove move = {
        sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
        (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4),
        _comptoir_db_column_int_or (stmt, 5, -1),
      };

      if (!func (&move, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Folding */

typedef struct {
  ComptoirDb *db;
  gboolean    from_balance;
  GHashTable *stocks;
  gint64      last;
  guint       n;
} Replay;

static gboolean
replay_move (const ComptoirStockTailMove  *move,
             gpointer                      user_data,
             GError                      **error)
{
  Replay *replay = user_data;
  ComptoirStock *stock = g_hash_table_lookup (replay->stocks, move->product_id);

  if (stock == NULL)
    {
      stock = g_new (ComptoirStock, 1);
      g_hash_table_insert (replay->stocks, g_strdup (move->product_id), stock);
      if (!replay->from_balance)
        _comptoir_stock_init (stock);
      else if (!load_balance (replay->db, move->product_id, stock, error))
        return FALSE;
    }
  _comptoir_stock_apply (stock, move->quantity_milli, move->reason, move->at, move->unit_cost_cents);
  replay->last = move->rowid;
  replay->n++;
  return TRUE;
}

gboolean
_comptoir_stock_replay (ComptoirDb  *db,
                        gint64       after,
                        gint64       until,
                        gboolean     from_balance,
                        GHashTable  *stocks,
                        gint64      *out_last,
                        guint       *out_n,
                        GError     **error)
{
  Replay replay = { db, from_balance, stocks, after, 0 };

  *out_last = after;
  if (!_comptoir_stock_read_tail (db, after, until, replay_move, &replay, error))
    return FALSE;
  *out_last = replay.last;
  if (out_n != NULL)
    *out_n = replay.n;
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
fold_in_transaction (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  guint *n_folded = user_data;
  g_autoptr (GHashTable) stocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (ComptoirStmt) write = NULL;
  g_autoptr (ComptoirStmt) mark = NULL;
  g_autofree gpointer *keys = NULL;
  gint64 upto = 0, last = 0;
  guint n_keys = 0;

  if (!_comptoir_stock_load_fold_state (db, &upto, NULL, error) ||
      !_comptoir_stock_replay (db, upto, 0, TRUE, stocks, &last, n_folded, error))
    return FALSE;
  if (last == upto)
    return TRUE;

  write = comptoir_db_prepare (db,
                               "INSERT OR REPLACE INTO stock_balance (product_id, " COMPTOIR_STOCK_BALANCE_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (write == NULL)
    return FALSE;
  /* In key order, so that the balance's pages are written once each. */
  keys = g_hash_table_get_keys_as_array (stocks, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      const ComptoirStock *stock = g_hash_table_lookup (stocks, keys[i]);

      sqlite3_bind_text (write, 1, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (write, 2, stock->quantity_milli);
      sqlite3_bind_int64 (write, 3, stock->value_cents);
      if (stock->average_cost_cents >= 0)
        sqlite3_bind_int64 (write, 4, stock->average_cost_cents);
      else
        sqlite3_bind_null (write, 4);
      bind_text_or_null (write, 5, stock->last_in);
      bind_text_or_null (write, 6, stock->last_out);
      if (!comptoir_db_step_done (db, write, error))
        return FALSE;
      sqlite3_reset (write);
    }

  mark = comptoir_db_prepare (db, "UPDATE stock_fold SET upto = ?1 WHERE id = 1", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, last);
  return comptoir_db_step_done (db, mark, error);
}

gboolean
comptoir_stock_fold (ComptoirDb  *db,
                     guint       *n_folded,
                     GError     **error)
{
  guint n = 0;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!comptoir_db_transaction (db, fold_in_transaction, &n, error))
    return FALSE;
  if (n_folded != NULL)
    *n_folded = n;
  return TRUE;
}

static gboolean
rebuild_in_transaction (ComptoirDb  *db,
                        gpointer     user_data,
                        GError     **error)
{
  return comptoir_db_exec (db, "DELETE FROM stock_balance; UPDATE stock_fold SET upto = 0 WHERE id = 1", error) &&
         fold_in_transaction (db, NULL, error);
}

gboolean
comptoir_stock_rebuild (ComptoirDb  *db,
                        GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  return comptoir_db_transaction (db, rebuild_in_transaction, NULL, error);
}
