/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Euro coins and notes, in cents, as a till's drawer holds them. */
#define COMPTOIR_N_DENOMINATIONS 15
extern const gint64 comptoir_denominations[COMPTOIR_N_DENOMINATIONS];

/* How many of each denomination were counted (same order). */
typedef struct {
  guint count[COMPTOIR_N_DENOMINATIONS];
} ComptoirCashCount;

typedef struct {
  char   *session_id;
  gint64  float_cents;
  gint64  cash_sales_cents;   /* cash taken minus change given, refunds included */
  gint64  cash_moves_cents;   /* put in minus taken out */
  gint64  expected_cents;
  gint64  counted_cents;
  gint64  difference_cents;   /* counted − expected: negative when cash is missing */
} ComptoirSessionSummary;

gint64   comptoir_cash_count_total        (const ComptoirCashCount *count);

/* The id of the till with this short code ("T1"); NOT_FOUND if there is
 * none (comptoir_till_ensure() creates it instead). */
char    *comptoir_till_lookup             (ComptoirDb             *db,
                                           const char             *code,
                                           GError                **error);

gboolean comptoir_till_session_open       (ComptoirDb             *db,
                                           const char             *till_id,
                                           const ComptoirCashCount *float_count,
                                           const char             *who,
                                           GError                **error);
/* Cash put in (positive) or taken out (negative) by staff_id, an active
 * member of staff whose name the movement keeps; audited as cash_in or
 * cash_out in the same transaction. */
gboolean comptoir_till_session_move_cash  (ComptoirDb             *db,
                                           const char             *till_id,
                                           gint64                  amount_cents,
                                           const char             *reason,
                                           const char             *staff_id,
                                           GError                **error);
/* What the drawer should hold now; FALSE with an error when no session
 * is open. */
gboolean comptoir_till_session_get_summary (ComptoirDb             *db,
                                            const char             *till_id,
                                            ComptoirSessionSummary *out,
                                            GError                **error);
gboolean comptoir_till_session_close      (ComptoirDb             *db,
                                           const char             *till_id,
                                           const ComptoirCashCount *count,
                                           const char             *who,
                                           ComptoirSessionSummary *out,
                                           GError                **error);
void     comptoir_session_summary_clear   (ComptoirSessionSummary *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirSessionSummary, comptoir_session_summary_clear)

G_END_DECLS
