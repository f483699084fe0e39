/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "comptoir-error.h"

G_BEGIN_DECLS

#define COMPTOIR_APPLICATION_ID 0x436f6d70  /* "Comp" */

typedef enum {
  COMPTOIR_DB_OPEN_DEFAULT   = 0,
  /* Open an existing database for reading only; no migration. */
  COMPTOIR_DB_OPEN_READ_ONLY = 1 << 0,
} ComptoirDbOpenFlags;

#define COMPTOIR_TYPE_DB (comptoir_db_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirDb, comptoir_db, COMPTOIR, DB, GObject)

/* A statement from the cache: g_autoptr resets it instead of freeing it. */
typedef sqlite3_stmt ComptoirStmt;
void comptoir_stmt_release (ComptoirStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirStmt, comptoir_stmt_release)

char         *comptoir_db_get_default_path     (void);
ComptoirDb   *comptoir_db_open                 (const char   *path,
                                                ComptoirDbOpenFlags flags,
                                                GError      **error);
const char   *comptoir_db_get_path             (ComptoirDb   *self);
const char   *comptoir_db_get_device_id        (ComptoirDb   *self);
int           comptoir_db_get_schema_version   (ComptoirDb   *self);
int           comptoir_db_get_latest_schema_version (void);
sqlite3      *comptoir_db_get_handle           (ComptoirDb   *self);

ComptoirStmt *comptoir_db_prepare              (ComptoirDb   *self,
                                                const char   *sql,
                                                GError      **error);
gboolean      comptoir_db_exec                 (ComptoirDb   *self,
                                                const char   *sql,
                                                GError      **error);
gboolean      comptoir_db_step_done            (ComptoirDb   *self,
                                                ComptoirStmt *stmt,
                                                GError      **error);
void          comptoir_db_set_error            (ComptoirDb   *self,
                                                GError      **error);

/* Nesting transactions: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a service can call another inside its own unit of work. */
gboolean      comptoir_db_begin                (ComptoirDb   *self,
                                                GError      **error);
gboolean      comptoir_db_commit               (ComptoirDb   *self,
                                                GError      **error);
void          comptoir_db_rollback             (ComptoirDb   *self);

typedef gboolean (*ComptoirDbFunc) (ComptoirDb *db,
                                    gpointer    user_data,
                                    GError    **error);
gboolean      comptoir_db_transaction          (ComptoirDb    *self,
                                                ComptoirDbFunc func,
                                                gpointer       user_data,
                                                GError       **error);

gint64        comptoir_db_hlc_now              (ComptoirDb   *self);

G_END_DECLS
