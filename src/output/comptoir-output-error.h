/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain for what src/output renders and writes (PDF, images,
 * exports); messages are translated and say what to do. */
#define COMPTOIR_OUTPUT_ERROR (comptoir_output_error_quark ())

typedef enum {
  COMPTOIR_OUTPUT_ERROR_FAILED,
  COMPTOIR_OUTPUT_ERROR_WRITE,
  COMPTOIR_OUTPUT_ERROR_BARCODE,
} ComptoirOutputError;

GQuark comptoir_output_error_quark (void);

G_END_DECLS
