/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

#define COMPTOIR_TYPE_TILL_PAGE (comptoir_till_page_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirTillPage, comptoir_till_page, COMPTOIR, TILL_PAGE, GtkWidget)

/* Opens the till with this code on the catalogue's database: resumes the
 * ticket in progress, if any. */
gboolean comptoir_till_page_set_catalog (ComptoirTillPage  *self,
                                         ComptoirCatalog   *catalog,
                                         const char        *till_code,
                                         GError           **error);
void     comptoir_till_page_focus_scan  (ComptoirTillPage  *self);
/* TRUE once the till can take a scan (for the start-up measurement). */
gboolean comptoir_till_page_is_ready    (ComptoirTillPage  *self);

G_END_DECLS
