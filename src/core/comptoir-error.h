/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COMPTOIR_DB_ERROR (comptoir_db_error_quark ())

typedef enum {
  COMPTOIR_DB_ERROR_FAILED,
  COMPTOIR_DB_ERROR_NOT_COMPTOIR,
  COMPTOIR_DB_ERROR_CORRUPT,
  COMPTOIR_DB_ERROR_TOO_NEW,
  COMPTOIR_DB_ERROR_READ_ONLY,
  COMPTOIR_DB_ERROR_BUSY,
  COMPTOIR_DB_ERROR_CONSTRAINT,
  COMPTOIR_DB_ERROR_NOT_FOUND,
  COMPTOIR_DB_ERROR_INVALID,
} ComptoirDbError;

GQuark comptoir_db_error_quark (void);

G_END_DECLS
