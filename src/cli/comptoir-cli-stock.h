/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli stock …: a product's stock and movements, losses,
 * transfers, corrections, the check and the lists. Returns the exit
 * status; 2 for wrong arguments. */
int comptoir_cli_stock     (ComptoirDb  *db,
                            int          argc,
                            char       **argv);

/* comptoir-cli inventory …: start, count, show, validate, cancel. */
int comptoir_cli_inventory (ComptoirDb  *db,
                            int          argc,
                            char       **argv);

G_END_DECLS
