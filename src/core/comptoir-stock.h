/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* Stock is the sum of movements (DESIGN.md), never an edited quantity.
 * Sales and refunds write theirs with the ticket; everything else
 * (receipts, losses, transfers, inventory adjustments, corrections)
 * goes through comptoir_stock_post. A balance per product, folded lazily
 * off the till's commit path, keeps reading one product's stock fast
 * whatever the history; comptoir_stock_check proves it against the
 * movements.
 *
 * Valuation at weighted average cost, in the order movements reached
 * this machine (the order folding follows):
 * - goods in with a unit cost add their value at that cost; stock whose
 *   cost was never known takes the cost of the first such delivery;
 * - goods in without a cost (a refund, a count finding more) add value
 *   at the current average cost (none while it is unknown);
 * - goods out remove value at the current average cost;
 * - a product at or below zero is worth 0 and keeps its last average
 *   cost: goods sold before their delivery was recorded took no value,
 *   and the units of a delivery that only fill that hole add none.
 * The quantity does not depend on the order; the value may differ by a
 * few cents between machines that received the same movements in
 * different orders. */

/* One movement to post. quantity_milli: > 0 in, < 0 out, never 0.
 * unit_cost_cents: the purchase price excluding VAT of one unit (one kg,
 * one litre) of goods coming in, -1 for none; movements out leave at
 * the average cost, a cost given for them is kept but not used. */
typedef struct {
  const char *product_id;
  gint64      quantity_milli;
  const char *reason;  /* "receipt", "loss", "breakage", "expired", "theft", "transfer_in",
                        * "transfer_out", "inventory", "correction" ("sale", "refund" are the till's) */
  const char *source_id;        /* the receipt, count, transfer… the movement comes from, or NULL */
  gint64      unit_cost_cents;  /* -1: none */
} ComptoirStockMove;

gboolean    comptoir_stock_reason_is_valid  (const char *reason);
/* "Sale", "Breakage"…, translated, for a person. */
const char *comptoir_stock_reason_get_label (const char *reason);

/* Inserts the movements as facts, all or none: inside the caller's fact
 * group or transaction when there is one (so that a goods receipt's
 * validation posts its movements with the rest of its work), else in a
 * transaction of their own and one change-log entry. Each product must
 * exist, each reason be known, no quantity 0. */
gboolean    comptoir_stock_post             (ComptoirDb              *db,
                                             const ComptoirStockMove *moves,
                                             guint                    n_moves,
                                             GError                 **error);

/* A product's stock: its folded balance and the movements after it. */
typedef struct {
  gint64   quantity_milli;
  gint64   value_cents;         /* at weighted average cost; 0 at or below zero */
  gint64   average_cost_cents;  /* per unit (kg, litre), -1 unknown */
  char     last_in[40];         /* at of the last receipt, transfer or correction in, "" never */
  char     last_out[40];        /* at of the last sale, "" never */
  gboolean negative;            /* flagged, never blocked: sales go on */
} ComptoirStock;

/* Reads one product's stock; folds first when more than a few thousand
 * movements wait to be folded, so that a read stays bounded. */
gboolean    comptoir_stock_get              (ComptoirDb              *db,
                                             const char              *product_id,
                                             ComptoirStock           *out,
                                             GError                 **error);

/* Every product that ever moved, with its stock, in no particular
 * order, from one pass over the balances and one over the tail (no
 * fold, so that a report can run on a read-only copy); func returns
 * FALSE to stop, and must not write. */
typedef gboolean (*ComptoirStockFunc) (const char          *product_id,
                                       const ComptoirStock *stock,
                                       gpointer             user_data);
gboolean    comptoir_stock_foreach          (ComptoirDb              *db,
                                             ComptoirStockFunc        func,
                                             gpointer                 user_data,
                                             GError                 **error);

/* Folds every movement not folded yet into the balances, in one
 * transaction. The app calls it when idle; lists and reports call it
 * first. n_folded (may be NULL): how many movements it folded. */
gboolean    comptoir_stock_fold             (ComptoirDb              *db,
                                             guint                   *n_folded,
                                             GError                 **error);
/* Throws the balances away and folds every movement again: the repair
 * for what comptoir_stock_check reports. */
gboolean    comptoir_stock_rebuild          (ComptoirDb              *db,
                                             GError                 **error);

/* A balance that its movements do not prove. */
typedef struct {
  char   *product_id;
  gint64  stored_quantity_milli;
  gint64  expected_quantity_milli;
  gint64  stored_value_cents;
  gint64  expected_value_cents;
} ComptoirStockMismatch;

void        comptoir_stock_mismatch_free    (ComptoirStockMismatch   *mismatch);
/* Recomputes every balance from all the movements it covers and
 * compares; *mismatches: a GPtrArray of ComptoirStockMismatch, empty
 * when all is right. Returns FALSE only when it could not check. */
gboolean    comptoir_stock_check            (ComptoirDb              *db,
                                             GPtrArray              **mismatches,
                                             GError                 **error);

/* Goods gone: quantity_milli > 0 is what was lost; reason "loss",
 * "breakage", "expired" or "theft"; note and by_staff may be NULL. */
gboolean    comptoir_stock_record_loss      (ComptoirDb              *db,
                                             const char              *product_id,
                                             gint64                   quantity_milli,
                                             const char              *reason,
                                             const char              *note,
                                             const char              *by_staff,
                                             GError                 **error);
