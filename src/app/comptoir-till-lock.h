/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* Who is at the till: pick your name, type your PIN. A shop with nobody
 * yet creates its first manager here. Emits "unlocked" with the member
 * of staff once the login is recorded. */
#define COMPTOIR_TYPE_TILL_LOCK (comptoir_till_lock_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirTillLock, comptoir_till_lock, COMPTOIR, TILL_LOCK, GtkWidget)

void comptoir_till_lock_set_till (ComptoirTillLock *self,
                                  ComptoirDb       *db,
                                  const char       *till_id);
/* Back to the list of names, with the staff reloaded. */
void comptoir_till_lock_reset    (ComptoirTillLock *self);

G_END_DECLS
