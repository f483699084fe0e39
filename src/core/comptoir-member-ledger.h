/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-member-status.h"

G_BEGIN_DECLS

/* What changes a member's counter or status, through the write API,
 * each in one transaction: entries are appended to the ledger, never
 * changed. Days cannot be after today: a shift is recorded once worked
 * (or missed), possibly late; it then counts on the day it took place. */

/* kind: SHIFT_DONE, SHIFT_MISSED, MAKEUP_DONE or LATE_CANCEL. The
 * points follow from the kind, the member's participation and the
 * shop's rules (the schema lists them). slot_id and by_staff may be
 * NULL. */
gboolean comptoir_member_record_shift     (ComptoirDb             *db,
                                           const char             *member_id,
                                           ComptoirLedgerKind      kind,
                                           ComptoirDay             effective_on,
                                           const char             *slot_id,
                                           const char             *by_staff,
                                           GError                **error);
/* Adds (or removes) points, with the reason said. */
gboolean comptoir_member_correct          (ComptoirDb             *db,
                                           const char             *member_id,
                                           ComptoirDay             effective_on,
                                           gint64                  points,
                                           const char             *reason,
                                           const char             *by_staff,
                                           GError                **error);
/* Two accounts of one person: the absorbed member's counter on that day
 * moves to the surviving one (a merge_out and a merge_in of the same
 * value), and the absorbed member leaves on that day. Both histories
 * stay as they were. */
gboolean comptoir_member_merge            (ComptoirDb             *db,
                                           const char             *absorbed_id,
                                           const char             *surviving_id,
                                           ComptoirDay             on,
                                           const char             *by_staff,
                                           GError                **error);
/* A leave period, both days included; to_on COMPTOIR_DAY_NONE while its
 * end is not known. Returns the leave's id. */
char    *comptoir_member_start_leave      (ComptoirDb             *db,
                                           const char             *member_id,
                                           ComptoirLeaveKind       kind,
                                           ComptoirDay             from_on,
                                           ComptoirDay             to_on,
                                           GError                **error);
gboolean comptoir_member_end_leave        (ComptoirDb             *db,
                                           const char             *leave_id,
                                           ComptoirDay             to_on,
                                           GError                **error);
/* From that day on. A flying member who stops being flying keeps the
 * shifts owed for the cycles before: they are written to the ledger
 * (cycle_dues), so that the change does not rewrite the past. */
gboolean comptoir_member_set_participation (ComptoirDb            *db,
                                            const char            *member_id,
                                            ComptoirParticipation  participation,
                                            ComptoirDay            since,
                                            GError               **error);
/* The member leaves the cooperative on that day (unsubscribed). */
gboolean comptoir_member_set_left         (ComptoirDb             *db,
                                           const char             *member_id,
                                           ComptoirDay             left_on,
                                           GError                **error);

G_END_DECLS
