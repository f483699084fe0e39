/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-open-ticket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-audit.h"
#include "comptoir-id.h"
#include "comptoir-money.h"
#include "comptoir-open-ticket-private.h"
#include "comptoir-staff-private.h"

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

/* The position of the discount standing on a line, 0 if none. */
static guint
live_discount_of (ComptoirOpenTicket *self,
                  guint               position)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      if (line->discount_of == position && line->void_reason == NULL)
        return i + 1;
    }
  return 0;
}

/* An article line whose quantity or price may change: not a discount,
 * and not carrying one (the discount was worked out on it). */
static Line *
plain_line (ComptoirOpenTicket  *self,
            guint                position,
            GError             **error)
{
  Line *line = live_line (self, position, error);
  guint discount;

  if (line == NULL)
    return NULL;
  if (line->discount_of != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Line %u is a discount: void it and give a new one instead of changing it."),
                   position);
      return NULL;
    }
  if ((discount = live_discount_of (self, position)) != 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Line %u has a discount (line %u): void the discount first, then change the line."),
                   position, discount);
      return NULL;
    }
  return line;
}

char *
_comptoir_open_ticket_clean_reason (const char  *reason,
              const char  *example,
              GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, example);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
require_cashier (ComptoirOpenTicket  *self,
                 GError             **error)
{
  return _comptoir_staff_check (self->db, self->cashier, FALSE, NULL, error);
}

gboolean
comptoir_open_ticket_set_quantity (ComptoirOpenTicket  *self,
                                   guint                position,
                                   gint64               quantity_milli,
                                   GError             **error)
{
  g_autoptr (ComptoirStmt) update = NULL;
  Line *line = plain_line (self, position, error);

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

/* What the audit log keeps of a line. */
JsonObject *
_comptoir_open_ticket_line_details (const Line *line,
              guint       position)
{
  JsonObject *details = json_object_new ();

  json_object_set_int_member (details, "position", position);
  if (line->product_id != NULL)
    json_object_set_string_member (details, "product_id", line->product_id);
  else
    json_object_set_null_member (details, "product_id");
  json_object_set_string_member (details, "label", line->label);
  json_object_set_int_member (details, "quantity_milli", line->quantity_milli);
  json_object_set_int_member (details, "unit_price_cents", line->unit_price_cents);
  json_object_set_int_member (details, "vat_bp", line->vat_bp);
  json_object_set_int_member (details, "total_cents", _comptoir_open_ticket_line_total (line));
  return details;
}

static gboolean
write_void (ComptoirOpenTicket  *self,
            guint                position,
            const char          *reason,
            GError             **error)
{
  g_autoptr (ComptoirStmt) update =
    comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET void_reason = ?3 "
                                   "WHERE ticket_id = ?1 AND position = ?2", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, position);
  sqlite3_bind_text (update, 3, reason, -1, SQLITE_STATIC);
  return comptoir_db_step_done (self->db, update, error);
}

static gboolean
write_void_line (ComptoirOpenTicket  *self,
                 guint                position,
                 guint                discount,
                 const char          *reason,
                 GError             **error)
{
  g_autoptr (JsonObject) details =
    _comptoir_open_ticket_line_details (&g_array_index (self->lines, Line, position - 1), position);

  if (discount != 0)
    json_object_set_int_member (details, "discount_position", discount);
  return write_void (self, position, reason, error) &&
         (discount == 0 || write_void (self, discount, reason, error)) &&
         comptoir_audit_record (self->db, self->till_id, COMPTOIR_AUDIT_LINE_VOID, self->cashier, NULL,
                                self->id, reason, details, error);
}

/* A voided line stays on the open ticket with its reason; it is not sold.
 * A line's discount goes with it. */
gboolean
comptoir_open_ticket_void_line (ComptoirOpenTicket  *self,
                                guint                position,
                                const char          *reason,
                                GError             **error)
{
  g_autofree char *clean = NULL;
  Line *line = live_line (self, position, error);
  guint discount;

  if (line == NULL ||
      (clean = _comptoir_open_ticket_clean_reason (reason, _("Say why the line is voided, for example “scanned twice”."), error)) == NULL ||
      !require_cashier (self, error))
    return FALSE;

  discount = line->discount_of == 0 ? live_discount_of (self, position) : 0;
  if (!comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_void_line (self, position, discount, clean, error), error))
    return FALSE;

  if (discount != 0)
    g_array_index (self->lines, Line, discount - 1).void_reason = g_strdup (clean);
  line->void_reason = g_steal_pointer (&clean);
  return TRUE;
}

