/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-status"

#include "config.h"

#include <string.h>

#include "comptoir-member-status.h"

/* The status rules, as a pure computation over a member's facts and
 * ledger.
 *
 * The explanation is a list of lines in the order they count: a leave
 * period starting, a flying member's shift owed for a cycle that ended
 * (on the first day of the next cycle), then the ledger entries of the
 * day, by id (UUIDv7: the order they were recorded in). The counter is
 * judged at the end of each day, so that the order of the entries of one
 * day never changes a status: the member is in alert from the first day
 * that ends with the counter below the threshold (0 minus the tolerated
 * missed shifts), until a day ends at or above it. The deadline is that
 * first day plus the grace days, pushed back by the days of leave in
 * between; on the deadline, a member still in alert is suspended.
 *
 * A penalty (missed shift, late cancellation) effective during a leave,
 * or while exempt, is waived; so is a cycle due when a leave overlaps the
 * cycle. A member who left is unsubscribed; an exempt member, or one on
 * leave today, is exempted; these keep their counter. Entries effective
 * after today do not count yet (a machine whose clock is behind, or a
 * status asked for a past day): they wait aside, out of the explanation.
 *
 * The state is folded incrementally: entries applied in order cost O(1);
 * finish() adds the lines up to today (due cycles, leaves) after the
 * folded ones and judges, without changing the folded state, so that
 * more entries can be applied afterwards. */

#define DAY_MAX G_MAXUINT32

static void
entry_clear (ComptoirLedgerEntry *entry)
{
  g_clear_pointer (&entry->reason, g_free);
  g_clear_pointer (&entry->related_member_id, g_free);
}

static void
later_clear (gpointer data)
{
  entry_clear (data);
}

static void
line_clear (gpointer data)
{
  ComptoirStatusLine *line = data;

  if (line->kind == COMPTOIR_STATUS_LINE_ENTRY)
    entry_clear (&line->entry);
}

static int
compare_entries (const ComptoirLedgerEntry *a,
                 const ComptoirLedgerEntry *b)
{
  if (a->effective_on != b->effective_on)
    return a->effective_on < b->effective_on ? -1 : 1;
  return strcmp (a->id, b->id);
}

static int
compare_leaves (gconstpointer a,
                gconstpointer b)
{
  const ComptoirLeave *x = a, *y = b;

  if (x->from_on != y->from_on)
    return x->from_on < y->from_on ? -1 : 1;
  return strcmp (x->id, y->id);
}

static gint64
threshold (const ComptoirMemberStatus *status)
{
  return -(gint64) status->rules.tolerated_missed;
}

static gboolean
dues_apply (const ComptoirMemberStatus *status)
{
  return status->facts.participation == COMPTOIR_PARTICIPATION_FLYING &&
         status->rules.flying_owe_per_cycle &&
         status->facts.participation_since != COMPTOIR_DAY_NONE;
}

static gint64
cycle_start (const ComptoirMemberStatus *status,
             gint64                      k)
{
  return (gint64) status->rules.cycle_start + k * status->rules.cycle_days;
}

/* The day cycle k is owed on (the first day of the next one), or
 * DAY_MAX when none is owed any more. */
static ComptoirDay
due_day (const ComptoirMemberStatus *status,
         gint64                      k)
{
  gint64 day;

  if (!dues_apply (status))
    return DAY_MAX;
  day = cycle_start (status, k + 1);
  if (day <= 0 || day >= DAY_MAX)
    return DAY_MAX;
  if (status->facts.left_on != COMPTOIR_DAY_NONE && day > status->facts.left_on)
    return DAY_MAX;
  return (ComptoirDay) day;
}

