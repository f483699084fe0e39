/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-open-ticket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-open-ticket.h"

typedef struct {
  char   *product_id;
  char   *label;
  gint64  quantity_milli;
  gint64  unit_price_cents;
  int     vat_bp;
  char   *void_reason;
} Line;

struct _ComptoirOpenTicket
{
  GObject     parent_instance;

  ComptoirDb *db;
  char       *till_id;
  char       *id;
  GArray     *lines;  /* Line, position = index + 1 */
};

G_DEFINE_FINAL_TYPE (ComptoirOpenTicket, comptoir_open_ticket, G_TYPE_OBJECT)

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->product_id);
  g_free (line->label);
  g_free (line->void_reason);
}

static void
comptoir_open_ticket_finalize (GObject *object)
{
  ComptoirOpenTicket *self = COMPTOIR_OPEN_TICKET (object);

  g_clear_object (&self->db);
  g_free (self->till_id);
  g_free (self->id);
  g_array_unref (self->lines);

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
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
}

static gboolean
load_lines (ComptoirOpenTicket  *self,
            GError             **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (self->db, "SELECT product_id, label, quantity_milli, unit_price_cents, vat_bp, void_reason "
                                   "FROM open_ticket_line WHERE ticket_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Line line = {
        .product_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .label = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .quantity_milli = sqlite3_column_int64 (stmt, 2),
        .unit_price_cents = sqlite3_column_int64 (stmt, 3),
        .vat_bp = sqlite3_column_int (stmt, 4),
        .void_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5)),
      };
      g_array_append_val (self->lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_new (ComptoirOpenTicket  *self,
           GError             **error)
{
  g_autoptr (ComptoirStmt) start =
    comptoir_db_prepare (self->db, "INSERT INTO open_ticket (till_id, ticket_id, started_at) "
                                   "VALUES (?1, ?2, ?3)", error);
  g_autofree char *id = comptoir_uuid7_new ();
  g_autofree char *at = comptoir_timestamp_now ();

  if (start == NULL)
    return FALSE;
  sqlite3_bind_text (start, 1, self->till_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (start, 3, at, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, start, error))
    return FALSE;

  g_free (self->id);
  self->id = g_steal_pointer (&id);
  g_array_set_size (self->lines, 0);
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

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  self->db = g_object_ref (db);
  self->till_id = g_strdup (till_id);

  find = comptoir_db_prepare (db, "SELECT ticket_id FROM open_ticket WHERE till_id = ?1", error);
  if (find == NULL)
    return NULL;
  sqlite3_bind_text (find, 1, till_id, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      self->id = g_strdup ((const char *) sqlite3_column_text (find, 0));
      comptoir_stmt_release (g_steal_pointer (&find));
      if (!load_lines (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }
  comptoir_stmt_release (g_steal_pointer (&find));

  if (!start_new (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
comptoir_open_ticket_get_id (ComptoirOpenTicket *self)
{
  return self->id;
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
  out->total_cents = comptoir_money_mul_milli (line->unit_price_cents, line->quantity_milli);
  out->void_reason = line->void_reason;
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
        total += comptoir_money_mul_milli (line->unit_price_cents, line->quantity_milli);
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

static Line *
live_line (ComptoirOpenTicket  *self,
           guint                position,
           GError             **error)
{
  Line *line;

  if (position < 1 || position > self->lines->len)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                   _("The ticket has no line %u."), position);
      return NULL;
    }
  line = &g_array_index (self->lines, Line, position - 1);
  if (line->void_reason != NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Line %u is already voided."), position);
      return NULL;
    }
  return line;
}

gboolean
comptoir_open_ticket_set_quantity (ComptoirOpenTicket  *self,
                                   guint                position,
                                   gint64               quantity_milli,
                                   GError             **error)
{
  g_autoptr (ComptoirStmt) update = NULL;
  Line *line = live_line (self, position, error);

  if (line == NULL)
    return FALSE;
  if (quantity_milli == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("The quantity cannot be zero: void the line instead."));
      return FALSE;
    }

  update = comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET quantity_milli = ?3 "
                                          "WHERE ticket_id = ?1 AND position = ?2", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, position);
  sqlite3_bind_int64 (update, 3, quantity_milli);
  if (!comptoir_db_step_done (self->db, update, error))
    return FALSE;

  line->quantity_milli = quantity_milli;
  return TRUE;
}

/* A voided line stays on the open ticket with its reason (the audit log
 * of the till issue records who did it); it is not sold. */
gboolean
comptoir_open_ticket_void_line (ComptoirOpenTicket  *self,
                                guint                position,
                                const char          *reason,
                                GError             **error)
{
  g_autoptr (ComptoirStmt) update = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  Line *line = live_line (self, position, error);

  if (line == NULL)
    return FALSE;
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Say why the line is voided, for example “scanned twice”."));
      return FALSE;
    }

  update = comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET void_reason = ?3 "
                                          "WHERE ticket_id = ?1 AND position = ?2", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, position);
  sqlite3_bind_text (update, 3, clean, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (self->db, update, error))
    return FALSE;

  line->void_reason = g_steal_pointer (&clean);
  return TRUE;
}

ComptoirSale *
comptoir_open_ticket_to_sale (ComptoirOpenTicket *self)
{
  ComptoirSale *sale = comptoir_sale_new ();

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      if (line->void_reason == NULL)
        comptoir_sale_add_line (sale, line->product_id, line->label, line->quantity_milli,
                                line->unit_price_cents, line->vat_bp);
    }
  return sale;
}

static void
restore (ComptoirOpenTicket  *self,
         char               **previous_id,
         GArray              *previous_lines)
{
  g_array_unref (self->lines);
  self->lines = g_array_ref (previous_lines);
  g_free (self->id);
  self->id = g_steal_pointer (previous_id);
}

gboolean
comptoir_open_ticket_commit (ComptoirOpenTicket       *self,
                             ComptoirSale             *sale,
                             ComptoirCommittedTicket  *out,
                             GError                  **error)
{
  g_autofree char *previous = g_strdup (self->id);
  g_autoptr (GArray) previous_lines = g_array_ref (self->lines);

  if (!comptoir_db_begin (self->db, error))
    return FALSE;

  {
    g_autoptr (ComptoirStmt) forget =
      comptoir_db_prepare (self->db, "DELETE FROM open_ticket WHERE ticket_id = ?1", error);

    if (forget == NULL || !comptoir_sale_commit (sale, self->db, self->till_id, out, error))
      goto fail;
    sqlite3_bind_text (forget, 1, previous, -1, SQLITE_STATIC);
    if (!comptoir_db_step_done (self->db, forget, error))
      goto fail;
  }

  /* The next customer's ticket is opened in the same transaction: the
   * till always has one, and never the one just sold. */
  g_array_unref (self->lines);
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
  if (!start_new (self, error))
    {
      restore (self, &previous, previous_lines);
      goto fail;
    }
  if (!comptoir_db_commit (self->db, error))
    {
      /* A failed commit has already rolled back. */
      restore (self, &previous, previous_lines);
      if (out != NULL)
        comptoir_committed_ticket_clear (out);
      return FALSE;
    }
  return TRUE;

fail:
  if (out != NULL)
    comptoir_committed_ticket_clear (out);
  comptoir_db_rollback (self->db);
  return FALSE;
}
