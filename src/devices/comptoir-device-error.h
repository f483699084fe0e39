/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain for every device (printers, drawers, scanners,
 * scales); messages are translated and say what to check. */
#define COMPTOIR_DEVICE_ERROR (comptoir_device_error_quark ())

typedef enum {
  COMPTOIR_DEVICE_ERROR_FAILED,
  COMPTOIR_DEVICE_ERROR_NOT_FOUND,
  COMPTOIR_DEVICE_ERROR_PERMISSION,
  COMPTOIR_DEVICE_ERROR_BUSY,
  COMPTOIR_DEVICE_ERROR_DISCONNECTED,
  COMPTOIR_DEVICE_ERROR_TIMEOUT,
  COMPTOIR_DEVICE_ERROR_INVALID,
} ComptoirDeviceError;

GQuark comptoir_device_error_quark (void);

G_END_DECLS
