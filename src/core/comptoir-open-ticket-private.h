/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "comptoir-open-ticket.h"

G_BEGIN_DECLS

/* The open ticket in three files: building it and committing it
 * (comptoir-open-ticket.c), corrections a cashier or manager makes
 * (comptoir-open-ticket-corrections.c), and cancelling, parking and
 * resuming (comptoir-open-ticket-park.c). */

typedef struct {
  char   *product_id;
  char   *label;
  gint64  quantity_milli;
  gint64  unit_price_cents;
  int     vat_bp;
  char   *void_reason;
  guint   discount_of;  /* 0 for an article */
  int     discount_bp;  /* 0 for a discount by amount */
} Line;

typedef struct {
  char   *method;
  gint64  amount_cents;
} OpenPayment;

struct _ComptoirOpenTicket
{
  GObject     parent_instance;

  ComptoirDb *db;
  char       *till_id;
  char       *id;
  char       *cashier;
  char       *member_id;
  gboolean    training;  /* the till's training mode: new tickets inherit it */
  GArray     *lines;     /* Line, position = index + 1 */
  GArray     *payments;  /* OpenPayment, taken so far */
};

void        _comptoir_open_ticket_line_clear   (gpointer             data);
GArray     *_comptoir_open_ticket_lines_new    (void);
gint64      _comptoir_open_ticket_line_total   (const Line          *line);
gboolean    _comptoir_open_ticket_load_lines   (ComptoirDb          *db,
                                                const char          *ticket_id,
                                                GArray              *lines,
                                                GError             **error);
/* Writes a new, empty current ticket for the till, kept by the same
 * cashier; the caller adopts it once its transaction commits. */
char       *_comptoir_open_ticket_insert_new   (ComptoirOpenTicket  *self,
                                                GError             **error);
void        _comptoir_open_ticket_adopt        (ComptoirOpenTicket  *self,
                                                char               **id,
                                                GArray              *lines,
                                                char               **member_id);
/* Ends the transaction an action began: commits, or rolls back. */
gboolean    _comptoir_open_ticket_finish       (ComptoirOpenTicket  *self,
                                                gboolean             ok,
                                                GError             **error);
char       *_comptoir_open_ticket_clean_reason (const char          *reason,
                                                const char          *example,
                                                GError             **error);
JsonObject *_comptoir_open_ticket_line_details (const Line          *line,
                                                guint                position);
/* Refuses an action that would drop payments already taken. */
gboolean    _comptoir_open_ticket_check_unpaid (ComptoirOpenTicket  *self,
                                                GError             **error);
gboolean    _comptoir_open_ticket_forget       (ComptoirOpenTicket  *self,
                                                GError             **error);

G_END_DECLS