static gboolean
leave_overlaps (const ComptoirMemberStatus *status,
                gint64                      from,
                gint64                      to)
{
  for (guint i = 0; i < status->leaves->len; i++)
    {
      const ComptoirLeave *leave = &g_array_index (status->leaves, ComptoirLeave, i);

      if (leave->from_on <= to && (leave->to_on == COMPTOIR_DAY_NONE || leave->to_on >= from))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_waived_penalty (const ComptoirMemberStatus *status,
                   const ComptoirLedgerEntry  *entry)
{
  const ComptoirMemberFacts *facts = &status->facts;

  if ((entry->kind != COMPTOIR_LEDGER_SHIFT_MISSED && entry->kind != COMPTOIR_LEDGER_LATE_CANCEL) ||
      entry->points >= 0)
    return FALSE;
  if (facts->participation == COMPTOIR_PARTICIPATION_EXEMPT &&
      (facts->participation_since == COMPTOIR_DAY_NONE || entry->effective_on >= facts->participation_since))
    return TRUE;
  return leave_overlaps (status, entry->effective_on, entry->effective_on);
}

/* The counter is judged at the end of each day. */
static void
close_day (ComptoirMemberStatus *status)
{
  if (status->fold_day == COMPTOIR_DAY_NONE)
    return;
  if (status->fold_counter < threshold (status))
    {
      if (status->fold_alert_since == COMPTOIR_DAY_NONE)
        status->fold_alert_since = status->fold_day;
    }
  else
    status->fold_alert_since = COMPTOIR_DAY_NONE;
}

static ComptoirStatusLine *
add_line (ComptoirMemberStatus   *status,
          ComptoirStatusLineKind  kind,
          ComptoirDay             day,
          gint64                  counted)
{
  ComptoirStatusLine *line;

  if (day != status->fold_day)
    {
      close_day (status);
      status->fold_day = day;
    }
  status->fold_counter += counted;
  g_array_set_size (status->lines, status->lines->len + 1);
  line = &g_array_index (status->lines, ComptoirStatusLine, status->lines->len - 1);
  memset (line, 0, sizeof *line);
  line->kind = kind;
  line->day = day;
  line->counted = counted;
  line->counter = status->fold_counter;
  return line;
}

/* Adds the leave and due lines of the days up to target, included. */
static void
advance_to (ComptoirMemberStatus *status,
            ComptoirDay           target)
{
  for (;;)
    {
      ComptoirDay leave_day = status->fold_next_leave < status->leaves->len
                                ? g_array_index (status->leaves, ComptoirLeave, status->fold_next_leave).from_on
                                : DAY_MAX;
      ComptoirDay owed_on = due_day (status, status->fold_next_cycle);
      ComptoirStatusLine *line;

      if (MIN (leave_day, owed_on) > target || MIN (leave_day, owed_on) == DAY_MAX)
        return;
      if (leave_day <= owed_on)
        {
          line = add_line (status, COMPTOIR_STATUS_LINE_LEAVE, leave_day, 0);
          line->leave = g_array_index (status->leaves, ComptoirLeave, status->fold_next_leave);
          status->fold_next_leave++;
        }
      else
        {
          gint64 start = cycle_start (status, status->fold_next_cycle);
          gboolean waived = leave_overlaps (status, start, start + status->rules.cycle_days - 1);

          line = add_line (status, COMPTOIR_STATUS_LINE_CYCLE_DUE, owed_on, waived ? 0 : -1);
          line->waived = waived;
          status->fold_next_cycle++;
        }
    }
}

/* Folds an entry that sorts after every entry folded so far; takes the
 * strings it owns when take is TRUE, copies them otherwise. */
static void
fold_entry (ComptoirMemberStatus      *status,
            const ComptoirLedgerEntry *entry,
            gboolean                   take)
{
  gboolean waived = is_waived_penalty (status, entry);
  ComptoirStatusLine *line;

  advance_to (status, entry->effective_on);
  line = add_line (status, COMPTOIR_STATUS_LINE_ENTRY, entry->effective_on, waived ? 0 : entry->points);
  line->entry = *entry;
  if (!take)
    {
      line->entry.reason = g_strdup (entry->reason);
      line->entry.related_member_id = g_strdup (entry->related_member_id);
    }
  line->waived = waived;
  status->last_entry = (gint) status->lines->len - 1;
  status->n_folded = status->lines->len;
}

static void
reset_fold (ComptoirMemberStatus *status)
{
  g_array_set_size (status->lines, 0);
  status->n_folded = 0;
  status->fold_counter = 0;
  status->fold_day = COMPTOIR_DAY_NONE;
  status->fold_alert_since = COMPTOIR_DAY_NONE;
  status->fold_next_leave = 0;
  status->last_entry = -1;
  status->fold_next_cycle = 0;
  if (dues_apply (status))
    {
      /* The first cycle that starts on or after participation_since. */
      gint64 offset = (gint64) status->facts.participation_since - status->rules.cycle_start;
      gint64 len = status->rules.cycle_days;

      status->fold_next_cycle = offset >= 0 ? (offset + len - 1) / len : -((-offset) / len);
    }
}

void
comptoir_member_status_init (ComptoirMemberStatus      *status,
                             const ComptoirStatusRules *rules,
                             const ComptoirMemberFacts *facts)
{
  g_return_if_fail (status != NULL && rules != NULL && facts != NULL);
  g_return_if_fail (rules->cycle_days > 0);

  if (status->lines == NULL)
    {
      status->lines = g_array_new (FALSE, FALSE, sizeof (ComptoirStatusLine));
      g_array_set_clear_func (status->lines, line_clear);
      status->leaves = g_array_new (FALSE, FALSE, sizeof (ComptoirLeave));
      status->later = g_array_new (FALSE, FALSE, sizeof (ComptoirLedgerEntry));
      g_array_set_clear_func (status->later, later_clear);
    }
  g_array_set_size (status->lines, 0);
  g_array_set_size (status->later, 0);
  g_array_set_size (status->leaves, 0);
  g_array_append_vals (status->leaves, facts->leaves, facts->n_leaves);
  g_array_sort (status->leaves, compare_leaves);

  status->rules = *rules;
  status->facts = *facts;
  status->facts.leaves = (const ComptoirLeave *) status->leaves->data;
  status->kind = COMPTOIR_MEMBER_UP_TO_DATE;
  status->counter = 0;
  status->today = COMPTOIR_DAY_NONE;
  status->alert_since = COMPTOIR_DAY_NONE;
  status->deadline = COMPTOIR_DAY_NONE;
  status->to_make_up = 0;
  reset_fold (status);
}

/* Moves every entry, folded or waiting, with its strings, into an
 * array sorted like the ledger. */
static GArray *
take_entries (ComptoirMemberStatus *status)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (ComptoirLedgerEntry));

  g_array_set_size (status->lines, status->n_folded);
  for (guint i = 0; i < status->lines->len; i++)
    {
      ComptoirStatusLine *line = &g_array_index (status->lines, ComptoirStatusLine, i);

      if (line->kind != COMPTOIR_STATUS_LINE_ENTRY)
        continue;
      g_array_append_val (entries, line->entry);
      line->entry.reason = NULL;
      line->entry.related_member_id = NULL;
    }
  g_array_append_vals (entries, status->later->data, status->later->len);
  /* The strings now belong to entries. (An empty array may have no data
   * at all, and memset must not be given NULL.) */
  if (status->later->len > 0)
    memset (status->later->data, 0, (gsize) status->later->len * sizeof (ComptoirLedgerEntry));
  g_array_set_size (status->later, 0);
  return entries;
}

