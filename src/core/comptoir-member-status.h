/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* A member's shift status, computed from their counter ledger (schema
 * 0012-member-ledger.sql) by rules that are data, never stored: every
 * machine computes it from the same facts and gets the same answer, and
 * each line of the ledger says why.
 *
 * Days are GDate Julian days (1 is 0001-01-01), 0 meaning none. */
typedef guint32 ComptoirDay;

#define COMPTOIR_DAY_NONE 0
#define COMPTOIR_ID_LEN   36

/* "2026-11-23" → day; 0 when the text is not such a date. */
ComptoirDay comptoir_day_from_iso (const char  *text);
/* day → "2026-11-23" in out (11 bytes). */
void        comptoir_day_to_iso   (ComptoirDay  day,
                                   char        *out);
/* Today in the machine's time zone. */
ComptoirDay comptoir_day_today    (void);

typedef enum {
  COMPTOIR_PARTICIPATION_STANDARD,  /* in a squad, one shift per cycle */
  COMPTOIR_PARTICIPATION_FLYING,    /* books any slot */
  COMPTOIR_PARTICIPATION_EXEMPT,    /* no obligation */
} ComptoirParticipation;

typedef enum {
  COMPTOIR_LEAVE_HOLIDAY,
  COMPTOIR_LEAVE_PARENTAL,
  COMPTOIR_LEAVE_MEDICAL,
  COMPTOIR_LEAVE_OTHER,
} ComptoirLeaveKind;

/* The kinds of ledger entries; the schema documents each. */
typedef enum {
  COMPTOIR_LEDGER_SHIFT_DONE,
  COMPTOIR_LEDGER_SHIFT_MISSED,
  COMPTOIR_LEDGER_MAKEUP_DONE,
  COMPTOIR_LEDGER_LATE_CANCEL,
  COMPTOIR_LEDGER_CORRECTION,
  COMPTOIR_LEDGER_MERGE_OUT,
  COMPTOIR_LEDGER_MERGE_IN,
  COMPTOIR_LEDGER_CYCLE_DUES,
} ComptoirLedgerKind;

typedef enum {
  COMPTOIR_MEMBER_UP_TO_DATE,
  COMPTOIR_MEMBER_ALERT,         /* may shop; must make up before the deadline */
  COMPTOIR_MEMBER_SUSPENDED,     /* the deadline passed: may not shop */
  COMPTOIR_MEMBER_EXEMPTED,      /* exempt, or on leave today */
  COMPTOIR_MEMBER_UNSUBSCRIBED,  /* left the cooperative */
} ComptoirMemberStatusKind;

const char *comptoir_participation_to_string      (ComptoirParticipation     participation);
gboolean    comptoir_participation_from_string    (const char               *text,
                                                   ComptoirParticipation    *out);
/* "Standard", "Flying", "Exempt": for people. */
const char *comptoir_participation_get_label      (ComptoirParticipation     participation);
const char *comptoir_leave_kind_to_string         (ComptoirLeaveKind         kind);
/* "Holiday", "Parental leave"…: for people. */
const char *comptoir_leave_kind_get_label         (ComptoirLeaveKind         kind);
gboolean    comptoir_leave_kind_from_string       (const char               *text,
                                                   ComptoirLeaveKind        *out);
const char *comptoir_ledger_kind_to_string        (ComptoirLedgerKind        kind);
gboolean    comptoir_ledger_kind_from_string      (const char               *text,
                                                   ComptoirLedgerKind       *out);
/* "Shift worked", "Missed shift"…: for people. */
const char *comptoir_ledger_kind_get_label        (ComptoirLedgerKind        kind);
const char *comptoir_member_status_kind_to_string (ComptoirMemberStatusKind  kind);
/* "Up to date", "Alert"…: for people. */
const char *comptoir_member_status_kind_get_label (ComptoirMemberStatusKind  kind);

/* The shop's rules, stored as JSON in the settings
 * (COMPTOIR_SETTING_STATUS_RULES); a key left out takes its default. */
typedef struct {
  guint       cycle_days;            /* length of the shift cycle: 28 (4 weeks A/B/C/D); 7 to 364 */
  ComptoirDay cycle_start;           /* a day a cycle starts on (week A's Monday): 2024-01-01 */
  guint       grace_days;            /* days in alert before suspension: 28; 0 to 364 */
  guint       tolerated_missed;      /* alert when the counter is below minus this: 0 */
  gboolean    flying_owe_per_cycle;  /* flying members owe one shift per cycle: TRUE */
  gint        missed_points;         /* what a missed shift costs: -1; -5 to -1 */
  gint        late_cancel_points;    /* what a late cancellation costs: -1; -5 to 0 */
} ComptoirStatusRules;

void      comptoir_status_rules_init_default (ComptoirStatusRules        *rules);
/* A rule this version does not know is refused when strict (a person
 * typed it), ignored otherwise (a newer version on another machine
 * wrote it, and this one must still judge with the rules it knows). */
gboolean  comptoir_status_rules_from_json    (const char                 *json,
                                              gboolean                    strict,
                                              ComptoirStatusRules        *out,
                                              GError                    **error);
char     *comptoir_status_rules_to_json      (const ComptoirStatusRules  *rules);

