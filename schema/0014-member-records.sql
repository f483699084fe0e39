-- SPDX-License-Identifier: GPL-3.0-or-later
-- A member's record: what the office keeps about a member besides their
-- shift counter (identity, contact, household, photo, notes) and their
-- share capital. Reference data is merged field by field like the rest
-- of the member row; shares and their payments are facts, because the
-- cooperative's capital must add up from what happened, never from a
-- figure someone overwrote.

-- The rest of the identity. address and notes are free text (a person's
-- postal address is not parsed: it is only printed on letters);
-- birth_date is YYYY-MM-DD or NULL when not given. anonymised is set
-- once, by an access request or the end of the retention period: the
-- personal fields are then erased and the row can no longer be edited,
-- while the number, ledger, shares and tickets stay for the accounts.
ALTER TABLE member ADD COLUMN address TEXT;
ALTER TABLE member ADD COLUMN birth_date TEXT
  CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE member ADD COLUMN notes TEXT;
ALTER TABLE member ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0, 1));

-- "dupont marie": accent- and case-folded "last first", derived locally
-- (never replicated) so that the member list sorts by last name and the
-- search matches "dup mar" without scanning unfolded text.
ALTER TABLE member ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
UPDATE member SET sort_key = comptoir_sort_key (last_name || ' ' || first_name);
CREATE INDEX member_sort_key ON member (sort_key);

CREATE TRIGGER member_sort_key_insert AFTER INSERT ON member
BEGIN
  UPDATE member SET sort_key = comptoir_sort_key (NEW.last_name || ' ' || NEW.first_name)
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER member_sort_key_update AFTER UPDATE OF first_name, last_name ON member
BEGIN
  UPDATE member SET sort_key = comptoir_sort_key (NEW.last_name || ' ' || NEW.first_name)
    WHERE rowid = NEW.rowid;
END;

-- The household: people who shop on the member's account (a partner, a
-- grown-up child). Reference data. The write API never deletes a row,
-- so a person taken off the account is marked removed; merging two
-- accounts moves people by changing member_id.
CREATE TABLE member_person (
  id         TEXT PRIMARY KEY NOT NULL,
  member_id  TEXT NOT NULL REFERENCES member (id),
  first_name TEXT NOT NULL,
  last_name  TEXT NOT NULL,
  birth_date TEXT
    CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  removed    INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
);
CREATE INDEX member_person_member ON member_person (member_id);

-- Movements of shares of the cooperative's capital: a fact each, never
-- changed. n_shares is always positive and the kind says which way:
--   subscribe     the member buys shares (on joining, or later)
--   refund        the cooperative buys them back (a member who leaves)
--   transfer_out  shares given to another member (related_member_id) …
--   transfer_in   … and received by them, written together
-- unit_value is the value of one share on that day, in cents: the
-- setting may change, what was subscribed keeps its value. A member's
-- shares and capital are the signed sums of their movements.
CREATE TABLE share_movement (
  id                TEXT PRIMARY KEY NOT NULL,
  member_id         TEXT NOT NULL REFERENCES member (id),
  at                TEXT NOT NULL,
  on_day            TEXT NOT NULL CHECK (on_day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind              TEXT NOT NULL CHECK (kind IN ('subscribe', 'refund', 'transfer_in', 'transfer_out')),
  n_shares          INTEGER NOT NULL CHECK (n_shares > 0),
  unit_value        INTEGER NOT NULL CHECK (unit_value >= 0),
  related_member_id TEXT REFERENCES member (id),
  CHECK ((kind IN ('transfer_in', 'transfer_out')) = (related_member_id IS NOT NULL))
);
CREATE INDEX share_movement_member ON share_movement (member_id, on_day);

-- Money paid for shares (amount > 0), or paid back to the member
-- (amount < 0): a fact each. Paying for shares is often spread over
-- months, and a refund is paid when the cooperative can, so payments
-- are kept apart from movements; what is owed is capital minus paid.
-- method is a payment method code ('cash', 'cheque', 'transfer'…).
CREATE TABLE share_payment (
  id        TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id),
  at        TEXT NOT NULL,
  on_day    TEXT NOT NULL CHECK (on_day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  amount    INTEGER NOT NULL CHECK (amount <> 0),
  method    TEXT NOT NULL CHECK (length (trim (method)) > 0)
);
CREATE INDEX share_payment_member ON share_payment (member_id, on_day);

CREATE TRIGGER share_movement_immutable_u BEFORE UPDATE ON share_movement
BEGIN SELECT RAISE (ABORT, 'a share movement is never changed: record another movement'); END;
CREATE TRIGGER share_movement_immutable_d BEFORE DELETE ON share_movement
BEGIN SELECT RAISE (ABORT, 'a share movement is never deleted: record another movement'); END;
CREATE TRIGGER share_payment_immutable_u BEFORE UPDATE ON share_payment
BEGIN SELECT RAISE (ABORT, 'a share payment is never changed: record a payment back'); END;
CREATE TRIGGER share_payment_immutable_d BEFORE DELETE ON share_payment
BEGIN SELECT RAISE (ABORT, 'a share payment is never deleted: record a payment back'); END;

-- The member's photo, shown at the till to recognise them. The write
-- API and the change log carry text, so the image (JPEG or PNG, at most
-- 512 KiB) is stored as base64. The row's id is the member's id (one
-- photo per member, and the write API finds rows by id); a removed
-- photo has mime and data NULL. Reference data.
CREATE TABLE member_photo (
  id   TEXT PRIMARY KEY NOT NULL REFERENCES member (id),
  mime TEXT CHECK (mime IS NULL OR mime IN ('image/jpeg', 'image/png')),
  data TEXT,
  CHECK ((mime IS NULL) = (data IS NULL))
);

-- What was done to a member's record that cannot be undone, and by
-- whom: anonymisation and merging of accounts. A fact. (The audit log
-- of schema 0006 is for actions at a till: it needs a till and lists a
-- fixed set of till actions; these happen in the office.)
CREATE TABLE member_event (
  id        TEXT PRIMARY KEY NOT NULL,
  member_id TEXT NOT NULL REFERENCES member (id),
  at        TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('anonymise', 'merge')),
  by_staff  TEXT REFERENCES staff (id),
  device_id TEXT NOT NULL,
  details   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (details))
);
CREATE INDEX member_event_member ON member_event (member_id, at);

CREATE TRIGGER member_event_immutable_u BEFORE UPDATE ON member_event
BEGIN SELECT RAISE (ABORT, 'a member event is never changed'); END;
CREATE TRIGGER member_event_immutable_d BEFORE DELETE ON member_event
BEGIN SELECT RAISE (ABORT, 'a member event is never deleted'); END;

INSERT INTO replicated_table (name)
  VALUES ('member_person'), ('share_movement'), ('share_payment'), ('member_photo'), ('member_event');
