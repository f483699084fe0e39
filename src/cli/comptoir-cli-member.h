/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli member show|record|correct: a member's status with the
 * ledger lines that explain it, and the ledger operations. Returns the
 * exit status; 2 for wrong arguments. */
int comptoir_cli_member (ComptoirDb  *db,
                         int          argc,
                         char       **argv);

G_END_DECLS
