/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* Column names of a replicated table, NULL if the table does not
 * replicate. */
GPtrArray *_comptoir_db_get_replicated_columns (ComptoirDb *self,
                                                const char *table);
void       _comptoir_db_allow_writes           (ComptoirDb *self);
gboolean   _comptoir_db_in_transaction         (ComptoirDb *self);
void       _comptoir_db_forbid_writes          (ComptoirDb *self);
/* The fact group being written (comptoir_db_insert_fact_group), or NULL. */
gpointer   _comptoir_db_get_fact_group         (ComptoirDb *self);
void       _comptoir_db_set_fact_group         (ComptoirDb *self,
                                                gpointer    group);

G_END_DECLS
