/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-staff.h"

G_BEGIN_DECLS

/* Checks that staff_id names an active member of staff (a manager when
 * need_manager), with a message for the till otherwise; out_name, if not
 * NULL, receives the name. */
gboolean _comptoir_staff_check (ComptoirDb  *db,
                                const char  *staff_id,
                                gboolean     need_manager,
                                char       **out_name,
                                GError     **error);

G_END_DECLS