/* Folds the sorted entries again from the start, setting aside those
 * after limit (none when limit is DAY_MAX); takes their strings. */
static void
refold (ComptoirMemberStatus *status,
        GArray               *entries,
        ComptoirDay           limit)
{
  reset_fold (status);
  for (guint i = 0; i < entries->len; i++)
    {
      ComptoirLedgerEntry *entry = &g_array_index (entries, ComptoirLedgerEntry, i);

      if (entry->effective_on > limit)
        g_array_append_val (status->later, *entry);
      else
        fold_entry (status, entry, TRUE);
    }
}

void
comptoir_member_status_apply (ComptoirMemberStatus      *status,
                              const ComptoirLedgerEntry *entry)
{
  g_autoptr (GArray) entries = NULL;
  const ComptoirStatusLine *last;
  ComptoirLedgerEntry copy;
  guint at;

  g_return_if_fail (status != NULL && status->lines != NULL && entry != NULL);

  /* Lines finish() added up to a day are not part of the fold. */
  g_array_set_size (status->lines, status->n_folded);

  last = status->last_entry >= 0 ? &g_array_index (status->lines, ComptoirStatusLine, status->last_entry) : NULL;
  if (status->later->len == 0 && (last == NULL || compare_entries (&last->entry, entry) < 0))
    {
      fold_entry (status, entry, FALSE);
      return;
    }

  /* An entry older than the last one (a late validation), or entries set
   * aside: the member's ledger is folded again. */
  entries = take_entries (status);
  copy = *entry;
  copy.reason = g_strdup (entry->reason);
  copy.related_member_id = g_strdup (entry->related_member_id);
  at = entries->len;
  while (at > 0 && compare_entries (&g_array_index (entries, ComptoirLedgerEntry, at - 1), &copy) > 0)
    at--;
  g_array_insert_val (entries, at, copy);
  refold (status, entries, DAY_MAX);
}

