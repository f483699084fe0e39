/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The shop's settings (shared by every till, through the core's settings
 * API) and this computer's own (GSettings), each saved as it is applied. */
#define COMPTOIR_TYPE_SETTINGS_PAGE (comptoir_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirSettingsPage, comptoir_settings_page, COMPTOIR, SETTINGS_PAGE, GtkWidget)

void       comptoir_settings_page_set_db    (ComptoirSettingsPage *self,
                                             ComptoirDb           *db);
/* Opens the dialog that adds a scale label rule, and returns it. */
GtkWidget *comptoir_settings_page_add_rule  (ComptoirSettingsPage *self);

G_END_DECLS
