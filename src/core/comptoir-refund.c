/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-refund"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-refund.h"

static gboolean
wanted (const guint *positions,
        guint        n_positions,
        guint        position)
{
  if (positions == NULL)
    return TRUE;
  for (guint i = 0; i < n_positions; i++)
    if (positions[i] == position)
      return TRUE;
  return FALSE;
}

/* A line already given back by an earlier refund of this ticket: the same
 * product, label and price, counted as many times as it was refunded. */
static gint64
already_refunded (ComptoirDb  *db,
                  const char  *ticket_id,
                  const char  *label,
                  gint64       unit_price_cents,
                  GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT coalesce (-sum (l.quantity_milli), 0) FROM ticket_line l "
                             "JOIN ticket t ON t.id = l.ticket_id "
                             "WHERE t.refers_to = ?1 AND l.label = ?2 AND l.unit_price_cents = ?3", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, unit_price_cents);
  if (!comptoir_db_step_done (db, stmt, error))
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

ComptoirSale *
comptoir_refund_prepare (ComptoirDb   *db,
                         const char   *ticket_id,
                         const guint  *positions,
                         guint         n_positions,
                         GError      **error)
{
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_autoptr (ComptoirStmt) ticket = NULL;
  g_autoptr (ComptoirStmt) lines = NULL;
  /* label and price -> quantity refunded before and not yet matched */
  g_autoptr (GHashTable) unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 number;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  ticket = comptoir_db_prepare (db, "SELECT kind, number FROM ticket WHERE id = ?1", error);
  if (ticket == NULL)
    return NULL;
  sqlite3_bind_text (ticket, 1, ticket_id, -1, SQLITE_STATIC);
  if (sqlite3_step (ticket) != SQLITE_ROW)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("No ticket has this number at this till. Check the number on the receipt."));
      return NULL;
    }
  number = sqlite3_column_int64 (ticket, 1);
  if (g_str_equal ((const char *) sqlite3_column_text (ticket, 0), "refund"))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Ticket %lld is itself a refund: it cannot be refunded."), (long long) number);
      return NULL;
    }
  comptoir_stmt_release (g_steal_pointer (&ticket));

  lines = comptoir_db_prepare (db, "SELECT position, product_id, label, quantity_milli, unit_price_cents, vat_bp "
                                   "FROM ticket_line WHERE ticket_id = ?1 ORDER BY position", error);
  if (lines == NULL)
    return NULL;
  sqlite3_bind_text (lines, 1, ticket_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      guint position = (guint) sqlite3_column_int (lines, 0);
      const char *label = (const char *) sqlite3_column_text (lines, 2);
      gint64 quantity = sqlite3_column_int64 (lines, 3);
      gint64 price = sqlite3_column_int64 (lines, 4);
      g_autofree char *key = g_strdup_printf ("%s\x1f%lld", label, (long long) price);
      gint64 *earlier;

      if (!wanted (positions, n_positions, position))
        continue;

      /* Earlier refunds are matched to lines in ticket order, so that
       * two identical lines refunded one at a time come out right. */
      if (!(earlier = g_hash_table_lookup (unmatched, key)))
        {
          gint64 done = already_refunded (db, ticket_id, label, price, error);

          if (done < 0)
            return NULL;
          earlier = g_new (gint64, 1);
          *earlier = done;
          g_hash_table_insert (unmatched, g_strdup (key), earlier);
        }
      if (*earlier >= quantity)
        {
          *earlier -= quantity;
          if (positions != NULL)
            {
              g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Line %u of ticket %lld (%s) was already refunded."),
                           position, (long long) number, label);
              return NULL;
            }
          continue;
        }
      quantity -= *earlier;
      *earlier = 0;

      comptoir_sale_add_line (sale, (const char *) sqlite3_column_text (lines, 1), label,
                              -quantity, price, sqlite3_column_int (lines, 5));
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  if (comptoir_sale_get_n_lines (sale) == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Everything on ticket %lld was already refunded."), (long long) number);
      return NULL;
    }
  comptoir_sale_set_refund_of (sale, ticket_id);
  return g_steal_pointer (&sale);
}