typedef struct {
  char               id[COMPTOIR_ID_LEN + 1];
  ComptoirDay        effective_on;
  ComptoirLedgerKind kind;
  gint64             points;
  char              *reason;              /* NULL but for corrections */
  char              *related_member_id;   /* merges only */
} ComptoirLedgerEntry;

typedef struct {
  char              id[COMPTOIR_ID_LEN + 1];
  ComptoirLeaveKind kind;
  ComptoirDay       from_on;
  ComptoirDay       to_on;   /* COMPTOIR_DAY_NONE: not ended */
} ComptoirLeave;

/* What the status depends on besides the ledger. */
typedef struct {
  char                  member_id[COMPTOIR_ID_LEN + 1];
  gint64                number;
  ComptoirParticipation participation;
  ComptoirDay           participation_since;  /* flying dues start with the first cycle starting then */
  ComptoirDay           left_on;
  const ComptoirLeave  *leaves;               /* sorted by from_on; copied by init */
  guint                 n_leaves;
} ComptoirMemberFacts;

typedef enum {
  COMPTOIR_STATUS_LINE_ENTRY,      /* a ledger entry */
  COMPTOIR_STATUS_LINE_CYCLE_DUE,  /* a flying member's shift owed for a cycle that ended */
  COMPTOIR_STATUS_LINE_LEAVE,      /* a leave period starts */
} ComptoirStatusLineKind;

/* One line of the explanation, in the order they count. */
typedef struct {
  ComptoirStatusLineKind kind;
  ComptoirDay            day;
  ComptoirLedgerEntry    entry;    /* LINE_ENTRY */
  ComptoirLeave          leave;    /* LINE_LEAVE */
  gint64                 counted;  /* what it changed the counter by */
  gboolean               waived;   /* a penalty or a due that a leave or an exemption cancels */
  gint64                 counter;  /* the counter after it */
} ComptoirStatusLine;

/* The result, and the state the incremental computation keeps. */
typedef struct {
  /* Read these. */
  ComptoirMemberFacts       facts;        /* leaves point into the status */
  ComptoirMemberStatusKind  kind;
  gint64                    counter;
  ComptoirDay               today;        /* what it was computed for */
  ComptoirDay               alert_since;  /* when the counter fell below the threshold */
  ComptoirDay               deadline;     /* ALERT: make up before this day; SUSPENDED: the day it passed */
  gint64                    to_make_up;   /* shifts to make up to be up to date again */
  GArray                   *lines;        /* ComptoirStatusLine */

  /*< private >*/
  ComptoirStatusRules       rules;
  GArray                   *leaves;
  GArray                   *later;        /* entries effective after today */
  guint                     n_folded;
  gint64                    fold_counter;
  ComptoirDay               fold_day;
  ComptoirDay               fold_alert_since;
  gint64                    fold_next_cycle;
  guint                     fold_next_leave;
  gint                      last_entry;   /* index in lines, -1 when none */
} ComptoirMemberStatus;

/* The pure computation: init with the member's facts, apply the entries
 * one by one in any order, finish for a day. Entries applied in their
 * order (day, then id) cost O(1) each; an entry older than the last one
 * (a late validation) replays the member's ledger. finish can be called
 * again after more entries are applied. Entries effective after the
 * day finish is given do not count yet. */
void     comptoir_member_status_init    (ComptoirMemberStatus       *status,
                                         const ComptoirStatusRules  *rules,
                                         const ComptoirMemberFacts  *facts);
void     comptoir_member_status_apply   (ComptoirMemberStatus       *status,
                                         const ComptoirLedgerEntry  *entry);
void     comptoir_member_status_finish  (ComptoirMemberStatus       *status,
                                         ComptoirDay                 today);
void     comptoir_member_status_clear   (ComptoirMemberStatus       *status);
/* From scratch: init, apply every entry, finish. */
void     comptoir_member_status_compute_from (const ComptoirStatusRules *rules,
                                              const ComptoirMemberFacts *facts,
                                              const ComptoirLedgerEntry *entries,
                                              guint                      n_entries,
                                              ComptoirDay                today,
                                              ComptoirMemberStatus      *out);
/* The same result and the same explanation, line by line. */
gboolean comptoir_member_status_equal   (const ComptoirMemberStatus *a,
                                         const ComptoirMemberStatus *b);
/* The sentence the till shows: "alert: 1 shift to make up before
 * 12/12"; NULL when there is nothing to say (up to date, exempt). */
char    *comptoir_member_status_describe (const ComptoirMemberStatus *status);

/* From the database, with the shop's rules. One member: a few indexed
 * queries (well under a millisecond). */
gboolean comptoir_member_status_compute (ComptoirDb            *db,
                                         const char            *member_id,
                                         ComptoirDay            today,
                                         ComptoirMemberStatus  *out,
                                         GError               **error);

/* Every member's status, in the order of their ids, from one ordered
 * pass over the ledger. The status is the callback's to read, not to
 * keep: it is reused for the next member. Return FALSE to stop. */
typedef gboolean (*ComptoirMemberStatusFunc) (const ComptoirMemberStatus *status,
                                              gpointer                    user_data);
gboolean comptoir_member_status_compute_all (ComptoirDb                *db,
                                             ComptoirDay                today,
                                             ComptoirMemberStatusFunc   func,
                                             gpointer                   user_data,
                                             GError                   **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ComptoirMemberStatus, comptoir_member_status_clear)

G_END_DECLS
