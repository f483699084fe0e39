/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-sale"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-change.h"
#include "comptoir-fiscal.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-sale.h"

typedef struct {
  char   *product_id;
  char   *label;
  gint64  quantity_milli;
  gint64  unit_price_cents;
  int     vat_bp;
  gint64  total_cents;
} Line;

typedef struct {
  char   *method;
  gint64  amount_cents;
} Payment;

struct _ComptoirSale
{
  GArray   *lines;     /* Line */
  GArray   *payments;  /* Payment */
  char     *cashier;
  char     *member_id;
  char     *refund_of;
  gboolean  training;
};

static const char *payment_methods[] = {
  "cash", "card", "cheque", "meal_voucher", "local_currency",
};

gboolean
comptoir_payment_method_is_valid (const char *method)
{
  for (guint i = 0; i < G_N_ELEMENTS (payment_methods); i++)
    if (g_strcmp0 (method, payment_methods[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->product_id);
  g_free (line->label);
}

static void
payment_clear (gpointer data)
{
  g_free (((Payment *) data)->method);
}

ComptoirSale *
comptoir_sale_new (void)
{
  ComptoirSale *sale = g_new0 (ComptoirSale, 1);

  sale->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (sale->lines, line_clear);
  sale->payments = g_array_new (FALSE, TRUE, sizeof (Payment));
  g_array_set_clear_func (sale->payments, payment_clear);
  return sale;
}

void
comptoir_sale_free (ComptoirSale *sale)
{
  if (sale == NULL)
    return;
  g_array_unref (sale->lines);
  g_array_unref (sale->payments);
  g_free (sale->cashier);
  g_free (sale->member_id);
  g_free (sale->refund_of);
  g_free (sale);
}

void
comptoir_sale_set_training (ComptoirSale *sale,
                            gboolean      training)
{
  sale->training = !!training;
}

void
comptoir_sale_set_cashier (ComptoirSale *sale,
                           const char   *cashier)
{
  g_free (sale->cashier);
  sale->cashier = g_strdup (cashier);
}

void
comptoir_sale_set_member (ComptoirSale *sale,
                          const char   *member_id)
{
  g_free (sale->member_id);
  sale->member_id = g_strdup (member_id);
}

void
comptoir_sale_set_refund_of (ComptoirSale *sale,
                             const char   *ticket_id)
{
  g_free (sale->refund_of);
  sale->refund_of = g_strdup (ticket_id);
}

/* Returns the line's position, from 1. The price charged is stored on
 * the line: a later price change never rewrites a past sale. */
guint
comptoir_sale_add_line (ComptoirSale *sale,
                        const char   *product_id,
                        const char   *label,
                        gint64        quantity_milli,
                        gint64        unit_price_cents,
                        int           vat_bp)
{
  Line line = {
    .product_id = g_strdup (product_id),
    .label = g_strdup (label),
    .quantity_milli = quantity_milli,
    .unit_price_cents = unit_price_cents,
    .vat_bp = vat_bp,
    .total_cents = comptoir_money_mul_milli (unit_price_cents, quantity_milli),
  };

  g_array_append_val (sale->lines, line);
  return sale->lines->len;
}

guint
comptoir_sale_add_product (ComptoirSale    *sale,
                           ComptoirProduct *product,
                           gint64           quantity_milli)
{
  return comptoir_sale_add_line (sale, comptoir_product_get_id (product),
                                 comptoir_product_get_name (product), quantity_milli,
                                 comptoir_product_get_price_cents (product),
                                 comptoir_product_get_vat_bp (product));
}

void
comptoir_sale_add_payment (ComptoirSale *sale,
                           const char   *method,
                           gint64        amount_cents)
{
  Payment payment = { g_strdup (method), amount_cents };

  g_array_append_val (sale->payments, payment);
}

guint
comptoir_sale_get_n_lines (ComptoirSale *sale)
{
  return sale->lines->len;
}

gint64
comptoir_sale_get_total (ComptoirSale *sale)
{
  gint64 total = 0;

  for (guint i = 0; i < sale->lines->len; i++)
    total += g_array_index (sale->lines, Line, i).total_cents;
  return total;
}

gint64
comptoir_sale_get_paid (ComptoirSale *sale)
{
  gint64 paid = 0;

  for (guint i = 0; i < sale->payments->len; i++)
    paid += g_array_index (sale->payments, Payment, i).amount_cents;
  return paid;
}

void
comptoir_committed_ticket_clear (ComptoirCommittedTicket *ticket)
{
  g_clear_pointer (&ticket->id, g_free);
}

/* Titres-restaurant pay for food only. Food is what French VAT taxes at
 * 5.5 % (groceries) or 10 % (prepared food); non-food and alcohol are at
 * 20 %, and 2.1 % is the press and medicines. A simple rule every cashier
 * can check on the shelf label. */
gint64
comptoir_sale_get_meal_voucher_eligible (ComptoirSale *sale)
{
  gint64 eligible = 0;

  for (guint i = 0; i < sale->lines->len; i++)
    {
      Line *line = &g_array_index (sale->lines, Line, i);

      if (line->vat_bp == 550 || line->vat_bp == 1000)
        eligible += line->total_cents;
    }
  return MAX (eligible, 0);
}

/* Whether the payments settle the total, and the change due. Only cash
 * gives change; a refund pays back exactly what it refunds; meal
 * vouchers pay the food on the ticket and no more. */
static gboolean
settle (ComptoirSale  *sale,
        gint64        *out_change,
        GError       **error)
{
  gint64 total = comptoir_sale_get_total (sale);
  gint64 paid = comptoir_sale_get_paid (sale);
  gint64 cash = 0;
  gint64 vouchers = 0;

  for (guint i = 0; i < sale->payments->len; i++)
    {
      Payment *payment = &g_array_index (sale->payments, Payment, i);

      if (!comptoir_payment_method_is_valid (payment->method))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” is not a payment method. Use cash, card, cheque, meal_voucher "
                         "or local_currency."), payment->method);
          return FALSE;
        }
      if (g_str_equal (payment->method, "cash"))
        cash += payment->amount_cents;
      else if (g_str_equal (payment->method, "meal_voucher"))
        vouchers += payment->amount_cents;
    }

  if (total < 0 || sale->refund_of != NULL)
    {
      if (paid != total)
        {
          g_autofree char *due = comptoir_money_format (-total);
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("A refund pays back exactly %s €; record the refunded payments for that amount."),
                       due);
          return FALSE;
        }
      *out_change = 0;
      return TRUE;
    }

  if (vouchers > comptoir_sale_get_meal_voucher_eligible (sale))
    {
      g_autofree char *eligible = comptoir_money_format (comptoir_sale_get_meal_voucher_eligible (sale));
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Meal vouchers pay for food only: at most %s € on this ticket. Take the rest another way."),
                   eligible);
      return FALSE;
    }

  if (paid < total)
    {
      g_autofree char *missing = comptoir_money_format (total - paid);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The ticket is not fully paid: %s € are missing. Take another payment."),
                   missing);
      return FALSE;
    }

  if (paid - total > cash)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Only cash can be given back as change: lower the card, cheque or voucher amount."));
      return FALSE;
    }

  *out_change = paid - total;
  return TRUE;
}

