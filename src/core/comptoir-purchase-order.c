/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-purchase-order"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-purchase-order-private.h"
#include "comptoir-supplier-private.h"

#define MAX_PACKS 99999

static const char *status_names[] = { "draft", "sent", "received", "cancelled" };

const char *
comptoir_purchase_order_status_to_string (ComptoirPurchaseOrderStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

const char *
comptoir_purchase_order_status_get_label (ComptoirPurchaseOrderStatus status)
{
  switch (status)
    {
    case COMPTOIR_PURCHASE_ORDER_DRAFT:     return _("draft");
    case COMPTOIR_PURCHASE_ORDER_SENT:      return _("sent");
    case COMPTOIR_PURCHASE_ORDER_RECEIVED:  return _("received");
    case COMPTOIR_PURCHASE_ORDER_CANCELLED: return _("cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

static ComptoirPurchaseOrderStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      return i;
  return COMPTOIR_PURCHASE_ORDER_DRAFT;
}

static void
line_clear (gpointer data)
{
  ComptoirPurchaseOrderLine *line = data;

  g_free (line->id);
  g_free (line->supplier_product_id);
  g_free (line->product_id);
  g_free (line->supplier_ref);
  g_free (line->label);
  g_free (line->barcode);
  g_free (line->explanation);
}

void
comptoir_purchase_order_clear (ComptoirPurchaseOrder *order)
{
  g_clear_pointer (&order->id, g_free);
  g_clear_pointer (&order->supplier_id, g_free);
  g_clear_pointer (&order->supplier_name, g_free);
  g_clear_pointer (&order->number, g_free);
  g_clear_pointer (&order->created_at, g_free);
  g_clear_pointer (&order->sent_at, g_free);
  g_clear_pointer (&order->expected_on, g_free);
  g_clear_pointer (&order->note, g_free);
  g_clear_pointer (&order->lines, g_array_unref);
}

static gboolean
load_lines (ComptoirDb             *db,
            ComptoirPurchaseOrder  *order,
            GError                **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  /* The product as linked now when the line was written before the
   * link; the barcode a receiver is likely to scan. */
  stmt = comptoir_db_prepare (db,
                              "SELECT l.id, l.supplier_product_id, coalesce (l.product_id, sp.product_id), "
                              "  sp.supplier_ref, coalesce (p.name, sp.name), "
                              "  coalesce (sp.barcode, (SELECT b.barcode FROM product_barcode b "
                              "    WHERE b.product_id = p.id ORDER BY b.rowid LIMIT 1)), "
                              "  p.unit, l.packs, l.quantity_milli, sp.pack_milli, l.price_cents, "
                              "  l.suggested_milli, l.explanation "
                              "FROM purchase_order_line l "
                              "JOIN supplier_product sp ON sp.id = l.supplier_product_id "
                              "LEFT JOIN product p ON p.id = coalesce (l.product_id, sp.product_id) "
                              "WHERE l.order_id = ?1 ORDER BY sp.supplier_ref, l.rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, order->id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirPurchaseOrderLine line = { 0 };

      line.id = _comptoir_db_column_dup (stmt, 0);
      line.supplier_product_id = _comptoir_db_column_dup (stmt, 1);
      line.product_id = _comptoir_db_column_dup (stmt, 2);
      line.supplier_ref = _comptoir_db_column_dup (stmt, 3);
      line.label = _comptoir_db_column_dup (stmt, 4);
      line.barcode = _comptoir_db_column_dup (stmt, 5);
      line.unit = COMPTOIR_UNIT_PIECE;
      comptoir_unit_from_string ((const char *) sqlite3_column_text (stmt, 6), &line.unit);
      line.packs = sqlite3_column_int64 (stmt, 7);
      line.quantity_milli = sqlite3_column_int64 (stmt, 8);
      /* The pack size when ordered, which the catalogue may have
       * changed since. */
      line.pack_milli = line.packs > 0 ? line.quantity_milli / line.packs : sqlite3_column_int64 (stmt, 9);
      line.price_cents = _comptoir_db_column_int_or (stmt, 10, -1);
      line.suggested_milli = _comptoir_db_column_int_or (stmt, 11, -1);
      line.explanation = _comptoir_db_column_dup (stmt, 12);
      if (line.price_cents >= 0)
        order->total_cents += comptoir_money_mul_milli (line.price_cents, line.quantity_milli);
      g_array_append_val (order->lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static void
order_from_row (sqlite3_stmt *stmt,
                gpointer      data)
{
  ComptoirPurchaseOrder *out = data;

  memset (out, 0, sizeof *out);
  out->id = _comptoir_db_column_dup (stmt, 0);
  out->supplier_id = _comptoir_db_column_dup (stmt, 1);
  out->supplier_name = _comptoir_db_column_dup (stmt, 2);
  out->number = _comptoir_db_column_dup (stmt, 3);
  out->status = status_from_string ((const char *) sqlite3_column_text (stmt, 4));
  out->created_at = _comptoir_db_column_dup (stmt, 5);
  out->sent_at = _comptoir_db_column_dup (stmt, 6);
  out->expected_on = _comptoir_db_column_dup (stmt, 7);
  out->note = _comptoir_db_column_dup (stmt, 8);
  out->min_order_cents = _comptoir_db_column_int_or (stmt, 9, 0);
  out->franco_cents = _comptoir_db_column_int_or (stmt, 10, 0);
  out->lines = g_array_new (FALSE, TRUE, sizeof (ComptoirPurchaseOrderLine));
  g_array_set_clear_func (out->lines, line_clear);
}

static gboolean
load_where (ComptoirDb             *db,
            const char             *sql,
            const char             *key,
            ComptoirPurchaseOrder  *out,
            gboolean               *out_found,
            GError                **error)
{
  if (!_comptoir_db_query_row (db, sql, key, NULL, order_from_row, out, out_found, error))
    return FALSE;
  if (*out_found && !load_lines (db, out, error))
    {
      comptoir_purchase_order_clear (out);
      *out_found = FALSE;
      return FALSE;
    }
  return TRUE;
}

#define ORDER_COLUMNS                                                          \
  "SELECT o.id, o.supplier_id, s.name, o.number, o.status, o.created_at, "     \
  "o.sent_at, o.expected_on, o.note, s.min_order_cents, s.franco_cents "       \
  "FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id "

gboolean
comptoir_purchase_order_load (ComptoirDb             *db,
                              const char             *order_id,
                              ComptoirPurchaseOrder  *out,
                              GError                **error)
{
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (order_id != NULL && out != NULL, FALSE);

  if (!load_where (db, ORDER_COLUMNS "WHERE o.id = ?1", order_id, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("This purchase order no longer exists. Choose one from the list of orders."));
  return found;
}

gboolean
comptoir_purchase_order_find (ComptoirDb             *db,
                              const char             *number_or_id,
                              ComptoirPurchaseOrder  *out,
                              GError                **error)
{
  g_autofree char *number = g_strstrip (g_ascii_strup (number_or_id, -1));
  guint64 n;
  gboolean found = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (comptoir_uuid7_is_valid (number_or_id))
    return comptoir_purchase_order_load (db, number_or_id, out, error);

  /* "42" is "C-0042": the number people read on the order. */
  if (g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT32, &n, NULL))
    {
      g_free (number);
      number = g_strdup_printf ("C-%04" G_GUINT64_FORMAT, n);
    }
  if (!load_where (db, ORDER_COLUMNS "WHERE o.number = ?1", number, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("There is no purchase order %s. Check its number, such as C-0042."), number);
  return found;
}

void
comptoir_purchase_order_summary_free (ComptoirPurchaseOrderSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->number);
  g_free (summary->created_at);
  g_free (summary->sent_at);
  g_free (summary->expected_on);
  g_free (summary);
}

gboolean
comptoir_purchase_order_list (ComptoirDb   *db,
                              const char   *supplier_id,
                              GPtrArray   **out,
                              GError      **error)
{
  g_autoptr (GPtrArray) orders = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirPurchaseOrderSummary *summary = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_id != NULL && out != NULL, FALSE);

  /* The lines come with their order, one row each, so that the total is
   * added up line by line with the rounding the loaded order uses. */
  stmt = comptoir_db_prepare (db,
                              "SELECT o.id, o.number, o.status, o.created_at, o.sent_at, o.expected_on, "
                              "  l.packs, l.quantity_milli, l.price_cents "
                              "FROM purchase_order o LEFT JOIN purchase_order_line l ON l.order_id = o.id "
                              "WHERE o.supplier_id = ?1 ORDER BY o.created_at DESC, o.rowid DESC",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_STATIC);

  orders = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_purchase_order_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (summary == NULL || g_strcmp0 (summary->id, (const char *) sqlite3_column_text (stmt, 0)) != 0)
        {
          summary = g_new0 (ComptoirPurchaseOrderSummary, 1);
          summary->id = _comptoir_db_column_dup (stmt, 0);
          summary->number = _comptoir_db_column_dup (stmt, 1);
          summary->status = status_from_string ((const char *) sqlite3_column_text (stmt, 2));
          summary->created_at = _comptoir_db_column_dup (stmt, 3);
          summary->sent_at = _comptoir_db_column_dup (stmt, 4);
          summary->expected_on = _comptoir_db_column_dup (stmt, 5);
          g_ptr_array_add (orders, summary);
        }
      if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
        continue;  /* an order without lines */
      if (sqlite3_column_int64 (stmt, 6) > 0)
        summary->n_lines++;
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        summary->total_cents += comptoir_money_mul_milli (sqlite3_column_int64 (stmt, 8),
                                                          sqlite3_column_int64 (stmt, 7));
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  *out = g_steal_pointer (&orders);
  return TRUE;
}

static gboolean
create_in_transaction (ComptoirDb  *db,
                       const char  *supplier_id,
                       char       **out_id,
                       GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *number = NULL;
  g_autofree char *now = comptoir_timestamp_now ();

  /* Numbers follow each other on this machine; the transaction holds
   * the write lock, so two windows cannot take the same one. */
  stmt = comptoir_db_prepare (db,
                              "SELECT coalesce (max (CAST (substr (number, 3) AS INTEGER)), 0) + 1 "
                              "FROM purchase_order WHERE number LIKE 'C-%'",
                              error);
  if (stmt == NULL || !comptoir_db_step_done (db, stmt, error))
    return FALSE;
  number = g_strdup_printf ("C-%04" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  g_clear_pointer (&stmt, comptoir_stmt_release);

  change = comptoir_change_new ("purchase_order", NULL);
  comptoir_change_set_text (change, "supplier_id", supplier_id);
  comptoir_change_set_text (change, "number", number);
  comptoir_change_set_text (change, "status", "draft");
  comptoir_change_set_text (change, "created_at", now);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;
  *out_id = g_strdup (comptoir_change_get_row_id (change));
  return TRUE;
}

char *
comptoir_purchase_order_create (ComptoirDb  *db,
                                const char  *supplier_id,
                                GError     **error)
{
  g_auto (ComptoirSupplier) supplier = { 0 };
  char *id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  if (!comptoir_supplier_load (db, supplier_id, &supplier, error))
    return NULL;
  if (!comptoir_db_begin (db, error))
    return NULL;
  if (!create_in_transaction (db, supplier_id, &id, error))
    {
      comptoir_db_rollback (db);
      return NULL;
    }
  if (!comptoir_db_commit (db, error))
    g_clear_pointer (&id, g_free);
  return id;
}

/* The order's supplier if it is a draft that may still change. */
static gboolean
check_draft (ComptoirDb  *db,
             const char  *order_id,
             char       **out_supplier_id,
             GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT supplier_id, status, number FROM purchase_order WHERE id = ?1", error);
  const char *status;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, order_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This purchase order no longer exists. Choose one from the list of orders."));
      return FALSE;
    }
  status = (const char *) sqlite3_column_text (stmt, 1);
  if (g_strcmp0 (status, "draft") != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The order %s is %s: it can no longer be changed. Create a new order for what is missing."),
                   (const char *) sqlite3_column_text (stmt, 2),
                   comptoir_purchase_order_status_get_label (status_from_string (status)));
      return FALSE;
    }
  if (out_supplier_id != NULL)
    *out_supplier_id = _comptoir_db_column_dup (stmt, 0);
  return TRUE;
}

gboolean
_comptoir_purchase_order_write_line (ComptoirDb                    *db,
                                     const char                    *order_id,
                                     const ComptoirSupplierProduct *line,
                                     gint64                         packs,
                                     gint64                         suggested_milli,
                                     const char                    *explanation,
                                     GError                       **error)
{
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *line_id = NULL;

  if (!_comptoir_db_lookup_text (db,
                                 "SELECT id FROM purchase_order_line WHERE order_id = ?1 AND supplier_product_id = ?2",
                                 order_id, line->id, &line_id, error))
    return FALSE;

  /* The pack size and the price as the catalogue says them while the
   * order is a draft: what the supplier will be asked for. */
  change = comptoir_change_new ("purchase_order_line", line_id);
  comptoir_change_set_text (change, "order_id", order_id);
  comptoir_change_set_text (change, "supplier_product_id", line->id);
  comptoir_change_set_text (change, "product_id", line->product_id);
  comptoir_change_set_int (change, "packs", packs);
  comptoir_change_set_int (change, "quantity_milli", packs * line->pack_milli);
  if (line->price_cents >= 0)
    comptoir_change_set_int (change, "price_cents", line->price_cents);
  else
    comptoir_change_set_null (change, "price_cents");
  if (suggested_milli >= 0)
    {
      comptoir_change_set_int (change, "suggested_milli", suggested_milli);
      comptoir_change_set_text (change, "explanation", explanation);
    }
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_purchase_order_set_line (ComptoirDb  *db,
                                  const char  *order_id,
                                  const char  *supplier_product_id,
                                  gint64       packs,
                                  GError     **error)
{
  g_auto (ComptoirSupplierProduct) line = { 0 };
  g_autofree char *supplier_id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (order_id != NULL && supplier_product_id != NULL, FALSE);

  if (packs < 0 || packs > MAX_PACKS)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Order from 0 to %d packs; 0 takes the line off the order."), MAX_PACKS);
      return FALSE;
    }
  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!check_draft (db, order_id, &supplier_id, error) ||
      !comptoir_supplier_product_load (db, supplier_product_id, &line, error))
    goto fail;
  if (g_strcmp0 (line.supplier_id, supplier_id) != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is in another supplier’s catalogue. Order it from that supplier."), line.name);
      goto fail;
    }
  if (!_comptoir_purchase_order_write_line (db, order_id, &line, packs, -1, NULL, error))
    goto fail;
  return comptoir_db_commit (db, error);

fail:
  comptoir_db_rollback (db);
  return FALSE;
}

char *
_comptoir_purchase_order_day_after (GDateTime *now,
                                    int        days)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  g_autoptr (GDateTime) later = g_date_time_add_days (local, days);

  return g_date_time_format (later, "%Y-%m-%d");
}

gboolean
comptoir_purchase_order_send (ComptoirDb  *db,
                              const char  *order_id,
                              GDateTime   *now,
                              GError     **error)
{
  g_autoptr (GDateTime) clock = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) utc = g_date_time_to_utc (clock);
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *supplier_id = NULL;
  g_autofree char *sent_at = NULL;
  g_autofree char *expected_on = NULL;
  int lead_days;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (order_id != NULL, FALSE);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!check_draft (db, order_id, &supplier_id, error))
    goto fail;

  stmt = comptoir_db_prepare (db,
                              "SELECT s.lead_days, (SELECT count (*) FROM purchase_order_line l "
                              "  WHERE l.order_id = ?1 AND l.packs > 0) "
                              "FROM supplier s WHERE s.id = ?2",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, order_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, supplier_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    goto fail;
  lead_days = sqlite3_column_int (stmt, 0);
  if (sqlite3_column_int64 (stmt, 1) == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This order has nothing to order yet. Set how many packs of each product "
                             "to order, then send it."));
      goto fail;
    }

  sent_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
  expected_on = _comptoir_purchase_order_day_after (clock, lead_days);
  change = comptoir_change_new ("purchase_order", order_id);
  comptoir_change_set_text (change, "status", "sent");
  comptoir_change_set_text (change, "sent_at", sent_at);
  comptoir_change_set_text (change, "expected_on", expected_on);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    goto fail;
  return comptoir_db_commit (db, error);

