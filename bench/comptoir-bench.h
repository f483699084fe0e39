/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "comptoir-db.h"

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

/* Order suggestion for a 1,000-product supplier with n_days of sales
 * (two years: 730), in a database of its own in dir, against a bare SQL
 * aggregate of the same sales. */
void   bench_orders        (const char *dir,
                            int         n_days);

/* Goods receipt on the shop in db: scan to line on a 300-line receipt
 * (bar: p99 2 ms), validation against bare inserts. */
void   bench_receipt       (ComptoirDb *db,
                            const char *dir,
                            int         n_queries);

/* Stock: the demo shop at path given n_days of movements
 * (sales_per_day sale lines a day), every product's stock and one
 * product's, and folding a day. */
void   bench_stock         (const char *path,
                            int         n_days,
                            int         sales_per_day,
                            int         n_queries);

G_END_DECLS
