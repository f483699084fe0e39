/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

#define COMPTOIR_TYPE_PRODUCT_EDITOR (comptoir_product_editor_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirProductEditor, comptoir_product_editor, COMPTOIR, PRODUCT_EDITOR, AdwWindow)

/* Edits a copy of product (NULL: a new one); emits "saved" with the
 * stored product once the catalogue accepted it. */
ComptoirProductEditor *comptoir_product_editor_new  (GtkWindow             *parent,
                                                     ComptoirCatalog       *catalog,
                                                     ComptoirProduct       *product);
gboolean               comptoir_product_editor_save (ComptoirProductEditor *self);
gboolean               comptoir_product_editor_get_dirty (ComptoirProductEditor *self);

G_END_DECLS
