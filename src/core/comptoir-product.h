/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  COMPTOIR_UNIT_PIECE,
  COMPTOIR_UNIT_KG,
  COMPTOIR_UNIT_LITRE,
} ComptoirUnit;

#define COMPTOIR_TYPE_UNIT (comptoir_unit_get_type ())
GType        comptoir_unit_get_type    (void) G_GNUC_CONST;
const char  *comptoir_unit_to_string   (ComptoirUnit unit);
gboolean     comptoir_unit_from_string (const char  *text,
                                        ComptoirUnit *out_unit);
const char  *comptoir_unit_get_label   (ComptoirUnit unit);

#define COMPTOIR_TYPE_PRODUCT (comptoir_product_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirProduct, comptoir_product, COMPTOIR, PRODUCT, GObject)

ComptoirProduct *comptoir_product_new              (void);
ComptoirProduct *comptoir_product_copy             (ComptoirProduct *self);

gint64        comptoir_product_get_rowid        (ComptoirProduct *self);
const char   *comptoir_product_get_id           (ComptoirProduct *self);
const char   *comptoir_product_get_code         (ComptoirProduct *self);
void          comptoir_product_set_code         (ComptoirProduct *self, const char *code);
const char   *comptoir_product_get_name         (ComptoirProduct *self);
void          comptoir_product_set_name         (ComptoirProduct *self, const char *name);
const char * const *comptoir_product_get_barcodes (ComptoirProduct *self);
void          comptoir_product_set_barcodes     (ComptoirProduct *self, const char * const *barcodes);
ComptoirUnit  comptoir_product_get_unit         (ComptoirProduct *self);
void          comptoir_product_set_unit         (ComptoirProduct *self, ComptoirUnit unit);
gint64        comptoir_product_get_price_cents  (ComptoirProduct *self);
void          comptoir_product_set_price_cents  (ComptoirProduct *self, gint64 cents);
int           comptoir_product_get_vat_bp       (ComptoirProduct *self);
void          comptoir_product_set_vat_bp       (ComptoirProduct *self, int vat_bp);
const char   *comptoir_product_get_category_id  (ComptoirProduct *self);
const char   *comptoir_product_get_category_name (ComptoirProduct *self);
void          comptoir_product_set_category     (ComptoirProduct *self, const char *id, const char *name);
const char   *comptoir_product_get_supplier_ref (ComptoirProduct *self);
void          comptoir_product_set_supplier_ref (ComptoirProduct *self, const char *ref);
const char   *comptoir_product_get_origin       (ComptoirProduct *self);
void          comptoir_product_set_origin       (ComptoirProduct *self, const char *origin);
gboolean      comptoir_product_get_organic      (ComptoirProduct *self);
void          comptoir_product_set_organic      (ComptoirProduct *self, gboolean organic);
/* On the till's grid of quick buttons, for goods without a barcode. */
gboolean      comptoir_product_get_quick        (ComptoirProduct *self);
void          comptoir_product_set_quick        (ComptoirProduct *self, gboolean quick);
gboolean      comptoir_product_get_active       (ComptoirProduct *self);
void          comptoir_product_set_active       (ComptoirProduct *self, gboolean active);

/* In-tree: the catalogue fills these from the store. */
void          _comptoir_product_set_identity    (ComptoirProduct *self, gint64 rowid, const char *id);

G_END_DECLS
