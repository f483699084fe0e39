/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-member-status.h"

G_BEGIN_DECLS

/* A member's record and its life events (schema 0014-member-records.sql):
 * identity, household, shares, photo, notes; join, leave, anonymise,
 * merge, transfer of shares; everything stored about a member as JSON.
 * Each operation is one transaction through the write API. */

typedef struct {
  char                  id[COMPTOIR_ID_LEN + 1];   /* empty: a new member */
  gint64                number;                    /* 0 on join: the next free one */
  char                 *first_name;
  char                 *last_name;
  char                 *email;                     /* NULL when unknown */
  char                 *phone;
  char                 *address;
  ComptoirDay           birth_date;                /* COMPTOIR_DAY_NONE: not given */
  ComptoirDay           join_date;
  char                 *notes;
  /* Read only: set by their own operations. */
  char                 *card_barcode;
  ComptoirParticipation participation;
  ComptoirDay           left_on;
  gboolean              anonymised;
  gboolean              has_photo;
} ComptoirMemberRecord;

void     comptoir_member_record_clear (ComptoirMemberRecord *record);
gboolean comptoir_member_record_load  (ComptoirDb           *db,
                                       const char           *member_id,
                                       ComptoirMemberRecord *out,
                                       GError              **error);
/* "Marie Dupont" */
char    *comptoir_member_record_get_display_name (const ComptoirMemberRecord *record);

/* Join: a new member with the next free number (or record->number),
 * a card with the shop's prefix, and n_shares shares subscribed on the
 * join day at the shop's share value (0: none yet). Names are required;
 * an e-mail must look like one. Returns the id. */
char    *comptoir_member_join         (ComptoirDb                 *db,
                                       const ComptoirMemberRecord *record,
                                       guint                       n_shares,
                                       GError                    **error);
/* Saves identity, contact, birth date, join date and notes (each field
 * merged on its own). An anonymised member cannot be changed. */
gboolean comptoir_member_record_save  (ComptoirDb                 *db,
                                       const ComptoirMemberRecord *record,
                                       GError                    **error);
/* A photo (JPEG or PNG bytes, at most 512 KiB) or NULL to remove it. */
gboolean comptoir_member_set_photo    (ComptoirDb  *db,
                                       const char  *member_id,
                                       GBytes      *photo,
                                       GError     **error);
GBytes  *comptoir_member_get_photo    (ComptoirDb  *db,
                                       const char  *member_id,
                                       GError     **error);

/* Search for the member page and the till: a number ("42"), a card
 * barcode, or words matched against the start of names, accents and
 * case folded ("dup mar" finds Marie Dupont); nothing typed lists the
 * first members by number. Members who left come after the others.
 * out: ComptoirMemberHit, whose names the array frees. */
typedef struct {
  char    id[COMPTOIR_ID_LEN + 1];
  gint64  number;
  char   *name;
  gboolean left;
} ComptoirMemberHit;

gboolean comptoir_member_search       (ComptoirDb  *db,
                                       const char  *text,
                                       guint        limit,
                                       GArray     **out,
                                       GError     **error);

/* The one member a person means by a number, a card or words of a name;
 * NOT_FOUND when none matches, INVALID when the words fit several (the
 * message asks for the number). */
gboolean comptoir_member_find_one     (ComptoirDb  *db,
                                       const char  *text,
                                       char         out_id[COMPTOIR_ID_LEN + 1],
                                       GError     **error);

/* Household: people who shop on the member's account. */
typedef struct {
  char        id[COMPTOIR_ID_LEN + 1];
  char       *first_name;
  char       *last_name;
  ComptoirDay birth_date;
} ComptoirHouseholdPerson;

gboolean comptoir_member_household_list   (ComptoirDb   *db,
                                           const char   *member_id,
                                           GArray      **out,
                                           GError      **error);
char    *comptoir_member_household_add    (ComptoirDb   *db,
                                           const char   *member_id,
                                           const char   *first_name,
                                           const char   *last_name,
                                           ComptoirDay   birth_date,
                                           GError      **error);
gboolean comptoir_member_household_remove (ComptoirDb   *db,
                                           const char   *person_id,
                                           GError      **error);

