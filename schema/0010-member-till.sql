-- SPDX-License-Identifier: GPL-3.0-or-later
-- What the till needs to know of a member, offline: their card and
-- whether they may shop. The shopping right is a plain field until the
-- members issue computes it from the shift ledger; the till only reads it.

ALTER TABLE member ADD COLUMN card_barcode TEXT;
ALTER TABLE member ADD COLUMN shopping_right TEXT NOT NULL DEFAULT 'ok'
  CHECK (shopping_right IN ('ok', 'warning', 'blocked'));
ALTER TABLE member ADD COLUMN shopping_note TEXT;
CREATE UNIQUE INDEX member_card ON member (card_barcode) WHERE card_barcode IS NOT NULL;
