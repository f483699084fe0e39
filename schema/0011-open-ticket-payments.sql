-- SPDX-License-Identifier: GPL-3.0-or-later
-- Payments taken for the ticket being built, saved as they are taken: a
-- card payment accepted on the terminal, then a crash before the cash
-- part, must not be forgotten. Local, like the draft they belong to.

CREATE TABLE open_ticket_payment (
  ticket_id    TEXT NOT NULL REFERENCES open_ticket (ticket_id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position > 0),
  method       TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (ticket_id, position)
) WITHOUT ROWID;
