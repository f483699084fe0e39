/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *comptoir_text_fold (const char *text);
char *comptoir_text_fts_query (const char *user_text);

G_END_DECLS
