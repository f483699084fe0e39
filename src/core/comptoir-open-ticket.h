/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-sale.h"
#include "comptoir-scan.h"

G_BEGIN_DECLS

/* The ticket a till is building. Every change is saved at once (one small
 * transaction), so the till reopens on it after a crash; committing turns
 * it into a sale ticket and forgets it in the same transaction. */
#define COMPTOIR_TYPE_OPEN_TICKET (comptoir_open_ticket_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirOpenTicket, comptoir_open_ticket, COMPTOIR, OPEN_TICKET, GObject)

typedef struct {
  guint       position;
  const char *product_id;
  const char *label;
  gint64      quantity_milli;
  gint64      unit_price_cents;
  int         vat_bp;
  gint64      total_cents;
  const char *void_reason;  /* non-NULL: voided, kept for the audit */
  guint       discount_of;  /* non-zero: a discount on the line at that position */
} ComptoirOpenLine;

/* A ticket put aside at a till (the customer went back for something)
 * to serve the next one meanwhile. */
typedef struct {
  char   *id;
  char   *label;      /* what the cashier typed, or NULL */
  char   *parked_at;
  char   *cashier;    /* staff id, or NULL */
  guint   n_lines;    /* voided lines included */
  gint64  total_cents;
} ComptoirParkedTicket;

ComptoirOpenTicket *comptoir_open_ticket_resume_or_start (ComptoirDb          *db,
                                                          const char          *till_id,
                                                          GError             **error);
const char         *comptoir_open_ticket_get_id          (ComptoirOpenTicket  *self);
/* Who is at the till (a staff id, after comptoir_staff_log_in()), or NULL
 * once they log out. Voids, overrides and discounts are signed with it,
 * it stays on the next tickets, and the sale records it as its cashier. */
gboolean            comptoir_open_ticket_set_cashier     (ComptoirOpenTicket  *self,
                                                          const char          *staff_id,
                                                          GError             **error);
const char         *comptoir_open_ticket_get_cashier     (ComptoirOpenTicket  *self);
/* The member the ticket is for (coop mode), kept with the draft. */
gboolean            comptoir_open_ticket_set_member      (ComptoirOpenTicket  *self,
                                                          const char          *member_id,
                                                          GError             **error);
const char         *comptoir_open_ticket_get_member      (ComptoirOpenTicket  *self);
/* Training mode: tickets are recorded, marked as training, and counted
 * apart (no money). Switched between tickets; audited with who did it. */
gboolean            comptoir_open_ticket_set_training    (ComptoirOpenTicket  *self,
                                                          gboolean             training,
                                                          GError             **error);
gboolean            comptoir_open_ticket_get_training    (ComptoirOpenTicket  *self);
/* Payments taken so far, saved at once: a card accepted on the terminal
 * is remembered through a crash. to_sale() carries them; cancel and park
 * refuse a ticket that has some. */
gboolean            comptoir_open_ticket_add_payment     (ComptoirOpenTicket  *self,
                                                          const char          *method,
                                                          gint64               amount_cents,
                                                          GError             **error);
guint               comptoir_open_ticket_get_n_payments  (ComptoirOpenTicket  *self);
gboolean            comptoir_open_ticket_get_payment     (ComptoirOpenTicket  *self,
                                                          guint                index,
                                                          const char         **out_method,
                                                          gint64              *out_amount_cents);
gint64              comptoir_open_ticket_get_paid        (ComptoirOpenTicket  *self);
/* Forgets the payments (a commit refused them): the cashier takes them again. */
gboolean            comptoir_open_ticket_clear_payments  (ComptoirOpenTicket  *self,
                                                          GError             **error);
guint               comptoir_open_ticket_get_n_lines     (ComptoirOpenTicket  *self);
gboolean            comptoir_open_ticket_get_line        (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          ComptoirOpenLine    *out);
gint64              comptoir_open_ticket_get_total       (ComptoirOpenTicket  *self);

guint               comptoir_open_ticket_add_product     (ComptoirOpenTicket  *self,
                                                          ComptoirProduct     *product,
                                                          gint64               quantity_milli,
                                                          GError             **error);
/* A scanned code as resolved by comptoir_scan_resolve(): its weight or
 * the price its label fixes. */
guint               comptoir_open_ticket_add_scan        (ComptoirOpenTicket  *self,
                                                          const ComptoirScan  *scan,
                                                          GError             **error);
gboolean            comptoir_open_ticket_set_quantity    (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          gint64               quantity_milli,
                                                          GError             **error);
/* Voids a line (and its discount) before payment: it stays on the ticket
 * with its reason, is not sold, and the void is audited with the cashier,
 * in one transaction. Needs a cashier. */
gboolean            comptoir_open_ticket_void_line       (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          const char          *reason,
                                                          GError             **error);
/* Charges another unit price for a line, approved by manager_id (from
 * comptoir_staff_authorize()); audited with the old and new prices. */
gboolean            comptoir_open_ticket_override_price  (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          gint64               unit_price_cents,
                                                          const char          *manager_id,
                                                          const char          *reason,
                                                          GError             **error);
/* Discounts a line by percent_bp (1000 = 10 %) or by amount_cents (give
 * one, the other 0), approved by manager_id. The discount is a line of
 * its own, negative, at the same VAT rate, just after the line it
 * reduces: the lines after it move down by one. Returns its position, 0
 * on error. A discounted line's quantity and price are fixed until its
 * discount is voided. */
guint               comptoir_open_ticket_discount_line   (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          int                  percent_bp,
                                                          gint64               amount_cents,
                                                          const char          *manager_id,
                                                          const char          *reason,
                                                          GError             **error);
/* Cancels the whole ticket: its lines and total are kept in the audit
 * log (never deleted from history) and the till starts a new ticket, in
 * one transaction. */
gboolean            comptoir_open_ticket_cancel          (ComptoirOpenTicket  *self,
                                                          const char          *staff_id,
                                                          const char          *reason,
                                                          GError             **error);
/* Puts the ticket aside (label may be NULL) and starts a new one. */
gboolean            comptoir_open_ticket_park            (ComptoirOpenTicket  *self,
                                                          const char          *label,
                                                          GError             **error);
/* Brings back a parked ticket of this till. A current ticket that has
 * lines is parked in its place (without a label), so that the cashier
 * can go back and forth between two customers and nothing is lost; an
 * empty one is dropped. */
gboolean            comptoir_open_ticket_resume          (ComptoirOpenTicket  *self,
                                                          const char          *ticket_id,
                                                          GError             **error);
/* The till's parked tickets, oldest first: a GPtrArray of
 * ComptoirParkedTicket. */
GPtrArray          *comptoir_open_ticket_list_parked     (ComptoirDb          *db,
                                                          const char          *till_id,
                                                          GError             **error);
void                comptoir_parked_ticket_free          (ComptoirParkedTicket *ticket);
/* The lines still standing, as a sale to add payments to. */
ComptoirSale       *comptoir_open_ticket_to_sale         (ComptoirOpenTicket  *self);
/* Commits sale (made by to_sale, then paid) and forgets this ticket, in
 * one transaction; the till then starts a new one. */
gboolean            comptoir_open_ticket_commit          (ComptoirOpenTicket      *self,
                                                          ComptoirSale            *sale,
                                                          ComptoirCommittedTicket *out,
                                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirParkedTicket, comptoir_parked_ticket_free)

G_END_DECLS
