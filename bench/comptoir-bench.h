/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmark's measures share. */
gint64 now_ns        (void);
double percentile_ms (GArray     *samples,
                      double      p);
/* Prints p50 and p99 of ours, and against bare when not NULL. */
void   report        (const char *what,
                      GArray     *ours,
                      GArray     *bare);
G_NORETURN
void   die           (GError     *error);

/* Member statuses: n_members with two years of shifts, in a database of
 * their own in dir. */
void   bench_member_status (const char *dir,
                            int         n_members,
                            int         n_queries);

/* The planning of a week of 60 slots, read and rendered; needs a
 * display (skipped without one). */
void   bench_planning      (const char *dir);

G_END_DECLS
