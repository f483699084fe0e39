/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db-query-private.h"
#include "comptoir-stock.h"

G_BEGIN_DECLS

/* The stock engine shared by the stock and inventory files. */

/* Past this many movements waiting, reading a stock folds first. */
#define COMPTOIR_STOCK_TAIL_MAX 2000

/* round (a * b / c), half away from zero, without overflow: a value of
 * ten million euros times a quantity of a tonne overflows 64 bits. */
gint64   _comptoir_stock_mul_div    (gint64         a,
                                     gint64         b,
                                     gint64         c);
/* Nothing in stock, cost unknown. */
void     _comptoir_stock_init       (ComptoirStock *stock);
/* One movement applied to a stock: the rules of comptoir-stock.h. */
void     _comptoir_stock_apply      (ComptoirStock *stock,
                                     gint64         quantity_milli,
                                     const char    *reason,
                                     const char    *at,
                                     gint64         unit_cost_cents);
/* Folds when the tail is long; a failure (a read-only database, a busy
 * one) only leaves the tail longer, so it is not an error. */
void     _comptoir_stock_fold_if_long (ComptoirDb  *db);
/* The stocks of several products with one read of the tail: stocks maps
 * a product id to its ComptoirStock, which this fills. */
gboolean _comptoir_stock_get_many   (ComptoirDb    *db,
                                     GHashTable    *stocks,
                                     GError       **error);
/* The balance's columns, in this order, after product_id. */
#define COMPTOIR_STOCK_BALANCE_COLUMNS "quantity_milli, value_cents, average_cost_cents, last_in, last_out"

/* Reads COMPTOIR_STOCK_BALANCE_COLUMNS from column first on. */
void     _comptoir_stock_read_balance   (sqlite3_stmt  *stmt,
                                         int            first,
                                         ComptoirStock *out);
/* The watermark, and the highest rowid (may be NULL): their difference
 * bounds the tail's length (rowids are never reused, movements never
 * deleted). */
gboolean _comptoir_stock_load_fold_state (ComptoirDb  *db,
                                          gint64      *out_upto,
                                          gint64      *out_last,
                                          GError     **error);
/* A movement of the tail, as _comptoir_stock_read_tail() reads it. */
typedef struct {
  gint64      rowid;
  const char *product_id;
  gint64      quantity_milli;
  const char *reason;
  const char *at;
  gint64      unit_cost_cents;  /* -1: none */
} ComptoirStockTailMove;

/* FALSE, with error set, stops the reading. */
typedef gboolean (*ComptoirStockTailFunc) (const ComptoirStockTailMove  *move,
                                           gpointer                      user_data,
                                           GError                      **error);

/* Calls func for each movement after rowid `after` up to `until`
 * (included; 0 for all), in rowid order: the order they are applied in. */
gboolean _comptoir_stock_read_tail      (ComptoirDb             *db,
                                         gint64                  after,
                                         gint64                  until,
                                         ComptoirStockTailFunc   func,
                                         gpointer                user_data,
                                         GError                **error);
/* Applies the movements after rowid `after` up to `until` (included; 0
 * for all) to stocks (product id → ComptoirStock, both owned by the
 * table), starting a product met for the first time from its balance
 * when from_balance, from nothing otherwise. out_last: the last rowid
 * met; out_n (may be NULL): how many movements. */
gboolean _comptoir_stock_replay         (ComptoirDb    *db,
                                         gint64         after,
                                         gint64         until,
                                         gboolean       from_balance,
                                         GHashTable    *stocks,
                                         gint64        *out_last,
                                         guint         *out_n,
                                         GError       **error);

/* A read transaction, so that several statements see one snapshot,
 * unless the caller is in a transaction already; *out_began tells
 * _comptoir_stock_snapshot_end whether to end it. */
gboolean _comptoir_stock_snapshot_begin (ComptoirDb  *db,
                                         gboolean    *out_began,
                                         GError     **error);
void     _comptoir_stock_snapshot_end   (ComptoirDb  *db,
                                         gboolean     began);

/* A list's item from columns 0-3 of a row: p.id, p.code, p.name,
 * p.unit; no minimum, no lot yet. */
ComptoirStockItem *_comptoir_stock_item_new (sqlite3_stmt *stmt);

/* comptoir_stock_post with a note and who posts (both may be NULL). */
gboolean _comptoir_stock_post_full  (ComptoirDb              *db,
                                     const ComptoirStockMove *moves,
                                     guint                    n_moves,
                                     const char              *note,
                                     const char              *by_staff,
                                     GError                 **error);

G_END_DECLS
