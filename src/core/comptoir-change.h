/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"

G_BEGIN_DECLS

/* The core write API: the only way to write a replicated table. Applying
 * a change writes the row and, in the same transaction, appends to the
 * change log what changed (columns and new values, HLC, device id): an
 * entry of kind "row" whose payload is {"column": value, …}. */
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

/* Inserts a fact (never updated afterwards) and logs it, alone in a "row"
 * entry, or with the rest of its group inside comptoir_db_insert_fact_group.
 * Inside a transaction, a failure leaves that transaction to be rolled
 * back by the caller, as every writer of facts does. */
gboolean        comptoir_db_insert_fact    (ComptoirDb     *db,
                                            ComptoirChange *change,
                                            GError        **error);

/* The same for several facts, in this order, with one INSERT for each run
 * of facts of the same table and columns (up to 32 rows): SQLite spends
 * as much on a statement as on several rows, and a sale inserts twenty
 * lines, then twenty stock movements. */
gboolean        comptoir_db_insert_facts   (ComptoirDb      *db,
                                            ComptoirChange **changes,
                                            guint            n_changes,
                                            GError         **error);

/* Runs func in a transaction (a savepoint inside one) and logs every fact
 * it inserts as ONE change-log entry of kind "facts", named after the
 * first of them, whose payload lists them in the order they were written:
 * {"rows": [{"table": …, "id": …, "values": {"column": value, …}}, …]}.
 * For facts created together (a ticket with its lines, payments, stock
 * movements and journal entry): the hub receives them all or none, and
 * the outbox grows by one entry. Nothing is logged if func fails, or
 * inserts nothing; inside another group, func joins that group. */
gboolean        comptoir_db_insert_fact_group (ComptoirDb     *db,
                                               ComptoirDbFunc  func,
                                               gpointer        user_data,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirChange, comptoir_change_free)

G_END_DECLS
