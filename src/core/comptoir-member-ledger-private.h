/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-member-ledger.h"

G_BEGIN_DECLS

/* The same as comptoir_member_record_shift and comptoir_member_correct,
 * with the day that counts as today given: shift attendance is judged
 * against the "now" its caller gives (scripts and tests replay a day),
 * not against the machine's clock. */
gboolean _comptoir_member_record_shift_until (ComptoirDb          *db,
                                              const char          *member_id,
                                              ComptoirLedgerKind   kind,
                                              ComptoirDay          effective_on,
                                              const char          *slot_id,
                                              const char          *by_staff,
                                              ComptoirDay          today,
                                              GError             **error);
gboolean _comptoir_member_correct_until      (ComptoirDb          *db,
                                              const char          *member_id,
                                              ComptoirDay          effective_on,
                                              gint64               points,
                                              const char          *reason,
                                              const char          *by_staff,
                                              ComptoirDay          today,
                                              GError             **error);

G_END_DECLS
