/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli shifts …: templates, squads, generation, the planning,
 * seats, the exchange board and attendance, each with --now so that a
 * script replays a day. Returns the exit status; 2 for wrong arguments. */
int comptoir_cli_shifts (ComptoirDb  *db,
                         int          argc,
                         char       **argv);

G_END_DECLS
