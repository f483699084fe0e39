/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "test-fixture.h"
#include "test-member-status.h"

/* What the shift tests share: test-shift.c (templates, generation) and
 * test-shift-seats.c (what members do with their seats). Both work
 * shifts through the same operations the planning screen, the till and
 * the CLI use, replayed on days of 2025 with a "now" given to each call.
 * 2025-03-03 is a Monday of week B of the default cycle (cycles start on
 * 2024-12-30, 2025-01-27, 2025-02-24, 2025-03-24). */

#define MONDAY "2025-03-03"

static inline ComptoirDay
day (const char *iso)
{
  ComptoirDay d = comptoir_day_from_iso (iso);

  g_assert_cmpuint (d, !=, COMPTOIR_DAY_NONE);
  return d;
}

static inline char *
add_member (Fixture               *f,
            gint64                 number,
            ComptoirParticipation  participation)
{
  g_autoptr (GError) error = NULL;
  char *id = test_add_member (f->db, number);

  if (participation != COMPTOIR_PARTICIPATION_STANDARD)
    {
      g_assert_true (comptoir_member_set_participation (f->db, id, participation, day ("2024-12-30"), &error));
      g_assert_no_error (error);
    }
  return id;
}

/* A template for the weekday and cycle week of that day. */
static inline char *
add_template (Fixture    *f,
              const char *on,
              const char *start,
              const char *end,
              guint       capacity,
              const char *role)
{
  g_autoptr (GError) error = NULL;
  ComptoirShiftTemplate t = { 0 };
  ComptoirStatusRules rules;
  GDate date;
  char *id;

  comptoir_status_rules_init_default (&rules);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day (on));
  t.week_index = comptoir_shift_week_index (&rules, day (on));
  t.weekday = g_date_get_weekday (&date);
  g_assert_true (comptoir_shift_parse_minute (start, &t.start_minute));
  g_assert_true (comptoir_shift_parse_minute (end, &t.end_minute));
  t.job = role != NULL ? COMPTOIR_SHIFT_JOB_CASHIER : COMPTOIR_SHIFT_JOB_SHELVING;
  t.capacity = capacity;
  t.required_role = (char *) role;
  t.active = TRUE;
  id = comptoir_shift_template_save (f->db, &t, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static inline void
generate (Fixture    *f,
          const char *from,
          guint       weeks,
          guint       n_slots,
          guint       n_seats)
{
  g_autoptr (GError) error = NULL;
  guint slots = 0, seats = 0;
  gboolean ok = comptoir_shift_generate (f->db, day (from), weeks, &slots, &seats, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (slots, ==, n_slots);
  g_assert_cmpuint (seats, ==, n_seats);
}

static inline char *
slot_of (const char *template_id,
         const char *on)
{
  return comptoir_shift_slot_id (template_id, day (on));
}

static inline void
get_slot (Fixture           *f,
          const char        *slot_id,
          ComptoirShiftSlot *out)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_shift_get_slot (f->db, slot_id, out, &error));
  g_assert_no_error (error);
}

static inline gboolean
has_seat (const ComptoirShiftSlot *slot,
          const char              *member_id)
{
  for (guint i = 0; i < slot->seats->len; i++)
    if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, i).member_id, member_id))
      return TRUE;
  return FALSE;
}

/* The member's seat, which must be there. */
static inline const ComptoirShiftSeat *
seat_of (const ComptoirShiftSlot *slot,
         const char              *member_id)
{
  for (guint i = 0; i < slot->seats->len; i++)
    if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, i).member_id, member_id))
      return &g_array_index (slot->seats, ComptoirShiftSeat, i);
  g_error ("member %s has no seat in slot %s", member_id, slot->id);
}

static inline gint64
count_live (Fixture    *f,
            const char *slot_id)
{
  g_auto (ComptoirShiftSlot) slot = { 0 };

  get_slot (f, slot_id, &slot);
  return slot.n_held;
}
