-- SPDX-License-Identifier: GPL-3.0-or-later
-- The shift counter of each member: an append-only ledger, never edited.
-- A member's counter is the sum of their entries (plus, for flying
-- members, one shift owed per cycle, computed and never stored); their
-- status is computed from it by the rules in the settings, on every
-- machine, and each line of the ledger explains it.
--
-- Kinds of entries, and the points they carry:
--   shift_done    a shift worked: 0 for a standard member (their squad's
--                 shift meets the cycle's obligation), +1 for a flying
--                 member (it pays a cycle's due) or an exempt one
--   shift_missed  a booked shift not worked: a penalty, -1 by default
--   makeup_done   a shift worked to make up for one missed: +1
--   late_cancel   a booking cancelled after the notice period: a
--                 penalty, -1 by default, 0 where the shop forgives them
--   correction    staff adding or removing points (never 0), with a reason
--   merge_out     two accounts merged: the absorbed member's counter
--                 leaves it (points = minus its counter on that day)
--   merge_in      ... and arrives on the surviving member (the same value)
--   cycle_dues    a flying member becoming standard or exempt: the shifts
--                 owed for past cycles, frozen so that the change of
--                 participation does not rewrite the past (points <= 0)
-- effective_on is the day the entry counts for (a shift validated a
-- week late counts on the day it was worked); at is when it was recorded.
-- A penalty effective during a leave period does not count.
CREATE TABLE counter_entry (
  id                TEXT PRIMARY KEY NOT NULL,
  member_id         TEXT NOT NULL REFERENCES member (id),
  at                TEXT NOT NULL,
  effective_on      TEXT NOT NULL CHECK (effective_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind              TEXT NOT NULL CHECK (kind IN ('shift_done', 'shift_missed', 'makeup_done', 'late_cancel',
                                                  'correction', 'merge_out', 'merge_in', 'cycle_dues')),
  points            INTEGER NOT NULL,
  slot_id           TEXT,
  reason            TEXT,
  by_staff          TEXT REFERENCES staff (id),
  related_member_id TEXT REFERENCES member (id),
  CHECK (kind NOT IN ('shift_done', 'makeup_done') OR points >= 0),
  CHECK (kind NOT IN ('shift_missed', 'late_cancel', 'cycle_dues') OR points <= 0),
  CHECK (kind <> 'correction' OR (points <> 0 AND length (trim (reason)) > 0)),
  CHECK ((kind IN ('merge_out', 'merge_in')) = (related_member_id IS NOT NULL))
);
-- Every status is computed from one ordered walk of this index, which
-- holds all the columns the computation reads.
CREATE INDEX counter_entry_member
  ON counter_entry (member_id, effective_on, id, kind, points, reason, related_member_id);

CREATE TRIGGER counter_entry_immutable_u BEFORE UPDATE ON counter_entry
BEGIN SELECT RAISE (ABORT, 'a counter entry is never changed: record a correction'); END;
CREATE TRIGGER counter_entry_immutable_d BEFORE DELETE ON counter_entry
BEGIN SELECT RAISE (ABORT, 'a counter entry is never deleted: record a correction'); END;

-- How the member takes part: 'standard' (in a squad), 'flying' (books
-- any slot; owes one shift per cycle where the rules say so) or 'exempt',
-- since participation_since; left_on is the day they left (NULL while a
-- member). Reference data, merged field by field.
ALTER TABLE member ADD COLUMN participation TEXT NOT NULL DEFAULT 'standard'
  CHECK (participation IN ('standard', 'flying', 'exempt'));
ALTER TABLE member ADD COLUMN participation_since TEXT;
ALTER TABLE member ADD COLUMN left_on TEXT;

-- Periods that pause a member's obligations (to_on NULL: not ended yet,
-- both days included). Mutable reference data: a leave is ended by
-- setting to_on.
CREATE TABLE member_leave (
  id        TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id),
  kind      TEXT NOT NULL CHECK (kind IN ('holiday', 'parental', 'medical', 'other')),
  from_on   TEXT NOT NULL,
  to_on     TEXT
);
CREATE INDEX member_leave_member ON member_leave (member_id, from_on);

INSERT INTO replicated_table (name) VALUES ('counter_entry'), ('member_leave');
