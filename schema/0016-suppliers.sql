-- SPDX-License-Identifier: GPL-3.0-or-later
-- Suppliers, their catalogues, prices from purchase prices, and orders.

-- Reference data, merged field by field. order_days: ISO weekdays the
-- supplier takes orders on, comma-separated ("1,4": Monday, Thursday);
-- lead_days: days from order to delivery; minimum order and franco
-- (free delivery from) in cents excluding VAT; import_mapping: the
-- column mapping of their catalogue file, as JSON, saved at the first
-- import and proposed at the next.
CREATE TABLE supplier (
  id              TEXT PRIMARY KEY NOT NULL,
  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),
  contact         TEXT,
  email           TEXT,
  phone           TEXT,
  address         TEXT,
  order_days      TEXT,
  lead_days       INTEGER NOT NULL DEFAULT 2 CHECK (lead_days BETWEEN 0 AND 90),
  min_order_cents INTEGER,
  franco_cents    INTEGER,
  notes           TEXT,
  import_mapping  TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_key        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supplier_sort_key ON supplier (sort_key);
CREATE TRIGGER supplier_sort_key_insert AFTER INSERT ON supplier
BEGIN
  UPDATE supplier SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER supplier_sort_key_update AFTER UPDATE OF name ON supplier
BEGIN
  UPDATE supplier SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;

-- A line of a supplier's catalogue, linked to our product once known
-- (product_id NULL until then). pack_milli: units in a case times 1000
-- (a case of 6: 6000; a 5 kg crate of a weighed product: 5000);
-- price_cents: purchase price excluding VAT of one unit (one kg, one
-- litre). Reference data.
CREATE TABLE supplier_product (
  id           TEXT PRIMARY KEY NOT NULL,
  supplier_id  TEXT NOT NULL REFERENCES supplier (id),
  product_id   TEXT REFERENCES product (id),
  supplier_ref TEXT NOT NULL CHECK (length (trim (supplier_ref)) > 0),
  barcode      TEXT,
  name         TEXT NOT NULL,
  pack_milli   INTEGER NOT NULL DEFAULT 1000 CHECK (pack_milli > 0),
  price_cents  INTEGER CHECK (price_cents >= 0),
  vat_bp       INTEGER CHECK (vat_bp IN (2000, 1000, 550, 210)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (supplier_id, supplier_ref)
);
CREATE INDEX supplier_product_product ON supplier_product (product_id);
CREATE INDEX supplier_product_barcode ON supplier_product (barcode);

-- Markup of the sale price over the purchase price, in basis points
-- (a coefficient of 1.3: 3000); the product's wins over its category's,
-- which wins over the shop's setting. Reference data.
ALTER TABLE product ADD COLUMN markup_bp INTEGER CHECK (markup_bp IS NULL OR markup_bp BETWEEN 0 AND 100000);
ALTER TABLE category ADD COLUMN markup_bp INTEGER CHECK (markup_bp IS NULL OR markup_bp BETWEEN 0 AND 100000);

-- Every change of a sale price, dated, with why: a fact. The product's
-- price_cents is the current one (merged field by field); this is its
-- history, replicated like any fact.
CREATE TABLE price_change (
  id                   TEXT PRIMARY KEY NOT NULL,
  product_id           TEXT NOT NULL REFERENCES product (id),
  at                   TEXT NOT NULL,
  old_cents            INTEGER NOT NULL,
  new_cents            INTEGER NOT NULL CHECK (new_cents >= 0),
  reason               TEXT NOT NULL CHECK (reason IN ('manual', 'markup', 'import')),
  purchase_price_cents INTEGER
);
CREATE INDEX price_change_product ON price_change (product_id, at);
CREATE TRIGGER price_change_immutable_u BEFORE UPDATE ON price_change
BEGIN SELECT RAISE (ABORT, 'a price change is never changed'); END;
CREATE TRIGGER price_change_immutable_d BEFORE DELETE ON price_change
BEGIN SELECT RAISE (ABORT, 'a price change is never deleted'); END;

-- A purchase order. number: shown to people and the supplier ("C-0042"),
-- unique. Reference data (its status and lines change until it is sent).
CREATE TABLE purchase_order (
  id          TEXT PRIMARY KEY NOT NULL,
  supplier_id TEXT NOT NULL REFERENCES supplier (id),
  number      TEXT NOT NULL UNIQUE,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'cancelled')),
  created_at  TEXT NOT NULL,
  sent_at     TEXT,
  expected_on TEXT,
  note        TEXT
);
CREATE INDEX purchase_order_supplier ON purchase_order (supplier_id, created_at);

-- packs: cases ordered; quantity_milli: the units they hold (packs times
-- the pack size); price_cents: the purchase price per unit when
-- ordered; suggested_milli and explanation: what the suggestion said and
-- why, kept next to what a person decided.
CREATE TABLE purchase_order_line (
  id                  TEXT PRIMARY KEY NOT NULL,
  order_id            TEXT NOT NULL REFERENCES purchase_order (id),
  supplier_product_id TEXT NOT NULL REFERENCES supplier_product (id),
  product_id          TEXT REFERENCES product (id),
  packs               INTEGER NOT NULL CHECK (packs >= 0),
  quantity_milli      INTEGER NOT NULL CHECK (quantity_milli >= 0),
  price_cents         INTEGER,
  suggested_milli     INTEGER,
  explanation         TEXT
);
CREATE INDEX purchase_order_line_order ON purchase_order_line (order_id);

INSERT INTO replicated_table (name)
  VALUES ('supplier'), ('supplier_product'), ('price_change'), ('purchase_order'), ('purchase_order_line');
