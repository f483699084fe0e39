/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

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
/* Whether flag ("--yes") is among the arguments. */
gboolean    comptoir_cli_has_flag     (int          argc,
                                       char       **argv,
                                       const char  *flag);
/* The n-th argument that is neither an option nor an option's value:
 * every option takes a value but those in flags (NULL: none). */
const char *comptoir_cli_argument     (int                 argc,
                                       char              **argv,
                                       const char * const *flags,
                                       int                 n);
/* How many such arguments there are. */
int         comptoir_cli_count_arguments (int                 argc,
                                          char              **argv,
                                          const char * const *flags);

/* The category named so, whatever the case; NULL with an error saying
 * so when there is none. Free with comptoir_category_free(). */
ComptoirCategory *comptoir_cli_find_category (ComptoirDb  *db,
                                              const char  *name,
                                              GError     **error);

G_END_DECLS