/* Goods that change product, as the schema knows no locations: a 5 kg
 * sack of rice repacked into ten 500 g bags, a case opened into units.
 * A transfer_out of the first and a transfer_in of the second sharing
 * one source id, the value leaving the first at its average cost coming
 * into the second. */
gboolean    comptoir_stock_transfer         (ComptoirDb              *db,
                                             const char              *from_product_id,
                                             gint64                   from_quantity_milli,
                                             const char              *to_product_id,
                                             gint64                   to_quantity_milli,
                                             const char              *note,
                                             const char              *by_staff,
                                             GError                 **error);
/* A correction said in words (the stock when the shop started with
 * Comptoir, a receipt recorded twice): quantity_milli signed, not 0;
 * unit_cost_cents for goods in, -1 for none; note required. */
gboolean    comptoir_stock_correct          (ComptoirDb              *db,
                                             const char              *product_id,
                                             gint64                   quantity_milli,
                                             gint64                   unit_cost_cents,
                                             const char              *note,
                                             const char              *by_staff,
                                             GError                 **error);
/* Below this stock the product is listed to reorder; -1: no minimum. */
gboolean    comptoir_stock_set_minimum      (ComptoirDb              *db,
                                             const char              *product_id,
                                             gint64                   minimum_milli,
                                             GError                 **error);
/* The product's minimum as set above, -1 when it has none: for the
 * screen that shows and edits it. */
gboolean    comptoir_stock_get_minimum      (ComptoirDb              *db,
                                             const char              *product_id,
                                             gint64                  *out_minimum_milli,
                                             GError                 **error);

typedef struct {
  char   *id;
  char   *at;
  gint64  quantity_milli;
  char   *reason;
  char   *source_id;        /* NULL: none */
  gint64  unit_cost_cents;  /* -1: none */
  char   *note;             /* NULL: none */
} ComptoirStockMovement;

void        comptoir_stock_movement_free    (ComptoirStockMovement   *movement);
/* The product's last movements, newest first: a GPtrArray of
 * ComptoirStockMovement. No index by product is kept (it would cost
 * each sale a page write per line): this reads back from the newest
 * movement until it has found limit, for a screen or a support person,
 * not for a loop. */
GPtrArray  *comptoir_stock_list_movements   (ComptoirDb              *db,
                                             const char              *product_id,
                                             guint                    limit,
                                             GError                 **error);

/* A row of the lists below; the fields a list does not fill are 0,
 * NULL or -1. */
typedef struct {
  char         *product_id;
  char         *code;
  char         *name;
  ComptoirUnit  unit;
  gint64        quantity_milli;
  gint64        value_cents;
  gint64        minimum_milli;       /* low: the product's minimum; else -1 */
  char         *last_out;            /* the last sale, NULL: never sold */
  char         *date;                /* expiring: the use-by or best-before day, YYYY-MM-DD */
  gboolean      use_by;              /* expiring: date is a use-by date (not best-before) */
  char         *lot;                 /* expiring: the lot, or NULL */
  gint64        lot_quantity_milli;  /* expiring: how much of it may still be in stock */
} ComptoirStockItem;

void        comptoir_stock_item_free        (ComptoirStockItem       *item);
/* Each list folds first, then reads the balances. GPtrArray of
 * ComptoirStockItem. */
/* Active products with a minimum whose stock is below it, the emptiest
 * (relative to its minimum) first. */
GPtrArray  *comptoir_stock_list_low         (ComptoirDb              *db,
                                             GError                 **error);
/* Products in stock with no sale for weeks (never sold and in stock
 * since before then included), the longest unsold first. now: NULL for
 * the clock. */
GPtrArray  *comptoir_stock_list_unsold      (ComptoirDb              *db,
                                             guint                    weeks,
                                             GDateTime               *now,
                                             GError                 **error);
/* Lots received (validated goods receipts) with a use-by or best-before
 * date up to days from today, past ones included, of products still in
 * stock; the stock is taken as sold oldest delivery first, so a lot
 * that later deliveries account for is not listed. Soonest first. */
GPtrArray  *comptoir_stock_list_expiring    (ComptoirDb              *db,
                                             guint                    days,
                                             GDateTime               *now,
                                             GError                 **error);
/* The value of the stock at weighted average cost; n_products: products
 * in stock; n_without_cost: those among them whose cost is unknown (not
 * in the total). Any output may be NULL. */
gboolean    comptoir_stock_valuation        (ComptoirDb              *db,
                                             gint64                  *total_cents,
                                             guint                   *n_products,
                                             guint                   *n_without_cost,
                                             GError                 **error);

/* A quantity as people type it for a product of that unit: pieces are
 * whole ("3"); kg and litres take decimals with a comma or a point
 * ("1,5" is 1.5 kg) or a unit ("350 g", "0,75 l", "500 ml"), and a whole
 * number without a unit is grams or millilitres, as at the till.
 * allow_negative: for corrections and count entries. */
gboolean    comptoir_stock_quantity_parse   (ComptoirUnit             unit,
                                             const char              *text,
                                             gboolean                 allow_negative,
                                             gint64                  *out_milli,
                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirStockMismatch, comptoir_stock_mismatch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirStockMovement, comptoir_stock_movement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirStockItem, comptoir_stock_item_free)

G_END_DECLS
