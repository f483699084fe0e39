/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-member-status.h"

G_BEGIN_DECLS

/* Work shifts (schema 0013-shifts.sql): templates over the shop's cycle,
 * dated slots made from them, seats claimed in slots, the exchange board
 * and attendance. Every operation is one transaction through the write
 * API; what a member owes or earns goes to their counter ledger
 * (comptoir-member-ledger.h) in the same transaction.
 *
 * Times are minutes after midnight, local time; "now" is given by the
 * caller (a GDateTime in the local time zone) so that scripts and tests
 * can replay a scenario. */

typedef enum {
  COMPTOIR_SHIFT_JOB_CASHIER,
  COMPTOIR_SHIFT_JOB_RECEIVING,
  COMPTOIR_SHIFT_JOB_SHELVING,
  COMPTOIR_SHIFT_JOB_CLEANING,
  COMPTOIR_SHIFT_JOB_OFFICE,
  COMPTOIR_SHIFT_JOB_OTHER,
} ComptoirShiftJob;

#define COMPTOIR_SHIFT_N_JOBS (COMPTOIR_SHIFT_JOB_OTHER + 1)

const char *comptoir_shift_job_to_string   (ComptoirShiftJob  job);
gboolean    comptoir_shift_job_from_string (const char       *text,
                                            ComptoirShiftJob *out);
/* "Cashier", "Receiving"…: for people. */
const char *comptoir_shift_job_get_label   (ComptoirShiftJob  job);

/* "A", "B"… for week_index 0, 1…; "AA" after "Z" is never needed (a
 * cycle has at most 52 weeks) but the function says "W27" from 26 on. */
char       *comptoir_shift_week_letter     (guint             week_index);
/* Which week of the cycle a day falls in (0 = A), by the status rules'
 * cycle (cycle_days, cycle_start). */
guint       comptoir_shift_week_index      (const ComptoirStatusRules *rules,
                                            ComptoirDay                day);
/* "09:00" */
char       *comptoir_shift_format_minute   (guint             minute);
/* "9", "9:30", "09:30", "9h30" → minutes after midnight; FALSE otherwise. */
gboolean    comptoir_shift_parse_minute    (const char       *text,
                                            guint            *out);

/* The shop's shift rules, JSON in the settings (COMPTOIR_SETTING_SHIFT_RULES
 * "shift.rules"); a key left out takes its default. The points a late
 * cancellation costs are in the status rules (late_cancel_points). */
typedef struct {
  guint cancel_notice_hours;    /* cancelling later than this before the start is late: 48; 0 to 720 */
  guint checkin_early_minutes;  /* check-in opens this long before the start: 30; 0 to 240 */
  guint absent_grace_minutes;   /* after the end, members not checked in are absent: 15; 0 to 1440 */
} ComptoirShiftRules;

void     comptoir_shift_rules_init_default (ComptoirShiftRules       *rules);
gboolean comptoir_shift_rules_from_json    (const char               *json,
                                            gboolean                  strict,
                                            ComptoirShiftRules       *out,
                                            GError                  **error);
char    *comptoir_shift_rules_to_json      (const ComptoirShiftRules *rules);
/* The rules in the settings, the defaults when none are set. */
gboolean comptoir_shift_rules_load         (ComptoirDb               *db,
                                            ComptoirShiftRules       *out,
                                            GError                  **error);

/* Templates ------------------------------------------------------------ */

typedef struct {
  char             id[COMPTOIR_ID_LEN + 1];   /* empty: a new template */
  guint            week_index;                /* 0 = week A */
  guint            weekday;                   /* ISO: 1 Monday … 7 Sunday */
  guint            start_minute;
  guint            end_minute;
  ComptoirShiftJob job;
  guint            capacity;
  char            *required_role;             /* NULL: anyone */
  gboolean         active;
  /* Read only, filled by the list: the squad on the day asked. */
  guint            n_squad;
} ComptoirShiftTemplate;

void     comptoir_shift_template_clear (ComptoirShiftTemplate *template);
/* Creates (empty id) or changes a template; checks it against the cycle
 * (its week must exist), the times and the capacity (not below its
 * squad). Returns the id. */
char    *comptoir_shift_template_save  (ComptoirDb                  *db,
                                        const ComptoirShiftTemplate *template,
                                        GError                     **error);
