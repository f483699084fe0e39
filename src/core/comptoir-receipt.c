/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-receipt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-receipt.h"
#include "comptoir-settings.h"

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
item_clear (gpointer data)
{
  g_free (((ComptoirReceiptItem *) data)->label);
}

static void
payment_clear (gpointer data)
{
  g_free (((ComptoirReceiptPayment *) data)->method);
}

void
comptoir_receipt_free (ComptoirReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->ticket_id);
  g_free (receipt->till_code);
  g_free (receipt->closed_at);
  g_free (receipt->cashier);
  g_free (receipt->refund_of_till);
  g_free (receipt->shop_name);
  g_free (receipt->shop_address);
  g_free (receipt->shop_siret);
  g_free (receipt->shop_vat_number);
  g_free (receipt->footer);
  g_free (receipt->local_currency);
  g_clear_pointer (&receipt->items, g_array_unref);
  g_clear_pointer (&receipt->payments, g_array_unref);
  g_free (receipt->barcode);
  g_free (receipt);
}

/* CODE 128 carries printable ASCII, and a scanner typing it as a keyboard
 * would mangle anything else: a till code outside that gets no barcode
 * rather than one that cannot be read back. */
static char *
make_barcode (const char *till_code,
              gint64      number)
{
  for (const char *p = till_code; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f)
      return NULL;
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, till_code, number);
}

static gboolean
load_ticket (ComptoirDb       *db,
             ComptoirReceipt  *receipt,
             const char       *ticket_id,
             GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;

  stmt = comptoir_db_prepare (db,
                              "SELECT t.number, l.code, t.closed_at, t.cashier, t.training, t.kind, "
                              "r.number, rl.code, t.total_cents, t.change_cents "
                              "FROM ticket t JOIN till l ON l.id = t.till_id "
                              "LEFT JOIN ticket r ON r.id = t.refers_to "
                              "LEFT JOIN till rl ON rl.id = r.till_id WHERE t.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("There is no ticket %s: check the till and the ticket number."), ticket_id);
      return FALSE;
    }

  receipt->ticket_id = g_strdup (ticket_id);
  receipt->number = sqlite3_column_int64 (stmt, 0);
  receipt->till_code = g_strdup (text_at (stmt, 1));
  receipt->closed_at = g_strdup (text_at (stmt, 2));
  receipt->cashier = g_strdup (text_at (stmt, 3));
  receipt->training = sqlite3_column_int (stmt, 4) != 0;
  receipt->refund = g_strcmp0 (text_at (stmt, 5), "refund") == 0;
  receipt->refund_of_number = sqlite3_column_int64 (stmt, 6);
  receipt->refund_of_till = g_strdup (text_at (stmt, 7));
  receipt->total_cents = sqlite3_column_int64 (stmt, 8);
  receipt->change_cents = sqlite3_column_int64 (stmt, 9);
  receipt->barcode = make_barcode (receipt->till_code, receipt->number);
  return TRUE;
}

static gboolean
load_items (ComptoirDb       *db,
            ComptoirReceipt  *receipt,
            GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  /* The unit comes from the product: a line stores what was charged, and
   * whether it was weighed only matters for how the quantity reads. */
  stmt = comptoir_db_prepare (db,
                              "SELECT l.label, l.quantity_milli, l.unit_price_cents, l.vat_bp, l.total_cents, "
                              "coalesce (p.unit, 'piece') FROM ticket_line l "
                              "LEFT JOIN product p ON p.id = l.product_id "
                              "WHERE l.ticket_id = ?1 ORDER BY l.position",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt->ticket_id, -1, SQLITE_STATIC);

  comptoir_vat_breakdown_init (&receipt->vat);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirReceiptItem item = {
        .label = g_strdup (text_at (stmt, 0)),
        .quantity_milli = sqlite3_column_int64 (stmt, 1),
        .unit = COMPTOIR_UNIT_PIECE,
        .unit_price_cents = sqlite3_column_int64 (stmt, 2),
        .vat_bp = sqlite3_column_int (stmt, 3),
        .total_cents = sqlite3_column_int64 (stmt, 4),
      };

      comptoir_unit_from_string (text_at (stmt, 5), &item.unit);
      g_array_append_val (receipt->items, item);
      if (!comptoir_vat_breakdown_add (&receipt->vat, item.vat_bp, item.total_cents))
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_CORRUPT,
                               _("This ticket has more VAT rates than a receipt can list."));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  comptoir_vat_breakdown_finish (&receipt->vat);
  return TRUE;
}

