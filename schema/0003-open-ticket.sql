-- SPDX-License-Identifier: GPL-3.0-or-later
-- The ticket being built at a till, saved line by line so that a crash,
-- a power cut or kill -9 reopens the till on the same ticket. Local to
-- the machine and never replicated: only committed tickets are facts.

CREATE TABLE open_ticket (
  till_id    TEXT PRIMARY KEY NOT NULL REFERENCES till (id),
  ticket_id  TEXT NOT NULL UNIQUE,
  started_at TEXT NOT NULL,
  cashier    TEXT,
  member_id  TEXT,
  training   INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1))
);

CREATE TABLE open_ticket_line (
  ticket_id        TEXT NOT NULL REFERENCES open_ticket (ticket_id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position > 0),
  product_id       TEXT REFERENCES product (id),
  label            TEXT NOT NULL,
  quantity_milli   INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  vat_bp           INTEGER NOT NULL,
  void_reason      TEXT,
  PRIMARY KEY (ticket_id, position)
) WITHOUT ROWID;