static gboolean
next_number (ComptoirDb  *db,
             const char  *till_id,
             gint64      *out_number,
             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM ticket WHERE till_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, till_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out_number = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

typedef struct {
  ComptoirSale            *sale;
  const char              *till_id;
  gint64                   change;
  ComptoirCommittedTicket *out;
} Commit;

/* The ticket is the first fact of its group, so it names the change-log
 * entry that carries the lines, movements, payments and journal entry. */
static gboolean
write_ticket (ComptoirDb  *db,
              gpointer     user_data,
              GError     **error)
{
  Commit *commit = user_data;
  ComptoirSale *sale = commit->sale;
  g_autoptr (ComptoirChange) ticket = comptoir_change_new ("ticket", NULL);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autoptr (GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autoptr (GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_change_free);
  g_autofree char *at = comptoir_timestamp_now ();
  const char *ticket_id = comptoir_change_get_row_id (ticket);
  gint64 number;
  gint64 total = comptoir_sale_get_total (sale);

  if (!next_number (db, commit->till_id, &number, error))
    return FALSE;

  comptoir_change_set_text (ticket, "till_id", commit->till_id);
  comptoir_change_set_int (ticket, "number", number);
  comptoir_change_set_text (ticket, "closed_at", at);
  comptoir_change_set_text (ticket, "kind", sale->refund_of != NULL ? "refund" : "sale");
  comptoir_change_set_text (ticket, "refers_to", sale->refund_of);
  comptoir_change_set_text (ticket, "cashier", sale->cashier);
  comptoir_change_set_text (ticket, "member_id", sale->member_id);
  comptoir_change_set_bool (ticket, "training", sale->training);
  comptoir_change_set_int (ticket, "total_cents", total);
  comptoir_change_set_int (ticket, "change_cents", commit->change);
  if (!comptoir_db_insert_fact (db, ticket, error))
    return FALSE;

  /* Lines, then movements, then payments, each kind in one INSERT. */
  for (guint i = 0; i < sale->lines->len; i++)
    {
      Line *line = &g_array_index (sale->lines, Line, i);
      ComptoirChange *row = comptoir_change_new ("ticket_line", NULL);

      comptoir_change_set_text (row, "ticket_id", ticket_id);
      comptoir_change_set_int (row, "position", i + 1);
      comptoir_change_set_text (row, "product_id", line->product_id);
      comptoir_change_set_text (row, "label", line->label);
      comptoir_change_set_int (row, "quantity_milli", line->quantity_milli);
      comptoir_change_set_int (row, "unit_price_cents", line->unit_price_cents);
      comptoir_change_set_int (row, "vat_bp", line->vat_bp);
      comptoir_change_set_int (row, "total_cents", line->total_cents);
      g_ptr_array_add (lines, row);

      /* Training sales move no goods. */
      if (line->product_id != NULL && !sale->training)
        {
          ComptoirChange *move = comptoir_change_new ("stock_movement", NULL);

          comptoir_change_set_text (move, "product_id", line->product_id);
          comptoir_change_set_int (move, "quantity_milli", -line->quantity_milli);
          comptoir_change_set_text (move, "reason", sale->refund_of != NULL ? "refund" : "sale");
          comptoir_change_set_text (move, "source_id", ticket_id);
          comptoir_change_set_text (move, "at", at);
          g_ptr_array_add (moves, move);
        }
    }

  for (guint i = 0; i < sale->payments->len; i++)
    {
      Payment *payment = &g_array_index (sale->payments, Payment, i);
      ComptoirChange *row = comptoir_change_new ("ticket_payment", NULL);

      comptoir_change_set_text (row, "ticket_id", ticket_id);
      comptoir_change_set_int (row, "position", i + 1);
      comptoir_change_set_text (row, "method", payment->method);
      comptoir_change_set_int (row, "amount_cents", payment->amount_cents);
      g_ptr_array_add (payments, row);
    }

  if (!comptoir_db_insert_facts (db, (ComptoirChange **) lines->pdata, lines->len, error) ||
      !comptoir_db_insert_facts (db, (ComptoirChange **) moves->pdata, moves->len, error) ||
      !comptoir_db_insert_facts (db, (ComptoirChange **) payments->pdata, payments->len, error))
    return FALSE;

  if (!_comptoir_fiscal_append_ticket (db, ticket_id, error))
    return FALSE;

  commit->out->id = g_strdup (ticket_id);
  commit->out->number = number;
  commit->out->total_cents = total;
  commit->out->change_cents = commit->change;
  return TRUE;
}

gboolean
comptoir_sale_commit (ComptoirSale             *sale,
                      ComptoirDb               *db,
                      const char               *till_id,
                      ComptoirCommittedTicket  *out,
                      GError                  **error)
{
  ComptoirCommittedTicket local = { 0 };
  Commit commit = { sale, till_id, 0, &local };

  g_return_val_if_fail (sale != NULL, FALSE);
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (till_id != NULL, FALSE);

  if (sale->lines->len == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The ticket has no line: scan or choose a product first."));
      return FALSE;
    }
  if (!settle (sale, &commit.change, error))
    return FALSE;

  /* One transaction, and one change-log entry for the whole ticket. */
  if (!comptoir_db_insert_fact_group (db, write_ticket, &commit, error))
    {
      comptoir_committed_ticket_clear (&local);
      return FALSE;
    }

  if (out != NULL)
    *out = local;
  else
    comptoir_committed_ticket_clear (&local);
  return TRUE;
}

char *
comptoir_till_ensure (ComptoirDb  *db,
                      const char  *code,
                      GError     **error)
{
  g_autoptr (ComptoirChange) till = NULL;

  {
    g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (db, "SELECT id FROM till WHERE code = ?1", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }

  till = comptoir_change_new ("till", NULL);
  comptoir_change_set_text (till, "code", code);
  comptoir_change_set_text (till, "name", code);
  if (!comptoir_db_apply_change (db, till, NULL, error))
    return NULL;
  return g_strdup (comptoir_change_get_row_id (till));
}
