/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli receipt: shows, prints or saves the receipt of a ticket.
 * Returns the exit status; 2 for wrong arguments. */
int comptoir_cli_receipt (ComptoirDb  *db,
                          int          argc,
                          char       **argv);

G_END_DECLS
