-- SPDX-License-Identifier: GPL-3.0-or-later
-- Quick products: the till's touch grid of goods sold without a barcode
-- (loose fruit and vegetables, bulk, cheese at the counter), by category.
-- A field of the product like any other, so it replicates and merges by
-- last writer.

ALTER TABLE product ADD COLUMN quick INTEGER NOT NULL DEFAULT 0 CHECK (quick IN (0, 1));

-- Only the few products on the grid, and only those on sale: the grid of
-- one category, the whole grid by name, and the categories that have one
-- read this small index; writing any other product does not touch it.
-- quick and active lead although constant here: with no statistics kept,
-- they are what makes the planner prefer it to product_category and
-- product_sort_key, which would read the whole catalogue.
CREATE INDEX product_quick ON product (quick, active, category_id, sort_key)
  WHERE quick = 1 AND active = 1;
