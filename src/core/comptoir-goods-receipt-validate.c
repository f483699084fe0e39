/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-goods-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-goods-receipt-private.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-purchase-order.h"
#include "comptoir-stock.h"

/* What a delivery differs from its order by, and validation: the goods
 * go into stock, the differences are kept for the claim, the receipt and
 * its order are closed, all in one transaction and one change-log entry
 * for the facts (movements and discrepancies), so that the hub gets the
 * whole delivery or none of it. */

static ComptoirReceiptDiscrepancy *
discrepancy_new (ComptoirReceiptDiscrepancyKind kind,
                 const ComptoirReceiptLine     *line)
{
  ComptoirReceiptDiscrepancy *d = g_new0 (ComptoirReceiptDiscrepancy, 1);

  d->kind = kind;
  d->line_id = g_strdup (line->id);
  d->product_id = g_strdup (line->product_id);
  d->label = g_strdup (line->label);
  d->unit = line->unit;
  d->pack_milli = line->pack_milli;
  d->expected_milli = -1;
  d->received_milli = -1;
  d->expected_cents = -1;
  d->actual_cents = -1;
  return d;
}

static char *
quantity (const ComptoirReceiptLine *line,
          gint64                     milli)
{
  return comptoir_goods_receipt_format_quantity (line->unit, line->pack_milli, milli);
}

/* Scans undone on two machines at once could take a line below zero;
 * what was received is never less than nothing, and damaged goods are
 * some of it. */
static void
received_and_damaged (const ComptoirReceiptLine *line,
                      gint64                    *out_received,
                      gint64                    *out_damaged)
{
  *out_received = MAX (line->received_milli, 0);
  *out_damaged = CLAMP (line->damaged_milli, 0, *out_received);
}

static void
add_line_discrepancies (const ComptoirReceiptLine *line,
                        gboolean                   has_order,
                        GPtrArray                 *found)
{
  ComptoirReceiptDiscrepancy *d;
  g_autofree char *received_text = NULL;
  g_autofree char *expected_text = NULL;
  gint64 received, damaged;

  received_and_damaged (line, &received, &damaged);
  received_text = quantity (line, received);
  expected_text = quantity (line, line->expected_milli);

  if (line->unexpected)
    {
      if (received > 0)
        {
          d = discrepancy_new (COMPTOIR_RECEIPT_UNEXPECTED, line);
          d->expected_milli = 0;
          d->received_milli = received;
          /* TRANSLATORS: product, quantity received */
          d->message = g_strdup_printf (_("%s: %s received, not ordered"), line->label, received_text);
          g_ptr_array_add (found, d);
        }
    }
  else if (has_order && received != line->expected_milli)
    {
      gboolean missing = received < line->expected_milli;
      g_autofree char *difference = quantity (line, ABS (line->expected_milli - received));

      d = discrepancy_new (missing ? COMPTOIR_RECEIPT_MISSING : COMPTOIR_RECEIPT_EXTRA, line);
      d->expected_milli = line->expected_milli;
      d->received_milli = received;
      d->message = g_strdup_printf (missing
                                      /* TRANSLATORS: product, difference, received, ordered */
                                      ? _("%s: %s missing (%s received of %s ordered)")
                                      : _("%s: %s more than ordered (%s received of %s ordered)"),
                                    line->label, difference, received_text, expected_text);
      g_ptr_array_add (found, d);
    }

  if (damaged > 0)
    {
      g_autofree char *damaged_text = quantity (line, damaged);

      d = discrepancy_new (COMPTOIR_RECEIPT_DAMAGED, line);
      d->received_milli = damaged;
      d->message = g_strdup_printf (_("%s: %s damaged, not put in stock"), line->label, damaged_text);
      g_ptr_array_add (found, d);
    }

  /* A price matters for goods that came. */
  if (received > 0 && line->note_price_cents >= 0 && line->note_price_cents != line->price_cents)
    {
      g_autofree char *note = comptoir_money_format (line->note_price_cents);
      g_autofree char *ordered = line->price_cents >= 0 ? comptoir_money_format (line->price_cents) : NULL;

      d = discrepancy_new (COMPTOIR_RECEIPT_PRICE, line);
      d->expected_cents = line->price_cents;
      d->actual_cents = line->note_price_cents;
      d->message = ordered != NULL
                     /* TRANSLATORS: product, price per unit on the delivery note, price ordered */
                     ? g_strdup_printf (_("%s: %s € a unit on the delivery note, %s € ordered"), line->label,
                                        note, ordered)
                     : g_strdup_printf (_("%s: %s € a unit on the delivery note, no price ordered"), line->label,
                                        note);
      g_ptr_array_add (found, d);
    }
}

