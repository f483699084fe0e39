/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli receive start|scan|count|link|price|undo|show|list|
 * validate|cancel: receiving a delivery through the same core calls as
 * the receiving screen. Returns the exit status; 2 for wrong arguments. */
int comptoir_cli_receive (ComptoirDb  *db,
                          int          argc,
                          char       **argv);

G_END_DECLS