static gboolean
write_price (ComptoirOpenTicket  *self,
             guint                position,
             gint64               unit_price_cents,
             const char          *manager_id,
             const char          *reason,
             GError             **error)
{
  const Line *line = &g_array_index (self->lines, Line, position - 1);
  g_autoptr (JsonObject) details = _comptoir_open_ticket_line_details (line, position);
  g_autoptr (ComptoirStmt) update =
    comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET unit_price_cents = ?3 "
                                   "WHERE ticket_id = ?1 AND position = ?2", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, position);
  sqlite3_bind_int64 (update, 3, unit_price_cents);
  if (!comptoir_db_step_done (self->db, update, error))
    return FALSE;

  json_object_set_int_member (details, "new_unit_price_cents", unit_price_cents);
  json_object_set_int_member (details, "new_total_cents",
                              comptoir_money_mul_milli (unit_price_cents, line->quantity_milli));
  return comptoir_audit_record (self->db, self->till_id, COMPTOIR_AUDIT_PRICE_OVERRIDE, self->cashier,
                                manager_id, self->id, reason, details, error);
}

gboolean
comptoir_open_ticket_override_price (ComptoirOpenTicket  *self,
                                     guint                position,
                                     gint64               unit_price_cents,
                                     const char          *manager_id,
                                     const char          *reason,
                                     GError             **error)
{
  g_autofree char *clean = NULL;
  Line *line = plain_line (self, position, error);

  if (line == NULL)
    return FALSE;
  if (unit_price_cents < 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A price cannot be negative: type the price to charge, or void the line."));
      return FALSE;
    }
  if ((clean = _comptoir_open_ticket_clean_reason (reason, _("Say why the price changes, for example “damaged packaging”."), error)) == NULL ||
      !require_cashier (self, error) ||
      !_comptoir_staff_check (self->db, manager_id, TRUE, NULL, error))
    return FALSE;

  if (!comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_price (self, position, unit_price_cents, manager_id, clean, error), error))
    return FALSE;

  line->unit_price_cents = unit_price_cents;
  return TRUE;
}

/* The lines after position move down by one, last first so that no two
 * share a position on the way. */
static gboolean
write_shift (ComptoirOpenTicket  *self,
             guint                position,
             GError             **error)
{
  for (guint p = self->lines->len; p > position; p--)
    {
      g_autoptr (ComptoirStmt) move =
        comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET position = position + 1 "
                                       "WHERE ticket_id = ?1 AND position = ?2", error);

      if (move == NULL)
        return FALSE;
      sqlite3_bind_text (move, 1, self->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (move, 2, p);
      if (!comptoir_db_step_done (self->db, move, error))
        return FALSE;
    }

  {
    g_autoptr (ComptoirStmt) refer =
      comptoir_db_prepare (self->db, "UPDATE open_ticket_line SET discount_of = discount_of + 1 "
                                     "WHERE ticket_id = ?1 AND discount_of > ?2", error);

    if (refer == NULL)
      return FALSE;
    sqlite3_bind_text (refer, 1, self->id, -1, SQLITE_STATIC);
    sqlite3_bind_int (refer, 2, position);
    return comptoir_db_step_done (self->db, refer, error);
  }
}

