-- SPDX-License-Identifier: GPL-3.0-or-later
-- A till session: opened with a counted float, cash put in or taken out
-- with a reason, closed with a count by denomination. All facts.

CREATE TABLE till_session (
  id          TEXT PRIMARY KEY NOT NULL,
  till_id     TEXT NOT NULL REFERENCES till (id),
  opened_at   TEXT NOT NULL,
  opened_by   TEXT NOT NULL,
  float_cents INTEGER NOT NULL CHECK (float_cents >= 0)
);
CREATE INDEX till_session_till ON till_session (till_id, opened_at);

CREATE TABLE cash_movement (
  id           TEXT PRIMARY KEY NOT NULL,
  session_id   TEXT NOT NULL REFERENCES till_session (id),
  at           TEXT NOT NULL,
  by_whom      TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0)
);
CREATE INDEX cash_movement_session ON cash_movement (session_id);

CREATE TABLE till_session_close (
  id             TEXT PRIMARY KEY NOT NULL,
  session_id     TEXT NOT NULL UNIQUE REFERENCES till_session (id),
  closed_at      TEXT NOT NULL,
  closed_by      TEXT NOT NULL,
  counts         TEXT NOT NULL CHECK (json_valid (counts)),
  counted_cents  INTEGER NOT NULL,
  expected_cents INTEGER NOT NULL
);

CREATE TRIGGER till_session_immutable_u BEFORE UPDATE ON till_session
BEGIN SELECT RAISE (ABORT, 'a till session is never changed'); END;
CREATE TRIGGER till_session_immutable_d BEFORE DELETE ON till_session
BEGIN SELECT RAISE (ABORT, 'a till session is never deleted'); END;
CREATE TRIGGER cash_movement_immutable_u BEFORE UPDATE ON cash_movement
BEGIN SELECT RAISE (ABORT, 'a cash movement is never changed'); END;
CREATE TRIGGER cash_movement_immutable_d BEFORE DELETE ON cash_movement
BEGIN SELECT RAISE (ABORT, 'a cash movement is never deleted'); END;
CREATE TRIGGER till_session_close_immutable_u BEFORE UPDATE ON till_session_close
BEGIN SELECT RAISE (ABORT, 'a till closing count is never changed'); END;
CREATE TRIGGER till_session_close_immutable_d BEFORE DELETE ON till_session_close
BEGIN SELECT RAISE (ABORT, 'a till closing count is never deleted'); END;

INSERT INTO replicated_table (name) VALUES ('till_session'), ('cash_movement'), ('till_session_close');
