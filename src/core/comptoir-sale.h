/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-product.h"

G_BEGIN_DECLS

/* A ticket being built at a till, then committed: the ticket, its lines,
 * payments, stock movements, fiscal journal entry and its change-log
 * entry are one transaction, so a sale is either all there or not at all. */
typedef struct _ComptoirSale ComptoirSale;

typedef struct {
  char   *id;
  gint64  number;
  gint64  total_cents;
  gint64  change_cents;
} ComptoirCommittedTicket;

ComptoirSale *comptoir_sale_new             (void);
void          comptoir_sale_free            (ComptoirSale *sale);
void          comptoir_sale_set_training    (ComptoirSale *sale,
                                             gboolean      training);
void          comptoir_sale_set_cashier     (ComptoirSale *sale,
                                             const char   *cashier);
void          comptoir_sale_set_member      (ComptoirSale *sale,
                                             const char   *member_id);
void          comptoir_sale_set_refund_of   (ComptoirSale *sale,
                                             const char   *ticket_id);
guint         comptoir_sale_add_product     (ComptoirSale    *sale,
                                             ComptoirProduct *product,
                                             gint64           quantity_milli);
guint         comptoir_sale_add_line        (ComptoirSale *sale,
                                             const char   *product_id,
                                             const char   *label,
                                             gint64        quantity_milli,
                                             gint64        unit_price_cents,
                                             int           vat_bp);
void          comptoir_sale_add_payment     (ComptoirSale *sale,
                                             const char   *method,
                                             gint64        amount_cents);
guint         comptoir_sale_get_n_lines     (ComptoirSale *sale);
gint64        comptoir_sale_get_total       (ComptoirSale *sale);
gint64        comptoir_sale_get_paid        (ComptoirSale *sale);
/* What meal vouchers may pay on this ticket: its food lines. */
gint64        comptoir_sale_get_meal_voucher_eligible (ComptoirSale *sale);

gboolean      comptoir_sale_commit          (ComptoirSale            *sale,
                                             ComptoirDb              *db,
                                             const char              *till_id,
                                             ComptoirCommittedTicket *out,
                                             GError                 **error);

void          comptoir_committed_ticket_clear (ComptoirCommittedTicket *ticket);

/* The id of the till with this short code ("T1"), created if new. */
char         *comptoir_till_ensure          (ComptoirDb   *db,
                                             const char   *code,
                                             GError      **error);

gboolean      comptoir_payment_method_is_valid (const char *method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirSale, comptoir_sale_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirCommittedTicket, comptoir_committed_ticket_clear)

G_END_DECLS
