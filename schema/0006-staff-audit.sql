-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cashiers and managers with a PIN, the audit log of sensitive actions,
-- and parked tickets.

-- Reference data, written through the write API and merged field by
-- field like product. The PIN is kept as one field,
-- "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>", so that two PIN
-- changes merging by field never pair one's salt with the other's hash.
CREATE TABLE staff (
  id       TEXT PRIMARY KEY NOT NULL,
  name     TEXT NOT NULL CHECK (length (trim (name)) > 0),
  sort_key TEXT NOT NULL DEFAULT '',
  role     TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  pin_hash TEXT,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX staff_sort_key ON staff (sort_key);

CREATE TRIGGER staff_sort_key_insert AFTER INSERT ON staff
BEGIN
  UPDATE staff SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER staff_sort_key_update AFTER UPDATE OF name ON staff
BEGIN
  UPDATE staff SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;

-- Who did what, when and why at a till; a fact like a ticket.
-- staff_id is NULL only for what no one logged in did (a closure run
-- from the command line, an approval attempt with an unknown PIN).
CREATE TABLE audit_event (
  id            TEXT PRIMARY KEY NOT NULL,
  at            TEXT NOT NULL,
  till_id       TEXT NOT NULL REFERENCES till (id),
  staff_id      TEXT REFERENCES staff (id),
  authorized_by TEXT REFERENCES staff (id),
  action        TEXT NOT NULL CHECK (action IN ('line_void', 'price_override', 'discount', 'refund',
                                                'ticket_cancel', 'drawer_open', 'cash_in', 'cash_out',
                                                'closure', 'training_on', 'training_off',
                                                'login', 'logout', 'login_failed')),
  subject_id    TEXT,
  reason        TEXT,
  details       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (details))
);
CREATE INDEX audit_event_till ON audit_event (till_id, at);

CREATE TRIGGER audit_event_immutable_u BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE (ABORT, 'the audit log is never changed'); END;
CREATE TRIGGER audit_event_immutable_d BEFORE DELETE ON audit_event
BEGIN SELECT RAISE (ABORT, 'the audit log is never changed'); END;

INSERT INTO replicated_table (name) VALUES ('staff'), ('audit_event');

-- A till now has one current ticket (parked_at NULL) and any number of
-- parked ones. The tables are local, so they are rebuilt in place: the
-- lines first, so that dropping the old tickets cascades to nothing.
CREATE TABLE open_ticket_next (
  ticket_id  TEXT PRIMARY KEY NOT NULL,
  till_id    TEXT NOT NULL REFERENCES till (id),
  started_at TEXT NOT NULL,
  cashier    TEXT,
  member_id  TEXT,
  training   INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1)),
  parked_at  TEXT,
  label      TEXT
);
INSERT INTO open_ticket_next (ticket_id, till_id, started_at, cashier, member_id, training)
  SELECT ticket_id, till_id, started_at, cashier, member_id, training FROM open_ticket;

-- A discount is a line of its own just after the line it reduces
-- (discount_of); discount_bp is its percentage, NULL for an amount.
CREATE TABLE open_ticket_line_next (
  ticket_id        TEXT NOT NULL REFERENCES open_ticket_next (ticket_id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position > 0),
  product_id       TEXT REFERENCES product (id),
  label            TEXT NOT NULL,
  quantity_milli   INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  vat_bp           INTEGER NOT NULL,
  void_reason      TEXT,
  discount_of      INTEGER CHECK (discount_of > 0),
  discount_bp      INTEGER CHECK (discount_bp BETWEEN 1 AND 10000),
  PRIMARY KEY (ticket_id, position)
) WITHOUT ROWID;
INSERT INTO open_ticket_line_next (ticket_id, position, product_id, label, quantity_milli,
                                   unit_price_cents, vat_bp, void_reason)
  SELECT ticket_id, position, product_id, label, quantity_milli, unit_price_cents, vat_bp, void_reason
  FROM open_ticket_line;

DROP TABLE open_ticket_line;
DROP TABLE open_ticket;
ALTER TABLE open_ticket_next RENAME TO open_ticket;
ALTER TABLE open_ticket_line_next RENAME TO open_ticket_line;

CREATE UNIQUE INDEX open_ticket_current ON open_ticket (till_id) WHERE parked_at IS NULL;
CREATE INDEX open_ticket_parked ON open_ticket (till_id, parked_at);
