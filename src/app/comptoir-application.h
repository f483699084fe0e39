/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COMPTOIR_TYPE_APPLICATION (comptoir_application_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirApplication, comptoir_application, COMPTOIR, APPLICATION, AdwApplication)

ComptoirApplication *comptoir_application_new (void);

G_END_DECLS
