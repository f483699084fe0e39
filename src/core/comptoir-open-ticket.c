/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-open-ticket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-audit.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-open-ticket-private.h"
#include "comptoir-staff-private.h"

G_DEFINE_FINAL_TYPE (ComptoirOpenTicket, comptoir_open_ticket, G_TYPE_OBJECT)

void
_comptoir_open_ticket_line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->product_id);
  g_free (line->label);
  g_free (line->void_reason);
}

GArray *
_comptoir_open_ticket_lines_new (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));

  g_array_set_clear_func (lines, _comptoir_open_ticket_line_clear);
  return lines;
}

static void
payment_clear (gpointer data)
{
  g_free (((OpenPayment *) data)->method);
}

static void
comptoir_open_ticket_finalize (GObject *object)
{
  ComptoirOpenTicket *self = COMPTOIR_OPEN_TICKET (object);

  g_clear_object (&self->db);
  g_free (self->till_id);
  g_free (self->id);
  g_free (self->cashier);
  g_free (self->member_id);
  g_array_unref (self->lines);
  g_array_unref (self->payments);

  G_OBJECT_CLASS (comptoir_open_ticket_parent_class)->finalize (object);
}

static void
comptoir_open_ticket_class_init (ComptoirOpenTicketClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_open_ticket_finalize;
}

static void
comptoir_open_ticket_init (ComptoirOpenTicket *self)
{
  self->lines = _comptoir_open_ticket_lines_new ();
  self->payments = g_array_new (FALSE, TRUE, sizeof (OpenPayment));
  g_array_set_clear_func (self->payments, payment_clear);
}

gint64
_comptoir_open_ticket_line_total (const Line *line)
{
  return comptoir_money_mul_milli (line->unit_price_cents, line->quantity_milli);
}

