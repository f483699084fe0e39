/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-output"

#include "config.h"

#include "comptoir-output-error.h"

G_DEFINE_QUARK (comptoir-output-error-quark, comptoir_output_error)
