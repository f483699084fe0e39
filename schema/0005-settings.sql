-- SPDX-License-Identifier: GPL-3.0-or-later
-- Shop settings (identity printed on receipts, coop or farm-shop mode,
-- scale label rules, payment methods, till lock delay). One row per key,
-- the key being the row id, so that two machines editing the same setting
-- merge by last writer like any other reference data.

CREATE TABLE setting (
  id    TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

INSERT INTO replicated_table (name) VALUES ('setting');