/* Active and inactive templates, in cycle order (week, weekday, start),
 * with the size of their squad on that day. ComptoirShiftTemplate. */
gboolean comptoir_shift_list_templates (ComptoirDb                  *db,
                                        ComptoirDay                  on,
                                        GArray                     **out,
                                        GError                     **error);

/* A standard member joins a template's squad from that day (leaving the
 * squad they were in the day before); their seats in the slots already
 * made from the day on are claimed (and those of the old squad
 * released). The squad may not outgrow the capacity. */
gboolean comptoir_shift_squad_join     (ComptoirDb  *db,
                                        const char  *template_id,
                                        const char  *member_id,
                                        ComptoirDay  from_on,
                                        GError     **error);
/* The member leaves their squad on that day (last day in it: the day
 * before); seats from that day on are released without penalty. */
gboolean comptoir_shift_squad_leave    (ComptoirDb  *db,
                                        const char  *member_id,
                                        ComptoirDay  on,
                                        GError     **error);
/* Releases every seat the member holds or asked for in slots from that
 * day on, without penalty (kind 'cancel'), and leaves their squad: a
 * member who leaves the cooperative. n_released may be NULL. */
gboolean comptoir_shift_release_member_from (ComptoirDb  *db,
                                             const char  *member_id,
                                             ComptoirDay  from_day,
                                             guint       *n_released,
                                             GError     **error);
/* The members in a template's squad on that day, by number. */
typedef struct {
  char        member_id[COMPTOIR_ID_LEN + 1];
  gint64      number;
  char       *name;
  ComptoirDay from_on;
} ComptoirSquadMember;

void     comptoir_squad_member_clear   (ComptoirSquadMember *member);
gboolean comptoir_shift_squad_list     (ComptoirDb  *db,
                                        const char  *template_id,
                                        ComptoirDay  on,
                                        GArray     **out,
                                        GError     **error);
/* The template of the member's squad on that day, NULL when none. */
char    *comptoir_shift_squad_of       (ComptoirDb  *db,
                                        const char  *member_id,
                                        ComptoirDay  on,
                                        GError     **error);

/* Trainings ('cashier'…) that required_role asks for. */
gboolean comptoir_member_role_grant    (ComptoirDb  *db,
                                        const char  *member_id,
                                        const char  *role,
                                        GError     **error);
gboolean comptoir_member_role_revoke   (ComptoirDb  *db,
                                        const char  *member_id,
                                        const char  *role,
                                        GError     **error);
gboolean comptoir_member_has_role      (ComptoirDb  *db,
                                        const char  *member_id,
                                        const char  *role,
                                        gboolean    *out,
                                        GError     **error);

/* Slots ---------------------------------------------------------------- */

/* The id of the slot a template makes on a day: a UUID (version 8) from
 * a SHA-256 of both, the same on every machine. */
char    *comptoir_shift_slot_id        (const char  *template_id,
                                        ComptoirDay  day);

/* Makes the slots of the active templates for the days from from_day
 * (included) on, for weeks weeks, skipping closing days and slots that
 * exist; gives standard members their squad seats (not on a leave day).
 * Running it again changes nothing. n_slots, n_seats: what was made. */
gboolean comptoir_shift_generate       (ComptoirDb  *db,
                                        ComptoirDay  from_day,
                                        guint        weeks,
                                        guint       *n_slots,
                                        guint       *n_seats,
                                        GError     **error);
/* A slot that no template makes (an inventory, a delivery). Returns its id. */
char    *comptoir_shift_add_slot       (ComptoirDb       *db,
                                        ComptoirDay       day,
                                        guint             start_minute,
                                        guint             end_minute,
                                        ComptoirShiftJob  job,
                                        guint             capacity,
                                        const char       *required_role,
                                        GError          **error);
/* Cancels a slot: its seats are released (kind 'closed', no penalty). */
gboolean comptoir_shift_cancel_slot    (ComptoirDb  *db,
                                        const char  *slot_id,
                                        const char  *by_staff,
                                        GError     **error);
/* A closing day: no slot is made for it, and those made are cancelled
 * (n_cancelled). Removing it lets generation make the day's slots again
 * but does not restore cancelled ones. */
gboolean comptoir_shift_add_closing_day    (ComptoirDb  *db,
                                            ComptoirDay  day,
                                            const char  *label,
                                            guint       *n_cancelled,
                                            GError     **error);
