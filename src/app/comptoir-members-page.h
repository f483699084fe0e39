/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The member office: find a member by number, name or card, see their
 * record, why their status is what it is and their coming shifts, and
 * change what the core lets staff change. */
#define COMPTOIR_TYPE_MEMBERS_PAGE (comptoir_members_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirMembersPage, comptoir_members_page, COMPTOIR, MEMBERS_PAGE, GtkWidget)

void        comptoir_members_page_set_db        (ComptoirMembersPage *self,
                                                 ComptoirDb          *db);
void        comptoir_members_page_focus_search  (ComptoirMembersPage *self);
/* Shows that member as if picked in the list; FALSE when there is none. */
gboolean    comptoir_members_page_show_member   (ComptoirMembersPage *self,
                                                 const char          *member_id);
/* The member shown, NULL when none. */
const char *comptoir_members_page_get_member    (ComptoirMembersPage *self);
/* The New Member dialog; the member it creates is then shown. */
void        comptoir_members_page_new_member    (ComptoirMembersPage *self);
/* Checks file as a trial run, shows what it would do, and imports it
 * when the person says so (what the Import… button does once a file
 * is chosen). */
void        comptoir_members_page_import_file   (ComptoirMembersPage *self,
                                                 GFile               *file);
/* The picture in file becomes the photo of the member shown (what Set
 * Photo… does once a file is chosen). */
void        comptoir_members_page_set_photo_file (ComptoirMembersPage *self,
                                                  GFile               *file);

G_END_DECLS