static GPtrArray *
discrepancies_of (GArray   *lines,
                  gboolean  has_order)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_receipt_discrepancy_free);

  for (guint i = 0; i < lines->len; i++)
    add_line_discrepancies (&g_array_index (lines, ComptoirReceiptLine, i), has_order, found);
  return found;
}

GPtrArray *
comptoir_goods_receipt_discrepancies_preview (ComptoirDb  *db,
                                              const char  *receipt_id,
                                              GError     **error)
{
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_autoptr (GArray) lines = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (!_comptoir_goods_receipt_head (db, receipt_id, FALSE, &head, error) ||
      !(lines = _comptoir_goods_receipt_read_lines (db, receipt_id, FALSE, error)))
    return NULL;
  return discrepancies_of (lines, head.order_id != NULL);
}

typedef struct {
  const char *receipt_id;
  GPtrArray  *found;
} Validate;

/* Refused, writing nothing, while goods received are on a line of no
 * product (they could not go into stock), or when nothing came at all. */
static gboolean
check_lines (GArray   *lines,
             gboolean *out_ordered_received,
             GError  **error)
{
  gboolean any = FALSE;

  *out_ordered_received = FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const ComptoirReceiptLine *line = &g_array_index (lines, ComptoirReceiptLine, i);

      if (line->received_milli <= 0)
        continue;
      if (line->product_id == NULL)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” is not linked to a product of the shop, so it cannot go into stock. "
                         "Link it to a product (or create the product), then validate again."),
                       line->label);
          return FALSE;
        }
      any = TRUE;
      if (!line->unexpected)
        *out_ordered_received = TRUE;
    }
  if (!any)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Nothing was received on this receipt. Scan the goods first, or cancel the receipt."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
post_stock (ComptoirDb  *db,
            const char  *receipt_id,
            GArray      *lines,
            GError     **error)
{
  g_autoptr (GArray) moves = g_array_sized_new (FALSE, TRUE, sizeof (ComptoirStockMove), lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      const ComptoirReceiptLine *line = &g_array_index (lines, ComptoirReceiptLine, i);
      ComptoirStockMove move = { 0 };
      gint64 received, damaged;

      received_and_damaged (line, &received, &damaged);
      if (received - damaged <= 0)
        continue;
      move.product_id = line->product_id;
      move.quantity_milli = received - damaged;
      move.reason = "receipt";
      move.source_id = receipt_id;
      /* What the goods cost: the delivery note's price when it differs. */
      move.unit_cost_cents = line->note_price_cents >= 0 ? line->note_price_cents : line->price_cents;
      g_array_append_val (moves, move);
    }
  if (moves->len == 0)
    return TRUE;
  return comptoir_stock_post (db, (const ComptoirStockMove *) (gpointer) moves->data, moves->len, error);
}