gboolean comptoir_shift_remove_closing_day (ComptoirDb  *db,
                                            ComptoirDay  day,
                                            GError     **error);
/* ComptoirClosingDay, by day. */
typedef struct {
  ComptoirDay  day;
  char        *label;
} ComptoirClosingDay;
gboolean comptoir_shift_list_closing_days  (ComptoirDb  *db,
                                            ComptoirDay  from_day,
                                            ComptoirDay  to_day,
                                            GArray     **out,
                                            GError     **error);

typedef enum {
  COMPTOIR_CLAIM_SQUAD,
  COMPTOIR_CLAIM_BOOK,
  COMPTOIR_CLAIM_MAKEUP,
  COMPTOIR_CLAIM_TAKE,
} ComptoirClaimKind;

const char *comptoir_claim_kind_to_string   (ComptoirClaimKind  kind);
gboolean    comptoir_claim_kind_from_string (const char        *text,
                                             ComptoirClaimKind *out);

typedef enum {
  COMPTOIR_SEAT_HELD,      /* accepted, not released */
  COMPTOIR_SEAT_PENDING,   /* waiting for the arbiter (hub) */
  COMPTOIR_SEAT_OFFERED,   /* held, and on the exchange board */
} ComptoirSeatState;

typedef enum {
  COMPTOIR_ATTENDANCE_NONE,
  COMPTOIR_ATTENDANCE_PRESENT,
  COMPTOIR_ATTENDANCE_ABSENT,
} ComptoirAttendance;

/* Someone in a slot. */
typedef struct {
  char               claim_id[COMPTOIR_ID_LEN + 1];
  char               member_id[COMPTOIR_ID_LEN + 1];
  gint64             number;
  char              *name;          /* "Marie Dupont" */
  ComptoirClaimKind  kind;
  ComptoirSeatState  state;
  char               offer_id[COMPTOIR_ID_LEN + 1];   /* OFFERED only */
  ComptoirAttendance attendance;    /* the latest, corrections included */
} ComptoirShiftSeat;

typedef struct {
  char              id[COMPTOIR_ID_LEN + 1];
  char              template_id[COMPTOIR_ID_LEN + 1];  /* empty: one-off */
  ComptoirDay       day;
  guint             week_index;     /* of the cycle, for "week B" */
  guint             start_minute;
  guint             end_minute;
  ComptoirShiftJob  job;
  guint             capacity;
  char             *required_role;
  gboolean          cancelled;
  GArray           *seats;          /* ComptoirShiftSeat, held and pending, by number */
  guint             n_held;         /* held or offered */
  guint             n_pending;
} ComptoirShiftSlot;

void     comptoir_shift_slot_clear     (ComptoirShiftSlot *slot);
/* The slots of those days (both included), by day and start, each with
 * its seats, in a fixed number of queries (a planning week). Cancelled
 * slots are included and say so. out: ComptoirShiftSlot. */
gboolean comptoir_shift_list_slots     (ComptoirDb  *db,
                                        ComptoirDay  from_day,
                                        ComptoirDay  to_day,
                                        GArray     **out,
                                        GError     **error);
gboolean comptoir_shift_get_slot       (ComptoirDb         *db,
                                        const char         *slot_id,
                                        ComptoirShiftSlot  *out,
                                        GError            **error);
/* The member's slots from that day on (held, offered, pending), by day:
 * their upcoming shifts. */
gboolean comptoir_shift_list_member_slots (ComptoirDb  *db,
                                           const char  *member_id,
                                           ComptoirDay  from_day,
                                           GArray     **out,
                                           GError     **error);
/* The exchange board: open offers in slots from that day on, by day;
 * the slot's seats say who offers (state OFFERED). */
gboolean comptoir_shift_list_offers    (ComptoirDb  *db,
                                        ComptoirDay  from_day,
                                        GArray     **out,
                                        GError     **error);

/* Seats ----------------------------------------------------------------- */

typedef enum {
  COMPTOIR_CLAIM_ACCEPTED,   /* the seat is the member's */
  COMPTOIR_CLAIM_PENDING,    /* asked; the hub will say (another machine arbitrates) */
} ComptoirClaimOutcome;

/* Books a seat for the member: kind BOOK for a flying or exempt member,
 * MAKEUP for a standard one outside their squad (a shift made up, or
 * worked in advance). Refused with a reason when the member left, is
 * already in the slot, lacks the role, or the slot is full, cancelled
 * or over; on the machine that arbitrates, the claim is decided in the
 * same transaction. Returns the claim id. */