gboolean
_comptoir_open_ticket_load_lines (ComptoirDb  *db,
            const char  *ticket_id,
            GArray      *lines,
            GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT product_id, label, quantity_milli, unit_price_cents, vat_bp, void_reason, "
                             "coalesce (discount_of, 0), coalesce (discount_bp, 0) "
                             "FROM open_ticket_line WHERE ticket_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Line line = {
        .product_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .label = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .quantity_milli = sqlite3_column_int64 (stmt, 2),
        .unit_price_cents = sqlite3_column_int64 (stmt, 3),
        .vat_bp = sqlite3_column_int (stmt, 4),
        .void_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5)),
        .discount_of = (guint) sqlite3_column_int (stmt, 6),
        .discount_bp = sqlite3_column_int (stmt, 7),
      };
      g_array_append_val (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Writes a new, empty current ticket for the till, kept by the same
 * cashier; the caller adopts it once its transaction commits. */
char *
_comptoir_open_ticket_insert_new (ComptoirOpenTicket  *self,
            GError             **error)
{
  g_autoptr (ComptoirStmt) start =
    comptoir_db_prepare (self->db, "INSERT INTO open_ticket (ticket_id, till_id, started_at, cashier, training) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  g_autofree char *id = comptoir_uuid7_new ();
  g_autofree char *at = comptoir_timestamp_now ();

  if (start == NULL)
    return NULL;
  sqlite3_bind_text (start, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 2, self->till_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 3, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 4, self->cashier, -1, SQLITE_STATIC);
  sqlite3_bind_int (start, 5, self->training);
  if (!comptoir_db_step_done (self->db, start, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* member_id: the member the adopted ticket is for, NULL for a new one. */
void
_comptoir_open_ticket_adopt (ComptoirOpenTicket  *self,
       char               **id,
       GArray              *lines,
       char               **member_id)
{
  g_free (self->id);
  self->id = g_steal_pointer (id);
  g_array_unref (self->lines);
  self->lines = g_array_ref (lines);
  g_free (self->member_id);
  self->member_id = member_id != NULL ? g_steal_pointer (member_id) : NULL;
  /* A ticket with payments is never put aside: what is adopted has none. */
  g_array_set_size (self->payments, 0);
}

/* Ends the transaction an action began: commits what it wrote, or rolls
 * it all back when it failed. */
gboolean
_comptoir_open_ticket_finish (ComptoirOpenTicket  *self,
        gboolean             ok,
        GError             **error)
{
  if (!ok)
    {
      comptoir_db_rollback (self->db);
      return FALSE;
    }
  return comptoir_db_commit (self->db, error);
}

static gboolean
load_payments (ComptoirOpenTicket  *self,
               GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (self->db, "SELECT method, amount_cents FROM open_ticket_payment "
                                   "WHERE ticket_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpenPayment payment = {
        .method = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .amount_cents = sqlite3_column_int64 (stmt, 1),
      };
      g_array_append_val (self->payments, payment);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* The till's ticket in progress if there is one (after a restart, a
 * crash or a power cut), else a new empty one. */
ComptoirOpenTicket *
comptoir_open_ticket_resume_or_start (ComptoirDb  *db,
                                      const char  *till_id,
                                      GError     **error)
{
  g_autoptr (ComptoirOpenTicket) self = g_object_new (COMPTOIR_TYPE_OPEN_TICKET, NULL);
  g_autoptr (ComptoirStmt) find = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  self->db = g_object_ref (db);
  self->till_id = g_strdup (till_id);

  find = comptoir_db_prepare (db, "SELECT ticket_id, cashier, member_id, training FROM open_ticket "
                                  "WHERE till_id = ?1 AND parked_at IS NULL", error);
  if (find == NULL)
    return NULL;
  sqlite3_bind_text (find, 1, till_id, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      self->id = g_strdup ((const char *) sqlite3_column_text (find, 0));
      self->cashier = g_strdup ((const char *) sqlite3_column_text (find, 1));
      self->member_id = g_strdup ((const char *) sqlite3_column_text (find, 2));
      self->training = sqlite3_column_int (find, 3);
      comptoir_stmt_release (g_steal_pointer (&find));
      if (!_comptoir_open_ticket_load_lines (db, self->id, self->lines, error) ||
          !load_payments (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }
  comptoir_stmt_release (g_steal_pointer (&find));

  if ((id = _comptoir_open_ticket_insert_new (self, error)) == NULL)
    return NULL;
  self->id = g_steal_pointer (&id);
  return g_steal_pointer (&self);
}

const char *
comptoir_open_ticket_get_id (ComptoirOpenTicket *self)
{
  return self->id;
}

gboolean
comptoir_open_ticket_set_cashier (ComptoirOpenTicket  *self,
                                  const char          *staff_id,
                                  GError             **error)
{
  g_autoptr (ComptoirStmt) update = NULL;

  if (staff_id != NULL && !_comptoir_staff_check (self->db, staff_id, FALSE, NULL, error))
    return FALSE;

  update = comptoir_db_prepare (self->db, "UPDATE open_ticket SET cashier = ?2 WHERE ticket_id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, staff_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, update, error))
    return FALSE;

  g_free (self->cashier);
  self->cashier = g_strdup (staff_id);
  return TRUE;
}

const char *
comptoir_open_ticket_get_cashier (ComptoirOpenTicket *self)
{
  return self->cashier;
}

gboolean
comptoir_open_ticket_set_member (ComptoirOpenTicket  *self,
                                 const char          *member_id,
                                 GError             **error)
{
  g_autoptr (ComptoirStmt) update =
    comptoir_db_prepare (self->db, "UPDATE open_ticket SET member_id = ?2 WHERE ticket_id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, member_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, update, error))
    return FALSE;

  g_free (self->member_id);
  self->member_id = g_strdup (member_id);
  return TRUE;
}

const char *
comptoir_open_ticket_get_member (ComptoirOpenTicket *self)
{
  return self->member_id;
}

static gboolean
write_training (ComptoirOpenTicket  *self,
                gboolean             training,
                GError             **error)
{
  g_autoptr (ComptoirStmt) update =
    comptoir_db_prepare (self->db, "UPDATE open_ticket SET training = ?2 WHERE ticket_id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, training);
  return comptoir_db_step_done (self->db, update, error) &&
         comptoir_audit_record (self->db, self->till_id,
                                training ? COMPTOIR_AUDIT_TRAINING_ON : COMPTOIR_AUDIT_TRAINING_OFF,
                                self->cashier, NULL, self->id, NULL, NULL, error);
}

gboolean
comptoir_open_ticket_set_training (ComptoirOpenTicket  *self,
                                   gboolean             training,
                                   GError             **error)
{
  training = !!training;
  if (training == self->training)
    return TRUE;
  if (comptoir_open_ticket_get_n_lines (self) > 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Finish or cancel the ticket on screen before switching training mode."));
      return FALSE;
    }
  if (!_comptoir_staff_check (self->db, self->cashier, FALSE, NULL, error) ||
      !comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_training (self, training, error), error))
    return FALSE;
  self->training = training;
  return TRUE;
}

gboolean
comptoir_open_ticket_get_training (ComptoirOpenTicket *self)
{
  return self->training;
}

gboolean
comptoir_open_ticket_add_payment (ComptoirOpenTicket  *self,
                                  const char          *method,
                                  gint64               amount_cents,
                                  GError             **error)
{
  g_autoptr (ComptoirStmt) insert = NULL;
  OpenPayment payment;

  if (!comptoir_payment_method_is_valid (method) || amount_cents <= 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A payment needs a known method and an amount above zero."));
      return FALSE;
    }
  insert = comptoir_db_prepare (self->db, "INSERT INTO open_ticket_payment (ticket_id, position, method, amount_cents) "
                                          "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, (int) self->payments->len + 1);
  sqlite3_bind_text (insert, 3, method, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, amount_cents);
  if (!comptoir_db_step_done (self->db, insert, error))
    return FALSE;

  payment.method = g_strdup (method);
  payment.amount_cents = amount_cents;
  g_array_append_val (self->payments, payment);
  return TRUE;
}

guint
comptoir_open_ticket_get_n_payments (ComptoirOpenTicket *self)
{
  return self->payments->len;
}

gboolean
comptoir_open_ticket_get_payment (ComptoirOpenTicket  *self,
                                  guint                index,
                                  const char         **out_method,
                                  gint64              *out_amount_cents)
{
  OpenPayment *payment;

  if (index >= self->payments->len)
    return FALSE;
  payment = &g_array_index (self->payments, OpenPayment, index);
  *out_method = payment->method;
  *out_amount_cents = payment->amount_cents;
  return TRUE;
}

gint64
comptoir_open_ticket_get_paid (ComptoirOpenTicket *self)
{
  gint64 paid = 0;

  for (guint i = 0; i < self->payments->len; i++)
    paid += g_array_index (self->payments, OpenPayment, i).amount_cents;
  return paid;
}

gboolean
comptoir_open_ticket_clear_payments (ComptoirOpenTicket  *self,
                                     GError             **error)
{
  g_autoptr (ComptoirStmt) drop =
    comptoir_db_prepare (self->db, "DELETE FROM open_ticket_payment WHERE ticket_id = ?1", error);

  if (drop == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, self->id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, drop, error))
    return FALSE;
  g_array_set_size (self->payments, 0);
  return TRUE;
}

gboolean
_comptoir_open_ticket_check_unpaid (ComptoirOpenTicket  *self,
                                    GError             **error)
{
  if (self->payments->len == 0)
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Payments were taken for this ticket: finish it, then refund what must be."));
  return FALSE;
}

guint
comptoir_open_ticket_get_n_lines (ComptoirOpenTicket *self)
{
  return self->lines->len;
}

gboolean
comptoir_open_ticket_get_line (ComptoirOpenTicket *self,
                               guint               position,
                               ComptoirOpenLine   *out)
{
  Line *line;

  if (position < 1 || position > self->lines->len)
    return FALSE;

  line = &g_array_index (self->lines, Line, position - 1);
  out->position = position;
  out->product_id = line->product_id;
  out->label = line->label;
  out->quantity_milli = line->quantity_milli;
  out->unit_price_cents = line->unit_price_cents;
  out->vat_bp = line->vat_bp;
  out->total_cents = _comptoir_open_ticket_line_total (line);
  out->void_reason = line->void_reason;
  out->discount_of = line->discount_of;
  return TRUE;
}

gint64
comptoir_open_ticket_get_total (ComptoirOpenTicket *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      if (line->void_reason == NULL)
        total += _comptoir_open_ticket_line_total (line);
    }
  return total;
}

/* Adds a line and saves it before returning: a scanned article is on
 * disk by the time the cashier sees it. Returns its position, 0 on error. */
static guint
add_line (ComptoirOpenTicket  *self,
          ComptoirProduct     *product,
          gint64               quantity_milli,
          gint64               unit_price_cents,
          GError             **error)
{
  g_autoptr (ComptoirStmt) insert = NULL;
  Line line = { 0 };
  guint position = self->lines->len + 1;

  if (quantity_milli == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The quantity cannot be zero."));
      return 0;
    }
  if (!comptoir_product_get_active (product))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” has been withdrawn from sale. Ask a manager before selling it."),
                   comptoir_product_get_name (product));
      return 0;
    }

  insert = comptoir_db_prepare (self->db,
                                "INSERT INTO open_ticket_line (ticket_id, position, product_id, label, "
                                "quantity_milli, unit_price_cents, vat_bp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_text (insert, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, position);
  sqlite3_bind_text (insert, 3, comptoir_product_get_id (product), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, comptoir_product_get_name (product), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, quantity_milli);
  sqlite3_bind_int64 (insert, 6, unit_price_cents);
  sqlite3_bind_int (insert, 7, comptoir_product_get_vat_bp (product));
  if (!comptoir_db_step_done (self->db, insert, error))
    return 0;

  line.product_id = g_strdup (comptoir_product_get_id (product));
  line.label = g_strdup (comptoir_product_get_name (product));
  line.quantity_milli = quantity_milli;
  line.unit_price_cents = unit_price_cents;
  line.vat_bp = comptoir_product_get_vat_bp (product);
  g_array_append_val (self->lines, line);
  return position;
}

guint
comptoir_open_ticket_add_product (ComptoirOpenTicket  *self,
                                  ComptoirProduct     *product,
                                  gint64               quantity_milli,
                                  GError             **error)
{
  return add_line (self, product, quantity_milli, comptoir_product_get_price_cents (product), error);
}

/* A label with a price sells one labelled item at that price; a label
 * with a weight sells that weight at the product's price per kg. */
guint
comptoir_open_ticket_add_scan (ComptoirOpenTicket  *self,
                               const ComptoirScan  *scan,
                               GError             **error)
{
  if (scan->product == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This is a member card, not an article."));
      return 0;
    }
  if (scan->needs_weight)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is sold by weight: weigh it, or type its weight."),
                   comptoir_product_get_name (scan->product));
      return 0;
    }
  if (scan->unit_price_cents >= 0)
    return add_line (self, scan->product, 1000, scan->unit_price_cents, error);
  return add_line (self, scan->product, scan->quantity_milli,
                   comptoir_product_get_price_cents (scan->product), error);
}

/* The lines still standing, as a sale to add payments to, signed by the
 * cashier. */
ComptoirSale *
comptoir_open_ticket_to_sale (ComptoirOpenTicket *self)
{
  ComptoirSale *sale = comptoir_sale_new ();

  comptoir_sale_set_cashier (sale, self->cashier);
  comptoir_sale_set_member (sale, self->member_id);
  comptoir_sale_set_training (sale, self->training);
  for (guint i = 0; i < self->payments->len; i++)
    {
      OpenPayment *payment = &g_array_index (self->payments, OpenPayment, i);
      comptoir_sale_add_payment (sale, payment->method, payment->amount_cents);
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      if (line->void_reason == NULL)
        comptoir_sale_add_line (sale, line->product_id, line->label, line->quantity_milli,
                                line->unit_price_cents, line->vat_bp);
    }
  return sale;
}

gboolean
_comptoir_open_ticket_forget (ComptoirOpenTicket  *self,
        GError             **error)
{
  g_autoptr (ComptoirStmt) drop =
    comptoir_db_prepare (self->db, "DELETE FROM open_ticket WHERE ticket_id = ?1", error);

  if (drop == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, self->id, -1, SQLITE_STATIC);
  return comptoir_db_step_done (self->db, drop, error);
}

/* The next customer's ticket is opened in the same transaction: the till
 * always has one, and never the one just sold or cancelled. */
static gboolean
write_commit (ComptoirOpenTicket       *self,
              ComptoirSale             *sale,
              ComptoirCommittedTicket  *out,
              char                    **out_next,
              GError                  **error)
{
  return comptoir_sale_commit (sale, self->db, self->till_id, out, error) &&
         _comptoir_open_ticket_forget (self, error) &&
         (*out_next = _comptoir_open_ticket_insert_new (self, error)) != NULL;
}

gboolean
comptoir_open_ticket_commit (ComptoirOpenTicket       *self,
                             ComptoirSale             *sale,
                             ComptoirCommittedTicket  *out,
                             GError                  **error)
{
  ComptoirCommittedTicket local = { 0 };
  g_autofree char *next = NULL;
  g_autoptr (GArray) empty = _comptoir_open_ticket_lines_new ();

  if (!comptoir_db_begin (self->db, error))
    return FALSE;
  if (!_comptoir_open_ticket_finish (self, write_commit (self, sale, &local, &next, error), error))
    {
      comptoir_committed_ticket_clear (&local);
      return FALSE;
    }

  _comptoir_open_ticket_adopt (self, &next, empty, NULL);
  if (out != NULL)
    *out = local;
  else
    comptoir_committed_ticket_clear (&local);
  return TRUE;
}