static gboolean
load_payments (ComptoirDb       *db,
               ComptoirReceipt  *receipt,
               GError          **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  stmt = comptoir_db_prepare (db, "SELECT method, amount_cents FROM ticket_payment "
                                  "WHERE ticket_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt->ticket_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirReceiptPayment payment = {
        .method = g_strdup (text_at (stmt, 0)),
        .amount_cents = sqlite3_column_int64 (stmt, 1),
      };
      g_array_append_val (receipt->payments, payment);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The copy a print made now would be: one more than the copies recorded. */
static gboolean
load_copy (ComptoirDb       *db,
           ComptoirReceipt  *receipt,
           GError          **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT coalesce (max (copy), 0) + 1 FROM receipt_print WHERE ticket_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, receipt->ticket_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  receipt->copy = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
load_shop (ComptoirDb      *db,
           ComptoirReceipt *receipt)
{
  receipt->shop_name = comptoir_settings_dup (db, COMPTOIR_SETTING_SHOP_NAME);
  receipt->shop_address = comptoir_settings_dup (db, COMPTOIR_SETTING_SHOP_ADDRESS);
  receipt->shop_siret = comptoir_settings_dup (db, COMPTOIR_SETTING_SHOP_SIRET);
  receipt->shop_vat_number = comptoir_settings_dup (db, COMPTOIR_SETTING_SHOP_VAT_NUMBER);
  receipt->footer = comptoir_settings_dup (db, COMPTOIR_SETTING_RECEIPT_FOOTER);
  receipt->local_currency = comptoir_settings_dup (db, COMPTOIR_SETTING_LOCAL_CURRENCY);
}

ComptoirReceipt *
comptoir_receipt_load (ComptoirDb  *db,
                       const char  *ticket_id,
                       GError     **error)
{
  g_autoptr (ComptoirReceipt) receipt = g_new0 (ComptoirReceipt, 1);

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (ticket_id != NULL, NULL);

  receipt->items = g_array_new (FALSE, TRUE, sizeof (ComptoirReceiptItem));
  g_array_set_clear_func (receipt->items, item_clear);
  receipt->payments = g_array_new (FALSE, TRUE, sizeof (ComptoirReceiptPayment));
  g_array_set_clear_func (receipt->payments, payment_clear);

  if (!load_ticket (db, receipt, ticket_id, error) ||
      !load_items (db, receipt, error) ||
      !load_payments (db, receipt, error) ||
      !load_copy (db, receipt, error))
    return NULL;

  load_shop (db, receipt);
  return g_steal_pointer (&receipt);
}

ComptoirReceipt *
comptoir_receipt_load_by_number (ComptoirDb  *db,
                                 const char  *till_code,
                                 gint64       number,
                                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *ticket_id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (till_code != NULL, NULL);

  stmt = comptoir_db_prepare (db, "SELECT t.id FROM ticket t JOIN till l ON l.id = t.till_id "
                                  "WHERE l.code = ?1 AND t.number = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, till_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("Till %s has no ticket number %lld: check the number printed on the receipt."),
                   till_code, (long long) number);
      return NULL;
    }
  ticket_id = g_strdup (text_at (stmt, 0));
  g_clear_pointer (&stmt, comptoir_stmt_release);

  return comptoir_receipt_load (db, ticket_id, error);
}

gboolean
comptoir_receipt_record_print (ComptoirReceipt  *receipt,
                               ComptoirDb       *db,
                               GError          **error)
{
  g_autoptr (ComptoirChange) print = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (receipt != NULL, FALSE);
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (receipt->copy > 0, FALSE);

  /* The copy number recorded is the one printed on the paper, even if
   * another machine recorded a print meanwhile. */
  print = comptoir_change_new ("receipt_print", NULL);
  at = comptoir_timestamp_now ();
  comptoir_change_set_text (print, "ticket_id", receipt->ticket_id);
  comptoir_change_set_text (print, "at", at);
  comptoir_change_set_int (print, "copy", receipt->copy);
  if (!comptoir_db_insert_fact (db, print, error))
    return FALSE;

  receipt->copy++;
  return TRUE;
}

char *
comptoir_receipt_lookup_barcode (ComptoirDb  *db,
                                 const char  *data,
                                 GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autofree char *till_code = NULL;
  const char *dash;
  guint64 number;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  /* Till codes may hold dashes themselves: the number is after the last. */
  dash = data != NULL ? strrchr (data, '-') : NULL;
  if (dash == NULL || dash == data ||
      !g_ascii_string_to_unsigned (dash + 1, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not the barcode of a receipt: scan the barcode at the bottom of the receipt."),
                   data != NULL ? data : "");
      return NULL;
    }
  till_code = g_strndup (data, dash - data);

  stmt = comptoir_db_prepare (db, "SELECT t.id FROM ticket t JOIN till l ON l.id = t.till_id "
                                  "WHERE l.code = ?1 AND t.number = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, till_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("No ticket matches the receipt barcode “%s”: it may come from another shop, "
                     "or its till has not synchronised yet."), data);
      return NULL;
    }
  return g_strdup (text_at (stmt, 0));
}
