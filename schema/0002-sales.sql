-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sales and the fiscal journal (art. 286 I-3° bis CGI). Everything here
-- but the till list is a fact: appended once, never updated or deleted;
-- a mistake is corrected by a new ticket that refers to the first.

CREATE TABLE till (
  id   TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 16),
  name TEXT NOT NULL
);

CREATE TABLE ticket (
  id           TEXT PRIMARY KEY NOT NULL,
  till_id      TEXT NOT NULL REFERENCES till (id),
  number       INTEGER NOT NULL CHECK (number > 0),
  closed_at    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
  refers_to    TEXT REFERENCES ticket (id),
  cashier      TEXT,
  member_id    TEXT,
  training     INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1)),
  total_cents  INTEGER NOT NULL,
  change_cents INTEGER NOT NULL DEFAULT 0 CHECK (change_cents >= 0),
  UNIQUE (till_id, number)
);

CREATE TABLE ticket_line (
  id               TEXT PRIMARY KEY NOT NULL,
  ticket_id        TEXT NOT NULL REFERENCES ticket (id),
  position         INTEGER NOT NULL CHECK (position > 0),
  product_id       TEXT REFERENCES product (id),
  label            TEXT NOT NULL,
  quantity_milli   INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  vat_bp           INTEGER NOT NULL CHECK (vat_bp IN (2000, 1000, 550, 210)),
  total_cents      INTEGER NOT NULL,
  UNIQUE (ticket_id, position)
);

CREATE TABLE ticket_payment (
  id           TEXT PRIMARY KEY NOT NULL,
  ticket_id    TEXT NOT NULL REFERENCES ticket (id),
  position     INTEGER NOT NULL CHECK (position > 0),
  method       TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  UNIQUE (ticket_id, position)
);

-- Stock is the sum of movements (DESIGN.md); a sale moves stock out.
CREATE TABLE stock_movement (
  id             TEXT PRIMARY KEY NOT NULL,
  product_id     TEXT NOT NULL REFERENCES product (id),
  quantity_milli INTEGER NOT NULL,
  reason         TEXT NOT NULL,
  source_id      TEXT,
  at             TEXT NOT NULL
);
CREATE INDEX stock_movement_product ON stock_movement (product_id);

-- Z (day), month and year closures of a till.
CREATE TABLE closure (
  id              TEXT PRIMARY KEY NOT NULL,
  till_id         TEXT NOT NULL REFERENCES till (id),
  period          TEXT NOT NULL CHECK (period IN ('day', 'month', 'year')),
  closed_at       TEXT NOT NULL,
  first_number    INTEGER,
  last_number     INTEGER,
  ticket_count    INTEGER NOT NULL,
  total_cents     INTEGER NOT NULL,
  perpetual_cents INTEGER NOT NULL
);
CREATE INDEX closure_till ON closure (till_id, period, last_number);

-- The chain: one entry per ticket and per closure, numbered without gaps
-- per till; hash = SHA-256 (previous hash, newline, payload).
CREATE TABLE fiscal_entry (
  id        TEXT PRIMARY KEY NOT NULL,
  till_id   TEXT NOT NULL REFERENCES till (id),
  seq       INTEGER NOT NULL CHECK (seq > 0),
  kind      TEXT NOT NULL CHECK (kind IN ('ticket', 'closure')),
  source_id TEXT NOT NULL,
  payload   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL,
  UNIQUE (till_id, seq)
);
CREATE INDEX fiscal_entry_source ON fiscal_entry (source_id);

CREATE TRIGGER ticket_immutable_u BEFORE UPDATE ON ticket
BEGIN SELECT RAISE (ABORT, 'a sale ticket is never changed: record a correction'); END;
CREATE TRIGGER ticket_immutable_d BEFORE DELETE ON ticket
BEGIN SELECT RAISE (ABORT, 'a sale ticket is never deleted: record a correction'); END;
CREATE TRIGGER ticket_line_immutable_u BEFORE UPDATE ON ticket_line
BEGIN SELECT RAISE (ABORT, 'a ticket line is never changed'); END;
CREATE TRIGGER ticket_line_immutable_d BEFORE DELETE ON ticket_line
BEGIN SELECT RAISE (ABORT, 'a ticket line is never deleted'); END;
CREATE TRIGGER ticket_payment_immutable_u BEFORE UPDATE ON ticket_payment
BEGIN SELECT RAISE (ABORT, 'a payment is never changed'); END;
CREATE TRIGGER ticket_payment_immutable_d BEFORE DELETE ON ticket_payment
BEGIN SELECT RAISE (ABORT, 'a payment is never deleted'); END;
CREATE TRIGGER stock_movement_immutable_u BEFORE UPDATE ON stock_movement
BEGIN SELECT RAISE (ABORT, 'a stock movement is never changed'); END;
CREATE TRIGGER stock_movement_immutable_d BEFORE DELETE ON stock_movement
BEGIN SELECT RAISE (ABORT, 'a stock movement is never deleted'); END;
CREATE TRIGGER closure_immutable_u BEFORE UPDATE ON closure
BEGIN SELECT RAISE (ABORT, 'a closure is never changed'); END;
CREATE TRIGGER closure_immutable_d BEFORE DELETE ON closure
BEGIN SELECT RAISE (ABORT, 'a closure is never deleted'); END;
CREATE TRIGGER fiscal_entry_immutable_u BEFORE UPDATE ON fiscal_entry
BEGIN SELECT RAISE (ABORT, 'the fiscal journal is never changed'); END;
CREATE TRIGGER fiscal_entry_immutable_d BEFORE DELETE ON fiscal_entry
BEGIN SELECT RAISE (ABORT, 'the fiscal journal is never changed'); END;

INSERT INTO replicated_table (name)
  VALUES ('till'), ('ticket'), ('ticket_line'), ('ticket_payment'),
         ('stock_movement'), ('closure'), ('fiscal_entry');
