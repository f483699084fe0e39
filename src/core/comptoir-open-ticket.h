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
} ComptoirOpenLine;

ComptoirOpenTicket *comptoir_open_ticket_resume_or_start (ComptoirDb          *db,
                                                          const char          *till_id,
                                                          GError             **error);
const char         *comptoir_open_ticket_get_id          (ComptoirOpenTicket  *self);
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
gboolean            comptoir_open_ticket_void_line       (ComptoirOpenTicket  *self,
                                                          guint                position,
                                                          const char          *reason,
                                                          GError             **error);
/* The lines still standing, as a sale to add payments to. */
ComptoirSale       *comptoir_open_ticket_to_sale         (ComptoirOpenTicket  *self);
/* Commits sale (made by to_sale, then paid) and forgets this ticket, in
 * one transaction; the till then starts a new one. */
gboolean            comptoir_open_ticket_commit          (ComptoirOpenTicket      *self,
                                                          ComptoirSale            *sale,
                                                          ComptoirCommittedTicket *out,
                                                          GError                 **error);

G_END_DECLS
