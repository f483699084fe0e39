/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli supplier add|list|show|import|link: suppliers and their
 * catalogues. Each returns the exit status: 0, 1 when the work could not
 * be done (said on standard error), 2 for wrong arguments. */
int comptoir_cli_supplier (ComptoirDb  *db,
                           int          argc,
                           char       **argv);
/* comptoir-cli prices preview|apply [--supplier NAME]: sale prices from
 * purchase prices and markups. */
int comptoir_cli_prices   (ComptoirDb  *db,
                           int          argc,
                           char       **argv);
/* comptoir-cli order suggest|create|show|set|send|export: purchase
 * orders. */
int comptoir_cli_order    (ComptoirDb  *db,
                           int          argc,
                           char       **argv);

G_END_DECLS
