/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* A supplier's name, contact details, order days and terms in one form;
 * the core checks what is saved, and what it refuses is said in the
 * form, which stays open. Emits "saved" once stored. */
#define COMPTOIR_TYPE_SUPPLIER_EDITOR (comptoir_supplier_editor_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirSupplierEditor, comptoir_supplier_editor, COMPTOIR, SUPPLIER_EDITOR, AdwWindow)

/* supplier NULL: a new supplier. */
ComptoirSupplierEditor *comptoir_supplier_editor_new             (GtkWindow              *parent,
                                                                  ComptoirDb             *db,
                                                                  const ComptoirSupplier *supplier);
/* The supplier edited, or created once "saved" was emitted; NULL before. */
const char             *comptoir_supplier_editor_get_supplier_id (ComptoirSupplierEditor *self);

G_END_DECLS