/* Share capital: movements of shares (facts) and payments (facts). The
 * value of a share is a setting ("member.share-value", cents; 1000 by
 * default). */
typedef enum {
  COMPTOIR_SHARES_SUBSCRIBE,
  COMPTOIR_SHARES_REFUND,
  COMPTOIR_SHARES_TRANSFER_IN,
  COMPTOIR_SHARES_TRANSFER_OUT,
} ComptoirSharesKind;

typedef struct {
  char               id[COMPTOIR_ID_LEN + 1];
  ComptoirDay        on;
  ComptoirSharesKind kind;
  gint64             n_shares;          /* > 0; the kind says which way */
  gint64             unit_value;        /* cents */
  gint64             related_number;    /* transfers: the other member; 0 otherwise */
} ComptoirSharesMovement;

typedef struct {
  gint64  n_shares;
  gint64  capital;      /* cents */
  gint64  paid;         /* cents */
  GArray *movements;    /* ComptoirSharesMovement, by day */
  GArray *payments;     /* ComptoirSharesPayment, by day */
} ComptoirShares;

typedef struct {
  char        id[COMPTOIR_ID_LEN + 1];
  ComptoirDay on;
  gint64      amount;   /* cents; negative for a refund paid back */
  char       *method;   /* a payment method code ("cash", "cheque"…) */
} ComptoirSharesPayment;

void     comptoir_shares_clear            (ComptoirShares *shares);
gboolean comptoir_member_shares_load      (ComptoirDb     *db,
                                           const char     *member_id,
                                           ComptoirShares *out,
                                           GError        **error);
gboolean comptoir_member_shares_subscribe (ComptoirDb     *db,
                                           const char     *member_id,
                                           guint           n_shares,
                                           ComptoirDay     on,
                                           GError        **error);
gboolean comptoir_member_shares_pay       (ComptoirDb     *db,
                                           const char     *member_id,
                                           gint64          amount,
                                           const char     *method,
                                           ComptoirDay     on,
                                           GError        **error);
/* Moves shares from one member to another (never more than they hold). */
gboolean comptoir_member_shares_transfer  (ComptoirDb     *db,
                                           const char     *from_member_id,
                                           const char     *to_member_id,
                                           guint           n_shares,
                                           ComptoirDay     on,
                                           GError        **error);

/* Life events ----------------------------------------------------------- */

/* The member leaves on that day: status unsubscribed, squad left, future
 * seats released; with refund_shares, their shares are refunded. */
gboolean comptoir_member_leave            (ComptoirDb   *db,
                                           const char   *member_id,
                                           ComptoirDay   on,
                                           gboolean      refund_shares,
                                           GError      **error);
/* Two accounts of one person: the counter moves (comptoir_member_merge),
 * shares are transferred, the household and the notes join the
 * surviving account, the absorbed one leaves. */
gboolean comptoir_member_merge_accounts   (ComptoirDb   *db,
                                           const char   *absorbed_id,
                                           const char   *surviving_id,
                                           ComptoirDay   on,
                                           const char   *by_staff,
                                           GError      **error);
/* Irreversible: names become "Member N", contact, birth date, address,
 * notes, photo, card and household are erased; number, ledger, shares
 * and tickets stay (fiscal and counter records remain consistent). A
 * member who has not left leaves today. Audited. */
gboolean comptoir_member_anonymise        (ComptoirDb   *db,
                                           const char   *member_id,
                                           const char   *by_staff,
                                           GError      **error);
/* Everything stored about the member (GDPR access request), as one JSON
 * document: record, household, shares and payments, counter ledger,
 * leaves, status, roles, squad, seats and attendance, tickets. */
char    *comptoir_member_export_json      (ComptoirDb   *db,
                                           const char   *member_id,
                                           GError      **error);

/* How the status changed over time: one change per line, oldest first,
 * computed from the ledger (never stored). */
typedef struct {
  ComptoirDay              day;
  ComptoirMemberStatusKind kind;
} ComptoirStatusChange;

gboolean comptoir_member_status_history   (ComptoirDb   *db,
                                           const char   *member_id,
                                           ComptoirDay   today,
                                           GArray      **out,
                                           GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirMemberRecord, comptoir_member_record_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirShares, comptoir_shares_clear)

G_END_DECLS
