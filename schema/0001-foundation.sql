-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released migrations are immutable: add a new numbered file instead.

-- This machine's identity; never replicated.
CREATE TABLE local_device (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at INTEGER NOT NULL
);

-- Tables whose rows replicate. The core write API refuses any other table,
-- and the guard triggers below refuse writes that bypass it.
CREATE TABLE replicated_table (
  name TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

-- The outbox. seq is gap-free (rows are never deleted), so the hub can
-- acknowledge the highest contiguous number it stored.
CREATE TABLE change_log (
  seq            INTEGER PRIMARY KEY,
  op_id          TEXT NOT NULL UNIQUE,
  tbl            TEXT NOT NULL,
  row_id         TEXT NOT NULL,
  hlc            INTEGER NOT NULL,
  device_id      TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  payload        TEXT NOT NULL CHECK (json_valid (payload)),
  acked          INTEGER NOT NULL DEFAULT 0 CHECK (acked IN (0, 1))
);
CREATE INDEX change_log_row ON change_log (tbl, row_id);

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE (ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_only_ack BEFORE UPDATE ON change_log
  WHEN NEW.seq IS NOT OLD.seq OR NEW.op_id IS NOT OLD.op_id
    OR NEW.tbl IS NOT OLD.tbl OR NEW.row_id IS NOT OLD.row_id
    OR NEW.hlc IS NOT OLD.hlc OR NEW.device_id IS NOT OLD.device_id
    OR NEW.payload IS NOT OLD.payload
    OR NEW.schema_version IS NOT OLD.schema_version
    OR NEW.acked < OLD.acked
BEGIN
  SELECT RAISE (ABORT, 'the change log is append-only');
END;

CREATE TABLE category (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  default_vat INTEGER NOT NULL DEFAULT 2000 CHECK (default_vat IN (2000, 1000, 550, 210)),
  sort_key    TEXT NOT NULL DEFAULT ''
);

-- The local rowid is the key of the search index and of the lazy list
-- model; the UUIDv7 id is what replicates.
CREATE TABLE product (
  id           TEXT PRIMARY KEY NOT NULL,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL CHECK (length (trim (name)) > 0),
  sort_key     TEXT NOT NULL DEFAULT '',
  unit         TEXT NOT NULL DEFAULT 'piece' CHECK (unit IN ('piece', 'kg', 'litre')),
  price_cents  INTEGER NOT NULL CHECK (price_cents >= 0),
  vat_bp       INTEGER NOT NULL CHECK (vat_bp IN (2000, 1000, 550, 210)),
  category_id  TEXT REFERENCES category (id),
  supplier_ref TEXT,
  origin       TEXT,
  organic      INTEGER NOT NULL DEFAULT 0 CHECK (organic IN (0, 1)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX product_code ON product (code);
CREATE INDEX product_sort_key ON product (sort_key);
CREATE INDEX product_price ON product (price_cents);
CREATE INDEX product_category ON product (category_id);

-- A barcode belongs to at most one product; unlinking sets product_id to
-- NULL so that the removal merges field by field like any other edit.
CREATE TABLE product_barcode (
  id         TEXT PRIMARY KEY NOT NULL,
  barcode    TEXT NOT NULL UNIQUE,
  product_id TEXT REFERENCES product (id)
);
CREATE INDEX product_barcode_product ON product_barcode (product_id);

CREATE TABLE member (
  id         TEXT PRIMARY KEY NOT NULL,
  number     INTEGER NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name  TEXT NOT NULL,
  email      TEXT,
  phone      TEXT,
  join_date  TEXT
);

INSERT INTO replicated_table (name)
  VALUES ('category'), ('product'), ('product_barcode'), ('member');

-- Accent- and case-folded names for sorting ("Épinards" with the E).
CREATE TRIGGER category_sort_key_insert AFTER INSERT ON category
BEGIN
  UPDATE category SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER category_sort_key_update AFTER UPDATE OF name ON category
BEGIN
  UPDATE category SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER product_sort_key_insert AFTER INSERT ON product
BEGIN
  UPDATE product SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER product_sort_key_update AFTER UPDATE OF name ON product
BEGIN
  UPDATE product SET sort_key = comptoir_sort_key (NEW.name) WHERE rowid = NEW.rowid;
END;

-- Derived search index, rebuilt from product and product_barcode by
-- triggers; remove_diacritics makes "pate" find "Pâtes".
CREATE VIRTUAL TABLE product_fts USING fts5 (
  name, code, barcodes,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER product_fts_insert AFTER INSERT ON product
BEGIN
  INSERT INTO product_fts (rowid, name, code, barcodes)
    VALUES (NEW.rowid, NEW.name, NEW.code, '');
END;
CREATE TRIGGER product_fts_update AFTER UPDATE OF name, code ON product
BEGIN
  UPDATE product_fts SET name = NEW.name, code = NEW.code
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER product_fts_barcode_insert AFTER INSERT ON product_barcode
  WHEN NEW.product_id IS NOT NULL
BEGIN
  UPDATE product_fts
    SET barcodes = (SELECT coalesce (group_concat (barcode, ' '), '')
                    FROM product_barcode WHERE product_id = NEW.product_id)
    WHERE rowid = (SELECT rowid FROM product WHERE id = NEW.product_id);
END;
CREATE TRIGGER product_fts_barcode_update AFTER UPDATE OF product_id ON product_barcode
BEGIN
  UPDATE product_fts
    SET barcodes = (SELECT coalesce (group_concat (barcode, ' '), '')
                    FROM product_barcode WHERE product_id = product.id)
    FROM product
    WHERE product.id IN (OLD.product_id, NEW.product_id)
      AND product_fts.rowid = product.rowid;
END;
