/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every comptoir-cli command shares: errors said the same way, and
 * options read the same way. */

/* Prints the error and frees it; returns the exit status 1. */
int         comptoir_cli_fail         (GError      *error);
/* Prints what is wrong with the arguments; returns the exit status 2. */
int         comptoir_cli_usage_error  (const char  *message);
/* The value after name ("--till T1"), or NULL. */
const char *comptoir_cli_option_value (int          argc,
                                       char       **argv,
                                       const char  *name);

G_END_DECLS
