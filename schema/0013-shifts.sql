-- SPDX-License-Identifier: GPL-3.0-or-later
-- Work shifts. Templates describe the shop's week pattern over its cycle
-- (week A, B, C, D… of the status rules' cycle); slots are the dated
-- shifts made from them (or added one-off); seats in a slot are scarce,
-- so they are claimed, never taken: see shift_claim.

-- Reference data, merged field by field. week_index 0 is week A;
-- weekday is ISO (1 Monday … 7 Sunday); times are minutes after
-- midnight. required_role names the training a member needs to hold a
-- seat (for instance 'cashier': only trained members on the till).
-- An inactive template generates no more slots.
CREATE TABLE shift_template (
  id            TEXT PRIMARY KEY NOT NULL,
  week_index    INTEGER NOT NULL CHECK (week_index BETWEEN 0 AND 51),
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
  job           TEXT NOT NULL CHECK (job IN ('cashier', 'receiving', 'shelving', 'cleaning', 'office', 'other')),
  capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 99),
  required_role TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A standard member's squad: the template whose slots they work every
-- cycle, from from_on (to_on NULL: still in it). Reference data.
CREATE TABLE shift_squad (
  id          TEXT PRIMARY KEY NOT NULL,
  template_id TEXT NOT NULL REFERENCES shift_template (id),
  member_id   TEXT NOT NULL REFERENCES member (id),
  from_on     TEXT NOT NULL,
  to_on       TEXT
);
CREATE INDEX shift_squad_template ON shift_squad (template_id, from_on);
CREATE INDEX shift_squad_member ON shift_squad (member_id);

-- Trainings a member holds ('cashier', …). Reference data: the write
-- API never deletes a row, so a revoked role is set inactive; the id
-- follows from the member and the role, so that two machines granting
-- the same role write the same row.
CREATE TABLE member_role (
  id        TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id),
  role      TEXT NOT NULL,
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (member_id, role)
);

-- Days the shop is closed (public holidays): generation skips them, and
-- slots already made for such a day are cancelled. Reference data; a
-- removed closing day is set inactive (rows are never deleted), and its
-- id follows from the day, as for member_role.
CREATE TABLE closing_day (
  id     TEXT PRIMARY KEY NOT NULL,
  day    TEXT NOT NULL UNIQUE,
  label  TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A dated shift. A slot made from a template has an id derived from the
-- template and the day (comptoir_shift_slot_id), so that two machines
-- generating the same weeks make the same rows; a one-off slot has a
-- UUIDv7 and no template. Reference data: cancelled is set when the day
-- becomes a closing day or staff cancel the slot.
CREATE TABLE shift_slot (
  id            TEXT PRIMARY KEY NOT NULL,
  template_id   TEXT REFERENCES shift_template (id),
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
  job           TEXT NOT NULL CHECK (job IN ('cashier', 'receiving', 'shelving', 'cleaning', 'office', 'other')),
  capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 99),
  required_role TEXT,
  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))
);
CREATE INDEX shift_slot_day ON shift_slot (day, start_minute);

-- A request for a seat: a fact. kind 'squad' is a standard member's seat
-- in their squad's slot (made by generation, id derived from the slot and
-- the member, never refused); 'book' a flying member's or a volunteer's
-- booking; 'makeup' a booking to make up for a missed shift; 'take' the
-- taking of a seat offered on the exchange board (offer_id).
--
-- A claim holds a seat once decided accepted (shift_claim_decision) and
-- until released (shift_release). The arbiter decides claims in the
-- order it receives them: on a machine alone, that machine, in the
-- transaction of the claim; with a hub (the replication issue), the hub,
-- in its commit order, and the claim is "pending" on the till until the
-- decision flows back. The same decision function runs in both places.
CREATE TABLE shift_claim (
  id        TEXT PRIMARY KEY NOT NULL,
  slot_id   TEXT NOT NULL REFERENCES shift_slot (id),
  member_id TEXT NOT NULL REFERENCES member (id),
  kind      TEXT NOT NULL CHECK (kind IN ('squad', 'book', 'makeup', 'take')),
  offer_id  TEXT,
  at        TEXT NOT NULL,
  device_id TEXT NOT NULL,
  by_staff  TEXT REFERENCES staff (id),
  CHECK ((kind = 'take') = (offer_id IS NOT NULL))
);
CREATE INDEX shift_claim_slot ON shift_claim (slot_id);
CREATE INDEX shift_claim_member ON shift_claim (member_id);

-- The arbiter's answer to a claim: a fact, one per claim; reason says
-- why a claim was refused ('full', 'role', 'taken': the offer was taken
-- or withdrawn first, 'cancelled': the slot was, 'already': the member
-- holds a seat in the slot, 'left': the member left the cooperative).
-- Its id is the claim's (the write API keys every row by id): a second
-- decision on a claim cannot be stored.
CREATE TABLE shift_claim_decision (
  id         TEXT PRIMARY KEY NOT NULL,
  claim_id   TEXT NOT NULL UNIQUE REFERENCES shift_claim (id),
  slot_id    TEXT NOT NULL REFERENCES shift_slot (id),
  accepted   INTEGER NOT NULL CHECK (accepted IN (0, 1)),
  reason     TEXT,
  at         TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  CHECK ((accepted = 1) = (reason IS NULL))
);
CREATE INDEX shift_claim_decision_slot ON shift_claim_decision (slot_id);

