-- SPDX-License-Identifier: GPL-3.0-or-later
-- Every print of a customer's receipt: the first is copy 1, each reprint
-- the next copy and is marked "duplicate" with its number, as French
-- rules on till receipts expect. Facts, like the tickets they print.
-- No UNIQUE (ticket_id, copy): two machines reprinting the same ticket
-- while apart both record their copy, and replication must keep both.

CREATE TABLE receipt_print (
  id        TEXT PRIMARY KEY NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES ticket (id),
  at        TEXT NOT NULL,
  copy      INTEGER NOT NULL CHECK (copy > 0)
);
CREATE INDEX receipt_print_ticket ON receipt_print (ticket_id, copy);

CREATE TRIGGER receipt_print_immutable_u BEFORE UPDATE ON receipt_print
BEGIN SELECT RAISE (ABORT, 'a receipt print is never changed'); END;
CREATE TRIGGER receipt_print_immutable_d BEFORE DELETE ON receipt_print
BEGIN SELECT RAISE (ABORT, 'a receipt print is never deleted'); END;

INSERT INTO replicated_table (name) VALUES ('receipt_print');
