/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-stock-private.h"
#include "comptoir-text.h"

/* What a person does to the stock by hand: losses, transfers between
 * products, corrections, a product's minimum; a product's movements;
 * quantities as they are typed. */

static const char *
or_null_if_blank (const char *text)
{
  return comptoir_text_is_blank (text) ? NULL : text;
}

gboolean
comptoir_stock_record_loss (ComptoirDb  *db,
                            const char  *product_id,
                            gint64       quantity_milli,
                            const char  *reason,
                            const char  *note,
                            const char  *by_staff,
                            GError     **error)
{
  ComptoirStockMove move = { product_id, -quantity_milli, reason, NULL, -1 };
  static const char * const loss_reasons[] = { "loss", "breakage", "expired", "theft" };
  gboolean known = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (loss_reasons); i++)
    known = known || g_strcmp0 (reason, loss_reasons[i]) == 0;
  if (!known)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a reason for a loss: say loss, breakage, expired or theft."),
                   reason != NULL ? reason : "");
      return FALSE;
    }
  if (quantity_milli <= 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the quantity lost, more than 0; goods found again are counted in an inventory."));
      return FALSE;
    }
  return _comptoir_stock_post_full (db, &move, 1, or_null_if_blank (note), by_staff, error);
}

typedef struct {
  const char *from_id;
  gint64      from_milli;
  const char *to_id;
  gint64      to_milli;
  const char *note;
  const char *by_staff;
} Transfer;

/* The value leaving `from` is what a movement out of it would take
 * (comptoir-stock.h); it comes into `to` as its unit cost. */
static gboolean
transfer_in_transaction (ComptoirDb  *db,
                         gpointer     user_data,
                         GError     **error)
{
  const Transfer *t = user_data;
  g_autofree char *transfer_id = comptoir_uuid7_new ();
  ComptoirStock from, after;
  ComptoirStockMove moves[2] = {
    { t->from_id, -t->from_milli, "transfer_out", transfer_id, -1 },
    { t->to_id, t->to_milli, "transfer_in", transfer_id, -1 },
  };

  if (!comptoir_stock_get (db, t->from_id, &from, error))
    return FALSE;
  after = from;
  _comptoir_stock_apply (&after, -t->from_milli, "transfer_out", NULL, -1);
  if (from.average_cost_cents >= 0)
    {
      /* Below zero nothing leaves with value; the goods keep the last
       * average cost. */
      gint64 value = from.quantity_milli > 0 ? from.value_cents - after.value_cents
                                             : _comptoir_stock_mul_div (t->from_milli, from.average_cost_cents, 1000);
      moves[1].unit_cost_cents = _comptoir_stock_mul_div (value, 1000, t->to_milli);
    }
  return _comptoir_stock_post_full (db, moves, G_N_ELEMENTS (moves), t->note, t->by_staff, error);
}

gboolean
comptoir_stock_transfer (ComptoirDb  *db,
                         const char  *from_product_id,
                         gint64       from_quantity_milli,
                         const char  *to_product_id,
                         gint64       to_quantity_milli,
                         const char  *note,
                         const char  *by_staff,
                         GError     **error)
{
  Transfer t = { from_product_id, from_quantity_milli, to_product_id, to_quantity_milli,
                 or_null_if_blank (note), by_staff };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (from_product_id != NULL && to_product_id != NULL, FALSE);

  if (g_str_equal (from_product_id, to_product_id))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A transfer moves goods from one product to another: choose two different products."));
      return FALSE;
    }
  if (from_quantity_milli <= 0 || to_quantity_milli <= 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give both quantities of a transfer, each more than 0: what leaves the first "
                             "product and what it makes of the second."));
      return FALSE;
    }
  /* The cost read and the movements written in one transaction: a sale
   * between them would change the average. */
  return comptoir_db_transaction (db, transfer_in_transaction, &t, error);
}

gboolean
comptoir_stock_correct (ComptoirDb  *db,
                        const char  *product_id,
                        gint64       quantity_milli,
                        gint64       unit_cost_cents,
                        const char  *note,
                        const char  *by_staff,
                        GError     **error)
{
  ComptoirStockMove move = { product_id, quantity_milli, "correction", NULL, unit_cost_cents };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (comptoir_text_is_blank (note))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the stock is corrected: a correction without a note cannot be "
                             "understood later."));
      return FALSE;
    }
  return _comptoir_stock_post_full (db, &move, 1, note, by_staff, error);
}

gboolean
comptoir_stock_set_minimum (ComptoirDb  *db,
                            const char  *product_id,
                            gint64       minimum_milli,
                            GError     **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  ComptoirStock stock;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product_id != NULL, FALSE);

  if (minimum_milli < -1)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A minimum stock cannot be negative: give 0 or more, or none."));
      return FALSE;
    }
  /* Checks that the product exists, with the message for it: applying
   * the change to an unknown id would create a row. */
  if (!comptoir_stock_get (db, product_id, &stock, error))
    return FALSE;

  change = comptoir_change_new ("product", product_id);
  if (minimum_milli >= 0)
    comptoir_change_set_int (change, "stock_min_milli", minimum_milli);
  else
    comptoir_change_set_null (change, "stock_min_milli");
  return comptoir_db_apply_change (db, change, NULL, error);
}

