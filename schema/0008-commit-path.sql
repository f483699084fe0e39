-- SPDX-License-Identifier: GPL-3.0-or-later
-- What committing a ticket writes, made lighter.

-- A ticket, its lines, payments, stock movements and journal entry are
-- created together and never change: the change log records them as ONE
-- entry of kind 'facts', whose payload lists every row in the order it
-- was written (parents before children), so the hub receives a ticket
-- all or nothing. An entry of kind 'row' carries the new values of one
-- row, as every entry did before.
--
-- The payload is no longer parsed again by json_valid on insert: the
-- write API builds it escaping every string and refusing text that is
-- not UTF-8, and parsing a ticket's sixteen kilobytes again cost a
-- tenth of the commit's work. Dropping a CHECK needs the table rebuilt;
-- the log keeps its rows, numbers and acknowledgements.
CREATE TABLE change_log_next (
  seq            INTEGER PRIMARY KEY,
  op_id          TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL DEFAULT 'row' CHECK (kind IN ('row', 'facts')),
  tbl            TEXT NOT NULL,
  row_id         TEXT NOT NULL,
  hlc            INTEGER NOT NULL,
  device_id      TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  payload        TEXT NOT NULL,
  acked          INTEGER NOT NULL DEFAULT 0 CHECK (acked IN (0, 1))
);
INSERT INTO change_log_next (seq, op_id, tbl, row_id, hlc, device_id, schema_version, payload, acked)
  SELECT seq, op_id, tbl, row_id, hlc, device_id, schema_version, payload, acked FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_next RENAME TO change_log;
CREATE INDEX change_log_row ON change_log (tbl, row_id);

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE (ABORT, 'the change log is append-only');
END;
CREATE TRIGGER change_log_only_ack BEFORE UPDATE ON change_log
  WHEN NEW.seq IS NOT OLD.seq OR NEW.op_id IS NOT OLD.op_id
    OR NEW.kind IS NOT OLD.kind
    OR NEW.tbl IS NOT OLD.tbl OR NEW.row_id IS NOT OLD.row_id
    OR NEW.hlc IS NOT OLD.hlc OR NEW.device_id IS NOT OLD.device_id
    OR NEW.payload IS NOT OLD.payload
    OR NEW.schema_version IS NOT OLD.schema_version
    OR NEW.acked < OLD.acked
BEGIN
  SELECT RAISE (ABORT, 'the change log is append-only');
END;

-- No query reads stock movements by product yet, and this index cost
-- every sale one random page write per line: once the shop has some
-- history, twenty lines dirty twenty leaf pages, a third of all the pages
-- a commit writes. The stock screen will add the index it needs.
DROP INDEX stock_movement_product;