char    *comptoir_shift_book           (ComptoirDb            *db,
                                        const char            *slot_id,
                                        const char            *member_id,
                                        const char            *by_staff,
                                        GDateTime             *now,
                                        ComptoirClaimOutcome  *outcome,
                                        GError               **error);
/* Gives the member's seat back. Later than cancel_notice_hours before
 * the start, it is a late cancellation: the ledger gets a late_cancel
 * entry (unless the shop's late_cancel_points is 0), and *late says so.
 * A squad seat can be cancelled too (the member is excused from that
 * slot only, on the same terms). */
gboolean comptoir_shift_cancel         (ComptoirDb   *db,
                                        const char   *slot_id,
                                        const char   *member_id,
                                        const char   *by_staff,
                                        GDateTime    *now,
                                        gboolean     *late,
                                        GError      **error);
/* Puts the member's held seat on the exchange board; returns the offer
 * id. The member keeps the seat, and the obligation, until someone
 * takes it. */
char    *comptoir_shift_offer          (ComptoirDb   *db,
                                        const char   *slot_id,
                                        const char   *member_id,
                                        GDateTime    *now,
                                        GError      **error);
gboolean comptoir_shift_withdraw_offer (ComptoirDb   *db,
                                        const char   *offer_id,
                                        GError      **error);
/* Another member takes an offered seat: in one transaction the offer
 * ends, the taker's claim is accepted and the offerer's seat is released
 * (kind 'swap', no penalty): the obligation moves from one to the other
 * or, if either step is refused, stays where it was. Returns the claim. */
char    *comptoir_shift_take           (ComptoirDb            *db,
                                        const char            *offer_id,
                                        const char            *member_id,
                                        const char            *by_staff,
                                        GDateTime             *now,
                                        ComptoirClaimOutcome  *outcome,
                                        GError               **error);
/* On the arbiter: decides the claims waiting for it, in the order they
 * were stored (a hub's commit order), with the same rules as a booking
 * made on the arbiter itself. n_accepted, n_refused may be NULL. */
gboolean comptoir_shift_decide_pending (ComptoirDb  *db,
                                        guint       *n_accepted,
                                        guint       *n_refused,
                                        GError     **error);
/* Whether this machine arbitrates claims: the setting "shift.arbiter"
 * names the device that does; empty or this device's id: this one. */
gboolean comptoir_shift_is_arbiter     (ComptoirDb  *db);

/* Attendance ------------------------------------------------------------ */

/* The member checks in: in the slot they hold a seat in that is open
 * now (from checkin_early_minutes before its start to its end), or, when
 * slot_id is given, that one. A member without a seat in an open slot
 * that has room is booked and checked in (a volunteer who turns up).
 * The ledger gets shift_done (makeup_done for a makeup seat) for the
 * slot's day. Returns the slot id; checking in twice is refused. */
char    *comptoir_shift_check_in       (ComptoirDb   *db,
                                        const char   *member_id,
                                        const char   *slot_id,
                                        const char   *by_staff,
                                        GDateTime    *now,
                                        GError      **error);
/* Marks absent every held seat without attendance in slots that ended
 * more than absent_grace_minutes before now (and are not cancelled): the
 * ledger gets shift_missed (waived by the status rules during a leave).
 * Running it again marks nothing twice. */
gboolean comptoir_shift_mark_absent    (ComptoirDb   *db,
                                        GDateTime    *now,
                                        guint        *n_marked,
                                        GError      **error);
/* Staff change an attendance, with a reason: the new outcome replaces
 * the last one and the ledger gets a correction of the difference in
 * points. */
gboolean comptoir_shift_correct_attendance (ComptoirDb          *db,
                                            const char          *slot_id,
                                            const char          *member_id,
                                            ComptoirAttendance   outcome,
                                            const char          *reason,
                                            const char          *by_staff,
                                            GError             **error);
/* The slots open now for check-in (see comptoir_shift_check_in), with
 * who is expected and who came: the "shift now" screen. */
gboolean comptoir_shift_list_now       (ComptoirDb   *db,
                                        GDateTime    *now,
                                        GArray      **out,
                                        GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirShiftTemplate, comptoir_shift_template_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirShiftSlot, comptoir_shift_slot_clear)

G_END_DECLS