fail:
  comptoir_db_rollback (db);
  return FALSE;
}

gboolean
comptoir_purchase_order_set_status (ComptoirDb                  *db,
                                    const char                  *order_id,
                                    ComptoirPurchaseOrderStatus  status,
                                    GError                     **error)
{
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  gboolean allowed;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), FALSE);

  if (!comptoir_purchase_order_load (db, order_id, &order, error))
    return FALSE;
  if (order.status == status)
    return TRUE;

  allowed = (status == COMPTOIR_PURCHASE_ORDER_RECEIVED && order.status == COMPTOIR_PURCHASE_ORDER_SENT) ||
            (status == COMPTOIR_PURCHASE_ORDER_CANCELLED && (order.status == COMPTOIR_PURCHASE_ORDER_DRAFT ||
                                                            order.status == COMPTOIR_PURCHASE_ORDER_SENT));
  if (!allowed)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The order %s is %s: it cannot be marked %s. Create a new order instead."),
                   order.number, comptoir_purchase_order_status_get_label (order.status),
                   comptoir_purchase_order_status_get_label (status));
      return FALSE;
    }

  change = comptoir_change_new ("purchase_order", order_id);
  comptoir_change_set_text (change, "status", status_names[status]);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static char *
euros (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  /* Translators: an amount in euros, such as "12,50 €" */
  return g_strdup_printf (_("%s €"), amount);
}