/* The deadline, pushed back by the days of leave between the start of
 * the alert and it. */
static ComptoirDay
deadline_after_leaves (const ComptoirMemberStatus *status,
                       ComptoirDay                 since,
                       ComptoirDay                 today)
{
  gint64 deadline = (gint64) since + status->rules.grace_days;
  gint64 covered = (gint64) since - 1;

  for (guint i = 0; i < status->leaves->len; i++)
    {
      const ComptoirLeave *leave = &g_array_index (status->leaves, ComptoirLeave, i);
      gint64 from = MAX ((gint64) leave->from_on, covered + 1);
      gint64 to = leave->to_on != COMPTOIR_DAY_NONE ? leave->to_on : MAX (today, leave->from_on);

      if (from >= deadline)
        break;
      if (to < from)
        continue;
      /* A leave that starts before the deadline pushes it past its end. */
      deadline += to - from + 1;
      covered = to;
    }
  return (ComptoirDay) MIN (deadline, (gint64) DAY_MAX - 1);
}

void
comptoir_member_status_finish (ComptoirMemberStatus *status,
                               ComptoirDay           today)
{
  const ComptoirMemberFacts *facts;
  gint64 saved_counter, saved_cycle, below;
  ComptoirDay saved_day, saved_since;
  guint saved_leave;

  g_return_if_fail (status != NULL && status->lines != NULL);
  g_return_if_fail (today != COMPTOIR_DAY_NONE);

  g_array_set_size (status->lines, status->n_folded);
  if ((status->last_entry >= 0 &&
       g_array_index (status->lines, ComptoirStatusLine, status->last_entry).day > today) ||
      (status->later->len > 0 && g_array_index (status->later, ComptoirLedgerEntry, 0).effective_on <= today))
    {
      g_autoptr (GArray) entries = take_entries (status);

      refold (status, entries, today);
    }
  facts = &status->facts;
  below = threshold (status);
  saved_counter = status->fold_counter;
  saved_day = status->fold_day;
  saved_since = status->fold_alert_since;
  saved_cycle = status->fold_next_cycle;
  saved_leave = status->fold_next_leave;

  advance_to (status, today);
  close_day (status);

  status->today = today;
  status->counter = status->fold_counter;
  status->alert_since = COMPTOIR_DAY_NONE;
  status->deadline = COMPTOIR_DAY_NONE;
  status->to_make_up = 0;

  if (facts->left_on != COMPTOIR_DAY_NONE && facts->left_on <= today)
    status->kind = COMPTOIR_MEMBER_UNSUBSCRIBED;
  else if (facts->participation == COMPTOIR_PARTICIPATION_EXEMPT || leave_overlaps (status, today, today))
    status->kind = COMPTOIR_MEMBER_EXEMPTED;
  else if (status->counter < below && status->fold_alert_since != COMPTOIR_DAY_NONE)
    {
      status->alert_since = status->fold_alert_since;
      status->deadline = deadline_after_leaves (status, status->alert_since, today);
      status->to_make_up = below - status->counter;
      status->kind = today >= status->deadline ? COMPTOIR_MEMBER_SUSPENDED : COMPTOIR_MEMBER_ALERT;
    }
  else
    status->kind = COMPTOIR_MEMBER_UP_TO_DATE;

  status->fold_counter = saved_counter;
  status->fold_day = saved_day;
  status->fold_alert_since = saved_since;
  status->fold_next_cycle = saved_cycle;
  status->fold_next_leave = saved_leave;
}

