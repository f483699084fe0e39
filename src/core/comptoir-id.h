/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter
 * that keeps ids made in the same millisecond increasing, then random
 * bits. Every machine makes its own ids and never asks anyone. */
char    *comptoir_uuid7_new            (void);
char    *comptoir_uuid7_new_at         (gint64      unix_ms);
gboolean comptoir_uuid7_is_valid       (const char *text);
gint64   comptoir_uuid7_get_unix_ms    (const char *text);

/* Now, as every fact records it: ISO 8601 UTC with microseconds, so that
 * timestamps of one till compare as text in the order they happened. */
char    *comptoir_timestamp_now        (void);

/* Hybrid logical clock: 48 bits of wall-clock milliseconds and a 16-bit
 * logical counter packed in one gint64 so that it sorts as an integer.
 * It never goes backwards, even when the wall clock does. */
typedef struct {
  gint64 last;
} ComptoirHlc;

#define COMPTOIR_HLC_PHYSICAL(h) ((h) >> 16)
#define COMPTOIR_HLC_LOGICAL(h)  ((h) & 0xffff)

void   comptoir_hlc_init    (ComptoirHlc *hlc,
                             gint64       last);
gint64 comptoir_hlc_now     (ComptoirHlc *hlc);
gint64 comptoir_hlc_now_at  (ComptoirHlc *hlc,
                             gint64       wall_ms);
gint64 comptoir_hlc_receive (ComptoirHlc *hlc,
                             gint64       remote,
                             gint64       wall_ms);

G_END_DECLS
