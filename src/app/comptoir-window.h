/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

#define COMPTOIR_TYPE_WINDOW (comptoir_window_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirWindow, comptoir_window, COMPTOIR, WINDOW, AdwApplicationWindow)

ComptoirWindow *comptoir_window_new (GtkApplication  *application,
                                     ComptoirCatalog *catalog);

G_END_DECLS