-- A seat given back: a fact, at most one per claim. kind 'cancel' in
-- time, 'late_cancel' after the notice (a ledger entry may go with it),
-- 'swap' when the seat was taken from the exchange board, 'closed' when
-- the slot was cancelled. A released seat can be claimed again.
CREATE TABLE shift_release (
  id       TEXT PRIMARY KEY NOT NULL,
  claim_id TEXT NOT NULL UNIQUE REFERENCES shift_claim (id),
  kind     TEXT NOT NULL CHECK (kind IN ('cancel', 'late_cancel', 'swap', 'closed')),
  at       TEXT NOT NULL,
  by_staff TEXT REFERENCES staff (id)
);

-- A seat put on the exchange board by its holder: a fact. It ends when
-- withdrawn or taken (shift_offer_end, one per offer, whose id is the
-- offer's).
CREATE TABLE shift_offer (
  id       TEXT PRIMARY KEY NOT NULL,
  claim_id TEXT NOT NULL REFERENCES shift_claim (id),
  at       TEXT NOT NULL
);
CREATE INDEX shift_offer_claim ON shift_offer (claim_id);
CREATE TABLE shift_offer_end (
  id       TEXT PRIMARY KEY NOT NULL,   -- the offer's id, as for decisions
  offer_id TEXT NOT NULL UNIQUE REFERENCES shift_offer (id),
  kind     TEXT NOT NULL CHECK (kind IN ('withdrawn', 'taken')),
  at       TEXT NOT NULL
);

-- Who came: a fact per member and slot, and the corrections staff make
-- with a reason (corrects: the attendance it replaces). The ledger entry
-- it causes (shift done, makeup done, missed) is written with it.
CREATE TABLE shift_attendance (
  id        TEXT PRIMARY KEY NOT NULL,
  slot_id   TEXT NOT NULL REFERENCES shift_slot (id),
  member_id TEXT NOT NULL REFERENCES member (id),
  claim_id  TEXT REFERENCES shift_claim (id),
  outcome   TEXT NOT NULL CHECK (outcome IN ('present', 'absent')),
  at        TEXT NOT NULL,
  by_staff  TEXT REFERENCES staff (id),
  reason    TEXT,
  corrects  TEXT REFERENCES shift_attendance (id),
  CHECK (corrects IS NULL OR length (trim (reason)) > 0)
);
CREATE INDEX shift_attendance_slot ON shift_attendance (slot_id, member_id);

CREATE TRIGGER shift_claim_immutable_u BEFORE UPDATE ON shift_claim
BEGIN SELECT RAISE (ABORT, 'a shift claim is never changed: release it'); END;
CREATE TRIGGER shift_claim_immutable_d BEFORE DELETE ON shift_claim
BEGIN SELECT RAISE (ABORT, 'a shift claim is never deleted: release it'); END;
CREATE TRIGGER shift_claim_decision_immutable_u BEFORE UPDATE ON shift_claim_decision
BEGIN SELECT RAISE (ABORT, 'a decision on a claim is never changed'); END;
CREATE TRIGGER shift_claim_decision_immutable_d BEFORE DELETE ON shift_claim_decision
BEGIN SELECT RAISE (ABORT, 'a decision on a claim is never deleted'); END;
CREATE TRIGGER shift_release_immutable_u BEFORE UPDATE ON shift_release
BEGIN SELECT RAISE (ABORT, 'a released seat is never changed'); END;
CREATE TRIGGER shift_release_immutable_d BEFORE DELETE ON shift_release
BEGIN SELECT RAISE (ABORT, 'a released seat is never deleted'); END;
CREATE TRIGGER shift_offer_immutable_u BEFORE UPDATE ON shift_offer
BEGIN SELECT RAISE (ABORT, 'an offer is never changed: end it'); END;
CREATE TRIGGER shift_offer_immutable_d BEFORE DELETE ON shift_offer
BEGIN SELECT RAISE (ABORT, 'an offer is never deleted: end it'); END;
CREATE TRIGGER shift_offer_end_immutable_u BEFORE UPDATE ON shift_offer_end
BEGIN SELECT RAISE (ABORT, 'the end of an offer is never changed'); END;
CREATE TRIGGER shift_offer_end_immutable_d BEFORE DELETE ON shift_offer_end
BEGIN SELECT RAISE (ABORT, 'the end of an offer is never deleted'); END;
CREATE TRIGGER shift_attendance_immutable_u BEFORE UPDATE ON shift_attendance
BEGIN SELECT RAISE (ABORT, 'an attendance is never changed: record a correction'); END;
CREATE TRIGGER shift_attendance_immutable_d BEFORE DELETE ON shift_attendance
BEGIN SELECT RAISE (ABORT, 'an attendance is never deleted: record a correction'); END;

INSERT INTO replicated_table (name)
  VALUES ('shift_template'), ('shift_squad'), ('member_role'), ('closing_day'), ('shift_slot'),
         ('shift_claim'), ('shift_claim_decision'), ('shift_release'), ('shift_offer'),
         ('shift_offer_end'), ('shift_attendance');
