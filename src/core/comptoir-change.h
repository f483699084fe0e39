/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* The core write API: the only way to write a replicated table. Applying
 * a change writes the row and, in the same transaction, appends to the
 * change log what changed (columns and new values, HLC, device id). */
typedef struct _ComptoirChange ComptoirChange;

ComptoirChange *comptoir_change_new        (const char     *table,
                                            const char     *row_id);
void            comptoir_change_free       (ComptoirChange *change);
const char     *comptoir_change_get_row_id (ComptoirChange *change);
void            comptoir_change_set_text   (ComptoirChange *change,
                                            const char     *column,
                                            const char     *value);
void            comptoir_change_set_int    (ComptoirChange *change,
                                            const char     *column,
                                            gint64          value);
void            comptoir_change_set_bool   (ComptoirChange *change,
                                            const char     *column,
                                            gboolean        value);
void            comptoir_change_set_null   (ComptoirChange *change,
                                            const char     *column);

gboolean        comptoir_db_apply_change   (ComptoirDb     *db,
                                            ComptoirChange *change,
                                            gboolean       *out_changed,
                                            GError        **error);

/* Inserts a fact (never updated afterwards) and logs it. Inside a
 * transaction, a failure leaves that transaction to be rolled back by the
 * caller, as every writer of facts does. */
gboolean        comptoir_db_insert_fact    (ComptoirDb     *db,
                                            ComptoirChange *change,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirChange, comptoir_change_free)

G_END_DECLS
