/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Whether a member may shop, as the till shows it: computed from their
 * shift status (comptoir-member-status.h) for today, on this machine.
 * Up to date or exempted: ok; alert: a warning with the deadline;
 * suspended or unsubscribed: blocked, with the reason. (The columns
 * member.shopping_right and shopping_note of schema 0010 are no longer
 * read.) */
typedef enum {
  COMPTOIR_SHOPPING_OK,
  COMPTOIR_SHOPPING_WARNING,   /* may shop; the reason is said */
  COMPTOIR_SHOPPING_BLOCKED,   /* may not shop */
} ComptoirShoppingRight;

typedef struct {
  char                  *id;
  gint64                 number;
  char                  *name;      /* "Marie Dupont" */
  ComptoirShoppingRight  right;
  char                  *note;      /* why, for a warning or a block; may be NULL */
} ComptoirMemberAtTill;

/* A member card: an internal EAN-13 made of the shop's prefix (digits,
 * from the settings; "299" by default, a range no product uses), the
 * member number padded with zeros, and the check digit. */
char    *comptoir_member_card_barcode       (const char            *prefix,
                                             gint64                 number);
/* The member whose card this is; FALSE with NOT_FOUND when none. */
gboolean comptoir_member_lookup_card        (ComptoirDb            *db,
                                             const char            *barcode,
                                             ComptoirMemberAtTill  *out,
                                             GError               **error);
gboolean comptoir_member_lookup_number      (ComptoirDb            *db,
                                             gint64                 number,
                                             ComptoirMemberAtTill  *out,
                                             GError               **error);
gboolean comptoir_member_lookup_id          (ComptoirDb            *db,
                                             const char            *member_id,
                                             ComptoirMemberAtTill  *out,
                                             GError               **error);
/* Gives the member a card with the shop's prefix if they have none yet,
 * through the write API; the barcode is returned. */
char    *comptoir_member_ensure_card        (ComptoirDb            *db,
                                             gint64                 number,
                                             GError               **error);
const char *comptoir_shopping_right_to_string   (ComptoirShoppingRight  right);
gboolean    comptoir_shopping_right_from_string (const char            *text,
                                                 ComptoirShoppingRight *out);
void     comptoir_member_at_till_clear      (ComptoirMemberAtTill  *member);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirMemberAtTill, comptoir_member_at_till_clear)

G_END_DECLS