void
comptoir_member_status_clear (ComptoirMemberStatus *status)
{
  g_clear_pointer (&status->lines, g_array_unref);
  g_clear_pointer (&status->leaves, g_array_unref);
  g_clear_pointer (&status->later, g_array_unref);
  status->facts.leaves = NULL;
  status->facts.n_leaves = 0;
}

void
comptoir_member_status_compute_from (const ComptoirStatusRules *rules,
                                     const ComptoirMemberFacts *facts,
                                     const ComptoirLedgerEntry *entries,
                                     guint                      n_entries,
                                     ComptoirDay                today,
                                     ComptoirMemberStatus      *out)
{
  g_autofree const ComptoirLedgerEntry **sorted = g_new (const ComptoirLedgerEntry *, MAX (n_entries, 1));

  for (guint i = 0; i < n_entries; i++)
    sorted[i] = &entries[i];
  /* Insertion sort: a ledger read from the database is already in
   * order, and then this costs one comparison per entry. */
  for (guint i = 1; i < n_entries; i++)
    {
      const ComptoirLedgerEntry *e = sorted[i];
      guint j = i;

      while (j > 0 && compare_entries (sorted[j - 1], e) > 0)
        {
          sorted[j] = sorted[j - 1];
          j--;
        }
      sorted[j] = e;
    }

  comptoir_member_status_init (out, rules, facts);
  for (guint i = 0; i < n_entries; i++)
    fold_entry (out, sorted[i], FALSE);
  comptoir_member_status_finish (out, today);
}

static gboolean
entries_equal (const ComptoirLedgerEntry *a,
               const ComptoirLedgerEntry *b)
{
  return strcmp (a->id, b->id) == 0 && a->effective_on == b->effective_on && a->kind == b->kind &&
         a->points == b->points && g_strcmp0 (a->reason, b->reason) == 0 &&
         g_strcmp0 (a->related_member_id, b->related_member_id) == 0;
}

gboolean
comptoir_member_status_equal (const ComptoirMemberStatus *a,
                              const ComptoirMemberStatus *b)
{
  if (a->kind != b->kind || a->counter != b->counter || a->today != b->today ||
      a->alert_since != b->alert_since || a->deadline != b->deadline || a->to_make_up != b->to_make_up ||
      a->lines->len != b->lines->len)
    return FALSE;
  for (guint i = 0; i < a->lines->len; i++)
    {
      const ComptoirStatusLine *x = &g_array_index (a->lines, ComptoirStatusLine, i);
      const ComptoirStatusLine *y = &g_array_index (b->lines, ComptoirStatusLine, i);

      if (x->kind != y->kind || x->day != y->day || x->counted != y->counted || x->waived != y->waived ||
          x->counter != y->counter)
        return FALSE;
      if (x->kind == COMPTOIR_STATUS_LINE_ENTRY && !entries_equal (&x->entry, &y->entry))
        return FALSE;
      if (x->kind == COMPTOIR_STATUS_LINE_LEAVE &&
          (strcmp (x->leave.id, y->leave.id) != 0 || x->leave.kind != y->leave.kind ||
           x->leave.from_on != y->leave.from_on || x->leave.to_on != y->leave.to_on))
        return FALSE;
    }
  return TRUE;
}
