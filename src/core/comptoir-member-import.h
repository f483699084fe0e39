/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-product-import.h"

G_BEGIN_DECLS

/* Imports the members of a cooperative from a CSV file, all or nothing,
 * in one transaction: an export of Odoo's res.partner (the cooperative
 * modules of La Louve and La Cagette) or a French or English spreadsheet.
 * A line whose number is already a member's updates that member (blank
 * cells leave their values as they are); a line without a number is a
 * new member with the next free number. Returns NULL and sets error only
 * when the file as a whole cannot be used (COMPTOIR_CSV_ERROR) or the
 * database fails (COMPTOIR_DB_ERROR); rejected lines are in the report,
 * with their line numbers, and then nothing is written. With dry_run,
 * everything is checked and counted but nothing is written. */
ComptoirImportReport *comptoir_member_import (ComptoirDb  *db,
                                              GBytes      *csv,
                                              gboolean     dry_run,
                                              GError     **error);

G_END_DECLS
