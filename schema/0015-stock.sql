-- SPDX-License-Identifier: GPL-3.0-or-later
-- Stock that can be trusted: still the sum of movements (DESIGN.md),
-- never an edited quantity, with a balance per product that the
-- movements prove.
--
-- The balance is folded lazily: stock_balance holds every movement up to
-- the local rowid in stock_fold.upto; the stock of a product is its
-- balance plus its movements after that rowid (a short tail, read in
-- rowid order). Folding runs off the sale's commit path (when the till
-- is idle, before stock screens and reports), because a balance updated
-- by each sale would write one random page per line sold. The table is
-- local and derived: every machine folds the movements it holds,
-- replicated ones included (they arrive with higher local rowids), and
-- comptoir_stock_check recomputes it from scratch.

-- What a movement is; sales and refunds already write 'sale', 'refund'.
-- unit_cost_cents: the purchase price excluding VAT of one unit (or one
-- kg, one litre) for movements that bring goods in at a known cost
-- (receipts; NULL otherwise): the weighted average cost follows from it.
-- note and by_staff: what a person says of a loss, breakage or transfer
-- they record, and who they are (NULL for sales, receipts, counts).
ALTER TABLE stock_movement ADD COLUMN unit_cost_cents INTEGER;
ALTER TABLE stock_movement ADD COLUMN note TEXT;
ALTER TABLE stock_movement ADD COLUMN by_staff TEXT REFERENCES staff (id);
-- The check runs for every line of every sale, so it is written for
-- the till: AFTER, because a BEFORE trigger makes SQLite compute the new
-- values twice (see install_write_guards; the refusal undoes the
-- statement all the same); and comparisons chained with the till's
-- 'sale' first (one comparison for a sale line) rather than NOT IN
-- (...): for more than two values SQLite builds a temporary index of the
-- list each time the trigger fires, which cost a 20-line ticket's
-- commit a tenth more.
CREATE TRIGGER stock_movement_reason AFTER INSERT ON stock_movement
WHEN NEW.reason <> 'sale' AND NEW.reason <> 'refund' AND NEW.reason <> 'receipt'
 AND NEW.reason <> 'loss' AND NEW.reason <> 'breakage' AND NEW.reason <> 'expired'
 AND NEW.reason <> 'theft' AND NEW.reason <> 'transfer_in' AND NEW.reason <> 'transfer_out'
 AND NEW.reason <> 'inventory' AND NEW.reason <> 'correction'
BEGIN SELECT RAISE (ABORT, 'unknown stock movement reason'); END;

-- Movements in time order, for "since when" questions (an inventory
-- count done while the shop sells, sales of the last weeks). Appended
-- at its right edge by a sale: one page, not one per line.
CREATE INDEX stock_movement_at ON stock_movement (at);

-- Reference data, merged field by field: below this stock the product
-- is listed to reorder (NULL: no minimum).
ALTER TABLE product ADD COLUMN stock_min_milli INTEGER;

-- average_cost_cents: the weighted average cost of one unit the last
-- time the product had stock (NULL: never known); kept while the stock
-- is at or below zero, when value_cents is 0, so that goods coming back
-- without a price (a refund, a count) are valued at it.
CREATE TABLE stock_balance (
  product_id         TEXT PRIMARY KEY NOT NULL,
  quantity_milli     INTEGER NOT NULL,
  value_cents        INTEGER NOT NULL,   -- at weighted average cost
  average_cost_cents INTEGER,
  last_in            TEXT,               -- at of the last receipt, transfer or correction in
  last_out           TEXT                -- at of the last sale
) WITHOUT ROWID;

CREATE TABLE stock_fold (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  upto INTEGER NOT NULL
);
INSERT INTO stock_fold (id, upto) VALUES (1, 0);

-- An inventory count: a zone or a category counted while the shop may
-- sell. Reference data (its status is merged field by field); the counts
-- themselves are facts, so that two people counting the same count on
-- two machines add up.
CREATE TABLE inventory_count (
  id           TEXT PRIMARY KEY NOT NULL,
  label        TEXT NOT NULL CHECK (length (trim (label)) > 0),
  category_id  TEXT REFERENCES category (id),
  started_at   TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'validated', 'cancelled')),
  validated_at TEXT
);

-- One count of a product (a scan, or a number typed): the product's
-- count is the sum of its entries (shelf plus reserve; a negative entry
-- corrects a mistake); at is when it was counted, which tells which
-- sales happened after it.
CREATE TABLE inventory_entry (
  id             TEXT PRIMARY KEY NOT NULL,
  count_id       TEXT NOT NULL REFERENCES inventory_count (id),
  product_id     TEXT NOT NULL REFERENCES product (id),
  quantity_milli INTEGER NOT NULL,
  at             TEXT NOT NULL,
  device_id      TEXT NOT NULL
);
CREATE INDEX inventory_entry_count ON inventory_entry (count_id, product_id);

CREATE TRIGGER inventory_entry_immutable_u BEFORE UPDATE ON inventory_entry
BEGIN SELECT RAISE (ABORT, 'an inventory entry is never changed: count again'); END;
CREATE TRIGGER inventory_entry_immutable_d BEFORE DELETE ON inventory_entry
BEGIN SELECT RAISE (ABORT, 'an inventory entry is never deleted: count again'); END;

INSERT INTO replicated_table (name) VALUES ('inventory_count'), ('inventory_entry');
