/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-sale.h"

G_BEGIN_DECLS

/* What a refund gives back: the lines of a committed ticket, negated, as
 * a sale that refers to it. positions (1-based, as on the ticket) picks
 * some lines; NULL takes them all. A refund ticket cannot be refunded,
 * and a line is refunded once at most, whatever tickets refunded it
 * before. Commit it with comptoir_audit_commit_refund(). */
ComptoirSale *comptoir_refund_prepare (ComptoirDb   *db,
                                       const char   *ticket_id,
                                       const guint  *positions,
                                       guint         n_positions,
                                       GError      **error);

G_END_DECLS
