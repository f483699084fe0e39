/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The member's identity, contact details, dates, participation and
 * notes in one form; the core checks what is saved, and what it refuses
 * is said in the form, which stays open. Emits "saved" once stored. */
#define COMPTOIR_TYPE_MEMBER_EDITOR (comptoir_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirMemberEditor, comptoir_member_editor, COMPTOIR, MEMBER_EDITOR, AdwWindow)

ComptoirMemberEditor *comptoir_member_editor_new (GtkWindow                  *parent,
                                                  ComptoirDb                 *db,
                                                  const ComptoirMemberRecord *record);
/* The same form for a member who joins today (the day can be changed):
 * their number, or the next free one, and the shares they subscribe
 * too. "saved" is emitted once they are created. */
ComptoirMemberEditor *comptoir_member_editor_new_member (GtkWindow  *parent,
                                                         ComptoirDb *db);
/* The member edited, or created once "saved" was emitted; "" before. */
const char           *comptoir_member_editor_get_member_id (ComptoirMemberEditor *self);

G_END_DECLS
