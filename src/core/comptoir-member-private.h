/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Steps a statement that selects one member by id: TRUE on its row;
 * otherwise FALSE, with NOT_FOUND and the message every member service
 * gives for an unknown member, or the database's error. */
gboolean _comptoir_member_step_one (ComptoirDb    *db,
                                    ComptoirStmt  *stmt,
                                    GError       **error);

G_END_DECLS