static void
read_minimum (sqlite3_stmt *stmt,
              gpointer      out)
{
  *(gint64 *) out = _comptoir_db_column_int_or (stmt, 0, -1);
}

gboolean
comptoir_stock_get_minimum (ComptoirDb  *db,
                            const char  *product_id,
                            gint64      *out_minimum_milli,
                            GError     **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (product_id != NULL, FALSE);
  g_return_val_if_fail (out_minimum_milli != NULL, FALSE);

  *out_minimum_milli = -1;
  if (!_comptoir_db_query_row (db, "SELECT stock_min_milli FROM product WHERE id = ?1", product_id, NULL,
                               read_minimum, out_minimum_milli, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No product has the identifier %s: look the product up again."), product_id);
      return FALSE;
    }
  return TRUE;
}

void
comptoir_stock_movement_free (ComptoirStockMovement *movement)
{
  if (movement == NULL)
    return;
  g_free (movement->id);
  g_free (movement->at);
  g_free (movement->reason);
  g_free (movement->source_id);
  g_free (movement->note);
  g_free (movement);
}

GPtrArray *
comptoir_stock_list_movements (ComptoirDb  *db,
                               const char  *product_id,
                               guint        limit,
                               GError     **error)
{
  g_autoptr (GPtrArray) movements = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_stock_movement_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (product_id != NULL, NULL);

  stmt = comptoir_db_prepare (db,
                              "SELECT id, at, quantity_milli, reason, source_id, unit_cost_cents, note "
                              "FROM stock_movement WHERE product_id = ?1 ORDER BY rowid DESC LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, product_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirStockMovement *movement = g_new0 (ComptoirStockMovement, 1);

      movement->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      movement->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      movement->quantity_milli = sqlite3_column_int64 (stmt, 2);
      movement->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      movement->source_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      movement->unit_cost_cents = _comptoir_db_column_int_or (stmt, 5, -1);
      movement->note = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (movements, movement);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&movements);
}

static gboolean
bad_quantity (ComptoirUnit   unit,
              const char    *text,
              GError       **error)
{
  switch (unit)
    {
    case COMPTOIR_UNIT_KG:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a weight: type kilograms with a comma (1,5) or grams (350 g)."), text);
      break;
    case COMPTOIR_UNIT_LITRE:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a volume: type litres with a comma (1,5) or millilitres (750 ml)."), text);
      break;
    case COMPTOIR_UNIT_PIECE:
    default:
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a number of pieces: type a whole number, such as 3."), text);
      break;
    }
  return FALSE;
}

/* Up to a million units (a thousand tonnes): more is a typing slip. */
#define MAX_MILLI G_GINT64_CONSTANT (1000000000000)

gboolean
comptoir_stock_quantity_parse (ComptoirUnit   unit,
                               const char    *text,
                               gboolean       allow_negative,
                               gint64        *out_milli,
                               GError       **error)
{
  g_autofree char *clean = NULL;
  const char *p;
  gboolean negative = FALSE, decimal = FALSE;
  gint64 whole = 0, fraction = 0, scale = 1000, milli;
  guint n_digits = 0, n_decimals = 0;

  g_return_val_if_fail (out_milli != NULL, FALSE);

  if (text == NULL)
    return bad_quantity (unit, "", error);
  clean = g_strstrip (g_ascii_strdown (text, -1));
  p = clean;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
    {
      if (*p == ',' || *p == '.')
        {
          if (decimal)
            return bad_quantity (unit, text, error);
          decimal = TRUE;
        }
      else if (decimal)
        {
          if (++n_decimals > 3)
            return bad_quantity (unit, text, error);
          fraction = fraction * 10 + (*p - '0');
        }
      else
        {
          if (++n_digits > 9)
            return bad_quantity (unit, text, error);
          whole = whole * 10 + (*p - '0');
        }
    }
  while (*p == ' ')
    p++;
  if (n_digits == 0 && n_decimals == 0)
    return bad_quantity (unit, text, error);

  /* The unit typed, which must suit the product's; none: a decimal is
   * kilograms or litres, a whole number grams or millilitres. */
  if (unit == COMPTOIR_UNIT_PIECE)
    {
      if (*p != '\0' || decimal)
        return bad_quantity (unit, text, error);
    }
  else if (g_str_equal (p, unit == COMPTOIR_UNIT_KG ? "kg" : "l"))
    scale = 1000;
  else if (g_str_equal (p, unit == COMPTOIR_UNIT_KG ? "g" : "ml"))
    scale = 1;
  else if (unit == COMPTOIR_UNIT_LITRE && g_str_equal (p, "cl"))
    scale = 10;
  else if (*p == '\0')
    scale = decimal ? 1000 : 1;
  else
    return bad_quantity (unit, text, error);

  /* fraction in thousandths of the unit typed; scale: milli-units per
   * unit typed. Grams and millilitres take no decimals, centilitres one. */
  for (guint i = n_decimals; i < 3; i++)
    fraction *= 10;
  if (fraction * scale % 1000 != 0)
    return bad_quantity (unit, text, error);
  milli = whole * scale + fraction * scale / 1000;

  if (milli > MAX_MILLI)
    return bad_quantity (unit, text, error);
  if (negative && !allow_negative)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s: give a quantity of 0 or more."), text);
      return FALSE;
    }
  *out_milli = negative ? -milli : milli;
  return TRUE;
}