char **
comptoir_purchase_order_check (const ComptoirPurchaseOrder *order)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  guint n_ordered = 0, n_unpriced = 0;

  g_return_val_if_fail (order != NULL && order->lines != NULL, NULL);

  for (guint i = 0; i < order->lines->len; i++)
    {
      const ComptoirPurchaseOrderLine *line = &g_array_index (order->lines, ComptoirPurchaseOrderLine, i);

      if (line->packs <= 0)
        continue;
      n_ordered++;
      if (line->price_cents < 0)
        n_unpriced++;
    }

  if (n_ordered == 0)
    g_ptr_array_add (warnings, g_strdup (_("This order has nothing to order yet.")));
  if (n_ordered > 0 && order->min_order_cents > 0 && order->total_cents < order->min_order_cents)
    {
      g_autofree char *total = euros (order->total_cents);
      g_autofree char *minimum = euros (order->min_order_cents);
      g_autofree char *missing = euros (order->min_order_cents - order->total_cents);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("The order comes to %s excluding VAT, under the minimum order of %s "
                                          "of %s: add %s, or the supplier may refuse it."),
                                        total, order->supplier_name, minimum, missing));
    }
  if (n_ordered > 0 && order->franco_cents > 0 && order->total_cents < order->franco_cents)
    {
      g_autofree char *franco = euros (order->franco_cents);
      g_autofree char *missing = euros (order->franco_cents - order->total_cents);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("Delivery is charged under %s excluding VAT (franco): %s more and "
                                          "it is free."),
                                        franco, missing));
    }
  if (n_unpriced > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u line has no purchase price, so the total is short: "
                                                   "import the supplier’s latest catalogue.",
                                                   "%u lines have no purchase price, so the total is short: "
                                                   "import the supplier’s latest catalogue.",
                                                   n_unpriced),
                                      n_unpriced));

  g_ptr_array_add (warnings, NULL);
  return (char **) g_ptr_array_steal (warnings, NULL);
}

