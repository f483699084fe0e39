/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-change.h"
#include "comptoir-shift.h"

G_BEGIN_DECLS

/* In-tree only: what the shift files (comptoir-shift*.c) share. */

typedef struct {
  char                  id[COMPTOIR_ID_LEN + 1];
  gint64                number;
  ComptoirParticipation participation;
  ComptoirDay           left_on;
} ComptoirShiftMember;

/* A claim and where it stands. */
typedef struct {
  char              id[COMPTOIR_ID_LEN + 1];
  char              slot_id[COMPTOIR_ID_LEN + 1];
  char              member_id[COMPTOIR_ID_LEN + 1];
  ComptoirClaimKind kind;
  char              offer_id[COMPTOIR_ID_LEN + 1];   /* take: the offer taken */
  gboolean          decided;
  gboolean          accepted;
} ComptoirShiftClaim;

/* A claim that is live: not released, and not refused (held, or
 * pending); c names the shift_claim in the query. */
#define COMPTOIR_SHIFT_LIVE_CLAIM(c) \
  "NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = " c ".id) " \
  "AND NOT EXISTS (SELECT 1 FROM shift_claim_decision x WHERE x.claim_id = " c ".id AND NOT x.accepted)"

/* The columns _comptoir_shift_slot_from_row reads, for "FROM shift_slot s". */
#define COMPTOIR_SHIFT_SLOT_COLUMNS \
  "s.id, s.template_id, s.day, s.start_minute, s.end_minute, s.job, s.capacity, s.required_role, s.cancelled"

void     _comptoir_shift_slot_from_row   (sqlite3_stmt              *stmt,
                                          int                        first,
                                          const ComptoirStatusRules *rules,
                                          ComptoirShiftSlot         *out);
/* The slot without its seats; NOT_FOUND when there is none. */
gboolean _comptoir_shift_load_slot       (ComptoirDb                *db,
                                          const char                *slot_id,
                                          ComptoirShiftSlot         *out,
                                          GError                   **error);
gboolean _comptoir_shift_load_member     (ComptoirDb                *db,
                                          const char                *member_id,
                                          ComptoirShiftMember       *out,
                                          GError                   **error);
gboolean _comptoir_shift_check_staff     (ComptoirDb                *db,
                                          const char                *staff_id,
                                          GError                   **error);
gboolean _comptoir_shift_on_leave        (ComptoirDb                *db,
                                          const char                *member_id,
                                          ComptoirDay                day,
                                          gboolean                  *out,
                                          GError                   **error);
/* Whether the member has left on that day (left_on on or before it). */
gboolean _comptoir_shift_member_gone     (const ComptoirShiftMember *member,
                                          ComptoirDay                day);

/* A UUID (version 8) from the SHA-256 of the parts joined by newlines:
 * rows two machines must make alike. NULL-terminated. */
char    *_comptoir_shift_uuid8           (const char                *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* As facts record time (comptoir_timestamp_now), for now; the clock
 * when now is NULL. */
char    *_comptoir_shift_timestamp       (GDateTime                 *now);
void     _comptoir_shift_split_now       (GDateTime                 *now,
                                          ComptoirDay               *day,
                                          guint                     *minute);
/* Minutes on one scale for comparing a moment with a slot's times: wall
 * clock time, as the planning shows it. */
static inline gint64
_comptoir_shift_moment (ComptoirDay day,
                        guint       minute)
{
  return (gint64) day * 1440 + minute;
}

/* Times and capacity of a template or a slot. */
gboolean _comptoir_shift_check_times     (guint                      start_minute,
                                          guint                      end_minute,
                                          guint                      capacity,
                                          GError                   **error);
gboolean _comptoir_shift_insert_facts    (ComptoirDb                *db,
                                          GPtrArray                 *changes,
                                          GError                   **error);

/* A squad seat, accepted at once (comptoir-shift-generate.c); claimed
 * FALSE when it was already there. */
gboolean _comptoir_shift_claim_squad_seat (ComptoirDb              *db,
                                           const char              *slot_id,
                                           const char              *member_id,
                                           const char              *at,
                                           gboolean                *claimed,
                                           GError                 **error);

/* The arbiter (comptoir-shift-arbiter.c). */
gboolean _comptoir_shift_load_claim      (ComptoirDb                *db,
                                          const char                *claim_id,
                                          ComptoirShiftClaim        *out,
                                          GError                   **error);
/* Decides the claim and writes the decision; *reason is NULL when it is
 * accepted, else why not ('full', 'role'…). */
gboolean _comptoir_shift_decide          (ComptoirDb                *db,
                                          const char                *claim_id,
                                          const char                *at,
                                          const char               **reason,
                                          GError                   **error);
gboolean _comptoir_shift_find_live_claim (ComptoirDb                *db,
                                          const char                *slot_id,
                                          const char                *member_id,
                                          ComptoirShiftClaim        *out,
                                          gboolean                  *found,
                                          GError                   **error);
gboolean _comptoir_shift_count_held      (ComptoirDb                *db,
                                          const char                *slot_id,
                                          guint                     *out,
                                          GError                   **error);

/* Seats (comptoir-shift-seats.c). */
/* The end of an offer (its id is the offer's). */
ComptoirChange *_comptoir_shift_new_offer_end (const char *offer_id,
                                               const char *kind,
                                               const char *at);
/* Gives the seat back (and ends its offer, if on the board). */
gboolean _comptoir_shift_release_claim   (ComptoirDb                *db,
                                          const char                *claim_id,
                                          const char                *kind,
                                          const char                *by_staff,
                                          const char                *at,
                                          GError                   **error);
/* Every live claim (held or pending) of the member in slots from that
 * day on; squad_only: only squad seats, and not those of keep_template. */
gboolean _comptoir_shift_release_from    (ComptoirDb                *db,
                                          const char                *member_id,
                                          ComptoirDay                from_day,
                                          gboolean                   squad_only,
                                          const char                *keep_template,
                                          guint                     *n_released,
                                          GError                   **error);
/* Claims a seat for the member (kind from their participation and
 * squad), deciding it when this machine arbitrates: the checks a
 * booking makes, but for the time (check-in books an open slot). */
char    *_comptoir_shift_claim           (ComptoirDb                *db,
                                          const ComptoirShiftSlot   *slot,
                                          const ComptoirShiftMember *member,
                                          const char                *by_staff,
                                          const char                *at,
                                          ComptoirClaimOutcome      *outcome,
                                          GError                   **error);

G_END_DECLS
