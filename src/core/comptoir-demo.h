/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "comptoir-db.h"

G_BEGIN_DECLS

/* A demo shop: a French cooperative supermarket's catalogue and members,
 * made up from a seed. The same seed and sizes always give the same
 * names, codes, barcodes, prices, categories and members (only the row
 * ids, which are time-based, differ between runs, and the days of the
 * few missed shifts in the members' ledger, counted back from the day
 * the demo is made so that the till shows every status).
 *
 * Generating is bulk work (100,000 products take several seconds): in
 * the UI, run it in a worker thread on its own ComptoirDb. The progress
 * callback is called in the thread that generates. */
typedef struct {
  guint   n_products;
  guint   n_members;
  guint64 seed;
} ComptoirDemoOptions;

/* Called after each committed batch; `done` counts products and members
 * written so far, out of `total` (n_products + n_members). */
typedef void (*ComptoirDemoProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

gboolean comptoir_demo_generate (ComptoirDb                *db,
                                 const ComptoirDemoOptions *options,
                                 ComptoirDemoProgress       progress,
                                 gpointer                   user_data,
                                 GError                   **error);

G_END_DECLS
