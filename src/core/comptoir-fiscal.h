/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* The fiscal journal (art. 286 I-3° bis CGI): every ticket and closure
 * of a till gets an entry numbered without gaps whose hash chains it to
 * the previous one, over a canonical serialisation of what was sold. */

typedef enum {
  COMPTOIR_PERIOD_DAY,
  COMPTOIR_PERIOD_MONTH,
  COMPTOIR_PERIOD_YEAR,
} ComptoirPeriod;

typedef struct {
  char   *id;
  gint64  first_number;   /* 0 when the period had no ticket */
  gint64  last_number;
  gint64  ticket_count;
  gint64  total_cents;
  gint64  perpetual_cents;
} ComptoirClosure;

/* In-tree: appends the entry for a ticket just written in the current
 * transaction. */
gboolean     _comptoir_fiscal_append_ticket (ComptoirDb  *db,
                                             const char  *ticket_id,
                                             GError     **error);

/* staff_id: the active member of staff closing, recorded in the audit
 * log with the closure (in the same transaction); NULL when no one is
 * logged in, as for a closure run from the command line. */
gboolean     comptoir_fiscal_close          (ComptoirDb      *db,
                                             const char      *till_id,
                                             ComptoirPeriod   period,
                                             const char      *staff_id,
                                             ComptoirClosure *out,
                                             GError         **error);
void         comptoir_closure_clear         (ComptoirClosure *closure);

/* Recomputes every chain from the tickets and closures as stored now;
 * FALSE with the first broken link in error. out_entries: how many
 * entries were checked. */
gboolean     comptoir_fiscal_verify         (ComptoirDb  *db,
                                             gint64      *out_entries,
                                             GError     **error);

/* The Z (or month, year) report of a closure as text for a person: ticket
 * numbers, totals by VAT rate and by payment method, refunds, training
 * tickets, period and perpetual totals, read from what the journal
 * chained; and the tickets cancelled before payment since the previous
 * closure of the same kind, read from the audit log. */
char        *comptoir_closure_format_report (ComptoirDb  *db,
                                             const char  *closure_id,
                                             GError     **error);

gboolean     comptoir_period_from_string    (const char     *text,
                                             ComptoirPeriod *out_period);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirClosure, comptoir_closure_clear)

G_END_DECLS