static gboolean
write_discrepancies (ComptoirDb  *db,
                     const char  *receipt_id,
                     GPtrArray   *found,
                     GError     **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);

  for (guint i = 0; i < found->len; i++)
    {
      const ComptoirReceiptDiscrepancy *d = g_ptr_array_index (found, i);
      ComptoirChange *fact = comptoir_change_new ("goods_receipt_discrepancy", NULL);

      /* Every column every time: one INSERT for the lot. */
      comptoir_change_set_text (fact, "receipt_id", receipt_id);
      comptoir_change_set_text (fact, "line_id", d->line_id);
      comptoir_change_set_text (fact, "kind", comptoir_receipt_discrepancy_kind_to_string (d->kind));
      if (d->expected_milli >= 0)
        comptoir_change_set_int (fact, "expected_milli", d->expected_milli);
      else
        comptoir_change_set_null (fact, "expected_milli");
      if (d->received_milli >= 0)
        comptoir_change_set_int (fact, "received_milli", d->received_milli);
      else
        comptoir_change_set_null (fact, "received_milli");
      if (d->expected_cents >= 0)
        comptoir_change_set_int (fact, "expected_cents", d->expected_cents);
      else
        comptoir_change_set_null (fact, "expected_cents");
      if (d->actual_cents >= 0)
        comptoir_change_set_int (fact, "actual_cents", d->actual_cents);
      else
        comptoir_change_set_null (fact, "actual_cents");
      comptoir_change_set_text (fact, "note", d->message);
      g_ptr_array_add (changes, fact);
    }
  return comptoir_db_insert_facts (db, (ComptoirChange **) changes->pdata, changes->len, error);
}

static gboolean
validate_in_group (ComptoirDb  *db,
                   gpointer     user_data,
                   GError     **error)
{
  Validate *validate = user_data;
  g_auto (ComptoirReceiptHead) head = { 0 };
  g_autoptr (GArray) lines = NULL;
  g_autoptr (ComptoirChange) receipt = NULL;
  g_autofree char *now = NULL;
  gboolean ordered_received;

  /* Read inside the transaction (BEGIN IMMEDIATE): no scan from this
   * machine slips in between what is checked and what is posted. */
  if (!_comptoir_goods_receipt_head (db, validate->receipt_id, TRUE, &head, error) ||
      !(lines = _comptoir_goods_receipt_read_lines (db, validate->receipt_id, FALSE, error)) ||
      !check_lines (lines, &ordered_received, error))
    return FALSE;

  validate->found = discrepancies_of (lines, head.order_id != NULL);
  if (!post_stock (db, validate->receipt_id, lines, error) ||
      !write_discrepancies (db, validate->receipt_id, validate->found, error))
    return FALSE;

  now = comptoir_timestamp_now ();
  receipt = comptoir_change_new ("goods_receipt", validate->receipt_id);
  comptoir_change_set_text (receipt, "status", "validated");
  comptoir_change_set_text (receipt, "validated_at", now);
  if (!comptoir_db_apply_change (db, receipt, NULL, error))
    return FALSE;

  /* A short delivery closes the order too: what is missing is in the
   * discrepancies for the claim, and a new order asks for it again. An
   * order nothing of which came stays open for its delivery. */
  if (head.order_id == NULL || !ordered_received)
    return TRUE;
  {
    /* Cancelled in the office meanwhile: the goods came all the same. */
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT status = 'sent' FROM purchase_order WHERE id = ?1",
                                                         error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, head.order_id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_ROW || !sqlite3_column_int (stmt, 0))
      return TRUE;
  }
  return comptoir_purchase_order_set_status (db, head.order_id, COMPTOIR_PURCHASE_ORDER_RECEIVED, error);
}

GPtrArray *
comptoir_goods_receipt_validate (ComptoirDb  *db,
                                 const char  *receipt_id,
                                 GError     **error)
{
  Validate validate = { receipt_id, NULL };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (receipt_id != NULL, NULL);

  if (!comptoir_db_insert_fact_group (db, validate_in_group, &validate, error))
    {
      g_clear_pointer (&validate.found, g_ptr_array_unref);
      return NULL;
    }
  return validate.found;
}
