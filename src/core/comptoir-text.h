/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *comptoir_text_fold (const char *text);
char *comptoir_text_fts_query (const char *user_text);
/* A trimmed copy, NULL when text is NULL or blank: an empty phone is no
 * phone. */
char *comptoir_text_clean (const char *text);
/* Whether text is NULL or only white space. */
gboolean comptoir_text_is_blank (const char *text);

G_END_DECLS
