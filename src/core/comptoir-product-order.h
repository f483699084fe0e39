/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-catalog.h"

G_BEGIN_DECLS

/* In-tree: the catalogue's ordered search on one connection. */
typedef struct _ComptoirProductOrder ComptoirProductOrder;

ComptoirProductOrder *comptoir_product_order_new    (void);
void                  comptoir_product_order_free   (ComptoirProductOrder *self);
GArray               *comptoir_product_order_search (ComptoirProductOrder *self,
                                                     ComptoirDb           *db,
                                                     const char           *text,
                                                     ComptoirProductSort   sort,
                                                     gboolean              descending,
                                                     GError              **error);

#define COMPTOIR_PRODUCT_FTS_SQL "SELECT rowid FROM product_fts WHERE product_fts MATCH ?1"

G_END_DECLS
