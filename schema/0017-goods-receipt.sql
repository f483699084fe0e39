-- SPDX-License-Identifier: GPL-3.0-or-later
-- Goods received by scanning, against an order or not, paused on one
-- machine and resumed on another.

-- Reference data (its status merged field by field).
CREATE TABLE goods_receipt (
  id           TEXT PRIMARY KEY NOT NULL,
  supplier_id  TEXT NOT NULL REFERENCES supplier (id),
  order_id     TEXT REFERENCES purchase_order (id),
  started_at   TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'validated', 'cancelled')),
  validated_at TEXT,
  note         TEXT
);
CREATE INDEX goods_receipt_supplier ON goods_receipt (supplier_id, started_at);

-- What is expected (from the order) or turned up. product_id NULL: an
-- item not linked to our catalogue yet (it must be before validation);
-- expected_milli 0 and unexpected 1: not on the order; price_cents: the
-- purchase price per unit the order said (or the catalogue's). Reference
-- data; what was received is the sum of its scans.
CREATE TABLE goods_receipt_line (
  id                  TEXT PRIMARY KEY NOT NULL,
  receipt_id          TEXT NOT NULL REFERENCES goods_receipt (id),
  product_id          TEXT REFERENCES product (id),
  supplier_product_id TEXT REFERENCES supplier_product (id),
  label               TEXT NOT NULL,
  barcode             TEXT,
  expected_milli      INTEGER NOT NULL DEFAULT 0 CHECK (expected_milli >= 0),
  pack_milli          INTEGER NOT NULL DEFAULT 1000 CHECK (pack_milli > 0),
  price_cents         INTEGER,
  unexpected          INTEGER NOT NULL DEFAULT 0 CHECK (unexpected IN (0, 1)),
  -- The price per unit on the delivery note when the receiver found it
  -- different from price_cents (NULL: as ordered): the unit cost of the
  -- goods, and a 'price' discrepancy for the claim.
  note_price_cents    INTEGER CHECK (note_price_cents >= 0)
);
-- A scan finds its line among a receipt's (300 for a big supplier) by
-- product, or by the supplier's item when it is not linked yet: one probe
-- each, not a walk through the receipt's lines.
CREATE INDEX goods_receipt_line_receipt ON goods_receipt_line (receipt_id, product_id);
CREATE INDEX goods_receipt_line_supplier_product ON goods_receipt_line (receipt_id, supplier_product_id);

-- A scan (or a count typed): a fact, so that two receivers on two
-- machines add up and a paused receipt resumes anywhere. quantity_milli
-- may be negative (a scan undone); lot and the GS1 dates (AI 10, 15, 17)
-- when the label carries them; damaged: goods received but unfit to
-- sell (not put in stock, listed for the claim). undoes: the scan a
-- negative one takes back, so that the same scan is not undone twice (a
-- key pressed twice; the other machine's undo shows up on both).
CREATE TABLE goods_receipt_scan (
  id             TEXT PRIMARY KEY NOT NULL,
  receipt_id     TEXT NOT NULL REFERENCES goods_receipt (id),
  line_id        TEXT NOT NULL REFERENCES goods_receipt_line (id),
  quantity_milli INTEGER NOT NULL,
  lot            TEXT,
  best_before    TEXT,
  use_by         TEXT,
  damaged        INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1)),
  at             TEXT NOT NULL,
  device_id      TEXT NOT NULL,
  undoes         TEXT REFERENCES goods_receipt_scan (id)
);
CREATE INDEX goods_receipt_scan_line ON goods_receipt_scan (line_id);
CREATE INDEX goods_receipt_scan_undoes ON goods_receipt_scan (undoes) WHERE undoes IS NOT NULL;
CREATE INDEX goods_receipt_scan_dates ON goods_receipt_scan (use_by, best_before);

-- What validation found, kept for the claim to the supplier: a fact.
-- kind: 'missing' (less than expected), 'extra' (more), 'unexpected'
-- (not ordered), 'damaged', 'price' (the delivery note's price differs
-- from the order's).
CREATE TABLE goods_receipt_discrepancy (
  id             TEXT PRIMARY KEY NOT NULL,
  receipt_id     TEXT NOT NULL REFERENCES goods_receipt (id),
  line_id        TEXT NOT NULL REFERENCES goods_receipt_line (id),
  kind           TEXT NOT NULL CHECK (kind IN ('missing', 'extra', 'unexpected', 'damaged', 'price')),
  expected_milli INTEGER,
  received_milli INTEGER,
  expected_cents INTEGER,
  actual_cents   INTEGER,
  note           TEXT
);
CREATE INDEX goods_receipt_discrepancy_receipt ON goods_receipt_discrepancy (receipt_id);

CREATE TRIGGER goods_receipt_scan_immutable_u BEFORE UPDATE ON goods_receipt_scan
BEGIN SELECT RAISE (ABORT, 'a scan is never changed: scan again, or undo it with a negative count'); END;
CREATE TRIGGER goods_receipt_scan_immutable_d BEFORE DELETE ON goods_receipt_scan
BEGIN SELECT RAISE (ABORT, 'a scan is never deleted: undo it with a negative count'); END;
CREATE TRIGGER goods_receipt_discrepancy_immutable_u BEFORE UPDATE ON goods_receipt_discrepancy
BEGIN SELECT RAISE (ABORT, 'a discrepancy is never changed'); END;
CREATE TRIGGER goods_receipt_discrepancy_immutable_d BEFORE DELETE ON goods_receipt_discrepancy
BEGIN SELECT RAISE (ABORT, 'a discrepancy is never deleted'); END;

INSERT INTO replicated_table (name)
  VALUES ('goods_receipt'), ('goods_receipt_line'), ('goods_receipt_scan'), ('goods_receipt_discrepancy');
