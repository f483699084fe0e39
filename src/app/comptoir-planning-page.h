/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The shifts of the shop: the week's slots with their fill levels and
 * who is in them (tap a slot to book, cancel, offer or check in), the
 * cycle's templates and squads, the exchange board, and the "shift now"
 * screen where members check in with their card. */
#define COMPTOIR_TYPE_PLANNING_PAGE (comptoir_planning_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirPlanningPage, comptoir_planning_page, COMPTOIR, PLANNING_PAGE, GtkWidget)

void        comptoir_planning_page_set_db     (ComptoirPlanningPage *self,
                                               ComptoirDb           *db);
/* Shows the week (Monday to Sunday) that holds day, in the week view;
 * FALSE with error when the slots cannot be read. */
gboolean    comptoir_planning_page_show_week  (ComptoirPlanningPage *self,
                                               ComptoirDay           day,
                                               GError              **error);
/* "week", "cycle", "exchange" or "now". */
void        comptoir_planning_page_show_view  (ComptoirPlanningPage *self,
                                               const char           *view);
/* The slot cards of the week shown, in day and time order. */
guint       comptoir_planning_page_get_n_slot_cards (ComptoirPlanningPage *self);

G_END_DECLS
