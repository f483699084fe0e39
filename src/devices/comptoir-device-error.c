/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-devices"

#include "config.h"

#include "comptoir-device-error.h"

G_DEFINE_QUARK (comptoir-device-error-quark, comptoir_device_error)
