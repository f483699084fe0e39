/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-core.h"

G_BEGIN_DECLS

/* comptoir-cli member add|import|search|export|anonymise|merge|leave|
 * shares|household: a member's record and life events. Returns FALSE
 * when argv[0] is none of these (the ledger commands then); otherwise
 * *out_status is the exit status, 2 for wrong arguments. */
gboolean comptoir_cli_member_record       (ComptoirDb  *db,
                                           int          argc,
                                           char       **argv,
                                           int         *out_status);
/* Identity, contact, household and shares, one "Label: value" a line,
 * for member show. */
gboolean comptoir_cli_member_print_record (ComptoirDb  *db,
                                           const char  *member_id,
                                           GError     **error);

G_END_DECLS
