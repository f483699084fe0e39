/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "comptoir-member-record.h"

G_BEGIN_DECLS

/* In-tree only: what the member record, shares, life events, export and
 * import files share. */

/* What most operations check about a member before writing. */
typedef struct {
  gint64      number;
  ComptoirDay left_on;
  gboolean    anonymised;
} ComptoirMemberState;

/* NOT_FOUND when no member has that id. */
gboolean _comptoir_member_get_state      (ComptoirDb          *db,
                                          const char          *member_id,
                                          ComptoirMemberState *out,
                                          GError             **error);
/* INVALID, saying so, when the member was anonymised. */
gboolean _comptoir_member_check_not_anonymised (const ComptoirMemberState *state,
                                                GError                   **error);
/* INVALID when the member left on or before that day. */
gboolean _comptoir_member_check_present  (const ComptoirMemberState *state,
                                          ComptoirDay                on,
                                          GError                   **error);
/* INVALID unless day is a day (not COMPTOIR_DAY_NONE) and, with
 * until_today, not after today. */
gboolean _comptoir_member_check_day      (ComptoirDay   day,
                                          gboolean      until_today,
                                          GError      **error);
/* Whether text looks like an e-mail address: something@domain.tld,
 * without spaces. */
gboolean _comptoir_member_email_is_valid (const char   *email);
/* The member id of a number, NOT_FOUND when none; out holds
 * COMPTOIR_ID_LEN + 1 bytes. */
gboolean _comptoir_member_id_for_number  (ComptoirDb   *db,
                                          gint64        number,
                                          char         *out,
                                          GError      **error);

/* Join with a card given (an import keeps the cards members already
 * carry), or the shop's card when card_barcode is NULL. */
char    *_comptoir_member_join_with_card (ComptoirDb                 *db,
                                          const ComptoirMemberRecord *record,
                                          guint                       n_shares,
                                          const char                 *card_barcode,
                                          GError                    **error);
/* Gives the member that card (an EAN-13 with a valid check digit, no
 * other member's). */
gboolean _comptoir_member_set_card       (ComptoirDb   *db,
                                          const char   *member_id,
                                          const char   *card_barcode,
                                          GError      **error);

/* Refunds every share the member holds, on that day: a refund movement
 * (the money is paid back later, as a negative payment). Nothing when
 * they hold none. */
gboolean _comptoir_member_shares_refund_all (ComptoirDb  *db,
                                             const char  *member_id,
                                             ComptoirDay  on,
                                             GError     **error);

/* Appends an office event (schema 0014: 'anonymise', 'merge') in the
 * caller's transaction. details may be NULL. */
gboolean _comptoir_member_event_record   (ComptoirDb   *db,
                                          const char   *member_id,
                                          const char   *action,
                                          const char   *by_staff,
                                          JsonObject   *details,
                                          GError      **error);

G_END_DECLS