static gboolean
write_discount (ComptoirOpenTicket  *self,
                guint                position,
                const Line          *discount,
                const char          *manager_id,
                const char          *reason,
                GError             **error)
{
  g_autoptr (JsonObject) details =
    _comptoir_open_ticket_line_details (&g_array_index (self->lines, Line, position - 1), position);
  g_autoptr (ComptoirStmt) insert = NULL;

  if (!write_shift (self, position, error))
    return FALSE;

  insert = comptoir_db_prepare (self->db,
                                "INSERT INTO open_ticket_line (ticket_id, position, product_id, label, "
                                "quantity_milli, unit_price_cents, vat_bp, discount_of, discount_bp) "
                                "VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, nullif (?8, 0))", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, position + 1);
  sqlite3_bind_text (insert, 3, discount->label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, discount->quantity_milli);
  sqlite3_bind_int64 (insert, 5, discount->unit_price_cents);
  sqlite3_bind_int (insert, 6, discount->vat_bp);
  sqlite3_bind_int (insert, 7, position);
  sqlite3_bind_int (insert, 8, discount->discount_bp);
  if (!comptoir_db_step_done (self->db, insert, error))
    return FALSE;

  json_object_set_int_member (details, "discount_position", position + 1);
  if (discount->discount_bp != 0)
    json_object_set_int_member (details, "percent_bp", discount->discount_bp);
  else
    json_object_set_null_member (details, "percent_bp");
  json_object_set_int_member (details, "discount_cents", -discount->unit_price_cents);
  return comptoir_audit_record (self->db, self->till_id, COMPTOIR_AUDIT_DISCOUNT, self->cashier,
                                manager_id, self->id, reason, details, error);
}

/* How much comes off the line: a percentage of its total, rounded half
 * away from zero like every amount, or a fixed amount; 0 on error. */
static gint64
discount_amount (const Line  *line,
                 int          percent_bp,
                 gint64       amount_cents,
                 GError     **error)
{
  gint64 total = _comptoir_open_ticket_line_total (line);
  gint64 amount;

  if (percent_bp < 0 || amount_cents < 0 || (percent_bp > 0) == (amount_cents > 0))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the discount either as a percentage or as an amount, not both."));
      return 0;
    }
  if (percent_bp > 10000)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A discount cannot be more than 100 %: type a smaller percentage."));
      return 0;
    }
  if (total <= 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Only a line the customer pays for can be discounted."));
      return 0;
    }

  amount = percent_bp > 0 ? comptoir_money_div_round (total * percent_bp, 10000) : amount_cents;
  if (amount > total)
    {
      g_autofree char *limit = comptoir_money_format (total);
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The discount is more than the line (%s €): type a smaller amount."), limit);
      return 0;
    }
  if (amount == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This discount is less than one cent: give a larger one."));
      return 0;
    }
  return amount;
}

guint
comptoir_open_ticket_discount_line (ComptoirOpenTicket  *self,
                                    guint                position,
                                    int                  percent_bp,
                                    gint64               amount_cents,
                                    const char          *manager_id,
                                    const char          *reason,
                                    GError             **error)
{
  g_autofree char *clean = NULL;
  Line *line = plain_line (self, position, error);
  Line discount = { 0 };
  gint64 amount;

  if (line == NULL || (amount = discount_amount (line, percent_bp, amount_cents, error)) == 0)
    return 0;
  if ((clean = _comptoir_open_ticket_clean_reason (reason, _("Say why the discount is given, for example “best before today”."), error)) == NULL ||
      !require_cashier (self, error) ||
      !_comptoir_staff_check (self->db, manager_id, TRUE, NULL, error))
    return 0;

  if (percent_bp > 0)
    {
      g_autofree char *percent = comptoir_vat_rate_format (percent_bp);
      /* Translators: a ticket line; %s are the percentage ("10 %") and the
       * discounted article's name */
      discount.label = g_strdup_printf (_("Discount %s — %s"), percent, line->label);
    }
  else
    /* Translators: a ticket line; %s is the discounted article's name */
    discount.label = g_strdup_printf (_("Discount — %s"), line->label);
  discount.quantity_milli = 1000;
  discount.unit_price_cents = -amount;
  discount.vat_bp = line->vat_bp;
  discount.discount_of = position;
  discount.discount_bp = percent_bp;

  if (!comptoir_db_begin (self->db, error) ||
      !_comptoir_open_ticket_finish (self, write_discount (self, position, &discount, manager_id, clean, error), error))
    {
      _comptoir_open_ticket_line_clear (&discount);
      return 0;
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *other = &g_array_index (self->lines, Line, i);
      if (other->discount_of > position)
        other->discount_of++;
    }
  g_array_insert_val (self->lines, position, discount);
  return position + 1;
}