char *
_comptoir_purchase_order_format_quantity (ComptoirUnit unit,
                                          gint64       milli,
                                          gboolean     with_unit,
                                          char         mark)
{
  guint64 magnitude = (guint64) ABS (milli);
  GString *text = g_string_new (milli < 0 ? "-" : "");
  guint frac = magnitude % 1000;

  g_string_append_printf (text, "%" G_GUINT64_FORMAT, magnitude / 1000);
  if (frac != 0)
    {
      char digits[4];

      g_snprintf (digits, sizeof digits, "%03u", frac);
      for (int i = 2; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
      g_string_append_printf (text, "%c%s", mark, digits);
    }
  if (with_unit && unit == COMPTOIR_UNIT_KG)
    g_string_append (text, " kg");
  else if (with_unit && unit == COMPTOIR_UNIT_LITRE)
    g_string_append (text, " L");
  return g_string_free (text, FALSE);
}

static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  if (strpbrk (text, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ";");
}

GBytes *
comptoir_purchase_order_to_csv (const ComptoirPurchaseOrder *order)
{
  GString *out = g_string_new ("\xef\xbb\xbf");

  g_return_val_if_fail (order != NULL && order->lines != NULL, NULL);

  append_csv_field (out, _("Supplier reference"), FALSE);
  append_csv_field (out, _("Name"), FALSE);
  append_csv_field (out, _("Packs"), FALSE);
  append_csv_field (out, _("Units"), FALSE);
  append_csv_field (out, _("Unit price excl. VAT"), TRUE);

  for (guint i = 0; i < order->lines->len; i++)
    {
      const ComptoirPurchaseOrderLine *line = &g_array_index (order->lines, ComptoirPurchaseOrderLine, i);
      g_autofree char *packs = NULL;
      g_autofree char *units = NULL;
      g_autofree char *price = NULL;

      if (line->packs <= 0)
        continue;
      packs = g_strdup_printf ("%" G_GINT64_FORMAT, line->packs);
      units = _comptoir_purchase_order_format_quantity (line->unit, line->quantity_milli, FALSE, ',');
      if (line->price_cents >= 0)
        {
          price = comptoir_money_format (line->price_cents);
          *strchr (price, '.') = ',';
        }
      append_csv_field (out, line->supplier_ref, FALSE);
      append_csv_field (out, line->label, FALSE);
      append_csv_field (out, packs, FALSE);
      append_csv_field (out, units, FALSE);
      append_csv_field (out, price != NULL ? price : "", TRUE);
    }

  return g_string_free_to_bytes (out);
}

gboolean
comptoir_purchase_order_export_csv (ComptoirDb  *db,
                                    const char  *order_id,
                                    GFile       *file,
                                    GError     **error)
{
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) io_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!comptoir_purchase_order_load (db, order_id, &order, error))
    return FALSE;
  bytes = comptoir_purchase_order_to_csv (&order);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &io_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_FAILED,
                   _("The order could not be written to %s (%s). Choose another folder or file name."),
                   name, io_error->message);
      return FALSE;
    }
  return TRUE;
}
